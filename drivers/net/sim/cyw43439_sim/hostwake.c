// SPDX-License-Identifier: GPL-2.0
/* cyw43439_sim: the host-wake input of the simulated board's GPIO block. */

#include <linux/interrupt.h>
#include <linux/irq.h>
#include <linux/irq_work.h>
#include <linux/irqdomain.h>
#include <linux/platform_device.h>

#include "cywsim.h"
#include "cywsim_plat.h"

/*
 * The board's interrupt controller input that the chip's host-wake pin
 * (or, on 3-wire, its data line) drives. As on a Raspberry Pi's GPIO
 * block, the trigger is programmable:
 *
 * - level: the interrupt fires while the pin is at its active level and
 *   the input is unmasked, and fires again after every unmask for as long
 *   as the level stays. A driver that unmasks with the cause still
 *   pending is interrupted again at once (an interrupt storm).
 * - edge: an inactive-to-active change is latched, also while masked,
 *   and delivered once when unmasked.
 *
 * The pin level comes from the chip model (cywsim_host_wake_set()).
 */

static void cywsim_hw_fire(struct irq_work *work)
{
	struct cywsim_dev *d = container_of(work, struct cywsim_dev, hw_work);
	bool fire;

	if (!READ_ONCE(d->hw_unmasked))
		return;
	if (d->hw_level)
		fire = READ_ONCE(d->hw_pin);
	else
		fire = xchg(&d->hw_latched, false);
	if (fire)
		generic_handle_domain_irq(d->domain, 0);
}

static void cywsim_hw_mask(struct irq_data *data)
{
	struct cywsim_dev *d = irq_data_get_irq_chip_data(data);

	WRITE_ONCE(d->hw_unmasked, false);
}

static void cywsim_hw_unmask(struct irq_data *data)
{
	struct cywsim_dev *d = irq_data_get_irq_chip_data(data);

	WRITE_ONCE(d->hw_unmasked, true);
	if (d->hw_level ? READ_ONCE(d->hw_pin) : READ_ONCE(d->hw_latched))
		irq_work_queue(&d->hw_work);
}

/* Edges are latched in cywsim_host_wake_set(): nothing to acknowledge */
static void cywsim_hw_ack(struct irq_data *data)
{
}

static int cywsim_hw_set_type(struct irq_data *data, unsigned int type)
{
	struct cywsim_dev *d = irq_data_get_irq_chip_data(data);

	switch (type & IRQ_TYPE_SENSE_MASK) {
	case IRQ_TYPE_LEVEL_HIGH:
	case IRQ_TYPE_LEVEL_LOW:
		d->hw_level = true;
		irq_set_handler_locked(data, handle_level_irq);
		break;
	case IRQ_TYPE_EDGE_RISING:
	case IRQ_TYPE_EDGE_FALLING:
		d->hw_level = false;
		irq_set_handler_locked(data, handle_edge_irq);
		break;
	default:
		return -EINVAL;
	}
	return 0;
}

static struct irq_chip cywsim_hw_chip = {
	.name = "cywsim-host-wake",
	.irq_mask = cywsim_hw_mask,
	.irq_unmask = cywsim_hw_unmask,
	.irq_ack = cywsim_hw_ack,
	.irq_set_type = cywsim_hw_set_type,
};

static int cywsim_hw_map(struct irq_domain *domain, unsigned int virq,
			 irq_hw_number_t hw)
{
	irq_set_chip_data(virq, domain->host_data);
	irq_set_chip_and_handler(virq, &cywsim_hw_chip, handle_level_irq);
	return 0;
}

static const struct irq_domain_ops cywsim_hw_ops = {
	.map = cywsim_hw_map,
};

/**
 * cywsim_host_wake_set() - the level of the pin at the host's input
 * @d: the board
 * @active: the pin is at the level the input treats as asserted
 *
 * Context: any; called with the chip lock held.
 */
void cywsim_host_wake_set(struct cywsim_dev *d, bool active)
{
	bool was = READ_ONCE(d->hw_pin);

	WRITE_ONCE(d->hw_pin, active);
	if (active && !was && !d->hw_level)
		WRITE_ONCE(d->hw_latched, true);
	if (active && READ_ONCE(d->hw_unmasked))
		irq_work_queue(&d->hw_work);
}

static void cywsim_hw_release(void *data)
{
	struct cywsim_dev *d = data;

	irq_dispose_mapping(d->virq);
	irq_domain_remove(d->domain);
	irq_work_sync(&d->hw_work);
	irq_domain_free_fwnode(d->hw_fwnode);
}

/**
 * cywsim_host_wake_register() - create the host-wake interrupt
 * @d: the board
 * @type: IRQ_TYPE_* trigger, as the board's device tree would give it
 *
 * Context: probe.
 * Return: 0 or a negative errno.
 */
int cywsim_host_wake_register(struct cywsim_dev *d, unsigned int type)
{
	struct device *dev = &d->pdev->dev;
	int ret;

	init_irq_work(&d->hw_work, cywsim_hw_fire);
	d->hw_fwnode = irq_domain_alloc_named_id_fwnode("cywsim-host-wake",
							d->chip->cfg.id);
	if (!d->hw_fwnode)
		return -ENOMEM;
	d->domain = irq_domain_create_linear(d->hw_fwnode, 1, &cywsim_hw_ops,
					     d);
	if (!d->domain) {
		irq_domain_free_fwnode(d->hw_fwnode);
		return -ENOMEM;
	}
	d->virq = irq_create_mapping(d->domain, 0);
	if (!d->virq) {
		irq_domain_remove(d->domain);
		irq_domain_free_fwnode(d->hw_fwnode);
		return -ENXIO;
	}
	ret = devm_add_action_or_reset(dev, cywsim_hw_release, d);
	if (ret)
		return ret;
	return irq_set_irq_type(d->virq, type);
}
