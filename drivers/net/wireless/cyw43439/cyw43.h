/* SPDX-License-Identifier: GPL-2.0 */
/* cyw43439 driver internals: per-device state and the seams between layers. */

#ifndef _CYW43_H
#define _CYW43_H

#include <linux/completion.h>
#include <linux/etherdevice.h>
#include <linux/mutex.h>
#include <linux/skbuff.h>
#include <linux/spinlock.h>
#include <linux/workqueue.h>
#include <net/cfg80211.h>

#include "ethbus.h"
#include "netdrv_compat.h"
#include "proto.h"

#define CYW43_DRV_NAME		"cyw43439"

/* gSPI functions (§2.1) */
#define CYW43_F0		0
#define CYW43_F1		1
#define CYW43_F2		2

/* F0 registers (§3) */
#define CYW43_F0_BUS_CTRL	0x0000
#define CYW43_F0_INT		0x0004
#define CYW43_F0_INT_EN		0x0006
#define CYW43_F0_STATUS		0x0008
#define CYW43_F0_TEST_RO	0x0014
#define CYW43_F0_TEST_RW	0x0018
#define CYW43_F0_F1_DELAY	0x001d

#define CYW43_TEST_PATTERN	0xfeedbead

/* BUS_CONTROL bytes of the 32-bit word at 0 (§2.5, §3.1) */
#define CYW43_BC_WORD32		0x01
#define CYW43_BC_ENDIAN_BIG	0x02
#define CYW43_BC_HIGH_SPEED	0x10
#define CYW43_BC_INT_POL_HIGH	0x20
#define CYW43_BC_WAKE_UP	0x80
#define CYW43_SE_STATUS		0x01
#define CYW43_SE_INTR_STATUS	0x02
#define CYW43_F1_RESP_DELAY	4	/* filler bytes before F1 read data */

/* INTERRUPT bits (§3.2) */
#define CYW43_INT_DATA_UNAVAIL	0x0001
#define CYW43_INT_RD_UNDERFLOW	0x0002
#define CYW43_INT_WR_OVERFLOW	0x0004
#define CYW43_INT_CMD_ERROR	0x0008
#define CYW43_INT_DATA_ERROR	0x0010
#define CYW43_INT_F2_PKT_AVAIL	0x0020
#define CYW43_INT_F1_OVERFLOW	0x0080
#define CYW43_INT_ERRORS	0x009f

/* STATUS bits (§3.3) */
#define CYW43_ST_DATA_UNAVAIL	BIT(0)
#define CYW43_ST_UNDERFLOW	BIT(1)
#define CYW43_ST_OVERFLOW	BIT(2)
#define CYW43_ST_F2_RX_READY	BIT(5)
#define CYW43_ST_F2_PKT_AVAIL	BIT(8)
#define CYW43_ST_F2_PKT_LEN	GENMASK(19, 9)

/* F1 registers (§4.1) */
#define CYW43_F1_WATERMARK	0x10008
#define CYW43_F1_SBADDR_LOW	0x1000a
#define CYW43_F1_FRAME_CTRL	0x1000d
#define CYW43_F1_CLOCK_CSR	0x1000e
#define CYW43_F1_PULL_UP	0x1000f

#define CYW43_FC_RF_TERM	0x01
#define CYW43_CLK_ALP_REQ	0x08
#define CYW43_CLK_HT_REQ	0x10
#define CYW43_CLK_ALP_AVAIL	0x40
#define CYW43_CLK_HT_AVAIL	0x80

/* Backplane (§4.2, §4.5, §4.6) */
#define CYW43_WIN_SIZE		0x8000
#define CYW43_WIN_MASK		(CYW43_WIN_SIZE - 1)
#define CYW43_SB_4BYTE		0x8000
#define CYW43_F1_MAX		64
#define CYW43_CHIPCOMMON	0x18000000
#define CYW43_SDIOD_BASE	0x18002000
#define CYW43_HOSTINTMASK	(CYW43_SDIOD_BASE + 0x24)
#define CYW43_ARM_WRAP		0x18103000
#define CYW43_SOCSRAM_BASE	0x18004000
#define CYW43_SOCSRAM_WRAP	0x18104000
#define CYW43_CHIP_ID		0xa9af
#define CYW43_RAM_SIZE		0x80000

/* Largest control payload we exchange with the firmware */
#define CYW43_IOCTL_MAX		1536
/* Bounce buffers: command + F1 filler + biggest F2 frame + status */
#define CYW43_BUF_LEN		(4 + CYW43_F1_RESP_DELAY + CYW43_F2_MAX + 4)

/**
 * struct cyw43_counters - what the driver counted (debugfs "counters")
 * @bus_xacts: gSPI transactions
 * @bus_bytes: bytes clocked, all kinds
 * @status_reads: service runs that had to ask for STATUS (nothing to send)
 * @f2_rx_frames: frames read from F2
 * @f2_tx_frames: frames written to F2
 * @ctrl_frames: control channel frames received
 * @event_frames: event channel frames received
 * @data_frames: data channel frames received
 * @credit_frames: pure credit frames received
 * @sdpcm_bad: frames dropped for a bad SDPCM header
 * @bdc_bad: frames dropped for a bad BDC header
 * @event_bad: event frames dropped by validation
 * @ioctls: control requests sent
 * @ioctl_errors: control requests the firmware failed
 * @ioctl_timeouts: control requests without an answer in time
 * @ioctl_stale: responses that matched no request
 * @bus_errors: status words with underflow or overflow set
 * @error_clears: error interrupts written back after a status word showed
 * @credit_stalls: service runs that had frames but no credit
 * @credit_overrides: control frames sent after a long stall without credit
 *	(a pending command, or the probe of a long data stall)
 * @rx_no_room: service runs that stopped reading for RX backpressure
 * @f2_not_ready: frames that found F2 unable to take them, retried later
 * @tx_timeouts: transmit watchdog expiries (ndo_tx_timeout)
 */
struct cyw43_counters {
	u64 bus_xacts;
	u64 bus_bytes;
	u64 status_reads;
	u64 f2_rx_frames;
	u64 f2_tx_frames;
	u64 ctrl_frames;
	u64 event_frames;
	u64 data_frames;
	u64 credit_frames;
	u64 sdpcm_bad;
	u64 bdc_bad;
	u64 event_bad;
	u64 ioctls;
	u64 ioctl_errors;
	u64 ioctl_timeouts;
	u64 ioctl_stale;
	u64 bus_errors;
	u64 error_clears;
	u64 credit_stalls;
	u64 credit_overrides;
	u64 rx_no_room;
	u64 f2_not_ready;
	u64 tx_timeouts;
};

/**
 * struct cyw43_ioctl - the control mailbox: one command in flight (§7.1)
 * @lock: serializes callers; held from request to answer
 * @slock: protects the fields below against the bus context
 * @req: encoded BCDC request (header + payload), DMA-unsafe copy source
 * @req_len: bytes at @req
 * @pending: @req waits for the bus context to send it
 * @id: request id of the command in flight
 * @cmd: its WLC command
 * @waiting: a caller waits for the answer with @id
 * @resp: where the answer's payload goes
 * @resp_room: bytes available at @resp
 * @resp_len: payload bytes the answer carried
 * @status: firmware status of the answer
 * @done: completed by the bus context with the answer
 */
struct cyw43_ioctl {
	struct mutex lock;	/* one caller at a time */
	spinlock_t slock;	/* fields below vs the bus context */
	u8 req[CYW43_BCDC_HDR_LEN + CYW43_IOCTL_MAX];
	size_t req_len;
	bool pending;
	u16 id;
	u32 cmd;
	bool waiting;
	u8 resp[CYW43_IOCTL_MAX];
	size_t resp_room;
	size_t resp_len;
	s32 status;
	struct completion done;
};

/**
 * enum cyw43_conn_state - where the station's connection stands
 * @CYW43_CONN_IDLE: not connected, no attempt running
 * @CYW43_CONN_JOINING: connect requested, not yet associated
 * @CYW43_CONN_ASSOC: associated, waiting for the firmware supplicant
 * @CYW43_CONN_UP: connected and (for PSK/SAE) keyed; carrier on
 */
enum cyw43_conn_state {
	CYW43_CONN_IDLE,
	CYW43_CONN_JOINING,
	CYW43_CONN_ASSOC,
	CYW43_CONN_UP,
};

/**
 * struct cyw43 - one CYW43439
 * @spi: the SPI device
 * @dev: &spi->dev
 * @reg_on: WL_REG_ON line
 * @irq: host-wake interrupt, or 0
 * @irq_high: the host-wake line is active high
 * @bus_lock: serializes gSPI transactions
 * @txbuf: DMA-safe command/write buffer
 * @rxbuf: DMA-safe read buffer
 * @word32: the bus is in 32-bit mode with the appended status word
 * @status: last status word (§3.3)
 * @status_irqs: ethbus interrupt count before the transaction @status
 *	came with began
 * @win: backplane window in SBADDR, or U32_MAX when unknown
 * @cnt: counters, bus context only (read racy from debugfs)
 * @tx_seq: next SDPCM sequence number to send
 * @max_seq: credit: sequence numbers below this may be sent
 * @flow_ctl: flow-control bitmap from the last header
 * @rx_seq: expected firmware sequence number
 * @credit_stall_since: jiffies a frame (control or data) began waiting
 *	for credit, 0 while there is credit
 * @data_stall_since: jiffies data frames began waiting for credit, 0 while
 *	there is credit or no data waits; @credit_probe reads it
 * @rx_seq_known: @rx_seq has been set by a frame
 * @ioc: the control mailbox
 * @dead: the firmware stopped answering; everything fails fast
 * @fw_running: firmware booted; the service op may use F2
 * @fbuf: frame being built or parsed by the bus context
 * @rx_spare: receive skb left over by a frame that was not data
 * @fw_version: the firmware's "ver" string
 * @feat: what the firmware image can do, BIT(CYW43_FEAT_*) (feature.c)
 * @clm_version: the CLM's "clmver" string
 * @mac: the firmware's MAC address
 * @bringup_us: probe start to wlan registered
 * @bringup_xacts: bus transactions the bring-up used
 * @evq: event frames for @ev_work
 * @ev_work: runs event handlers in process context
 * @wiphy: the wiphy (this struct is its priv)
 * @wdev: the station interface
 * @ndev: the net_device of @wdev
 * @eb: ethbus of @ndev
 * @up: the firmware was told UP (interface is open)
 * @data_on: the ethbus data path runs (between ethbus_start and _stop)
 * @scan_lock: protects @scan_req
 * @scan_req: scan in progress, or NULL
 * @scan_sync: sync id of the scan in progress
 * @scan_timeout: ends a scan the firmware never finished
 * @conn_lock: serializes connection state changes
 * @conn: connection state
 * @conn_secure: the attempt needs the firmware supplicant's keys
 * @conn_keyed: the supplicant reported the keys installed
 * @conn_bssid: BSSID asked for or joined
 * @conn_ssid: SSID asked for
 * @conn_ssid_len: its length
 * @conn_timeout: ends an attempt the firmware never finished
 * @dead_work: tells cfg80211 and the stack that the firmware is gone
 * @f2_retry: kicks the bus context again after F2 could not take a frame
 * @credit_probe: asks the firmware something when data has waited too
 *	long for credit, so that the answer brings the credit back
 * @dbg: debugfs directory
 */
struct cyw43 {
	struct spi_device *spi;
	struct device *dev;
	struct gpio_desc *reg_on;
	int irq;
	bool irq_high;

	struct mutex bus_lock;	/* one gSPI transaction at a time */
	u8 *txbuf;
	u8 *rxbuf;
	bool word32;
	u32 status;
	u64 status_irqs;
	u32 win;
	struct cyw43_counters cnt;

	u8 tx_seq;
	u8 max_seq;
	u8 flow_ctl;
	u8 rx_seq;
	bool rx_seq_known;
	unsigned long credit_stall_since;
	unsigned long data_stall_since;
	struct cyw43_ioctl ioc;
	bool dead;
	bool fw_running;
	u8 *fbuf;
	struct sk_buff *rx_spare;

	char fw_version[128];
	unsigned long feat;
	char clm_version[128];
	u8 mac[ETH_ALEN];
	u64 bringup_us;
	u64 bringup_xacts;

	struct sk_buff_head evq;
	struct work_struct ev_work;

	struct wiphy *wiphy;
	struct wireless_dev wdev;
	struct net_device *ndev;
	struct ethbus *eb;
	bool up;
	bool data_on;

	spinlock_t scan_lock;	/* scan_req, scan_sync */
	struct cfg80211_scan_request *scan_req;
	u16 scan_sync;
	struct delayed_work scan_timeout;

	struct mutex conn_lock;	/* conn and conn_* */
	enum cyw43_conn_state conn;
	bool conn_secure;
	bool conn_keyed;
	u8 conn_bssid[ETH_ALEN];
	u8 conn_ssid[IEEE80211_MAX_SSID_LEN];
	u8 conn_ssid_len;
	struct delayed_work conn_timeout;
	struct work_struct dead_work;
	struct delayed_work f2_retry;
	struct delayed_work credit_probe;

	struct dentry *dbg;
};

/* spi.c: gSPI transport */
int cyw43_bus_power_on(struct cyw43 *cy);
void cyw43_bus_power_off(struct cyw43 *cy);
int cyw43_xfer(struct cyw43 *cy, bool write, u8 fn, u32 addr, void *buf,
	       u32 len);
int cyw43_f2_read(struct cyw43 *cy, u8 *buf, u32 len);
int cyw43_f2_write(struct cyw43 *cy, const u8 *head, u32 head_len,
		   const void *body, u32 body_len);
u32 cyw43_read32(struct cyw43 *cy, u8 fn, u32 addr);
int cyw43_write32(struct cyw43 *cy, u8 fn, u32 addr, u32 val);
u8 cyw43_read8(struct cyw43 *cy, u8 fn, u32 addr);
int cyw43_write8(struct cyw43 *cy, u8 fn, u32 addr, u8 val);
int cyw43_write16(struct cyw43 *cy, u8 fn, u32 addr, u16 val);

/* backplane.c: F1 window, clocks, cores */
u32 cyw43_bp_read32(struct cyw43 *cy, u32 addr);
int cyw43_bp_write32(struct cyw43 *cy, u32 addr, u32 val);
int cyw43_bp_write(struct cyw43 *cy, u32 addr, const u8 *buf, size_t len);
int cyw43_bp_read(struct cyw43 *cy, u32 addr, u8 *buf, size_t len);
int cyw43_clock_wait(struct cyw43 *cy, u8 req, u8 avail, unsigned int ms);
void cyw43_core_disable(struct cyw43 *cy, u32 wrap);
int cyw43_core_reset(struct cyw43 *cy, u32 wrap);

/* fw.c: firmware files, download, boot, CLM */
int cyw43_fw_boot(struct cyw43 *cy);
int cyw43_fw_clm(struct cyw43 *cy);

/* sdpcm.c: the service op of the bus context */
void cyw43_service(void *ctx);
void cyw43_sdpcm_reset(struct cyw43 *cy);
void cyw43_credit_probe(struct work_struct *work);
void cyw43_f2_retry(struct work_struct *work);
void cyw43_sdpcm_free(struct cyw43 *cy);

/* fwil.c: ioctls and iovars */
int cyw43_ioctl(struct cyw43 *cy, u32 cmd, bool set, void *buf, size_t len,
		size_t *out_len);
int cyw43_set_u32(struct cyw43 *cy, u32 cmd, u32 val);
int cyw43_get_u32(struct cyw43 *cy, u32 cmd, u32 *val);
int cyw43_iovar_set(struct cyw43 *cy, const char *name, const void *val,
		    size_t len);
int cyw43_iovar_get(struct cyw43 *cy, const char *name, void *val,
		    size_t len);
int cyw43_iovar_set_u32(struct cyw43 *cy, const char *name, u32 val);
void cyw43_ioctl_response(struct cyw43 *cy, const u8 *buf, size_t len);
bool cyw43_ioctl_take(struct cyw43 *cy, u8 *frame, size_t *len);
void cyw43_ioctl_kill(struct cyw43 *cy);
#if IS_ENABLED(CONFIG_KUNIT)
unsigned int cyw43_ioctl_timeout_set(unsigned int ms);
#endif

/* feature.c: the image's capabilities */
int cyw43_feat_read(struct cyw43 *cy);

static inline bool cyw43_feat(const struct cyw43 *cy, enum cyw43_feat f)
{
	return cy->feat & BIT(f);
}

/* events.c */
void cyw43_event_rx(struct cyw43 *cy, const u8 *buf, size_t len);
void cyw43_event_work(struct work_struct *work);
int cyw43_event_mask_set(struct cyw43 *cy);

/* scan.c, cfg80211.c */
int cyw43_cfg80211_scan(struct wiphy *wiphy,
			struct cfg80211_scan_request *req);
void cyw43_cfg80211_abort_scan(struct wiphy *wiphy, struct wireless_dev *wdev);
void cyw43_scan_event(struct cyw43 *cy, const struct cyw43_event *ev);
void cyw43_scan_timeout(struct work_struct *work);
void cyw43_scan_end(struct cyw43 *cy, bool aborted);
struct cfg80211_bss *cyw43_scan_inform_bss(struct cyw43 *cy,
					   const struct cyw43_bss *bss);
extern const struct cfg80211_ops cyw43_cfg80211_ops;

/* connect.c */
int cyw43_cfg80211_connect(struct wiphy *wiphy, struct net_device *ndev,
			   struct cfg80211_connect_params *sme);
int cyw43_cfg80211_disconnect(struct wiphy *wiphy, struct net_device *ndev,
			      u16 reason);
void cyw43_conn_event(struct cyw43 *cy, const struct cyw43_event *ev);
void cyw43_conn_timeout(struct work_struct *work);
void cyw43_dead_work(struct work_struct *work);
void cyw43_conn_down(struct cyw43 *cy);
struct wiphy *cyw43_wiphy_new(struct device *dev);
int cyw43_wiphy_setup(struct cyw43 *cy);

/* keys.c: security of a connect request, keys from a host supplicant */
#define CYW43_SAE_PWD_MAX	128	/* §8.2 sae_password */

/**
 * struct cyw43_sec - a connect request as the firmware takes it (§9.3)
 * @wsec: SET_WSEC ciphers
 * @wpa_auth: SET_WPA_AUTH AKM bits
 * @auth: SET_AUTH: 0 open, 3 SAE
 * @mfp: "mfp": 0 off, 1 capable, 2 required
 * @fwsup: the on-chip supplicant runs the handshakes
 * @sae: hand the SAE password down
 * @pmk: hand the PMK down
 */
struct cyw43_sec {
	u32 wsec;
	u32 wpa_auth;
	u32 auth;
	u32 mfp;
	bool fwsup;
	bool sae;
	bool pmk;
};

int cyw43_sec_map(const struct cfg80211_connect_params *sme,
		  unsigned long feat, struct cyw43_sec *sec);
int cyw43_add_key(struct wiphy *wiphy, NETDRV_KEY_DEV *dev, int link_id,
		  u8 idx, bool pairwise, const u8 *mac, struct key_params *p);
int cyw43_del_key(struct wiphy *wiphy, NETDRV_KEY_DEV *dev, int link_id,
		  u8 idx, bool pairwise, const u8 *mac);
int cyw43_set_default_key(struct wiphy *wiphy, struct net_device *dev,
			  int link_id, u8 idx, bool unicast, bool multicast);
int cyw43_set_default_mgmt_key(struct wiphy *wiphy, NETDRV_KEY_DEV *dev,
			       int link_id, u8 idx);

/* netdev.c */
struct net_device *cyw43_netdev_new(struct cyw43 *cy);
int cyw43_fw_up(struct cyw43 *cy, bool up);

/**
 * struct cyw43_counter_name - a counter's name and place
 * @name: as shown in debugfs and ethtool -S
 * @off: offset in &struct cyw43_counters
 */
struct cyw43_counter_name {
	const char *name;
	size_t off;
};

/* debugfs.c */
extern const struct cyw43_counter_name cyw43_counter_names[];
extern const unsigned int cyw43_n_counters;
void cyw43_debugfs_init(struct cyw43 *cy);
void cyw43_debugfs_exit(struct cyw43 *cy);
void cyw43_debugfs_module_init(void);
void cyw43_debugfs_module_exit(void);

#endif /* _CYW43_H */
