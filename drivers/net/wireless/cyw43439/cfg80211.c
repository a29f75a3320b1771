// SPDX-License-Identifier: GPL-2.0
/* cyw43439: the wiphy: bands, capabilities and cfg80211 operations. */

#include <linux/ieee80211.h>

#include "cyw43.h"

#define CYW43_CHAN_2G(_ch, _freq)					\
	{ .band = NL80211_BAND_2GHZ, .center_freq = (_freq),		\
	  .hw_value = (_ch), .max_power = 20 }

static const struct ieee80211_channel cyw43_channels_2g[] = {
	CYW43_CHAN_2G(1, 2412), CYW43_CHAN_2G(2, 2417),
	CYW43_CHAN_2G(3, 2422), CYW43_CHAN_2G(4, 2427),
	CYW43_CHAN_2G(5, 2432), CYW43_CHAN_2G(6, 2437),
	CYW43_CHAN_2G(7, 2442), CYW43_CHAN_2G(8, 2447),
	CYW43_CHAN_2G(9, 2452), CYW43_CHAN_2G(10, 2457),
	CYW43_CHAN_2G(11, 2462), CYW43_CHAN_2G(12, 2467),
	CYW43_CHAN_2G(13, 2472), CYW43_CHAN_2G(14, 2484),
};

/* 802.11b/g rates in 100 kb/s units */
static const struct ieee80211_rate cyw43_rates[] = {
	{ .bitrate = 10, .hw_value = 2 },
	{ .bitrate = 20, .hw_value = 4, .flags = IEEE80211_RATE_SHORT_PREAMBLE },
	{ .bitrate = 55, .hw_value = 11, .flags = IEEE80211_RATE_SHORT_PREAMBLE },
	{ .bitrate = 110, .hw_value = 22, .flags = IEEE80211_RATE_SHORT_PREAMBLE },
	{ .bitrate = 60, .hw_value = 12 },
	{ .bitrate = 90, .hw_value = 18 },
	{ .bitrate = 120, .hw_value = 24 },
	{ .bitrate = 180, .hw_value = 36 },
	{ .bitrate = 240, .hw_value = 48 },
	{ .bitrate = 360, .hw_value = 72 },
	{ .bitrate = 480, .hw_value = 96 },
	{ .bitrate = 540, .hw_value = 108 },
};

/* AES-CMAC (BIP, for the IGTK) last: only images with "mfp" take it */
static const u32 cyw43_ciphers[] = {
	WLAN_CIPHER_SUITE_TKIP,
	WLAN_CIPHER_SUITE_CCMP,
	WLAN_CIPHER_SUITE_AES_CMAC,
};

/* SAE last: only images with "sae" or "extsae" do it */
static const u32 cyw43_akms[] = {
	WLAN_AKM_SUITE_PSK,
	WLAN_AKM_SUITE_PSK_SHA256,
	WLAN_AKM_SUITE_SAE,
};

/*
 * Tell cfg80211 only what the loaded image can do (feature.c). The 4-way
 * handshake is offloaded only to an on-chip supplicant, SAE only to an
 * image with on-chip SAE; without them wpa_supplicant runs the handshake
 * over EAPOL and installs the keys (connect.c). External SAE ("extsae":
 * the host runs SAE through external auth) is not implemented, so such
 * images offer no SAE.
 */
static void cyw43_wiphy_features(struct cyw43 *cy)
{
	struct wiphy *wiphy = cy->wiphy;
	bool sae = cyw43_feat(cy, CYW43_FEAT_IDSUP) &&
		   cyw43_feat(cy, CYW43_FEAT_SAE);
	bool mfp = cyw43_feat(cy, CYW43_FEAT_MFP);

	wiphy->cipher_suites = cyw43_ciphers;
	wiphy->n_cipher_suites = ARRAY_SIZE(cyw43_ciphers) - !mfp;
	wiphy->akm_suites = cyw43_akms;
	wiphy->n_akm_suites = ARRAY_SIZE(cyw43_akms) - !sae;
	if (cyw43_feat(cy, CYW43_FEAT_IDSUP))
		wiphy_ext_feature_set(wiphy,
				      NL80211_EXT_FEATURE_4WAY_HANDSHAKE_STA_PSK);
	if (sae)
		wiphy_ext_feature_set(wiphy, NL80211_EXT_FEATURE_SAE_OFFLOAD);
	if (mfp)
		wiphy_ext_feature_set(wiphy, NL80211_EXT_FEATURE_MFP_OPTIONAL);
}

/**
 * cyw43_wiphy_new() - allocate the wiphy with a &struct cyw43 as priv
 * @dev: the SPI device
 *
 * Context: process context.
 * Return: the wiphy, or NULL.
 */
struct wiphy *cyw43_wiphy_new(struct device *dev)
{
	struct wiphy *wiphy = wiphy_new(&cyw43_cfg80211_ops,
					sizeof(struct cyw43));

	if (wiphy)
		set_wiphy_dev(wiphy, dev);
	return wiphy;
}

/**
 * cyw43_wiphy_setup() - describe the device to cfg80211
 * @cy: the device; @cy->mac known
 *
 * One 2.4 GHz band, 20 MHz HT (single stream), station mode. Channels and
 * rates are copied per device: cfg80211 writes flags into both.
 *
 * Context: process context.
 * Return: 0 or -ENOMEM.
 */
int cyw43_wiphy_setup(struct cyw43 *cy)
{
	struct wiphy *wiphy = cy->wiphy;
	struct ieee80211_supported_band *band;

	band = devm_kzalloc(cy->dev, sizeof(*band), GFP_KERNEL);
	if (!band)
		return -ENOMEM;
	band->channels = devm_kmemdup(cy->dev, cyw43_channels_2g,
				      sizeof(cyw43_channels_2g), GFP_KERNEL);
	if (!band->channels)
		return -ENOMEM;
	band->band = NL80211_BAND_2GHZ;
	band->n_channels = ARRAY_SIZE(cyw43_channels_2g);
	band->bitrates = devm_kmemdup(cy->dev, cyw43_rates,
				      sizeof(cyw43_rates), GFP_KERNEL);
	if (!band->bitrates)
		return -ENOMEM;
	band->n_bitrates = ARRAY_SIZE(cyw43_rates);
	band->ht_cap.ht_supported = true;
	band->ht_cap.cap = IEEE80211_HT_CAP_SGI_20;
	band->ht_cap.ampdu_factor = IEEE80211_HT_MAX_AMPDU_8K;
	band->ht_cap.ampdu_density = IEEE80211_HT_MPDU_DENSITY_16;
	band->ht_cap.mcs.rx_mask[0] = 0xff;
	band->ht_cap.mcs.tx_params = IEEE80211_HT_MCS_TX_DEFINED;

	wiphy->bands[NL80211_BAND_2GHZ] = band;
	wiphy->interface_modes = BIT(NL80211_IFTYPE_STATION);
	wiphy->signal_type = CFG80211_SIGNAL_TYPE_MBM;
	wiphy->max_scan_ssids = 1;
	wiphy->max_scan_ie_len = 0;
	wiphy->flags |= WIPHY_FLAG_NETNS_OK;
	cyw43_wiphy_features(cy);
	memcpy(wiphy->perm_addr, cy->mac, ETH_ALEN);
	return 0;
}
