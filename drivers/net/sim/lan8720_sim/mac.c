// SPDX-License-Identifier: GPL-2.0
/* lan8720_sim MAC backend: the lan8720_mac_ops and the "lan8720-mac" device. */

#include <linux/err.h>
#include <linux/ethtool.h>
#include <linux/etherdevice.h>
#include <linux/interrupt.h>
#include <linux/platform_device.h>
#include <linux/property.h>
#include <linux/skbuff.h>

#include "lansim.h"

/**
 * lansim_mac_enable() - &lan8720_mac_ops.enable
 * @priv: the instance
 * @host: driver callbacks
 * @ctx: their argument
 *
 * Return: 0, or -EBUSY if already enabled.
 */
static int lansim_mac_enable(void *priv, const struct lan8720_mac_host_ops *host,
			     void *ctx)
{
	struct lansim_wire *w = &((struct lansim *)priv)->wire;
	int ret = 0;

	spin_lock_bh(&w->lock);
	if (w->enabled) {
		ret = -EBUSY;
	} else {
		w->host_ctx = ctx;
		/* Last: the interrupt handler reads it without the lock. */
		smp_store_release(&w->host, host);
		w->enabled = true;
		w->mac_up = false;
		/* Moderation starts off, as after a reset. */
		w->coal = (struct lan8720_mac_coalesce){ .rx_max_frames = 1 };
		lansim_wire_rx_rearm(w);
		w->tx_busy = false;
	}
	spin_unlock_bh(&w->lock);
	return ret;
}

/**
 * lansim_mac_disable() - &lan8720_mac_ops.disable
 * @priv: the instance
 *
 * Takes every MAC frame off the wire and the TX FIFO, drops the RX FIFO,
 * waits for a wire timer that may be calling the driver, then returns
 * the frames with %LAN8720_MAC_TX_ABORTED in the order they were taken.
 */
static void lansim_mac_disable(void *priv)
{
	struct lansim_wire *w = &((struct lansim *)priv)->wire;
	const struct lan8720_mac_host_ops *host;
	struct sk_buff_head flush, drop;
	struct sk_buff *skb;
	void *ctx;

	__skb_queue_head_init(&flush);
	__skb_queue_head_init(&drop);

	spin_lock_bh(&w->lock);
	if (!w->enabled) {
		spin_unlock_bh(&w->lock);
		return;
	}
	w->enabled = false;
	w->mac_up = false;
	if (w->cur[LANSIM_DIR_TX]) {
		__skb_queue_tail(&flush, w->cur[LANSIM_DIR_TX]);
		w->cur[LANSIM_DIR_TX] = NULL;
	}
	skb_queue_splice_tail_init(&w->txq, &flush);
	skb_queue_splice_init(&w->rxq, &drop);
	w->tx_bytes = 0;
	w->rx_bytes = 0;
	host = w->host;
	ctx = w->host_ctx;
	WRITE_ONCE(w->host, NULL);
	spin_unlock_bh(&w->lock);

	/* A timer run that took frames before we did may still be calling
	 * @host, or raising the interrupt; wait for both (an interrupt still
	 * pending finds @host gone), then let the partner's traffic go on.
	 */
	hrtimer_cancel(&w->timer);
	if (w->irq)
		synchronize_irq(w->irq);
	spin_lock_bh(&w->lock);
	w->timer_armed = false;
	lansim_wire_kick(w);
	spin_unlock_bh(&w->lock);

	while ((skb = __skb_dequeue(&flush))) {
		u64_stats_update_begin(&w->stats.syncp);
		u64_stats_inc(&w->stats.mac_tx_aborted);
		u64_stats_update_end(&w->stats.syncp);
		host->tx_done(ctx, LANSIM_CB(skb)->orig,
			      LAN8720_MAC_TX_ABORTED);
		consume_skb(skb);
	}
	__skb_queue_purge(&drop);
}

/**
 * lansim_mac_set_link() - &lan8720_mac_ops.set_link
 * @priv: the instance
 * @up: link up
 * @speed: SPEED_10 or SPEED_100
 * @duplex: DUPLEX_HALF or DUPLEX_FULL
 *
 * The wire paces at the PHY's speed; a MAC programmed for another speed
 * garbles every frame, as an RMII MAC sampling at the wrong rate would.
 *
 * Return: 0, or -EINVAL for a mode a 10/100 MAC cannot do.
 */
static int lansim_mac_set_link(void *priv, bool up, int speed, int duplex)
{
	struct lansim_wire *w = &((struct lansim *)priv)->wire;

	if (up && ((speed != SPEED_10 && speed != SPEED_100) ||
		   (duplex != DUPLEX_HALF && duplex != DUPLEX_FULL)))
		return -EINVAL;

	spin_lock_bh(&w->lock);
	w->mac_up = up;
	if (up) {
		w->mac_speed = speed;
		w->mac_full = duplex == DUPLEX_FULL;
	}
	lansim_wire_kick(w);
	spin_unlock_bh(&w->lock);
	return 0;
}

/* The wire's handle on a MAC frame: it needs its own cb, not its own
 * data, so a clone; a copy only when the backend appends the FCS.
 */
static struct sk_buff *lansim_mac_wire_frame(struct lansim_wire *w,
					     struct sk_buff *skb)
{
	struct sk_buff *wskb;

	if (w->gen_tx_fcs) {
		wskb = skb_copy_expand(skb, 0, ETH_FCS_LEN, GFP_KERNEL);
		if (wskb) {
			skb_put(wskb, ETH_FCS_LEN);
			lansim_fcs_append(wskb->data, skb->len);
		}
	} else {
		wskb = skb_clone(skb, GFP_KERNEL);
	}
	if (!wskb)
		return NULL;
	memset(wskb->cb, 0, sizeof(wskb->cb));
	LANSIM_CB(wskb)->orig = skb;
	return wskb;
}

/**
 * lansim_mac_xmit() - &lan8720_mac_ops.xmit
 * @priv: the instance
 * @skb: frame from the driver
 *
 * Return: 0 when taken, -EBUSY when the TX FIFO is full, -EINVAL or
 * -EMSGSIZE for a frame the MAC cannot send, -ENETDOWN when disabled,
 * -ENOMEM.
 */
static int lansim_mac_xmit(void *priv, struct sk_buff *skb)
{
	struct lansim_wire *w = &((struct lansim *)priv)->wire;
	unsigned int fcs = w->gen_tx_fcs ? 0 : ETH_FCS_LEN;
	struct sk_buff *wskb;

	if (skb_is_nonlinear(skb) || skb->len < ETH_ZLEN + fcs)
		return -EINVAL;
	if (skb->len > w->max_frame_len + fcs)
		return -EMSGSIZE;

	spin_lock_bh(&w->lock);
	if (w->tx_bytes && w->tx_bytes + skb->len > w->tx_fifo_bytes) {
		w->tx_busy = true;
		spin_unlock_bh(&w->lock);
		return -EBUSY;
	}
	spin_unlock_bh(&w->lock);

	wskb = lansim_mac_wire_frame(w, skb);
	if (!wskb)
		return -ENOMEM;

	spin_lock_bh(&w->lock);
	if (!w->enabled) {
		spin_unlock_bh(&w->lock);
		kfree_skb(wskb);
		return -ENETDOWN;
	}
	LANSIM_CB(wskb)->enq = ktime_get();
	__skb_queue_tail(&w->txq, wskb);
	w->tx_bytes += skb->len;
	lansim_wire_schedule(w);
	spin_unlock_bh(&w->lock);
	return 0;
}

/**
 * lansim_mac_rx() - &lan8720_mac_ops.rx
 * @priv: the instance
 * @status: where to store the frame's status
 *
 * Return: the oldest received frame, or NULL (which re-arms the irq).
 */
static struct sk_buff *lansim_mac_rx(void *priv,
				     enum lan8720_mac_rx_status *status)
{
	struct lansim_wire *w = &((struct lansim *)priv)->wire;
	struct sk_buff *skb;

	spin_lock_bh(&w->lock);
	skb = __skb_dequeue(&w->rxq);
	if (!skb) {
		lansim_wire_rx_rearm(w);
		spin_unlock_bh(&w->lock);
		return NULL;
	}
	w->rx_bytes -= skb->len;
	*status = LANSIM_CB(skb)->status;
	spin_unlock_bh(&w->lock);

	memset(skb->cb, 0, sizeof(skb->cb));
	return skb;
}

/**
 * lansim_mac_get_counters() - &lan8720_mac_ops.get_counters
 * @priv: the instance
 * @c: filled in; lockless, any context
 */
static void lansim_mac_get_counters(void *priv, struct lan8720_mac_counters *c)
{
	struct lansim_stats *s = &((struct lansim *)priv)->wire.stats;
	unsigned int start;

	do {
		start = u64_stats_fetch_begin(&s->syncp);
		c->rx_overruns = u64_stats_read(&s->mac[LANSIM_MAC_RX_OVERRUNS]);
		c->tx_single_collisions =
			u64_stats_read(&s->mac[LANSIM_MAC_TX_SINGLE_COL]);
		c->tx_multiple_collisions =
			u64_stats_read(&s->mac[LANSIM_MAC_TX_MULTI_COL]);
		c->tx_deferred = u64_stats_read(&s->mac[LANSIM_MAC_TX_DEFERRED]);
	} while (u64_stats_fetch_retry(&s->syncp, start));
}

/**
 * lansim_mac_set_coalesce() - &lan8720_mac_ops.set_coalesce
 * @priv: the instance
 * @c: the moderation; up to LANSIM_COAL_USECS_MAX microseconds and
 *	LANSIM_COAL_FRAMES_MAX frames, not both 0
 *
 * Frames already waiting for their interrupt get it at the next look at
 * the wire if the new limits say so.
 *
 * Return: 0, or -EINVAL for values the MAC cannot take.
 */
static int lansim_mac_set_coalesce(void *priv,
				   const struct lan8720_mac_coalesce *c)
{
	struct lansim_wire *w = &((struct lansim *)priv)->wire;

	if (c->rx_usecs > LANSIM_COAL_USECS_MAX ||
	    c->rx_max_frames > LANSIM_COAL_FRAMES_MAX ||
	    (!c->rx_usecs && !c->rx_max_frames))
		return -EINVAL;

	spin_lock_bh(&w->lock);
	w->coal = *c;
	if (w->rx_unsignalled) {
		w->rx_irq_at = ktime_get();
		lansim_wire_kick(w);
	}
	spin_unlock_bh(&w->lock);
	return 0;
}

const struct lan8720_mac_ops lansim_mac_ops = {
	.enable = lansim_mac_enable,
	.disable = lansim_mac_disable,
	.set_link = lansim_mac_set_link,
	.xmit = lansim_mac_xmit,
	.rx = lansim_mac_rx,
	.get_counters = lansim_mac_get_counters,
	.set_coalesce = lansim_mac_set_coalesce,
};
EXPORT_SYMBOL_IF_KUNIT(lansim_mac_ops);

/**
 * lansim_mac_isr() - the MAC's interrupt handler: tell the driver
 * @irq: the MAC's line
 * @data: the wire
 *
 * Return: IRQ_HANDLED.
 */
static irqreturn_t lansim_mac_isr(int irq, void *data)
{
	struct lansim_wire *w = data;
	const struct lan8720_mac_host_ops *host;

	/* Pairs with lansim_mac_enable(): @host_ctx is set before @host. */
	host = smp_load_acquire(&w->host);
	if (host)
		host->irq(w->host_ctx);
	return IRQ_HANDLED;
}

/**
 * lansim_mac_register() - create the device the lan8720 driver binds to
 * @ls: the instance; its PHY device is registered, its interrupts mapped
 * @cfg: instance configuration
 *
 * Per include/lan8720_mac.h: a platform device named
 * LAN8720_MAC_DEV_NAME, platform data a &struct lan8720_mac_backend,
 * device properties "phy-handle" (the PHY's software node),
 * "phy-mode" and, unless disabled, "local-mac-address". First the MAC's
 * own interrupt line is requested ("lansim-N-mac" in /proc/interrupts):
 * its handler is what calls the driver's irq callback.
 *
 * Return: 0 or a negative errno.
 */
int lansim_mac_register(struct lansim *ls, const struct lansim_config *cfg)
{
	const struct software_node *phy = to_software_node(ls->phy_node);
	struct property_entry props[] = {
		PROPERTY_ENTRY_REF("phy-handle", phy),
		PROPERTY_ENTRY_STRING("phy-mode", "rmii"),
		PROPERTY_ENTRY_U8_ARRAY("local-mac-address", ls->mac_addr),
		{ }
	};
	struct platform_device_info info = {
		.parent = &ls->pdev->dev,
		.name = LAN8720_MAC_DEV_NAME,
		.id = ls->id,
		.data = &ls->backend,
		.size_data = sizeof(ls->backend),
		.properties = props,
	};
	struct platform_device *pdev;
	int ret;

	if (!cfg->mac_addr)
		memset(&props[2], 0, sizeof(props[2]));

	ls->backend = (struct lan8720_mac_backend) {
		.ops = &lansim_mac_ops,
		.priv = ls,
		.max_frame_len = cfg->max_frame_len,
		.gen_tx_fcs = cfg->hw_fcs,
		.check_rx_fcs = cfg->hw_fcs,
		.coalesce_usecs_max = LANSIM_COAL_USECS_MAX,
		.coalesce_frames_max = LANSIM_COAL_FRAMES_MAX,
	};

	snprintf(ls->wire.irq_name, sizeof(ls->wire.irq_name), "lansim-%d-mac",
		 ls->id);
	ret = request_irq(ls->wire.irq, lansim_mac_isr, 0, ls->wire.irq_name,
			  &ls->wire);
	if (ret)
		return ret;

	pdev = platform_device_register_full(&info);
	if (IS_ERR(pdev)) {
		ret = PTR_ERR(pdev);
		goto err_free_irq;
	}
	ls->mac_pdev = pdev;
	return 0;

err_free_irq:
	free_irq(ls->wire.irq, &ls->wire);
	return ret;
}

/**
 * lansim_mac_unregister() - remove the MAC device (unbinds the driver,
 * which disables the backend first)
 * @ls: the instance
 */
void lansim_mac_unregister(struct lansim *ls)
{
	platform_device_unregister(ls->mac_pdev);
	ls->mac_pdev = NULL;
	free_irq(ls->wire.irq, &ls->wire);
}
