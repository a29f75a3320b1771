// SPDX-License-Identifier: GPL-2.0
/* ethbus data path: RX hand-off into NAPI, TX hand-off with BQL, reaping. */

#include <linux/etherdevice.h>
#include <linux/interrupt.h>

#include "ethbus_priv.h"

/**
 * ethbus_napi_kick() - schedule the NAPI poll from any context
 * @eb: the ethbus
 *
 * From process context the softirq must run when bottom halves are enabled
 * again, not at some later interrupt, so wrap the call.
 */
void ethbus_napi_kick(struct ethbus *eb)
{
	if (in_interrupt() || irqs_disabled()) {
		napi_schedule(&eb->napi);
		return;
	}
	local_bh_disable();
	napi_schedule(&eb->napi);
	local_bh_enable();
}

static void ethbus_count_late_tx(struct ethbus *eb, struct sk_buff *skb,
				 enum ethbus_tx_result result)
{
	struct ethbus_lock_stats *st = &eb->lock_stats;

	lockdep_assert_held(&eb->lock);

	u64_stats_update_begin(&st->syncp);
	switch (result) {
	case ETHBUS_TX_SENT:
		u64_stats_inc(&st->tx_packets);
		u64_stats_add(&st->tx_bytes, ethbus_tx_cb(skb)->len);
		break;
	case ETHBUS_TX_ERROR:
		u64_stats_inc(&st->tx_errors);
		break;
	default:
		u64_stats_inc(&st->tx_dropped);
		break;
	}
	u64_stats_update_end(&st->syncp);
}

/**
 * ethbus_flush_queues() - drop every queued frame, counting it
 * @eb: the ethbus, with the data path stopped
 */
void ethbus_flush_queues(struct ethbus *eb)
{
	struct ethbus_lock_stats *st = &eb->lock_stats;
	struct sk_buff_head rxq, txq, done;
	struct sk_buff *skb;
	unsigned long flags;

	__skb_queue_head_init(&rxq);
	__skb_queue_head_init(&txq);
	__skb_queue_head_init(&done);

	spin_lock_irqsave(&eb->lock, flags);
	skb_queue_splice_init(&eb->rxq, &rxq);
	skb_queue_splice_init(&eb->txq, &txq);
	skb_queue_splice_init(&eb->tx_done, &done);

	u64_stats_update_begin(&st->syncp);
	u64_stats_add(&st->rx_dropped, skb_queue_len(&rxq));
	u64_stats_add(&st->tx_dropped, skb_queue_len(&txq));
	u64_stats_update_end(&st->syncp);
	skb_queue_walk(&done, skb)
		ethbus_count_late_tx(eb, skb, ethbus_tx_cb(skb)->result);
	spin_unlock_irqrestore(&eb->lock, flags);

	__skb_queue_purge(&rxq);
	__skb_queue_purge(&txq);
	__skb_queue_purge(&done);
}

/**
 * ethbus_rx() - hand a received frame to the stack
 * @eb: the ethbus
 * @skb: the frame, starting at the destination address, FCS removed; ethbus
 *	owns it from here
 *
 * Queues @skb for the NAPI poll, which passes it to napi_gro_receive().
 * Frames are delivered in the order they were passed in. Past twice the
 * high watermark, or when the data path is stopped, @skb is dropped and
 * counted in rx_dropped; check ethbus_rx_room() before reading the next
 * frame from the device.
 *
 * Context: any; does not sleep. Normally the service op.
 */
void ethbus_rx(struct ethbus *eb, struct sk_buff *skb)
{
	struct ethbus_lock_stats *st = &eb->lock_stats;
	unsigned long flags;
	bool queued = false;

	skb->dev = eb->ndev;

	spin_lock_irqsave(&eb->lock, flags);
	if (eb->running && skb_queue_len(&eb->rxq) < 2 * eb->rx_high) {
		__skb_queue_tail(&eb->rxq, skb);
		queued = true;
		if (!eb->rx_paused && skb_queue_len(&eb->rxq) >= eb->rx_high) {
			eb->rx_paused = true;
			atomic64_inc(&eb->rx_pauses);
		}
	} else {
		u64_stats_update_begin(&st->syncp);
		u64_stats_inc(&st->rx_dropped);
		u64_stats_update_end(&st->syncp);
	}
	spin_unlock_irqrestore(&eb->lock, flags);

	if (!queued) {
		dev_kfree_skb_any(skb);
		return;
	}
	ethbus_napi_kick(eb);
}
EXPORT_SYMBOL_GPL(ethbus_rx);

/**
 * ethbus_rx_room() - may the service op read another frame?
 * @eb: the ethbus
 *
 * False once the frames waiting for NAPI reach the high watermark, until
 * NAPI has drained them to the low watermark; then ethbus kicks the bus
 * context. Meanwhile the device buffers (or drops and counts) what arrives.
 * Also false while the data path is stopped.
 *
 * Context: any.
 * Return: true if ethbus_rx() may be called for another frame.
 */
bool ethbus_rx_room(struct ethbus *eb)
{
	return READ_ONCE(eb->running) && !READ_ONCE(eb->rx_paused);
}
EXPORT_SYMBOL_GPL(ethbus_rx_room);

static void ethbus_tx_maybe_stop(struct ethbus *eb, int inflight)
{
	if (inflight < eb->tx_max)
		return;

	netif_stop_queue(eb->ndev);
	atomic64_inc(&eb->tx_stops);
	/* Pairs with the barrier in ethbus_reap_tx(): either it sees the
	 * queue stopped, or we see its completions and wake it ourselves.
	 */
	smp_mb();
	if (atomic_read(&eb->tx_inflight) <= eb->tx_wake)
		netif_wake_queue(eb->ndev);
}

/**
 * ethbus_start_xmit() - hand a frame to the bus context (ndo_start_xmit)
 * @skb: the frame; ethbus uses its skb->cb from here until it is freed
 * @ndev: the net_device
 *
 * Accounts @skb to BQL, queues it for the service op and kicks the bus
 * context. Stops the TX queue when the frames handed off and not yet
 * completed (queued here, or held by the device) reach the limit; NAPI
 * wakes it as completions are reaped. A driver that must change the frame
 * (padding, FCS) does so before calling this; its length must not change
 * afterwards.
 *
 * Context: ndo_start_xmit (softirq or process, BH off, TX lock held).
 * Return: NETDEV_TX_OK; @skb is consumed.
 */
netdev_tx_t ethbus_start_xmit(struct sk_buff *skb, struct net_device *ndev)
{
	struct ethbus *eb = ethbus_from_netdev(ndev);
	unsigned long flags;
	int inflight;

	ethbus_tx_cb(skb)->len = skb->len;
	/* The software TX timestamp, before the bus context may free @skb */
	skb_tx_timestamp(skb);

	spin_lock_irqsave(&eb->lock, flags);
	ethbus_tx_cb(skb)->gen = eb->gen;
	if (unlikely(!eb->running)) {
		ethbus_count_late_tx(eb, skb, ETHBUS_TX_DROPPED);
		spin_unlock_irqrestore(&eb->lock, flags);
		dev_kfree_skb_any(skb);
		return NETDEV_TX_OK;
	}
	/* Account before the frame is visible to the bus context, so its
	 * completion can never be reaped before it was queued.
	 */
	netdev_sent_queue(ndev, skb->len);
	inflight = atomic_inc_return(&eb->tx_inflight);
	__skb_queue_tail(&eb->txq, skb);
	spin_unlock_irqrestore(&eb->lock, flags);

	ethbus_tx_maybe_stop(eb, inflight);
	if (!netdev_xmit_more() || netif_queue_stopped(ndev))
		ethbus_kick(eb);
	return NETDEV_TX_OK;
}
EXPORT_SYMBOL_GPL(ethbus_start_xmit);

/**
 * ethbus_tx_dequeue() - take the oldest frame waiting for the device
 * @eb: the ethbus
 *
 * The service op writes it to the device and, when the device is done with
 * it, passes it to ethbus_tx_done(); or, if the device has no room, gives
 * it back with ethbus_tx_requeue().
 *
 * Context: any; does not sleep. Normally the service op.
 * Return: the frame, or NULL if none is waiting or the data path is
 * stopped.
 */
struct sk_buff *ethbus_tx_dequeue(struct ethbus *eb)
{
	struct sk_buff *skb = NULL;
	unsigned long flags;

	spin_lock_irqsave(&eb->lock, flags);
	if (eb->running)
		skb = __skb_dequeue(&eb->txq);
	spin_unlock_irqrestore(&eb->lock, flags);
	return skb;
}
EXPORT_SYMBOL_GPL(ethbus_tx_dequeue);

/**
 * ethbus_tx_requeue() - give back a frame the device had no room for
 * @eb: the ethbus
 * @skb: the frame from ethbus_tx_dequeue(); it goes back to the head
 *
 * The frame stays in flight, so the TX queue stays stopped if it was;
 * kick (or let the device's interrupt kick) the bus context when there is
 * room. If the data path was stopped meanwhile, @skb is dropped and
 * counted.
 *
 * Context: any; does not sleep.
 */
void ethbus_tx_requeue(struct ethbus *eb, struct sk_buff *skb)
{
	unsigned long flags;

	spin_lock_irqsave(&eb->lock, flags);
	if (eb->running) {
		__skb_queue_head(&eb->txq, skb);
		skb = NULL;
	} else {
		ethbus_count_late_tx(eb, skb, ETHBUS_TX_DROPPED);
	}
	spin_unlock_irqrestore(&eb->lock, flags);

	if (skb)
		dev_kfree_skb_any(skb);
}
EXPORT_SYMBOL_GPL(ethbus_tx_requeue);

/**
 * ethbus_tx_done() - the device is done with a frame
 * @eb: the ethbus
 * @skb: a frame from ethbus_tx_dequeue(); ethbus owns it again
 * @result: how it ended
 *
 * Queues @skb for the NAPI poll, which counts it, frees it, completes it
 * for BQL and wakes the TX queue. After ethbus_stop() it is counted and
 * freed at once.
 *
 * Context: any, including hard IRQ; does not sleep.
 */
void ethbus_tx_done(struct ethbus *eb, struct sk_buff *skb,
		    enum ethbus_tx_result result)
{
	unsigned long flags;
	bool queued = false;

	ethbus_tx_cb(skb)->result = result;

	spin_lock_irqsave(&eb->lock, flags);
	if (eb->running) {
		__skb_queue_tail(&eb->tx_done, skb);
		queued = true;
	} else {
		ethbus_count_late_tx(eb, skb, result);
	}
	spin_unlock_irqrestore(&eb->lock, flags);

	if (!queued) {
		dev_kfree_skb_any(skb);
		return;
	}
	ethbus_napi_kick(eb);
}
EXPORT_SYMBOL_GPL(ethbus_tx_done);

static void ethbus_count_tx(struct ethbus *eb, unsigned int sent,
			    unsigned int bytes, unsigned int dropped,
			    unsigned int errors)
{
	struct ethbus_napi_stats *st = &eb->napi_stats;

	u64_stats_update_begin(&st->syncp);
	u64_stats_add(&st->tx_packets, sent);
	u64_stats_add(&st->tx_bytes, bytes);
	u64_stats_add(&st->tx_dropped, dropped);
	u64_stats_add(&st->tx_errors, errors);
	u64_stats_update_end(&st->syncp);
}

static void ethbus_reap_tx(struct ethbus *eb, int budget)
{
	unsigned int pkts = 0, bytes = 0, sent = 0, sent_bytes = 0;
	unsigned int dropped = 0, errors = 0;
	struct sk_buff_head done;
	struct sk_buff *skb;
	unsigned long flags;
	unsigned int gen;

	__skb_queue_head_init(&done);
	spin_lock_irqsave(&eb->lock, flags);
	skb_queue_splice_init(&eb->tx_done, &done);
	gen = eb->gen;
	spin_unlock_irqrestore(&eb->lock, flags);

	while ((skb = __skb_dequeue(&done))) {
		struct ethbus_tx_cb *cb = ethbus_tx_cb(skb);

		/* A frame from before the last stop was written off then. */
		if (cb->gen == gen) {
			pkts++;
			bytes += cb->len;
		}
		if (cb->result == ETHBUS_TX_SENT) {
			sent++;
			sent_bytes += cb->len;
		} else if (cb->result == ETHBUS_TX_ERROR) {
			errors++;
		} else {
			dropped++;
		}
		napi_consume_skb(skb, budget);
	}
	if (sent + dropped + errors)
		ethbus_count_tx(eb, sent, sent_bytes, dropped, errors);
	if (!pkts)
		return;

	netdev_completed_queue(eb->ndev, pkts, bytes);
	atomic_sub(pkts, &eb->tx_inflight);
	/* Pairs with the barrier in ethbus_tx_maybe_stop(). */
	smp_mb__after_atomic();
	if (READ_ONCE(eb->running) && netif_queue_stopped(eb->ndev) &&
	    atomic_read(&eb->tx_inflight) <= eb->tx_wake)
		netif_wake_queue(eb->ndev);
}

static int ethbus_take_rx(struct ethbus *eb, struct sk_buff_head *q,
			  int budget)
{
	unsigned long flags;
	bool resume = false;
	int n = 0;

	spin_lock_irqsave(&eb->lock, flags);
	while (n < budget && !skb_queue_empty(&eb->rxq)) {
		__skb_queue_tail(q, __skb_dequeue(&eb->rxq));
		n++;
	}
	if (eb->rx_paused && skb_queue_len(&eb->rxq) <= eb->rx_low) {
		eb->rx_paused = false;
		resume = true;
	}
	spin_unlock_irqrestore(&eb->lock, flags);

	/* Room again: let the bus context read what the device buffered. */
	if (resume)
		ethbus_kick(eb);
	return n;
}

static int ethbus_deliver_rx(struct ethbus *eb, int budget)
{
	struct ethbus_napi_stats *st = &eb->napi_stats;
	unsigned int bytes = 0;
	struct sk_buff_head q;
	struct sk_buff *skb;
	int n;

	__skb_queue_head_init(&q);
	n = ethbus_take_rx(eb, &q, budget);

	while ((skb = __skb_dequeue(&q))) {
		bytes += skb->len;
		skb->protocol = eth_type_trans(skb, eb->ndev);
		napi_gro_receive(&eb->napi, skb);
	}

	u64_stats_update_begin(&st->syncp);
	u64_stats_add(&st->rx_packets, n);
	u64_stats_add(&st->rx_bytes, bytes);
	u64_stats_inc(&st->polls);
	u64_stats_update_end(&st->syncp);
	return n;
}

/**
 * ethbus_poll() - the NAPI poll: reap TX completions, deliver RX frames
 * @napi: the ethbus NAPI instance
 * @budget: most RX frames to deliver (0 from netpoll: TX only)
 *
 * Return: the number of RX frames delivered.
 */
int ethbus_poll(struct napi_struct *napi, int budget)
{
	struct ethbus *eb = container_of(napi, struct ethbus, napi);
	int done;

	ethbus_reap_tx(eb, budget);
	if (!budget)
		return 0;

	done = ethbus_deliver_rx(eb, budget);
	if (done < budget)
		napi_complete_done(napi, done);
	return done;
}
