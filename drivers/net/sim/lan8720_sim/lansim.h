/* SPDX-License-Identifier: GPL-2.0 */
/* lan8720_sim internals: one simulated port (PHY, MDIO, MAC, wire, cable). */

#ifndef _LANSIM_H
#define _LANSIM_H

#include <linux/hrtimer.h>
#include <linux/if_ether.h>
#include <linux/ktime.h>
#include <linux/skbuff.h>
#include <linux/spinlock.h>
#include <linux/u64_stats_sync.h>
#include <linux/workqueue.h>

#include "lan8720_mac.h"
#include "lansim_compat.h"
#include "lansim_phy.h"

struct dentry;
struct irq_domain;
struct mii_bus;
struct net_device;
struct phy_device;
struct platform_device;
struct fwnode_handle;

/* Interrupt lines of the irq_sim domain. */
enum {
	LANSIM_HWIRQ_NINT,	/* the PHY's nINT */
	LANSIM_HWIRQ_MAC,	/* the MAC backend's interrupt */
	LANSIM_NR_HWIRQS,
};

/* Wire directions. */
enum lansim_dir {
	LANSIM_DIR_TX,		/* MAC -> partner */
	LANSIM_DIR_RX,		/* partner -> MAC */
	LANSIM_DIR_NR,
};

/* Ethernet framing on the wire (reference §G.1). */
#define LANSIM_PREAMBLE_SFD	8
#define LANSIM_IFG		12
#define LANSIM_SLOT_BYTES	64	/* 512 bit times */
#define LANSIM_JAM_BYTES	4
#define LANSIM_MAX_ATTEMPTS	16	/* excess collisions after this */
#define LANSIM_BACKOFF_LIMIT	10

/* Receive interrupt moderation limits of the simulated MAC: a 16-bit
 * microsecond timer and an 8-bit frame counter.
 */
#define LANSIM_COAL_USECS_MAX	65535
#define LANSIM_COAL_FRAMES_MAX	255

/**
 * struct lansim_wire_cb - per-frame state kept in skb->cb on the wire
 * @orig: MAC frames: the driver's skb, returned by tx_done().
 * @enq: when the frame was handed to the wire.
 * @not_before: earliest retry after a collision (half duplex).
 * @attempts: collisions suffered so far.
 * @deferred: first attempt waited for a busy medium.
 * @status: final status (enum lan8720_mac_tx_status or _rx_status).
 */
struct lansim_wire_cb {
	struct sk_buff *orig;
	ktime_t enq;
	ktime_t not_before;
	u8 attempts;
	bool deferred;
	u8 status;
};

#define LANSIM_CB(skb)	((struct lansim_wire_cb *)(skb)->cb)

/**
 * struct lansim_stats - wire counters, read locklessly
 * @syncp: guards the 64-bit values on 32-bit hosts.
 * @mac: the MAC backend's &struct lan8720_mac_counters, as u64_stats_t.
 * @mac_tx_frames: MAC frames that made it onto the wire.
 * @mac_tx_no_carrier: MAC frames ended with NO_CARRIER.
 * @mac_tx_excess: MAC frames ended with EXCESS_COLLISIONS.
 * @mac_tx_aborted: MAC frames flushed by disable().
 * @mac_rx_frames: frames queued for the MAC (any status).
 * @mac_rx_fcs_bad: of those, with a bad FCS on the wire.
 * @mac_rx_symbol: of those, marked with a symbol error.
 * @mac_rx_truncated: of those, longer than the MAC buffer.
 * @mac_rx_dropped: partner frames lost because the MAC was disabled
 *	or the PHY isolated.
 * @mac_speed_mismatch: frames garbled because the MAC was programmed
 *	for another speed than the PHY's link.
 * @mac_irqs: MAC interrupts raised (host_ops irq() calls).
 * @collisions: collisions on the shared medium (half duplex).
 * @loopback_frames: MAC frames returned by near-end loopback.
 * @p_tx_frames: partner frames sent.
 * @p_tx_bytes: partner bytes sent (FCS excluded).
 * @p_tx_carrier: partner frames dropped for lack of link.
 * @p_tx_aborted: partner frames lost to excess collisions.
 * @p_tx_errors: partner frames refused (too short).
 * @p_rx_frames: frames delivered to the partner.
 * @p_rx_bytes: bytes delivered to the partner (FCS excluded).
 * @p_rx_crc: frames the partner received with a bad FCS.
 * @p_rx_dropped: frames the partner could not take.
 */
struct lansim_stats {
	struct u64_stats_sync syncp;
	u64_stats_t mac[4];
	u64_stats_t mac_tx_frames;
	u64_stats_t mac_tx_no_carrier;
	u64_stats_t mac_tx_excess;
	u64_stats_t mac_tx_aborted;
	u64_stats_t mac_rx_frames;
	u64_stats_t mac_rx_fcs_bad;
	u64_stats_t mac_rx_symbol;
	u64_stats_t mac_rx_truncated;
	u64_stats_t mac_rx_dropped;
	u64_stats_t mac_speed_mismatch;
	u64_stats_t mac_irqs;
	u64_stats_t collisions;
	u64_stats_t loopback_frames;
	u64_stats_t p_tx_frames;
	u64_stats_t p_tx_bytes;
	u64_stats_t p_tx_carrier;
	u64_stats_t p_tx_aborted;
	u64_stats_t p_tx_errors;
	u64_stats_t p_rx_frames;
	u64_stats_t p_rx_bytes;
	u64_stats_t p_rx_crc;
	u64_stats_t p_rx_dropped;
};

/* Indexes into &lansim_stats.mac, in &struct lan8720_mac_counters order. */
enum {
	LANSIM_MAC_RX_OVERRUNS,
	LANSIM_MAC_TX_SINGLE_COL,
	LANSIM_MAC_TX_MULTI_COL,
	LANSIM_MAC_TX_DEFERRED,
};

/**
 * struct lansim_faults - fault injection knobs (debugfs "fault/")
 * @tx_fcs_permille: MAC->partner frames corrupted on the wire.
 * @rx_fcs_permille: partner->MAC frames corrupted on the wire.
 * @symbol_permille: partner->MAC frames hit by a symbol error (100 Mb/s).
 * @rx_overrun_permille: partner->MAC frames lost to an overrun.
 * @rx_overrun_next: the next this many partner->MAC frames overrun.
 * @mdio_permille: MDIO accesses that fail with -EIO.
 * @mdio_fail_next: the next this many MDIO accesses fail.
 *
 * Plain u32s written by debugfs and read with READ_ONCE(); the *_next
 * counters are consumed under the lock of the path that uses them.
 */
struct lansim_faults {
	u32 tx_fcs_permille;
	u32 rx_fcs_permille;
	u32 symbol_permille;
	u32 rx_overrun_permille;
	u32 rx_overrun_next;
	u32 mdio_permille;
	u32 mdio_fail_next;
};

/**
 * struct lansim_wire - the cable and the two ends' buffers
 * @lock: protects every member below except @stats and @faults.
 * @timer: fires when the next frame ends or may start (softirq).
 * @timer_armed: @timer is queued for @timer_at.
 * @timer_at: expiry of the queued @timer.
 * @line: PHY line state, as last reported by the model.
 * @enabled: MAC data path enabled (between enable() and disable()).
 * @host: driver callbacks, valid while @enabled; also read without the
 *	lock by the MAC interrupt handler (set last, cleared first).
 * @host_ctx: argument for @host.
 * @irq: the MAC's interrupt line (0 in KUnit: @host->irq is called
 *	directly).
 * @irq_name: its name in /proc/interrupts.
 * @mac_up: MAC link as programmed by set_link().
 * @mac_speed: MAC speed from set_link() (10/100).
 * @mac_full: MAC duplex from set_link().
 * @rx_irq_armed: raise the MAC irq for received frames (until raised).
 * @coal: receive interrupt moderation, as set_coalesce() programmed it.
 * @rx_unsignalled: frames received while armed, not yet signalled.
 * @rx_irq_at: moderation deadline for them (KTIME_MAX: none).
 * @tx_busy: xmit() returned -EBUSY; raise the irq when room appears.
 * @txq: MAC TX FIFO: frames taken by xmit() not yet on the wire.
 * @tx_bytes: bytes in @txq plus the frame on the wire.
 * @tx_fifo_bytes: MAC TX FIFO size.
 * @rxq: MAC RX FIFO: frames for rx().
 * @rx_bytes: bytes in @rxq.
 * @rx_fifo_bytes: MAC RX FIFO size.
 * @ptxq: frames the partner sent, waiting for the wire.
 * @ptxq_limit: partner queue length that stops the cable netdev.
 * @cur: frame on the wire per direction (NULL when idle).
 * @cur_end: when @cur's last byte (and gap) has passed.
 * @free_at: when each direction (both, in half duplex) is free again.
 * @gen_tx_fcs: the backend appends the TX FCS (module parameter hw_fcs).
 * @check_rx_fcs: the backend checks and strips the RX FCS.
 * @max_frame_len: largest frame the MAC buffers hold, FCS excluded.
 * @partner_pad: the partner pads its frames to the minimum size.
 * @stats: counters.
 * @faults: fault knobs.
 */
struct lansim_wire {
	spinlock_t lock; /* see above; taken after phy_lock, never before */
	struct hrtimer timer;
	bool timer_armed;
	ktime_t timer_at;
	struct lansim_line line;
	bool enabled;
	const struct lan8720_mac_host_ops *host;
	void *host_ctx;
	unsigned int irq;
	char irq_name[16];
	bool mac_up;
	unsigned int mac_speed;
	bool mac_full;
	bool rx_irq_armed;
	struct lan8720_mac_coalesce coal;
	unsigned int rx_unsignalled;
	ktime_t rx_irq_at;
	bool tx_busy;
	struct sk_buff_head txq;
	unsigned int tx_bytes;
	unsigned int tx_fifo_bytes;
	struct sk_buff_head rxq;
	unsigned int rx_bytes;
	unsigned int rx_fifo_bytes;
	struct sk_buff_head ptxq;
	unsigned int ptxq_limit;
	struct sk_buff *cur[LANSIM_DIR_NR];
	ktime_t cur_end[LANSIM_DIR_NR];
	ktime_t free_at[LANSIM_DIR_NR];
	bool gen_tx_fcs;
	bool check_rx_fcs;
	unsigned int max_frame_len;
	bool partner_pad;
	struct lansim_stats stats;
	struct lansim_faults faults;
};

/**
 * struct lansim_tmr - a model timer in the kernel
 * @work: runs the expiry.
 * @deadline: jiffies at which the model timer expires.
 * @ls: owner.
 * @which: model timer id.
 */
struct lansim_tmr {
	struct delayed_work work;
	unsigned long deadline;
	struct lansim *ls;
	enum lansim_phy_tmr which;
};

/**
 * struct lansim_knob - one debugfs file that edits the partner
 * @ls: owner.
 * @id: which setting.
 */
struct lansim_knob {
	struct lansim *ls;
	int id;
};

#define LANSIM_NR_KNOBS		9

/**
 * struct lansim - one simulated LAN8720A port
 * @id: instance number.
 * @pdev: the simulator's own device, parent of everything below.
 * @phy_node: software node of the PHY (target of "phy-handle").
 * @phy_lock: protects @phy, @dying and the MDIO fault counter.
 * @phy: the register model.
 * @dying: teardown started: model timers are no longer armed.
 * @tmr: kernel timers behind the model's timers.
 * @nint_work: re-raises nINT while it stays asserted (level line).
 * @irq_domain: irq_sim domain holding nINT.
 * @irq: nINT's Linux irq number.
 * @irqs_raised: nINT interrupts raised (debugfs).
 * @mdio_reads: MDIO reads served.
 * @mdio_writes: MDIO writes served.
 * @mdio_errors: MDIO accesses failed by fault injection.
 * @mii: the MDIO bus.
 * @phydev: the PHY device on @mii.
 * @wire: the MAC data path and the cable.
 * @cable: the link partner's netdev (lansim%d).
 * @backend: platform data of @mac_pdev.
 * @mac_pdev: the "lan8720-mac" device the driver binds to.
 * @mac_addr: its local-mac-address.
 * @knobs: debugfs partner knobs.
 * @dbg: debugfs directory.
 */
struct lansim {
	int id;
	struct platform_device *pdev;
	struct fwnode_handle *phy_node;
	spinlock_t phy_lock; /* see above; nests the wire lock inside */
	struct lansim_phy phy;
	bool dying;
	struct lansim_tmr tmr[LANSIM_TMR_NR];
	struct delayed_work nint_work;
	struct irq_domain *irq_domain;
	int irq;
	atomic64_t irqs_raised;
	atomic64_t mdio_reads;
	atomic64_t mdio_writes;
	atomic64_t mdio_errors;
	struct mii_bus *mii;
	struct phy_device *phydev;
	struct lansim_wire wire;
	struct net_device *cable;
	struct lan8720_mac_backend backend;
	struct platform_device *mac_pdev;
	u8 mac_addr[ETH_ALEN];
	struct lansim_knob knobs[LANSIM_NR_KNOBS];
	struct dentry *dbg;
};

/**
 * struct lansim_config - module parameters that shape an instance
 * @phyad: PHYAD strap.
 * @mode: MODE strap.
 * @hw_fcs: the backend does FCS (else the driver does).
 * @max_frame_len: MAC buffer size, FCS excluded.
 * @mac_addr: give the MAC a local-mac-address property.
 */
struct lansim_config {
	u8 phyad;
	u8 mode;
	bool hw_fcs;
	unsigned int max_frame_len;
	bool mac_addr;
};

static inline struct lansim *lansim_from_wire(struct lansim_wire *w)
{
	return container_of(w, struct lansim, wire);
}

/* main.c */
unsigned int lansim_scale_ms(unsigned int ms);

/* fcs.c */
u32 lansim_fcs(const u8 *data, unsigned int len);
void lansim_fcs_append(u8 *data, unsigned int len);
bool lansim_fcs_ok(const u8 *frame, unsigned int len);
u64 lansim_wire_time_ns(unsigned int len, unsigned int speed);

/* wire.c */
void lansim_wire_init(struct lansim_wire *w, const struct lansim_config *cfg);
void lansim_wire_destroy(struct lansim_wire *w);
void lansim_wire_set_line(struct lansim_wire *w,
			  const struct lansim_line *line);
void lansim_wire_partner_xmit(struct lansim_wire *w, struct sk_buff *skb);
void lansim_wire_kick(struct lansim_wire *w);
void lansim_wire_schedule(struct lansim_wire *w);
void lansim_wire_rx_rearm(struct lansim_wire *w);
bool lansim_wire_chance(u32 permille);

/* mac.c */
extern const struct lan8720_mac_ops lansim_mac_ops;
int lansim_mac_register(struct lansim *ls, const struct lansim_config *cfg);
void lansim_mac_unregister(struct lansim *ls);

/* cable.c */
struct net_device *lansim_cable_alloc(struct lansim *ls);
int lansim_cable_register(struct lansim *ls);
void lansim_cable_unregister(struct lansim *ls);
void lansim_cable_free(struct lansim *ls);
void lansim_cable_rx(struct lansim *ls, struct sk_buff *skb);
void lansim_cable_wake(struct lansim *ls);
void lansim_cable_carrier(struct lansim *ls, bool up);

/* mdio.c */
extern const struct lansim_phy_ops lansim_phy_glue_ops;
void lansim_phy_glue_init(struct lansim *ls);
void lansim_phy_glue_stop(struct lansim *ls);
int lansim_irqs_create(struct lansim *ls);
void lansim_irqs_destroy(struct lansim *ls);
int lansim_mdio_register(struct lansim *ls);
void lansim_mdio_unregister(struct lansim *ls);
void lansim_irq_fire(struct lansim *ls);
void lansim_phy_symbol_errors(struct lansim *ls, unsigned int n);

/* debugfs.c */
void lansim_debugfs_init(struct lansim *ls, struct dentry *root);
void lansim_debugfs_exit(struct lansim *ls);

#endif /* _LANSIM_H */
