/* SPDX-License-Identifier: GPL-2.0 */
/* lan8720 MAC backend contract: how the driver drives a MAC data path. */

#ifndef _LAN8720_MAC_H
#define _LAN8720_MAC_H

#include <linux/types.h>

struct sk_buff;

/*
 * A backend provides the RMII MAC data path of a LAN8720 port: it puts
 * frames on the wire and takes them off it. Everything else (the PHY, the
 * net_device, NAPI, filtering, statistics, ethtool) is the lan8720 driver's.
 * See Documentation/networking/lan8720.rst, "MAC backend contract".
 *
 * Discovery: the backend registers a platform device named
 * LAN8720_MAC_DEV_NAME whose platform data is a struct lan8720_mac_backend
 * and whose firmware node carries "phy-handle" (a reference to the PHY's
 * node, which must be the fwnode of a registered phy_device), optionally
 * "phy-mode" ("rmii") and "local-mac-address" or "mac-address".
 */

/* Name of the platform device the lan8720 driver binds to. */
#define LAN8720_MAC_DEV_NAME	"lan8720-mac"

/**
 * enum lan8720_mac_rx_status - what the backend knows about a received frame
 * @LAN8720_MAC_RX_OK: received completely; no error seen by the backend.
 *	The driver still checks length and, unless the backend checks it,
 *	the FCS.
 * @LAN8720_MAC_RX_FCS_ERROR: the backend checked the FCS and it was wrong
 *	(only for backends with &lan8720_mac_backend.check_rx_fcs).
 * @LAN8720_MAC_RX_SYMBOL_ERROR: the PHY signalled a receive error (RX_ER, or
 *	a bad symbol decoded as such) during the frame.
 * @LAN8720_MAC_RX_ALIGN_ERROR: the frame did not end on an octet boundary
 *	(a dribble dibit or nibble).
 * @LAN8720_MAC_RX_TRUNCATED: the frame was longer than the backend could
 *	hold; the skb holds only its beginning.
 *
 * Every status other than %LAN8720_MAC_RX_OK makes the driver count the
 * frame as a receive error and free it.
 */
enum lan8720_mac_rx_status {
	LAN8720_MAC_RX_OK,
	LAN8720_MAC_RX_FCS_ERROR,
	LAN8720_MAC_RX_SYMBOL_ERROR,
	LAN8720_MAC_RX_ALIGN_ERROR,
	LAN8720_MAC_RX_TRUNCATED,
};

/**
 * enum lan8720_mac_tx_status - how a frame handed to xmit() ended
 * @LAN8720_MAC_TX_OK: the whole frame went out on the wire.
 * @LAN8720_MAC_TX_NO_CARRIER: not sent because the link is down.
 * @LAN8720_MAC_TX_EXCESS_COLLISIONS: half duplex: given up after too many
 *	collisions.
 * @LAN8720_MAC_TX_LATE_COLLISION: half duplex: collision after the first
 *	slot time; the frame was aborted.
 * @LAN8720_MAC_TX_UNDERRUN: the backend could not feed the wire in time;
 *	the frame was aborted on the wire.
 * @LAN8720_MAC_TX_ABORTED: never sent: flushed by disable().
 */
enum lan8720_mac_tx_status {
	LAN8720_MAC_TX_OK,
	LAN8720_MAC_TX_NO_CARRIER,
	LAN8720_MAC_TX_EXCESS_COLLISIONS,
	LAN8720_MAC_TX_LATE_COLLISION,
	LAN8720_MAC_TX_UNDERRUN,
	LAN8720_MAC_TX_ABORTED,
};

/**
 * struct lan8720_mac_counters - events the driver cannot see frame by frame
 * @rx_overruns: frames lost because the backend's receive buffer was full
 *	(the driver did not call rx() fast enough).
 * @tx_single_collisions: frames sent after exactly one collision.
 * @tx_multiple_collisions: frames sent after more than one collision.
 * @tx_deferred: frames whose first attempt was delayed because the medium
 *	was busy (half duplex).
 *
 * Monotonic since the backend was created; never reset by disable(). A
 * backend that cannot see an event leaves its counter at 0.
 */
struct lan8720_mac_counters {
	u64 rx_overruns;
	u64 tx_single_collisions;
	u64 tx_multiple_collisions;
	u64 tx_deferred;
};

/**
 * struct lan8720_mac_coalesce - receive interrupt moderation
 * @rx_usecs: raise the RX @irq of &struct lan8720_mac_host_ops this many
 *	microseconds after the first frame the driver has not been told
 *	about arrived, if it still waits then; 0: no time limit.
 * @rx_max_frames: raise it as soon as this many such frames wait, whatever
 *	the time; 0: no count limit.
 *
 * Not both 0: the irq would never come. {0, 1}, how a backend starts,
 * raises it for the first frame that arrives while it is armed.
 * Moderation trades a little latency for far fewer interrupts under load;
 * frames the driver reads before the limit (its bus context also runs for
 * other reasons, such as transmitting) raise none.
 */
struct lan8720_mac_coalesce {
	u32 rx_usecs;
	u32 rx_max_frames;
};

/**
 * struct lan8720_mac_host_ops - how a backend signals the driver
 * @irq: the MAC "interrupt": a frame is ready for rx(), or there is room
 *	again after xmit() returned -EBUSY. Level-like and coalescing: raise
 *	it when a frame arrives and the driver has not been told since rx()
 *	last returned NULL (later, if set_coalesce() asks for moderation),
 *	and when room appears after an -EBUSY; not once per frame. Any
 *	context (hard IRQ, softirq, timer, process); does not
 *	sleep; may be called from within any op.
 * @tx_done: gives back a frame taken by xmit(), with how it ended. Exactly
 *	once per accepted frame, in the order accepted. Any context; does not
 *	sleep; may be called from within xmit() and disable().
 *
 * The driver passes these, with its @ctx cookie, to enable(). Link changes
 * are not signalled here: the PHY reports them through phylib, and the
 * driver passes them on with &lan8720_mac_ops.set_link.
 */
struct lan8720_mac_host_ops {
	void (*irq)(void *ctx);
	void (*tx_done)(void *ctx, struct sk_buff *skb,
			enum lan8720_mac_tx_status status);
};

/**
 * struct lan8720_mac_ops - the data path of a MAC backend
 * @enable: start the data path and begin calling @host with @ctx. Frames
 *	that arrived while disabled are not delivered. Link is down until
 *	set_link() says otherwise. May sleep. Returns 0 or a negative errno.
 * @disable: stop the data path: stop receiving, drop frames not yet given
 *	to rx() (not counted as overruns), and return every frame still held
 *	from xmit() through tx_done() with %LAN8720_MAC_TX_ABORTED (or how it
 *	ended, if it already had). When it returns, no @host callback is
 *	running or will run. May sleep.
 * @set_link: program the link the PHY negotiated: @up, @speed (SPEED_10 or
 *	SPEED_100) and @duplex (DUPLEX_HALF or DUPLEX_FULL); @speed and
 *	@duplex are meaningful only when @up. While the link is down, frames
 *	handed to xmit() end with %LAN8720_MAC_TX_NO_CARRIER. May sleep.
 *	Returns 0, or -EINVAL for a speed/duplex the backend cannot do.
 * @xmit: take one frame for transmission. @skb is linear, starts at the
 *	destination address, is at least ETH_ZLEN bytes (the driver pads) and
 *	ends with the 4-byte FCS unless &lan8720_mac_backend.gen_tx_fcs. The
 *	backend adds preamble, SFD and inter-frame gap. Returns 0 when it
 *	took @skb (it owns it until tx_done(), and must give it back with
 *	its data, length and control buffer skb->cb unchanged: they are the
 *	driver's), -EBUSY when it has no room
 *	(the driver keeps @skb and retries after the next @irq), or another
 *	negative errno when it refuses this frame (the driver keeps and drops
 *	@skb). May sleep.
 * @rx: take the next received frame, oldest first, and store its status in
 *	*@status. The skb starts at the destination address and ends with the
 *	4-byte FCS unless &lan8720_mac_backend.check_rx_fcs; it has no dev
 *	set, and should have NET_IP_ALIGN headroom. The driver owns it.
 *	Damaged frames are delivered too, with their status, so the driver
 *	can count them. Returns NULL when none is ready, which also re-arms
 *	the RX @irq. May sleep.
 * @get_counters: copy the backend's counters into @counters. Any context
 *	(called under RCU and spinlocks by the statistics paths); does not
 *	sleep. May be called while disabled and concurrently with other ops.
 * @set_coalesce: optional (NULL: no moderation, every frame raises the RX
 *	irq). Program receive interrupt moderation, with values up to
 *	&lan8720_mac_backend.coalesce_usecs_max and .coalesce_frames_max.
 *	Holds until disable(); the driver sets it after every enable(). May
 *	sleep. Returns 0, or -EINVAL for values out of range.
 *
 * The driver calls @enable, @disable, @set_link, @xmit, @rx and
 * @set_coalesce from process context (its ethbus bus context, or
 * ndo_open/ndo_stop under RTNL), and never two of them at the same time,
 * so a backend needs no locking between them; only @get_counters and the
 * @host callbacks run concurrently with them. @set_link, @xmit, @rx and
 * @set_coalesce are only called between @enable and @disable.
 */
struct lan8720_mac_ops {
	int (*enable)(void *priv, const struct lan8720_mac_host_ops *host,
		      void *ctx);
	void (*disable)(void *priv);
	int (*set_link)(void *priv, bool up, int speed, int duplex);
	int (*xmit)(void *priv, struct sk_buff *skb);
	struct sk_buff *(*rx)(void *priv, enum lan8720_mac_rx_status *status);
	void (*get_counters)(void *priv, struct lan8720_mac_counters *counters);
	int (*set_coalesce)(void *priv, const struct lan8720_mac_coalesce *c);
};

/**
 * struct lan8720_mac_backend - platform data of a "lan8720-mac" device
 * @ops: the backend's data path; every member but set_coalesce is
 *	mandatory.
 * @priv: passed as first argument to every op.
 * @max_frame_len: largest frame the backend can send and receive, from the
 *	destination address to the end of the payload, FCS excluded; at least
 *	1518 (ETH_FRAME_LEN plus one VLAN tag). 0 means 1518. Sets the
 *	largest MTU the driver allows.
 * @gen_tx_fcs: true if the backend appends the FCS itself; false if the
 *	driver appends it (software CRC-32, e.g. for a PIO-driven MAC).
 * @check_rx_fcs: true if the backend checks the FCS, strips it and reports
 *	%LAN8720_MAC_RX_FCS_ERROR; false if frames arrive with their FCS and
 *	the driver checks it.
 * @coalesce_usecs_max: largest &lan8720_mac_coalesce.rx_usecs the backend
 *	takes (with &lan8720_mac_ops.set_coalesce).
 * @coalesce_frames_max: largest &lan8720_mac_coalesce.rx_max_frames.
 *
 * @ops and @priv stay valid until the platform device is unregistered;
 * unregistering it unbinds the driver, which disables the backend first.
 */
struct lan8720_mac_backend {
	const struct lan8720_mac_ops *ops;
	void *priv;
	unsigned int max_frame_len;
	bool gen_tx_fcs;
	bool check_rx_fcs;
	u32 coalesce_usecs_max;
	u32 coalesce_frames_max;
};

#endif /* _LAN8720_MAC_H */
