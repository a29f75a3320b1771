// SPDX-License-Identifier: GPL-2.0
/* ethbus lifetime and bus context: create/destroy, start/stop, kicks, IRQ. */

#include <linux/err.h>
#include <linux/interrupt.h>
#include <linux/module.h>
#include <linux/slab.h>

#include "ethbus_priv.h"

#define ETHBUS_MSG_DEFAULT	(NETIF_MSG_DRV | NETIF_MSG_PROBE | \
				 NETIF_MSG_LINK)

/**
 * ethbus_service_work() - the bus context's work: run the service op
 * @work: &ethbus.service_work
 *
 * With &ethbus_config.irq_mask_service the line is masked for the whole
 * run. Afterwards it is unmasked if it was masked, unless the run called
 * ethbus_irq_hold(): then it stays masked until a later run, started by a
 * kick, leaves nothing pending.
 */
static void ethbus_service_work(struct kthread_work *work)
{
	struct ethbus *eb = container_of(work, struct ethbus, service_work);
	int irq = READ_ONCE(eb->irq);

	if (eb->irq_mask_service && irq >= 0 &&
	    !test_and_set_bit(ETHBUS_IRQ_MASKED, &eb->flags))
		disable_irq(irq);
	clear_bit(ETHBUS_IRQ_HOLD, &eb->flags);

	atomic64_inc(&eb->services);
	eb->ops->service(eb->ctx);

	if (test_bit(ETHBUS_IRQ_HOLD, &eb->flags)) {
		atomic64_inc(&eb->irq_holds);
		return;
	}
	/* The device has been serviced: let it interrupt again. */
	if (irq >= 0 && test_and_clear_bit(ETHBUS_IRQ_MASKED, &eb->flags))
		enable_irq(irq);
}

static int ethbus_apply_config(struct ethbus *eb,
			       const struct ethbus_config *cfg)
{
	struct ethbus_config def = {};

	if (!cfg)
		cfg = &def;

	eb->rx_high = cfg->rx_high ?: ETHBUS_RX_HIGH_DEFAULT;
	eb->rx_low = cfg->rx_low ?: eb->rx_high / 4;
	eb->tx_max = cfg->tx_max ?: ETHBUS_TX_MAX_DEFAULT;
	eb->tx_wake = cfg->tx_wake ?: eb->tx_max / 2;
	eb->irq_mask_service = cfg->irq_mask_service;

	if (eb->rx_low >= eb->rx_high || eb->tx_wake >= eb->tx_max)
		return -EINVAL;
	return 0;
}

static void ethbus_init_state(struct ethbus *eb)
{
	spin_lock_init(&eb->lock);
	__skb_queue_head_init(&eb->rxq);
	__skb_queue_head_init(&eb->txq);
	__skb_queue_head_init(&eb->tx_done);
	atomic_set(&eb->tx_inflight, 0);
	u64_stats_init(&eb->napi_stats.syncp);
	u64_stats_init(&eb->lock_stats.syncp);
	ratelimit_state_init(&eb->fault_rs, DEFAULT_RATELIMIT_INTERVAL,
			     DEFAULT_RATELIMIT_BURST);
	ratelimit_set_flags(&eb->fault_rs, RATELIMIT_MSG_ON_RELEASE);
	eb->msg_enable = netif_msg_init(-1, ETHBUS_MSG_DEFAULT);
	eb->irq = -1;
	kthread_init_work(&eb->service_work, ethbus_service_work);
}

/**
 * ethbus_create() - set up the bus context, NAPI and queues of a device
 * @ndev: the net_device to serve; not yet registered. Its ml_priv is
 *	taken by ethbus.
 * @ops: the driver's callbacks; must stay valid until ethbus_destroy()
 * @ctx: passed to @ops
 * @cfg: tunables, or NULL for the defaults
 *
 * The bus context runs from here to ethbus_destroy(), whether or not the
 * interface is up, so the driver can use it for control requests at probe
 * time. The data path (NAPI, TX queue) runs between ethbus_start() and
 * ethbus_stop().
 *
 * Context: process context; may sleep.
 * Return: the new ethbus, or an ERR_PTR(): -EINVAL for an inconsistent
 * @cfg, -ENOMEM, or the error of creating the worker thread.
 */
struct ethbus *ethbus_create(struct net_device *ndev,
			     const struct ethbus_ops *ops, void *ctx,
			     const struct ethbus_config *cfg)
{
	struct device *parent = ndev->dev.parent;
	struct ethbus *eb;
	int ret;

	if (!ops || !ops->service)
		return ERR_PTR(-EINVAL);

	eb = kzalloc(sizeof(*eb), GFP_KERNEL);
	if (!eb)
		return ERR_PTR(-ENOMEM);

	eb->ndev = ndev;
	eb->ops = ops;
	eb->ctx = ctx;
	ret = ethbus_apply_config(eb, cfg);
	if (ret)
		goto err_free_eb;
	ethbus_init_state(eb);

	eb->worker = kthread_create_worker(0, "ethbus/%s",
					   parent ? dev_name(parent) :
					   ndev->name);
	if (IS_ERR(eb->worker)) {
		ret = PTR_ERR(eb->worker);
		goto err_free_eb;
	}

	netif_napi_add(ndev, &eb->napi, ethbus_poll);
	ndev->ml_priv = eb;
	return eb;

err_free_eb:
	kfree(eb);
	return ERR_PTR(ret);
}
EXPORT_SYMBOL_GPL(ethbus_create);

/**
 * ethbus_destroy() - tear down what ethbus_create() set up
 * @eb: the ethbus; may be NULL or an ERR_PTR()
 *
 * The data path must be stopped (the interface down or unregistered) and
 * nothing may call ethbus_kick() or ethbus_irq() any more. Frees the IRQ
 * taken with ethbus_request_irq(), runs a pending service op to completion
 * and stops the bus context. Call it before free_netdev().
 *
 * Context: process context; may sleep.
 */
void ethbus_destroy(struct ethbus *eb)
{
	if (IS_ERR_OR_NULL(eb))
		return;

	if (WARN_ON(eb->started))
		ethbus_stop(eb);

	/* No new hard IRQ past this point; a service op still running may
	 * re-enable the line once, which disable_irq() keeps balanced.
	 */
	if (eb->irq >= 0)
		disable_irq(eb->irq);
	kthread_cancel_work_sync(&eb->service_work);
	if (eb->irq >= 0)
		free_irq(eb->irq, eb);
	kthread_destroy_worker(eb->worker);

	netif_napi_del(&eb->napi);
	eb->ndev->ml_priv = NULL;
	ethbus_flush_queues(eb);
	kfree(eb);
}
EXPORT_SYMBOL_GPL(ethbus_destroy);

/**
 * ethbus_from_netdev() - the ethbus serving a net_device
 * @ndev: a net_device passed to ethbus_create()
 *
 * Context: any.
 * Return: the ethbus.
 */
struct ethbus *ethbus_from_netdev(const struct net_device *ndev)
{
	return ndev->ml_priv;
}
EXPORT_SYMBOL_GPL(ethbus_from_netdev);

/**
 * ethbus_start() - start the data path (from ndo_open)
 * @eb: the ethbus
 *
 * Resets BQL, enables NAPI, starts the TX queue and kicks the bus context.
 *
 * Context: process context, RTNL held.
 * Return: 0.
 */
int ethbus_start(struct ethbus *eb)
{
	unsigned long flags;

	if (WARN_ON(eb->started))
		return 0;

	netdev_reset_queue(eb->ndev);
	atomic_set(&eb->tx_inflight, 0);

	spin_lock_irqsave(&eb->lock, flags);
	eb->running = true;
	eb->rx_paused = false;
	eb->gen++;
	spin_unlock_irqrestore(&eb->lock, flags);

	eb->started = true;
	napi_enable(&eb->napi);
	netif_start_queue(eb->ndev);
	ethbus_kick(eb);
	return 0;
}
EXPORT_SYMBOL_GPL(ethbus_start);

/**
 * ethbus_stop() - stop the data path (from ndo_stop)
 * @eb: the ethbus
 *
 * Stops the TX queue and NAPI, waits for a running service op, and drops
 * every frame still queued in either direction (counted in rx_dropped or
 * tx_dropped). Afterwards ethbus_tx_dequeue() returns NULL, ethbus_rx_room()
 * returns false, and frames passed to ethbus_rx(), ethbus_tx_requeue() or
 * ethbus_tx_done() are freed at once and counted. The driver then quiesces
 * its device, for instance with ethbus_call(), and takes back the frames
 * the device still holds.
 *
 * Context: process context, RTNL held; may sleep. Not from the bus
 * context.
 */
void ethbus_stop(struct ethbus *eb)
{
	unsigned long flags;

	if (!eb->started)
		return;

	spin_lock_irqsave(&eb->lock, flags);
	eb->running = false;
	spin_unlock_irqrestore(&eb->lock, flags);

	napi_disable(&eb->napi);
	netif_tx_disable(eb->ndev);
	kthread_flush_work(&eb->service_work);
	eb->started = false;

	ethbus_flush_queues(eb);
	netdev_reset_queue(eb->ndev);
}
EXPORT_SYMBOL_GPL(ethbus_stop);

/**
 * ethbus_kick() - have the bus context run the service op
 * @eb: the ethbus
 *
 * For the driver's own control requests: record the request, then kick.
 * Kicks while the service op is queued coalesce; a kick while it runs makes
 * it run once more.
 *
 * Context: any; does not sleep.
 */
void ethbus_kick(struct ethbus *eb)
{
	kthread_queue_work(eb->worker, &eb->service_work);
}
EXPORT_SYMBOL_GPL(ethbus_kick);

/**
 * ethbus_irq() - the device signalled an event
 * @eb: the ethbus
 *
 * For devices whose interrupt is a callback rather than an IRQ line (a
 * simulator, a DMA completion): counts it in the "bus_irqs" statistic and
 * kicks the bus context.
 *
 * Context: any; does not sleep.
 */
void ethbus_irq(struct ethbus *eb)
{
	atomic64_inc(&eb->irqs);
	ethbus_kick(eb);
}
EXPORT_SYMBOL_GPL(ethbus_irq);

/**
 * ethbus_irq_hold() - keep the host interrupt masked after this run
 * @eb: the ethbus
 *
 * Called by the service op when it leaves the interrupt's cause pending
 * on purpose: the device holds a frame there is no room for, or it is
 * powered down or declared dead. A level-triggered line would otherwise
 * fire again as soon as it is unmasked, once per run, for as long as the
 * cause lasts. The line stays masked until a later run of the service op
 * that does not call this; such a run follows any ethbus_kick(), and
 * ethbus kicks by itself when the receive queue drains. Counted in the
 * "bus_irq_holds" statistic. Has no effect on a device without a line.
 *
 * Context: the service op.
 */
void ethbus_irq_hold(struct ethbus *eb)
{
	set_bit(ETHBUS_IRQ_HOLD, &eb->flags);
}
EXPORT_SYMBOL_GPL(ethbus_irq_hold);

/**
 * ethbus_irq_count() - interrupts taken so far
 * @eb: the ethbus
 *
 * Lets a service op tell whether an interrupt came in since it last heard
 * from the device. A device that reports its state with every transfer
 * need not ask for that state again when none did.
 *
 * Context: any.
 * Return: the number of ethbus_irq() calls, host interrupts included.
 */
u64 ethbus_irq_count(const struct ethbus *eb)
{
	return atomic64_read(&eb->irqs);
}
EXPORT_SYMBOL_GPL(ethbus_irq_count);

/**
 * ethbus_hardirq() - host interrupt: mask it and kick the bus context
 * @irq: the line
 * @data: the ethbus
 *
 * Return: IRQ_HANDLED.
 */
static irqreturn_t ethbus_hardirq(int irq, void *data)
{
	struct ethbus *eb = data;

	/* Bus I/O sleeps, so the line stays masked until the bus context
	 * has serviced the device; this also stops interrupt storms.
	 */
	if (!test_and_set_bit(ETHBUS_IRQ_MASKED, &eb->flags))
		disable_irq_nosync(irq);
	ethbus_irq(eb);
	return IRQ_HANDLED;
}

/**
 * ethbus_request_irq() - service the device on a host interrupt line
 * @eb: the ethbus
 * @irq: the Linux IRQ number
 * @flags: IRQF_* flags (trigger type, IRQF_SHARED is not supported)
 *
 * The line is masked when it fires and unmasked after the next service op
 * run, so a level-triggered device is serviced once per assertion (see
 * ethbus_irq_hold() for a cause left pending). The line is requested
 * masked and unmasked only once it is recorded, so a device that already
 * asserts it is serviced, not left masked for good. Freed by
 * ethbus_destroy().
 *
 * Context: process context; may sleep.
 * Return: 0, -EBUSY if @eb already has an IRQ, or request_irq()'s error.
 */
int ethbus_request_irq(struct ethbus *eb, unsigned int irq,
		       unsigned long flags)
{
	struct device *parent = eb->ndev->dev.parent;
	int ret;

	if (eb->irq >= 0 || (flags & IRQF_SHARED))
		return -EBUSY;

	ret = request_irq(irq, ethbus_hardirq, flags | IRQF_NO_AUTOEN,
			  parent ? dev_name(parent) : eb->ndev->name, eb);
	if (ret)
		return ret;
	WRITE_ONCE(eb->irq, irq);
	/* Taken as if it had fired: the next service run unmasks it. */
	set_bit(ETHBUS_IRQ_MASKED, &eb->flags);
	ethbus_kick(eb);
	return 0;
}
EXPORT_SYMBOL_GPL(ethbus_request_irq);

/**
 * struct ethbus_call_req - one ethbus_call(), on the caller's stack
 * @work: queued on the bus context
 * @fn: the function to run
 * @arg: its argument
 * @ret: its result
 */
struct ethbus_call_req {
	struct kthread_work work;
	int (*fn)(void *arg);
	void *arg;
	int ret;
};

/**
 * ethbus_call_work() - run an ethbus_call() request in the bus context
 * @work: the request's work item
 */
static void ethbus_call_work(struct kthread_work *work)
{
	struct ethbus_call_req *req;

	req = container_of(work, struct ethbus_call_req, work);
	req->ret = req->fn(req->arg);
}

/**
 * ethbus_call() - run a function in the bus context and wait for it
 * @eb: the ethbus
 * @fn: the function; may sleep; runs serialized with the service op
 * @arg: passed to @fn
 *
 * For control operations that must not race the service op (enabling or
 * disabling the device, reconfiguring it). From the bus context itself
 * @fn is simply called.
 *
 * Context: process context; may sleep.
 * Return: what @fn returned.
 */
int ethbus_call(struct ethbus *eb, int (*fn)(void *arg), void *arg)
{
	struct ethbus_call_req req = { .fn = fn, .arg = arg };

	if (current == eb->worker->task)
		return fn(arg);

	kthread_init_work(&req.work, ethbus_call_work);
	kthread_queue_work(eb->worker, &req.work);
	kthread_flush_work(&req.work);
	return req.ret;
}
EXPORT_SYMBOL_GPL(ethbus_call);

MODULE_DESCRIPTION("Bus context, NAPI and TX hand-off for NICs behind a sleeping bus");
MODULE_LICENSE("GPL");
