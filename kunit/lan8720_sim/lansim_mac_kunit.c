// SPDX-License-Identifier: GPL-2.0
/* KUnit tests of the lan8720_sim MAC backend and wire against the contract. */

#include <kunit/test.h>
#include <linux/completion.h>
#include <linux/delay.h>
#include <linux/etherdevice.h>
#include <linux/ethtool.h>
#include <linux/netdevice.h>
#include <linux/skbuff.h>

#include "../../drivers/net/sim/lan8720_sim/lansim.h"
#include "lansim_kunit.h"

/* What the driver side of the contract saw. */
struct lansim_host {
	spinlock_t lock; /* protects done, ndone */
	struct sk_buff_head done;
	unsigned int ndone;
	unsigned int expect;
	bool free_done;
	ktime_t last_done;
	unsigned int done_at_irq;
	atomic_t irqs;
	struct completion all_done;
	struct completion irq;
};

/* The test owns the frames it hands to xmit(), so it may use their cb. */
struct lansim_done_cb {
	ktime_t when;
	enum lan8720_mac_tx_status status;
	unsigned int seq;
};

#define LANSIM_DONE_CB(skb) ((struct lansim_done_cb *)(skb)->cb)

static void lansim_host_irq(void *ctx)
{
	struct lansim_host *h = ctx;

	spin_lock_bh(&h->lock);
	h->done_at_irq = h->ndone;
	spin_unlock_bh(&h->lock);
	atomic_inc(&h->irqs);
	complete(&h->irq);
}

static void lansim_host_tx_done(void *ctx, struct sk_buff *skb,
				enum lan8720_mac_tx_status status)
{
	struct lansim_host *h = ctx;

	LANSIM_DONE_CB(skb)->when = ktime_get();
	LANSIM_DONE_CB(skb)->status = status;
	spin_lock_bh(&h->lock);
	h->last_done = LANSIM_DONE_CB(skb)->when;
	if (h->free_done)
		dev_kfree_skb_any(skb);
	else
		__skb_queue_tail(&h->done, skb);
	if (++h->ndone == h->expect)
		complete(&h->all_done);
	spin_unlock_bh(&h->lock);
}

static const struct lan8720_mac_host_ops lansim_host_ops = {
	.irq = lansim_host_irq,
	.tx_done = lansim_host_tx_done,
};

struct lansim_fixture {
	struct lansim *ls;
	struct lansim_host host;
	bool enabled;
};

static struct lansim_fixture *lansim_fixture_new(struct kunit *test,
						 bool hw_fcs, unsigned int speed,
						 bool full)
{
	struct lansim_config cfg = {
		.phyad = 1,
		.mode = 7,
		.hw_fcs = hw_fcs,
		.max_frame_len = 1536,
		.mac_addr = true,
	};
	struct lansim_line line = {
		.up = true,
		.speed = speed,
		.full = full,
		.partner_full = full,
	};
	struct lansim_fixture *fx;
	struct lansim *ls;

	fx = kunit_kzalloc(test, sizeof(*fx), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, fx);
	ls = kunit_kzalloc(test, sizeof(*ls), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, ls);
	spin_lock_init(&ls->phy_lock);
	lansim_wire_init(&ls->wire, &cfg);
	/* The partner's netdev, never registered: frames that reach it are
	 * counted (partner_rx_*) and dropped.
	 */
	ls->cable = alloc_etherdev(0);
	KUNIT_ASSERT_NOT_NULL(test, ls->cable);
	fx->ls = ls;
	test->priv = fx;

	spin_lock_init(&fx->host.lock);
	skb_queue_head_init(&fx->host.done);
	init_completion(&fx->host.all_done);
	init_completion(&fx->host.irq);
	atomic_set(&fx->host.irqs, 0);

	lansim_wire_set_line(&ls->wire, &line);
	KUNIT_ASSERT_EQ(test, lansim_mac_ops.enable(ls, &lansim_host_ops,
						    &fx->host), 0);
	fx->enabled = true;
	return fx;
}

static void lansim_fixture_exit(struct kunit *test)
{
	struct lansim_fixture *fx = test->priv;

	if (!fx)
		return;
	if (fx->enabled)
		lansim_mac_ops.disable(fx->ls);
	lansim_wire_destroy(&fx->ls->wire);
	free_netdev(fx->ls->cable);
	skb_queue_purge(&fx->host.done);
}

static int lansim_fixture_init(struct kunit *test)
{
	test->priv = NULL;
	return 0;
}

/* A frame as the driver hands it over: at least ETH_ZLEN, FCS appended
 * unless the backend generates it.
 */
static struct sk_buff *lansim_frame(struct kunit *test, unsigned int len,
				    bool with_fcs, unsigned int seq)
{
	struct sk_buff *skb = alloc_skb(len + ETH_FCS_LEN, GFP_KERNEL);
	u8 *p;

	KUNIT_ASSERT_NOT_NULL(test, skb);
	p = skb_put_zero(skb, len);
	eth_broadcast_addr(p);
	p[6] = 0x02;
	p[12] = 0x88;
	p[13] = 0xb5;
	p[14] = seq;
	if (with_fcs) {
		skb_put(skb, ETH_FCS_LEN);
		lansim_fcs_append(skb->data, len);
	}
	memset(skb->cb, 0, sizeof(skb->cb));
	LANSIM_DONE_CB(skb)->seq = seq;
	return skb;
}

static int lansim_send(struct lansim_fixture *fx, struct sk_buff *skb)
{
	return lansim_mac_ops.xmit(fx->ls, skb);
}

static void lansim_expect_done(struct kunit *test, struct lansim_fixture *fx,
			       unsigned int n)
{
	unsigned long left;

	spin_lock_bh(&fx->host.lock);
	fx->host.expect = n;
	if (fx->host.ndone >= n)
		complete(&fx->host.all_done);
	spin_unlock_bh(&fx->host.lock);

	left = wait_for_completion_timeout(&fx->host.all_done, 2 * HZ);
	KUNIT_ASSERT_NE(test, left, 0);
}

/* Reference §G.1: a 1518-byte frame occupies 1538 byte times, 1.2304 ms
 * at 10 Mb/s; four back to back cannot all be done before 4.92 ms, and
 * they come back in the order they went in.
 */
static void lansim_test_pacing_10(struct kunit *test)
{
	struct lansim_fixture *fx = lansim_fixture_new(test, false, 10, true);
	struct sk_buff *skb;
	ktime_t t0, took;
	unsigned int i;

	KUNIT_ASSERT_EQ(test, lansim_mac_ops.set_link(fx->ls, true, SPEED_10,
						      DUPLEX_FULL), 0);
	t0 = ktime_get();
	for (i = 0; i < 4; i++)
		KUNIT_ASSERT_EQ(test, lansim_send(fx, lansim_frame(test, 1514,
								   true, i)), 0);
	lansim_expect_done(test, fx, 4);

	for (i = 0; i < 4; i++) {
		skb = __skb_dequeue(&fx->host.done);
		KUNIT_ASSERT_NOT_NULL(test, skb);
		KUNIT_EXPECT_EQ(test, LANSIM_DONE_CB(skb)->seq, i);
		KUNIT_EXPECT_EQ(test, LANSIM_DONE_CB(skb)->status,
				LAN8720_MAC_TX_OK);
		took = ktime_sub(LANSIM_DONE_CB(skb)->when, t0);
		KUNIT_EXPECT_GE(test, ktime_to_ns(took),
				(i + 1) * lansim_wire_time_ns(1518, 10));
		kfree_skb(skb);
	}
	/* The partner checked the FCS of all four and found it good (its
	 * netdev is down here, so it dropped them after the check).
	 */
	KUNIT_EXPECT_EQ(test, u64_stats_read(&fx->ls->wire.stats.p_rx_crc), 0);
	KUNIT_EXPECT_EQ(test,
			u64_stats_read(&fx->ls->wire.stats.p_rx_dropped), 4);
}

/* Reference §G.1: at 100 Mb/s a maximum frame takes 123.04 us, so 500
 * of them, the TX FIFO kept full, can never finish in under 61.5 ms. The
 * rate reached and the time spent inside xmit() are logged: on a slow
 * (emulated, debug) kernel the copy in xmit() is what limits it.
 */
static void lansim_test_line_rate_100(struct kunit *test)
{
	struct lansim_fixture *fx = lansim_fixture_new(test, false, 100, true);
	const unsigned int n = 500;
	struct sk_buff_head frames;
	unsigned int i, busy = 0;
	struct sk_buff *skb;
	s64 us, in_xmit = 0;
	ktime_t t0, t;
	int ret;

	KUNIT_ASSERT_EQ(test, lansim_mac_ops.set_link(fx->ls, true, SPEED_100,
						      DUPLEX_FULL), 0);
	fx->host.free_done = true;
	__skb_queue_head_init(&frames);
	for (i = 0; i < n; i++)
		__skb_queue_tail(&frames, lansim_frame(test, 1514, true, i));

	t0 = ktime_get();
	while ((skb = __skb_dequeue(&frames))) {
		reinit_completion(&fx->host.irq);
		t = ktime_get();
		ret = lansim_send(fx, skb);
		in_xmit += ktime_us_delta(ktime_get(), t);
		if (ret == -EBUSY) {
			/* Still ours: retry it after the room irq. */
			__skb_queue_head(&frames, skb);
			busy++;
			wait_for_completion_timeout(&fx->host.irq, HZ);
			continue;
		}
		KUNIT_ASSERT_EQ(test, ret, 0);
	}
	lansim_expect_done(test, fx, n);
	us = ktime_us_delta(fx->host.last_done, t0);
	kunit_info(test, "%u frames in %lld us (%lld us in xmit, %u busy): %lld Mb/s\n",
		   n, us, in_xmit, busy,
		   div_s64((s64)n * 1518 * 8, max_t(s64, us, 1)));
	KUNIT_EXPECT_GE(test, us * NSEC_PER_USEC,
			n * lansim_wire_time_ns(1518, 100) - NSEC_PER_USEC);
}

/* Contract (include/lan8720_mac.h, set_link): while the link is down,
 * frames end with NO_CARRIER; a speed a 10/100 MAC cannot do is -EINVAL.
 */
static void lansim_test_no_carrier(struct kunit *test)
{
	struct lansim_fixture *fx = lansim_fixture_new(test, false, 100, true);
	struct sk_buff *skb;
	unsigned int i;

	KUNIT_EXPECT_EQ(test, lansim_mac_ops.set_link(fx->ls, true, SPEED_1000,
						      DUPLEX_FULL), -EINVAL);
	for (i = 0; i < 2; i++)
		KUNIT_ASSERT_EQ(test, lansim_send(fx, lansim_frame(test, 60,
								   true, i)), 0);
	lansim_expect_done(test, fx, 2);
	for (i = 0; i < 2; i++) {
		skb = __skb_dequeue(&fx->host.done);
		KUNIT_ASSERT_NOT_NULL(test, skb);
		KUNIT_EXPECT_EQ(test, LANSIM_DONE_CB(skb)->seq, i);
		KUNIT_EXPECT_EQ(test, LANSIM_DONE_CB(skb)->status,
				LAN8720_MAC_TX_NO_CARRIER);
		kfree_skb(skb);
	}
}

/* Contract (xmit): -EBUSY when there is no room, then the irq once a
 * frame has left; frames it cannot send are refused, not taken.
 */
static void lansim_test_busy_then_irq(struct kunit *test)
{
	struct lansim_fixture *fx = lansim_fixture_new(test, false, 10, true);
	struct sk_buff *a, *b;
	unsigned int n;
	int ret;

	KUNIT_ASSERT_EQ(test, lansim_mac_ops.set_link(fx->ls, true, SPEED_10,
						      DUPLEX_FULL), 0);
	b = lansim_frame(test, 30, false, 9);
	KUNIT_EXPECT_EQ(test, lansim_send(fx, b), -EINVAL);
	kfree_skb(b);
	b = lansim_frame(test, 1600, true, 9);
	KUNIT_EXPECT_EQ(test, lansim_send(fx, b), -EMSGSIZE);
	kfree_skb(b);

	/*
	 * Room for one 1514-byte frame: the next is refused while the first
	 * is on the wire (1.2 ms at 10 Mb/s). A VM stalled longer than that
	 * between two sends sees the first one gone, so try a few times.
	 */
	fx->ls->wire.tx_fifo_bytes = 2000;
	for (n = 0, ret = 0; n < 16 && ret != -EBUSY; n++) {
		reinit_completion(&fx->host.irq);
		a = lansim_frame(test, 1514, true, n);
		KUNIT_ASSERT_EQ(test, lansim_send(fx, a), 0);
		b = lansim_frame(test, 1514, true, n + 100);
		ret = lansim_send(fx, b);
		if (ret == -EBUSY)
			break;
		KUNIT_ASSERT_EQ(test, ret, 0);
		lansim_expect_done(test, fx, 2 * (n + 1));
	}
	KUNIT_ASSERT_EQ(test, ret, -EBUSY);
	KUNIT_EXPECT_NE(test, wait_for_completion_timeout(&fx->host.irq, HZ),
			0);
	KUNIT_EXPECT_EQ(test, lansim_send(fx, b), 0);
	lansim_expect_done(test, fx, 2 * (n + 1));
}

static struct sk_buff *lansim_rx_wait(struct lansim_fixture *fx,
				      enum lan8720_mac_rx_status *st)
{
	struct sk_buff *skb;
	int i;

	for (i = 0; i < 2000; i++) {
		skb = lansim_mac_ops.rx(fx->ls, st);
		if (skb)
			return skb;
		usleep_range(1000, 2000);
	}
	return NULL;
}

static void lansim_partner_send(struct kunit *test, struct lansim_fixture *fx,
				unsigned int len)
{
	struct sk_buff *skb = lansim_frame(test, len, false, 0);

	lansim_wire_partner_xmit(&fx->ls->wire, skb);
}

struct lansim_rx_case {
	const char *name;
	bool hw_fcs;
	u32 fcs_permille;
	enum lan8720_mac_rx_status status;
	unsigned int len;
	bool fcs_good;
};

/* Issue 3 (FCS generated and checked): the partner appends a good FCS;
 * frames reach the MAC with it (driver checks) or checked and stripped
 * (hw_fcs); a corrupted one is still delivered so it can be counted.
 */
static const struct lansim_rx_case lansim_rx_cases[] = {
	{ "sw_fcs_good", false, 0, LAN8720_MAC_RX_OK, 104, true },
	{ "sw_fcs_bad", false, 1000, LAN8720_MAC_RX_OK, 104, false },
	{ "hw_fcs_good", true, 0, LAN8720_MAC_RX_OK, 100, true },
	{ "hw_fcs_bad", true, 1000, LAN8720_MAC_RX_FCS_ERROR, 100, false },
};

/* Wait until @n frames in all have entered the MAC's RX FIFO. */
static void lansim_wait_rx_frames(struct kunit *test,
				  struct lansim_fixture *fx, u64 n)
{
	int i;

	for (i = 0; i < 2000; i++) {
		if (u64_stats_read(&fx->ls->wire.stats.mac_rx_frames) >= n)
			return;
		usleep_range(1000, 2000);
	}
	KUNIT_FAIL(test, "%llu frames never reached the MAC", n);
}

static void lansim_rx_desc(const struct lansim_rx_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(lansim_rx, lansim_rx_cases, lansim_rx_desc);

static void lansim_test_partner_to_mac(struct kunit *test)
{
	const struct lansim_rx_case *c = test->param_value;
	struct lansim_fixture *fx = lansim_fixture_new(test, c->hw_fcs, 100,
						       true);
	enum lan8720_mac_rx_status st;
	struct sk_buff *skb;

	fx->ls->wire.faults.rx_fcs_permille = c->fcs_permille;
	lansim_partner_send(test, fx, 100);
	skb = lansim_rx_wait(fx, &st);
	KUNIT_ASSERT_NOT_NULL(test, skb);
	KUNIT_EXPECT_EQ(test, st, c->status);
	KUNIT_EXPECT_EQ(test, skb->len, c->len);
	KUNIT_EXPECT_GE(test, skb_headroom(skb), NET_IP_ALIGN);
	KUNIT_EXPECT_NULL(test, skb->dev);
	if (!c->hw_fcs)
		KUNIT_EXPECT_EQ(test, lansim_fcs_ok(skb->data, skb->len),
				c->fcs_good);
	KUNIT_EXPECT_EQ(test, atomic_read(&fx->host.irqs), 1);
	kfree_skb(skb);
	KUNIT_EXPECT_NULL(test, lansim_mac_ops.rx(fx->ls, &st));
}

/* Contract (lan8720_mac_counters): a frame the receive buffer cannot
 * take is an overrun, counted and not delivered.
 */
static void lansim_test_rx_overrun(struct kunit *test)
{
	struct lansim_fixture *fx = lansim_fixture_new(test, false, 100, true);
	struct lan8720_mac_counters c;
	enum lan8720_mac_rx_status st;
	struct sk_buff *skb;

	fx->ls->wire.faults.rx_overrun_next = 1;
	lansim_partner_send(test, fx, 100);
	lansim_partner_send(test, fx, 200);
	skb = lansim_rx_wait(fx, &st);
	KUNIT_ASSERT_NOT_NULL(test, skb);
	KUNIT_EXPECT_EQ(test, skb->len, 204);
	kfree_skb(skb);
	lansim_mac_ops.get_counters(fx->ls, &c);
	KUNIT_EXPECT_EQ(test, c.rx_overruns, 1);
	KUNIT_EXPECT_NULL(test, lansim_mac_ops.rx(fx->ls, &st));
}

/* Contract (disable): every frame still held comes back, in order, and
 * no callback runs after disable() returns.
 */
static void lansim_test_disable_returns_all(struct kunit *test)
{
	struct lansim_fixture *fx = lansim_fixture_new(test, false, 10, true);
	struct sk_buff *frames[32];
	const unsigned int n = ARRAY_SIZE(frames);
	struct sk_buff *skb;
	bool aborted = false;
	unsigned int i;

	/* 32 maximum frames are 39 ms of wire at 10 Mb/s: most are still
	 * held when disable() comes, however slow the machine.
	 */
	for (i = 0; i < n; i++)
		frames[i] = lansim_frame(test, 1514, true, i);
	KUNIT_ASSERT_EQ(test, lansim_mac_ops.set_link(fx->ls, true, SPEED_10,
						      DUPLEX_FULL), 0);
	for (i = 0; i < n; i++)
		KUNIT_ASSERT_EQ(test, lansim_send(fx, frames[i]), 0);
	lansim_mac_ops.disable(fx->ls);
	fx->enabled = false;
	KUNIT_ASSERT_EQ(test, fx->host.ndone, n);

	for (i = 0; i < n; i++) {
		skb = __skb_dequeue(&fx->host.done);
		KUNIT_ASSERT_NOT_NULL(test, skb);
		KUNIT_EXPECT_EQ(test, LANSIM_DONE_CB(skb)->seq, i);
		if (LANSIM_DONE_CB(skb)->status == LAN8720_MAC_TX_ABORTED)
			aborted = true;
		else
			KUNIT_EXPECT_FALSE(test, aborted);
		kfree_skb(skb);
	}
	KUNIT_EXPECT_TRUE(test, aborted);
	msleep(20);
	KUNIT_EXPECT_EQ(test, fx->host.ndone, n);
}

/* Still no irq after @ms milliseconds. */
static void lansim_expect_no_irq(struct kunit *test, struct lansim_fixture *fx,
				 unsigned int ms)
{
	msleep(ms);
	KUNIT_EXPECT_EQ(test, atomic_read(&fx->host.irqs), 0);
}

/* The first irq comes, within a second, and only one. */
static void lansim_expect_first_irq(struct kunit *test,
				    struct lansim_fixture *fx)
{
	KUNIT_EXPECT_NE(test, wait_for_completion_timeout(&fx->host.irq, HZ),
			0);
	KUNIT_EXPECT_EQ(test, atomic_read(&fx->host.irqs), 1);
}

/* Contract (lan8720_mac_coalesce): with a frame limit, the RX irq comes
 * when that many frames wait, not before.
 */
static void lansim_test_coalesce_frames(struct kunit *test)
{
	struct lansim_fixture *fx = lansim_fixture_new(test, false, 100, true);
	struct lan8720_mac_coalesce c = { .rx_max_frames = 4 };
	unsigned int i;

	KUNIT_ASSERT_EQ(test, lansim_mac_ops.set_coalesce(fx->ls, &c), 0);
	for (i = 0; i < 3; i++)
		lansim_partner_send(test, fx, 100);
	lansim_wait_rx_frames(test, fx, 3);
	lansim_expect_no_irq(test, fx, 20);
	lansim_partner_send(test, fx, 100);
	lansim_expect_first_irq(test, fx);
}

/* With a time limit, the RX irq comes that long after the first frame
 * ended on the wire, if nobody read it meanwhile.
 */
static void lansim_test_coalesce_usecs(struct kunit *test)
{
	struct lansim_fixture *fx = lansim_fixture_new(test, false, 100, true);
	struct lan8720_mac_coalesce c = { .rx_usecs = 20000 };
	ktime_t t0;

	KUNIT_ASSERT_EQ(test, lansim_mac_ops.set_coalesce(fx->ls, &c), 0);
	t0 = ktime_get();
	lansim_partner_send(test, fx, 100);
	KUNIT_ASSERT_NE(test, wait_for_completion_timeout(&fx->host.irq, HZ),
			0);
	KUNIT_EXPECT_GE(test, ktime_us_delta(ktime_get(), t0), 20000);
	KUNIT_EXPECT_EQ(test, atomic_read(&fx->host.irqs), 1);
}

/* Frames the driver reads before the time limit raise no irq; reading
 * the FIFO empty re-arms it for the next frame. The limit is near the
 * timer's top so that a slow test thread still reads in time, and the
 * quiet spell outlasts it.
 */
static void lansim_test_coalesce_read_first(struct kunit *test)
{
	struct lansim_fixture *fx = lansim_fixture_new(test, false, 100, true);
	struct lan8720_mac_coalesce c = { .rx_usecs = 60000 };
	enum lan8720_mac_rx_status st;
	struct sk_buff *skb;
	unsigned int n = 0;

	KUNIT_ASSERT_EQ(test, lansim_mac_ops.set_coalesce(fx->ls, &c), 0);
	lansim_partner_send(test, fx, 100);
	lansim_partner_send(test, fx, 100);
	lansim_wait_rx_frames(test, fx, 2);
	while ((skb = lansim_mac_ops.rx(fx->ls, &st))) {
		kfree_skb(skb);
		n++;
	}
	KUNIT_EXPECT_EQ(test, n, 2);
	lansim_expect_no_irq(test, fx, 90);
	lansim_partner_send(test, fx, 100);
	lansim_expect_first_irq(test, fx);
}

struct lansim_coal_case {
	const char *name;
	struct lan8720_mac_coalesce c;
	int ret;
};

/* The simulated MAC's limits: a 16-bit microsecond timer, an 8-bit
 * frame counter, and never both off (the irq would never come).
 */
static const struct lansim_coal_case lansim_coal_cases[] = {
	{ "off", { 0, 1 }, 0 },
	{ "largest", { 65535, 255 }, 0 },
	{ "usecs_only", { 1000, 0 }, 0 },
	{ "both_zero", { 0, 0 }, -EINVAL },
	{ "usecs_too_big", { 65536, 1 }, -EINVAL },
	{ "frames_too_big", { 1, 256 }, -EINVAL },
};

static void lansim_coal_desc(const struct lansim_coal_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(lansim_coal, lansim_coal_cases, lansim_coal_desc);

static void lansim_test_coalesce_limits(struct kunit *test)
{
	const struct lansim_coal_case *c = test->param_value;
	struct lansim_fixture *fx = lansim_fixture_new(test, false, 100, true);

	KUNIT_EXPECT_EQ(test, lansim_mac_ops.set_coalesce(fx->ls, &c->c),
			c->ret);
}

/* After -EBUSY the room irq waits until half the TX FIFO is free: one
 * interrupt refills several frames, instead of one per frame that left.
 */
static void lansim_test_room_half_fifo(struct kunit *test)
{
	struct lansim_fixture *fx = lansim_fixture_new(test, false, 10, true);
	unsigned int attempt, base = 0, i, sent, n;
	struct sk_buff *frames[16];
	int ret = 0;

	KUNIT_ASSERT_EQ(test, lansim_mac_ops.set_link(fx->ls, true, SPEED_10,
						      DUPLEX_FULL), 0);
	/* Six 1518-byte frames fill it; each takes 1.2 ms at 10 Mb/s. A VM
	 * slower than that never fills it: let the frames go and retry.
	 */
	fx->ls->wire.tx_fifo_bytes = 6 * 1518;
	n = ARRAY_SIZE(frames);
	for (attempt = 0; attempt < 5; attempt++) {
		for (i = 0; i < n; i++)
			frames[i] = lansim_frame(test, 1514, true, base + i);
		for (i = 0; i < n; i++) {
			ret = lansim_send(fx, frames[i]);
			if (ret)
				break;
		}
		if (ret)
			break;
		base += n;
		lansim_expect_done(test, fx, base);
	}
	KUNIT_ASSERT_EQ(test, ret, -EBUSY);
	sent = base + i;
	while (i < n)
		kfree_skb(frames[i++]);
	KUNIT_ASSERT_NE(test, wait_for_completion_timeout(&fx->host.irq, HZ),
			0);
	/* Half of 9108 bytes free: at most three frames were left in it. */
	KUNIT_EXPECT_GE(test, fx->host.done_at_irq + 3, sent);
	lansim_expect_done(test, fx, sent);
	KUNIT_EXPECT_EQ(test, atomic_read(&fx->host.irqs), 1);
}

/* A MAC programmed for another speed than the PHY's link garbles what it
 * sends: the partner sees FCS errors (RMII sampled at the wrong rate).
 */
static void lansim_test_speed_mismatch(struct kunit *test)
{
	struct lansim_fixture *fx = lansim_fixture_new(test, false, 100, true);

	KUNIT_ASSERT_EQ(test, lansim_mac_ops.set_link(fx->ls, true, SPEED_10,
						      DUPLEX_FULL), 0);
	KUNIT_ASSERT_EQ(test, lansim_send(fx, lansim_frame(test, 60, true, 0)),
			0);
	lansim_expect_done(test, fx, 1);
	KUNIT_EXPECT_EQ(test, u64_stats_read(&fx->ls->wire.stats.p_rx_crc), 1);
}

static struct kunit_case lansim_mac_cases[] = {
	KUNIT_CASE(lansim_test_pacing_10),
	KUNIT_CASE(lansim_test_line_rate_100),
	KUNIT_CASE(lansim_test_no_carrier),
	KUNIT_CASE(lansim_test_busy_then_irq),
	KUNIT_CASE_PARAM(lansim_test_partner_to_mac, lansim_rx_gen_params),
	KUNIT_CASE(lansim_test_rx_overrun),
	KUNIT_CASE(lansim_test_disable_returns_all),
	KUNIT_CASE(lansim_test_speed_mismatch),
	KUNIT_CASE(lansim_test_coalesce_frames),
	KUNIT_CASE(lansim_test_coalesce_usecs),
	KUNIT_CASE(lansim_test_coalesce_read_first),
	KUNIT_CASE_PARAM(lansim_test_coalesce_limits, lansim_coal_gen_params),
	KUNIT_CASE(lansim_test_room_half_fifo),
	{}
};

struct kunit_suite lansim_mac_suite = {
	.name = "lan8720_sim_mac",
	.init = lansim_fixture_init,
	.exit = lansim_fixture_exit,
	.test_cases = lansim_mac_cases,
};
