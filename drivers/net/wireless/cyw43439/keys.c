// SPDX-License-Identifier: GPL-2.0
/* cyw43439: security of a connect request, and keys from a host supplicant. */

#include <linux/ieee80211.h>
#include <linux/string.h>

#include <kunit/visibility.h>

#include "netdrv_compat.h"

#include "cyw43.h"

/* Security values (§9.3); PSK-SHA256 from brcmfmac's wpa_auth bits */
#define CYW43_WSEC_TKIP			0x02
#define CYW43_WSEC_AES			0x04
#define CYW43_WPA_AUTH_PSK		0x0004
#define CYW43_WPA2_AUTH_PSK		0x0080
#define CYW43_WPA2_AUTH_PSK_SHA256	0x8000
#define CYW43_WPA3_AUTH_SAE		0x40000
#define CYW43_AUTH_SAE			3
#define CYW43_MFP_CAPABLE		1
#define CYW43_MFP_REQUIRED		2

/* Key algorithms and flags of "wsec_key" (brcmfmac fwil_types.h) */
#define CYW43_ALGO_OFF			0
#define CYW43_ALGO_TKIP			2
#define CYW43_ALGO_AES_CCM		4
#define CYW43_KEY_PRIMARY		BIT(1)
#define CYW43_KEY_MAX			32

/*
 * "wsec_key": the key the firmware encrypts or decrypts with. The layout
 * is brcmfmac's brcmf_wsec_key_le, whose natural alignment puts the
 * 6-byte receive IV in 8 bytes and pads the whole to 164.
 */
struct cyw43_wsec_key {
	__le32 index;
	__le32 len;
	u8 data[CYW43_KEY_MAX];
	__le32 pad_1[18];
	__le32 algo;
	__le32 flags;
	__le32 pad_2[3];
	__le32 iv_initialized;
	__le32 pad_3;
	__le32 rxiv_hi;
	__le16 rxiv_lo;
	__le16 pad_rxiv;
	__le32 pad_4[2];
	u8 ea[ETH_ALEN];
	__le16 pad_5;
} __packed;
static_assert(sizeof(struct cyw43_wsec_key) == 164);
static_assert(offsetof(struct cyw43_wsec_key, algo) == 112);
static_assert(offsetof(struct cyw43_wsec_key, ea) == 156);

static bool cyw43_has_akm(const struct cfg80211_crypto_settings *c, u32 akm)
{
	int i;

	for (i = 0; i < c->n_akm_suites; i++)
		if (c->akm_suites[i] == akm)
			return true;
	return false;
}

static u32 cyw43_sec_wsec(const struct cfg80211_crypto_settings *c)
{
	u32 wsec = 0;
	int i;

	for (i = 0; i < c->n_ciphers_pairwise; i++) {
		if (c->ciphers_pairwise[i] == WLAN_CIPHER_SUITE_TKIP)
			wsec |= CYW43_WSEC_TKIP;
		else if (c->ciphers_pairwise[i] == WLAN_CIPHER_SUITE_CCMP)
			wsec |= CYW43_WSEC_AES;
	}
	return wsec ?: CYW43_WSEC_AES;
}

/* SAE with the password handed down, alone or WPA2/WPA3 transition */
static int cyw43_sec_sae(const struct cfg80211_connect_params *sme,
			 unsigned long feat, struct cyw43_sec *sec)
{
	const struct cfg80211_crypto_settings *c = &sme->crypto;
	bool psk = cyw43_has_akm(c, WLAN_AKM_SUITE_PSK) && c->psk;

	if (!(feat & BIT(CYW43_FEAT_IDSUP)) || !(feat & BIT(CYW43_FEAT_SAE)) ||
	    !c->sae_pwd || !c->sae_pwd_len ||
	    c->sae_pwd_len > CYW43_SAE_PWD_MAX)
		return -EOPNOTSUPP;
	sec->auth = CYW43_AUTH_SAE;
	sec->wpa_auth = CYW43_WPA3_AUTH_SAE | (psk ? CYW43_WPA2_AUTH_PSK : 0);
	sec->mfp = psk ? CYW43_MFP_CAPABLE : CYW43_MFP_REQUIRED;
	sec->fwsup = true;
	sec->sae = true;
	sec->pmk = psk;
	return 0;
}

/* WPA2-PSK and PSK-SHA256: offloaded with a PMK, else the host's */
static int cyw43_sec_psk(const struct cfg80211_connect_params *sme,
			 unsigned long feat, struct cyw43_sec *sec)
{
	const struct cfg80211_crypto_settings *c = &sme->crypto;
	bool sha256 = cyw43_has_akm(c, WLAN_AKM_SUITE_PSK_SHA256);
	bool psk = cyw43_has_akm(c, WLAN_AKM_SUITE_PSK);

	if (!psk && !sha256)
		return -EOPNOTSUPP;
	if (c->wpa_versions & ~NL80211_WPA_VERSION_1 || !c->wpa_versions) {
		sec->wpa_auth = (psk ? CYW43_WPA2_AUTH_PSK : 0) |
				(sha256 ? CYW43_WPA2_AUTH_PSK_SHA256 : 0);
	} else if (psk) {
		sec->wpa_auth = CYW43_WPA_AUTH_PSK;	/* WPA1, its own value */
	} else {
		return -EOPNOTSUPP;	/* SHA-256 exists for RSN only */
	}
	if (sha256 || sme->mfp == NL80211_MFP_OPTIONAL)
		sec->mfp = CYW43_MFP_CAPABLE;
	sec->fwsup = (feat & BIT(CYW43_FEAT_IDSUP)) && c->psk;
	sec->pmk = sec->fwsup;
	return 0;
}

/**
 * cyw43_sec_map() - how a connect request maps onto the firmware (§9.3)
 * @sme: the request
 * @feat: what the image can do, BIT(CYW43_FEAT_*)
 * @sec: out
 *
 * The AKM comes from @sme's akm_suites[] and wpa_versions: open; WPA2-PSK
 * (0x80) and PSK-SHA256 (0x8000, brcmfmac's value; 802.11w capable), the
 * on-chip supplicant doing the 4-way handshake when the image has one and
 * user space handed the PMK down, else the host's; WPA1-PSK with its own
 * value (0x4); SAE (0x40000, MFP required) and WPA2/WPA3 transition
 * (both bits, MFP capable) only with the image's own SAE. Management frame
 * protection follows @sme->mfp, at least what the AKM needs, and needs
 * "mfp" in the image.
 *
 * Context: any.
 * Return: 0, or -EOPNOTSUPP for what the image or the driver cannot do
 * (WEP, 802.1X, SAE without on-chip SAE, MFP without "mfp").
 */
int cyw43_sec_map(const struct cfg80211_connect_params *sme,
		  unsigned long feat, struct cyw43_sec *sec)
{
	const struct cfg80211_crypto_settings *c = &sme->crypto;
	int ret;

	memset(sec, 0, sizeof(*sec));
	if (!c->n_akm_suites && !c->n_ciphers_pairwise && !sme->key_len)
		return 0;
	if (!c->n_akm_suites)
		return -EOPNOTSUPP;	/* WEP */
	sec->wsec = cyw43_sec_wsec(c);
	ret = -EOPNOTSUPP;
	if (cyw43_has_akm(c, WLAN_AKM_SUITE_SAE) && c->sae_pwd)
		ret = cyw43_sec_sae(sme, feat, sec);
	if (ret)	/* a transition network without SAE: its PSK side */
		ret = cyw43_sec_psk(sme, feat, sec);
	if (ret)
		return ret;
	if (sme->mfp == NL80211_MFP_REQUIRED)
		sec->mfp = CYW43_MFP_REQUIRED;
	if (sec->mfp && !(feat & BIT(CYW43_FEAT_MFP))) {
		if (sec->mfp == CYW43_MFP_REQUIRED)
			return -EOPNOTSUPP;
		sec->mfp = 0;	/* "capable" is a wish the image cannot grant */
	}
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(cyw43_sec_map);

static int cyw43_key_algo(u32 cipher)
{
	switch (cipher) {
	case WLAN_CIPHER_SUITE_TKIP:
		return CYW43_ALGO_TKIP;
	case WLAN_CIPHER_SUITE_CCMP:
	case WLAN_CIPHER_SUITE_AES_CMAC:	/* brcmfmac: BIP as AES */
		return CYW43_ALGO_AES_CCM;
	default:
		return -EOPNOTSUPP;
	}
}

static int cyw43_key_send(struct cyw43 *cy, struct cyw43_wsec_key *k)
{
	int ret = cyw43_iovar_set(cy, "wsec_key", k, sizeof(*k));

	memzero_explicit(k, sizeof(*k));
	return ret;
}

/**
 * cyw43_add_key() - cfg80211 add_key: a key from the host's supplicant
 * @wiphy: the wiphy
 * @dev: the station interface (its net_device or wireless_dev)
 * @link_id: MLO link, unused
 * @idx: key index
 * @pairwise: a pairwise (PTK) key, for @mac
 * @mac: the peer of a pairwise key, or NULL
 * @p: cipher, key and receive sequence counter
 *
 * TKIP's Michael keys come from user space in 802.11 order (TX, RX);
 * a station's firmware wants RX first (brcmfmac swaps them the same way).
 * The key is wiped from every buffer of ours once sent.
 *
 * Context: process context, wiphy lock held.
 * Return: 0, -EINVAL for a key that does not fit, -EOPNOTSUPP for a
 * cipher the firmware lacks, or the firmware's error.
 */
int cyw43_add_key(struct wiphy *wiphy, NETDRV_KEY_DEV *dev, int link_id,
		  u8 idx, bool pairwise, const u8 *mac, struct key_params *p)
{
	struct cyw43 *cy = wiphy_priv(wiphy);
	int algo = cyw43_key_algo(p->cipher);
	struct cyw43_wsec_key k = {};
	u8 mic[8];

	if (algo < 0)
		return algo;
	if (p->key_len > CYW43_KEY_MAX || (pairwise && !mac) ||
	    (p->seq && p->seq_len > 6))
		return -EINVAL;
	k.index = cpu_to_le32(idx);
	k.len = cpu_to_le32(p->key_len);
	k.algo = cpu_to_le32(algo);
	memcpy(k.data, p->key, p->key_len);
	if (algo == CYW43_ALGO_TKIP && p->key_len == CYW43_KEY_MAX) {
		memcpy(mic, k.data + 24, sizeof(mic));
		memcpy(k.data + 24, k.data + 16, sizeof(mic));
		memcpy(k.data + 16, mic, sizeof(mic));
		memzero_explicit(mic, sizeof(mic));
	}
	if (pairwise) {
		k.flags = cpu_to_le32(CYW43_KEY_PRIMARY);
		ether_addr_copy(k.ea, mac);
	}
	if (p->seq && p->seq_len == 6) {
		k.rxiv_hi = cpu_to_le32(get_unaligned_le32(p->seq + 2));
		k.rxiv_lo = cpu_to_le16(get_unaligned_le16(p->seq));
		k.iv_initialized = cpu_to_le32(1);
	}
	return cyw43_key_send(cy, &k);
}

/**
 * cyw43_del_key() - cfg80211 del_key
 * @wiphy: the wiphy
 * @dev: the station interface
 * @link_id: MLO link, unused
 * @idx: key index
 * @pairwise: the pairwise key of @mac
 * @mac: its peer, or NULL
 *
 * Context: process context, wiphy lock held.
 * Return: 0 or the firmware's error.
 */
int cyw43_del_key(struct wiphy *wiphy, NETDRV_KEY_DEV *dev, int link_id,
		  u8 idx, bool pairwise, const u8 *mac)
{
	struct cyw43 *cy = wiphy_priv(wiphy);
	struct cyw43_wsec_key k = {};

	if (!READ_ONCE(cy->up))
		return 0;	/* DOWN dropped every key already */
	k.index = cpu_to_le32(idx);
	k.algo = cpu_to_le32(CYW43_ALGO_OFF);
	if (pairwise && mac)
		ether_addr_copy(k.ea, mac);
	return cyw43_key_send(cy, &k);
}

/**
 * cyw43_set_default_key() - cfg80211 set_default_key
 * @wiphy: the wiphy
 * @dev: the station interface
 * @link_id: MLO link, unused
 * @idx: key index
 * @unicast: for unicast frames
 * @multicast: for multicast frames
 *
 * With WPA keys the firmware picks the key by the index a frame carries;
 * only WEP, which this driver does not offer, needs a primary key.
 *
 * Context: process context, wiphy lock held.
 * Return: 0.
 */
int cyw43_set_default_key(struct wiphy *wiphy, struct net_device *dev,
			  int link_id, u8 idx, bool unicast, bool multicast)
{
	return 0;
}

/**
 * cyw43_set_default_mgmt_key() - cfg80211 set_default_mgmt_key
 * @wiphy: the wiphy
 * @dev: the station interface
 * @link_id: MLO link, unused
 * @idx: IGTK index (4 or 5)
 *
 * The IGTK went in through cyw43_add_key(); the firmware checks
 * protected management frames with the index they carry.
 *
 * Context: process context, wiphy lock held.
 * Return: 0.
 */
int cyw43_set_default_mgmt_key(struct wiphy *wiphy, NETDRV_KEY_DEV *dev,
			       int link_id, u8 idx)
{
	return 0;
}
