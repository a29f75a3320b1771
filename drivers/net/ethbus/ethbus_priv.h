/* SPDX-License-Identifier: GPL-2.0 */
/* ethbus internals: the per-device state shared by the core's files. */

#ifndef _ETHBUS_PRIV_H
#define _ETHBUS_PRIV_H

#include <linux/atomic.h>
#include <linux/kthread.h>
#include <linux/netdevice.h>
#include <linux/ratelimit.h>
#include <linux/skbuff.h>
#include <linux/spinlock.h>
#include <linux/u64_stats_sync.h>

#include "ethbus.h"

#define ETHBUS_RX_HIGH_DEFAULT	128
#define ETHBUS_TX_MAX_DEFAULT	64

/* ethbus::flags bits */
#define ETHBUS_IRQ_MASKED	0	/* host IRQ disabled until serviced */
#define ETHBUS_IRQ_HOLD		1	/* this run left the cause pending */

/**
 * struct ethbus_napi_stats - counters written only by the NAPI poll
 * @syncp: u64 sequence for readers on 32-bit hosts
 * @rx_packets: frames delivered to the stack
 * @rx_bytes: their length from the destination address, FCS excluded
 * @tx_packets: frames completed as sent
 * @tx_bytes: their length as handed off
 * @tx_dropped: frames completed as dropped
 * @tx_errors: frames completed as failed
 * @polls: NAPI poll calls
 */
struct ethbus_napi_stats {
	struct u64_stats_sync syncp;
	u64_stats_t rx_packets;
	u64_stats_t rx_bytes;
	u64_stats_t tx_packets;
	u64_stats_t tx_bytes;
	u64_stats_t tx_dropped;
	u64_stats_t tx_errors;
	u64_stats_t polls;
};

/**
 * struct ethbus_lock_stats - counters written under &ethbus.lock
 * @syncp: u64 sequence for readers on 32-bit hosts
 * @rx_dropped: received frames dropped (data path stopped, queue overfull)
 * @tx_dropped: frames dropped at hand-off or flushed by ethbus_stop()
 * @tx_packets: frames completed as sent after ethbus_stop()
 * @tx_bytes: their length
 * @tx_errors: frames completed as failed after ethbus_stop()
 */
struct ethbus_lock_stats {
	struct u64_stats_sync syncp;
	u64_stats_t rx_dropped;
	u64_stats_t tx_dropped;
	u64_stats_t tx_packets;
	u64_stats_t tx_bytes;
	u64_stats_t tx_errors;
};

/**
 * struct ethbus_tx_cb - what ethbus keeps in skb->cb of a TX frame
 * @len: length accounted to BQL at hand-off
 * @gen: &ethbus.gen at hand-off; BQL and the in-flight count only take
 *	back what was accounted since the last ethbus_start()
 * @result: how it ended, set by ethbus_tx_done()
 */
struct ethbus_tx_cb {
	unsigned int len;
	unsigned int gen;
	enum ethbus_tx_result result;
};

/**
 * struct ethbus - one device's bus context, NAPI and hand-off queues
 * @ndev: the net_device served
 * @ops: the driver's callbacks
 * @ctx: the driver's cookie for @ops
 * @worker: the bus context
 * @service_work: runs @ops->service in @worker
 * @irq: host interrupt masked until serviced, or -1
 * @flags: %ETHBUS_IRQ_MASKED, %ETHBUS_IRQ_HOLD
 * @started: ethbus_start() done and ethbus_stop() not yet (RTNL)
 * @napi: delivers @rxq and reaps @tx_done
 * @lock: protects @running, @rx_paused, @rxq, @txq, @tx_done and
 *	@lock_stats; taken with interrupts off (ethbus_tx_done() may run in
 *	hard IRQ context)
 * @running: the data path is up: frames are accepted
 * @rx_paused: @rxq reached @rx_high and has not yet drained to @rx_low
 * @rxq: received frames waiting for NAPI
 * @txq: frames waiting for the bus context (the hand-off queue)
 * @tx_done: completed frames waiting for NAPI
 * @tx_inflight: frames handed off and not yet reaped
 * @gen: data path generation, incremented by ethbus_start()
 * @rx_high: see &ethbus_config.rx_high
 * @rx_low: see &ethbus_config.rx_low
 * @tx_max: see &ethbus_config.tx_max
 * @tx_wake: see &ethbus_config.tx_wake
 * @irq_mask_service: see &ethbus_config.irq_mask_service
 * @msg_enable: NETIF_MSG_* bits
 * @fault_rs: rate limit of ethbus_fault() messages
 * @irqs: ethbus_irq() calls
 * @services: service op runs
 * @irq_holds: service op runs that kept the host interrupt masked
 * @faults: ethbus_fault() calls
 * @rx_pauses: times @rx_paused was set
 * @tx_stops: times the TX queue was stopped for @tx_max
 * @napi_stats: counters written by the NAPI poll
 * @lock_stats: counters written under @lock
 */
struct ethbus {
	struct net_device *ndev;
	const struct ethbus_ops *ops;
	void *ctx;

	struct kthread_worker *worker;
	struct kthread_work service_work;
	int irq;
	unsigned long flags;
	bool started;

	struct napi_struct napi;

	spinlock_t lock; /* running, rx_paused, the queues, lock_stats */
	bool running;
	bool rx_paused;
	struct sk_buff_head rxq;
	struct sk_buff_head txq;
	struct sk_buff_head tx_done;
	atomic_t tx_inflight;
	unsigned int gen;

	unsigned int rx_high;
	unsigned int rx_low;
	unsigned int tx_max;
	unsigned int tx_wake;
	bool irq_mask_service;

	u32 msg_enable;
	struct ratelimit_state fault_rs;

	atomic64_t irqs;
	atomic64_t services;
	atomic64_t irq_holds;
	atomic64_t faults;
	atomic64_t rx_pauses;
	atomic64_t tx_stops;

	struct ethbus_napi_stats napi_stats;
	struct ethbus_lock_stats lock_stats;
};

static inline struct ethbus_tx_cb *ethbus_tx_cb(struct sk_buff *skb)
{
	BUILD_BUG_ON(sizeof(struct ethbus_tx_cb) > sizeof(skb->cb));
	return (struct ethbus_tx_cb *)skb->cb;
}

int ethbus_poll(struct napi_struct *napi, int budget);
void ethbus_napi_kick(struct ethbus *eb);
void ethbus_flush_queues(struct ethbus *eb);

#endif /* _ETHBUS_PRIV_H */
