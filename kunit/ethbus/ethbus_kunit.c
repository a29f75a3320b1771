// SPDX-License-Identifier: GPL-2.0
/* KUnit tests of ethbus: ordering, watermarks, stop/wake, BQL, teardown. */

#include <kunit/test.h>
#include <linux/delay.h>
#include <linux/etherdevice.h>
#include <linux/ethtool.h>
#include <linux/interrupt.h>
#include <linux/irq.h>
#include <linux/irq_sim.h>
#include <linux/irq_work.h>
#include <linux/irqdomain.h>
#include <linux/netdevice.h>
#include <linux/rtnetlink.h>
#include <linux/skbuff.h>
#include <net/sch_generic.h>

#include "ethbus.h"

#define ETHBUS_TEST_PROTO	0x88b5	/* IEEE local experimental */
#define ETHBUS_TEST_MAX_SEEN	512
#define ETHBUS_TEST_WAIT_MS	2000

/**
 * struct ethbus_test_line - a level-triggered interrupt line of a device
 * @fwnode: names @domain
 * @domain: one interrupt, handled with handle_level_irq()
 * @work: raises the interrupt from hard interrupt context
 * @virq: its Linux number
 * @asserted: the device drives the line active
 * @unmasked: the interrupt controller passes it on
 *
 * As an interrupt controller input does: while the line is active and
 * unmasked the interrupt fires, again after every unmask. irq_sim only
 * models edges, which would hide a level interrupt storm.
 */
struct ethbus_test_line {
	struct fwnode_handle *fwnode;
	struct irq_domain *domain;
	struct irq_work work;
	int virq;
	bool asserted;
	bool unmasked;
};

/**
 * struct ethbus_test - one test's device, bus and observations
 * @ndev: a net_device that is never registered
 * @eb: the ethbus under test
 * @started: ethbus_start() was called
 * @pt: sniffer on @ndev that records what the stack receives
 * @lock: protects @seen and @nseen (written in softirq)
 * @seen: sequence numbers of received frames, in arrival order
 * @nseen: entries in @seen
 * @services: service op runs
 * @bus_task: the thread the service op last ran in
 * @take_tx: the fake device takes up to this many frames at a time
 * @device: frames the fake device holds
 * @freed: test skbs freed so far
 * @line: the level-triggered test line, when the test uses one
 * @clear_cause: the service op deasserts @line (the device is serviced)
 * @hold: the service op leaves @line asserted and calls ethbus_irq_hold()
 * @masked_runs: service runs during which @line was masked
 */
struct ethbus_test {
	struct net_device *ndev;
	struct ethbus *eb;
	bool started;
	struct packet_type pt;
	spinlock_t lock; /* seen, nseen */
	u32 seen[ETHBUS_TEST_MAX_SEEN];
	unsigned int nseen;
	atomic_t services;
	struct task_struct *bus_task;
	unsigned int take_tx;
	struct sk_buff_head device;
	atomic_t freed;
	struct ethbus_test_line *line;
	bool clear_cause;
	bool hold;
	atomic_t masked_runs;
};

/* The test whose skbs are being freed (tests run one at a time). */
static struct ethbus_test *ethbus_test_current;

static void ethbus_test_destructor(struct sk_buff *skb)
{
	atomic_inc(&ethbus_test_current->freed);
}

static struct sk_buff *ethbus_test_frame(struct ethbus_test *t, u32 seq,
					 unsigned int len)
{
	struct sk_buff *skb;
	struct ethhdr *eh;

	skb = alloc_skb(len + NET_IP_ALIGN, GFP_KERNEL);
	if (!skb)
		return NULL;
	skb_reserve(skb, NET_IP_ALIGN);
	eh = skb_put_zero(skb, len);
	eth_broadcast_addr(eh->h_dest);
	eth_random_addr(eh->h_source);
	eh->h_proto = htons(ETHBUS_TEST_PROTO);
	put_unaligned_be32(seq, eh + 1);
	skb->destructor = ethbus_test_destructor;
	return skb;
}

static int ethbus_test_sniff(struct sk_buff *skb, struct net_device *dev,
			     struct packet_type *pt,
			     struct net_device *orig_dev)
{
	struct ethbus_test *t = container_of(pt, struct ethbus_test, pt);

	spin_lock(&t->lock);
	if (t->nseen < ETHBUS_TEST_MAX_SEEN && pskb_may_pull(skb, 4))
		t->seen[t->nseen++] = get_unaligned_be32(skb->data);
	spin_unlock(&t->lock);
	consume_skb(skb);
	return NET_RX_SUCCESS;
}

static unsigned int ethbus_test_nseen(struct ethbus_test *t)
{
	unsigned int n;

	spin_lock_bh(&t->lock);
	n = t->nseen;
	spin_unlock_bh(&t->lock);
	return n;
}

static void ethbus_test_service(void *ctx)
{
	struct ethbus_test *t = ctx;
	struct sk_buff *skb;

	WRITE_ONCE(t->bus_task, current);
	while (skb_queue_len(&t->device) < READ_ONCE(t->take_tx)) {
		skb = ethbus_tx_dequeue(t->eb);
		if (!skb)
			break;
		skb_queue_tail(&t->device, skb);
	}
	if (t->line) {
		if (irqd_irq_disabled(irq_get_irq_data(t->line->virq)))
			atomic_inc(&t->masked_runs);
		if (READ_ONCE(t->clear_cause))
			WRITE_ONCE(t->line->asserted, false);
		else if (READ_ONCE(t->hold) && READ_ONCE(t->line->asserted))
			ethbus_irq_hold(t->eb);
	}
	atomic_inc(&t->services);
}

static const struct ethbus_ops ethbus_test_ops = {
	.service = ethbus_test_service,
};

/* Polls @cond for up to ETHBUS_TEST_WAIT_MS; NAPI and the bus context run
 * asynchronously to the test thread.
 */
#define ethbus_test_wait(cond) ({					\
	unsigned int __ms;						\
	bool __ok = false;						\
									\
	for (__ms = 0; !__ok && __ms <= ETHBUS_TEST_WAIT_MS; __ms++) {	\
		__ok = (cond);						\
		if (!__ok)						\
			usleep_range(1000, 2000);			\
	}								\
	__ok;								\
})

static int ethbus_test_init(struct kunit *test)
{
	struct ethbus_test *t;

	t = kunit_kzalloc(test, sizeof(*t), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, t);

	t->ndev = alloc_netdev(0, "ebkunit%d", NET_NAME_UNKNOWN, ether_setup);
	KUNIT_ASSERT_NOT_NULL(test, t->ndev);
	eth_hw_addr_random(t->ndev);
	/* An unregistered device has no qdisc yet; waking its queue needs
	 * one, as a registered but down device has.
	 */
	rcu_assign_pointer(netdev_get_tx_queue(t->ndev, 0)->qdisc,
			   &noop_qdisc);

	spin_lock_init(&t->lock);
	skb_queue_head_init(&t->device);
	t->pt.type = htons(ETH_P_ALL);
	t->pt.dev = t->ndev;
	t->pt.func = ethbus_test_sniff;
	dev_add_pack(&t->pt);

	ethbus_test_current = t;
	test->priv = t;
	return 0;
}

static void ethbus_test_exit(struct kunit *test)
{
	struct ethbus_test *t = test->priv;

	if (t->started) {
		rtnl_lock();
		ethbus_stop(t->eb);
		rtnl_unlock();
	}
	skb_queue_purge(&t->device);
	ethbus_destroy(t->eb);
	dev_remove_pack(&t->pt);
	free_netdev(t->ndev);
	ethbus_test_current = NULL;
}

static void ethbus_test_up(struct kunit *test, const struct ethbus_config *cfg)
{
	struct ethbus_test *t = test->priv;

	t->eb = ethbus_create(t->ndev, &ethbus_test_ops, t, cfg);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, t->eb);
	rtnl_lock();
	KUNIT_EXPECT_EQ(test, ethbus_start(t->eb), 0);
	rtnl_unlock();
	t->started = true;
}

static void ethbus_test_down(struct ethbus_test *t)
{
	rtnl_lock();
	ethbus_stop(t->eb);
	rtnl_unlock();
	t->started = false;
}

static void ethbus_test_rx(struct kunit *test, u32 seq, unsigned int len)
{
	struct sk_buff *skb = ethbus_test_frame(test->priv, seq, len);
	struct ethbus_test *t = test->priv;

	KUNIT_ASSERT_NOT_NULL(test, skb);
	ethbus_rx(t->eb, skb);
}

static void ethbus_test_xmit(struct kunit *test, u32 seq, unsigned int len)
{
	struct sk_buff *skb = ethbus_test_frame(test->priv, seq, len);
	struct ethbus_test *t = test->priv;

	KUNIT_ASSERT_NOT_NULL(test, skb);
	/* ndo_start_xmit runs with bottom halves off. */
	local_bh_disable();
	KUNIT_EXPECT_EQ(test, ethbus_start_xmit(skb, t->ndev), NETDEV_TX_OK);
	local_bh_enable();
}

static void ethbus_test_stats(struct ethbus_test *t,
			      struct rtnl_link_stats64 *st)
{
	memset(st, 0, sizeof(*st));
	ethbus_get_stats64(t->ndev, st);
}

static u64 ethbus_test_stat(struct ethbus_test *t, const char *name)
{
	u64 ret = U64_MAX;
	u8 *names, *np;
	u64 *vals, *vp;
	int i, n;

	n = ethbus_stats_count(t->eb);
	names = kcalloc(n, ETH_GSTRING_LEN, GFP_KERNEL);
	vals = kcalloc(n, sizeof(*vals), GFP_KERNEL);
	if (names && vals) {
		np = names;
		vp = vals;
		ethbus_stats_strings(t->eb, &np);
		ethbus_stats_values(t->eb, &vp);
		for (i = 0; i < n; i++)
			if (!strcmp((char *)names + i * ETH_GSTRING_LEN,
				    name))
				ret = vals[i];
	}
	kfree(names);
	kfree(vals);
	return ret;
}

/* Frames reach the stack in the order the service op handed them over,
 * and are counted.
 */
static void ethbus_test_rx_order(struct kunit *test)
{
	struct ethbus_test *t = test->priv;
	struct rtnl_link_stats64 st;
	unsigned int i, n = 200;

	ethbus_test_up(test, NULL);
	for (i = 0; i < n; i++)
		ethbus_test_rx(test, i, ETH_ZLEN + (i % 64));

	KUNIT_ASSERT_TRUE(test, ethbus_test_wait(ethbus_test_nseen(t) == n));
	for (i = 0; i < n; i++)
		KUNIT_EXPECT_EQ(test, t->seen[i], i);

	ethbus_test_stats(t, &st);
	KUNIT_EXPECT_EQ(test, st.rx_packets, n);
	/* sum of ETH_ZLEN + (i % 64) for i < 200 */
	KUNIT_EXPECT_EQ(test, st.rx_bytes, n * ETH_ZLEN + 3 * 2016 + 28);
	KUNIT_EXPECT_EQ(test, st.rx_dropped, 0);
	KUNIT_EXPECT_EQ(test, atomic_read(&t->freed), n);
}

/* The service op is told to stop reading at the high watermark and is
 * kicked again once NAPI has drained to the low one; past twice the high
 * watermark frames are dropped and counted, never leaked.
 */
static void ethbus_test_rx_watermarks(struct kunit *test)
{
	const struct ethbus_config cfg = { .rx_high = 8, .rx_low = 2 };
	struct ethbus_test *t = test->priv;
	struct rtnl_link_stats64 st;
	struct sk_buff *skbs[18];
	unsigned int i;
	int services;

	ethbus_test_up(test, &cfg);
	KUNIT_EXPECT_TRUE(test, ethbus_rx_room(t->eb));
	for (i = 0; i < ARRAY_SIZE(skbs); i++) {
		skbs[i] = ethbus_test_frame(t, i, ETH_ZLEN);
		KUNIT_ASSERT_NOT_NULL(test, skbs[i]);
	}

	/* Keep NAPI from running until the queue is built. */
	local_bh_disable();
	for (i = 0; i < 7; i++)
		ethbus_rx(t->eb, skbs[i]);
	KUNIT_EXPECT_TRUE(test, ethbus_rx_room(t->eb));
	ethbus_rx(t->eb, skbs[7]);
	KUNIT_EXPECT_FALSE(test, ethbus_rx_room(t->eb));
	for (i = 8; i < ARRAY_SIZE(skbs); i++)
		ethbus_rx(t->eb, skbs[i]);
	services = atomic_read(&t->services);
	local_bh_enable();

	KUNIT_ASSERT_TRUE(test, ethbus_test_wait(ethbus_test_nseen(t) == 16));
	KUNIT_EXPECT_TRUE(test, ethbus_rx_room(t->eb));
	KUNIT_EXPECT_TRUE(test,
			  ethbus_test_wait(atomic_read(&t->services) >
					   services));
	KUNIT_EXPECT_EQ(test, ethbus_test_stat(t, "rx_pauses"), 1);

	ethbus_test_stats(t, &st);
	KUNIT_EXPECT_EQ(test, st.rx_packets, 16);
	KUNIT_EXPECT_EQ(test, st.rx_dropped, 2);
	KUNIT_EXPECT_EQ(test, atomic_read(&t->freed), 18);
}

/* The TX queue stops when tx_max frames are in flight, stays stopped while
 * the device holds them, and wakes when completions bring it to tx_wake.
 */
static void ethbus_test_tx_stop_wake(struct kunit *test)
{
	const struct ethbus_config cfg = { .tx_max = 4, .tx_wake = 2 };
	struct ethbus_test *t = test->priv;
	struct sk_buff *skb;
	int i;

	t->take_tx = 8;
	ethbus_test_up(test, &cfg);
	for (i = 0; i < 3; i++)
		ethbus_test_xmit(test, i, ETH_ZLEN);
	KUNIT_EXPECT_FALSE(test, netif_queue_stopped(t->ndev));
	ethbus_test_xmit(test, 3, ETH_ZLEN);
	KUNIT_EXPECT_TRUE(test, netif_queue_stopped(t->ndev));
	KUNIT_EXPECT_EQ(test, ethbus_test_stat(t, "tx_stops"), 1);

	/* The bus context moves them to the device, in order. */
	KUNIT_ASSERT_TRUE(test,
			  ethbus_test_wait(skb_queue_len(&t->device) == 4));
	KUNIT_EXPECT_TRUE(test, netif_queue_stopped(t->ndev));

	for (i = 0; i < 4; i++) {
		skb = skb_dequeue(&t->device);
		KUNIT_ASSERT_NOT_NULL(test, skb);
		KUNIT_EXPECT_EQ(test, get_unaligned_be32(skb->data + ETH_HLEN),
				i);
		ethbus_tx_done(t->eb, skb, ETHBUS_TX_SENT);
		if (i == 0) {
			/* 3 in flight: still above tx_wake */
			KUNIT_EXPECT_TRUE(test,
					  ethbus_test_wait(atomic_read(&t->freed)
							   == 1));
			KUNIT_EXPECT_TRUE(test, netif_queue_stopped(t->ndev));
		}
	}
	KUNIT_EXPECT_TRUE(test,
			  ethbus_test_wait(!netif_queue_stopped(t->ndev)));
	KUNIT_EXPECT_TRUE(test, ethbus_test_wait(atomic_read(&t->freed) == 4));
}

/* BQL sees every byte handed off and every byte completed, whatever the
 * outcome, and is reset by a stop.
 */
static void ethbus_test_tx_bql(struct kunit *test)
{
	static const enum ethbus_tx_result results[] = {
		ETHBUS_TX_SENT, ETHBUS_TX_DROPPED, ETHBUS_TX_ERROR,
	};
	struct ethbus_test *t = test->priv;
	struct netdev_queue *txq;
	struct sk_buff *skb;
	int i;

	txq = netdev_get_tx_queue(t->ndev, 0);
	t->take_tx = 8;
	ethbus_test_up(test, NULL);
	for (i = 0; i < 3; i++)
		ethbus_test_xmit(test, i, 100 * (i + 1));
	KUNIT_EXPECT_EQ(test, txq->dql.num_queued, 600);
	KUNIT_ASSERT_TRUE(test,
			  ethbus_test_wait(skb_queue_len(&t->device) == 3));

	for (i = 0; i < 3; i++) {
		skb = skb_dequeue(&t->device);
		KUNIT_ASSERT_NOT_NULL(test, skb);
		ethbus_tx_done(t->eb, skb, results[i]);
	}
	KUNIT_EXPECT_TRUE(test, ethbus_test_wait(txq->dql.num_completed ==
						 600));

	ethbus_test_xmit(test, 3, 64);
	KUNIT_EXPECT_EQ(test, txq->dql.num_queued, 664);
	ethbus_test_down(t);
	KUNIT_EXPECT_EQ(test, txq->dql.num_queued, txq->dql.num_completed);
}

/* Each outcome lands in its own counter, bytes only for frames sent. */
static void ethbus_test_tx_stats(struct kunit *test)
{
	struct ethbus_test *t = test->priv;
	struct rtnl_link_stats64 st;
	struct sk_buff *skb;
	int i;

	t->take_tx = 8;
	ethbus_test_up(test, NULL);
	for (i = 0; i < 6; i++)
		ethbus_test_xmit(test, i, 100);
	KUNIT_ASSERT_TRUE(test,
			  ethbus_test_wait(skb_queue_len(&t->device) == 6));
	for (i = 0; i < 6; i++) {
		skb = skb_dequeue(&t->device);
		KUNIT_ASSERT_NOT_NULL(test, skb);
		ethbus_tx_done(t->eb, skb, i < 3 ? ETHBUS_TX_SENT :
			       i < 5 ? ETHBUS_TX_DROPPED : ETHBUS_TX_ERROR);
	}
	KUNIT_ASSERT_TRUE(test, ethbus_test_wait(atomic_read(&t->freed) == 6));

	ethbus_test_stats(t, &st);
	KUNIT_EXPECT_EQ(test, st.tx_packets, 3);
	KUNIT_EXPECT_EQ(test, st.tx_bytes, 300);
	KUNIT_EXPECT_EQ(test, st.tx_dropped, 2);
	KUNIT_EXPECT_EQ(test, st.tx_errors, 1);
	KUNIT_EXPECT_EQ(test, st.rx_packets, 0);
}

/* Stopping with frames queued, held by the device and completed later
 * frees every one of them and counts each once.
 */
static void ethbus_test_teardown_in_flight(struct kunit *test)
{
	const struct ethbus_config cfg = { .tx_max = 16, .tx_wake = 8 };
	struct ethbus_test *t = test->priv;
	struct rtnl_link_stats64 st;
	struct sk_buff *skb;
	int i;

	t->take_tx = 2;
	ethbus_test_up(test, &cfg);
	for (i = 0; i < 6; i++)
		ethbus_test_xmit(test, i, 100);
	KUNIT_ASSERT_TRUE(test,
			  ethbus_test_wait(skb_queue_len(&t->device) == 2));
	for (i = 0; i < 64; i++)
		ethbus_test_rx(test, 100 + i, ETH_ZLEN);

	ethbus_test_down(t);

	/* After the stop nothing more is taken or queued. */
	KUNIT_EXPECT_NULL(test, ethbus_tx_dequeue(t->eb));
	KUNIT_EXPECT_FALSE(test, ethbus_rx_room(t->eb));
	ethbus_test_rx(test, 999, ETH_ZLEN);

	/* The device gives its frames back late: one sent, one flushed. */
	skb = skb_dequeue(&t->device);
	KUNIT_ASSERT_NOT_NULL(test, skb);
	ethbus_tx_done(t->eb, skb, ETHBUS_TX_SENT);
	skb = skb_dequeue(&t->device);
	KUNIT_ASSERT_NOT_NULL(test, skb);
	ethbus_tx_done(t->eb, skb, ETHBUS_TX_DROPPED);

	KUNIT_EXPECT_TRUE(test, ethbus_test_wait(atomic_read(&t->freed) ==
						 6 + 64 + 1));
	ethbus_test_stats(t, &st);
	KUNIT_EXPECT_EQ(test, st.tx_packets, 1);
	KUNIT_EXPECT_EQ(test, st.tx_dropped, 4 + 1);
	KUNIT_EXPECT_EQ(test, st.rx_packets + st.rx_dropped, 64 + 1);
	KUNIT_EXPECT_EQ(test, ethbus_test_nseen(t), st.rx_packets);

	/* And it starts again from a clean state. */
	rtnl_lock();
	KUNIT_EXPECT_EQ(test, ethbus_start(t->eb), 0);
	rtnl_unlock();
	t->started = true;
	KUNIT_EXPECT_TRUE(test, ethbus_rx_room(t->eb));
	KUNIT_EXPECT_FALSE(test, netif_queue_stopped(t->ndev));
}

static int ethbus_test_where(void *arg)
{
	struct task_struct **task = arg;

	*task = current;
	return 42;
}

/* ethbus_call() runs in the bus context, like the service op, and returns
 * the function's result.
 */
static void ethbus_test_call(struct kunit *test)
{
	struct ethbus_test *t = test->priv;
	struct task_struct *task = NULL;

	ethbus_test_up(test, NULL);
	KUNIT_ASSERT_TRUE(test, ethbus_test_wait(READ_ONCE(t->bus_task)));
	KUNIT_EXPECT_EQ(test, ethbus_call(t->eb, ethbus_test_where, &task), 42);
	KUNIT_EXPECT_PTR_EQ(test, task, READ_ONCE(t->bus_task));
	KUNIT_EXPECT_PTR_NE(test, task, current);
}

/* The service op runs on every kick, also while the interface is down. */
static void ethbus_test_kick(struct kunit *test)
{
	struct ethbus_test *t = test->priv;
	int before;

	t->eb = ethbus_create(t->ndev, &ethbus_test_ops, t, NULL);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, t->eb);
	before = atomic_read(&t->services);
	ethbus_irq(t->eb);
	KUNIT_EXPECT_TRUE(test, ethbus_test_wait(atomic_read(&t->services) >
						 before));
	KUNIT_EXPECT_EQ(test, ethbus_test_stat(t, "bus_irqs"), 1);
	KUNIT_EXPECT_EQ(test, ethbus_test_stat(t, "bus_services"),
			atomic_read(&t->services));
}

/* A host interrupt line is masked until serviced, then fires again. */
static void ethbus_test_irq_line(struct kunit *test)
{
	struct ethbus_test *t = test->priv;
	struct irq_domain *domain;
	struct irq_data *data;
	int virq, before;

	domain = irq_domain_create_sim(NULL, 1);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, domain);
	virq = irq_create_mapping(domain, 0);
	KUNIT_ASSERT_GT(test, virq, 0);
	data = irq_get_irq_data(virq);

	t->eb = ethbus_create(t->ndev, &ethbus_test_ops, t, NULL);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, t->eb);
	KUNIT_ASSERT_EQ(test, ethbus_request_irq(t->eb, virq, 0), 0);
	KUNIT_EXPECT_EQ(test, ethbus_request_irq(t->eb, virq, 0), -EBUSY);
	/* requested masked; the first service run unmasks it */
	KUNIT_EXPECT_TRUE(test, ethbus_test_wait(!irqd_irq_disabled(data)));

	before = atomic_read(&t->services);
	irq_set_irqchip_state(virq, IRQCHIP_STATE_PENDING, true);
	KUNIT_EXPECT_TRUE(test, ethbus_test_wait(atomic_read(&t->services) >
						 before));
	KUNIT_EXPECT_TRUE(test, ethbus_test_wait(ethbus_test_stat(t, "bus_irqs")
						 == 1));

	/* Unmasked after the service: a second assertion is seen. */
	KUNIT_EXPECT_TRUE(test, ethbus_test_wait(!irqd_irq_disabled(data)));
	irq_set_irqchip_state(virq, IRQCHIP_STATE_PENDING, true);
	KUNIT_EXPECT_TRUE(test, ethbus_test_wait(ethbus_test_stat(t, "bus_irqs")
						 == 2));

	ethbus_destroy(t->eb);
	t->eb = NULL;
	irq_dispose_mapping(virq);
	irq_domain_remove_sim(domain);
}

static void ethbus_line_fire(struct irq_work *work)
{
	struct ethbus_test_line *l = container_of(work, struct ethbus_test_line,
						  work);

	if (READ_ONCE(l->asserted) && READ_ONCE(l->unmasked))
		generic_handle_domain_irq(l->domain, 0);
}

static void ethbus_line_mask(struct irq_data *d)
{
	struct ethbus_test_line *l = irq_data_get_irq_chip_data(d);

	WRITE_ONCE(l->unmasked, false);
}

static void ethbus_line_unmask(struct irq_data *d)
{
	struct ethbus_test_line *l = irq_data_get_irq_chip_data(d);

	WRITE_ONCE(l->unmasked, true);
	if (READ_ONCE(l->asserted))
		irq_work_queue(&l->work);
}

static struct irq_chip ethbus_line_chip = {
	.name = "ethbus-kunit-level",
	.irq_mask = ethbus_line_mask,
	.irq_unmask = ethbus_line_unmask,
};

static int ethbus_line_map(struct irq_domain *d, unsigned int virq,
			   irq_hw_number_t hw)
{
	irq_set_chip_data(virq, d->host_data);
	irq_set_chip_and_handler(virq, &ethbus_line_chip, handle_level_irq);
	return 0;
}

static const struct irq_domain_ops ethbus_line_ops = {
	.map = ethbus_line_map,
};

static void ethbus_line_set(struct ethbus_test_line *l, bool on)
{
	WRITE_ONCE(l->asserted, on);
	if (on && READ_ONCE(l->unmasked))
		irq_work_queue(&l->work);
}

static struct ethbus_test_line *ethbus_line_new(struct kunit *test)
{
	struct ethbus_test_line *l;

	l = kunit_kzalloc(test, sizeof(*l), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, l);
	init_irq_work(&l->work, ethbus_line_fire);
	l->fwnode = irq_domain_alloc_named_fwnode("ethbus-kunit-line");
	KUNIT_ASSERT_NOT_NULL(test, l->fwnode);
	l->domain = irq_domain_create_linear(l->fwnode, 1, &ethbus_line_ops,
					     l);
	KUNIT_ASSERT_NOT_NULL(test, l->domain);
	l->virq = irq_create_mapping(l->domain, 0);
	KUNIT_ASSERT_GT(test, l->virq, 0);
	return l;
}

/* The ethbus (which frees the IRQ) must be gone first. */
static void ethbus_line_free(struct ethbus_test_line *l)
{
	irq_work_sync(&l->work);
	irq_dispose_mapping(l->virq);
	irq_domain_remove(l->domain);
	irq_domain_free_fwnode(l->fwnode);
}

/* bus_irqs over @ms milliseconds of observation */
static u64 ethbus_test_irqs_in(struct ethbus_test *t, unsigned int ms)
{
	u64 before = ethbus_test_stat(t, "bus_irqs");

	msleep(ms);
	return ethbus_test_stat(t, "bus_irqs") - before;
}

/*
 * A device that already drives its level-triggered line when the driver
 * asks for the interrupt is serviced, and the line works afterwards. Each
 * round is a fresh probe: the interrupt fires inside request_irq(), and the
 * service run that follows must be able to unmask the line.
 */
static void ethbus_test_irq_asserted_at_request(struct kunit *test)
{
	struct ethbus_test *t = test->priv;
	struct ethbus_test_line *l = ethbus_line_new(test);
	struct irq_data *data = irq_get_irq_data(l->virq);
	int round;

	t->line = l;
	WRITE_ONCE(t->clear_cause, true);
	for (round = 0; round < 20; round++) {
		t->eb = ethbus_create(t->ndev, &ethbus_test_ops, t, NULL);
		KUNIT_ASSERT_NOT_ERR_OR_NULL(test, t->eb);
		ethbus_line_set(l, true);
		KUNIT_ASSERT_EQ(test, ethbus_request_irq(t->eb, l->virq, 0), 0);
		KUNIT_EXPECT_TRUE(test, ethbus_test_wait(!READ_ONCE(l->asserted)));
		KUNIT_EXPECT_TRUE(test, ethbus_test_wait(!irqd_irq_disabled(data)));
		/* the next assertion reaches the driver */
		ethbus_line_set(l, true);
		KUNIT_EXPECT_TRUE(test, ethbus_test_wait(!READ_ONCE(l->asserted)));
		KUNIT_EXPECT_GE(test, ethbus_test_stat(t, "bus_irqs"), 1);
		ethbus_destroy(t->eb);
		t->eb = NULL;
		if (test->status == KUNIT_FAILURE) {
			kunit_info(test, "lost in round %d\n", round);
			break;
		}
	}
	t->line = NULL;
	ethbus_line_free(l);
}

/*
 * A level cause left pending on purpose (no room for what the device
 * holds) does not storm: ethbus_irq_hold() keeps the line masked, and a
 * kick after the cause is dealt with unmasks it again. The same line
 * without the hold storms, which shows the observation can fail.
 */
static void ethbus_test_irq_hold(struct kunit *test)
{
	struct ethbus_test *t = test->priv;
	struct ethbus_test_line *l = ethbus_line_new(test);
	struct irq_data *data = irq_get_irq_data(l->virq);
	u64 n;

	t->line = l;
	t->eb = ethbus_create(t->ndev, &ethbus_test_ops, t, NULL);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, t->eb);
	KUNIT_ASSERT_EQ(test, ethbus_request_irq(t->eb, l->virq, 0), 0);
	KUNIT_ASSERT_TRUE(test, ethbus_test_wait(!irqd_irq_disabled(data)));

	/* no hold, cause left in place: the line fires run after run */
	ethbus_line_set(l, true);
	n = ethbus_test_irqs_in(t, 100);
	KUNIT_EXPECT_GT(test, n, 10);
	kunit_info(test, "without a hold: %llu interrupts in 100 ms\n", n);

	/* with the hold: at most the one in flight, and the line stays off */
	WRITE_ONCE(t->hold, true);
	KUNIT_EXPECT_TRUE(test,
			  ethbus_test_wait(ethbus_test_stat(t, "bus_irq_holds")));
	n = ethbus_test_irqs_in(t, 200);
	KUNIT_EXPECT_LE(test, n, 1);
	KUNIT_EXPECT_TRUE(test, irqd_irq_disabled(data));

	/* the cause is dealt with on the next kick: the line comes back */
	WRITE_ONCE(t->hold, false);
	WRITE_ONCE(t->clear_cause, true);
	ethbus_kick(t->eb);
	KUNIT_EXPECT_TRUE(test, ethbus_test_wait(!irqd_irq_disabled(data)));
	n = ethbus_test_stat(t, "bus_irqs");
	ethbus_line_set(l, true);
	KUNIT_EXPECT_TRUE(test, ethbus_test_wait(ethbus_test_stat(t, "bus_irqs")
						 > n));
	KUNIT_EXPECT_TRUE(test, ethbus_test_wait(!READ_ONCE(l->asserted)));

	ethbus_destroy(t->eb);
	t->eb = NULL;
	t->line = NULL;
	ethbus_line_free(l);
}

/* irq_mask_service masks the line for runs a kick started, too. */
static void ethbus_test_irq_mask_service(struct kunit *test)
{
	const struct ethbus_config cfg = { .irq_mask_service = true };
	struct ethbus_test *t = test->priv;
	struct ethbus_test_line *l = ethbus_line_new(test);
	struct irq_data *data = irq_get_irq_data(l->virq);
	int i, runs;

	t->line = l;
	for (i = 0; i < 2; i++) {
		t->eb = ethbus_create(t->ndev, &ethbus_test_ops, t,
				      i ? &cfg : NULL);
		KUNIT_ASSERT_NOT_ERR_OR_NULL(test, t->eb);
		KUNIT_ASSERT_EQ(test, ethbus_request_irq(t->eb, l->virq, 0), 0);
		KUNIT_ASSERT_TRUE(test, ethbus_test_wait(!irqd_irq_disabled(data)));
		atomic_set(&t->masked_runs, 0);
		runs = atomic_read(&t->services);
		ethbus_kick(t->eb);
		KUNIT_EXPECT_TRUE(test, ethbus_test_wait(atomic_read(&t->services)
							 > runs));
		KUNIT_EXPECT_EQ(test, atomic_read(&t->masked_runs), i);
		KUNIT_EXPECT_TRUE(test, ethbus_test_wait(!irqd_irq_disabled(data)));
		ethbus_destroy(t->eb);
		t->eb = NULL;
	}
	t->line = NULL;
	ethbus_line_free(l);
}

/* Fault reports are counted even when their message is rate-limited. */
static void ethbus_test_faults(struct kunit *test)
{
	struct ethbus_test *t = test->priv;
	int i;

	t->eb = ethbus_create(t->ndev, &ethbus_test_ops, t, NULL);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, t->eb);
	for (i = 0; i < 30; i++)
		ethbus_fault(t->eb, -EIO, "kunit bus read");
	KUNIT_EXPECT_EQ(test, ethbus_test_stat(t, "bus_faults"), 30);
}

/* Carrier changes reach the net_device. */
static void ethbus_test_carrier(struct kunit *test)
{
	struct ethbus_test *t = test->priv;

	t->eb = ethbus_create(t->ndev, &ethbus_test_ops, t, NULL);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, t->eb);
	ethbus_set_carrier(t->eb, true);
	KUNIT_EXPECT_TRUE(test, netif_carrier_ok(t->ndev));
	ethbus_set_carrier(t->eb, false);
	KUNIT_EXPECT_FALSE(test, netif_carrier_ok(t->ndev));
}

struct ethbus_test_bad_cfg {
	const char *name;
	struct ethbus_config cfg;
};

static const struct ethbus_test_bad_cfg ethbus_test_bad_cfgs[] = {
	{ "rx_low above rx_high", { .rx_high = 4, .rx_low = 8 } },
	{ "rx_low equal to rx_high", { .rx_high = 4, .rx_low = 4 } },
	{ "tx_wake above tx_max", { .tx_max = 4, .tx_wake = 5 } },
	{ "tx_wake equal to tx_max", { .tx_max = 4, .tx_wake = 4 } },
};

static void ethbus_test_bad_cfg_desc(const struct ethbus_test_bad_cfg *c,
				     char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(ethbus_test_bad_cfg, ethbus_test_bad_cfgs,
		  ethbus_test_bad_cfg_desc);

/* Inconsistent tunables are refused, not silently used. */
static void ethbus_test_bad_config(struct kunit *test)
{
	const struct ethbus_test_bad_cfg *c = test->param_value;
	struct ethbus_test *t = test->priv;
	struct ethbus *eb;

	eb = ethbus_create(t->ndev, &ethbus_test_ops, t, &c->cfg);
	KUNIT_EXPECT_EQ(test, PTR_ERR_OR_ZERO(eb), -EINVAL);
	if (!IS_ERR(eb))
		ethbus_destroy(eb);
}

static struct kunit_case ethbus_test_cases[] = {
	KUNIT_CASE(ethbus_test_rx_order),
	KUNIT_CASE(ethbus_test_rx_watermarks),
	KUNIT_CASE(ethbus_test_tx_stop_wake),
	KUNIT_CASE(ethbus_test_tx_bql),
	KUNIT_CASE(ethbus_test_tx_stats),
	KUNIT_CASE(ethbus_test_teardown_in_flight),
	KUNIT_CASE(ethbus_test_call),
	KUNIT_CASE(ethbus_test_kick),
	KUNIT_CASE(ethbus_test_irq_line),
	KUNIT_CASE(ethbus_test_irq_asserted_at_request),
	KUNIT_CASE(ethbus_test_irq_hold),
	KUNIT_CASE(ethbus_test_irq_mask_service),
	KUNIT_CASE(ethbus_test_faults),
	KUNIT_CASE(ethbus_test_carrier),
	KUNIT_CASE_PARAM(ethbus_test_bad_config,
			 ethbus_test_bad_cfg_gen_params),
	{}
};

static struct kunit_suite ethbus_test_suite = {
	.name = "ethbus",
	.init = ethbus_test_init,
	.exit = ethbus_test_exit,
	.test_cases = ethbus_test_cases,
};

kunit_test_suite(ethbus_test_suite);

MODULE_DESCRIPTION("KUnit tests for ethbus");
MODULE_LICENSE("GPL");
