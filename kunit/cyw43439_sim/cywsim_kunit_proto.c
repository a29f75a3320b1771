// SPDX-License-Identifier: GPL-2.0
/* cyw43439_sim KUnit: test host SDPCM, BCDC, iovars and events (§6-§7). */

#include <linux/bitfield.h>
#include <linux/delay.h>
#include <linux/jiffies.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "cywsim_kunit.h"

#define CYWSIM_KT_FRAME		2048

static u32 cywsim_kt_be32(const u8 *p)
{
	return (u32)p[0] << 24 | p[1] << 16 | p[2] << 8 | p[3];
}

/**
 * cywsim_kt_send() - write one SDPCM frame on F2 (§6.1, §6.3)
 * @t: test host
 * @chan: channel
 * @payload: bytes after the data offset
 * @len: their length
 * @offset: data offset (12, or 14 for padded data frames)
 *
 * Return: 0 or -ENOMEM.
 */
int cywsim_kt_send(struct cywsim_kt *t, u8 chan, const u8 *payload,
		   u32 len, u32 offset)
{
	u32 n = offset + len;
	u8 *f;

	f = kzalloc(n, GFP_KERNEL);
	if (!f)
		return -ENOMEM;
	cywsim_put_le16(f, n);
	cywsim_put_le16(f + 2, ~n);
	f[4] = t->seq++;
	f[5] = chan;
	f[7] = offset;
	memcpy(f + offset, payload, len);
	cywsim_kt_write(t, CYWSIM_F2, 0, f, n);
	kfree(f);
	return 0;
}

/**
 * cywsim_kt_recv() - read one frame announced by STATUS (§6.5)
 * @t: test host
 * @frame: out
 * @room: its size (at least 2048)
 * @ms: how long to poll
 *
 * Return: frame length, -ETIMEDOUT, or -EPROTO for a bad frame tag.
 */
int cywsim_kt_recv(struct cywsim_kt *t, u8 *frame, u32 room, u32 ms)
{
	unsigned long end = jiffies + msecs_to_jiffies(ms);
	u32 st, len;

	do {
		st = cywsim_kt_read32(t, CYWSIM_F0, CYWSIM_F0_STATUS);
		if (st != CYWSIM_ST_ASLEEP && (st & CYWSIM_ST_F2_PKT_AVAIL)) {
			len = FIELD_GET(CYWSIM_ST_F2_PKT_LEN, st);
			if (len > room)
				return -EMSGSIZE;
			cywsim_kt_read(t, CYWSIM_F2, 0, frame, len);
			if ((cywsim_le16(frame) ^ cywsim_le16(frame + 2)) !=
			    0xffff || cywsim_le16(frame) != len)
				return -EPROTO;
			t->max_seq = frame[9];
			return len;
		}
		usleep_range(200, 400);
	} while (time_before(jiffies, end));
	return -ETIMEDOUT;
}

static void cywsim_kt_escan_bss(struct cywsim_kt_ev *ev, const u8 *d,
				u32 dlen)
{
	const u8 *bi = d + CYWSIM_ESCAN_RES_HDR;

	if (dlen < CYWSIM_ESCAN_RES_HDR + CYWSIM_BSS_INFO_FIXED ||
	    !cywsim_le16(d + 10))
		return;
	ev->bss_version = cywsim_le32(bi);
	memcpy(ev->ssid, bi + 19, min_t(u8, bi[18], 32));
	ev->chanspec = cywsim_le16(bi + 72);
}

/* §7.4: validate ethertype and OUI, then keep the big-endian fields */
static void cywsim_kt_record_event(struct cywsim_kt *t, const u8 *f, u32 n)
{
	const u8 *bdc = f + f[7], *eth;
	struct cywsim_kt_ev *ev;
	u32 dlen;

	eth = bdc + CYWSIM_BDC_HDR + 4 * bdc[3];
	if (eth + CYWSIM_EV_HDR > f + n || eth[12] != 0x88 ||
	    eth[13] != 0x6c || memcmp(eth + 19, "\x00\x10\x18", 3))
		return;
	if (t->nev == CYWSIM_KT_NEV)
		return;
	ev = &t->ev[t->nev++];
	memset(ev, 0, sizeof(*ev));
	ev->flags = eth[26] << 8 | eth[27];
	ev->type = cywsim_kt_be32(eth + 28);
	ev->status = cywsim_kt_be32(eth + 32);
	ev->reason = cywsim_kt_be32(eth + 36);
	ev->auth = cywsim_kt_be32(eth + 40);
	dlen = cywsim_kt_be32(eth + 44);
	if (ev->type == CYWSIM_E_ESCAN_RESULT &&
	    eth + CYWSIM_EV_HDR + dlen <= f + n)
		cywsim_kt_escan_bss(ev, eth + CYWSIM_EV_HDR, dlen);
}

static void cywsim_kt_dispatch(struct cywsim_kt *t, const u8 *f, u32 n)
{
	if ((f[5] & CYWSIM_SDPCM_CHAN_MASK) == CYWSIM_CHAN_EVENT)
		cywsim_kt_record_event(t, f, n);
}

/**
 * cywsim_kt_pump() - receive and dispatch frames for @ms
 * @t: test host
 * @ms: duration
 *
 * Return: frames received.
 */
int cywsim_kt_pump(struct cywsim_kt *t, u32 ms)
{
	unsigned long end = jiffies + msecs_to_jiffies(ms);
	int n, frames = 0;
	u8 *f;

	f = kmalloc(CYWSIM_KT_FRAME, GFP_KERNEL);
	if (!f)
		return 0;
	while (time_before(jiffies, end)) {
		n = cywsim_kt_recv(t, f, CYWSIM_KT_FRAME, 2);
		if (n > 0) {
			cywsim_kt_dispatch(t, f, n);
			frames++;
		}
	}
	kfree(f);
	return frames;
}

/**
 * cywsim_kt_find_event() - index of the first event @type at or after @from
 * @t: test host
 * @from: first index to look at
 * @type: event code
 *
 * Return: index or -1.
 */
int cywsim_kt_find_event(struct cywsim_kt *t, int from, u32 type)
{
	int i;

	for (i = from; i < t->nev; i++)
		if (t->ev[i].type == type)
			return i;
	return -1;
}

/**
 * cywsim_kt_wait_event() - pump until an event @type arrives
 * @t: test host
 * @type: event code
 * @ms: time limit
 *
 * Return: its index or -ETIMEDOUT.
 */
int cywsim_kt_wait_event(struct cywsim_kt *t, u32 type, u32 ms)
{
	unsigned long end = jiffies + msecs_to_jiffies(ms);
	int i;

	do {
		i = cywsim_kt_find_event(t, 0, type);
		if (i >= 0)
			return i;
		cywsim_kt_pump(t, 5);
	} while (time_before(jiffies, end));
	return -ETIMEDOUT;
}

static int cywsim_kt_ctl_reply(struct cywsim_kt *t, const u8 *f, u32 n,
			       u8 *buf, u32 len, s32 *fw_status)
{
	const u8 *h = f + f[7];

	if (n < f[7] + CYWSIM_BCDC_HDR ||
	    FIELD_GET(CYWSIM_BCDC_ID, cywsim_le32(h + 8)) != t->id)
		return -EAGAIN;		/* stale or foreign response */
	memcpy(t->last_ctl_hdr, f, CYWSIM_SDPCM_HDR);
	memcpy(buf, h + CYWSIM_BCDC_HDR,
	       min(len, n - f[7] - CYWSIM_BCDC_HDR));
	*fw_status = cywsim_le32(h + 12);
	return 0;
}

/**
 * cywsim_kt_ioctl() - one BCDC request and its response (§7.1)
 * @t: test host
 * @cmd: WLC command
 * @set: SET flag
 * @buf: request buffer, response copied back
 * @len: buffer length
 * @fw_status: out: firmware status
 *
 * Events that arrive meanwhile are recorded.
 *
 * Return: 0 when the matching response came, -ETIMEDOUT otherwise.
 */
int cywsim_kt_ioctl(struct cywsim_kt *t, u32 cmd, bool set, u8 *buf,
		    u32 len, s32 *fw_status)
{
	unsigned long end = jiffies + msecs_to_jiffies(500);
	int n, ret = -ETIMEDOUT;
	u8 *f;

	f = kzalloc(CYWSIM_KT_FRAME, GFP_KERNEL);
	if (!f)
		return -ENOMEM;
	cywsim_put_le32(f, cmd);
	cywsim_put_le32(f + 4, len);
	cywsim_put_le32(f + 8, FIELD_PREP(CYWSIM_BCDC_ID, t->id) |
			(set ? CYWSIM_BCDC_SET : 0));
	memcpy(f + CYWSIM_BCDC_HDR, buf, len);
	cywsim_kt_send(t, CYWSIM_CHAN_CTRL, f, CYWSIM_BCDC_HDR + len,
		       CYWSIM_SDPCM_HDR);
	while (time_before(jiffies, end)) {
		n = cywsim_kt_recv(t, f, CYWSIM_KT_FRAME, 20);
		if (n <= CYWSIM_SDPCM_HDR)
			continue;
		if ((f[5] & CYWSIM_SDPCM_CHAN_MASK) != CYWSIM_CHAN_CTRL) {
			cywsim_kt_dispatch(t, f, n);
			continue;
		}
		if (!cywsim_kt_ctl_reply(t, f, n, buf, len, fw_status)) {
			ret = 0;
			break;
		}
	}
	t->id++;
	kfree(f);
	return ret;
}

static int cywsim_kt_var(struct cywsim_kt *t, bool set, const char *name,
			 void *val, u32 vlen)
{
	u32 nlen = strlen(name) + 1, len = nlen + vlen;
	s32 st = 0;
	u8 *buf;
	int ret;

	buf = kzalloc(len, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	memcpy(buf, name, nlen);
	if (set)
		memcpy(buf + nlen, val, vlen);
	ret = cywsim_kt_ioctl(t, set ? CYWSIM_WLC_SET_VAR : CYWSIM_WLC_GET_VAR,
			      set, buf, set ? len : max(nlen, vlen), &st);
	if (!ret && !set)
		memcpy(val, buf, vlen);
	kfree(buf);
	return ret ?: st;
}

/**
 * cywsim_kt_iovar_set() - WLC_SET_VAR "name\0" + value (§7.2)
 * @t: test host
 * @name: iovar
 * @val: value
 * @vlen: its length
 *
 * Return: the firmware status (0 or a BCME code) or -ETIMEDOUT.
 */
int cywsim_kt_iovar_set(struct cywsim_kt *t, const char *name,
			const void *val, u32 vlen)
{
	return cywsim_kt_var(t, true, name, (void *)val, vlen);
}

/**
 * cywsim_kt_iovar_get() - WLC_GET_VAR (§7.2)
 * @t: test host
 * @name: iovar
 * @out: value
 * @olen: its length
 *
 * Return: the firmware status or -ETIMEDOUT.
 */
int cywsim_kt_iovar_get(struct cywsim_kt *t, const char *name, void *out,
			u32 olen)
{
	return cywsim_kt_var(t, false, name, out, olen);
}

/**
 * cywsim_kt_set_u32() - a SET ioctl with a u32 argument
 * @t: test host
 * @cmd: WLC command
 * @val: value
 *
 * Return: the firmware status or -ETIMEDOUT.
 */
int cywsim_kt_set_u32(struct cywsim_kt *t, u32 cmd, u32 val)
{
	u8 v[4];
	s32 st;
	int ret;

	cywsim_put_le32(v, val);
	ret = cywsim_kt_ioctl(t, cmd, true, v, 4, &st);
	return ret ?: st;
}

/**
 * cywsim_kt_load_clm() - clmload in 1 KB chunks, then clmload_status (§5.3)
 * @t: test host
 *
 * Return: 0 or the first failure.
 */
int cywsim_kt_load_clm(struct cywsim_kt *t)
{
	u32 len, off = 0, n;
	u8 *clm, *chunk;
	u16 flag;
	int ret = 0;
	u8 st[4];

	clm = cywsim_kt_clm(t, &len);
	chunk = kzalloc(CYWSIM_CLM_CHUNK_HDR + 1024, GFP_KERNEL);
	if (!clm || !chunk) {
		kfree(chunk);
		return -ENOMEM;
	}
	while (!ret && off < len) {
		n = min_t(u32, 1024, len - off);
		flag = CYWSIM_CLM_FLAG_HANDLER_VER |
		       (off ? 0 : CYWSIM_CLM_FLAG_BEGIN) |
		       (off + n == len ? CYWSIM_CLM_FLAG_END : 0);
		cywsim_put_le16(chunk, flag);
		cywsim_put_le16(chunk + 2, CYWSIM_CLM_TYPE_CLM);
		cywsim_put_le32(chunk + 4, n);
		cywsim_put_le32(chunk + 8, 0);
		memcpy(chunk + CYWSIM_CLM_CHUNK_HDR, clm + off, n);
		ret = cywsim_kt_iovar_set(t, "clmload", chunk,
					  CYWSIM_CLM_CHUNK_HDR + n);
		off += n;
	}
	kfree(chunk);
	if (ret)
		return ret;
	ret = cywsim_kt_iovar_get(t, "clmload_status", st, 4);
	return ret ?: (int)cywsim_le32(st);
}

/**
 * cywsim_kt_up() - CLM, every event enabled, WLC_UP (§8.3)
 * @t: test host
 *
 * Return: 0 or the first failure.
 */
int cywsim_kt_up(struct cywsim_kt *t)
{
	u8 mask[4 + CYWSIM_EVMASK_MIN];
	int ret;

	ret = cywsim_kt_load_clm(t);
	if (ret)
		return ret;
	memset(mask, 0xff, sizeof(mask));
	cywsim_put_le32(mask, 0);		/* bsscfg 0 */
	ret = cywsim_kt_iovar_set(t, "bsscfg:event_msgs", mask, sizeof(mask));
	if (ret)
		return ret;
	return cywsim_kt_set_u32(t, CYWSIM_WLC_UP, 0);
}
