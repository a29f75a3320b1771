// SPDX-License-Identifier: GPL-2.0
/* ethbus statistics, common ethtool helpers, carrier and fault reporting. */

#include <linux/err.h>
#include <linux/ethtool.h>
#include <linux/string.h>

#include "ethbus_priv.h"

/* ethtool -S names of the counters ethbus keeps, in ethbus_stats_values()
 * order.
 */
static const char ethbus_stat_names[][ETH_GSTRING_LEN] = {
	"bus_irqs",
	"bus_services",
	"bus_irq_holds",
	"bus_faults",
	"napi_polls",
	"rx_pauses",
	"tx_stops",
	"rx_dropped",
	"tx_dropped",
};

/**
 * struct ethbus_totals - a consistent snapshot of both counter groups
 * @rx_packets: see &struct ethbus_napi_stats
 * @rx_bytes: likewise
 * @rx_dropped: see &struct ethbus_lock_stats
 * @tx_packets: sum of both groups
 * @tx_bytes: sum of both groups
 * @tx_dropped: sum of both groups
 * @tx_errors: sum of both groups
 * @polls: see &struct ethbus_napi_stats
 */
struct ethbus_totals {
	u64 rx_packets;
	u64 rx_bytes;
	u64 rx_dropped;
	u64 tx_packets;
	u64 tx_bytes;
	u64 tx_dropped;
	u64 tx_errors;
	u64 polls;
};

static void ethbus_read_napi_stats(struct ethbus *eb, struct ethbus_totals *t)
{
	const struct ethbus_napi_stats *st = &eb->napi_stats;
	unsigned int start;

	do {
		start = u64_stats_fetch_begin(&st->syncp);
		t->rx_packets = u64_stats_read(&st->rx_packets);
		t->rx_bytes = u64_stats_read(&st->rx_bytes);
		t->tx_packets = u64_stats_read(&st->tx_packets);
		t->tx_bytes = u64_stats_read(&st->tx_bytes);
		t->tx_dropped = u64_stats_read(&st->tx_dropped);
		t->tx_errors = u64_stats_read(&st->tx_errors);
		t->polls = u64_stats_read(&st->polls);
	} while (u64_stats_fetch_retry(&st->syncp, start));
}

static void ethbus_read_totals(struct ethbus *eb, struct ethbus_totals *t)
{
	u64 rx_dropped, tx_dropped, tx_packets, tx_bytes, tx_errors;
	const struct ethbus_lock_stats *st = &eb->lock_stats;
	unsigned int start;

	ethbus_read_napi_stats(eb, t);
	do {
		start = u64_stats_fetch_begin(&st->syncp);
		rx_dropped = u64_stats_read(&st->rx_dropped);
		tx_dropped = u64_stats_read(&st->tx_dropped);
		tx_packets = u64_stats_read(&st->tx_packets);
		tx_bytes = u64_stats_read(&st->tx_bytes);
		tx_errors = u64_stats_read(&st->tx_errors);
	} while (u64_stats_fetch_retry(&st->syncp, start));

	t->rx_dropped = rx_dropped;
	t->tx_dropped += tx_dropped;
	t->tx_packets += tx_packets;
	t->tx_bytes += tx_bytes;
	t->tx_errors += tx_errors;
}

/**
 * ethbus_get_stats64() - the ethbus counters as link statistics
 * @ndev: the net_device
 * @stats: filled with rx/tx packets, bytes, dropped and tx_errors
 *
 * Usable as ndo_get_stats64. A driver with error counters of its own calls
 * it first, then adds its fields (rx_errors, rx_crc_errors, ...).
 *
 * Context: any; does not sleep.
 */
void ethbus_get_stats64(struct net_device *ndev,
			struct rtnl_link_stats64 *stats)
{
	struct ethbus_totals t;

	ethbus_read_totals(ethbus_from_netdev(ndev), &t);
	stats->rx_packets = t.rx_packets;
	stats->rx_bytes = t.rx_bytes;
	stats->rx_dropped = t.rx_dropped;
	stats->tx_packets = t.tx_packets;
	stats->tx_bytes = t.tx_bytes;
	stats->tx_dropped = t.tx_dropped;
	stats->tx_errors = t.tx_errors;
}
EXPORT_SYMBOL_GPL(ethbus_get_stats64);

/**
 * ethbus_stats_count() - how many ethtool -S counters ethbus adds
 * @eb: the ethbus
 *
 * Context: any.
 * Return: the count, to add to the driver's in get_sset_count(ETH_SS_STATS).
 */
int ethbus_stats_count(struct ethbus *eb)
{
	return ARRAY_SIZE(ethbus_stat_names);
}
EXPORT_SYMBOL_GPL(ethbus_stats_count);

/**
 * ethbus_stats_strings() - write the names of the ethbus counters
 * @eb: the ethbus
 * @data: cursor into the get_strings() buffer; advanced past the names
 *
 * Context: any.
 */
void ethbus_stats_strings(struct ethbus *eb, u8 **data)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(ethbus_stat_names); i++) {
		memcpy(*data, ethbus_stat_names[i], ETH_GSTRING_LEN);
		*data += ETH_GSTRING_LEN;
	}
}
EXPORT_SYMBOL_GPL(ethbus_stats_strings);

/**
 * ethbus_stats_values() - write the ethbus counters
 * @eb: the ethbus
 * @data: cursor into the get_ethtool_stats() buffer; advanced past them
 *
 * In the order of ethbus_stats_strings(): host interrupts (ethbus_irq()),
 * service op runs, runs that held the interrupt masked, ethbus_fault()
 * reports, NAPI polls, RX high-watermark
 * pauses, TX queue stops, RX and TX frames dropped.
 *
 * Context: any; does not sleep.
 */
void ethbus_stats_values(struct ethbus *eb, u64 **data)
{
	struct ethbus_totals t;
	u64 *p = *data;

	ethbus_read_totals(eb, &t);
	*p++ = atomic64_read(&eb->irqs);
	*p++ = atomic64_read(&eb->services);
	*p++ = atomic64_read(&eb->irq_holds);
	*p++ = atomic64_read(&eb->faults);
	*p++ = t.polls;
	*p++ = atomic64_read(&eb->rx_pauses);
	*p++ = atomic64_read(&eb->tx_stops);
	*p++ = t.rx_dropped;
	*p++ = t.tx_dropped;
	*data = p;
}
EXPORT_SYMBOL_GPL(ethbus_stats_values);

/**
 * ethbus_get_drvinfo() - ethtool get_drvinfo from the parent device
 * @ndev: the net_device
 * @info: filled with the driver name and the bus address of the parent
 *
 * Usable as &ethtool_ops.get_drvinfo.
 *
 * Context: process context.
 */
void ethbus_get_drvinfo(struct net_device *ndev, struct ethtool_drvinfo *info)
{
	struct device *parent = ndev->dev.parent;

	if (!parent)
		return;
	strscpy(info->driver, dev_driver_string(parent), sizeof(info->driver));
	strscpy(info->bus_info, dev_name(parent), sizeof(info->bus_info));
}
EXPORT_SYMBOL_GPL(ethbus_get_drvinfo);

/**
 * ethbus_get_msglevel() - ethtool get_msglevel
 * @ndev: the net_device
 *
 * Context: any.
 * Return: the NETIF_MSG_* bits.
 */
u32 ethbus_get_msglevel(struct net_device *ndev)
{
	return READ_ONCE(ethbus_from_netdev(ndev)->msg_enable);
}
EXPORT_SYMBOL_GPL(ethbus_get_msglevel);

/**
 * ethbus_set_msglevel() - ethtool set_msglevel
 * @ndev: the net_device
 * @level: the NETIF_MSG_* bits
 *
 * Context: any.
 */
void ethbus_set_msglevel(struct net_device *ndev, u32 level)
{
	WRITE_ONCE(ethbus_from_netdev(ndev)->msg_enable, level);
}
EXPORT_SYMBOL_GPL(ethbus_set_msglevel);

/**
 * ethbus_msglevel() - the NETIF_MSG_* bits set with ethtool
 * @eb: the ethbus
 *
 * For the driver's own netif_msg_*() style checks.
 *
 * Context: any.
 * Return: the bits.
 */
u32 ethbus_msglevel(const struct ethbus *eb)
{
	return READ_ONCE(eb->msg_enable);
}
EXPORT_SYMBOL_GPL(ethbus_msglevel);

/**
 * ethbus_set_carrier() - report the link state to the stack
 * @eb: the ethbus
 * @on: true if the link is up
 *
 * Changes the carrier only when it differs and logs the change when
 * NETIF_MSG_LINK is set. For drivers without phylib (which handles the
 * carrier itself).
 *
 * Context: any; does not sleep.
 */
void ethbus_set_carrier(struct ethbus *eb, bool on)
{
	struct net_device *ndev = eb->ndev;

	if (on == netif_carrier_ok(ndev))
		return;
	if (on)
		netif_carrier_on(ndev);
	else
		netif_carrier_off(ndev);
	netif_info(eb, link, ndev, "link %s\n", on ? "up" : "down");
}
EXPORT_SYMBOL_GPL(ethbus_set_carrier);

/**
 * ethbus_fault() - count a bus or device fault and report it, rate-limited
 * @eb: the ethbus
 * @err: the negative errno
 * @what: what failed, e.g. "rx frame read"
 *
 * Every call is counted in the "bus_faults" statistic; messages are limited
 * per device, and the number suppressed is logged when the burst ends.
 *
 * Context: any; does not sleep.
 */
void ethbus_fault(struct ethbus *eb, int err, const char *what)
{
	atomic64_inc(&eb->faults);
	if (__ratelimit(&eb->fault_rs))
		netdev_err(eb->ndev, "%s failed: %pe\n", what, ERR_PTR(err));
}
EXPORT_SYMBOL_GPL(ethbus_fault);
