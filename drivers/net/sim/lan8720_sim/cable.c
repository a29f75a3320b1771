// SPDX-License-Identifier: GPL-2.0
/* lan8720_sim cable netdev (lansim%d): the link partner's side of the wire. */

#include <linux/etherdevice.h>
#include <linux/netdevice.h>
#include <linux/platform_device.h>
#include <linux/rtnetlink.h>

#include "lansim.h"

/* Room for jumbo frames, so tests can send giants at the MAC. */
#define LANSIM_CABLE_MAX_MTU	9000

/**
 * struct lansim_cable - netdev private data
 * @ls: the instance.
 */
struct lansim_cable {
	struct lansim *ls;
};

static struct lansim *lansim_cable_ls(struct net_device *dev)
{
	return ((struct lansim_cable *)netdev_priv(dev))->ls;
}

static int lansim_cable_open(struct net_device *dev)
{
	netif_start_queue(dev);
	return 0;
}

static int lansim_cable_stop(struct net_device *dev)
{
	netif_stop_queue(dev);
	return 0;
}

static netdev_tx_t lansim_cable_xmit(struct sk_buff *skb,
				     struct net_device *dev)
{
	lansim_wire_partner_xmit(&lansim_cable_ls(dev)->wire, skb);
	return NETDEV_TX_OK;
}

static void lansim_cable_get_stats64(struct net_device *dev,
				     struct rtnl_link_stats64 *st)
{
	struct lansim_stats *s = &lansim_cable_ls(dev)->wire.stats;
	unsigned int start;

	do {
		start = u64_stats_fetch_begin(&s->syncp);
		st->tx_packets = u64_stats_read(&s->p_tx_frames);
		st->tx_bytes = u64_stats_read(&s->p_tx_bytes);
		st->tx_carrier_errors = u64_stats_read(&s->p_tx_carrier);
		st->tx_aborted_errors = u64_stats_read(&s->p_tx_aborted);
		st->tx_errors = st->tx_carrier_errors + st->tx_aborted_errors +
				u64_stats_read(&s->p_tx_errors);
		st->collisions = u64_stats_read(&s->collisions);
		st->rx_packets = u64_stats_read(&s->p_rx_frames);
		st->rx_bytes = u64_stats_read(&s->p_rx_bytes);
		st->rx_crc_errors = u64_stats_read(&s->p_rx_crc);
		st->rx_errors = st->rx_crc_errors;
		st->rx_dropped = u64_stats_read(&s->p_rx_dropped);
	} while (u64_stats_fetch_retry(&s->syncp, start));
}

static const struct net_device_ops lansim_cable_ops = {
	.ndo_open = lansim_cable_open,
	.ndo_stop = lansim_cable_stop,
	.ndo_start_xmit = lansim_cable_xmit,
	.ndo_get_stats64 = lansim_cable_get_stats64,
	.ndo_set_mac_address = eth_mac_addr,
	.ndo_validate_addr = eth_validate_addr,
};

static void lansim_cable_setup(struct net_device *dev)
{
	ether_setup(dev);
	dev->netdev_ops = &lansim_cable_ops;
	dev->max_mtu = LANSIM_CABLE_MAX_MTU;
	dev->priv_flags |= IFF_LIVE_ADDR_CHANGE;
	dev->tx_queue_len = 1000;
}

/**
 * lansim_cable_rx() - a good frame reaches the link partner's stack
 * @ls: the instance
 * @skb: the frame with its FCS, already checked and counted by the
 *	wire; consumed
 */
void lansim_cable_rx(struct lansim *ls, struct sk_buff *skb)
{
	struct net_device *dev = ls->cable;
	struct lansim_stats *s = &ls->wire.stats;

	if (unlikely(!(dev->flags & IFF_UP))) {
		spin_lock_bh(&ls->wire.lock);
		u64_stats_update_begin(&s->syncp);
		u64_stats_inc(&s->p_rx_dropped);
		u64_stats_update_end(&s->syncp);
		spin_unlock_bh(&ls->wire.lock);
		kfree_skb(skb);
		return;
	}

	skb_trim(skb, skb->len - ETH_FCS_LEN);
	memset(skb->cb, 0, sizeof(skb->cb));
	skb->protocol = eth_type_trans(skb, dev);
	netif_rx(skb);
}

/**
 * lansim_cable_wake() - the partner's transmit queue has room again
 * @ls: the instance
 */
void lansim_cable_wake(struct lansim *ls)
{
	if (netif_queue_stopped(ls->cable) && netif_running(ls->cable))
		netif_wake_queue(ls->cable);
}

/**
 * lansim_cable_carrier() - the partner sees the link come or go
 * @ls: the instance
 * @up: link up
 *
 * Atomic context (called under the PHY lock).
 */
void lansim_cable_carrier(struct lansim *ls, bool up)
{
	if (up)
		netif_carrier_on(ls->cable);
	else
		netif_carrier_off(ls->cable);
}

/**
 * lansim_cable_alloc() - allocate the partner netdev (not registered)
 * @ls: the instance
 *
 * Return: the netdev or NULL.
 */
struct net_device *lansim_cable_alloc(struct lansim *ls)
{
	struct net_device *dev;

	dev = alloc_netdev(sizeof(struct lansim_cable), "lansim%d",
			   NET_NAME_ENUM, lansim_cable_setup);
	if (!dev)
		return NULL;
	((struct lansim_cable *)netdev_priv(dev))->ls = ls;
	SET_NETDEV_DEV(dev, &ls->pdev->dev);
	eth_hw_addr_random(dev);
	netif_carrier_off(dev);
	ls->cable = dev;
	return dev;
}

/**
 * lansim_cable_register() - register the partner netdev
 * @ls: the instance
 *
 * Return: 0 or a negative errno.
 */
int lansim_cable_register(struct lansim *ls)
{
	return register_netdev(ls->cable);
}

/**
 * lansim_cable_unregister() - unregister the partner netdev
 * @ls: the instance
 */
void lansim_cable_unregister(struct lansim *ls)
{
	unregister_netdev(ls->cable);
}

/**
 * lansim_cable_free() - free the partner netdev
 * @ls: the instance
 */
void lansim_cable_free(struct lansim *ls)
{
	free_netdev(ls->cable);
	ls->cable = NULL;
}
