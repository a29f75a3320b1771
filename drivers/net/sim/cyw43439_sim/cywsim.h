/* SPDX-License-Identifier: GPL-2.0 */
/* cyw43439_sim: chip model state shared by the simulator's files. */

#ifndef _CYWSIM_H
#define _CYWSIM_H

#include <linux/bitmap.h>
#include <linux/hrtimer.h>
#include <linux/if_ether.h>
#include <linux/ktime.h>
#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/skbuff.h>
#include <linux/spinlock.h>
#include <linux/types.h>
#include <linux/workqueue.h>

#include "cywsim_regs.h"

struct dentry;

/**
 * struct cywsim_cfg - board wiring of one simulated chip
 * @id: instance number, used in names
 * @three_wire: shared data/IRQ line (Pico W) instead of MOSI+MISO+IRQ
 * @irq_active_high: level the host's interrupt input treats as asserted
 */
struct cywsim_cfg {
	u32 id;
	bool three_wire;
	bool irq_active_high;
};

/**
 * struct cywsim_hooks - how the chip model reaches the board around it
 * @irq_pulse: the interrupt cause became active (counted in irq_pulses)
 * @irq_level: the level of the host-wake pin at the host's input changed
 *	or was recomputed: true for the active level. On 3-wire the pin is
 *	the data line, which carries bus data while CS is low. A board with
 *	this hook models the level itself; without it, level_work re-pulses
 *	irq_pulse while the cause stays.
 * @air_rx: a frame the station sent leaves through the access point
 * @link_changed: the station associated (true) or lost the link (false)
 *
 * All hooks are optional and are called with the chip lock held.
 */
struct cywsim_hooks {
	void (*irq_pulse)(void *priv);
	void (*irq_level)(void *priv, bool active);
	void (*air_rx)(void *priv, struct sk_buff *skb);
	void (*link_changed)(void *priv, bool up);
};

/**
 * struct cywsim_knobs - timing and strictness of the model (debugfs)
 * @poweron_ms: REG_ON high until the bus answers
 * @regon_min_low_ms: shorter REG_ON low pulses do not reset the chip
 * @alp_delay_us: ALP request until ALP_AVAIL
 * @ht_delay_ms: ARM release until HT_AVAIL
 * @f2_ready_delay_ms: ARM release until F2_RX_READY
 * @kso_wake_us: second KSO write until DEVON
 * @fw_latency_us: host frame until the firmware processes it
 * @credit_window: firmware receive buffers = SDPCM credit window
 * @fifo_frames: chip to host frames the firmware may queue
 * @max_reliable_hz: above this SPI clock reads come back shifted
 * @shift_band_lo_hz: start of a clock band that also shifts reads
 * @shift_band_hi_hz: end of that band (0: no band)
 * @country_busy_ms: ioctls answer BUSY this long after "country"
 * @scan_dwell_ms: time spent on each scanned channel
 * @join_step_ms: time between join state machine steps
 * @psk_timeout_cap_ms: upper bound of the supplicant timeout
 * @rx_data_offset: SDPCM data offset of chip to host frames
 * @rx_signal_words: BDC data_offset words on frames to the host
 * @flow_ctl: flow-control bitmap put in every header to the host
 * @xact_cost_ns: pacing cost of one transaction besides its bits
 * @ps_delay_ms: AP buffering delay for a dozing station (pacing only)
 * @pacing: charge transfers their bus time (sleep)
 * @garbage_first: first transaction after power-on returns garbage
 * @strict_seq: drop host frames whose sequence number is wrong
 * @strict_sram3: refuse to boot without the SRAM_3 remap write
 * @strict_clock: backplane needs ALP since power-on
 */
struct cywsim_knobs {
	u32 poweron_ms;
	u32 regon_min_low_ms;
	u32 alp_delay_us;
	u32 ht_delay_ms;
	u32 f2_ready_delay_ms;
	u32 kso_wake_us;
	u32 fw_latency_us;
	u32 credit_window;
	u32 fifo_frames;
	u32 max_reliable_hz;
	u32 shift_band_lo_hz;
	u32 shift_band_hi_hz;
	u32 country_busy_ms;
	u32 scan_dwell_ms;
	u32 join_step_ms;
	u32 psk_timeout_cap_ms;
	u32 rx_data_offset;
	u32 rx_signal_words;
	u32 flow_ctl;
	u32 xact_cost_ns;
	u32 ps_delay_ms;
	bool pacing;
	bool garbage_first;
	bool strict_seq;
	bool strict_sram3;
	bool strict_clock;
};

/**
 * struct cywsim_faults - injectable faults, one per reference §10 pitfall
 * @bit_shift: shift the next N read transactions by one bit (§10 #1, #2)
 * @bit_flip: flip one bit in the next N F2 reads (§10 #5)
 * @spurious_dataunavail: raise DATA_UNAVAILABLE N more times (§10 #10)
 * @bus_error: next N transactions raise bus-error flags (§10 #7)
 * @event_drop: drop the next N events (lost events)
 * @event_corrupt: corrupt the OUI of the next N events
 * @wrong_payload: send N event-channel frames without 0x886C (§10 #9)
 * @credit_corrupt: corrupt the length check of the next N header-only
 *	credit frames (§10 #5 striking a credit update)
 * @credit_stop: stop granting SDPCM credit (§10 #8)
 * @fw_hang: firmware stops answering (§10 #11, #21)
 * @f2_never_ready: the firmware never raises F2_RX_READY (§10 #15)
 * @f2_busy_arm_ms: the next host frame F2 takes fills the chip's last
 *	receive buffer, and the firmware frees one only this many ms later,
 *	whatever the credit (debugfs f2_busy_ms sets it)
 * @f2_busy_until: F2_RX_READY stays low until then
 * @f2_busy_resume_us: how long after @f2_busy_until the host's next frame
 *	came, once it came (0 before)
 */
struct cywsim_faults {
	u32 bit_shift;
	u32 bit_flip;
	u32 spurious_dataunavail;
	u32 bus_error;
	u32 event_drop;
	u32 event_corrupt;
	u32 wrong_payload;
	u32 credit_corrupt;
	bool credit_stop;
	bool fw_hang;
	bool f2_never_ready;
	u32 f2_busy_arm_ms;
	ktime_t f2_busy_until;
	u64 f2_busy_resume_us;
};

/* Byte kinds on the wire, for the counters */
enum cywsim_kind {
	CYWSIM_K_CMD,
	CYWSIM_K_DELAY,
	CYWSIM_K_PAYLOAD,
	CYWSIM_K_PAD,
	CYWSIM_K_STATUS,
	CYWSIM_K_EXCESS,
	CYWSIM_K_NUM,
};

/* Event counters; names in debugfs.c */
enum cywsim_ctr {
	CYWSIM_C_UNPOWERED,
	CYWSIM_C_GARBAGE,
	CYWSIM_C_SHIFTED,
	CYWSIM_C_CMD_ERR,
	CYWSIM_C_SHORT,
	CYWSIM_C_CONTENTION,
	CYWSIM_C_WIN_WRAP,
	CYWSIM_C_BP_NOCLK,
	CYWSIM_C_BP_UNMAPPED,
	CYWSIM_C_RAM_IN_RESET,
	CYWSIM_C_ASLEEP,
	CYWSIM_C_KSO_LOST,
	CYWSIM_C_REGON_GLITCH,
	CYWSIM_C_F2_TO_CHIP,
	CYWSIM_C_F2_TO_HOST,
	CYWSIM_C_F2_UNDERFLOW,
	CYWSIM_C_F2_DATAUNAVAIL,
	CYWSIM_C_F2_OVERFLOW,
	CYWSIM_C_RF_TERM,
	CYWSIM_C_SDPCM_BAD,
	CYWSIM_C_SDPCM_SEQ,
	CYWSIM_C_NO_CREDIT,
	CYWSIM_C_CREDIT_FRAMES,
	CYWSIM_C_FC_VIOLATION,
	CYWSIM_C_FIFO_FULL,
	CYWSIM_C_IOCTLS,
	CYWSIM_C_IOCTL_ERR,
	CYWSIM_C_EVENTS,
	CYWSIM_C_EVENTS_MASKED,
	CYWSIM_C_EVENTS_DROPPED,
	CYWSIM_C_AIR_TX,
	CYWSIM_C_AIR_RX,
	CYWSIM_C_AIR_DROP,
	CYWSIM_C_PAD_DROP,
	CYWSIM_C_IRQ_PULSES,
	CYWSIM_C_NUM,
};

/* Trace entry flags */
#define CYWSIM_TR_UNPOWERED	BIT(0)
#define CYWSIM_TR_GARBAGE	BIT(1)
#define CYWSIM_TR_SHIFT		BIT(2)
#define CYWSIM_TR_CMD_ERR	BIT(3)
#define CYWSIM_TR_SHORT		BIT(4)
#define CYWSIM_TR_STATUS	BIT(5)
#define CYWSIM_TR_WRAP		BIT(6)
#define CYWSIM_TR_DUNAVAIL	BIT(7)
#define CYWSIM_TR_UNDERFLOW	BIT(8)
#define CYWSIM_TR_OVERFLOW	BIT(9)

#define CYWSIM_TRACE_LEN	512

/**
 * struct cywsim_trace_ent - one gSPI transaction as the chip saw it
 * @t_ns: time of CS rise
 * @seq: transaction number since module load
 * @cmd: command word (valid when @clocked >= 4)
 * @status: status word at the end of the transaction
 * @clocked: bytes clocked while CS was low
 * @flags: CYWSIM_TR_*
 */
struct cywsim_trace_ent {
	u64 t_ns;
	u32 seq;
	u32 cmd;
	u32 status;
	u16 clocked;
	u16 flags;
};

enum cywsim_phase {
	CYWSIM_PH_CMD,
	CYWSIM_PH_DELAY,
	CYWSIM_PH_DATA,
	CYWSIM_PH_STATUS,
	CYWSIM_PH_TAIL,
};

/**
 * struct cywsim_xact - the transaction in progress (CS low)
 * @phase: where in the transaction the next byte falls
 * @pos: bytes clocked in the current phase
 * @total: bytes clocked since CS fell
 * @cmdb: command bytes as received
 * @cmd: decoded command word
 * @func: function number
 * @write: host writes
 * @incr: incrementing address
 * @addr: function address
 * @len: byte count of the command
 * @dlen: clocked data length (@len rounded up to 4)
 * @delay: response-delay filler bytes before read data
 * @perm: wire-to-memory byte order, latched at CS fall
 * @status_en: a status word follows the data, latched at CS fall
 * @rejected: the command is invalid; data phase is inert
 * @silent: the chip is unpowered; nothing is driven or sampled
 * @garbage: the chip answers garbage (first transfer after power-on)
 * @shift: the chip's output is shifted by one bit
 * @carry: bit shifted out of the previous output byte
 * @flags: CYWSIM_TR_* collected for the trace
 * @status: status word latched at the start of the status phase
 * @buf: data in memory order
 */
struct cywsim_xact {
	enum cywsim_phase phase;
	u32 pos;
	u32 total;
	u8 cmdb[4];
	u32 cmd;
	u8 func;
	bool write;
	bool incr;
	u32 addr;
	u32 len;
	u32 dlen;
	u32 delay;
	const u8 *perm;
	bool status_en;
	bool rejected;
	bool silent;
	bool garbage;
	bool shift;
	u8 carry;
	u16 flags;
	u32 status;
	u8 buf[CYWSIM_F2_MAX];
};

/* AI wrapper of one core (§4.6) */
struct cywsim_wrap {
	u32 ioctrl;
	u32 resetctrl;
};

enum cywsim_fw_state {
	CYWSIM_FW_HALTED,	/* ARM in reset or never started */
	CYWSIM_FW_BOOTING,	/* released, image good, F2 not ready yet */
	CYWSIM_FW_RUNNING,
	CYWSIM_FW_DEAD,		/* image or NVRAM rejected */
};

enum cywsim_sec {
	CYWSIM_SEC_OPEN,
	CYWSIM_SEC_WPA2,
	CYWSIM_SEC_WPA3,
	CYWSIM_SEC_WPA2WPA3,
};

/**
 * struct cywsim_bss - one simulated access point
 * @node: entry in &cywsim_chip.bss_list
 * @bssid: its MAC address
 * @ssid: SSID bytes
 * @ssid_len: SSID length
 * @chan: 2.4 GHz channel 1..14
 * @rssi: signal in dBm
 * @sec: security
 * @pass: WPA2 passphrase / WPA3 password (NUL terminated)
 * @pmk: PBKDF2(pass, ssid), for hosts that hand the firmware a PMK
 * @pmk_valid: @pmk has been computed (it is derived on first use)
 */
struct cywsim_bss {
	struct list_head node;
	u8 bssid[ETH_ALEN];
	u8 ssid[CYWSIM_SSID_MAX];
	u8 ssid_len;
	u8 chan;
	s16 rssi;
	enum cywsim_sec sec;
	char pass[CYWSIM_SAE_PWD_MAX + 1];
	u8 pmk[32];
	bool pmk_valid;
};

/*
 * Where the simulated firmware puts its shared block and console once it
 * runs (§5.4): above any image that fits, below the shared pointer word.
 */
#define CYWSIM_SHARED_ADDR	0x6f800
#define CYWSIM_CONSOLE_ADDR	0x6f900		/* descriptor at +8 */
#define CYWSIM_CONSOLE_BUF	0x6fa00
#define CYWSIM_CONSOLE_SIZE	1024

/* Synthetic image and CLM layouts (Documentation/networking/cyw43439_sim.rst) */
#define CYWSIM_FW_VER_MAX	512	/* real strings run to 260 bytes */
#define CYWSIM_FW_MAGIC		"DVID"
#define CYWSIM_FW_SIM_MAGIC	"SIM1"
#define CYWSIM_CLM_MAGIC	"CLMF"
#define CYWSIM_CLM_FOOTER	12

/*
 * Features a firmware image was built with, named in its version string
 * ("43439a0-roml/sdio-g-pool-p2p-idsup-idauth-...-mfp-sae-... Version:
 * 7.95.61 ..."). The simulator behaves as the image it booted (boot.c).
 */
enum cywsim_feat {
	CYWSIM_FEAT_IDSUP,	/* on-chip supplicant: sup_wpa and friends */
	CYWSIM_FEAT_IDAUTH,	/* on-chip authenticator */
	CYWSIM_FEAT_SAE,	/* on-chip SAE: sae_password */
	CYWSIM_FEAT_EXTSAE,	/* SAE run by the host */
	CYWSIM_FEAT_MFP,	/* 802.11w: the "mfp" iovar */
	CYWSIM_FEAT_NUM,
};

/* An image whose string names no build (older synthetic images) */
#define CYWSIM_FEAT_LEGACY	(BIT(CYWSIM_FEAT_IDSUP) | \
				 BIT(CYWSIM_FEAT_IDAUTH) | \
				 BIT(CYWSIM_FEAT_SAE) | BIT(CYWSIM_FEAT_MFP))

/* u32 iovars kept in a table (iovar.c) */
enum cywsim_iov {
	CYWSIM_IOV_TXGLOM,
	CYWSIM_IOV_APSTA,
	CYWSIM_IOV_AMPDU_BA_WSIZE,
	CYWSIM_IOV_AMPDU_MPDU,
	CYWSIM_IOV_AMPDU_RX_FACTOR,
	CYWSIM_IOV_SUP_WPA,
	CYWSIM_IOV_SUP_WPA2_EAPVER,
	CYWSIM_IOV_SUP_WPA_TMO,
	CYWSIM_IOV_MFP,
	CYWSIM_IOV_PM2_SLEEP_RET,
	CYWSIM_IOV_BCN_LI_BCN,
	CYWSIM_IOV_BCN_LI_DTIM,
	CYWSIM_IOV_ASSOC_LISTEN,
	CYWSIM_IOV_MPC,
	CYWSIM_IOV_ROAM_OFF,
	CYWSIM_IOV_2G_MRATE,
	CYWSIM_IOV_MAXASSOC,
	CYWSIM_IOV_CCGPIOIN,
	CYWSIM_IOV_NUM,
};

/**
 * struct cywsim_key - a key the host installed with "wsec_key"
 * @set: the slot holds a key
 * @idx: key index
 * @algo: CYWSIM_ALGO_*
 * @len: bytes at @key
 * @key: key bytes as the host sent them
 * @ea: the peer of a pairwise key
 */
struct cywsim_key {
	bool set;
	u8 idx;
	u8 algo;
	u8 len;
	u8 key[CYWSIM_KEY_MAX];
	u8 ea[ETH_ALEN];
};

/**
 * struct cywsim_auth - the AP's side of a host supplicant's handshake
 * @state: CYWSIM_AUTH_*
 * @replay: replay counter of the last frame the AP sent
 * @anonce: the AP's nonce
 * @ptk: KCK, KEK and TK (IEEE 802.11 12.7.1.3, CCMP: 48 bytes)
 * @gtk: the group key handed over in message 3
 * @tries: message 1 or 3 retransmissions so far
 */
struct cywsim_auth {
	u8 state;
	u64 replay;
	u8 anonce[32];
	u8 ptk[48];
	u8 gtk[16];
	u8 tries;
};

enum cywsim_clm_state {
	CYWSIM_CLM_NONE,
	CYWSIM_CLM_LOADING,
	CYWSIM_CLM_DONE,
	CYWSIM_CLM_FAILED,
};

enum cywsim_join_step {
	CYWSIM_J_IDLE,
	CYWSIM_J_AUTH,
	CYWSIM_J_ASSOC,
	CYWSIM_J_KEYING,
	CYWSIM_J_JOINED,
};

/*
 * struct cywsim_chip - one simulated CYW43439
 *
 * @lock protects every field below it except where noted. The SPI
 * controller, the firmware work items and debugfs take it.
 */
struct cywsim_chip {
	struct cywsim_cfg cfg;
	const struct cywsim_hooks *hooks;
	void *priv;
	struct cywsim_knobs k;		/* written by debugfs, read racily */
	struct cywsim_faults f;		/* idem */

	spinlock_t pwr_lock;		/* protects the REG_ON record */
	bool regon;
	u32 regon_gen;
	ktime_t regon_rise;
	ktime_t regon_fall;

	struct mutex lock;		/* protects the chip model */
	struct workqueue_struct *wq;
	struct delayed_work power_work;
	struct delayed_work level_work;
	struct delayed_work fw_work;
	struct hrtimer fw_timer;	/* fw_latency_us after a host frame */
	struct delayed_work scan_work;
	struct delayed_work join_work;
	struct delayed_work air_work;
	ktime_t air_last;		/* last data frame either way */
	struct sk_buff_head air_txq;	/* own lock: filled from ndo_xmit */
	bool dying;

	/* power */
	bool powered;
	u32 gen_seen;
	ktime_t on_at;

	/* gSPI bus */
	bool cs_low;
	bool first_done;
	u32 xact_seq;
	u32 spi_hz;
	struct cywsim_xact x;
	u8 bus_ctrl;
	u8 resp_delay;
	u8 status_en;
	u8 reset_bp;
	u16 intr;
	u16 intr_en;
	u32 test_rw;
	u8 fdelay[CYWSIM_NFUNC];
	bool irq_active;

	/* F1 registers */
	u8 watermark;
	u8 devctl;
	u8 sbaddr[3];
	u8 csr;
	u8 pullup;
	u8 wakeup_ctrl;
	u8 sleep_csr;
	u8 f1_misc[CYWSIM_F1_REG_END - CYWSIM_F1_REG_BASE];
	ktime_t alp_req_at;
	bool alp_req;
	bool alp_ready;
	bool asleep;
	bool waking;
	ktime_t wake_at;

	/* backplane */
	u8 *ram;
	unsigned long *ram_written;
	struct cywsim_wrap wrap_arm;
	struct cywsim_wrap wrap_ram;
	struct cywsim_wrap wrap_d11;
	u32 cc_gpioctrl;
	u32 cc_sr[2];
	u32 bankidx;
	u32 bankpda[CYWSIM_SOCSRAM_NBANKS];
	bool bankpda_written[CYWSIM_SOCSRAM_NBANKS];
	u32 sd_intstatus;
	u32 sd_hostintmask;
	u32 sd_intmask;
	u32 sd_funcintmask;
	u32 sd_tosbmb;
	u32 sd_tohostmb;
	u32 sd_tosbmbdata;
	u32 sd_tohostmbdata;

	/* firmware */
	enum cywsim_fw_state fw;
	ktime_t boot_at;
	u32 fw_len;
	u32 nvram_addr;
	u32 nvram_len;
	char fw_version[128];
	char fw_build[160];	/* build name before " Version:", or "" */
	u32 fw_feat;		/* BIT(CYWSIM_FEAT_*) of the booted image */
	char console[CYWSIM_CONSOLE_SIZE];
	u32 console_idx;
	bool console_ram;	/* console ring also mirrored in chip RAM */

	/* F2 and SDPCM */
	struct sk_buff_head tohost;	/* payloads, channel in skb->cb */
	u8 cur[CYWSIM_F2_MAX];		/* frame being read by the host */
	bool cur_valid;
	/* a credit frame was announced and is the FIFO head (§6.4) */
	bool credit_head;
	u16 cur_len;
	u16 cur_off;
	u8 rx_seq;			/* next chip to host sequence */
	u8 host_seq;			/* next expected host sequence */
	bool host_seq_known;
	u8 adv_max_seq;			/* last credit told to the host */
	u32 bufs_used;			/* host frames not yet processed */
	struct sk_buff_head fromhost;	/* frames the firmware will process */

	/* ioctl/iovar state */
	bool up;
	u32 infra;
	u32 auth;
	u32 wsec;
	u32 wpa_auth;
	u32 pm;
	u32 gmode;
	u32 scan_passive;
	u32 band;
	u32 antdiv;
	u32 channel;
	u32 promisc;
	u32 dtim;
	u32 iov[CYWSIM_IOV_NUM];
	u8 mac[ETH_ALEN];
	u8 country[12];
	ktime_t busy_until;
	u8 evmask[CYWSIM_EVMASK_LEN];
	u8 mcast[4 + 10 * ETH_ALEN];
	u8 pmk_raw[CYWSIM_WSEC_PMK_LEN];
	bool pmk_set;
	u8 sae_pwd[CYWSIM_SAE_PWD_MAX];
	u16 sae_pwd_len;
	u8 wpaie[64];		/* "wpaie": the STA's RSN element */
	u8 wpaie_len;
	struct cywsim_key pkey;	/* pairwise key from the host */
	struct cywsim_key gkey[CYWSIM_KEY_IDX_MAX + 1];
	struct cywsim_auth ap_auth;	/* auth.c */
	u32 gpioout;
	u8 keepalive[64];
	enum cywsim_clm_state clm;
	int clm_status;
	u8 *clm_buf;
	u32 clm_len;
	bool apsta_set;

	/* scan */
	bool scanning;
	u16 scan_sync;
	u8 scan_ssid[CYWSIM_SSID_MAX];
	u8 scan_ssid_len;
	u8 scan_bssid[ETH_ALEN];
	u16 scan_chans;			/* bit n = channel n */
	u8 scan_next;

	/* join and link */
	struct list_head bss_list;
	enum cywsim_join_step join;
	struct cywsim_bss cur_bss;	/* copy of the BSS being joined */
	u8 join_ssid[CYWSIM_SSID_MAX];
	u8 join_ssid_len;
	u8 join_bssid[ETH_ALEN];
	bool join_bssid_set;
	bool keyed;

	/* observability */
	u64 ctr[CYWSIM_C_NUM];
	u64 xacts[CYWSIM_NFUNC];
	u64 bytes[CYWSIM_NFUNC + 1][CYWSIM_K_NUM];	/* [4]: no command */
	u64 bus_ns;
	ktime_t pace_until;
	struct cywsim_trace_ent trace[CYWSIM_TRACE_LEN];
	u32 trace_head;
	struct dentry *dbg;
};

static inline bool cywsim_has(const struct cywsim_chip *chip,
			      enum cywsim_feat f)
{
	return chip->fw_feat & BIT(f);
}

/* chip.c */
struct cywsim_chip *cywsim_chip_create(const struct cywsim_cfg *cfg,
				       const struct cywsim_hooks *hooks,
				       void *priv);
void cywsim_chip_destroy(struct cywsim_chip *chip);
void cywsim_chip_stop(struct cywsim_chip *chip);
void cywsim_set_reg_on(struct cywsim_chip *chip, bool on);
bool cywsim_get_reg_on(struct cywsim_chip *chip);
void cywsim_advance(struct cywsim_chip *chip);
bool cywsim_silent(struct cywsim_chip *chip);
void cywsim_irq_update(struct cywsim_chip *chip);
void cywsim_data_line_busy(struct cywsim_chip *chip);
void cywsim_console(struct cywsim_chip *chip, const char *fmt, ...)
	__printf(2, 3);
void cywsim_reset_firmware(struct cywsim_chip *chip);

static inline void cywsim_count(struct cywsim_chip *chip, enum cywsim_ctr c)
{
	chip->ctr[c]++;
}

static inline bool cywsim_elapsed(ktime_t since, u64 ns)
{
	return ktime_after(ktime_get(), ktime_add_ns(since, ns));
}

/* gspi.c */
void cywsim_cs_fall(struct cywsim_chip *chip, u32 hz, bool cpha_mismatch);
void cywsim_cs_rise(struct cywsim_chip *chip);
u8 cywsim_clock(struct cywsim_chip *chip, int mosi);
u32 cywsim_clock_data(struct cywsim_chip *chip, const u8 *in, u8 *out, u32 n,
		      bool driven);
void cywsim_xfer(struct cywsim_chip *chip, const u8 *tx, size_t tx_len,
		 u8 *rx, size_t len, u32 hz);

/* f0.c */
void cywsim_f0_reset(struct cywsim_chip *chip);
void cywsim_f0_read(struct cywsim_chip *chip, u32 addr, u8 *buf, u32 len);
void cywsim_f0_write(struct cywsim_chip *chip, u32 addr, const u8 *buf,
		     u32 len);
u16 cywsim_int_pending(struct cywsim_chip *chip);
void cywsim_int_raise(struct cywsim_chip *chip, u16 bits);
u32 cywsim_status_word(struct cywsim_chip *chip);

/* backplane.c */
void cywsim_bp_reset(struct cywsim_chip *chip);
void cywsim_f1_read(struct cywsim_chip *chip, u32 addr, u8 *buf, u32 len,
		    bool incr);
void cywsim_f1_write(struct cywsim_chip *chip, u32 addr, const u8 *buf,
		     u32 len, bool incr);
bool cywsim_core_up(const struct cywsim_wrap *w);
u32 cywsim_ram_read32(struct cywsim_chip *chip, u32 addr);
void cywsim_ram_write32(struct cywsim_chip *chip, u32 addr, u32 val);

/* boot.c */
void cywsim_boot_arm(struct cywsim_chip *chip);
void cywsim_boot_advance(struct cywsim_chip *chip);
bool cywsim_fw_running(struct cywsim_chip *chip);
u8 cywsim_csr_read(struct cywsim_chip *chip);
void cywsim_csr_write(struct cywsim_chip *chip, u8 val);
void cywsim_sleep_write(struct cywsim_chip *chip, u8 val);
int cywsim_clm_verify(const u8 *blob, u32 len);
u32 cywsim_build_features(const char *build);
const char *cywsim_feat_name(enum cywsim_feat f);

/* sdpcm.c */
void cywsim_f2_reset(struct cywsim_chip *chip);
u32 cywsim_f2_avail(struct cywsim_chip *chip);
bool cywsim_f2_rx_ready(struct cywsim_chip *chip);
void cywsim_f2_read(struct cywsim_chip *chip, u8 *buf, u32 len);
void cywsim_f2_write(struct cywsim_chip *chip, const u8 *buf, u32 len);
void cywsim_f2_terminate(struct cywsim_chip *chip);
int cywsim_to_host(struct cywsim_chip *chip, u8 chan, struct sk_buff *skb);
void cywsim_fw_work(struct work_struct *work);
enum hrtimer_restart cywsim_fw_timer(struct hrtimer *t);

/* bcdc.c */
void cywsim_bcdc_rx(struct cywsim_chip *chip, const u8 *buf, u32 len);
void cywsim_data_rx(struct cywsim_chip *chip, const u8 *buf, u32 len,
		    bool unpadded);
struct sk_buff *cywsim_bdc_alloc(u32 len, u8 prio, u8 words);

/* iovar.c */
void cywsim_iovar_reset(struct cywsim_chip *chip);
int cywsim_iovar_get(struct cywsim_chip *chip, u8 *buf, u32 len);
int cywsim_iovar_set(struct cywsim_chip *chip, const u8 *buf, u32 len);

/* events.c */
int cywsim_event(struct cywsim_chip *chip, u32 type, u32 status, u32 reason,
		 u32 auth, u16 flags, const u8 *addr, const void *data,
		 u32 dlen);
bool cywsim_event_enabled(struct cywsim_chip *chip, u32 type);

/* scan.c */
int cywsim_escan(struct cywsim_chip *chip, const u8 *p, u32 len);
void cywsim_scan_abort(struct cywsim_chip *chip, u32 status);
void cywsim_scan_work(struct work_struct *work);
u32 cywsim_bss_info(const struct cywsim_bss *bss, u8 *out, u32 room);
u8 *cywsim_rsn_ie(u8 *p, enum cywsim_sec sec);

/* join.c */
int cywsim_join_ssid(struct cywsim_chip *chip, const u8 *ssid, u32 len,
		     const u8 *bssid);
int cywsim_join_iovar(struct cywsim_chip *chip, const u8 *p, u32 len);
void cywsim_disassoc(struct cywsim_chip *chip, bool host);
void cywsim_link_loss(struct cywsim_chip *chip, const u8 *bssid,
		      u32 event, u32 reason);
void cywsim_join_work(struct work_struct *work);
void cywsim_link_reset(struct cywsim_chip *chip);
struct cywsim_bss *cywsim_bss_find(struct cywsim_chip *chip, const u8 *ssid,
				   u8 ssid_len, const u8 *bssid);
int cywsim_bss_add(struct cywsim_chip *chip, const struct cywsim_bss *tmpl);
void cywsim_bss_del(struct cywsim_chip *chip, struct cywsim_bss *bss);
void cywsim_bss_clear(struct cywsim_chip *chip);

/* auth.c: the AP's 4-way and group-key handshake with a host supplicant */
void cywsim_auth_start(struct cywsim_chip *chip);
void cywsim_auth_timeout(struct cywsim_chip *chip);
bool cywsim_auth_eapol(struct cywsim_chip *chip, const u8 *frame, u32 len);
void cywsim_auth_keys_changed(struct cywsim_chip *chip);
void cywsim_auth_reset(struct cywsim_chip *chip);

/* air.c */
void cywsim_air_work(struct work_struct *work);
void cywsim_air_from_host(struct cywsim_chip *chip, struct sk_buff *skb);
void cywsim_air_xmit(struct cywsim_chip *chip, struct sk_buff *skb);

/* crypto.c */
void cywsim_pbkdf2_sha1(const u8 *pass, size_t plen, const u8 *salt,
			size_t slen, u32 iters, u8 *out, size_t olen);
void cywsim_hmac_sha1(const u8 *key, size_t klen, const u8 *msg, size_t len,
		      u8 *mac);
void cywsim_prf_sha1(const u8 *key, size_t klen, const char *label,
		     const u8 *data, size_t dlen, u8 *out, size_t olen);
void cywsim_aes128_encrypt(const u8 *key, const u8 *in, u8 *out);
int cywsim_aes_wrap(const u8 *kek, const u8 *in, size_t len, u8 *out);

/* debugfs.c */
void cywsim_debugfs_init(struct cywsim_chip *chip, struct dentry *parent);
void cywsim_trace_add(struct cywsim_chip *chip);
extern const char *const cywsim_ctr_names[CYWSIM_C_NUM];

/* Little/big-endian helpers without <linux/unaligned.h> (6.1 vs 6.12) */
static inline u16 cywsim_le16(const u8 *p)
{
	return p[0] | p[1] << 8;
}

static inline u32 cywsim_le32(const u8 *p)
{
	return p[0] | p[1] << 8 | p[2] << 16 | (u32)p[3] << 24;
}

static inline u16 cywsim_be16(const u8 *p)
{
	return p[0] << 8 | p[1];
}

static inline void cywsim_put_le16(u8 *p, u16 v)
{
	p[0] = v & 0xff;
	p[1] = v >> 8;
}

static inline void cywsim_put_le32(u8 *p, u32 v)
{
	p[0] = v & 0xff;
	p[1] = (v >> 8) & 0xff;
	p[2] = (v >> 16) & 0xff;
	p[3] = v >> 24;
}

static inline void cywsim_put_be16(u8 *p, u16 v)
{
	p[0] = v >> 8;
	p[1] = v & 0xff;
}

static inline void cywsim_put_be32(u8 *p, u32 v)
{
	p[0] = v >> 24;
	p[1] = (v >> 16) & 0xff;
	p[2] = (v >> 8) & 0xff;
	p[3] = v & 0xff;
}

/* SDPCM channel of a queued frame lives in skb->cb[0] */
static inline u8 *cywsim_skb_chan(struct sk_buff *skb)
{
	return (u8 *)skb->cb;
}

#endif /* _CYWSIM_H */
