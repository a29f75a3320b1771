// SPDX-License-Identifier: GPL-2.0
/* cyw43439: encoders and validators of the firmware protocol wire formats. */

#include <linux/bitfield.h>
#include <linux/build_bug.h>
#include <linux/errno.h>
#include <linux/etherdevice.h>
#include <linux/export.h>
#include <linux/ieee80211.h>
#include <linux/kernel.h>
#include <linux/string.h>

#include <kunit/visibility.h>

#include "proto.h"

/* Wire layouts, private: the rest of the driver sees proto.h's structs. */

/* SDPCM header (§6.1) */
struct cyw43_sdpcm_wire {
	__le16 len;
	__le16 len_inv;
	u8 seq;
	u8 chan_flags;
	u8 next_len;
	u8 data_off;
	u8 flow_ctl;
	u8 max_seq;
	__le16 reserved;
} __packed;
static_assert(sizeof(struct cyw43_sdpcm_wire) == CYW43_SDPCM_HDR_LEN);

#define CYW43_SDPCM_CHAN_MASK	GENMASK(3, 0)
#define CYW43_SDPCM_GLOM	BIT(7)
/* a credit further ahead than this is bogus (§6.4) */
#define CYW43_SDPCM_CREDIT_MAX	0x40
#define CYW43_SDPCM_CREDIT_BOGUS 2
/* Frames the host itself may have sent past the credit (sdpcm.c) */
#define CYW43_SDPCM_OVERRUN_MAX	4

/* BCDC ioctl header (§7.1) */
struct cyw43_bcdc_wire {
	__le32 cmd;
	__le32 len;
	__le32 flags;
	__le32 status;
} __packed;
static_assert(sizeof(struct cyw43_bcdc_wire) == CYW43_BCDC_HDR_LEN);

#define CYW43_BCDC_LEN_MASK	GENMASK(15, 0)
#define CYW43_BCDC_ID_MASK	GENMASK(31, 16)

/* iovar names are short C strings (§7.2) */
#define CYW43_IOVAR_NAME_MAX	64

/* BDC header (§7.3) */
struct cyw43_bdc_wire {
	u8 flags;
	u8 priority;
	u8 flags2;
	u8 data_off;	/* in 32-bit words */
} __packed;
static_assert(sizeof(struct cyw43_bdc_wire) == CYW43_BDC_HDR_LEN);

#define CYW43_BDC_VER_MASK	GENMASK(7, 4)
#define CYW43_BDC_PRIO_MASK	GENMASK(2, 0)

/* Event packet: Ethernet header, Broadcom header, event message; all
 * big-endian (§7.4).
 */
struct cyw43_event_wire {
	struct ethhdr eth;
	__be16 subtype;
	__be16 length;
	u8 version;
	u8 oui[3];
	__be16 usr_subtype;
	__be16 msg_version;
	__be16 flags;
	__be32 type;
	__be32 status;
	__be32 reason;
	__be32 auth_type;
	__be32 datalen;
	u8 addr[ETH_ALEN];
	char ifname[16];
	u8 ifidx;
	u8 bsscfgidx;
} __packed;
static_assert(sizeof(struct cyw43_event_wire) == 72);

#define CYW43_EVENT_SUBTYPE	0x8001	/* vendor long */
#define CYW43_EVENT_USR_SUBTYPE	1
static const u8 cyw43_event_oui[3] = { 0x00, 0x10, 0x18 };

/* escan parameters (§9.1) before the channel list */
struct cyw43_escan_wire {
	__le32 version;
	__le16 action;
	__le16 sync_id;
	__le32 ssid_len;
	u8 ssid[IEEE80211_MAX_SSID_LEN];
	u8 bssid[ETH_ALEN];
	u8 bss_type;
	u8 scan_type;
	__le32 nprobes;
	__le32 active_time;
	__le32 passive_time;
	__le32 home_time;
	__le32 channel_num;
	__le16 channel_list[];
} __packed;
static_assert(sizeof(struct cyw43_escan_wire) == 72);

#define CYW43_ESCAN_VERSION	1
#define CYW43_ESCAN_BSS_ANY	2
#define CYW43_ESCAN_PASSIVE	1
#define CYW43_ESCAN_DEFAULT	U32_MAX	/* -1: firmware default */

/* escan result header and one wl_bss_info, natural alignment (§9.2) */
struct cyw43_escan_res_wire {
	__le32 buflen;
	__le32 version;
	__le16 sync_id;
	__le16 bss_count;
} __packed;
static_assert(sizeof(struct cyw43_escan_res_wire) == 12);

struct cyw43_bss_wire {
	__le32 version;
	__le32 length;
	u8 bssid[ETH_ALEN];
	__le16 beacon_period;
	__le16 capability;
	u8 ssid_len;
	u8 ssid[IEEE80211_MAX_SSID_LEN];
	u8 pad0;
	__le32 n_rates;
	u8 rates[16];
	__le16 chanspec;
	__le16 atim_window;
	u8 dtim_period;
	u8 pad1;
	__le16 rssi;
	s8 phy_noise;
	u8 n_cap;
	u8 pad2[2];
	__le32 nbss_cap;
	u8 ctl_ch;
	u8 pad3[3];
	__le32 reserved32;
	u8 flags;
	u8 reserved[3];
	u8 basic_mcs[16];
	__le16 ie_offset;
	u8 pad4[2];
	__le32 ie_length;
	__le16 snr;
	u8 pad5[2];
} __packed;
static_assert(sizeof(struct cyw43_bss_wire) == 128);
static_assert(offsetof(struct cyw43_bss_wire, chanspec) == 72);
static_assert(offsetof(struct cyw43_bss_wire, rssi) == 78);
static_assert(offsetof(struct cyw43_bss_wire, ctl_ch) == 88);
static_assert(offsetof(struct cyw43_bss_wire, ie_offset) == 116);
static_assert(offsetof(struct cyw43_bss_wire, ie_length) == 120);

#define CYW43_BSS_INFO_VERSION	109
#define CYW43_CHANSPEC_CHAN	GENMASK(7, 0)
#define CYW43_CHANSPEC_BAND	GENMASK(15, 14)
#define CYW43_CHANSPEC_BAND_5G	3
#define CYW43_CHANSPEC_BW_20	0x1000

/* CLM download chunk header after "clmload\0" (§5.3) */
struct cyw43_clm_wire {
	__le16 flag;
	__le16 type;
	__le32 len;
	__le32 crc;
} __packed;
static_assert(sizeof(struct cyw43_clm_wire) == CYW43_CLM_CHUNK_HDR);

#define CYW43_CLM_HANDLER_VER	0x1000
#define CYW43_CLM_BEGIN		0x0002
#define CYW43_CLM_END		0x0004
#define CYW43_CLM_TYPE_CLM	2

/* Firmware image limits and its version trailer (§5.1) */
#define CYW43_FW_MIN_LEN	64
#define CYW43_FW_MAX_LEN	(512 * 1024)	/* the chip's RAM */
#define CYW43_FW_TRAILER_LEN	1024
static const char cyw43_fw_version_tag[] = "Version: ";

/**
 * cyw43_sdpcm_parse() - validate the SDPCM header of a received frame
 * @buf: the frame as read from F2
 * @xfer_len: bytes read (may exceed the frame length by the rounding)
 * @hdr: filled in on success
 *
 * Checks the frame tag, that the frame fits the transfer, that the
 * channel is control, event or data (glom is never enabled) and that the
 * data offset lies inside the frame (§6.1, §6.5 step 5). A 12-byte frame
 * with offset 12 is a valid pure credit update.
 *
 * Return: 0; -EMSGSIZE when the transfer or the frame length is too short
 * or the frame exceeds the transfer; -EBADMSG when the length check fails;
 * -EPROTO for a glom or unknown channel; -EINVAL for a bad data offset.
 */
int cyw43_sdpcm_parse(const u8 *buf, size_t xfer_len,
		      struct cyw43_sdpcm_hdr *hdr)
{
	const struct cyw43_sdpcm_wire *w = (const void *)buf;
	u16 len, chan;

	if (xfer_len < CYW43_SDPCM_HDR_LEN)
		return -EMSGSIZE;
	len = le16_to_cpu(w->len);
	if ((len ^ le16_to_cpu(w->len_inv)) != 0xffff)
		return -EBADMSG;
	if (len < CYW43_SDPCM_HDR_LEN || len > xfer_len)
		return -EMSGSIZE;
	if (w->chan_flags & CYW43_SDPCM_GLOM)
		return -EPROTO;
	chan = FIELD_GET(CYW43_SDPCM_CHAN_MASK, w->chan_flags);
	if (chan > CYW43_SDPCM_CHAN_DATA)
		return -EPROTO;
	if (w->data_off < CYW43_SDPCM_HDR_LEN || w->data_off > len)
		return -EINVAL;

	hdr->len = len;
	hdr->seq = w->seq;
	hdr->chan = chan;
	hdr->data_off = w->data_off;
	hdr->flow_ctl = w->flow_ctl;
	hdr->max_seq = w->max_seq;
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(cyw43_sdpcm_parse);

/**
 * cyw43_sdpcm_build() - write a host to chip SDPCM header
 * @buf: at least CYW43_SDPCM_HDR_LEN bytes
 * @len: frame length, header included, not rounded (§6.3)
 * @seq: host TX sequence number
 * @chan: CYW43_SDPCM_CHAN_*
 * @data_off: payload offset: 12 for control, 14 for data (§6.3)
 *
 * The host leaves next length, flow control and credit at zero (§6.1).
 */
void cyw43_sdpcm_build(u8 *buf, u16 len, u8 seq, u8 chan, u8 data_off)
{
	struct cyw43_sdpcm_wire *w = (void *)buf;

	w->len = cpu_to_le16(len);
	w->len_inv = cpu_to_le16(~len);
	w->seq = seq;
	w->chan_flags = FIELD_PREP(CYW43_SDPCM_CHAN_MASK, chan);
	w->next_len = 0;
	w->data_off = data_off;
	w->flow_ctl = 0;
	w->max_seq = 0;
	w->reserved = 0;
}
EXPORT_SYMBOL_IF_KUNIT(cyw43_sdpcm_build);

/**
 * cyw43_sdpcm_may_send() - whether the credit window admits one more frame
 * @max_seq: the credit the firmware granted
 * @tx_seq: the sequence number the next frame would carry
 *
 * The window is the difference modulo 256; a difference with bit 7 set
 * means the host is past the credit, not far ahead of it (§6.4).
 *
 * Return: true when a frame may be sent.
 */
bool cyw43_sdpcm_may_send(u8 max_seq, u8 tx_seq)
{
	u8 window = max_seq - tx_seq;

	return window && !(window & BIT(7));
}
EXPORT_SYMBOL_IF_KUNIT(cyw43_sdpcm_may_send);

/**
 * cyw43_sdpcm_credit() - the credit to accept from a received header
 * @new_max: max_seq of the received header
 * @tx_seq: the host's next TX sequence number
 *
 * As the vendor's host driver, brcmfmac and embassy do (§6.4), a credit
 * is believed whichever way it moves: a firmware that takes credit back
 * is obeyed, so the host never sends into a window the firmware has
 * closed. A credit more than 0x40 ahead of the host cannot be real; it is
 * replaced by a window of two frames, so the host keeps going without
 * flooding the chip. A corrupted max_seq (§10 #5) lands there too, or
 * costs at most the frames until the next header, which carries the real
 * credit again. The one exception is a host a few frames past the credit:
 * it went there itself (a control frame sent after a long stall, see
 * sdpcm.c), and the credit is real: no window.
 *
 * Return: the max_seq to use from now on.
 */
u8 cyw43_sdpcm_credit(u8 new_max, u8 tx_seq)
{
	if ((u8)(tx_seq - new_max) <= CYW43_SDPCM_OVERRUN_MAX)
		return new_max;
	if ((u8)(new_max - tx_seq) > CYW43_SDPCM_CREDIT_MAX)
		return tx_seq + CYW43_SDPCM_CREDIT_BOGUS;
	return new_max;
}
EXPORT_SYMBOL_IF_KUNIT(cyw43_sdpcm_credit);

/**
 * cyw43_bcdc_build() - write a BCDC ioctl request header
 * @buf: at least CYW43_BCDC_HDR_LEN bytes
 * @cmd: WLC command number
 * @len: payload length (the low 16 bits are sent, §7.1)
 * @set: a SET (true) or a GET (false)
 * @id: request id, echoed by the response
 *
 * The request goes to firmware interface 0 with status 0.
 */
void cyw43_bcdc_build(u8 *buf, u32 cmd, u32 len, bool set, u16 id)
{
	struct cyw43_bcdc_wire *w = (void *)buf;
	u32 flags = FIELD_PREP(CYW43_BCDC_ID_MASK, id);

	if (set)
		flags |= CYW43_BCDC_FLAG_SET;
	w->cmd = cpu_to_le32(cmd);
	w->len = cpu_to_le32(FIELD_PREP(CYW43_BCDC_LEN_MASK, len));
	w->flags = cpu_to_le32(flags);
	w->status = 0;
}
EXPORT_SYMBOL_IF_KUNIT(cyw43_bcdc_build);

/**
 * cyw43_bcdc_parse() - parse a BCDC ioctl response header
 * @buf: the control channel payload
 * @len: bytes at @buf
 * @hdr: filled in on success
 *
 * The firmware echoes the request's buffer length in the len field, which
 * may exceed what it actually returned. @hdr->len is therefore clamped to
 * the bytes present after the header; the caller copies at most
 * min(@hdr->len, its own buffer) from @buf + CYW43_BCDC_HDR_LEN.
 *
 * Return: 0, or -EMSGSIZE when @len cannot hold the header.
 */
int cyw43_bcdc_parse(const u8 *buf, size_t len, struct cyw43_bcdc_hdr *hdr)
{
	const struct cyw43_bcdc_wire *w = (const void *)buf;
	u32 flags, plen;

	if (len < CYW43_BCDC_HDR_LEN)
		return -EMSGSIZE;
	flags = le32_to_cpu(w->flags);
	plen = FIELD_GET(CYW43_BCDC_LEN_MASK, le32_to_cpu(w->len));

	hdr->cmd = le32_to_cpu(w->cmd);
	hdr->len = min_t(size_t, plen, len - CYW43_BCDC_HDR_LEN);
	hdr->id = FIELD_GET(CYW43_BCDC_ID_MASK, flags);
	hdr->error = flags & CYW43_BCDC_FLAG_ERROR;
	hdr->status = (s32)le32_to_cpu(w->status);
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(cyw43_bcdc_parse);

/* Firmware status codes (§7.1) with their names and errno equivalents */
static const struct cyw43_bcme {
	s32 status;
	int err;
	const char *name;
} cyw43_bcme_table[] = {
	{ 0, 0, "OK" },
	{ -1, -EIO, "ERROR" },
	{ -2, -EINVAL, "BADARG" },
	{ -3, -EIO, "BADOPTION" },
	{ -4, -ENETDOWN, "NOTUP" },
	{ -5, -EBUSY, "NOTDOWN" },
	{ -6, -EIO, "NOTAP" },
	{ -7, -EOPNOTSUPP, "NOTSTA" },
	{ -9, -ENETDOWN, "RADIOOFF" },
	{ -14, -ENOBUFS, "BUFTOOSHORT" },
	{ -15, -EMSGSIZE, "BUFTOOLONG" },
	{ -16, -EBUSY, "BUSY" },
	{ -17, -ENOTCONN, "NOTASSOCIATED" },
	{ -18, -EINVAL, "BADSSIDLEN" },
	{ -20, -EINVAL, "BADCHAN" },
	{ -23, -EOPNOTSUPP, "UNSUPPORTED" },
	{ -24, -EINVAL, "BADLEN" },
	{ -25, -EAGAIN, "NOTREADY" },
	{ -26, -EPERM, "EPERM" },
	{ -27, -ENOMEM, "NOMEM" },
	{ -30, -ENOENT, "NOTFOUND" },
};

static const struct cyw43_bcme *cyw43_bcme_find(s32 status)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(cyw43_bcme_table); i++)
		if (cyw43_bcme_table[i].status == status)
			return &cyw43_bcme_table[i];
	return NULL;
}

/**
 * cyw43_bcme_errno() - translate a firmware status into an errno
 * @status: BCDC status (0 or a negative BCME code, §7.1)
 *
 * Return: 0 for 0; the errno of a known code; -EIO for any other value,
 * positive ones included.
 */
int cyw43_bcme_errno(s32 status)
{
	const struct cyw43_bcme *e = cyw43_bcme_find(status);

	return e ? e->err : -EIO;
}
EXPORT_SYMBOL_IF_KUNIT(cyw43_bcme_errno);

/**
 * cyw43_bcme_name() - name a firmware status for log messages
 * @status: BCDC status
 *
 * Return: "OK" for 0, the BCME name of a known code (e.g. "BADARG"),
 * "UNKNOWN" otherwise. Never NULL.
 */
const char *cyw43_bcme_name(s32 status)
{
	const struct cyw43_bcme *e = cyw43_bcme_find(status);

	return e ? e->name : "UNKNOWN";
}
EXPORT_SYMBOL_IF_KUNIT(cyw43_bcme_name);

/**
 * cyw43_iovar_encode() - write an iovar payload: "name\0" then the value
 * @buf: destination
 * @room: bytes available at @buf
 * @name: iovar name, 1 to 63 characters
 * @val: value to append, or NULL to append @vlen zero bytes (the room a
 *	GET needs for its answer, §7.2)
 * @vlen: value length
 *
 * Return: the payload length, or -EMSGSIZE when @name is empty or too
 * long or the payload does not fit in @room.
 */
int cyw43_iovar_encode(u8 *buf, size_t room, const char *name,
		       const void *val, size_t vlen)
{
	size_t nlen = strnlen(name, CYW43_IOVAR_NAME_MAX);

	if (!nlen || nlen >= CYW43_IOVAR_NAME_MAX)
		return -EMSGSIZE;
	if (room < nlen + 1 || vlen > room - (nlen + 1) ||
	    vlen > INT_MAX - CYW43_IOVAR_NAME_MAX)
		return -EMSGSIZE;

	memcpy(buf, name, nlen + 1);
	if (val)
		memcpy(buf + nlen + 1, val, vlen);
	else
		memset(buf + nlen + 1, 0, vlen);
	return nlen + 1 + vlen;
}
EXPORT_SYMBOL_IF_KUNIT(cyw43_iovar_encode);

/**
 * cyw43_bdc_build() - write the BDC header of a data frame (§7.3)
 * @buf: at least CYW43_BDC_HDR_LEN bytes
 * @prio: 802.1d priority, 0..7
 *
 * Version 2, no checksum offload, interface 0, no signal TLVs.
 */
void cyw43_bdc_build(u8 *buf, u8 prio)
{
	struct cyw43_bdc_wire *w = (void *)buf;

	w->flags = FIELD_PREP(CYW43_BDC_VER_MASK, CYW43_BDC_VERSION);
	w->priority = prio & CYW43_BDC_PRIO_MASK;
	w->flags2 = 0;
	w->data_off = 0;
}
EXPORT_SYMBOL_IF_KUNIT(cyw43_bdc_build);

/**
 * cyw43_bdc_parse() - validate the BDC header of a data or event frame
 * @buf: the SDPCM payload
 * @len: bytes at @buf
 * @prio: the frame's 802.1d priority, on success
 *
 * Return: the offset of the Ethernet frame from @buf (the header plus the
 * firmware signal words, §7.3); -EMSGSIZE when the header or the words it
 * announces do not fit in @len; -EPROTO for a version other than 2.
 */
int cyw43_bdc_parse(const u8 *buf, size_t len, u8 *prio)
{
	const struct cyw43_bdc_wire *w = (const void *)buf;
	size_t off;

	if (len < CYW43_BDC_HDR_LEN)
		return -EMSGSIZE;
	if (FIELD_GET(CYW43_BDC_VER_MASK, w->flags) != CYW43_BDC_VERSION)
		return -EPROTO;
	off = CYW43_BDC_HDR_LEN + 4 * (size_t)w->data_off;
	if (off > len)
		return -EMSGSIZE;
	*prio = FIELD_GET(CYW43_BDC_PRIO_MASK, w->priority);
	return off;
}
EXPORT_SYMBOL_IF_KUNIT(cyw43_bdc_parse);

static bool cyw43_event_is_ours(const struct cyw43_event_wire *w)
{
	return be16_to_cpu(w->eth.h_proto) == ETH_P_LINK_CTL &&
	       be16_to_cpu(w->subtype) == CYW43_EVENT_SUBTYPE &&
	       !memcmp(w->oui, cyw43_event_oui, sizeof(w->oui)) &&
	       be16_to_cpu(w->usr_subtype) == CYW43_EVENT_USR_SUBTYPE;
}

/**
 * cyw43_event_parse() - validate a firmware event and convert it
 * @frame: the Ethernet frame after the BDC header
 * @len: bytes at @frame
 * @ev: filled in on success; @ev->data points into @frame
 *
 * Checks ethertype, Broadcom subtype, OUI and user subtype before reading
 * the big-endian message, then that its data is inside the frame (§7.4).
 *
 * Return: 0; -EMSGSIZE when the frame is shorter than the message or its
 * data; -EPROTO when the frame is not a firmware event.
 */
int cyw43_event_parse(const u8 *frame, size_t len, struct cyw43_event *ev)
{
	const struct cyw43_event_wire *w = (const void *)frame;
	u32 datalen;

	if (len < sizeof(*w))
		return -EMSGSIZE;
	if (!cyw43_event_is_ours(w))
		return -EPROTO;
	datalen = be32_to_cpu(w->datalen);
	if (datalen > len - sizeof(*w))
		return -EMSGSIZE;

	ev->type = be32_to_cpu(w->type);
	ev->status = be32_to_cpu(w->status);
	ev->reason = be32_to_cpu(w->reason);
	ev->auth_type = be32_to_cpu(w->auth_type);
	ev->flags = be16_to_cpu(w->flags);
	memcpy(ev->addr, w->addr, ETH_ALEN);
	ev->ifidx = w->ifidx;
	ev->bsscfgidx = w->bsscfgidx;
	ev->datalen = datalen;
	ev->data = frame + sizeof(*w);
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(cyw43_event_parse);

static void cyw43_escan_init(struct cyw43_escan_wire *w, u16 action,
			     u16 sync_id)
{
	w->version = cpu_to_le32(CYW43_ESCAN_VERSION);
	w->action = cpu_to_le16(action);
	w->sync_id = cpu_to_le16(sync_id);
	eth_broadcast_addr(w->bssid);
	w->bss_type = CYW43_ESCAN_BSS_ANY;
}

/**
 * cyw43_escan_build() - write the parameters of the "escan" iovar (§9.1)
 * @buf: at least CYW43_ESCAN_PARAMS_MAX bytes
 * @sync_id: echoed in the results
 * @ssid: SSID to probe for (may be NULL when @ssid_len is 0)
 * @ssid_len: 0 (any SSID) to 32
 * @chanspecs: channels to scan
 * @n_chan: number of @chanspecs, 0 (all channels) to CYW43_ESCAN_MAX_CHAN
 * @passive: passive scan instead of sending probe requests
 *
 * Dwell times and probe count are left to the firmware (-1). The channel
 * list has at least one slot and is padded to a multiple of 4 bytes.
 *
 * Return: the payload length (at least CYW43_ESCAN_PARAMS_LEN), or -EINVAL
 * for an over-long SSID or too many channels.
 */
int cyw43_escan_build(u8 *buf, u16 sync_id, const u8 *ssid, u8 ssid_len,
		      const u16 *chanspecs, unsigned int n_chan, bool passive)
{
	struct cyw43_escan_wire *w = (void *)buf;
	unsigned int i;
	size_t len;

	if (ssid_len > sizeof(w->ssid) || n_chan > CYW43_ESCAN_MAX_CHAN)
		return -EINVAL;
	len = ALIGN(struct_size(w, channel_list, max(n_chan, 1U)), 4);
	memset(buf, 0, len);

	cyw43_escan_init(w, CYW43_ESCAN_ACTION_START, sync_id);
	w->ssid_len = cpu_to_le32(ssid_len);
	if (ssid_len)
		memcpy(w->ssid, ssid, ssid_len);
	w->scan_type = passive ? CYW43_ESCAN_PASSIVE : 0;
	w->nprobes = cpu_to_le32(CYW43_ESCAN_DEFAULT);
	w->active_time = cpu_to_le32(CYW43_ESCAN_DEFAULT);
	w->passive_time = cpu_to_le32(CYW43_ESCAN_DEFAULT);
	w->home_time = cpu_to_le32(CYW43_ESCAN_DEFAULT);
	w->channel_num = cpu_to_le32(n_chan);
	for (i = 0; i < n_chan; i++)
		w->channel_list[i] = cpu_to_le16(chanspecs[i]);
	return len;
}
EXPORT_SYMBOL_IF_KUNIT(cyw43_escan_build);

/**
 * cyw43_escan_abort_build() - write "escan" parameters that stop a scan
 * @buf: at least CYW43_ESCAN_PARAMS_LEN bytes
 * @sync_id: sync id for the request
 *
 * Return: CYW43_ESCAN_PARAMS_LEN.
 */
int cyw43_escan_abort_build(u8 *buf, u16 sync_id)
{
	memset(buf, 0, CYW43_ESCAN_PARAMS_LEN);
	cyw43_escan_init((void *)buf, CYW43_ESCAN_ACTION_ABORT, sync_id);
	return CYW43_ESCAN_PARAMS_LEN;
}
EXPORT_SYMBOL_IF_KUNIT(cyw43_escan_abort_build);

/* The record must hold its fixed part, and its IEs must lie inside it. */
static int cyw43_bss_check(const struct cyw43_bss_wire *w, size_t room)
{
	u32 rlen = le32_to_cpu(w->length);
	u32 ie_off = le16_to_cpu(w->ie_offset);
	u32 ie_len = le32_to_cpu(w->ie_length);
	u16 chanspec = le16_to_cpu(w->chanspec);

	if (rlen < sizeof(*w) || rlen > room)
		return -EMSGSIZE;
	if (le32_to_cpu(w->version) != CYW43_BSS_INFO_VERSION)
		return -EPROTO;
	if (w->ssid_len > sizeof(w->ssid))
		return -EINVAL;
	if (ie_off < sizeof(*w) || ie_off > rlen || ie_len > rlen - ie_off)
		return -EMSGSIZE;
	if (!w->ctl_ch && !FIELD_GET(CYW43_CHANSPEC_CHAN, chanspec))
		return -EINVAL;
	return 0;
}

static void cyw43_bss_fill(const struct cyw43_bss_wire *w,
			   struct cyw43_bss *bss)
{
	u16 chanspec = le16_to_cpu(w->chanspec);

	memcpy(bss->bssid, w->bssid, ETH_ALEN);
	bss->beacon_period = le16_to_cpu(w->beacon_period);
	bss->capability = le16_to_cpu(w->capability);
	bss->ssid_len = w->ssid_len;
	memset(bss->ssid, 0, sizeof(bss->ssid));
	memcpy(bss->ssid, w->ssid, w->ssid_len);
	bss->chanspec = chanspec;
	bss->channel = w->ctl_ch ?: FIELD_GET(CYW43_CHANSPEC_CHAN, chanspec);
	bss->band_5g = FIELD_GET(CYW43_CHANSPEC_BAND, chanspec) ==
		       CYW43_CHANSPEC_BAND_5G;
	bss->rssi = (s16)le16_to_cpu(w->rssi);
	bss->ies = (const u8 *)w + le16_to_cpu(w->ie_offset);
	bss->ies_len = le32_to_cpu(w->ie_length);
}

/**
 * cyw43_escan_parse() - validate an ESCAN_RESULT event's data (§9.2)
 * @data: event data
 * @len: bytes at @data
 * @sync_id: the result's sync id, once the 12-byte header is valid
 * @bss: the first BSS of the result, when there is one
 *
 * Only the first wl_bss_info is read (the firmware sends one per event).
 * Its length, version, SSID length, IE area and channel are checked before
 * @bss is written; @bss->ies points into @data.
 *
 * Return: 1 when @bss was filled; 0 when the result carries no BSS (the
 * final event of a scan); -EMSGSIZE when a length is inconsistent with
 * @len or the record; -EPROTO for an unknown record version; -EINVAL for
 * an over-long SSID or channel 0.
 */
int cyw43_escan_parse(const u8 *data, size_t len, u16 *sync_id,
		      struct cyw43_bss *bss)
{
	const struct cyw43_escan_res_wire *res = (const void *)data;
	const struct cyw43_bss_wire *w;
	int ret;

	if (len < sizeof(*res) || le32_to_cpu(res->buflen) > len)
		return -EMSGSIZE;
	*sync_id = le16_to_cpu(res->sync_id);
	if (!le16_to_cpu(res->bss_count))
		return 0;

	len -= sizeof(*res);
	if (len < sizeof(*w))
		return -EMSGSIZE;
	w = (const void *)(data + sizeof(*res));
	ret = cyw43_bss_check(w, len);
	if (ret)
		return ret;
	cyw43_bss_fill(w, bss);
	return 1;
}
EXPORT_SYMBOL_IF_KUNIT(cyw43_escan_parse);

/**
 * cyw43_chanspec_2g() - chanspec of a 20 MHz 2.4 GHz channel (§9.2)
 * @channel: channel number, 1..14
 *
 * Return: the d11ac chanspec.
 */
u16 cyw43_chanspec_2g(u8 channel)
{
	return CYW43_CHANSPEC_BW_20 | channel;
}
EXPORT_SYMBOL_IF_KUNIT(cyw43_chanspec_2g);

/* Length of the line at @p: up to LF or CR (CRLF and CR-only files alike) */
static size_t cyw43_nvram_eol(const u8 *p, size_t n)
{
	size_t i;

	for (i = 0; i < n && p[i] != '\n' && p[i] != '\r'; i++)
		;
	return i;
}

/* Drop the comment and the blanks around what is left. */
static size_t cyw43_nvram_trim(const u8 **line, size_t n)
{
	const u8 *p = *line, *hash = memchr(p, '#', n);

	if (hash)
		n = hash - p;
	while (n && (p[n - 1] == ' ' || p[n - 1] == '\t'))
		n--;
	while (n && (*p == ' ' || *p == '\t')) {
		p++;
		n--;
	}
	*line = p;
	return n;
}

/**
 * cyw43_nvram_convert() - convert an NVRAM text file to the chip's format
 * @text: the file
 * @len: its length
 * @out: destination
 * @room: bytes available at @out
 *
 * Each line loses its comment ('#' to the end) and surrounding blanks;
 * empty lines are skipped; every other line must be "key=value" with a
 * non-empty key and becomes "key=value\0". The list ends with one more NUL
 * and is zero-padded to a multiple of 4 bytes (§5.1, §5.2 step 5).
 *
 * Return: the padded length; -EINVAL for a NUL byte in @text, a line that
 * is not "key=value" or a file without entries; -ENOSPC when @room is too
 * small.
 */
ssize_t cyw43_nvram_convert(const u8 *text, size_t len, u8 *out,
			    size_t room)
{
	size_t off = 0, pos = 0, padded;
	const u8 *line, *eq;
	size_t n;

	if (memchr(text, '\0', len))
		return -EINVAL;
	while (off < len) {
		line = text + off;
		n = cyw43_nvram_eol(line, len - off);
		off += n + 1;
		n = cyw43_nvram_trim(&line, n);
		if (!n)
			continue;
		eq = memchr(line, '=', n);
		if (!eq || eq == line)
			return -EINVAL;
		if (n + 1 > room - pos)
			return -ENOSPC;
		memcpy(out + pos, line, n);
		out[pos + n] = '\0';
		pos += n + 1;
	}
	if (!pos)
		return -EINVAL;
	padded = ALIGN(pos + 1, 4);
	if (padded > room)
		return -ENOSPC;
	memset(out + pos, 0, padded - pos);
	return padded;
}
EXPORT_SYMBOL_IF_KUNIT(cyw43_nvram_convert);

/**
 * cyw43_nvram_token() - the length word written at the top of RAM
 * @padded_len: converted NVRAM length, a multiple of 4
 *
 * The word count in the low half, its complement in the high half
 * (§5.2 step 6): 744 bytes give 0xFF4500BA.
 *
 * Return: the token.
 */
u32 cyw43_nvram_token(size_t padded_len)
{
	u32 words = padded_len / 4;

	return (~words << 16) | (words & 0xffff);
}
EXPORT_SYMBOL_IF_KUNIT(cyw43_nvram_token);

static const u8 *cyw43_fw_find_tag(const u8 *p, size_t n)
{
	const size_t tlen = sizeof(cyw43_fw_version_tag) - 1;
	size_t i;

	for (i = 0; i + tlen <= n; i++)
		if (!memcmp(p + i, cyw43_fw_version_tag, tlen))
			return p + i + tlen;
	return NULL;
}

/**
 * cyw43_fw_version() - find the version string of a firmware image
 * @img: the image
 * @len: its length
 * @ver: destination, NUL-terminated
 * @room: bytes at @ver (at least 1)
 *
 * The version lives in the trailer (§5.1): the text after "Version: " in
 * the last KiB, up to its NUL, the end of the image or @room - 1
 * characters, whichever comes first.
 *
 * Return: 0; -EINVAL for an image shorter than 64 bytes or larger than the
 * chip's 512 KiB RAM, or for @room 0; -ENOENT when there is no version.
 */
int cyw43_fw_version(const u8 *img, size_t len, char *ver, size_t room)
{
	const u8 *start, *v, *end = img + len;
	size_t n;

	if (len < CYW43_FW_MIN_LEN || len > CYW43_FW_MAX_LEN || !room)
		return -EINVAL;
	start = img + len - min_t(size_t, len, CYW43_FW_TRAILER_LEN);
	v = cyw43_fw_find_tag(start, end - start);
	if (!v)
		return -ENOENT;

	n = strnlen((const char *)v, min_t(size_t, end - v, room - 1));
	memcpy(ver, v, n);
	ver[n] = '\0';
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(cyw43_fw_version);

/**
 * cyw43_clm_chunk_hdr() - write the header of one "clmload" chunk (§5.3)
 * @buf: at least CYW43_CLM_CHUNK_HDR bytes, after "clmload\0"
 * @chunk_len: data bytes in this chunk
 * @first: the first chunk (BEGIN)
 * @last: the last chunk (END)
 *
 * Return: CYW43_CLM_CHUNK_HDR.
 */
size_t cyw43_clm_chunk_hdr(u8 *buf, size_t chunk_len, bool first,
			   bool last)
{
	struct cyw43_clm_wire *w = (void *)buf;
	u16 flag = CYW43_CLM_HANDLER_VER;

	if (first)
		flag |= CYW43_CLM_BEGIN;
	if (last)
		flag |= CYW43_CLM_END;
	w->flag = cpu_to_le16(flag);
	w->type = cpu_to_le16(CYW43_CLM_TYPE_CLM);
	w->len = cpu_to_le32(chunk_len);
	w->crc = 0;
	return CYW43_CLM_CHUNK_HDR;
}
EXPORT_SYMBOL_IF_KUNIT(cyw43_clm_chunk_hdr);
