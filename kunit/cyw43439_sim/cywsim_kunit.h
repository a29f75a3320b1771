/* SPDX-License-Identifier: GPL-2.0 */
/* cyw43439_sim KUnit: a minimal gSPI host written from the reference. */

#ifndef _CYWSIM_KUNIT_H
#define _CYWSIM_KUNIT_H

#include <kunit/test.h>

#include "netdrv_compat.h"
#include "cywsim.h"

/* Host-side word orders (reference §2.2) */
enum cywsim_kt_mode {
	CYWSIM_KT_16LE,		/* power-on: b1 b0 b3 b2 */
	CYWSIM_KT_32BIG,	/* ENDIAN_BIG: memory order */
	CYWSIM_KT_32LE,		/* little-endian words: b3 b2 b1 b0 */
};

#define CYWSIM_KT_HZ		31250000
#define CYWSIM_KT_NEV		64

/**
 * struct cywsim_kt_ev - one event the test host received
 * @type: event code
 * @status: status
 * @reason: reason
 * @flags: flags
 * @auth: auth type
 * @bss_version: wl_bss_info version of an ESCAN_RESULT with a BSS
 * @ssid: SSID of that BSS
 * @chanspec: its chanspec
 */
struct cywsim_kt_ev {
	u32 type;
	u32 status;
	u32 reason;
	u16 flags;
	u32 auth;
	u32 bss_version;
	char ssid[33];
	u16 chanspec;
};

/**
 * struct cywsim_kt - the test host and its chip
 * @test: the running test
 * @chip: the chip model
 * @mode: current word order
 * @status_words: STATUS_ENABLE is set: every transaction ends with status
 * @f1_pad: filler bytes expected before F1 read data
 * @last_status: last appended status word
 * @seq: next SDPCM sequence number
 * @max_seq: credit from the last frame received
 * @id: next BCDC request id
 * @ev: events received, oldest first
 * @nev: number of events in @ev
 * @air: frames the simulated AP received from the station
 * @last_ctl_hdr: SDPCM header of the last control frame received
 * @fw_ver: version string the synthetic image carries, or NULL for the
 *	default
 */
struct cywsim_kt {
	struct kunit *test;
	struct cywsim_chip *chip;
	enum cywsim_kt_mode mode;
	bool status_words;
	u32 f1_pad;
	u32 last_status;
	u8 seq;
	u8 max_seq;
	u16 id;
	struct cywsim_kt_ev ev[CYWSIM_KT_NEV];
	int nev;
	struct sk_buff_head air;
	u8 last_ctl_hdr[CYWSIM_SDPCM_HDR];
	const char *fw_ver;
};

extern struct kunit_suite cywsim_bus_suite;
extern struct kunit_suite cywsim_f2_suite;
extern struct kunit_suite cywsim_prof_suite;

int cywsim_kt_init(struct kunit *test);
void cywsim_kt_exit(struct kunit *test);
u32 cywsim_kt_cmd(bool write, bool incr, u8 fn, u32 addr, u32 len);
void cywsim_kt_to_wire(enum cywsim_kt_mode mode, u8 *wire, const u8 *mem,
		       u32 n);
void cywsim_kt_read(struct cywsim_kt *t, u8 fn, u32 addr, void *buf,
		    u32 len);
void cywsim_kt_write(struct cywsim_kt *t, u8 fn, u32 addr, const void *buf,
		     u32 len);
u32 cywsim_kt_read32(struct cywsim_kt *t, u8 fn, u32 addr);
void cywsim_kt_write32(struct cywsim_kt *t, u8 fn, u32 addr, u32 val);
u8 cywsim_kt_read8(struct cywsim_kt *t, u8 fn, u32 addr);
void cywsim_kt_write8(struct cywsim_kt *t, u8 fn, u32 addr, u8 val);
void cywsim_kt_power_on(struct cywsim_kt *t);
int cywsim_kt_sync16(struct cywsim_kt *t);
int cywsim_kt_bringup(struct cywsim_kt *t, bool status_words);
u32 cywsim_kt_bp_read32(struct cywsim_kt *t, u32 addr);
void cywsim_kt_bp_write32(struct cywsim_kt *t, u32 addr, u32 val);
void cywsim_kt_bp_write(struct cywsim_kt *t, u32 addr, const u8 *buf,
			u32 len);
int cywsim_kt_alp(struct cywsim_kt *t);
u8 *cywsim_kt_fw_image(struct cywsim_kt *t, u32 *len);
u8 *cywsim_kt_nvram(struct cywsim_kt *t, const char *text, u32 *len);
u8 *cywsim_kt_clm(struct cywsim_kt *t, u32 *len);
int cywsim_kt_download(struct cywsim_kt *t, const u8 *fw, u32 fw_len,
		       const u8 *nv, u32 nv_len, u32 token);
int cywsim_kt_wait_f2_ready(struct cywsim_kt *t, u32 ms);
int cywsim_kt_boot(struct cywsim_kt *t);
int cywsim_kt_send(struct cywsim_kt *t, u8 chan, const u8 *payload,
		   u32 len, u32 offset);
int cywsim_kt_recv(struct cywsim_kt *t, u8 *frame, u32 room, u32 ms);
int cywsim_kt_ioctl(struct cywsim_kt *t, u32 cmd, bool set, u8 *buf,
		    u32 len, s32 *fw_status);
int cywsim_kt_iovar_set(struct cywsim_kt *t, const char *name,
			const void *val, u32 vlen);
int cywsim_kt_iovar_get(struct cywsim_kt *t, const char *name, void *out,
			u32 olen);
int cywsim_kt_set_u32(struct cywsim_kt *t, u32 cmd, u32 val);
int cywsim_kt_load_clm(struct cywsim_kt *t);
int cywsim_kt_up(struct cywsim_kt *t);
int cywsim_kt_pump(struct cywsim_kt *t, u32 ms);
int cywsim_kt_find_event(struct cywsim_kt *t, int from, u32 type);
int cywsim_kt_wait_event(struct cywsim_kt *t, u32 type, u32 ms);

#endif /* _CYWSIM_KUNIT_H */
