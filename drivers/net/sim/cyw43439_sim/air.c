// SPDX-License-Identifier: GPL-2.0
/* cyw43439_sim: the "air": AP LAN-side netdev cywsim%d and its data path. */

#include <linux/etherdevice.h>
#include <linux/kernel.h>
#include <linux/netdevice.h>
#include <linux/skbuff.h>

#include "cywsim.h"
#include "cywsim_plat.h"

#define CYWSIM_AIR_TXQ_MAX	256

/**
 * cywsim_air_from_host() - a station frame leaves through the AP
 * @chip: the chip
 * @skb: Ethernet frame; consumed
 */
void cywsim_air_from_host(struct cywsim_chip *chip, struct sk_buff *skb)
{
	cywsim_count(chip, CYWSIM_C_AIR_TX);
	WRITE_ONCE(chip->air_last, ktime_get());
	if (chip->hooks && chip->hooks->air_rx)
		chip->hooks->air_rx(chip->priv, skb);
	else
		kfree_skb(skb);
}

static bool cywsim_air_for_station(struct cywsim_chip *chip,
				   const struct sk_buff *skb)
{
	const u8 *dst = skb->data;

	return is_multicast_ether_addr(dst) ||
	       ether_addr_equal(dst, chip->mac);
}

/**
 * cywsim_air_xmit() - the AP sends a frame to the station (host)
 * @chip: the chip
 * @skb: Ethernet frame; consumed
 *
 * Delivered on the data channel with a BDC header (and rx_signal_words
 * of signal padding), only while associated and keyed.
 */
void cywsim_air_xmit(struct cywsim_chip *chip, struct sk_buff *skb)
{
	u8 words = min_t(u32, READ_ONCE(chip->k.rx_signal_words), 8);
	bool ok = chip->join == CYWSIM_J_JOINED &&
		  (chip->cur_bss.sec == CYWSIM_SEC_OPEN || chip->keyed);
	struct sk_buff *out;

	if (!ok || skb->len < ETH_HLEN || !cywsim_air_for_station(chip, skb)) {
		cywsim_count(chip, CYWSIM_C_AIR_DROP);
		goto out_free;
	}
	out = cywsim_bdc_alloc(skb->len, skb->priority, words);
	if (!out)
		goto out_free;
	skb_copy_bits(skb, 0, skb_put(out, skb->len), skb->len);
	if (!cywsim_to_host(chip, CYWSIM_CHAN_DATA, out))
		cywsim_count(chip, CYWSIM_C_AIR_RX);
out_free:
	consume_skb(skb);
}

/**
 * cywsim_air_work() - move frames queued by ndo_start_xmit to the chip
 * @work: &cywsim_chip.air_work
 */
void cywsim_air_work(struct work_struct *work)
{
	struct cywsim_chip *chip = container_of(to_delayed_work(work),
						struct cywsim_chip, air_work);
	struct sk_buff *skb;

	mutex_lock(&chip->lock);
	cywsim_advance(chip);
	while ((skb = skb_dequeue(&chip->air_txq)))
		cywsim_air_xmit(chip, skb);
	WRITE_ONCE(chip->air_last, ktime_get());
	mutex_unlock(&chip->lock);
}

/*
 * Power save only matters with the pacing model on: the AP then holds
 * frames for a dozing station about a beacon interval. PM1 always dozes,
 * PM2 only after pm2_sleep_ret ms without traffic (§8.3).
 */
static unsigned long cywsim_air_ps_delay(struct cywsim_chip *chip)
{
	u32 pm = READ_ONCE(chip->pm), ret_ms;

	if (!READ_ONCE(chip->k.pacing) || !pm)
		return 0;
	ret_ms = READ_ONCE(chip->iov[CYWSIM_IOV_PM2_SLEEP_RET]);
	if (pm == 2 && !cywsim_elapsed(READ_ONCE(chip->air_last),
				       (u64)ret_ms * NSEC_PER_MSEC))
		return 0;
	return msecs_to_jiffies(READ_ONCE(chip->k.ps_delay_ms));
}

/**
 * struct cywsim_air - private data of the cywsim%d netdev
 * @chip: the chip whose AP this is
 */
struct cywsim_air {
	struct cywsim_chip *chip;
};

static netdev_tx_t cywsim_air_start_xmit(struct sk_buff *skb,
					 struct net_device *ndev)
{
	struct cywsim_air *air = netdev_priv(ndev);
	struct cywsim_chip *chip = air->chip;

	if (skb_queue_len(&chip->air_txq) >= CYWSIM_AIR_TXQ_MAX ||
	    READ_ONCE(chip->dying)) {
		ndev->stats.tx_dropped++;
		dev_kfree_skb_any(skb);
		return NETDEV_TX_OK;
	}
	ndev->stats.tx_packets++;
	ndev->stats.tx_bytes += skb->len;
	skb_queue_tail(&chip->air_txq, skb);
	queue_delayed_work(chip->wq, &chip->air_work,
			   cywsim_air_ps_delay(chip));
	return NETDEV_TX_OK;
}

static const struct net_device_ops cywsim_air_ops = {
	.ndo_start_xmit = cywsim_air_start_xmit,
	.ndo_set_mac_address = eth_mac_addr,
	.ndo_validate_addr = eth_validate_addr,
};

/**
 * cywsim_air_deliver() - hand a frame from the station to the stack
 * @ndev: the cywsim%d netdev
 * @skb: Ethernet frame; consumed
 */
void cywsim_air_deliver(struct net_device *ndev, struct sk_buff *skb)
{
	skb->protocol = eth_type_trans(skb, ndev);
	ndev->stats.rx_packets++;
	ndev->stats.rx_bytes += skb->len + ETH_HLEN;
	netif_rx(skb);
}

/**
 * cywsim_air_carrier() - carrier follows the station's association
 * @ndev: the cywsim%d netdev
 * @up: associated and keyed
 */
void cywsim_air_carrier(struct net_device *ndev, bool up)
{
	if (up)
		netif_carrier_on(ndev);
	else
		netif_carrier_off(ndev);
}

static void cywsim_air_setup(struct net_device *ndev)
{
	ether_setup(ndev);
	ndev->netdev_ops = &cywsim_air_ops;
	ndev->needs_free_netdev = false;
}

/**
 * cywsim_air_create() - register the cywsim%d netdev of @chip
 * @chip: the chip
 * @parent: device to parent it under
 *
 * Return: the netdev or an ERR_PTR().
 */
struct net_device *cywsim_air_create(struct cywsim_chip *chip,
				     struct device *parent)
{
	struct net_device *ndev;
	struct cywsim_air *air;
	int ret;

	ndev = alloc_netdev(sizeof(*air), "cywsim%d", NET_NAME_ENUM,
			    cywsim_air_setup);
	if (!ndev)
		return ERR_PTR(-ENOMEM);
	air = netdev_priv(ndev);
	air->chip = chip;
	SET_NETDEV_DEV(ndev, parent);
	eth_hw_addr_random(ndev);
	netif_carrier_off(ndev);
	ret = register_netdev(ndev);
	if (ret) {
		free_netdev(ndev);
		return ERR_PTR(ret);
	}
	return ndev;
}

/**
 * cywsim_air_destroy() - unregister and free the netdev
 * @ndev: the cywsim%d netdev
 */
void cywsim_air_destroy(struct net_device *ndev)
{
	unregister_netdev(ndev);
	free_netdev(ndev);
}
