// SPDX-License-Identifier: GPL-2.0
/* lan8720 ethtool ops and counters: link through phylib, -S, MAC stats. */

#include <linux/ethtool.h>
#include <linux/phy.h>
#include <linux/string.h>

#include "lan8720.h"

/**
 * lan8720_snapshot() - read every counter of a port
 * @priv: the port
 * @s: filled in
 *
 * Context: any; does not sleep (the backend's get_counters does not).
 */
void lan8720_snapshot(struct lan8720_priv *priv, struct lan8720_snapshot *s)
{
	const struct lan8720_rx_stats *rx = &priv->rx_stats;
	const struct lan8720_tx_stats *tx = &priv->tx_stats;
	unsigned int start, i;

	memset(s, 0, sizeof(*s));
	priv->be.ops->get_counters(priv->be.priv, &s->hw);

	do {
		start = u64_stats_fetch_begin(&rx->syncp);
		for (i = 0; i < LAN8720_RX_VERDICTS; i++)
			s->rx[i] = u64_stats_read(&rx->verdicts[i]);
		s->rx_octets = u64_stats_read(&rx->octets);
		s->rx_filtered = u64_stats_read(&rx->filtered);
		s->rx_multicast = u64_stats_read(&rx->multicast);
		s->rx_broadcast = u64_stats_read(&rx->broadcast);
	} while (u64_stats_fetch_retry(&rx->syncp, start));
	s->rx_length_errors = s->rx[LAN8720_RX_RUNT] + s->rx[LAN8720_RX_GIANT] +
			      s->rx[LAN8720_RX_TRUNCATED];

	s->tx.sent = atomic64_read(&tx->sent);
	s->tx.octets = atomic64_read(&tx->octets);
	s->tx.multicast = atomic64_read(&tx->multicast);
	s->tx.broadcast = atomic64_read(&tx->broadcast);
	s->tx.no_carrier = atomic64_read(&tx->no_carrier);
	s->tx.aborted = atomic64_read(&tx->aborted);
	s->tx.oversize = atomic64_read(&tx->oversize);
	s->tx.nomem = atomic64_read(&tx->nomem);
	s->tx.late_collisions = atomic64_read(&tx->late_collisions);
	s->tx.excess_collisions = atomic64_read(&tx->excess_collisions);
	s->tx.underruns = atomic64_read(&tx->underruns);
	s->tx.refused = atomic64_read(&tx->refused);
	s->tx.bad_status = atomic64_read(&tx->bad_status);
	s->tx.busy = atomic64_read(&tx->busy);
	s->tx.timeouts = atomic64_read(&tx->timeouts);
}

/**
 * struct lan8720_stat - one ethtool -S counter of the driver
 * @name: its name
 * @offset: where it is in &struct lan8720_snapshot
 */
struct lan8720_stat {
	const char *name;
	size_t offset;
};

#define LAN8720_STAT(_name, _field) \
	{ _name, offsetof(struct lan8720_snapshot, _field) }

static const struct lan8720_stat lan8720_stats[] = {
	LAN8720_STAT("rx_crc_errors", rx[LAN8720_RX_CRC]),
	LAN8720_STAT("rx_length_errors", rx_length_errors),
	LAN8720_STAT("rx_runt_errors", rx[LAN8720_RX_RUNT]),
	LAN8720_STAT("rx_giant_errors", rx[LAN8720_RX_GIANT]),
	LAN8720_STAT("rx_truncated_errors", rx[LAN8720_RX_TRUNCATED]),
	LAN8720_STAT("rx_symbol_errors", rx[LAN8720_RX_SYMBOL]),
	LAN8720_STAT("rx_align_errors", rx[LAN8720_RX_ALIGN]),
	LAN8720_STAT("rx_bad_status", rx[LAN8720_RX_BAD_STATUS]),
	LAN8720_STAT("rx_fifo_errors", hw.rx_overruns),
	LAN8720_STAT("rx_filtered", rx_filtered),
	LAN8720_STAT("rx_multicast", rx_multicast),
	LAN8720_STAT("rx_broadcast", rx_broadcast),
	LAN8720_STAT("tx_drop_no_carrier", tx.no_carrier),
	LAN8720_STAT("tx_drop_aborted", tx.aborted),
	LAN8720_STAT("tx_drop_oversize", tx.oversize),
	LAN8720_STAT("tx_drop_nomem", tx.nomem),
	LAN8720_STAT("tx_late_collisions", tx.late_collisions),
	LAN8720_STAT("tx_excess_collisions", tx.excess_collisions),
	LAN8720_STAT("tx_underruns", tx.underruns),
	LAN8720_STAT("tx_refused", tx.refused),
	LAN8720_STAT("tx_bad_status", tx.bad_status),
	LAN8720_STAT("tx_busy", tx.busy),
	LAN8720_STAT("tx_timeouts", tx.timeouts),
	LAN8720_STAT("tx_single_collisions", hw.tx_single_collisions),
	LAN8720_STAT("tx_multiple_collisions", hw.tx_multiple_collisions),
	LAN8720_STAT("tx_deferred", hw.tx_deferred),
	LAN8720_STAT("tx_multicast", tx.multicast),
	LAN8720_STAT("tx_broadcast", tx.broadcast),
};

/**
 * lan8720_get_sset_count() - ethtool get_sset_count
 * @ndev: the port's net_device
 * @sset: only ETH_SS_STATS
 *
 * Return: the number of -S counters, or -EOPNOTSUPP.
 */
static int lan8720_get_sset_count(struct net_device *ndev, int sset)
{
	struct lan8720_priv *priv = netdev_priv(ndev);

	if (sset != ETH_SS_STATS)
		return -EOPNOTSUPP;
	return ethbus_stats_count(priv->eb) + ARRAY_SIZE(lan8720_stats);
}

/**
 * lan8720_get_strings() - ethtool get_strings: ethbus's names, then ours
 * @ndev: the port's net_device
 * @sset: only ETH_SS_STATS
 * @data: the buffer
 */
static void lan8720_get_strings(struct net_device *ndev, u32 sset, u8 *data)
{
	struct lan8720_priv *priv = netdev_priv(ndev);
	size_t i;

	if (sset != ETH_SS_STATS)
		return;
	ethbus_stats_strings(priv->eb, &data);
	for (i = 0; i < ARRAY_SIZE(lan8720_stats); i++) {
		strscpy_pad(data, lan8720_stats[i].name, ETH_GSTRING_LEN);
		data += ETH_GSTRING_LEN;
	}
}

/**
 * lan8720_get_ethtool_stats() - ethtool get_ethtool_stats
 * @ndev: the port's net_device
 * @stats: unused
 * @data: the values, in lan8720_get_strings() order
 */
static void lan8720_get_ethtool_stats(struct net_device *ndev,
				      struct ethtool_stats *stats, u64 *data)
{
	struct lan8720_priv *priv = netdev_priv(ndev);
	struct lan8720_snapshot s;
	size_t i;

	ethbus_stats_values(priv->eb, &data);
	lan8720_snapshot(priv, &s);
	for (i = 0; i < ARRAY_SIZE(lan8720_stats); i++)
		*data++ = *(u64 *)((u8 *)&s + lan8720_stats[i].offset);
}

/**
 * lan8720_get_eth_mac_stats() - the IEEE 802.3 MAC counters that apply
 * @ndev: the port's net_device
 * @mac: filled in; counters we do not keep stay unset
 */
static void lan8720_get_eth_mac_stats(struct net_device *ndev,
				      struct ethtool_eth_mac_stats *mac)
{
	struct lan8720_priv *priv = netdev_priv(ndev);
	struct lan8720_snapshot s;

	lan8720_snapshot(priv, &s);

	mac->FramesTransmittedOK = s.tx.sent;
	mac->OctetsTransmittedOK = s.tx.octets;
	mac->MulticastFramesXmittedOK = s.tx.multicast;
	mac->BroadcastFramesXmittedOK = s.tx.broadcast;
	mac->SingleCollisionFrames = s.hw.tx_single_collisions;
	mac->MultipleCollisionFrames = s.hw.tx_multiple_collisions;
	mac->FramesWithDeferredXmissions = s.hw.tx_deferred;
	mac->LateCollisions = s.tx.late_collisions;
	mac->FramesAbortedDueToXSColls = s.tx.excess_collisions;
	mac->FramesLostDueToIntMACXmitError = s.tx.underruns;
	mac->CarrierSenseErrors = s.tx.no_carrier;

	mac->FramesReceivedOK = s.rx[LAN8720_RX_GOOD] - s.rx_filtered;
	mac->OctetsReceivedOK = s.rx_octets;
	mac->MulticastFramesReceivedOK = s.rx_multicast;
	mac->BroadcastFramesReceivedOK = s.rx_broadcast;
	mac->FrameCheckSequenceErrors = s.rx[LAN8720_RX_CRC];
	mac->AlignmentErrors = s.rx[LAN8720_RX_ALIGN];
	mac->FrameTooLongErrors = s.rx[LAN8720_RX_GIANT] +
				  s.rx[LAN8720_RX_TRUNCATED];
	mac->FramesLostDueToIntMACRcvError = s.hw.rx_overruns;
}

/**
 * lan8720_set_link_ksettings() - ethtool set_link_ksettings via phylib
 * @ndev: the port's net_device
 * @cmd: the requested settings
 *
 * phylib accepts any forced speed its core knows; the MAC does 10 and 100.
 *
 * Return: 0, -EINVAL for a speed the MAC cannot do, -ENODEV while down, or
 * phylib's error.
 */
static int lan8720_set_link_ksettings(struct net_device *ndev,
				      const struct ethtool_link_ksettings *cmd)
{
	if (cmd->base.autoneg == AUTONEG_DISABLE &&
	    cmd->base.speed != SPEED_10 && cmd->base.speed != SPEED_100) {
		netdev_dbg(ndev, "forced speed %u not supported\n",
			   cmd->base.speed);
		return -EINVAL;
	}
	return phy_ethtool_set_link_ksettings(ndev, cmd);
}

/**
 * lan8720_get_coalesce() - ethtool get_coalesce: receive moderation
 * @ndev: the port's net_device
 * @ec: filled with rx-usecs and rx-frames
 * @kec: unused
 * @extack: unused
 *
 * Return: 0, or -EOPNOTSUPP for a backend without moderation.
 */
static int lan8720_get_coalesce(struct net_device *ndev,
				struct ethtool_coalesce *ec,
				struct kernel_ethtool_coalesce *kec,
				struct netlink_ext_ack *extack)
{
	struct lan8720_priv *priv = netdev_priv(ndev);

	if (!priv->be.ops->set_coalesce)
		return -EOPNOTSUPP;
	ec->rx_coalesce_usecs = priv->coal.rx_usecs;
	ec->rx_max_coalesced_frames = priv->coal.rx_max_frames;
	return 0;
}

/**
 * lan8720_set_coalesce() - ethtool set_coalesce: receive moderation
 * @ndev: the port's net_device
 * @ec: rx-usecs and rx-frames (the core refuses the other parameters)
 * @kec: unused
 * @extack: why values are refused
 *
 * Kept while the interface is down and programmed when it comes up.
 *
 * Return: 0, -EOPNOTSUPP for a backend without moderation, -EINVAL for
 * values beyond the backend's limits or both 0, or the backend's error.
 */
static int lan8720_set_coalesce(struct net_device *ndev,
				struct ethtool_coalesce *ec,
				struct kernel_ethtool_coalesce *kec,
				struct netlink_ext_ack *extack)
{
	struct lan8720_priv *priv = netdev_priv(ndev);
	struct lan8720_mac_coalesce old = priv->coal;
	int ret;

	if (!priv->be.ops->set_coalesce)
		return -EOPNOTSUPP;
	if (ec->rx_coalesce_usecs > priv->be.coalesce_usecs_max ||
	    ec->rx_max_coalesced_frames > priv->be.coalesce_frames_max) {
		NL_SET_ERR_MSG(extack, "beyond the MAC backend's limits");
		return -EINVAL;
	}
	if (!ec->rx_coalesce_usecs && !ec->rx_max_coalesced_frames) {
		NL_SET_ERR_MSG(extack,
			       "rx-usecs and rx-frames both 0 would never interrupt");
		return -EINVAL;
	}

	priv->coal.rx_usecs = ec->rx_coalesce_usecs;
	priv->coal.rx_max_frames = ec->rx_max_coalesced_frames;
	ret = ethbus_call(priv->eb, lan8720_mac_set_coalesce, priv);
	if (ret)
		priv->coal = old;
	return ret;
}

const struct ethtool_ops lan8720_ethtool_ops = {
	.supported_coalesce_params = ETHTOOL_COALESCE_RX_USECS |
				     ETHTOOL_COALESCE_RX_MAX_FRAMES,
	.get_drvinfo = ethbus_get_drvinfo,
	.get_msglevel = ethbus_get_msglevel,
	.set_msglevel = ethbus_set_msglevel,
	.get_link = ethtool_op_get_link,
	.get_link_ksettings = phy_ethtool_get_link_ksettings,
	.set_link_ksettings = lan8720_set_link_ksettings,
	.nway_reset = phy_ethtool_nway_reset,
	.get_sset_count = lan8720_get_sset_count,
	.get_strings = lan8720_get_strings,
	.get_ethtool_stats = lan8720_get_ethtool_stats,
	.get_eth_mac_stats = lan8720_get_eth_mac_stats,
	.get_coalesce = lan8720_get_coalesce,
	.set_coalesce = lan8720_set_coalesce,
	.get_ts_info = ethtool_op_get_ts_info,
};
