/* SPDX-License-Identifier: GPL-2.0 */
/* ethbus: bus context, NAPI and TX hand-off for NICs behind a sleeping bus. */

#ifndef _ETHBUS_H
#define _ETHBUS_H

#include <linux/netdevice.h>
#include <linux/types.h>

struct ethtool_drvinfo;

/*
 * See Documentation/networking/ethbus.rst for the model and its locking.
 *
 * A driver creates one struct ethbus per net_device. ethbus owns a bus
 * context (a kthread worker) in which the driver's service op does all bus
 * I/O, a NAPI instance that delivers received frames and reaps transmitted
 * ones, the TX hand-off queue behind ndo_start_xmit, and the software
 * statistics. ethbus uses ndev->ml_priv and the control buffer (skb->cb)
 * of the TX skbs it is given.
 */
struct ethbus;

/**
 * struct ethbus_ops - what ethbus calls in the driver
 * @service: do all pending bus work: write the frames ethbus_tx_dequeue()
 *	returns, read frames while ethbus_rx_room() allows and pass them to
 *	ethbus_rx(), act on the driver's own pending control requests. Runs
 *	in the bus context, one call at a time; may sleep. Called after every
 *	ethbus_kick(), interrupt, queued TX frame and freed RX room; a kick
 *	while it runs makes it run again. A run that leaves the interrupt's
 *	cause pending on purpose (no room for the frame the device holds,
 *	device powered down) calls ethbus_irq_hold(), so a level-triggered
 *	line does not fire again at once.
 */
struct ethbus_ops {
	void (*service)(void *ctx);
};

/**
 * struct ethbus_config - tunables; 0 picks the default
 * @rx_high: received frames waiting for NAPI at which ethbus_rx_room()
 *	turns false (default 128).
 * @rx_low: waiting frames at or below which it turns true again and the
 *	bus context is kicked (default rx_high / 4).
 * @tx_max: frames handed off and not yet completed at which the TX queue
 *	is stopped (default 64).
 * @tx_wake: in-flight frames at or below which it is woken (default
 *	tx_max / 2).
 * @irq_mask_service: keep the host interrupt masked for the whole of
 *	every service op run, also a run that a kick started, not only one
 *	that the interrupt started. For a device whose interrupt line is
 *	also a bus line (a 3-wire gSPI chip signals on its data line), so
 *	the bus's own transfers do not interrupt the host.
 */
struct ethbus_config {
	unsigned int rx_high;
	unsigned int rx_low;
	unsigned int tx_max;
	unsigned int tx_wake;
	bool irq_mask_service;
};

/**
 * enum ethbus_tx_result - how a transmitted frame ended
 * @ETHBUS_TX_SENT: on the wire or accepted by the device; counted in
 *	tx_packets and tx_bytes.
 * @ETHBUS_TX_DROPPED: not sent, and not an error of the device (no
 *	carrier, flushed); counted in tx_dropped.
 * @ETHBUS_TX_ERROR: the device failed to send it; counted in tx_errors.
 */
enum ethbus_tx_result {
	ETHBUS_TX_SENT,
	ETHBUS_TX_DROPPED,
	ETHBUS_TX_ERROR,
};

struct ethbus *ethbus_create(struct net_device *ndev,
			     const struct ethbus_ops *ops, void *ctx,
			     const struct ethbus_config *cfg);
void ethbus_destroy(struct ethbus *eb);
struct ethbus *ethbus_from_netdev(const struct net_device *ndev);

int ethbus_start(struct ethbus *eb);
void ethbus_stop(struct ethbus *eb);

void ethbus_kick(struct ethbus *eb);
void ethbus_irq(struct ethbus *eb);
void ethbus_irq_hold(struct ethbus *eb);
u64 ethbus_irq_count(const struct ethbus *eb);
int ethbus_request_irq(struct ethbus *eb, unsigned int irq,
		       unsigned long flags);
int ethbus_call(struct ethbus *eb, int (*fn)(void *arg), void *arg);

void ethbus_rx(struct ethbus *eb, struct sk_buff *skb);
bool ethbus_rx_room(struct ethbus *eb);

netdev_tx_t ethbus_start_xmit(struct sk_buff *skb, struct net_device *ndev);
struct sk_buff *ethbus_tx_dequeue(struct ethbus *eb);
void ethbus_tx_requeue(struct ethbus *eb, struct sk_buff *skb);
void ethbus_tx_done(struct ethbus *eb, struct sk_buff *skb,
		    enum ethbus_tx_result result);

void ethbus_set_carrier(struct ethbus *eb, bool on);
void ethbus_fault(struct ethbus *eb, int err, const char *what);
u32 ethbus_msglevel(const struct ethbus *eb);

void ethbus_get_stats64(struct net_device *ndev,
			struct rtnl_link_stats64 *stats);
void ethbus_get_drvinfo(struct net_device *ndev,
			struct ethtool_drvinfo *info);
u32 ethbus_get_msglevel(struct net_device *ndev);
void ethbus_set_msglevel(struct net_device *ndev, u32 level);
int ethbus_stats_count(struct ethbus *eb);
void ethbus_stats_strings(struct ethbus *eb, u8 **data);
void ethbus_stats_values(struct ethbus *eb, u64 **data);

#endif /* _ETHBUS_H */
