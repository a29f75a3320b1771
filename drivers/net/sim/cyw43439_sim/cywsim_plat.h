/* SPDX-License-Identifier: GPL-2.0 */
/* cyw43439_sim: the simulated board: platform device, SPI, GPIO, IRQ. */

#ifndef _CYWSIM_PLAT_H
#define _CYWSIM_PLAT_H

#include <linux/gpio/driver.h>
#include <linux/irq_work.h>
#include <linux/property.h>

struct cywsim_chip;
struct fwnode_handle;
struct irq_domain;
struct net_device;
struct platform_device;
struct spi_controller;
struct spi_device;

/**
 * struct cywsim_dev - one simulated board (platform device)
 * @pdev: the platform device
 * @chip: the chip model
 * @gc: GPIO controller whose line 0 is WL_REG_ON
 * @gc_label: its label, also the gpiod lookup key
 * @reg_on_input: the host switched the line to input (chip sees low)
 * @domain: interrupt domain of the host-wake input (hostwake.c)
 * @virq: host-wake interrupt number
 * @hw_fwnode: names @domain
 * @hw_work: delivers the interrupt in hard interrupt context
 * @hw_pin: the pin is at its active level
 * @hw_unmasked: the host's interrupt controller passes the input on
 * @hw_latched: an edge came while nothing took it (edge trigger)
 * @hw_level: the input is level-triggered
 * @ctlr: the SPI controller
 * @spi: the CYW43439 device on it
 * @props: device properties, as a DT node would give them
 * @swnode: software node carrying @props
 * @swnode_name: its name (the device is named after it on 6.12)
 * @air: the cywsim%d netdev
 */
struct cywsim_dev {
	struct platform_device *pdev;
	struct cywsim_chip *chip;
	struct gpio_chip gc;
	char gc_label[32];
	bool reg_on_input;
	struct irq_domain *domain;
	unsigned int virq;
	struct fwnode_handle *hw_fwnode;
	struct irq_work hw_work;
	bool hw_pin;
	bool hw_unmasked;
	bool hw_latched;
	bool hw_level;
	struct spi_controller *ctlr;
	struct spi_device *spi;
	struct property_entry props[4];
	struct software_node swnode;
	char swnode_name[16];
	struct net_device *air;
};

/* hostwake.c */
int cywsim_host_wake_register(struct cywsim_dev *d, unsigned int type);
void cywsim_host_wake_set(struct cywsim_dev *d, bool active);

/* spi.c */
int cywsim_spi_register(struct cywsim_dev *d, u32 max_hz);

/* air.c */
struct net_device *cywsim_air_create(struct cywsim_chip *chip,
				     struct device *parent);
void cywsim_air_destroy(struct net_device *ndev);
void cywsim_air_deliver(struct net_device *ndev, struct sk_buff *skb);
void cywsim_air_carrier(struct net_device *ndev, bool up);

#endif /* _CYWSIM_PLAT_H */
