// SPDX-License-Identifier: GPL-2.0
/* cyw43439: the wlan net_device on ethbus: open/stop, MAC address, ethtool. */

#include <linux/ethtool.h>
#include <linux/etherdevice.h>
#include <linux/netdevice.h>

#include "cyw43.h"

#define CYW43_WLC_UP	2
#define CYW43_WLC_DOWN	3
/*
 * Transmit watchdog: longer than two rounds of the credit probe (3 s each,
 * sdpcm.c), so a stall the driver mends by itself is not reported.
 */
#define CYW43_TX_TIMEOUT	(10 * HZ)

static struct cyw43 *cyw43_from_ndev(struct net_device *ndev)
{
	return wiphy_priv(ndev->ieee80211_ptr->wiphy);
}

/**
 * cyw43_fw_up() - tell the firmware the interface is up or down
 * @cy: the device
 * @up: WLC_UP (true) or WLC_DOWN
 *
 * Context: process context.
 * Return: as cyw43_ioctl().
 */
int cyw43_fw_up(struct cyw43 *cy, bool up)
{
	int ret = cyw43_set_u32(cy, up ? CYW43_WLC_UP : CYW43_WLC_DOWN, 0);

	if (!ret)
		cy->up = up;
	return ret;
}

static int cyw43_open(struct net_device *ndev)
{
	struct cyw43 *cy = cyw43_from_ndev(ndev);
	int ret;

	ret = cyw43_fw_up(cy, true);
	if (ret) {
		netdev_err(ndev, "firmware refused to come up (%d)\n", ret);
		return ret;
	}
	netif_carrier_off(ndev);
	ret = ethbus_start(cy->eb);
	WRITE_ONCE(cy->data_on, !ret);
	return ret;
}

static int cyw43_stop(struct net_device *ndev)
{
	struct cyw43 *cy = cyw43_from_ndev(ndev);

	cyw43_scan_end(cy, true);
	cyw43_conn_down(cy);
	WRITE_ONCE(cy->data_on, false);
	ethbus_stop(cy->eb);
	cyw43_fw_up(cy, false);
	cy->up = false;
	return 0;
}

static int cyw43_set_mac_address(struct net_device *ndev, void *p)
{
	struct cyw43 *cy = cyw43_from_ndev(ndev);
	struct sockaddr *sa = p;
	int ret;

	if (netif_running(ndev))
		return -EBUSY;
	if (!is_valid_ether_addr(sa->sa_data))
		return -EADDRNOTAVAIL;
	ret = cyw43_iovar_set(cy, "cur_etheraddr", sa->sa_data, ETH_ALEN);
	if (ret)
		return ret;
	eth_hw_addr_set(ndev, sa->sa_data);
	return 0;
}

/*
 * The queue stayed stopped for the watchdog period: frames wait for credit
 * or for F2 that never came. Count it, say what the bus last showed, and
 * have the bus context look again at once; the credit probe asks the
 * firmware for its credit if the stall is a credit stall.
 */
static void cyw43_tx_timeout(struct net_device *ndev, unsigned int txqueue)
{
	struct cyw43 *cy = cyw43_from_ndev(ndev);

	cy->cnt.tx_timeouts++;
	netdev_warn(ndev,
		    "transmit stalled: credit %u, next seq %u, flow %#x, status %#x; servicing the bus\n",
		    READ_ONCE(cy->max_seq), READ_ONCE(cy->tx_seq),
		    READ_ONCE(cy->flow_ctl), READ_ONCE(cy->status));
	if (READ_ONCE(cy->data_stall_since))
		mod_delayed_work(system_wq, &cy->credit_probe, 0);
	ethbus_kick(cy->eb);
}

static const struct net_device_ops cyw43_netdev_ops = {
	.ndo_open = cyw43_open,
	.ndo_stop = cyw43_stop,
	.ndo_start_xmit = ethbus_start_xmit,
	.ndo_tx_timeout = cyw43_tx_timeout,
	.ndo_get_stats64 = ethbus_get_stats64,
	.ndo_set_mac_address = cyw43_set_mac_address,
	.ndo_validate_addr = eth_validate_addr,
};

static int cyw43_get_sset_count(struct net_device *ndev, int sset)
{
	struct cyw43 *cy = cyw43_from_ndev(ndev);

	if (sset != ETH_SS_STATS)
		return -EOPNOTSUPP;
	return ethbus_stats_count(cy->eb) + cyw43_n_counters;
}

/* ethbus's statistics, then the driver's counters */
static void cyw43_get_strings(struct net_device *ndev, u32 sset, u8 *data)
{
	struct cyw43 *cy = cyw43_from_ndev(ndev);
	unsigned int i;

	if (sset != ETH_SS_STATS)
		return;
	ethbus_stats_strings(cy->eb, &data);
	for (i = 0; i < cyw43_n_counters; i++) {
		strscpy_pad(data, cyw43_counter_names[i].name, ETH_GSTRING_LEN);
		data += ETH_GSTRING_LEN;
	}
}

static void cyw43_get_ethtool_stats(struct net_device *ndev,
				    struct ethtool_stats *stats, u64 *data)
{
	struct cyw43 *cy = cyw43_from_ndev(ndev);
	unsigned int i;

	ethbus_stats_values(cy->eb, &data);
	for (i = 0; i < cyw43_n_counters; i++)
		*data++ = *(u64 *)((u8 *)&cy->cnt + cyw43_counter_names[i].off);
}

/*
 * ethtool -i: the firmware's version from its "ver" answer ("wl0: <date>
 * version 7.95.75 (0a0104c CY) FWID 01-bb9b5b66"): the number and build,
 * up to the FWID, as much as fits.
 */
static void cyw43_get_drvinfo(struct net_device *ndev,
			      struct ethtool_drvinfo *info)
{
	struct cyw43 *cy = cyw43_from_ndev(ndev);
	const char *v = strstr(cy->fw_version, "version "), *end;

	ethbus_get_drvinfo(ndev, info);
	v = v ? v + strlen("version ") : cy->fw_version;
	end = strstr(v, " FWID");
	strscpy(info->fw_version, v,
		min_t(size_t, sizeof(info->fw_version),
		      (end ? end - v : strlen(v)) + 1));
}

static const struct ethtool_ops cyw43_ethtool_ops = {
	.get_drvinfo = cyw43_get_drvinfo,
	.get_sset_count = cyw43_get_sset_count,
	.get_strings = cyw43_get_strings,
	.get_ethtool_stats = cyw43_get_ethtool_stats,
	.get_msglevel = ethbus_get_msglevel,
	.set_msglevel = ethbus_set_msglevel,
	.get_link = ethtool_op_get_link,
	.get_ts_info = ethtool_op_get_ts_info,
};

/**
 * cyw43_netdev_new() - allocate the station net_device (not registered)
 * @cy: the device; @cy->wiphy set
 *
 * Context: process context.
 * Return: the net_device, or NULL.
 */
struct net_device *cyw43_netdev_new(struct cyw43 *cy)
{
	struct net_device *ndev;

	ndev = alloc_netdev(0, "wlan%d", NET_NAME_ENUM, ether_setup);
	if (!ndev)
		return NULL;
	ndev->netdev_ops = &cyw43_netdev_ops;
	ndev->ethtool_ops = &cyw43_ethtool_ops;
	ndev->watchdog_timeo = CYW43_TX_TIMEOUT;
	ndev->needed_headroom = CYW43_SDPCM_HDR_LEN + CYW43_SDPCM_DATA_PAD +
				CYW43_BDC_HDR_LEN;
	ndev->ieee80211_ptr = &cy->wdev;
	SET_NETDEV_DEV(ndev, cy->dev);
	cy->wdev.wiphy = cy->wiphy;
	cy->wdev.netdev = ndev;
	cy->wdev.iftype = NL80211_IFTYPE_STATION;
	return ndev;
}
