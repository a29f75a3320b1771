// SPDX-License-Identifier: GPL-2.0
/* cyw43439_sim: escan requests and ESCAN_RESULT events (§9.1, §9.2). */

#include <linux/bitfield.h>
#include <linux/etherdevice.h>
#include <linux/ieee80211.h>
#include <linux/kernel.h>
#include <linux/skbuff.h>

#include "cywsim.h"

/* wl_bss_info field offsets, natural ARM alignment (§9.2, §10 #24) */
#define CYWSIM_BI_VERSION	0
#define CYWSIM_BI_LENGTH	4
#define CYWSIM_BI_BSSID		8
#define CYWSIM_BI_BEACON	14
#define CYWSIM_BI_CAP		16
#define CYWSIM_BI_SSID_LEN	18
#define CYWSIM_BI_SSID		19
#define CYWSIM_BI_NRATES	52
#define CYWSIM_BI_RATES		56
#define CYWSIM_BI_CHANSPEC	72
#define CYWSIM_BI_DTIM		76
#define CYWSIM_BI_RSSI		78
#define CYWSIM_BI_NOISE		80
#define CYWSIM_BI_CTL_CH	88
#define CYWSIM_BI_IE_OFFSET	116
#define CYWSIM_BI_IE_LENGTH	120
#define CYWSIM_BI_SNR		124

#define CYWSIM_NOISE_DBM	(-92)
#define CYWSIM_ALL_CHANS	GENMASK(13, 1)	/* 1..13 */

/* 1, 2, 5.5, 11 Mb/s basic; 6..54 Mb/s */
static const u8 cywsim_rates[] = {
	0x82, 0x84, 0x8b, 0x96, 0x0c, 0x12, 0x18, 0x24,
	0x30, 0x48, 0x60, 0x6c,
};

static const u8 cywsim_rsn_head[] = {
	0x01, 0x00,			/* version 1 */
	0x00, 0x0f, 0xac, 0x04,		/* group CCMP */
	0x01, 0x00,			/* one pairwise: */
	0x00, 0x0f, 0xac, 0x04,		/* CCMP */
};

static u8 *cywsim_ie(u8 *p, u8 id, const void *data, u8 len)
{
	p[0] = id;
	p[1] = len;
	memcpy(p + 2, data, len);
	return p + 2 + len;
}

/**
 * cywsim_rsn_ie() - the RSN element of a BSS (beacons, probe responses, M3)
 * @p: where it goes (at most 26 bytes)
 * @sec: the BSS's security
 *
 * Return: the byte after it.
 */
u8 *cywsim_rsn_ie(u8 *p, enum cywsim_sec sec)
{
	u8 *len = p + 1, *q = p + 2;
	u16 caps = 0;

	p[0] = WLAN_EID_RSN;
	memcpy(q, cywsim_rsn_head, sizeof(cywsim_rsn_head));
	q += sizeof(cywsim_rsn_head);
	cywsim_put_le16(q, sec == CYWSIM_SEC_WPA2WPA3 ? 2 : 1);
	q += 2;
	if (sec != CYWSIM_SEC_WPA3) {
		memcpy(q, "\x00\x0f\xac\x02", 4);	/* AKM PSK */
		q += 4;
	}
	if (sec != CYWSIM_SEC_WPA2) {
		memcpy(q, "\x00\x0f\xac\x08", 4);	/* AKM SAE */
		q += 4;
	}
	if (sec == CYWSIM_SEC_WPA3)
		caps = 0x00c0;				/* MFPR | MFPC */
	else if (sec == CYWSIM_SEC_WPA2WPA3)
		caps = 0x0080;				/* MFPC */
	cywsim_put_le16(q, caps);
	q += 2;
	*len = q - p - 2;
	return q;
}

static u32 cywsim_bss_ies(const struct cywsim_bss *bss, u8 *p)
{
	u8 *start = p, ch = bss->chan;

	p = cywsim_ie(p, WLAN_EID_SSID, bss->ssid, bss->ssid_len);
	p = cywsim_ie(p, WLAN_EID_SUPP_RATES, cywsim_rates, 8);
	p = cywsim_ie(p, WLAN_EID_DS_PARAMS, &ch, 1);
	p = cywsim_ie(p, WLAN_EID_EXT_SUPP_RATES, cywsim_rates + 8, 4);
	if (bss->sec != CYWSIM_SEC_OPEN)
		p = cywsim_rsn_ie(p, bss->sec);
	return p - start;
}

/**
 * cywsim_bss_info() - build a wl_bss_info record for @bss (§9.2)
 * @bss: the access point
 * @out: buffer
 * @room: its size
 *
 * Return: record length including IEs, or 0 when it does not fit.
 */
u32 cywsim_bss_info(const struct cywsim_bss *bss, u8 *out, u32 room)
{
	u8 ies[128];
	u32 ielen = cywsim_bss_ies(bss, ies), len;

	len = CYWSIM_BSS_INFO_FIXED + ielen;
	if (room < len)
		return 0;
	memset(out, 0, CYWSIM_BSS_INFO_FIXED);
	cywsim_put_le32(out + CYWSIM_BI_VERSION, CYWSIM_BSS_INFO_VERSION);
	cywsim_put_le32(out + CYWSIM_BI_LENGTH, len);
	memcpy(out + CYWSIM_BI_BSSID, bss->bssid, ETH_ALEN);
	cywsim_put_le16(out + CYWSIM_BI_BEACON, 100);
	cywsim_put_le16(out + CYWSIM_BI_CAP, CYWSIM_CAP_ESS |
			(bss->sec ? CYWSIM_CAP_PRIVACY : 0));
	out[CYWSIM_BI_SSID_LEN] = bss->ssid_len;
	memcpy(out + CYWSIM_BI_SSID, bss->ssid, bss->ssid_len);
	cywsim_put_le32(out + CYWSIM_BI_NRATES, ARRAY_SIZE(cywsim_rates));
	memcpy(out + CYWSIM_BI_RATES, cywsim_rates, ARRAY_SIZE(cywsim_rates));
	cywsim_put_le16(out + CYWSIM_BI_CHANSPEC,
			bss->chan | CYWSIM_CHANSPEC_BW20);
	out[CYWSIM_BI_DTIM] = 1;
	cywsim_put_le16(out + CYWSIM_BI_RSSI, (u16)bss->rssi);
	out[CYWSIM_BI_NOISE] = (u8)CYWSIM_NOISE_DBM;
	out[CYWSIM_BI_CTL_CH] = bss->chan;
	cywsim_put_le16(out + CYWSIM_BI_IE_OFFSET, CYWSIM_BSS_INFO_FIXED);
	cywsim_put_le32(out + CYWSIM_BI_IE_LENGTH, ielen);
	cywsim_put_le16(out + CYWSIM_BI_SNR,
			(u16)(bss->rssi - CYWSIM_NOISE_DBM));
	memcpy(out + CYWSIM_BSS_INFO_FIXED, ies, ielen);
	return len;
}

/* ESCAN_RESULT with @bss (PARTIAL) or without (final @status) */
static void cywsim_escan_event(struct cywsim_chip *chip,
			       const struct cywsim_bss *bss, u32 status)
{
	u8 buf[CYWSIM_ESCAN_RES_HDR + CYWSIM_BSS_INFO_FIXED + 128];
	u32 n = 0;

	if (bss)
		n = cywsim_bss_info(bss, buf + CYWSIM_ESCAN_RES_HDR,
				    sizeof(buf) - CYWSIM_ESCAN_RES_HDR);
	cywsim_put_le32(buf, CYWSIM_ESCAN_RES_HDR + n);
	cywsim_put_le32(buf + 4, CYWSIM_BSS_INFO_VERSION);
	cywsim_put_le16(buf + 8, chip->scan_sync);
	cywsim_put_le16(buf + 10, bss ? 1 : 0);
	cywsim_event(chip, CYWSIM_E_ESCAN_RESULT, status, 0, 0, 0, NULL, buf,
		     CYWSIM_ESCAN_RES_HDR + n);
}

/**
 * cywsim_scan_abort() - end a running scan with @status
 * @chip: the chip
 * @status: ABORT, NEWSCAN or NEWASSOC (§9.2)
 */
void cywsim_scan_abort(struct cywsim_chip *chip, u32 status)
{
	if (!chip->scanning)
		return;
	chip->scanning = false;
	cywsim_escan_event(chip, NULL, status);
}

static int cywsim_scan_chans(struct cywsim_chip *chip, const u8 *p, u32 len)
{
	u32 n = cywsim_le32(p + 68) & 0xffff, i;
	u16 cs;
	u8 ch;

	if (len < CYWSIM_ESCAN_PARAMS_FIXED + 2 * n)
		return CYWSIM_BCME_BADLEN;
	chip->scan_chans = n ? 0 : CYWSIM_ALL_CHANS;
	for (i = 0; i < n; i++) {
		cs = cywsim_le16(p + CYWSIM_ESCAN_PARAMS_FIXED + 2 * i);
		ch = FIELD_GET(CYWSIM_CHANSPEC_CHAN, cs);
		if (FIELD_GET(CYWSIM_CHANSPEC_BAND, cs) || !ch || ch > 14)
			return CYWSIM_BCME_BADCHAN;	/* 2.4 GHz only */
		chip->scan_chans |= BIT(ch);
	}
	return 0;
}

/**
 * cywsim_escan() - the "escan" iovar (§9.1)
 * @chip: the chip
 * @p: escan parameters (after the iovar name)
 * @len: bytes at @p
 *
 * Return: 0 or a negative BCME code.
 */
int cywsim_escan(struct cywsim_chip *chip, const u8 *p, u32 len)
{
	u32 ssid_len;
	int ret;

	if (len < CYWSIM_ESCAN_PARAMS_FIXED)
		return CYWSIM_BCME_BUFTOOSHORT;
	if (cywsim_le32(p) != CYWSIM_ESCAN_REQ_VERSION)
		return CYWSIM_BCME_BADARG;
	switch (cywsim_le16(p + 4)) {
	case CYWSIM_ESCAN_ACTION_ABORT:
		cywsim_scan_abort(chip, CYWSIM_ES_ABORT);
		return 0;
	case CYWSIM_ESCAN_ACTION_START:
		break;
	default:
		return CYWSIM_BCME_BADOPTION;
	}
	ssid_len = cywsim_le32(p + 8);
	if (ssid_len > CYWSIM_SSID_MAX)
		return CYWSIM_BCME_BADSSIDLEN;
	if (p[50] > 2 || p[51] > 1)
		return CYWSIM_BCME_BADARG;
	ret = cywsim_scan_chans(chip, p, len);
	if (ret)
		return ret;
	cywsim_scan_abort(chip, CYWSIM_ES_NEWSCAN);
	chip->scan_sync = cywsim_le16(p + 6);
	chip->scan_ssid_len = ssid_len;
	memcpy(chip->scan_ssid, p + 12, ssid_len);
	memcpy(chip->scan_bssid, p + 44, ETH_ALEN);
	chip->scan_next = 1;
	chip->scanning = true;
	mod_delayed_work(chip->wq, &chip->scan_work,
			 msecs_to_jiffies(READ_ONCE(chip->k.scan_dwell_ms)));
	return 0;
}

static bool cywsim_scan_match(struct cywsim_chip *chip,
			      const struct cywsim_bss *bss, u8 ch)
{
	if (bss->chan != ch)
		return false;
	if (chip->scan_ssid_len && (chip->scan_ssid_len != bss->ssid_len ||
				    memcmp(chip->scan_ssid, bss->ssid,
					   bss->ssid_len)))
		return false;
	return is_broadcast_ether_addr(chip->scan_bssid) ||
	       is_zero_ether_addr(chip->scan_bssid) ||
	       ether_addr_equal(chip->scan_bssid, bss->bssid);
}

/**
 * cywsim_scan_work() - visit the next channel of the running escan
 * @work: &cywsim_chip.scan_work
 */
void cywsim_scan_work(struct work_struct *work)
{
	struct cywsim_chip *chip = container_of(to_delayed_work(work),
						struct cywsim_chip, scan_work);
	struct cywsim_bss *bss;
	u8 ch;

	mutex_lock(&chip->lock);
	cywsim_advance(chip);
	if (!chip->scanning || !cywsim_fw_running(chip))
		goto out_unlock;
	for (ch = chip->scan_next; ch <= 14; ch++)
		if (chip->scan_chans & BIT(ch))
			break;
	if (ch > 14) {
		chip->scanning = false;
		cywsim_escan_event(chip, NULL, CYWSIM_ES_SUCCESS);
		goto out_unlock;
	}
	list_for_each_entry(bss, &chip->bss_list, node)
		if (cywsim_scan_match(chip, bss, ch))
			cywsim_escan_event(chip, bss, CYWSIM_ES_PARTIAL);
	chip->scan_next = ch + 1;
	if (!chip->dying)
		mod_delayed_work(chip->wq, &chip->scan_work,
				 msecs_to_jiffies(READ_ONCE(chip->k.scan_dwell_ms)));
out_unlock:
	mutex_unlock(&chip->lock);
}
