// SPDX-License-Identifier: GPL-2.0
/* cyw43439: SPI driver glue: probe, bring-up order, post-boot init, remove. */

#include <linux/delay.h>
#include <linux/gpio/consumer.h>
#include <linux/interrupt.h>
#include <linux/irq.h>
#include <linux/module.h>
#include <linux/mod_devicetable.h>
#include <linux/spi/spi.h>
#include <linux/string.h>

#include "cyw43.h"

static char *country = "XX";
module_param(country, charp, 0444);
MODULE_PARM_DESC(country, "regulatory country code for the firmware (default XX, world)");

/* §1.3: the datasheet limit of the gSPI clock */
#define CYW43_MAX_HZ		50000000
#define CYW43_WLC_SET_ANTDIV	64
#define CYW43_WLC_SET_GMODE	110
#define CYW43_WLC_SET_BAND	142

static const struct ethbus_ops cyw43_ethbus_ops = {
	.service = cyw43_service,
};

/* Bus context: power, gSPI bring-up, firmware download and boot */
static int cyw43_bringup(void *arg)
{
	struct cyw43 *cy = arg;
	int ret;

	cyw43_sdpcm_reset(cy);
	ret = cyw43_bus_power_on(cy);
	if (!ret)
		ret = cyw43_fw_boot(cy);
	if (!ret)
		cy->fw_running = true;
	return ret;
}

static int cyw43_powerdown(void *arg)
{
	struct cyw43 *cy = arg;

	cy->fw_running = false;
	cyw43_bus_power_off(cy);
	return 0;
}

/* §8.3: CLM, bus and radio settings, MAC address, country, events */
static int cyw43_fw_init(struct cyw43 *cy)
{
	struct {
		char abbrev[4];
		__le32 rev;
		char ccode[4];
	} cc = { .rev = cpu_to_le32(-1) };
	int ret;

	ret = cyw43_fw_clm(cy);
	if (ret)
		return ret;
	ret = cyw43_iovar_set_u32(cy, "bus:txglom", 0);
	if (!ret)
		ret = cyw43_iovar_set_u32(cy, "apsta", 1);
	if (!ret)
		ret = cyw43_iovar_get(cy, "cur_etheraddr", cy->mac, ETH_ALEN);
	if (ret)
		goto fail;
	if (!is_valid_ether_addr(cy->mac)) {
		dev_err(cy->dev, "firmware MAC address %pM is not usable\n",
			cy->mac);
		return -EINVAL;
	}
	strscpy(cc.abbrev, country, sizeof(cc.abbrev));
	strscpy(cc.ccode, country, sizeof(cc.ccode));
	ret = cyw43_iovar_set(cy, "country", &cc, sizeof(cc));
	if (ret) {
		dev_err(cy->dev, "country %s refused (%d)\n", country, ret);
		return ret;
	}
	ret = cyw43_iovar_get(cy, "ver", cy->fw_version,
			      sizeof(cy->fw_version) - 1);
	if (!ret)
		ret = cyw43_iovar_get(cy, "clmver", cy->clm_version,
				      sizeof(cy->clm_version) - 1);
	if (!ret)
		ret = cyw43_set_u32(cy, CYW43_WLC_SET_ANTDIV, 0);
	if (!ret)
		ret = cyw43_iovar_set_u32(cy, "ampdu_ba_wsize", 8);
	if (!ret)
		ret = cyw43_iovar_set_u32(cy, "ampdu_mpdu", 4);
	if (!ret)
		ret = cyw43_event_mask_set(cy);
	if (!ret)
		ret = cyw43_set_u32(cy, CYW43_WLC_SET_GMODE, 1);
	if (!ret)
		ret = cyw43_set_u32(cy, CYW43_WLC_SET_BAND, 0);
	if (ret)
		goto fail;
	strim(cy->fw_version);
	strim(cy->clm_version);
	return cyw43_feat_read(cy);
fail:
	dev_err(cy->dev, "firmware initialisation failed (%d)\n", ret);
	return ret;
}

static int cyw43_probe_resources(struct cyw43 *cy)
{
	struct spi_device *spi = cy->spi;
	u32 type;
	int ret;

	cy->reg_on = devm_gpiod_get(cy->dev, "reg-on", GPIOD_OUT_LOW);
	if (IS_ERR(cy->reg_on))
		return dev_err_probe(cy->dev, PTR_ERR(cy->reg_on),
				     "no WL_REG_ON GPIO (reg-on-gpios)\n");
	if (spi->irq <= 0)
		return dev_err_probe(cy->dev, spi->irq ?: -ENXIO,
				     "no host-wake interrupt\n");
	cy->irq = spi->irq;
	type = irq_get_trigger_type(cy->irq);
	cy->irq_high = !(type & (IRQ_TYPE_EDGE_FALLING | IRQ_TYPE_LEVEL_LOW));
	if (spi->max_speed_hz > CYW43_MAX_HZ || !spi->max_speed_hz) {
		dev_info(cy->dev, "SPI clock limited to %u Hz\n", CYW43_MAX_HZ);
		spi->max_speed_hz = CYW43_MAX_HZ;
	}
	spi->bits_per_word = 8;
	spi->mode &= ~(SPI_CPOL | SPI_CPHA);
	ret = spi_setup(spi);
	if (ret)
		return dev_err_probe(cy->dev, ret, "SPI setup failed\n");
	cy->txbuf = devm_kmalloc(cy->dev, CYW43_BUF_LEN, GFP_KERNEL);
	cy->rxbuf = devm_kmalloc(cy->dev, CYW43_BUF_LEN, GFP_KERNEL);
	cy->fbuf = devm_kmalloc(cy->dev, CYW43_F2_MAX, GFP_KERNEL);
	if (!cy->txbuf || !cy->rxbuf || !cy->fbuf)
		return -ENOMEM;
	return 0;
}

static void cyw43_init_state(struct cyw43 *cy, struct spi_device *spi)
{
	cy->spi = spi;
	cy->dev = &spi->dev;
	cy->win = U32_MAX;
	mutex_init(&cy->bus_lock);
	mutex_init(&cy->ioc.lock);
	spin_lock_init(&cy->ioc.slock);
	init_completion(&cy->ioc.done);
	skb_queue_head_init(&cy->evq);
	INIT_WORK(&cy->ev_work, cyw43_event_work);
	spin_lock_init(&cy->scan_lock);
	INIT_DELAYED_WORK(&cy->scan_timeout, cyw43_scan_timeout);
	mutex_init(&cy->conn_lock);
	INIT_DELAYED_WORK(&cy->conn_timeout, cyw43_conn_timeout);
	INIT_WORK(&cy->dead_work, cyw43_dead_work);
	INIT_DELAYED_WORK(&cy->credit_probe, cyw43_credit_probe);
	INIT_DELAYED_WORK(&cy->f2_retry, cyw43_f2_retry);
}

/* Stop everything that could still call into the firmware or cfg80211 */
static void cyw43_quiesce(struct cyw43 *cy)
{
	cyw43_ioctl_kill(cy);
	ethbus_call(cy->eb, cyw43_powerdown, cy);
	cancel_delayed_work_sync(&cy->f2_retry);
	cancel_delayed_work_sync(&cy->credit_probe);
	cancel_delayed_work_sync(&cy->scan_timeout);
	cancel_delayed_work_sync(&cy->conn_timeout);
	cancel_work_sync(&cy->dead_work);
	cancel_work_sync(&cy->ev_work);
	skb_queue_purge(&cy->evq);
}

static int cyw43_probe(struct spi_device *spi)
{
	/*
	 * One data line (3-wire): host-wake is that data line, so every
	 * transfer would interrupt the host; it stays masked while the bus
	 * context runs (reference §1.1).
	 */
	const struct ethbus_config ebcfg = {
		.irq_mask_service = !!(spi->mode & SPI_3WIRE),
	};
	u64 t0 = ktime_get_ns(), x0;
	struct wiphy *wiphy;
	struct cyw43 *cy;
	int ret;

	wiphy = cyw43_wiphy_new(&spi->dev);
	if (!wiphy)
		return -ENOMEM;
	cy = wiphy_priv(wiphy);
	cy->wiphy = wiphy;
	cyw43_init_state(cy, spi);
	spi_set_drvdata(spi, cy);
	ret = cyw43_probe_resources(cy);
	if (ret)
		goto free_wiphy;
	cy->ndev = cyw43_netdev_new(cy);
	if (!cy->ndev) {
		ret = -ENOMEM;
		goto free_wiphy;
	}
	cy->eb = ethbus_create(cy->ndev, &cyw43_ethbus_ops, cy, &ebcfg);
	if (IS_ERR(cy->eb)) {
		ret = PTR_ERR(cy->eb);
		goto free_netdev;
	}
	x0 = cy->cnt.bus_xacts;
	ret = ethbus_call(cy->eb, cyw43_bringup, cy);
	if (ret)
		goto power_off;
	ret = ethbus_request_irq(cy->eb, cy->irq, 0);
	if (ret) {
		dev_err(cy->dev, "host-wake interrupt %d: %d\n", cy->irq, ret);
		goto power_off;
	}
	ret = cyw43_fw_init(cy);
	if (ret)
		goto power_off;
	ret = cyw43_wiphy_setup(cy);
	if (ret)
		goto power_off;
	eth_hw_addr_set(cy->ndev, cy->mac);
	ret = wiphy_register(wiphy);
	if (ret)
		goto power_off;
	ret = register_netdev(cy->ndev);
	if (ret)
		goto unregister_wiphy;
	cy->bringup_us = div_u64(ktime_get_ns() - t0, NSEC_PER_USEC);
	cy->bringup_xacts = cy->cnt.bus_xacts - x0;
	cyw43_debugfs_init(cy);
	dev_info(cy->dev, "%s: firmware %s, MAC %pM\n", netdev_name(cy->ndev),
		 cy->fw_version, cy->mac);
	return 0;

unregister_wiphy:
	wiphy_unregister(wiphy);
power_off:
	cyw43_quiesce(cy);
	ethbus_destroy(cy->eb);
	cyw43_sdpcm_free(cy);
free_netdev:
	free_netdev(cy->ndev);
free_wiphy:
	wiphy_free(wiphy);
	return ret;
}

static void cyw43_remove(struct spi_device *spi)
{
	struct cyw43 *cy = spi_get_drvdata(spi);

	cyw43_debugfs_exit(cy);
	unregister_netdev(cy->ndev);
	wiphy_unregister(cy->wiphy);
	cyw43_quiesce(cy);
	ethbus_destroy(cy->eb);
	cyw43_sdpcm_free(cy);
	free_netdev(cy->ndev);
	wiphy_free(cy->wiphy);
}

static const struct of_device_id cyw43_of_match[] = {
	{ .compatible = "infineon,cyw43439" },
	{ }
};
MODULE_DEVICE_TABLE(of, cyw43_of_match);

static const struct spi_device_id cyw43_spi_ids[] = {
	{ "cyw43439" },
	{ }
};
MODULE_DEVICE_TABLE(spi, cyw43_spi_ids);

static struct spi_driver cyw43_spi_driver = {
	.driver = {
		.name = CYW43_DRV_NAME,
		.of_match_table = cyw43_of_match,
	},
	.id_table = cyw43_spi_ids,
	.probe = cyw43_probe,
	.remove = cyw43_remove,
};

static int __init cyw43_init(void)
{
	int ret;

	cyw43_debugfs_module_init();
	ret = spi_register_driver(&cyw43_spi_driver);
	if (ret)
		cyw43_debugfs_module_exit();
	return ret;
}
module_init(cyw43_init);

static void __exit cyw43_exit(void)
{
	spi_unregister_driver(&cyw43_spi_driver);
	cyw43_debugfs_module_exit();
}
module_exit(cyw43_exit);

MODULE_DESCRIPTION("Infineon CYW43439 FullMAC WLAN on gSPI");
MODULE_LICENSE("GPL");
