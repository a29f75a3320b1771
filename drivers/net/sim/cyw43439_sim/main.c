// SPDX-License-Identifier: GPL-2.0
/* cyw43439_sim: module, platform devices and the simulated board wiring. */

#include <linux/debugfs.h>
#include <linux/gpio/driver.h>
#include <linux/gpio/machine.h>
#include <linux/interrupt.h>
#include <linux/irq.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/netdevice.h>
#include <linux/platform_device.h>
#include <linux/slab.h>
#include <linux/spi/spi.h>

#include "netdrv_compat.h"
#include "cywsim.h"
#include "cywsim_plat.h"

#define CYWSIM_DRV_NAME		"cyw43439_sim"
#define CYWSIM_MAX_DEVS		8

static unsigned int nr_devs = 1;
module_param(nr_devs, uint, 0444);
MODULE_PARM_DESC(nr_devs, "Number of simulated boards (default 1, max 8)");

static bool three_wire = true;
module_param(three_wire, bool, 0444);
MODULE_PARM_DESC(three_wire,
		 "Pico W wiring: shared data/IRQ line, IRQ active high (default); 0: 4-wire + active-low WL_IRQ (Murata 1YN)");

static unsigned int spi_hz = 50000000;
module_param(spi_hz, uint, 0444);
MODULE_PARM_DESC(spi_hz, "spi-max-frequency of the device (default 50 MHz)");

static bool irq_edge;
module_param(irq_edge, bool, 0444);
MODULE_PARM_DESC(irq_edge,
		 "Host-wake as an edge-triggered interrupt (default: level, as the overlay configures it)");

static char *modalias = "cyw43439";
module_param(modalias, charp, 0444);
MODULE_PARM_DESC(modalias, "SPI modalias of the chip (default cyw43439)");

static struct platform_device *cywsim_pdevs[CYWSIM_MAX_DEVS];
static struct dentry *cywsim_dbg_root;

static const char *const cywsim_gpio_names[] = { "WL_REG_ON" };

static void cywsim_hook_irq_level(void *priv, bool active)
{
	cywsim_host_wake_set(priv, active);
}

static void cywsim_hook_air_rx(void *priv, struct sk_buff *skb)
{
	struct cywsim_dev *d = priv;

	if (d->air)
		cywsim_air_deliver(d->air, skb);
	else
		kfree_skb(skb);
}

static void cywsim_hook_link(void *priv, bool up)
{
	struct cywsim_dev *d = priv;

	if (d->air)
		cywsim_air_carrier(d->air, up);
}

static const struct cywsim_hooks cywsim_board_hooks = {
	.irq_level = cywsim_hook_irq_level,
	.air_rx = cywsim_hook_air_rx,
	.link_changed = cywsim_hook_link,
};

/* WL_REG_ON: an output of the host's GPIO block wired to the chip */
static int cywsim_gpio_get_direction(struct gpio_chip *gc, unsigned int off)
{
	struct cywsim_dev *d = gpiochip_get_data(gc);

	return d->reg_on_input ? GPIO_LINE_DIRECTION_IN :
				 GPIO_LINE_DIRECTION_OUT;
}

static int cywsim_gpio_get(struct gpio_chip *gc, unsigned int off)
{
	struct cywsim_dev *d = gpiochip_get_data(gc);

	return cywsim_get_reg_on(d->chip);
}

static int cywsim_gpio_set(struct gpio_chip *gc, unsigned int off, int val)
{
	struct cywsim_dev *d = gpiochip_get_data(gc);

	if (!d->reg_on_input)
		cywsim_set_reg_on(d->chip, val);
	return 0;
}

NETDRV_GPIO_SET_ADAPTER(cywsim_gpio_set)

static int cywsim_gpio_output(struct gpio_chip *gc, unsigned int off,
			      int val)
{
	struct cywsim_dev *d = gpiochip_get_data(gc);

	d->reg_on_input = false;
	cywsim_set_reg_on(d->chip, val);
	return 0;
}

static int cywsim_gpio_input(struct gpio_chip *gc, unsigned int off)
{
	struct cywsim_dev *d = gpiochip_get_data(gc);

	/* a floating REG_ON is held low by the module's pull-down */
	d->reg_on_input = true;
	cywsim_set_reg_on(d->chip, false);
	return 0;
}

static int cywsim_gpio_register(struct cywsim_dev *d)
{
	struct gpio_chip *gc = &d->gc;

	snprintf(d->gc_label, sizeof(d->gc_label), "cywsim%d-gpio",
		 d->pdev->id);
	snprintf(d->swnode_name, sizeof(d->swnode_name), "cywsim%d",
		 d->pdev->id);
	gc->label = d->gc_label;
	gc->parent = &d->pdev->dev;
	gc->owner = THIS_MODULE;
	gc->base = -1;
	gc->ngpio = 1;
	gc->names = cywsim_gpio_names;
	gc->can_sleep = false;
	gc->get_direction = cywsim_gpio_get_direction;
	gc->direction_input = cywsim_gpio_input;
	gc->direction_output = cywsim_gpio_output;
	gc->get = cywsim_gpio_get;
	gc->set = NETDRV_GPIO_SET(cywsim_gpio_set);
	return devm_gpiochip_add_data(&d->pdev->dev, gc, d);
}

/*
 * Host-wake as the board's device tree describes it (the overlay, §1.1):
 * level-triggered, active high on the 3-wire data line, active low on a
 * 4-wire module's WL_IRQ; edge-triggered on request. The type also tells
 * the driver which polarity to program.
 */
static int cywsim_irq_register(struct cywsim_dev *d)
{
	bool high = d->chip->cfg.irq_active_high;
	unsigned int type;

	if (irq_edge)
		type = high ? IRQ_TYPE_EDGE_RISING : IRQ_TYPE_EDGE_FALLING;
	else
		type = high ? IRQ_TYPE_LEVEL_HIGH : IRQ_TYPE_LEVEL_LOW;
	return cywsim_host_wake_register(d, type);
}

static void cywsim_lookup_remove(void *data)
{
	struct gpiod_lookup_table *table = data;

	gpiod_remove_lookup_table(table);
}

static int cywsim_lookup_add(struct cywsim_dev *d, const char *dev_id)
{
	struct device *dev = &d->pdev->dev;
	struct gpiod_lookup_table *table;

	table = devm_kzalloc(dev, struct_size(table, table, 2), GFP_KERNEL);
	if (!table || !dev_id)
		return -ENOMEM;
	table->dev_id = dev_id;
	table->table[0] = GPIO_LOOKUP_IDX(d->gc_label, 0, "reg-on", 0,
					  GPIO_ACTIVE_HIGH);
	gpiod_add_lookup_table(table);
	return devm_add_action_or_reset(dev, cywsim_lookup_remove, table);
}

/*
 * What a DT node with reg-on-gpios would give the driver. The device is
 * named "spi-<software node>" by kernels that name SPI devices after their
 * software node (6.12) and "spiB.0" by older ones: cover both.
 */
static int cywsim_lookup_register(struct cywsim_dev *d)
{
	struct device *dev = &d->pdev->dev;
	int ret;

	ret = cywsim_lookup_add(d, devm_kasprintf(dev, GFP_KERNEL, "spi%d.0",
						  d->ctlr->bus_num));
	if (ret)
		return ret;
	return cywsim_lookup_add(d, devm_kasprintf(dev, GFP_KERNEL, "spi-%s",
						   d->swnode_name));
}

static void cywsim_spidev_remove(void *data)
{
	struct cywsim_dev *d = data;

	spi_unregister_device(d->spi);
}

static int cywsim_spidev_register(struct cywsim_dev *d, u32 hz)
{
	struct spi_board_info info = {
		.max_speed_hz = hz,
		.chip_select = 0,
		.mode = SPI_MODE_0,
		.irq = d->virq,
		.swnode = &d->swnode,
	};
	int n = 0;

	strscpy(info.modalias, modalias, sizeof(info.modalias));
	if (d->chip->cfg.three_wire)
		info.mode |= SPI_3WIRE;
	d->props[n++] = PROPERTY_ENTRY_STRING("compatible",
					      "infineon,cyw43439");
	d->props[n++] = PROPERTY_ENTRY_U32("spi-max-frequency", hz);
	if (d->chip->cfg.three_wire)
		d->props[n++] = PROPERTY_ENTRY_BOOL("spi-3wire");
	d->swnode.name = d->swnode_name;
	d->swnode.properties = d->props;
	d->spi = spi_new_device(d->ctlr, &info);
	if (!d->spi)
		return -ENODEV;
	return devm_add_action_or_reset(&d->pdev->dev, cywsim_spidev_remove,
					d);
}

static void cywsim_chip_release(void *data)
{
	cywsim_chip_destroy(data);
}

static void cywsim_chip_quiesce(void *data)
{
	cywsim_chip_stop(data);
}

static void cywsim_air_release(void *data)
{
	struct cywsim_dev *d = data;

	cywsim_air_destroy(d->air);
	d->air = NULL;
}

static void cywsim_debugfs_release(void *data)
{
	struct cywsim_chip *chip = data;

	debugfs_remove_recursive(chip->dbg);
}

static int cywsim_probe_board(struct cywsim_dev *d)
{
	struct device *dev = &d->pdev->dev;
	int ret;

	ret = cywsim_gpio_register(d);
	if (ret)
		return dev_err_probe(dev, ret, "gpio chip\n");
	ret = cywsim_irq_register(d);
	if (ret)
		return dev_err_probe(dev, ret, "host-wake irq\n");
	d->air = cywsim_air_create(d->chip, dev);
	if (IS_ERR(d->air))
		return dev_err_probe(dev, PTR_ERR(d->air), "air netdev\n");
	ret = devm_add_action_or_reset(dev, cywsim_air_release, d);
	if (ret)
		return ret;
	/* from here on, work items stop before the netdev goes */
	return devm_add_action_or_reset(dev, cywsim_chip_quiesce, d->chip);
}

static int cywsim_probe(struct platform_device *pdev)
{
	struct cywsim_cfg cfg = {
		.id = pdev->id,
		.three_wire = three_wire,
		.irq_active_high = three_wire,
	};
	struct device *dev = &pdev->dev;
	struct cywsim_dev *d;
	int ret;

	d = devm_kzalloc(dev, sizeof(*d), GFP_KERNEL);
	if (!d)
		return -ENOMEM;
	d->pdev = pdev;
	d->chip = cywsim_chip_create(&cfg, &cywsim_board_hooks, d);
	if (IS_ERR(d->chip))
		return PTR_ERR(d->chip);
	ret = devm_add_action_or_reset(dev, cywsim_chip_release, d->chip);
	if (ret)
		return ret;
	ret = cywsim_probe_board(d);
	if (ret)
		return ret;
	ret = cywsim_spi_register(d, spi_hz);
	if (ret)
		return dev_err_probe(dev, ret, "spi controller\n");
	ret = cywsim_lookup_register(d);
	if (ret)
		return ret;
	ret = cywsim_spidev_register(d, spi_hz);
	if (ret)
		return dev_err_probe(dev, ret, "spi device\n");
	cywsim_debugfs_init(d->chip, cywsim_dbg_root);
	ret = devm_add_action_or_reset(dev, cywsim_debugfs_release, d->chip);
	if (ret)
		return ret;
	dev_info(dev, "%s on %s, %s wiring, irq %u (%s), %s\n", modalias,
		 dev_name(&d->spi->dev), three_wire ? "3-wire" : "4-wire",
		 d->virq, irq_edge ? "edge" : "level", netdev_name(d->air));
	return 0;
}

static struct platform_driver cywsim_driver = {
	.probe = cywsim_probe,
	.driver = {
		.name = CYWSIM_DRV_NAME,
	},
};

static void cywsim_unregister_devs(void)
{
	int i;

	for (i = CYWSIM_MAX_DEVS - 1; i >= 0; i--) {
		platform_device_unregister(cywsim_pdevs[i]);
		cywsim_pdevs[i] = NULL;
	}
}

static int __init cywsim_init(void)
{
	struct platform_device *pdev;
	unsigned int i;
	int ret;

	if (nr_devs > CYWSIM_MAX_DEVS)
		return -EINVAL;
	cywsim_dbg_root = debugfs_create_dir(CYWSIM_DRV_NAME, NULL);
	ret = platform_driver_register(&cywsim_driver);
	if (ret)
		goto err_remove_debugfs;
	for (i = 0; i < nr_devs; i++) {
		pdev = platform_device_register_simple(CYWSIM_DRV_NAME, i,
						       NULL, 0);
		if (IS_ERR(pdev)) {
			ret = PTR_ERR(pdev);
			goto err_unregister_devs;
		}
		cywsim_pdevs[i] = pdev;
	}
	return 0;

err_unregister_devs:
	cywsim_unregister_devs();
	platform_driver_unregister(&cywsim_driver);
err_remove_debugfs:
	debugfs_remove_recursive(cywsim_dbg_root);
	return ret;
}

static void __exit cywsim_exit(void)
{
	cywsim_unregister_devs();
	platform_driver_unregister(&cywsim_driver);
	debugfs_remove_recursive(cywsim_dbg_root);
}

module_init(cywsim_init);
module_exit(cywsim_exit);

MODULE_DESCRIPTION("Simulated CYW43439 gSPI WLAN chip on a simulated SPI bus");
MODULE_LICENSE("GPL");
