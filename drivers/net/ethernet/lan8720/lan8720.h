/* SPDX-License-Identifier: GPL-2.0 */
/* lan8720 driver internals: per-device state and the split between files. */

#ifndef _LAN8720_H
#define _LAN8720_H

#include <linux/atomic.h>
#include <linux/etherdevice.h>
#include <linux/if_vlan.h>
#include <linux/netdevice.h>
#include <linux/spinlock.h>
#include <linux/u64_stats_sync.h>

#include "ethbus.h"
#include "lan8720_mac.h"

#define LAN8720_DRV_NAME	"lan8720"

/* Smallest frame limit a backend may declare: 1500-byte MTU + VLAN tag. */
#define LAN8720_MIN_FRAME_LEN	(ETH_FRAME_LEN + VLAN_HLEN)
/* Largest we accept from a backend: keeps skb allocations sane. */
#define LAN8720_MAX_FRAME_LEN	(9000 + ETH_HLEN + VLAN_HLEN)
/* Multicast groups filtered exactly; more and all multicast passes. */
#define LAN8720_MC_MAX		32
/* Receive interrupt moderation by default (ethtool -C rx-usecs,
 * rx-frames), where the backend can: at 100 Mb/s a full frame takes
 * 123 us, so a millisecond gathers about eight; 32 frames (64-byte ones
 * arrive every 0.67 us) bounds what waits in the MAC.
 */
#define LAN8720_RX_COAL_USECS	1000
#define LAN8720_RX_COAL_FRAMES	32

/**
 * enum lan8720_rx_verdict - what the driver decides about a received frame
 * @LAN8720_RX_GOOD: deliver (if the address filter passes it)
 * @LAN8720_RX_CRC: bad FCS
 * @LAN8720_RX_RUNT: shorter than the 64-byte minimum
 * @LAN8720_RX_GIANT: longer than the receive limit
 * @LAN8720_RX_TRUNCATED: longer than the backend could hold
 * @LAN8720_RX_SYMBOL: the PHY signalled a receive error
 * @LAN8720_RX_ALIGN: did not end on an octet boundary
 * @LAN8720_RX_BAD_STATUS: the backend reported a status we do not know
 * @LAN8720_RX_VERDICTS: number of verdicts
 */
enum lan8720_rx_verdict {
	LAN8720_RX_GOOD,
	LAN8720_RX_CRC,
	LAN8720_RX_RUNT,
	LAN8720_RX_GIANT,
	LAN8720_RX_TRUNCATED,
	LAN8720_RX_SYMBOL,
	LAN8720_RX_ALIGN,
	LAN8720_RX_BAD_STATUS,
	LAN8720_RX_VERDICTS
};

/**
 * struct lan8720_filter - the software receive address filter
 * @own: the station address
 * @promisc: accept every frame
 * @allmulti: accept every multicast frame
 * @mc_count: entries in @mc
 * @mc: multicast addresses accepted
 */
struct lan8720_filter {
	u8 own[ETH_ALEN];
	bool promisc;
	bool allmulti;
	unsigned int mc_count;
	u8 mc[LAN8720_MC_MAX][ETH_ALEN];
};

/**
 * struct lan8720_link - a link state as phylib reports it
 * @up: link up
 * @speed: SPEED_10 or SPEED_100 when @up
 * @duplex: DUPLEX_HALF or DUPLEX_FULL when @up
 */
struct lan8720_link {
	bool up;
	int speed;
	int duplex;
};

/**
 * struct lan8720_rx_stats - receive counters, written by the bus context
 * @syncp: u64 sequence for readers on 32-bit hosts
 * @verdicts: frames per &enum lan8720_rx_verdict
 * @octets: bytes of good frames, FCS excluded
 * @filtered: good frames not addressed to us
 * @multicast: good multicast frames accepted
 * @broadcast: good broadcast frames accepted
 */
struct lan8720_rx_stats {
	struct u64_stats_sync syncp;
	u64_stats_t verdicts[LAN8720_RX_VERDICTS];
	u64_stats_t octets;
	u64_stats_t filtered;
	u64_stats_t multicast;
	u64_stats_t broadcast;
};

/**
 * struct lan8720_tx_stats - transmit counters, written from any context
 * @sent: frames on the wire
 * @octets: their bytes, padding and FCS included
 * @multicast: multicast frames sent
 * @broadcast: broadcast frames sent
 * @no_carrier: dropped: link down
 * @aborted: dropped: flushed when the interface went down
 * @oversize: dropped: longer than the MAC can send
 * @nomem: dropped: no memory to pad or append the FCS
 * @late_collisions: failed: collision after the slot time
 * @excess_collisions: failed: too many collisions
 * @underruns: failed: backend could not feed the wire
 * @refused: failed: backend refused the frame
 * @bad_status: failed: backend reported a status we do not know
 * @busy: times the backend had no room (flow control, not an error)
 * @timeouts: TX watchdog expiries
 */
struct lan8720_tx_stats {
	atomic64_t sent;
	atomic64_t octets;
	atomic64_t multicast;
	atomic64_t broadcast;
	atomic64_t no_carrier;
	atomic64_t aborted;
	atomic64_t oversize;
	atomic64_t nomem;
	atomic64_t late_collisions;
	atomic64_t excess_collisions;
	atomic64_t underruns;
	atomic64_t refused;
	atomic64_t bad_status;
	atomic64_t busy;
	atomic64_t timeouts;
};

/**
 * struct lan8720_priv - one LAN8720 port
 * @ndev: its net_device
 * @dev: the "lan8720-mac" platform device
 * @eb: the ethbus serving @ndev
 * @be: the backend, copied from platform data
 * @phydev: the PHY "phy-handle" points to (device reference held)
 * @rx_max: longest frame accepted, FCS excluded (follows the MTU)
 * @coal: receive interrupt moderation for backends that have it; written
 *	under RTNL, read by the bus context inside ethbus_call() from RTNL
 * @enabled: backend enabled; bus context only
 * @link_lock: protects @link_req and @link_dirty
 * @link_req: the link phylib last reported
 * @link_dirty: @link_req not yet given to the backend
 * @filter_lock: protects @filter
 * @filter: the receive address filter
 * @rx_stats: receive counters
 * @tx_stats: transmit counters
 */
struct lan8720_priv {
	struct net_device *ndev;
	struct device *dev;
	struct ethbus *eb;
	struct lan8720_mac_backend be;
	struct phy_device *phydev;
	unsigned int rx_max;
	struct lan8720_mac_coalesce coal;

	bool enabled;

	spinlock_t link_lock; /* link_req, link_dirty */
	struct lan8720_link link_req;
	bool link_dirty;

	spinlock_t filter_lock; /* filter */
	struct lan8720_filter filter;

	struct lan8720_rx_stats rx_stats;
	struct lan8720_tx_stats tx_stats;
};

/* mac.c: frame logic that needs no device (KUnit-tested) */
u32 lan8720_fcs(const u8 *data, unsigned int len);
unsigned int lan8720_rx_limit(unsigned int mtu, unsigned int max_frame_len);
enum lan8720_rx_verdict lan8720_rx_check(const u8 *frame, unsigned int len,
					 enum lan8720_mac_rx_status status,
					 bool has_fcs, unsigned int rx_max);
bool lan8720_rx_accept(const struct lan8720_filter *f, const u8 *dest);
int lan8720_tx_prepare(struct sk_buff *skb, bool add_fcs);

/* netdev.c */
extern const struct net_device_ops lan8720_netdev_ops;
extern const struct ethbus_ops lan8720_ethbus_ops;
void lan8720_filter_set_own(struct lan8720_priv *priv);
int lan8720_mac_set_coalesce(void *arg);

/**
 * struct lan8720_snapshot - all counters of a port, read at one time
 * @hw: the backend's counters
 * @rx: frames per &enum lan8720_rx_verdict
 * @rx_octets: see &struct lan8720_rx_stats
 * @rx_filtered: likewise
 * @rx_multicast: likewise
 * @rx_broadcast: likewise
 * @rx_length_errors: runts, giants and truncated frames
 * @tx: see &struct lan8720_tx_stats, same member names, read as u64
 */
struct lan8720_snapshot {
	struct lan8720_mac_counters hw;
	u64 rx[LAN8720_RX_VERDICTS];
	u64 rx_octets;
	u64 rx_filtered;
	u64 rx_multicast;
	u64 rx_broadcast;
	u64 rx_length_errors;
	struct {
		u64 sent;
		u64 octets;
		u64 multicast;
		u64 broadcast;
		u64 no_carrier;
		u64 aborted;
		u64 oversize;
		u64 nomem;
		u64 late_collisions;
		u64 excess_collisions;
		u64 underruns;
		u64 refused;
		u64 bad_status;
		u64 busy;
		u64 timeouts;
	} tx;
};

/* ethtool.c */
extern const struct ethtool_ops lan8720_ethtool_ops;
void lan8720_snapshot(struct lan8720_priv *priv, struct lan8720_snapshot *s);

/* phy.c */
int lan8720_phy_find(struct lan8720_priv *priv);
int lan8720_phy_connect(struct lan8720_priv *priv);
void lan8720_phy_disconnect(struct lan8720_priv *priv);
void lan8720_link_apply(struct lan8720_priv *priv);

#endif /* _LAN8720_H */
