// SPDX-License-Identifier: GPL-2.0
/* lan8720 platform driver: probe a "lan8720-mac" backend, register eth%d. */

#include <linux/module.h>
#include <linux/phy.h>
#include <linux/platform_device.h>
#include <linux/property.h>

#include "lan8720.h"

static int lan8720_check_backend(struct device *dev,
				 const struct lan8720_mac_backend *be)
{
	const struct lan8720_mac_ops *ops;

	if (!be || !be->ops)
		return dev_err_probe(dev, -EINVAL, "no MAC backend\n");

	ops = be->ops;
	if (!ops->enable || !ops->disable || !ops->set_link || !ops->xmit ||
	    !ops->rx || !ops->get_counters)
		return dev_err_probe(dev, -EINVAL,
				     "MAC backend lacks a mandatory op\n");

	if (ops->set_coalesce && !be->coalesce_frames_max)
		return dev_err_probe(dev, -EINVAL,
				     "MAC backend moderates but has no limits\n");

	if (be->max_frame_len &&
	    (be->max_frame_len < LAN8720_MIN_FRAME_LEN ||
	     be->max_frame_len > LAN8720_MAX_FRAME_LEN))
		return dev_err_probe(dev, -EINVAL,
				     "MAC backend frame limit %u out of range\n",
				     be->max_frame_len);
	return 0;
}

static int lan8720_check_phy_mode(struct device *dev)
{
	int mode = device_get_phy_mode(dev);

	/* Absent means RMII; anything else is a wiring we cannot drive. */
	if (mode < 0 || mode == PHY_INTERFACE_MODE_RMII)
		return 0;
	return dev_err_probe(dev, -EINVAL, "phy-mode %s is not supported\n",
			     phy_modes(mode));
}

static void lan8720_get_mac_address(struct lan8720_priv *priv)
{
	if (!device_get_ethdev_address(priv->dev, priv->ndev))
		return;

	eth_hw_addr_random(priv->ndev);
	dev_notice(priv->dev, "no MAC address in firmware, using random %pM\n",
		   priv->ndev->dev_addr);
}

static void lan8720_destroy_ethbus(void *data)
{
	ethbus_destroy(data);
}

static void lan8720_setup_netdev(struct lan8720_priv *priv)
{
	struct net_device *ndev = priv->ndev;

	ndev->netdev_ops = &lan8720_netdev_ops;
	ndev->ethtool_ops = &lan8720_ethtool_ops;
	ndev->watchdog_timeo = 5 * HZ;
	ndev->priv_flags |= IFF_LIVE_ADDR_CHANGE;
	ndev->min_mtu = ETH_MIN_MTU;
	ndev->max_mtu = priv->be.max_frame_len - ETH_HLEN - VLAN_HLEN;
	priv->rx_max = lan8720_rx_limit(ndev->mtu, priv->be.max_frame_len);
	lan8720_filter_set_own(priv);
	netif_carrier_off(ndev);
}

static void lan8720_init_priv(struct lan8720_priv *priv,
			      const struct lan8720_mac_backend *be)
{
	priv->be = *be;
	if (!priv->be.max_frame_len)
		priv->be.max_frame_len = LAN8720_MIN_FRAME_LEN;
	priv->coal.rx_usecs = min_t(u32, LAN8720_RX_COAL_USECS,
				    be->coalesce_usecs_max);
	priv->coal.rx_max_frames = min_t(u32, LAN8720_RX_COAL_FRAMES,
					 be->coalesce_frames_max);
	spin_lock_init(&priv->link_lock);
	spin_lock_init(&priv->filter_lock);
	u64_stats_init(&priv->rx_stats.syncp);
}

/**
 * lan8720_probe() - bind a "lan8720-mac" device registered by a backend
 * @pdev: the device; its platform data is a &struct lan8720_mac_backend
 *
 * Everything is device-managed: removal unregisters the net_device (which
 * stops it and disables the backend), destroys the ethbus and drops the
 * PHY reference, in that order.
 *
 * Return: 0, -EINVAL for a bad backend or phy-mode, -ENODEV without a
 * phy-handle, -EPROBE_DEFER while the PHY is missing, or -ENOMEM.
 */
static int lan8720_probe(struct platform_device *pdev)
{
	const struct lan8720_mac_backend *be = dev_get_platdata(&pdev->dev);
	struct device *dev = &pdev->dev;
	struct lan8720_priv *priv;
	struct net_device *ndev;
	int ret;

	ret = lan8720_check_backend(dev, be);
	if (ret)
		return ret;
	ret = lan8720_check_phy_mode(dev);
	if (ret)
		return ret;

	ndev = devm_alloc_etherdev(dev, sizeof(*priv));
	if (!ndev)
		return -ENOMEM;
	SET_NETDEV_DEV(ndev, dev);
	priv = netdev_priv(ndev);
	priv->ndev = ndev;
	priv->dev = dev;
	lan8720_init_priv(priv, be);

	ret = lan8720_phy_find(priv);
	if (ret)
		return ret;

	lan8720_get_mac_address(priv);

	priv->eb = ethbus_create(ndev, &lan8720_ethbus_ops, priv, NULL);
	if (IS_ERR(priv->eb))
		return dev_err_probe(dev, PTR_ERR(priv->eb),
				     "cannot create the bus context\n");
	ret = devm_add_action_or_reset(dev, lan8720_destroy_ethbus, priv->eb);
	if (ret)
		return ret;

	lan8720_setup_netdev(priv);
	platform_set_drvdata(pdev, priv);

	ret = devm_register_netdev(dev, ndev);
	if (ret)
		return dev_err_probe(dev, ret, "cannot register net device\n");

	netdev_info(ndev, "LAN8720 MAC on %s, PHY %s, max frame %u%s\n",
		    dev_name(dev), phydev_name(priv->phydev),
		    priv->be.max_frame_len,
		    priv->be.gen_tx_fcs ? "" : ", software FCS");
	return 0;
}

static const struct platform_device_id lan8720_ids[] = {
	{ .name = LAN8720_MAC_DEV_NAME },
	{ }
};
MODULE_DEVICE_TABLE(platform, lan8720_ids);

static struct platform_driver lan8720_driver = {
	.probe = lan8720_probe,
	.id_table = lan8720_ids,
	.driver = {
		.name = LAN8720_DRV_NAME,
	},
};
module_platform_driver(lan8720_driver);

MODULE_DESCRIPTION("MAC driver for LAN8720(A) RMII PHYs");
MODULE_LICENSE("GPL");
