// SPDX-License-Identifier: GPL-2.0
/* cyw43439_sim: iovar store (reference §8.2) and the clmload machine. */

#include <linux/ctype.h>
#include <linux/etherdevice.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "cywsim.h"

#define CYWSIM_IOV_RO		BIT(0)	/* GET only */
#define CYWSIM_IOV_WO		BIT(1)	/* SET only */
#define CYWSIM_IOV_BSSCFG	BIT(2)	/* "bsscfg:" form allowed */
#define CYWSIM_IOV_DOWN		BIT(3)	/* SET refused while up */
#define CYWSIM_IOV_CLM		BIT(4)	/* needs the CLM (§5.3) */
#define CYWSIM_IOV_UP		BIT(5)	/* needs WLC_UP */
/*
 * Iovars that exist only in images built with a feature: without it the
 * firmware does not know the name and answers BCME_UNSUPPORTED (-23), the
 * error brcmfmac's feature.c probes for ("sup_wpa" tells it whether the
 * image has the on-chip supplicant). That "sup_wpa2_eapver", "sup_wpa_tmo"
 * and "sae_password" go with it is UNCONFIRMED: they serve only the
 * on-chip supplicant and SAE.
 */
#define CYWSIM_IOV_F_IDSUP	BIT(6)
#define CYWSIM_IOV_F_SAE	BIT(7)
#define CYWSIM_IOV_F_MFP	BIT(8)

#define CYWSIM_BSSCFG_PREFIX	"bsscfg:"
#define CYWSIM_CLM_MAX		(64 * 1024)

/**
 * struct cywsim_iovar - one iovar the firmware knows
 * @name: name on the wire
 * @flags: CYWSIM_IOV_*
 * @idx: &cywsim_chip.iov slot for plain u32 iovars, -1 otherwise
 * @max: largest value a u32 iovar accepts
 * @get: answer a GET into @out (@room bytes); NULL for u32 iovars
 * @set: apply a SET of @vlen bytes; NULL for u32 iovars
 */
struct cywsim_iovar {
	const char *name;
	u16 flags;
	s8 idx;
	u32 max;
	int (*get)(struct cywsim_chip *chip, u8 *out, u32 room);
	int (*set)(struct cywsim_chip *chip, const u8 *v, u32 vlen);
};

/**
 * cywsim_iovar_reset() - iovar values after the firmware (re)starts
 * @chip: the chip
 */
void cywsim_iovar_reset(struct cywsim_chip *chip)
{
	memset(chip->iov, 0, sizeof(chip->iov));
	chip->iov[CYWSIM_IOV_TXGLOM] = 1;
	chip->iov[CYWSIM_IOV_SUP_WPA2_EAPVER] = U32_MAX;
	chip->iov[CYWSIM_IOV_SUP_WPA_TMO] = 2500;
	chip->iov[CYWSIM_IOV_PM2_SLEEP_RET] = 200;
	chip->iov[CYWSIM_IOV_BCN_LI_BCN] = 1;
	chip->iov[CYWSIM_IOV_BCN_LI_DTIM] = 1;
	chip->iov[CYWSIM_IOV_ASSOC_LISTEN] = 10;
	chip->iov[CYWSIM_IOV_MPC] = 1;
	chip->up = false;
	chip->infra = 1;
	chip->auth = CYWSIM_AUTH_OPEN;
	chip->wsec = 0;
	chip->wpa_auth = CYWSIM_WPA_AUTH_DISABLED;
	chip->pm = 2;
	chip->gmode = 1;
	chip->scan_passive = 0;
	chip->band = 0;
	chip->antdiv = 0;
	chip->channel = 1;
	chip->promisc = 0;
	chip->dtim = 1;
	memset(chip->country, 0, sizeof(chip->country));
	memcpy(chip->country, "XX", 2);
	memcpy(chip->country + 8, "XX", 2);
	chip->busy_until = 0;
	memset(chip->evmask, 0, sizeof(chip->evmask));
	memset(chip->mcast, 0, sizeof(chip->mcast));
	memset(chip->pmk_raw, 0, sizeof(chip->pmk_raw));
	chip->pmk_set = false;
	chip->sae_pwd_len = 0;
	chip->wpaie_len = 0;
	memzero_explicit(&chip->pkey, sizeof(chip->pkey));
	memzero_explicit(chip->gkey, sizeof(chip->gkey));
	chip->gpioout = 0;
	memset(chip->keepalive, 0, sizeof(chip->keepalive));
	chip->clm = CYWSIM_CLM_NONE;
	chip->clm_status = 0;
	kfree(chip->clm_buf);
	chip->clm_buf = NULL;
	chip->clm_len = 0;
}

static int cywsim_out(u8 *out, u32 room, const void *val, u32 n)
{
	if (room < n)
		return CYWSIM_BCME_BUFTOOSHORT;
	memcpy(out, val, n);
	return 0;
}

static int cywsim_out_str(u8 *out, u32 room, const char *s)
{
	return cywsim_out(out, room, s, strlen(s) + 1);
}

static int cywsim_iov_get_mac(struct cywsim_chip *chip, u8 *out, u32 room)
{
	return cywsim_out(out, room, chip->mac, ETH_ALEN);
}

static int cywsim_iov_set_mac(struct cywsim_chip *chip, const u8 *v, u32 n)
{
	if (n < ETH_ALEN)
		return CYWSIM_BCME_BUFTOOSHORT;
	if (!is_valid_ether_addr(v))
		return CYWSIM_BCME_BADARG;
	ether_addr_copy(chip->mac, v);
	return 0;
}

static int cywsim_iov_get_country(struct cywsim_chip *chip, u8 *out,
				  u32 room)
{
	return cywsim_out(out, room, chip->country, sizeof(chip->country));
}

static bool cywsim_cc_valid(const u8 *c)
{
	return (isupper(c[0]) && isupper(c[1])) || !memcmp(c, "ALL", 4);
}

/* §8.2: {char abbrev[4]; i32 rev; char ccode[4]}; §10 #18 busy window */
static int cywsim_iov_set_country(struct cywsim_chip *chip, const u8 *v,
				  u32 n)
{
	u64 busy = (u64)READ_ONCE(chip->k.country_busy_ms) * NSEC_PER_MSEC;

	if (n < sizeof(chip->country))
		return CYWSIM_BCME_BUFTOOSHORT;
	if (!cywsim_cc_valid(v) || !cywsim_cc_valid(v + 8))
		return CYWSIM_BCME_BADARG;
	memcpy(chip->country, v, sizeof(chip->country));
	chip->busy_until = ktime_add_ns(ktime_get(), busy);
	return 0;
}

static int cywsim_iov_get_clmver(struct cywsim_chip *chip, u8 *out,
				 u32 room)
{
	if (chip->clm != CYWSIM_CLM_DONE)
		return cywsim_out_str(out, room, "");
	return cywsim_out_str(out, room,
			      "API: 12.2 Data: cywsim synthetic CLM");
}

static int cywsim_iov_get_ver(struct cywsim_chip *chip, u8 *out, u32 room)
{
	const char *crc = strstr(chip->fw_version, " CRC:");
	const char *fwid = strstr(chip->fw_version, "FWID ");
	int vlen = crc ? crc - chip->fw_version : strlen(chip->fw_version);
	char s[160];

	/*
	 * Real images answer "wl0: <date> version 7.95.61 (abcd531 CY) FWID
	 * 01-7afb0879" (as brcmfmac logs it): the number and the FWID of the
	 * image's string, without its CRC, date and ucode parts.
	 */
	if (crc && fwid)
		scnprintf(s, sizeof(s), "wl0: cywsim version %.*s %s", vlen,
			  chip->fw_version, fwid);
	else
		scnprintf(s, sizeof(s), "wl0: cywsim version %s",
			  chip->fw_version);
	return cywsim_out_str(out, room, s);
}

/*
 * "cap": the image's capability words, blank-separated. The real answers
 * of the two 43439 images were not available (UNCONFIRMED): the model
 * gives a fixed base and then every word of the image's build name after
 * "sdio-g-pool-", which is where the images name idsup, idauth, sae,
 * extsae and mfp.
 */
static int cywsim_iov_get_cap(struct cywsim_chip *chip, u8 *out, u32 room)
{
	char s[256] = "ap sta wme 802.11d 802.11h ampdu ampdu_tx ampdu_rx";
	const char *w = strchr(chip->fw_build, '/'), *end;
	u32 n = strlen(s), i, len;

	if (!w) {	/* no build name: the legacy feature set */
		for (i = 0; i < CYWSIM_FEAT_NUM; i++)
			if (cywsim_has(chip, i))
				n += scnprintf(s + n, sizeof(s) - n, " %s",
					       cywsim_feat_name(i));
	}
	for (; w && *w; w = end) {
		end = strchrnul(++w, '-');
		len = end - w;
		if (!len || (len == 4 && !strncmp(w, "sdio", 4)) ||
		    (len == 1 && *w == 'g') ||
		    (len == 4 && !strncmp(w, "pool", 4)))
			continue;
		n += scnprintf(s + n, sizeof(s) - n, " %.*s", (int)len, w);
	}
	/* brcmfmac: "usually there is a space at the end" */
	scnprintf(s + n, sizeof(s) - n, " ");
	return cywsim_out_str(out, room, s);
}

/* "wpaie": the RSN (48) or WPA (221) element of the association request */
static int cywsim_iov_wpaie(struct cywsim_chip *chip, const u8 *v, u32 n)
{
	if (n < 2 || n != 2u + v[1] || n > sizeof(chip->wpaie))
		return CYWSIM_BCME_BADLEN;
	if (v[0] != CYWSIM_EID_RSN && v[0] != CYWSIM_EID_VENDOR)
		return CYWSIM_BCME_BADARG;
	memcpy(chip->wpaie, v, n);
	chip->wpaie_len = n;
	return 0;
}

/*
 * "wsec_key" (brcmfmac's brcmf_wsec_key_le, 164 bytes): index, len,
 * data[32], algo at 112, flags at 116, ea at 156. An all-zero ea is a
 * group key; algo 0 removes the key.
 */
static int cywsim_iov_wsec_key(struct cywsim_chip *chip, const u8 *v, u32 n)
{
	u32 idx, len, algo;
	struct cywsim_key *k;
	const u8 *ea;

	if (n < CYWSIM_WSEC_KEY_LEN)
		return CYWSIM_BCME_BUFTOOSHORT;
	idx = cywsim_le32(v);
	len = cywsim_le32(v + 4);
	algo = cywsim_le32(v + CYWSIM_WSEC_KEY_ALGO);
	ea = v + CYWSIM_WSEC_KEY_EA;
	if (idx > CYWSIM_KEY_IDX_MAX || len > CYWSIM_KEY_MAX)
		return CYWSIM_BCME_BADARG;
	if (algo != CYWSIM_ALGO_OFF && algo != CYWSIM_ALGO_TKIP &&
	    algo != CYWSIM_ALGO_AES)
		return CYWSIM_BCME_BADARG;
	if (algo != CYWSIM_ALGO_OFF && !len)
		return CYWSIM_BCME_BADLEN;
	k = is_zero_ether_addr(ea) ? &chip->gkey[idx] : &chip->pkey;
	memset(k, 0, sizeof(*k));
	if (algo != CYWSIM_ALGO_OFF) {
		k->set = true;
		k->idx = idx;
		k->algo = algo;
		k->len = len;
		memcpy(k->key, v + 8, len);
		ether_addr_copy(k->ea, ea);
	}
	cywsim_auth_keys_changed(chip);
	return 0;
}

static int cywsim_clm_fail(struct cywsim_chip *chip, int err)
{
	chip->clm = CYWSIM_CLM_FAILED;
	chip->clm_status = err;
	kfree(chip->clm_buf);
	chip->clm_buf = NULL;
	cywsim_console(chip, "clmload failed: %d", err);
	return err;
}

static int cywsim_clm_finish(struct cywsim_chip *chip)
{
	if (cywsim_clm_verify(chip->clm_buf, chip->clm_len))
		return cywsim_clm_fail(chip, CYWSIM_BCME_ERROR);
	chip->clm = CYWSIM_CLM_DONE;
	chip->clm_status = 0;
	kfree(chip->clm_buf);
	chip->clm_buf = NULL;
	cywsim_console(chip, "CLM loaded, %u bytes", chip->clm_len);
	return 0;
}

/* §5.3: flag, dload_type, len, crc, data; BEGIN ... END */
static int cywsim_iov_clmload(struct cywsim_chip *chip, const u8 *v, u32 n)
{
	u16 flag, type;
	u32 len;

	if (n < CYWSIM_CLM_CHUNK_HDR)
		return CYWSIM_BCME_BADLEN;
	flag = cywsim_le16(v);
	type = cywsim_le16(v + 2);
	len = cywsim_le32(v + 4);
	if ((flag & CYWSIM_CLM_FLAG_VER_MASK) != CYWSIM_CLM_FLAG_HANDLER_VER)
		return cywsim_clm_fail(chip, CYWSIM_BCME_BADARG);
	if (type != CYWSIM_CLM_TYPE_CLM)
		return cywsim_clm_fail(chip, CYWSIM_BCME_UNSUPPORTED);
	if (len > n - CYWSIM_CLM_CHUNK_HDR)
		return cywsim_clm_fail(chip, CYWSIM_BCME_BADLEN);
	if (flag & CYWSIM_CLM_FLAG_BEGIN) {
		kfree(chip->clm_buf);
		chip->clm_buf = kmalloc(CYWSIM_CLM_MAX, GFP_KERNEL);
		if (!chip->clm_buf)
			return cywsim_clm_fail(chip, CYWSIM_BCME_NOMEM);
		chip->clm_len = 0;
		chip->clm = CYWSIM_CLM_LOADING;
	} else if (chip->clm != CYWSIM_CLM_LOADING) {
		/* a chunk without BEGIN before it */
		return cywsim_clm_fail(chip, CYWSIM_BCME_BADARG);
	}
	if (len > CYWSIM_CLM_MAX - chip->clm_len)
		return cywsim_clm_fail(chip, CYWSIM_BCME_NOMEM);
	memcpy(chip->clm_buf + chip->clm_len, v + CYWSIM_CLM_CHUNK_HDR, len);
	chip->clm_len += len;
	if (flag & CYWSIM_CLM_FLAG_END)
		return cywsim_clm_finish(chip);
	return 0;
}

static int cywsim_iov_get_clmstatus(struct cywsim_chip *chip, u8 *out,
				    u32 room)
{
	u8 v[4];

	cywsim_put_le32(v, chip->clm_status);
	return cywsim_out(out, room, v, 4);
}

static int cywsim_iov_get_evmask(struct cywsim_chip *chip, u8 *out,
				 u32 room)
{
	if (room < CYWSIM_EVMASK_MIN)
		return CYWSIM_BCME_BUFTOOSHORT;
	memcpy(out, chip->evmask, min_t(u32, room, CYWSIM_EVMASK_LEN));
	return 0;
}

/* §7.5: the firmware checks a minimum mask length of 18 bytes */
static int cywsim_iov_set_evmask(struct cywsim_chip *chip, const u8 *v,
				 u32 n)
{
	if (n < CYWSIM_EVMASK_MIN)
		return CYWSIM_BCME_BADLEN;
	memset(chip->evmask, 0, sizeof(chip->evmask));
	memcpy(chip->evmask, v, min_t(u32, n, CYWSIM_EVMASK_LEN));
	return 0;
}

static int cywsim_iov_escan(struct cywsim_chip *chip, const u8 *v, u32 n)
{
	return cywsim_escan(chip, v, n);
}

static int cywsim_iov_join(struct cywsim_chip *chip, const u8 *v, u32 n)
{
	return cywsim_join_iovar(chip, v, n);
}

static int cywsim_iov_sae(struct cywsim_chip *chip, const u8 *v, u32 n)
{
	u16 len;

	if (n < 2)
		return CYWSIM_BCME_BUFTOOSHORT;
	len = cywsim_le16(v);
	if (!len || len > CYWSIM_SAE_PWD_MAX)
		return CYWSIM_BCME_BADARG;
	if (n < 2u + len)
		return CYWSIM_BCME_BUFTOOSHORT;
	memcpy(chip->sae_pwd, v + 2, len);
	chip->sae_pwd_len = len;
	return 0;
}

static int cywsim_iov_mcast(struct cywsim_chip *chip, const u8 *v, u32 n)
{
	u32 cnt;

	if (n < 4)
		return CYWSIM_BCME_BUFTOOSHORT;
	cnt = cywsim_le32(v);
	if (cnt > 10)
		return CYWSIM_BCME_BUFTOOLONG;	/* §8.2: max 10 */
	if (n < 4 + cnt * ETH_ALEN)
		return CYWSIM_BCME_BUFTOOSHORT;
	memset(chip->mcast, 0, sizeof(chip->mcast));
	memcpy(chip->mcast, v, 4 + cnt * ETH_ALEN);
	return 0;
}

static int cywsim_iov_get_mcast(struct cywsim_chip *chip, u8 *out, u32 room)
{
	u32 cnt = cywsim_le32(chip->mcast);

	return cywsim_out(out, room, chip->mcast, 4 + cnt * ETH_ALEN);
}

static int cywsim_iov_get_bss(struct cywsim_chip *chip, u8 *out, u32 room)
{
	u8 v[4];

	cywsim_put_le32(v, chip->up);
	return cywsim_out(out, room, v, 4);
}

static int cywsim_iov_ap_only(struct cywsim_chip *chip, const u8 *v, u32 n)
{
	return CYWSIM_BCME_UNSUPPORTED;	/* AP mode is not modelled */
}

static int cywsim_iov_get_ssid(struct cywsim_chip *chip, u8 *out, u32 room)
{
	u8 v[4 + CYWSIM_SSID_MAX] = {};

	cywsim_put_le32(v, chip->cur_bss.ssid_len);
	memcpy(v + 4, chip->cur_bss.ssid, chip->cur_bss.ssid_len);
	return cywsim_out(out, room, v, sizeof(v));
}

static int cywsim_iov_get_wsec(struct cywsim_chip *chip, u8 *out, u32 room)
{
	u8 v[4];

	cywsim_put_le32(v, chip->wsec);
	return cywsim_out(out, room, v, 4);
}

static int cywsim_iov_set_wsec(struct cywsim_chip *chip, const u8 *v, u32 n)
{
	if (n < 4)
		return CYWSIM_BCME_BUFTOOSHORT;
	chip->wsec = cywsim_le32(v);
	return 0;
}

static int cywsim_iov_get_wpa_auth(struct cywsim_chip *chip, u8 *out,
				   u32 room)
{
	u8 v[4];

	cywsim_put_le32(v, chip->wpa_auth);
	return cywsim_out(out, room, v, 4);
}

static int cywsim_iov_set_wpa_auth(struct cywsim_chip *chip, const u8 *v,
				   u32 n)
{
	if (n < 4)
		return CYWSIM_BCME_BUFTOOSHORT;
	chip->wpa_auth = cywsim_le32(v);
	return 0;
}

static int cywsim_iov_gpioout(struct cywsim_chip *chip, const u8 *v, u32 n)
{
	u32 mask;

	if (n < 8)
		return CYWSIM_BCME_BUFTOOSHORT;
	mask = cywsim_le32(v);
	chip->gpioout = (chip->gpioout & ~mask) | (cywsim_le32(v + 4) & mask);
	return 0;
}

/* {u16 version = 1; u16 length; u32 period_ms; u16 len_bytes; u8 id; ...} */
static int cywsim_iov_keepalive(struct cywsim_chip *chip, const u8 *v, u32 n)
{
	if (n < 11)
		return CYWSIM_BCME_BUFTOOSHORT;
	if (cywsim_le16(v) != 1)
		return CYWSIM_BCME_BADARG;
	memcpy(chip->keepalive, v, min_t(u32, n, sizeof(chip->keepalive)));
	return 0;
}

#define CYWSIM_U32(_n, _i, _max, _f) \
	{ .name = _n, .idx = CYWSIM_IOV_##_i, .max = _max, .flags = _f }
#define CYWSIM_FN(_n, _g, _s, _f) \
	{ .name = _n, .idx = -1, .get = _g, .set = _s, .flags = _f }

static const struct cywsim_iovar cywsim_iovars[] = {
	CYWSIM_U32("bus:txglom", TXGLOM, 1, 0),
	CYWSIM_U32("apsta", APSTA, 1, CYWSIM_IOV_DOWN),
	CYWSIM_U32("ampdu_ba_wsize", AMPDU_BA_WSIZE, 64, 0),
	CYWSIM_U32("ampdu_mpdu", AMPDU_MPDU, 64, 0),
	CYWSIM_U32("ampdu_rx_factor", AMPDU_RX_FACTOR, 3, 0),
	CYWSIM_U32("sup_wpa", SUP_WPA, 1,
		   CYWSIM_IOV_BSSCFG | CYWSIM_IOV_F_IDSUP),
	CYWSIM_U32("sup_wpa2_eapver", SUP_WPA2_EAPVER, U32_MAX,
		   CYWSIM_IOV_BSSCFG | CYWSIM_IOV_F_IDSUP),
	CYWSIM_U32("sup_wpa_tmo", SUP_WPA_TMO, 60000,
		   CYWSIM_IOV_BSSCFG | CYWSIM_IOV_F_IDSUP),
	CYWSIM_U32("mfp", MFP, 2, CYWSIM_IOV_F_MFP),
	CYWSIM_U32("pm2_sleep_ret", PM2_SLEEP_RET, 2000, 0),
	CYWSIM_U32("bcn_li_bcn", BCN_LI_BCN, 255, 0),
	CYWSIM_U32("bcn_li_dtim", BCN_LI_DTIM, 255, 0),
	CYWSIM_U32("assoc_listen", ASSOC_LISTEN, 255, 0),
	CYWSIM_U32("mpc", MPC, 1, 0),
	CYWSIM_U32("roam_off", ROAM_OFF, 1, 0),
	CYWSIM_U32("2g_mrate", 2G_MRATE, 108, 0),
	CYWSIM_U32("maxassoc", MAXASSOC, 128, 0),
	CYWSIM_U32("ccgpioin", CCGPIOIN, 0, CYWSIM_IOV_RO),
	CYWSIM_FN("cur_etheraddr", cywsim_iov_get_mac, cywsim_iov_set_mac, 0),
	CYWSIM_FN("country", cywsim_iov_get_country, cywsim_iov_set_country,
		  CYWSIM_IOV_CLM),
	CYWSIM_FN("clmver", cywsim_iov_get_clmver, NULL, CYWSIM_IOV_RO),
	CYWSIM_FN("clmload", NULL, cywsim_iov_clmload, CYWSIM_IOV_WO),
	CYWSIM_FN("clmload_status", cywsim_iov_get_clmstatus, NULL,
		  CYWSIM_IOV_RO),
	CYWSIM_FN("event_msgs", cywsim_iov_get_evmask, cywsim_iov_set_evmask,
		  CYWSIM_IOV_BSSCFG),
	CYWSIM_FN("escan", NULL, cywsim_iov_escan,
		  CYWSIM_IOV_WO | CYWSIM_IOV_CLM | CYWSIM_IOV_UP),
	CYWSIM_FN("join", NULL, cywsim_iov_join,
		  CYWSIM_IOV_WO | CYWSIM_IOV_CLM | CYWSIM_IOV_UP),
	CYWSIM_FN("sae_password", NULL, cywsim_iov_sae,
		  CYWSIM_IOV_WO | CYWSIM_IOV_F_SAE),
	CYWSIM_FN("ver", cywsim_iov_get_ver, NULL, CYWSIM_IOV_RO),
	CYWSIM_FN("cap", cywsim_iov_get_cap, NULL, CYWSIM_IOV_RO),
	CYWSIM_FN("wpaie", NULL, cywsim_iov_wpaie, CYWSIM_IOV_WO),
	CYWSIM_FN("wsec_key", NULL, cywsim_iov_wsec_key,
		  CYWSIM_IOV_WO | CYWSIM_IOV_BSSCFG),
	CYWSIM_FN("mcast_list", cywsim_iov_get_mcast, cywsim_iov_mcast, 0),
	CYWSIM_FN("bss", cywsim_iov_get_bss, cywsim_iov_ap_only,
		  CYWSIM_IOV_BSSCFG),
	CYWSIM_FN("ssid", cywsim_iov_get_ssid, cywsim_iov_ap_only,
		  CYWSIM_IOV_BSSCFG),
	CYWSIM_FN("wsec", cywsim_iov_get_wsec, cywsim_iov_set_wsec,
		  CYWSIM_IOV_BSSCFG),
	CYWSIM_FN("wpa_auth", cywsim_iov_get_wpa_auth, cywsim_iov_set_wpa_auth,
		  CYWSIM_IOV_BSSCFG),
	CYWSIM_FN("gpioout", NULL, cywsim_iov_gpioout, CYWSIM_IOV_WO),
	CYWSIM_FN("mkeep_alive", NULL, cywsim_iov_keepalive, CYWSIM_IOV_WO),
};

/**
 * struct cywsim_iov_req - a parsed iovar request
 * @def: the iovar
 * @val: value after the name (and bsscfg index)
 * @vlen: bytes at @val
 */
struct cywsim_iov_req {
	const struct cywsim_iovar *def;
	const u8 *val;
	u32 vlen;
};

/* §7.2: "name\0" then the value; "bsscfg:name\0" + u32 index + value */
static bool cywsim_iov_known(struct cywsim_chip *chip,
			     const struct cywsim_iovar *def)
{
	if ((def->flags & CYWSIM_IOV_F_IDSUP) &&
	    !cywsim_has(chip, CYWSIM_FEAT_IDSUP))
		return false;
	if ((def->flags & CYWSIM_IOV_F_SAE) &&
	    !cywsim_has(chip, CYWSIM_FEAT_SAE))
		return false;
	return !(def->flags & CYWSIM_IOV_F_MFP) ||
	       cywsim_has(chip, CYWSIM_FEAT_MFP);
}

static int cywsim_iov_parse(struct cywsim_chip *chip, const u8 *buf, u32 len,
			    struct cywsim_iov_req *r)
{
	const char *name = (const char *)buf;
	size_t nlen = strnlen(name, len);
	bool bsscfg;
	u32 i;

	if (nlen == len || !nlen)
		return CYWSIM_BCME_BADARG;	/* name not terminated */
	r->val = buf + nlen + 1;
	r->vlen = len - nlen - 1;
	bsscfg = !strncmp(name, CYWSIM_BSSCFG_PREFIX,
			  strlen(CYWSIM_BSSCFG_PREFIX));
	if (bsscfg)
		name += strlen(CYWSIM_BSSCFG_PREFIX);
	for (i = 0; i < ARRAY_SIZE(cywsim_iovars); i++)
		if (!strcmp(name, cywsim_iovars[i].name))
			break;
	if (i == ARRAY_SIZE(cywsim_iovars) ||
	    !cywsim_iov_known(chip, &cywsim_iovars[i])) {
		cywsim_console(chip, "iovar %s unknown to this image", name);
		return CYWSIM_BCME_UNSUPPORTED;
	}
	r->def = &cywsim_iovars[i];
	if (!bsscfg)
		return 0;
	if (!(r->def->flags & CYWSIM_IOV_BSSCFG))
		return CYWSIM_BCME_UNSUPPORTED;
	if (r->vlen < 4)
		return CYWSIM_BCME_BUFTOOSHORT;
	if (cywsim_le32(r->val))
		return CYWSIM_BCME_BADARG;	/* only bsscfg 0 (STA) */
	r->val += 4;
	r->vlen -= 4;
	return 0;
}

static int cywsim_iov_gate(struct cywsim_chip *chip,
			   const struct cywsim_iovar *def, bool set)
{
	if (def->flags & (set ? CYWSIM_IOV_RO : CYWSIM_IOV_WO))
		return CYWSIM_BCME_UNSUPPORTED;
	if (!set)
		return 0;
	if ((def->flags & CYWSIM_IOV_CLM) && chip->clm != CYWSIM_CLM_DONE)
		return CYWSIM_BCME_EPERM;
	if ((def->flags & CYWSIM_IOV_UP) && !chip->up)
		return CYWSIM_BCME_NOTUP;
	if ((def->flags & CYWSIM_IOV_DOWN) && chip->up)
		return CYWSIM_BCME_NOTDOWN;
	return 0;
}

/**
 * cywsim_iovar_get() - answer WLC_GET_VAR (§7.2)
 * @chip: the chip
 * @buf: request "name\0..." in, value at offset 0 out
 * @len: buffer length
 *
 * Return: 0 or a negative BCME code.
 */
int cywsim_iovar_get(struct cywsim_chip *chip, u8 *buf, u32 len)
{
	struct cywsim_iov_req r;
	u8 v[4];
	int ret;

	ret = cywsim_iov_parse(chip, buf, len, &r);
	if (!ret)
		ret = cywsim_iov_gate(chip, r.def, false);
	if (ret)
		return ret;
	if (r.def->idx < 0) {
		memset(buf, 0, len);
		return r.def->get(chip, buf, len);
	}
	cywsim_put_le32(v, chip->iov[r.def->idx]);
	ret = cywsim_out(buf, len, v, 4);
	if (!ret)
		memset(buf + 4, 0, len - 4);
	return ret;
}

/**
 * cywsim_iovar_set() - answer WLC_SET_VAR (§7.2)
 * @chip: the chip
 * @buf: "name\0" followed by the value
 * @len: buffer length
 *
 * Return: 0 or a negative BCME code.
 */
int cywsim_iovar_set(struct cywsim_chip *chip, const u8 *buf, u32 len)
{
	struct cywsim_iov_req r;
	u32 v;
	int ret;

	ret = cywsim_iov_parse(chip, buf, len, &r);
	if (!ret)
		ret = cywsim_iov_gate(chip, r.def, true);
	if (ret)
		return ret;
	if (r.def->idx < 0)
		return r.def->set(chip, r.val, r.vlen);
	if (r.vlen < 4)
		return CYWSIM_BCME_BUFTOOSHORT;
	v = cywsim_le32(r.val);
	if (v > r.def->max)
		return CYWSIM_BCME_BADARG;
	chip->iov[r.def->idx] = v;
	return 0;
}
