// SPDX-License-Identifier: GPL-2.0
/* cyw43439_sim: BCDC ioctl responder, WLC commands and BDC data frames. */

#include <linux/bitfield.h>
#include <linux/etherdevice.h>
#include <linux/kernel.h>
#include <linux/skbuff.h>

#include "cywsim.h"

/* Largest ioctl buffer that fits one F2 frame to the host */
#define CYWSIM_IOC_MAX		(2047 - CYWSIM_SDPCM_HDR - CYWSIM_BCDC_HDR)

/**
 * struct cywsim_ioc - one ioctl being answered
 * @cmd: WLC command number
 * @set: SET (true) or GET
 * @ifidx: firmware interface from the BCDC flags
 * @buf: request buffer, answered in place
 * @len: buffer (output) length
 */
struct cywsim_ioc {
	u32 cmd;
	bool set;
	u8 ifidx;
	u8 *buf;
	u32 len;
};

static int cywsim_get_u32(struct cywsim_ioc *io, u32 val)
{
	if (io->len < 4)
		return CYWSIM_BCME_BUFTOOSHORT;
	cywsim_put_le32(io->buf, val);
	return 0;
}

static int cywsim_set_u32(struct cywsim_ioc *io, u32 *dst, u32 max)
{
	u32 v;

	if (io->len < 4)
		return CYWSIM_BCME_BUFTOOSHORT;
	v = cywsim_le32(io->buf);
	if (v > max)
		return CYWSIM_BCME_BADARG;
	*dst = v;
	return 0;
}

static bool cywsim_joined(struct cywsim_chip *chip)
{
	return chip->join == CYWSIM_J_JOINED || chip->join == CYWSIM_J_KEYING;
}

static int cywsim_ioc_up(struct cywsim_chip *chip, bool up)
{
	if (up) {
		/* §5.3, §10 #14: radio ops fail with EPERM without CLM */
		if (chip->clm != CYWSIM_CLM_DONE)
			return CYWSIM_BCME_EPERM;
		chip->up = true;
		return 0;
	}
	cywsim_scan_abort(chip, CYWSIM_ES_ABORT);
	cywsim_disassoc(chip, true);
	chip->up = false;
	return 0;
}

static int cywsim_ioc_ssid(struct cywsim_chip *chip, struct cywsim_ioc *io)
{
	u32 n;

	if (io->len < 4 + CYWSIM_SSID_MAX)
		return CYWSIM_BCME_BUFTOOSHORT;
	if (!io->set) {
		memset(io->buf, 0, 4 + CYWSIM_SSID_MAX);
		if (!cywsim_joined(chip))
			return 0;
		cywsim_put_le32(io->buf, chip->cur_bss.ssid_len);
		memcpy(io->buf + 4, chip->cur_bss.ssid, chip->cur_bss.ssid_len);
		return 0;
	}
	n = cywsim_le32(io->buf);
	if (n > CYWSIM_SSID_MAX)
		return CYWSIM_BCME_BADSSIDLEN;
	if (!chip->up)
		return CYWSIM_BCME_NOTUP;
	if (!n) {
		cywsim_disassoc(chip, true);
		return 0;
	}
	return cywsim_join_ssid(chip, io->buf + 4, n, NULL);
}

static int cywsim_ioc_bss_info(struct cywsim_chip *chip,
			       struct cywsim_ioc *io)
{
	u32 n;

	if (!cywsim_joined(chip))
		return CYWSIM_BCME_NOTASSOCIATED;
	if (io->len < 4 + CYWSIM_BSS_INFO_FIXED)
		return CYWSIM_BCME_BUFTOOSHORT;
	n = cywsim_bss_info(&chip->cur_bss, io->buf + 4, io->len - 4);
	if (!n)
		return CYWSIM_BCME_BUFTOOSHORT;
	cywsim_put_le32(io->buf, n);
	return 0;
}

static int cywsim_ioc_pmk(struct cywsim_chip *chip, struct cywsim_ioc *io)
{
	u16 klen, flags;

	if (io->len < CYWSIM_WSEC_PMK_LEN)
		return CYWSIM_BCME_BUFTOOSHORT;
	klen = cywsim_le16(io->buf);
	flags = cywsim_le16(io->buf + 2);
	/* §9.3: 8..63 passphrase or 64 hex with flags 1, 32 raw with 0 */
	if (flags == CYWSIM_PMK_FLAG_PASSPHRASE) {
		if (klen < 8 || klen > 64)
			return CYWSIM_BCME_BADARG;
	} else if (flags || klen != 32) {
		return CYWSIM_BCME_BADARG;
	}
	memcpy(chip->pmk_raw, io->buf, CYWSIM_WSEC_PMK_LEN);
	chip->pmk_set = true;
	return 0;
}

static int cywsim_ioc_assoclist(struct cywsim_chip *chip,
				struct cywsim_ioc *io)
{
	bool j = cywsim_joined(chip);

	if (io->len < 4 + (j ? ETH_ALEN : 0))
		return CYWSIM_BCME_BUFTOOSHORT;
	cywsim_put_le32(io->buf, j);
	if (j)
		memcpy(io->buf + 4, chip->cur_bss.bssid, ETH_ALEN);
	return 0;
}

static int cywsim_ioc_get(struct cywsim_chip *chip, struct cywsim_ioc *io)
{
	switch (io->cmd) {
	case CYWSIM_WLC_GET_BSSID:
		if (!cywsim_joined(chip))
			return CYWSIM_BCME_NOTASSOCIATED;
		if (io->len < ETH_ALEN)
			return CYWSIM_BCME_BUFTOOSHORT;
		memcpy(io->buf, chip->cur_bss.bssid, ETH_ALEN);
		return 0;
	case CYWSIM_WLC_GET_CHANNEL:
		return cywsim_get_u32(io, cywsim_joined(chip) ?
				      chip->cur_bss.chan : chip->channel);
	case CYWSIM_WLC_GET_ANTDIV:
		return cywsim_get_u32(io, chip->antdiv);
	case CYWSIM_WLC_GET_PM:
		return cywsim_get_u32(io, chip->pm);
	case CYWSIM_WLC_GET_AP:
		return cywsim_get_u32(io, 0);
	case CYWSIM_WLC_GET_RSSI:
		if (!cywsim_joined(chip))
			return CYWSIM_BCME_NOTASSOCIATED;
		return cywsim_get_u32(io, (u32)(s32)chip->cur_bss.rssi);
	case CYWSIM_WLC_GET_WSEC:
		return cywsim_get_u32(io, chip->wsec);
	case CYWSIM_WLC_GET_BSS_INFO:
		return cywsim_ioc_bss_info(chip, io);
	case CYWSIM_WLC_GET_BANDLIST:
		if (io->len < 8)
			return CYWSIM_BCME_BUFTOOSHORT;
		cywsim_put_le32(io->buf, 1);		/* one band: */
		cywsim_put_le32(io->buf + 4, 2);	/* 2.4 GHz */
		return 0;
	case CYWSIM_WLC_GET_BAND:
		return cywsim_get_u32(io, chip->band);
	case CYWSIM_WLC_GET_ASSOCLIST:
		return cywsim_ioc_assoclist(chip, io);
	case CYWSIM_WLC_GET_WPA_AUTH:
		return cywsim_get_u32(io, chip->wpa_auth);
	case CYWSIM_WLC_GET_VAR:
		return cywsim_iovar_get(chip, io->buf, io->len);
	default:
		return CYWSIM_BCME_UNSUPPORTED;
	}
}

static int cywsim_ioc_set_band(struct cywsim_ioc *io, u32 *band)
{
	u32 v;
	int ret = cywsim_set_u32(io, &v, 2);

	if (ret)
		return ret;
	if (v == 1)
		return CYWSIM_BCME_BADARG;	/* no 5 GHz radio */
	*band = v;
	return 0;
}

static int cywsim_ioc_set(struct cywsim_chip *chip, struct cywsim_ioc *io)
{
	u32 v;

	switch (io->cmd) {
	case CYWSIM_WLC_UP:
		return cywsim_ioc_up(chip, true);
	case CYWSIM_WLC_DOWN:
		return cywsim_ioc_up(chip, false);
	case CYWSIM_WLC_SET_PROMISC:
		return cywsim_set_u32(io, &chip->promisc, 1);
	case CYWSIM_WLC_SET_INFRA:
		return cywsim_set_u32(io, &chip->infra, 1);
	case CYWSIM_WLC_SET_AUTH:
		if (io->len >= 4 && cywsim_le32(io->buf) == 2)
			return CYWSIM_BCME_BADARG;
		return cywsim_set_u32(io, &chip->auth, CYWSIM_AUTH_SAE);
	case CYWSIM_WLC_SET_SSID:
		return cywsim_ioc_ssid(chip, io);
	case CYWSIM_WLC_SET_CHANNEL:
		if (cywsim_set_u32(io, &v, 14) || !v)
			return CYWSIM_BCME_BADCHAN;
		chip->channel = v;
		return 0;
	case CYWSIM_WLC_SET_PASSIVE_SCAN:
		return cywsim_set_u32(io, &chip->scan_passive, 1);
	case CYWSIM_WLC_SET_GMODE:
		return cywsim_set_u32(io, &chip->gmode, U32_MAX);
	case CYWSIM_WLC_DISASSOC:
		cywsim_disassoc(chip, true);
		return 0;
	case CYWSIM_WLC_SET_ANTDIV:
		return cywsim_set_u32(io, &chip->antdiv, 3);
	case CYWSIM_WLC_SET_DTIMPRD:
		return cywsim_set_u32(io, &chip->dtim, 255);
	case CYWSIM_WLC_SET_PM:
		return cywsim_set_u32(io, &chip->pm, 2);
	case CYWSIM_WLC_SET_MONITOR:
	case CYWSIM_WLC_SET_AP:
		/* monitor and AP modes are not modelled */
		if (cywsim_set_u32(io, &v, U32_MAX) || v)
			return CYWSIM_BCME_UNSUPPORTED;
		return 0;
	case CYWSIM_WLC_SET_WSEC:
		return cywsim_set_u32(io, &chip->wsec, 0xff);
	case CYWSIM_WLC_SET_BAND:
		return cywsim_ioc_set_band(io, &chip->band);
	case CYWSIM_WLC_SET_WPA_AUTH:
		return cywsim_set_u32(io, &chip->wpa_auth, U32_MAX);
	case CYWSIM_WLC_SET_VAR:
		return cywsim_iovar_set(chip, io->buf, io->len);
	case CYWSIM_WLC_SET_WSEC_PMK:
		return cywsim_ioc_pmk(chip, io);
	default:
		return cywsim_ioc_get(chip, io);
	}
}

static int cywsim_ioctl(struct cywsim_chip *chip, struct cywsim_ioc *io)
{
	if (ktime_before(ktime_get(), chip->busy_until))
		return CYWSIM_BCME_BUSY;	/* §10 #18 */
	if (io->ifidx)
		return CYWSIM_BCME_BADARG;	/* only the STA interface */
	/* the command number names the verb; the SET flag is not needed */
	return cywsim_ioc_set(chip, io);
}

/**
 * cywsim_bcdc_rx() - the firmware answers one control frame (§7.1)
 * @chip: the chip
 * @p: BCDC header and buffer
 * @len: bytes after the SDPCM header
 *
 * Every request gets a response with the same command and request id;
 * failures set the ERROR flag and a negative BCME status.
 */
void cywsim_bcdc_rx(struct cywsim_chip *chip, const u8 *p, u32 len)
{
	struct cywsim_ioc io = {};
	struct sk_buff *skb;
	u32 flags, blen;
	int status;

	if (len < CYWSIM_BCDC_HDR) {
		cywsim_count(chip, CYWSIM_C_SDPCM_BAD);
		cywsim_console(chip, "bcdc: %u byte control frame", len);
		return;
	}
	cywsim_count(chip, CYWSIM_C_IOCTLS);
	io.cmd = cywsim_le32(p);
	blen = cywsim_le32(p + 4);
	flags = cywsim_le32(p + 8);
	io.set = flags & CYWSIM_BCDC_SET;
	io.ifidx = FIELD_GET(CYWSIM_BCDC_IF, flags);
	io.len = min_t(u32, FIELD_GET(CYWSIM_BCDC_OUTLEN, blen),
		       CYWSIM_IOC_MAX);

	skb = alloc_skb(CYWSIM_BCDC_HDR + io.len, GFP_KERNEL);
	if (!skb)
		return;
	skb_put_zero(skb, CYWSIM_BCDC_HDR + io.len);
	io.buf = skb->data + CYWSIM_BCDC_HDR;
	memcpy(io.buf, p + CYWSIM_BCDC_HDR,
	       min(io.len, len - CYWSIM_BCDC_HDR));
	if (FIELD_GET(CYWSIM_BCDC_OUTLEN, blen) > CYWSIM_IOC_MAX)
		status = CYWSIM_BCME_BUFTOOLONG;
	else
		status = cywsim_ioctl(chip, &io);
	if (status) {
		cywsim_count(chip, CYWSIM_C_IOCTL_ERR);
		cywsim_console(chip, "ioctl %u (%s) failed: %d", io.cmd,
			       io.set ? "set" : "get", status);
	}
	memcpy(skb->data, p, 8);
	cywsim_put_le32(skb->data + 8, (flags & ~CYWSIM_BCDC_ERROR) |
			(status ? CYWSIM_BCDC_ERROR : 0));
	cywsim_put_le32(skb->data + 12, status);
	cywsim_to_host(chip, CYWSIM_CHAN_CTRL, skb);
}

/**
 * cywsim_bdc_alloc() - skb with a BDC header for a frame to the host
 * @len: bytes the caller will add after the header
 * @prio: 802.1d priority
 * @words: firmware-signal words between header and payload (§7.3)
 *
 * Return: the skb or NULL.
 */
struct sk_buff *cywsim_bdc_alloc(u32 len, u8 prio, u8 words)
{
	struct sk_buff *skb;
	u8 *h;

	skb = alloc_skb(CYWSIM_BDC_HDR + 4 * words + len, GFP_KERNEL);
	if (!skb)
		return NULL;
	h = skb_put_zero(skb, CYWSIM_BDC_HDR + 4 * words);
	h[0] = FIELD_PREP(CYWSIM_BDC_VER_MASK, CYWSIM_BDC_VERSION);
	h[1] = prio & CYWSIM_BDC_PRIO;
	h[3] = words;
	return skb;
}

static bool cywsim_data_bad(struct cywsim_chip *chip, const char *why)
{
	cywsim_count(chip, CYWSIM_C_SDPCM_BAD);
	cywsim_console(chip, "bdc: dropped host data frame: %s", why);
	return false;
}

/* BDC checks (§7.3); returns the offset of the Ethernet frame or 0 */
static u32 cywsim_bdc_parse(struct cywsim_chip *chip, const u8 *p, u32 len)
{
	u32 skip;

	if (len < CYWSIM_BDC_HDR)
		return cywsim_data_bad(chip, "no BDC header");
	if (FIELD_GET(CYWSIM_BDC_VER_MASK, p[0]) != CYWSIM_BDC_VERSION)
		return cywsim_data_bad(chip, "BDC version is not 2");
	if (FIELD_GET(CYWSIM_BDC_IF, p[2]))
		return cywsim_data_bad(chip, "interface is not the STA");
	skip = CYWSIM_BDC_HDR + 4 * p[3];
	if (skip + ETH_HLEN > len)
		return cywsim_data_bad(chip, "no Ethernet header");
	if (READ_ONCE(chip->k.flow_ctl) & BIT(p[1] & CYWSIM_BDC_PRIO)) {
		cywsim_count(chip, CYWSIM_C_FC_VIOLATION);
		return 0;
	}
	return skip;
}

/**
 * cywsim_data_rx() - the firmware takes a data frame from the host
 * @chip: the chip
 * @p: BDC header and frame
 * @len: bytes after the SDPCM data offset
 * @unpadded: the host used data offset 12 instead of 14
 *
 * §6.3, §10 #16: without the 2-byte pad the firmware appends two zero
 * bytes to the frame it sends, and a frame that then exceeds 1514 bytes
 * is dropped.
 */
void cywsim_data_rx(struct cywsim_chip *chip, const u8 *p, u32 len,
		    bool unpadded)
{
	u32 skip = cywsim_bdc_parse(chip, p, len), elen;
	struct sk_buff *skb;

	if (!skip)
		return;
	elen = len - skip + (unpadded ? CYWSIM_DATA_PAD : 0);
	if (elen > ETH_FRAME_LEN) {
		cywsim_count(chip, CYWSIM_C_PAD_DROP);
		return;
	}
	/* EAPOL to the AP goes to its authenticator (auth.c), never the LAN */
	if (cywsim_joined(chip) && len - skip >= ETH_HLEN &&
	    ether_addr_equal(p + skip, chip->cur_bss.bssid) &&
	    cywsim_auth_eapol(chip, p + skip, len - skip))
		return;
	if (!cywsim_joined(chip) || (chip->cur_bss.sec && !chip->keyed)) {
		cywsim_count(chip, CYWSIM_C_AIR_DROP);
		return;
	}
	skb = alloc_skb(elen + NET_IP_ALIGN, GFP_KERNEL);
	if (!skb)
		return;
	skb_reserve(skb, NET_IP_ALIGN);
	skb_put_data(skb, p + skip, len - skip);
	if (unpadded)
		skb_put_zero(skb, CYWSIM_DATA_PAD);
	cywsim_air_from_host(chip, skb);
}
