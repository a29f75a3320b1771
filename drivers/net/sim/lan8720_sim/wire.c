// SPDX-License-Identifier: GPL-2.0
/* lan8720_sim wire: pacing, half duplex, faults and delivery to each end. */

#include <linux/bitops.h>
#include <linux/etherdevice.h>
#include <linux/interrupt.h>
#include <linux/netdevice.h>
#include <linux/random.h>
#include <linux/skbuff.h>

#include "lansim.h"

/**
 * struct lansim_wire_out - work collected under the lock, done after it
 * @done: MAC frames finished; cb->status says how, cb->orig is the
 *	driver's skb.
 * @to_partner: frames for the cable netdev.
 * @at: when the frame being finished ended on the wire.
 * @irq: raise the MAC interrupt.
 * @wake: the partner queue has room again.
 * @symbol_errors: symbol errors for the PHY's counter.
 */
struct lansim_wire_out {
	struct sk_buff_head done;
	struct sk_buff_head to_partner;
	ktime_t at;
	bool irq;
	bool wake;
	unsigned int symbol_errors;
};

static void lansim_stat_add(struct lansim_wire *w, u64_stats_t *c, u64 v)
{
	u64_stats_update_begin(&w->stats.syncp);
	u64_stats_add(c, v);
	u64_stats_update_end(&w->stats.syncp);
}

static void lansim_stat_inc(struct lansim_wire *w, u64_stats_t *c)
{
	lansim_stat_add(w, c, 1);
}

/**
 * lansim_wire_chance() - roll a fault
 * @permille: probability in 1/1000 (0 = never, >= 1000 = always)
 *
 * Return: true if the fault happens this time.
 */
bool lansim_wire_chance(u32 permille)
{
	if (!permille)
		return false;
	return get_random_u32() % 1000 < permille;
}

static void lansim_corrupt(struct sk_buff *skb)
{
	u32 r = get_random_u32();

	if (skb->len)
		skb->data[(r >> 3) % skb->len] ^= BIT(r & 7);
}

/* Half duplex: both ends share one medium (CSMA/CD). A duplex mismatch
 * is modelled as a shared medium too.
 */
static bool lansim_shared(const struct lansim_wire *w)
{
	return w->line.up && (!w->line.full || !w->line.partner_full);
}

static bool lansim_mac_can_send(const struct lansim_wire *w)
{
	return w->mac_up && (w->line.up || w->line.loopback);
}

static unsigned int lansim_speed(const struct lansim_wire *w)
{
	if (w->line.up)
		return w->line.speed;
	return w->mac_speed ?: 100;
}

static bool lansim_speed_mismatch(const struct lansim_wire *w)
{
	return w->mac_up && w->line.up && w->mac_speed != w->line.speed;
}

static struct sk_buff_head *lansim_queue(struct lansim_wire *w,
					 enum lansim_dir d)
{
	return d == LANSIM_DIR_TX ? &w->txq : &w->ptxq;
}

/* Raise the MAC interrupt once the lock is dropped; one per wire run. */
static void lansim_raise_irq(struct lansim_wire *w, struct lansim_wire_out *out)
{
	if (out->irq)
		return;
	out->irq = true;
	lansim_stat_inc(w, &w->stats.mac_irqs);
}

/**
 * lansim_wire_rx_rearm() - the driver found the RX FIFO empty: arm the irq
 * @w: the wire; its lock is held
 */
void lansim_wire_rx_rearm(struct lansim_wire *w)
{
	lockdep_assert_held(&w->lock);
	w->rx_irq_armed = true;
	w->rx_unsignalled = 0;
	w->rx_irq_at = KTIME_MAX;
}

static void lansim_rx_irq(struct lansim_wire *w, struct lansim_wire_out *out)
{
	w->rx_irq_armed = false;
	w->rx_unsignalled = 0;
	w->rx_irq_at = KTIME_MAX;
	lansim_raise_irq(w, out);
}

/* A frame entered the RX FIFO: tell the driver now, or once the frame
 * count or the time limit of the moderation is reached.
 */
static void lansim_rx_signal(struct lansim_wire *w, struct lansim_wire_out *out)
{
	const struct lan8720_mac_coalesce *c = &w->coal;

	if (!w->rx_irq_armed)
		return;
	if (!w->rx_unsignalled++ && c->rx_usecs)
		w->rx_irq_at = ktime_add_us(out->at, c->rx_usecs);
	if (c->rx_max_frames && w->rx_unsignalled >= c->rx_max_frames)
		lansim_rx_irq(w, out);
}

/* The moderation time limit passed: raise the irq if frames still wait
 * (the driver may have read them meanwhile).
 */
static void lansim_rx_deadline(struct lansim_wire *w, ktime_t now,
			       struct lansim_wire_out *out)
{
	if (ktime_after(w->rx_irq_at, now))
		return;
	if (w->rx_irq_armed && !skb_queue_empty(&w->rxq))
		lansim_rx_irq(w, out);
	w->rx_irq_at = KTIME_MAX;
}

/* A MAC frame leaves the TX FIFO: hand it back to the driver later. */
static void lansim_tx_finish(struct lansim_wire *w, struct sk_buff *wskb,
			     enum lan8720_mac_tx_status st,
			     struct lansim_wire_out *out)
{
	struct lansim_wire_cb *cb = LANSIM_CB(wskb);

	w->tx_bytes -= cb->orig->len;
	cb->status = st;
	__skb_queue_tail(&out->done, wskb);
	/* Room after -EBUSY is signalled once half the FIFO is free, not
	 * for every frame that leaves: refilling one frame at a time would
	 * cost an interrupt per frame.
	 */
	if (w->tx_busy && w->tx_bytes <= w->tx_fifo_bytes / 2) {
		w->tx_busy = false;
		lansim_raise_irq(w, out);
	}

	switch (st) {
	case LAN8720_MAC_TX_OK:
		lansim_stat_inc(w, &w->stats.mac_tx_frames);
		if (cb->attempts == 1)
			lansim_stat_inc(w, &w->stats.mac[LANSIM_MAC_TX_SINGLE_COL]);
		else if (cb->attempts > 1)
			lansim_stat_inc(w, &w->stats.mac[LANSIM_MAC_TX_MULTI_COL]);
		break;
	case LAN8720_MAC_TX_NO_CARRIER:
		lansim_stat_inc(w, &w->stats.mac_tx_no_carrier);
		break;
	case LAN8720_MAC_TX_EXCESS_COLLISIONS:
		lansim_stat_inc(w, &w->stats.mac_tx_excess);
		break;
	default:
		break;
	}
}

static bool lansim_rx_overrun(struct lansim_wire *w, unsigned int len)
{
	if (w->faults.rx_overrun_next) {
		w->faults.rx_overrun_next--;
		return true;
	}
	if (lansim_wire_chance(READ_ONCE(w->faults.rx_overrun_permille)))
		return true;
	return w->rx_bytes + len > w->rx_fifo_bytes;
}

/* Damage a frame arriving at the MAC as the faults say; returns the
 * status the PHY/MAC would report.
 */
static enum lan8720_mac_rx_status
lansim_rx_damage(struct lansim_wire *w, struct sk_buff *skb,
		 struct lansim_wire_out *out)
{
	enum lan8720_mac_rx_status st = LAN8720_MAC_RX_OK;

	if (lansim_speed_mismatch(w)) {
		lansim_corrupt(skb);
		lansim_stat_inc(w, &w->stats.mac_speed_mismatch);
	}
	/* 4B/5B symbol errors exist only in 100BASE-TX (§A.2 reg 26). */
	if (lansim_speed(w) == 100 &&
	    lansim_wire_chance(READ_ONCE(w->faults.symbol_permille))) {
		lansim_corrupt(skb);
		st = LAN8720_MAC_RX_SYMBOL_ERROR;
		out->symbol_errors++;
		lansim_stat_inc(w, &w->stats.mac_rx_symbol);
	}
	if (lansim_wire_chance(READ_ONCE(w->faults.rx_fcs_permille)))
		lansim_corrupt(skb);

	if (!lansim_fcs_ok(skb->data, skb->len)) {
		lansim_stat_inc(w, &w->stats.mac_rx_fcs_bad);
		if (w->check_rx_fcs && st == LAN8720_MAC_RX_OK)
			st = LAN8720_MAC_RX_FCS_ERROR;
	}
	return st;
}

/* A frame (with FCS) reaches the MAC's receive FIFO, or is lost. */
static void lansim_to_mac(struct lansim_wire *w, struct sk_buff *skb,
			  struct lansim_wire_out *out)
{
	enum lan8720_mac_rx_status st;
	unsigned int limit;

	if (!w->enabled || w->line.isolate) {
		lansim_stat_inc(w, &w->stats.mac_rx_dropped);
		kfree_skb(skb);
		return;
	}

	st = lansim_rx_damage(w, skb, out);
	if (w->check_rx_fcs)
		skb_trim(skb, skb->len - ETH_FCS_LEN);

	limit = w->max_frame_len + (w->check_rx_fcs ? 0 : ETH_FCS_LEN);
	if (skb->len > limit) {
		skb_trim(skb, limit);
		if (st == LAN8720_MAC_RX_OK)
			st = LAN8720_MAC_RX_TRUNCATED;
		lansim_stat_inc(w, &w->stats.mac_rx_truncated);
	}

	if (lansim_rx_overrun(w, skb->len)) {
		lansim_stat_inc(w, &w->stats.mac[LANSIM_MAC_RX_OVERRUNS]);
		kfree_skb(skb);
		return;
	}

	LANSIM_CB(skb)->status = st;
	__skb_queue_tail(&w->rxq, skb);
	w->rx_bytes += skb->len;
	lansim_stat_inc(w, &w->stats.mac_rx_frames);
	lansim_rx_signal(w, out);
}

/* The partner's NIC checks the FCS (a bad frame is rx_crc_errors) and
 * the length; a good frame goes to its stack after the lock.
 */
static void lansim_to_partner(struct lansim_wire *w, struct sk_buff *skb,
			      struct lansim_wire_out *out)
{
	struct net_device *dev = lansim_from_wire(w)->cable;

	if (!lansim_fcs_ok(skb->data, skb->len)) {
		lansim_stat_inc(w, &w->stats.p_rx_crc);
		kfree_skb(skb);
		return;
	}
	if (skb->len < ETH_HLEN + ETH_FCS_LEN ||
	    !(READ_ONCE(dev->flags) & IFF_UP)) {
		lansim_stat_inc(w, &w->stats.p_rx_dropped);
		kfree_skb(skb);
		return;
	}
	lansim_stat_inc(w, &w->stats.p_rx_frames);
	lansim_stat_add(w, &w->stats.p_rx_bytes, skb->len - ETH_FCS_LEN);
	__skb_queue_tail(&out->to_partner, skb);
}

/* What the partner receives of a MAC frame, damaged as the faults say;
 * @skb shares the driver's data, so damage goes to a private copy.
 */
static struct sk_buff *lansim_tx_damage(struct lansim_wire *w,
					struct sk_buff *skb)
{
	bool mismatch = lansim_speed_mismatch(w);
	bool fault = lansim_wire_chance(READ_ONCE(w->faults.tx_fcs_permille));

	if (!skb || (!mismatch && !fault))
		return skb;
	skb = skb_unshare(skb, GFP_ATOMIC);
	if (!skb)
		return NULL;
	if (mismatch) {
		lansim_corrupt(skb);
		lansim_stat_inc(w, &w->stats.mac_speed_mismatch);
	}
	if (fault)
		lansim_corrupt(skb);
	return skb;
}

static void lansim_finish_tx(struct lansim_wire *w, struct sk_buff *wskb,
			     struct lansim_wire_out *out)
{
	struct sk_buff *copy;

	if (w->line.loopback) {
		copy = skb_copy(wskb, GFP_ATOMIC);
		if (copy) {
			lansim_stat_inc(w, &w->stats.loopback_frames);
			lansim_to_mac(w, copy, out);
		}
	} else if (!w->line.isolate && !w->line.far_loopback) {
		/* The wire's skb is only kept for its cb from here on. */
		copy = lansim_tx_damage(w, skb_clone(wskb, GFP_ATOMIC));
		if (copy)
			lansim_to_partner(w, copy, out);
		else
			lansim_stat_inc(w, &w->stats.p_rx_dropped);
	}
	lansim_tx_finish(w, wskb, LAN8720_MAC_TX_OK, out);
}

static void lansim_finish_rx(struct lansim_wire *w, struct sk_buff *skb,
			     struct lansim_wire_out *out)
{
	lansim_stat_inc(w, &w->stats.p_tx_frames);
	lansim_stat_add(w, &w->stats.p_tx_bytes, skb->len - ETH_FCS_LEN);

	/* Far loopback sends line data straight back (DS §4.2.8). */
	if (w->line.far_loopback && w->line.speed == 100)
		lansim_to_partner(w, skb, out);
	else
		lansim_to_mac(w, skb, out);
}

static void lansim_finish(struct lansim_wire *w, enum lansim_dir d,
			  struct lansim_wire_out *out)
{
	struct sk_buff *skb = w->cur[d];

	w->cur[d] = NULL;
	out->at = w->cur_end[d];
	if (d == LANSIM_DIR_TX)
		lansim_finish_tx(w, skb, out);
	else
		lansim_finish_rx(w, skb, out);
}

static void lansim_partner_drop(struct lansim_wire *w, struct sk_buff *skb,
				u64_stats_t *why, struct lansim_wire_out *out)
{
	lansim_stat_inc(w, why);
	kfree_skb(skb);
	out->wake = true;
}

/* No carrier: MAC frames end with NO_CARRIER, partner frames are lost. */
static void lansim_flush_dead(struct lansim_wire *w,
			      struct lansim_wire_out *out)
{
	struct sk_buff *skb;

	if (!lansim_mac_can_send(w)) {
		if (w->cur[LANSIM_DIR_TX]) {
			skb = w->cur[LANSIM_DIR_TX];
			w->cur[LANSIM_DIR_TX] = NULL;
			lansim_tx_finish(w, skb, LAN8720_MAC_TX_NO_CARRIER, out);
		}
		while ((skb = __skb_dequeue(&w->txq)))
			lansim_tx_finish(w, skb, LAN8720_MAC_TX_NO_CARRIER, out);
	}

	if (w->line.up)
		return;
	if (w->cur[LANSIM_DIR_RX]) {
		skb = w->cur[LANSIM_DIR_RX];
		w->cur[LANSIM_DIR_RX] = NULL;
		lansim_partner_drop(w, skb, &w->stats.p_tx_carrier, out);
	}
	while ((skb = __skb_dequeue(&w->ptxq)))
		lansim_partner_drop(w, skb, &w->stats.p_tx_carrier, out);
}

/* Put @skb on the wire in direction @d starting at @start. */
static void lansim_begin(struct lansim_wire *w, enum lansim_dir d,
			 struct sk_buff *skb, ktime_t start,
			 struct lansim_wire_out *out)
{
	u64 ns = lansim_wire_time_ns(skb->len, lansim_speed(w));

	__skb_unlink(skb, lansim_queue(w, d));
	w->cur[d] = skb;
	w->cur_end[d] = ktime_add_ns(start, ns);
	w->free_at[d] = w->cur_end[d];
	if (lansim_shared(w))
		w->free_at[!d] = w->cur_end[d];
	if (d == LANSIM_DIR_RX && skb_queue_len(&w->ptxq) < w->ptxq_limit / 2)
		out->wake = true;
}

static ktime_t lansim_ready(struct sk_buff *skb, ktime_t free)
{
	const struct lansim_wire_cb *cb = LANSIM_CB(skb);

	return max3(cb->enq, cb->not_before, free);
}

/* Full duplex: each direction runs on its own. */
static bool lansim_start_full(struct lansim_wire *w, enum lansim_dir d,
			      ktime_t now, struct lansim_wire_out *out)
{
	struct sk_buff *skb;
	ktime_t t;

	if (w->cur[d])
		return false;
	skb = skb_peek(lansim_queue(w, d));
	if (!skb)
		return false;
	t = lansim_ready(skb, w->free_at[d]);
	if (ktime_after(t, now))
		return false;
	lansim_begin(w, d, skb, t, out);
	return true;
}

/* Both ends started at the same moment: jam, then back off a random
 * number of slot times, truncated binary exponential backoff.
 */
static void lansim_collide(struct lansim_wire *w, struct sk_buff **head,
			   ktime_t t, struct lansim_wire_out *out)
{
	u64 slot = lansim_wire_time_ns(LANSIM_SLOT_BYTES, lansim_speed(w)) -
		   lansim_wire_time_ns(0, lansim_speed(w));
	ktime_t end = ktime_add_ns(t, lansim_wire_time_ns(LANSIM_JAM_BYTES,
							  lansim_speed(w)));
	enum lansim_dir d;

	lansim_stat_inc(w, &w->stats.collisions);
	w->free_at[LANSIM_DIR_TX] = end;
	w->free_at[LANSIM_DIR_RX] = end;

	for (d = LANSIM_DIR_TX; d < LANSIM_DIR_NR; d++) {
		struct lansim_wire_cb *cb = LANSIM_CB(head[d]);
		u32 k;

		if (++cb->attempts < LANSIM_MAX_ATTEMPTS) {
			k = min_t(u32, cb->attempts, LANSIM_BACKOFF_LIMIT);
			cb->not_before = ktime_add_ns(end, slot *
					(get_random_u32() & (BIT(k) - 1)));
			continue;
		}
		__skb_unlink(head[d], lansim_queue(w, d));
		if (d == LANSIM_DIR_TX)
			lansim_tx_finish(w, head[d],
					 LAN8720_MAC_TX_EXCESS_COLLISIONS, out);
		else
			lansim_partner_drop(w, head[d],
					    &w->stats.p_tx_aborted, out);
	}
}

/* Half duplex: one frame at a time; whoever is ready first goes, equal
 * readiness (both deferred to the same busy medium) collides.
 */
static bool lansim_start_shared(struct lansim_wire *w, ktime_t now,
				struct lansim_wire_out *out)
{
	ktime_t free = max(w->free_at[LANSIM_DIR_TX], w->free_at[LANSIM_DIR_RX]);
	struct sk_buff *head[LANSIM_DIR_NR];
	ktime_t ready[LANSIM_DIR_NR];
	enum lansim_dir d, first;

	if (w->cur[LANSIM_DIR_TX] || w->cur[LANSIM_DIR_RX])
		return false;

	for (d = LANSIM_DIR_TX; d < LANSIM_DIR_NR; d++) {
		head[d] = skb_peek(lansim_queue(w, d));
		ready[d] = head[d] ? lansim_ready(head[d], free) : KTIME_MAX;
	}
	if (!head[LANSIM_DIR_TX] && !head[LANSIM_DIR_RX])
		return false;

	first = ktime_before(ready[LANSIM_DIR_RX], ready[LANSIM_DIR_TX]) ?
		LANSIM_DIR_RX : LANSIM_DIR_TX;
	if (ktime_after(ready[first], now))
		return false;

	if (ready[LANSIM_DIR_TX] == ready[LANSIM_DIR_RX]) {
		lansim_collide(w, head, ready[first], out);
		return true;
	}

	if (first == LANSIM_DIR_TX && !LANSIM_CB(head[first])->attempts &&
	    ktime_before(LANSIM_CB(head[first])->enq, free))
		lansim_stat_inc(w, &w->stats.mac[LANSIM_MAC_TX_DEFERRED]);
	lansim_begin(w, first, head[first], ready[first], out);
	return true;
}

static bool lansim_start(struct lansim_wire *w, ktime_t now,
			 struct lansim_wire_out *out)
{
	bool started;

	if (lansim_shared(w))
		return lansim_start_shared(w, now, out);

	started = lansim_start_full(w, LANSIM_DIR_TX, now, out);
	if (lansim_start_full(w, LANSIM_DIR_RX, now, out))
		started = true;
	return started;
}

/* Play the wire forward to @now. Frames are timed back to back from
 * when they could start, so a late timer delays delivery but never
 * lowers the rate below the line's.
 */
static void lansim_run(struct lansim_wire *w, ktime_t now,
		       struct lansim_wire_out *out)
{
	enum lansim_dir d;
	bool busy;

	lansim_flush_dead(w, out);
	do {
		busy = false;
		for (d = LANSIM_DIR_TX; d < LANSIM_DIR_NR; d++) {
			if (w->cur[d] && !ktime_after(w->cur_end[d], now)) {
				lansim_finish(w, d, out);
				busy = true;
			}
		}
		if (lansim_start(w, now, out))
			busy = true;
	} while (busy);
	lansim_rx_deadline(w, now, out);
}

/**
 * lansim_wire_schedule() - arm the timer for the next thing that can happen
 * @w: the wire; its lock is held
 */
void lansim_wire_schedule(struct lansim_wire *w)
{
	ktime_t free = max(w->free_at[LANSIM_DIR_TX], w->free_at[LANSIM_DIR_RX]);
	ktime_t next = KTIME_MAX, t;
	struct sk_buff *skb;
	enum lansim_dir d;

	lockdep_assert_held(&w->lock);

	for (d = LANSIM_DIR_TX; d < LANSIM_DIR_NR; d++) {
		if (w->cur[d]) {
			next = min(next, w->cur_end[d]);
			continue;
		}
		skb = skb_peek(lansim_queue(w, d));
		if (!skb)
			continue;
		t = lansim_ready(skb, lansim_shared(w) ? free : w->free_at[d]);
		next = min(next, t);
	}
	next = min(next, w->rx_irq_at);
	if (next == KTIME_MAX)
		return;
	if (w->timer_armed && !ktime_after(w->timer_at, next))
		return;
	w->timer_armed = true;
	w->timer_at = next;
	hrtimer_start(&w->timer, next, HRTIMER_MODE_ABS_SOFT);
}

/* Run out of the lock: driver callbacks, the partner's stack, the PHY. */
static void lansim_deliver(struct lansim_wire *w, struct lansim_wire_out *out,
			   const struct lan8720_mac_host_ops *host, void *ctx)
{
	struct lansim *ls = lansim_from_wire(w);
	struct sk_buff *skb;

	while ((skb = __skb_dequeue(&out->done))) {
		struct lansim_wire_cb *cb = LANSIM_CB(skb);

		if (!WARN_ON_ONCE(!host))
			host->tx_done(ctx, cb->orig, cb->status);
		else
			dev_kfree_skb_any(cb->orig);
		consume_skb(skb);
	}
	if (out->irq && host) {
		/* Through the MAC's interrupt line, whose handler calls
		 * the driver, as a real backend's would.
		 */
		if (!w->irq ||
		    irq_set_irqchip_state(w->irq, IRQCHIP_STATE_PENDING, true))
			host->irq(ctx);
	}
	while ((skb = __skb_dequeue(&out->to_partner)))
		lansim_cable_rx(ls, skb);
	if (out->wake)
		lansim_cable_wake(ls);
	if (out->symbol_errors)
		lansim_phy_symbol_errors(ls, out->symbol_errors);
}

static void lansim_out_init(struct lansim_wire_out *out)
{
	__skb_queue_head_init(&out->done);
	__skb_queue_head_init(&out->to_partner);
	out->at = 0;
	out->irq = false;
	out->wake = false;
	out->symbol_errors = 0;
}

static enum hrtimer_restart lansim_wire_timer(struct hrtimer *t)
{
	struct lansim_wire *w = container_of(t, struct lansim_wire, timer);
	const struct lan8720_mac_host_ops *host;
	struct lansim_wire_out out;
	void *ctx;

	lansim_out_init(&out);
	spin_lock_bh(&w->lock);
	w->timer_armed = false;
	lansim_run(w, ktime_get(), &out);
	lansim_wire_schedule(w);
	/* Frames in out.done were taken while enabled, so @host is set;
	 * disable() waits for this callback before it returns.
	 */
	host = w->host;
	ctx = w->host_ctx;
	spin_unlock_bh(&w->lock);

	lansim_deliver(w, &out, host, ctx);
	return HRTIMER_NORESTART;
}

/**
 * lansim_wire_kick() - re-evaluate the wire now
 * @w: the wire; its lock is held
 */
void lansim_wire_kick(struct lansim_wire *w)
{
	ktime_t now = ktime_get();

	lockdep_assert_held(&w->lock);
	if (w->timer_armed && !ktime_after(w->timer_at, now))
		return;
	w->timer_armed = true;
	w->timer_at = now;
	hrtimer_start(&w->timer, now, HRTIMER_MODE_ABS_SOFT);
}

/**
 * lansim_wire_set_line() - the PHY's line state changed
 * @w: the wire
 * @line: new state
 *
 * Called under the PHY lock (lock order: PHY, then wire).
 */
void lansim_wire_set_line(struct lansim_wire *w,
			  const struct lansim_line *line)
{
	spin_lock_bh(&w->lock);
	w->line = *line;
	lansim_wire_kick(w);
	spin_unlock_bh(&w->lock);
}
EXPORT_SYMBOL_IF_KUNIT(lansim_wire_set_line);

static struct sk_buff *lansim_partner_frame(struct lansim_wire *w,
					    struct sk_buff *skb)
{
	unsigned int len = skb->len;
	struct sk_buff *wskb;

	if (READ_ONCE(w->partner_pad) && len < ETH_ZLEN)
		len = ETH_ZLEN;
	wskb = netdev_alloc_skb(NULL, NET_IP_ALIGN + len + ETH_FCS_LEN);
	if (!wskb)
		return NULL;
	skb_reserve(wskb, NET_IP_ALIGN);
	if (skb_copy_bits(skb, 0, skb_put(wskb, skb->len), skb->len)) {
		kfree_skb(wskb);
		return NULL;
	}
	if (len > skb->len)
		skb_put_zero(wskb, len - skb->len);
	skb_put(wskb, ETH_FCS_LEN);
	lansim_fcs_append(wskb->data, len);
	memset(wskb->cb, 0, sizeof(wskb->cb));
	return wskb;
}

/**
 * lansim_wire_partner_xmit() - the link partner sends a frame
 * @w: the wire
 * @skb: frame from the cable netdev's stack, consumed
 *
 * The partner pads (unless told not to) and appends its FCS; the frame
 * waits for the wire behind the partner's earlier frames.
 */
void lansim_wire_partner_xmit(struct lansim_wire *w, struct sk_buff *skb)
{
	struct lansim *ls = lansim_from_wire(w);
	struct sk_buff *wskb;

	if (skb->len < ETH_HLEN) {
		lansim_stat_inc(w, &w->stats.p_tx_errors);
		kfree_skb(skb);
		return;
	}
	wskb = lansim_partner_frame(w, skb);
	consume_skb(skb);
	if (!wskb) {
		lansim_stat_inc(w, &w->stats.p_tx_errors);
		return;
	}

	spin_lock_bh(&w->lock);
	if (!w->line.up) {
		lansim_stat_inc(w, &w->stats.p_tx_carrier);
		spin_unlock_bh(&w->lock);
		kfree_skb(wskb);
		return;
	}
	LANSIM_CB(wskb)->enq = ktime_get();
	__skb_queue_tail(&w->ptxq, wskb);
	if (skb_queue_len(&w->ptxq) >= w->ptxq_limit)
		netif_stop_queue(ls->cable);
	lansim_wire_schedule(w);
	spin_unlock_bh(&w->lock);
}
EXPORT_SYMBOL_IF_KUNIT(lansim_wire_partner_xmit);

/**
 * lansim_wire_init() - set up an idle wire
 * @w: the wire
 * @cfg: instance configuration
 */
void lansim_wire_init(struct lansim_wire *w, const struct lansim_config *cfg)
{
	spin_lock_init(&w->lock);
	hrtimer_setup(&w->timer, lansim_wire_timer, CLOCK_MONOTONIC,
		      HRTIMER_MODE_ABS_SOFT);
	skb_queue_head_init(&w->txq);
	skb_queue_head_init(&w->rxq);
	skb_queue_head_init(&w->ptxq);
	u64_stats_init(&w->stats.syncp);
	/* Room for ~43 maximum frames out and ~170 in: 5 and 21 ms at
	 * 100 Mb/s, so a slow VM's scheduling does not look like a slow MAC.
	 */
	w->tx_fifo_bytes = 64 * 1024;
	w->rx_fifo_bytes = 256 * 1024;
	w->ptxq_limit = 64;
	w->coal.rx_max_frames = 1;
	w->rx_irq_at = KTIME_MAX;
	w->gen_tx_fcs = cfg->hw_fcs;
	w->check_rx_fcs = cfg->hw_fcs;
	w->max_frame_len = cfg->max_frame_len;
	w->partner_pad = true;
}
EXPORT_SYMBOL_IF_KUNIT(lansim_wire_init);

/**
 * lansim_wire_destroy() - stop the wire and free what it holds
 * @w: the wire; the MAC is disabled and the cable gone
 */
void lansim_wire_destroy(struct lansim_wire *w)
{
	struct sk_buff *skb;

	hrtimer_cancel(&w->timer);
	/* The driver disables the backend before its device goes away, so
	 * no MAC frame can be left; free defensively if one is.
	 */
	if (WARN_ON_ONCE(w->cur[LANSIM_DIR_TX] || !skb_queue_empty(&w->txq))) {
		if (w->cur[LANSIM_DIR_TX])
			__skb_queue_tail(&w->txq, w->cur[LANSIM_DIR_TX]);
		while ((skb = __skb_dequeue(&w->txq))) {
			dev_kfree_skb_any(LANSIM_CB(skb)->orig);
			kfree_skb(skb);
		}
	}
	w->cur[LANSIM_DIR_TX] = NULL;
	kfree_skb(w->cur[LANSIM_DIR_RX]);
	w->cur[LANSIM_DIR_RX] = NULL;
	skb_queue_purge(&w->rxq);
	skb_queue_purge(&w->ptxq);
}
EXPORT_SYMBOL_IF_KUNIT(lansim_wire_destroy);
