// SPDX-License-Identifier: GPL-2.0
/* lan8720 data path and net_device ops: open/stop, xmit, RX, filters. */

#include <linux/phy.h>
#include <linux/skbuff.h>

#include "lan8720.h"

/* ---- backend signals (any context) ---- */

/**
 * lan8720_host_irq() - &lan8720_mac_host_ops.irq: the MAC interrupt
 * @ctx: the port
 *
 * Context: any; does not sleep. Schedules the bus context.
 */
static void lan8720_host_irq(void *ctx)
{
	struct lan8720_priv *priv = ctx;

	ethbus_irq(priv->eb);
}

static void lan8720_count_tx_sent(struct lan8720_priv *priv,
				  const struct sk_buff *skb)
{
	struct lan8720_tx_stats *st = &priv->tx_stats;
	const u8 *dest = skb->data;

	atomic64_inc(&st->sent);
	atomic64_add(skb->len, &st->octets);
	if (is_broadcast_ether_addr(dest))
		atomic64_inc(&st->broadcast);
	else if (is_multicast_ether_addr(dest))
		atomic64_inc(&st->multicast);
}

static enum ethbus_tx_result
lan8720_count_tx(struct lan8720_priv *priv, const struct sk_buff *skb,
		 enum lan8720_mac_tx_status status)
{
	struct lan8720_tx_stats *st = &priv->tx_stats;

	switch (status) {
	case LAN8720_MAC_TX_OK:
		lan8720_count_tx_sent(priv, skb);
		return ETHBUS_TX_SENT;
	case LAN8720_MAC_TX_NO_CARRIER:
		atomic64_inc(&st->no_carrier);
		return ETHBUS_TX_DROPPED;
	case LAN8720_MAC_TX_ABORTED:
		atomic64_inc(&st->aborted);
		return ETHBUS_TX_DROPPED;
	case LAN8720_MAC_TX_EXCESS_COLLISIONS:
		atomic64_inc(&st->excess_collisions);
		return ETHBUS_TX_ERROR;
	case LAN8720_MAC_TX_LATE_COLLISION:
		atomic64_inc(&st->late_collisions);
		return ETHBUS_TX_ERROR;
	case LAN8720_MAC_TX_UNDERRUN:
		atomic64_inc(&st->underruns);
		return ETHBUS_TX_ERROR;
	}
	atomic64_inc(&st->bad_status);
	return ETHBUS_TX_ERROR;
}

/**
 * lan8720_host_tx_done() - &lan8720_mac_host_ops.tx_done
 * @ctx: the port
 * @skb: a frame the backend took with xmit()
 * @status: how it ended; counted per reason, then completed through ethbus
 *
 * Context: any; does not sleep.
 */
static void lan8720_host_tx_done(void *ctx, struct sk_buff *skb,
				 enum lan8720_mac_tx_status status)
{
	struct lan8720_priv *priv = ctx;

	if (WARN_ON_ONCE(!skb))
		return;
	ethbus_tx_done(priv->eb, skb, lan8720_count_tx(priv, skb, status));
}

static const struct lan8720_mac_host_ops lan8720_host_ops = {
	.irq = lan8720_host_irq,
	.tx_done = lan8720_host_tx_done,
};

/* ---- bus context ---- */

static void lan8720_tx_service(struct lan8720_priv *priv)
{
	struct sk_buff *skb;
	int ret;

	while ((skb = ethbus_tx_dequeue(priv->eb))) {
		ret = priv->be.ops->xmit(priv->be.priv, skb);
		if (!ret)
			continue;
		if (ret == -EBUSY) {
			/* Ring full: retried on the backend's next irq. */
			atomic64_inc(&priv->tx_stats.busy);
			ethbus_tx_requeue(priv->eb, skb);
			return;
		}
		atomic64_inc(&priv->tx_stats.refused);
		ethbus_fault(priv->eb, ret, "backend xmit");
		ethbus_tx_done(priv->eb, skb, ETHBUS_TX_ERROR);
	}
}

static void lan8720_count_rx(struct lan8720_priv *priv,
			     enum lan8720_rx_verdict v,
			     const struct sk_buff *skb, bool accepted)
{
	struct lan8720_rx_stats *st = &priv->rx_stats;

	u64_stats_update_begin(&st->syncp);
	u64_stats_inc(&st->verdicts[v]);
	if (v == LAN8720_RX_GOOD && !accepted) {
		u64_stats_inc(&st->filtered);
	} else if (v == LAN8720_RX_GOOD) {
		u64_stats_add(&st->octets, skb->len);
		if (is_broadcast_ether_addr(skb->data))
			u64_stats_inc(&st->broadcast);
		else if (is_multicast_ether_addr(skb->data))
			u64_stats_inc(&st->multicast);
	}
	u64_stats_update_end(&st->syncp);
}

static bool lan8720_rx_filter(struct lan8720_priv *priv,
			      const struct sk_buff *skb)
{
	bool ok;

	spin_lock_bh(&priv->filter_lock);
	ok = lan8720_rx_accept(&priv->filter, skb->data);
	spin_unlock_bh(&priv->filter_lock);
	return ok;
}

static void lan8720_rx_frame(struct lan8720_priv *priv, struct sk_buff *skb,
			     enum lan8720_mac_rx_status status)
{
	bool has_fcs = !priv->be.check_rx_fcs;
	enum lan8720_rx_verdict v;
	bool accepted = false;

	if (skb_linearize(skb)) {
		v = LAN8720_RX_TRUNCATED;
	} else {
		v = lan8720_rx_check(skb->data, skb->len, status, has_fcs,
				     READ_ONCE(priv->rx_max));
	}
	if (v == LAN8720_RX_GOOD) {
		if (has_fcs)
			__skb_trim(skb, skb->len - ETH_FCS_LEN);
		accepted = lan8720_rx_filter(priv, skb);
	}
	lan8720_count_rx(priv, v, skb, accepted);

	if (accepted)
		ethbus_rx(priv->eb, skb);
	else if (v == LAN8720_RX_GOOD)
		consume_skb(skb);
	else
		kfree_skb(skb);
}

static void lan8720_rx_service(struct lan8720_priv *priv)
{
	enum lan8720_mac_rx_status status;
	struct sk_buff *skb;

	while (ethbus_rx_room(priv->eb)) {
		status = LAN8720_MAC_RX_OK;
		skb = priv->be.ops->rx(priv->be.priv, &status);
		if (!skb)
			return;
		lan8720_rx_frame(priv, skb, status);
	}
}

/**
 * lan8720_service() - &ethbus_ops.service: all backend work
 * @ctx: the port
 *
 * Context: the bus context; may sleep. Link change first, so no frame goes
 * out at a stale speed, then transmit, then receive.
 */
static void lan8720_service(void *ctx)
{
	struct lan8720_priv *priv = ctx;

	if (!priv->enabled)
		return;
	lan8720_link_apply(priv);
	lan8720_tx_service(priv);
	lan8720_rx_service(priv);
}

const struct ethbus_ops lan8720_ethbus_ops = {
	.service = lan8720_service,
};

/**
 * lan8720_mac_set_coalesce() - program the receive interrupt moderation
 * @arg: the port
 *
 * Run through ethbus_call(), or from the bus context. A disabled backend
 * gets it when it is next enabled.
 *
 * Return: 0 or the backend's error.
 */
int lan8720_mac_set_coalesce(void *arg)
{
	struct lan8720_priv *priv = arg;

	if (!priv->enabled || !priv->be.ops->set_coalesce)
		return 0;
	return priv->be.ops->set_coalesce(priv->be.priv, &priv->coal);
}

/**
 * lan8720_mac_enable() - enable the backend, run through ethbus_call()
 * @arg: the port
 *
 * Return: 0 or the backend's error; the backend is left disabled then.
 */
static int lan8720_mac_enable(void *arg)
{
	struct lan8720_priv *priv = arg;
	int ret;

	ret = priv->be.ops->enable(priv->be.priv, &lan8720_host_ops, priv);
	if (ret)
		return ret;
	priv->enabled = true;

	ret = lan8720_mac_set_coalesce(priv);
	if (ret) {
		priv->enabled = false;
		priv->be.ops->disable(priv->be.priv);
	}
	return ret;
}

/**
 * lan8720_mac_disable() - disable the backend, run through ethbus_call()
 * @arg: the port
 *
 * The backend gives back the frames it holds before it returns.
 *
 * Return: 0.
 */
static int lan8720_mac_disable(void *arg)
{
	struct lan8720_priv *priv = arg;

	if (priv->enabled) {
		priv->enabled = false;
		priv->be.ops->disable(priv->be.priv);
	}
	return 0;
}

/* ---- net_device ops ---- */

/**
 * lan8720_open() - ndo_open: attach the PHY, enable the MAC, start
 * @ndev: the port's net_device
 *
 * Return: 0 or a negative errno; nothing is left enabled on failure.
 */
static int lan8720_open(struct net_device *ndev)
{
	struct lan8720_priv *priv = netdev_priv(ndev);
	int ret;

	ret = lan8720_phy_connect(priv);
	if (ret)
		return ret;

	ret = ethbus_call(priv->eb, lan8720_mac_enable, priv);
	if (ret) {
		netdev_err(ndev, "cannot enable the MAC backend: %pe\n",
			   ERR_PTR(ret));
		goto err_disconnect_phy;
	}

	ret = ethbus_start(priv->eb);
	if (ret)
		goto err_disable_mac;

	phy_start(ndev->phydev);
	return 0;

err_disable_mac:
	ethbus_call(priv->eb, lan8720_mac_disable, priv);
err_disconnect_phy:
	lan8720_phy_disconnect(priv);
	return ret;
}

/**
 * lan8720_stop() - ndo_stop: the mirror image of lan8720_open()
 * @ndev: the port's net_device
 *
 * Return: 0.
 */
static int lan8720_stop(struct net_device *ndev)
{
	struct lan8720_priv *priv = netdev_priv(ndev);

	phy_stop(ndev->phydev);
	ethbus_stop(priv->eb);
	/* Gives back the frames the backend holds; ethbus frees them. */
	ethbus_call(priv->eb, lan8720_mac_disable, priv);
	lan8720_phy_disconnect(priv);
	return 0;
}

/**
 * lan8720_start_xmit() - ndo_start_xmit: pad, add the FCS, hand off
 * @skb: the frame
 * @ndev: the port's net_device
 *
 * Frames the MAC cannot send, or cannot be padded for lack of memory, are
 * dropped and counted.
 *
 * Return: NETDEV_TX_OK.
 */
static netdev_tx_t lan8720_start_xmit(struct sk_buff *skb,
				      struct net_device *ndev)
{
	struct lan8720_priv *priv = netdev_priv(ndev);

	if (unlikely(skb->len > priv->be.max_frame_len)) {
		atomic64_inc(&priv->tx_stats.oversize);
		goto drop;
	}
	if (unlikely(lan8720_tx_prepare(skb, !priv->be.gen_tx_fcs))) {
		atomic64_inc(&priv->tx_stats.nomem);
		goto drop;
	}
	return ethbus_start_xmit(skb, ndev);

drop:
	dev_kfree_skb_any(skb);
	return NETDEV_TX_OK;
}

/**
 * lan8720_get_stats64() - ndo_get_stats64: ethbus's counters and ours
 * @ndev: the port's net_device
 * @stats: filled in
 */
static void lan8720_get_stats64(struct net_device *ndev,
				struct rtnl_link_stats64 *stats)
{
	struct lan8720_priv *priv = netdev_priv(ndev);
	struct lan8720_snapshot s;
	const u64 *rx = s.rx;

	ethbus_get_stats64(ndev, stats);
	lan8720_snapshot(priv, &s);

	stats->rx_crc_errors = rx[LAN8720_RX_CRC];
	stats->rx_length_errors = s.rx_length_errors;
	stats->rx_frame_errors = rx[LAN8720_RX_ALIGN] + rx[LAN8720_RX_SYMBOL] +
				 rx[LAN8720_RX_BAD_STATUS];
	stats->rx_fifo_errors = s.hw.rx_overruns;
	stats->rx_errors = stats->rx_crc_errors + stats->rx_length_errors +
			   stats->rx_frame_errors + stats->rx_fifo_errors;
	stats->multicast = s.rx_multicast;

	stats->tx_dropped += s.tx.oversize + s.tx.nomem;
	stats->tx_carrier_errors = s.tx.no_carrier;
	stats->tx_aborted_errors = s.tx.excess_collisions;
	stats->tx_window_errors = s.tx.late_collisions;
	stats->tx_fifo_errors = s.tx.underruns;
	stats->collisions = s.hw.tx_single_collisions +
			    s.hw.tx_multiple_collisions;
}

/**
 * lan8720_filter_set_own() - copy the station address into the filter
 * @priv: the port
 *
 * The bus context filters without RTNL, so it reads this copy.
 */
void lan8720_filter_set_own(struct lan8720_priv *priv)
{
	spin_lock_bh(&priv->filter_lock);
	ether_addr_copy(priv->filter.own, priv->ndev->dev_addr);
	spin_unlock_bh(&priv->filter_lock);
}

/**
 * lan8720_set_mac_address() - ndo_set_mac_address, also while up
 * @ndev: the port's net_device
 * @addr: a struct sockaddr with the new address
 *
 * Return: 0, or -EADDRNOTAVAIL for a multicast or zero address.
 */
static int lan8720_set_mac_address(struct net_device *ndev, void *addr)
{
	int ret;

	ret = eth_mac_addr(ndev, addr);
	if (ret)
		return ret;
	lan8720_filter_set_own(netdev_priv(ndev));
	return 0;
}

/**
 * lan8720_change_mtu() - ndo_change_mtu; the core checked the range
 * @ndev: the port's net_device
 * @new_mtu: the new MTU
 *
 * Return: 0.
 */
static int lan8720_change_mtu(struct net_device *ndev, int new_mtu)
{
	struct lan8720_priv *priv = netdev_priv(ndev);

	WRITE_ONCE(ndev->mtu, new_mtu);
	WRITE_ONCE(priv->rx_max,
		   lan8720_rx_limit(new_mtu, priv->be.max_frame_len));
	return 0;
}

/**
 * lan8720_set_rx_mode() - ndo_set_rx_mode: rebuild the software filter
 * @ndev: the port's net_device
 *
 * Context: atomic (the address list lock is held).
 */
static void lan8720_set_rx_mode(struct net_device *ndev)
{
	struct lan8720_priv *priv = netdev_priv(ndev);
	struct lan8720_filter *f = &priv->filter;
	struct netdev_hw_addr *ha;

	spin_lock_bh(&priv->filter_lock);
	f->promisc = ndev->flags & IFF_PROMISC;
	f->allmulti = (ndev->flags & IFF_ALLMULTI) ||
		      netdev_mc_count(ndev) > LAN8720_MC_MAX;
	f->mc_count = 0;
	if (!f->allmulti) {
		netdev_for_each_mc_addr(ha, ndev)
			ether_addr_copy(f->mc[f->mc_count++], ha->addr);
	}
	spin_unlock_bh(&priv->filter_lock);
}

/**
 * lan8720_tx_timeout() - ndo_tx_timeout: report and kick the bus context
 * @ndev: the port's net_device
 * @txqueue: the stuck queue (there is one)
 */
static void lan8720_tx_timeout(struct net_device *ndev, unsigned int txqueue)
{
	struct lan8720_priv *priv = netdev_priv(ndev);

	atomic64_inc(&priv->tx_stats.timeouts);
	ethbus_fault(priv->eb, -ETIMEDOUT, "transmit");
	ethbus_kick(priv->eb);
}

const struct net_device_ops lan8720_netdev_ops = {
	.ndo_open = lan8720_open,
	.ndo_stop = lan8720_stop,
	.ndo_start_xmit = lan8720_start_xmit,
	.ndo_get_stats64 = lan8720_get_stats64,
	.ndo_set_mac_address = lan8720_set_mac_address,
	.ndo_change_mtu = lan8720_change_mtu,
	.ndo_set_rx_mode = lan8720_set_rx_mode,
	.ndo_validate_addr = eth_validate_addr,
	.ndo_tx_timeout = lan8720_tx_timeout,
	.ndo_eth_ioctl = phy_do_ioctl_running,
};
