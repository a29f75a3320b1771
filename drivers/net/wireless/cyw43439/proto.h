/* SPDX-License-Identifier: GPL-2.0 */
/* cyw43439: wire formats of the firmware protocol, encoders and validators. */

#ifndef _CYW43_PROTO_H
#define _CYW43_PROTO_H

#include <linux/if_ether.h>
#include <linux/math.h>
#include <linux/types.h>

/*
 * Everything here is a pure function over byte buffers: no bus, no locks,
 * no allocation. Every parser takes the length of what the chip handed us
 * and validates each field against it before anything else reads it.
 * Section numbers are those of the project's CYW43439 gSPI reference.
 */

/* SDPCM (§6.1, §6.2) */
#define CYW43_SDPCM_HDR_LEN	12
#define CYW43_SDPCM_DATA_PAD	2	/* data frames: offset 14 (§6.3) */
#define CYW43_SDPCM_CHAN_CTRL	0
#define CYW43_SDPCM_CHAN_EVENT	1
#define CYW43_SDPCM_CHAN_DATA	2
#define CYW43_F2_MAX		2048	/* largest F2 transfer (§2.4) */

/**
 * struct cyw43_sdpcm_hdr - a validated chip to host SDPCM header
 * @len: frame length from the frame tag (header included)
 * @seq: the firmware's sequence number
 * @chan: channel, CYW43_SDPCM_CHAN_*
 * @data_off: payload offset from the frame start, 12..@len
 * @flow_ctl: priorities the host must stop sending (bitmap)
 * @max_seq: credit: highest TX sequence (exclusive) the host may use
 */
struct cyw43_sdpcm_hdr {
	u16 len;
	u8 seq;
	u8 chan;
	u8 data_off;
	u8 flow_ctl;
	u8 max_seq;
};

int cyw43_sdpcm_parse(const u8 *buf, size_t xfer_len,
		      struct cyw43_sdpcm_hdr *hdr);
void cyw43_sdpcm_build(u8 *buf, u16 len, u8 seq, u8 chan, u8 data_off);
bool cyw43_sdpcm_may_send(u8 max_seq, u8 tx_seq);
u8 cyw43_sdpcm_credit(u8 new_max, u8 tx_seq);

/* BCDC (§7.1) */
#define CYW43_BCDC_HDR_LEN	16
#define CYW43_BCDC_FLAG_ERROR	0x1
#define CYW43_BCDC_FLAG_SET	0x2

/**
 * struct cyw43_bcdc_hdr - a parsed BCDC ioctl response header
 * @cmd: WLC command number
 * @len: payload length the firmware states
 * @id: request id
 * @error: the firmware set the ERROR flag
 * @status: firmware status (0 or a negative BCME code)
 */
struct cyw43_bcdc_hdr {
	u32 cmd;
	u32 len;
	u16 id;
	bool error;
	s32 status;
};

void cyw43_bcdc_build(u8 *buf, u32 cmd, u32 len, bool set, u16 id);
int cyw43_bcdc_parse(const u8 *buf, size_t len, struct cyw43_bcdc_hdr *hdr);
int cyw43_bcme_errno(s32 status);
const char *cyw43_bcme_name(s32 status);

/* iovars (§7.2) */
int cyw43_iovar_encode(u8 *buf, size_t room, const char *name,
		       const void *val, size_t vlen);

/* BDC (§7.3) */
#define CYW43_BDC_HDR_LEN	4
#define CYW43_BDC_VERSION	2

void cyw43_bdc_build(u8 *buf, u8 prio);
int cyw43_bdc_parse(const u8 *buf, size_t len, u8 *prio);

/* Events (§7.4, §7.5) */
#define CYW43_E_SET_SSID	0
#define CYW43_E_JOIN		1
#define CYW43_E_AUTH		3
#define CYW43_E_DEAUTH		5
#define CYW43_E_DEAUTH_IND	6
#define CYW43_E_ASSOC		7
#define CYW43_E_REASSOC		9
#define CYW43_E_DISASSOC	11
#define CYW43_E_DISASSOC_IND	12
#define CYW43_E_LINK		16
#define CYW43_E_PRUNE		23
#define CYW43_E_PSK_SUP		46
#define CYW43_E_ESCAN_RESULT	69
#define CYW43_E_MAX		139	/* event mask: 18 bytes (§7.5) */
#define CYW43_EVENT_MASK_LEN	DIV_ROUND_UP(CYW43_E_MAX, 8)

#define CYW43_E_STATUS_SUCCESS		0
#define CYW43_E_STATUS_FAIL		1
#define CYW43_E_STATUS_TIMEOUT		2
#define CYW43_E_STATUS_NO_NETWORKS	3
#define CYW43_E_STATUS_ABORT		4
#define CYW43_E_STATUS_PARTIAL		8
#define CYW43_E_STATUS_NEWSCAN		9
#define CYW43_E_STATUS_NEWASSOC		10

#define CYW43_EVENT_FLAG_LINK	0x01

/**
 * struct cyw43_event - a validated firmware event
 * @type: event code, CYW43_E_*
 * @status: event status
 * @reason: event reason
 * @auth_type: authentication type
 * @flags: event flags (CYW43_EVENT_FLAG_*)
 * @addr: peer or BSSID
 * @ifidx: firmware interface index
 * @bsscfgidx: firmware bsscfg index
 * @datalen: bytes at @data
 * @data: event data, inside the frame that was parsed
 */
struct cyw43_event {
	u32 type;
	u32 status;
	u32 reason;
	u32 auth_type;
	u16 flags;
	u8 addr[ETH_ALEN];
	u8 ifidx;
	u8 bsscfgidx;
	u32 datalen;
	const u8 *data;
};

int cyw43_event_parse(const u8 *frame, size_t len, struct cyw43_event *ev);

/* escan (§9.1, §9.2) */
#define CYW43_ESCAN_PARAMS_LEN	76
#define CYW43_ESCAN_ACTION_START 1
#define CYW43_ESCAN_ACTION_ABORT 3
#define CYW43_ESCAN_MAX_CHAN	14	/* 2.4 GHz channels 1..14 */
/* largest escan_build() payload: 72 + 2 * 14, padded to 4 */
#define CYW43_ESCAN_PARAMS_MAX	100

/**
 * struct cyw43_bss - one validated BSS of an escan result
 * @bssid: BSSID
 * @beacon_period: beacon interval in TU
 * @capability: 802.11 capability field
 * @ssid_len: SSID length, 0..32
 * @ssid: SSID bytes
 * @chanspec: firmware chanspec
 * @channel: channel number (control channel)
 * @band_5g: the chanspec is a 5 GHz channel
 * @rssi: signal in dBm
 * @ies: information elements, inside the parsed buffer
 * @ies_len: bytes at @ies
 */
struct cyw43_bss {
	u8 bssid[ETH_ALEN];
	u16 beacon_period;
	u16 capability;
	u8 ssid_len;
	u8 ssid[32];
	u16 chanspec;
	u8 channel;
	bool band_5g;
	s16 rssi;
	const u8 *ies;
	u32 ies_len;
};

int cyw43_escan_build(u8 *buf, u16 sync_id, const u8 *ssid, u8 ssid_len,
		      const u16 *chanspecs, unsigned int n_chan, bool passive);
int cyw43_escan_abort_build(u8 *buf, u16 sync_id);
int cyw43_escan_parse(const u8 *data, size_t len, u16 *sync_id,
		      struct cyw43_bss *bss);
u16 cyw43_chanspec_2g(u8 channel);

/* Firmware files (§5.1, §5.2, §5.3) */
#define CYW43_CLM_CHUNK_HDR	12	/* flag, type, len, crc after the name */

ssize_t cyw43_nvram_convert(const u8 *text, size_t len, u8 *out,
			    size_t room);
u32 cyw43_nvram_token(size_t padded_len);
int cyw43_fw_version(const u8 *img, size_t len, char *ver, size_t room);
size_t cyw43_clm_chunk_hdr(u8 *buf, size_t chunk_len, bool first,
			   bool last);

/* Firmware capabilities: the "cap" iovar, space-separated words (§8.2) */
#define CYW43_CAP_LEN		512	/* brcmfmac reads the same size */

/**
 * enum cyw43_feat - what the loaded firmware image can do
 * @CYW43_FEAT_IDSUP: on-chip supplicant ("idsup"): 4-way handshake offload
 * @CYW43_FEAT_IDAUTH: on-chip authenticator ("idauth")
 * @CYW43_FEAT_SAE: on-chip SAE ("sae"), with the password handed down
 * @CYW43_FEAT_EXTSAE: SAE run by the host ("extsae"), external auth
 * @CYW43_FEAT_MFP: 802.11w management frame protection ("mfp")
 * @CYW43_FEAT_NUM: number of features
 */
enum cyw43_feat {
	CYW43_FEAT_IDSUP,
	CYW43_FEAT_IDAUTH,
	CYW43_FEAT_SAE,
	CYW43_FEAT_EXTSAE,
	CYW43_FEAT_MFP,
	CYW43_FEAT_NUM,
};

int cyw43_feat_parse(const char *cap, size_t len, unsigned long *feat);
const char *cyw43_feat_name(enum cyw43_feat f);

#endif /* _CYW43_PROTO_H */
