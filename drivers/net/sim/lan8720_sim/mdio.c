// SPDX-License-Identifier: GPL-2.0
/* lan8720_sim MDIO side: mii_bus, phy_device, nINT (irq_sim), model timers. */

#include <linux/interrupt.h>
#include <linux/irq.h>
#include <linux/irqdomain.h>
#include <linux/irq_sim.h>
#include <linux/jiffies.h>
#include <linux/phy.h>
#include <linux/platform_device.h>
#include <linux/property.h>

#include "lansim.h"

/* A level interrupt that nobody clears keeps interrupting; irq_sim only
 * delivers edges, so re-raise nINT this often while it stays low.
 */
#define LANSIM_NINT_REPEAT_MS	20

static void lansim_glue_arm(void *ctx, enum lansim_phy_tmr tmr,
			    unsigned int ms)
{
	struct lansim *ls = ctx;
	unsigned long delay;

	if (ls->dying)
		return;
	delay = msecs_to_jiffies(lansim_scale_ms(ms));
	ls->tmr[tmr].deadline = jiffies + delay;
	mod_delayed_work(system_wq, &ls->tmr[tmr].work, delay);
}

static void lansim_glue_disarm(void *ctx, enum lansim_phy_tmr tmr)
{
	struct lansim *ls = ctx;

	/* Not _sync (we hold the PHY lock): a late run finds the model
	 * timer disarmed and does nothing.
	 */
	cancel_delayed_work(&ls->tmr[tmr].work);
}

/**
 * lansim_irq_fire() - pulse nINT into the irq_sim domain
 * @ls: the instance
 */
void lansim_irq_fire(struct lansim *ls)
{
	if (irq_set_irqchip_state(ls->irq, IRQCHIP_STATE_PENDING, true))
		return;
	atomic64_inc(&ls->irqs_raised);
}

static void lansim_glue_nint(void *ctx, bool asserted)
{
	struct lansim *ls = ctx;

	if (!asserted) {
		cancel_delayed_work(&ls->nint_work);
		return;
	}
	lansim_irq_fire(ls);
	if (!ls->dying)
		mod_delayed_work(system_wq, &ls->nint_work,
				 msecs_to_jiffies(LANSIM_NINT_REPEAT_MS));
}

static void lansim_glue_line(void *ctx, const struct lansim_line *line)
{
	struct lansim *ls = ctx;

	lansim_wire_set_line(&ls->wire, line);
	lansim_cable_carrier(ls, line->up);
}

const struct lansim_phy_ops lansim_phy_glue_ops = {
	.arm = lansim_glue_arm,
	.disarm = lansim_glue_disarm,
	.nint = lansim_glue_nint,
	.line = lansim_glue_line,
};

static void lansim_tmr_work(struct work_struct *work)
{
	struct lansim_tmr *t = container_of(to_delayed_work(work),
					    struct lansim_tmr, work);
	struct lansim *ls = t->ls;

	spin_lock_bh(&ls->phy_lock);
	if (ls->phy.armed[t->which] && !ls->dying) {
		/* A run left over from an earlier arming comes too early. */
		if (time_before(jiffies, t->deadline))
			mod_delayed_work(system_wq, &t->work,
					 t->deadline - jiffies);
		else
			lansim_phy_timer(&ls->phy, t->which);
	}
	spin_unlock_bh(&ls->phy_lock);
}

static void lansim_nint_work(struct work_struct *work)
{
	struct lansim *ls = container_of(to_delayed_work(work), struct lansim,
					 nint_work);

	spin_lock_bh(&ls->phy_lock);
	if (ls->phy.nint && !ls->dying) {
		lansim_irq_fire(ls);
		mod_delayed_work(system_wq, &ls->nint_work,
				 msecs_to_jiffies(LANSIM_NINT_REPEAT_MS));
	}
	spin_unlock_bh(&ls->phy_lock);
}

/**
 * lansim_phy_glue_init() - prepare the kernel side of the model's timers
 * @ls: the instance
 */
void lansim_phy_glue_init(struct lansim *ls)
{
	int i;

	spin_lock_init(&ls->phy_lock);
	for (i = 0; i < LANSIM_TMR_NR; i++) {
		ls->tmr[i].ls = ls;
		ls->tmr[i].which = i;
		INIT_DELAYED_WORK(&ls->tmr[i].work, lansim_tmr_work);
	}
	INIT_DELAYED_WORK(&ls->nint_work, lansim_nint_work);
}

/**
 * lansim_phy_glue_stop() - stop the model's timers for good
 * @ls: the instance; nothing can reach the model any more but timers
 */
void lansim_phy_glue_stop(struct lansim *ls)
{
	int i;

	spin_lock_bh(&ls->phy_lock);
	ls->dying = true;
	spin_unlock_bh(&ls->phy_lock);
	for (i = 0; i < LANSIM_TMR_NR; i++)
		cancel_delayed_work_sync(&ls->tmr[i].work);
	cancel_delayed_work_sync(&ls->nint_work);
}

/**
 * lansim_phy_symbol_errors() - count symbol errors in register 26
 * @ls: the instance
 * @n: damaged frames (one count each at most, §A.2)
 */
void lansim_phy_symbol_errors(struct lansim *ls, unsigned int n)
{
	spin_lock_bh(&ls->phy_lock);
	while (n--)
		lansim_phy_symbol_error(&ls->phy);
	spin_unlock_bh(&ls->phy_lock);
}

/* Fault injection: fail this MDIO access? Called under the PHY lock. */
static bool lansim_mdio_fault(struct lansim *ls)
{
	struct lansim_faults *f = &ls->wire.faults;

	if (f->mdio_fail_next) {
		f->mdio_fail_next--;
		return true;
	}
	return lansim_wire_chance(READ_ONCE(f->mdio_permille));
}

static int lansim_mdio_read(struct mii_bus *bus, int addr, int reg)
{
	struct lansim *ls = bus->priv;
	int ret;

	spin_lock_bh(&ls->phy_lock);
	if (lansim_mdio_fault(ls))
		ret = -EIO;
	else if (addr != lansim_phy_addr(&ls->phy))
		ret = 0xffff;	/* nobody drives MDIO: the pull-up reads 1s */
	else
		ret = lansim_phy_read(&ls->phy, reg);
	spin_unlock_bh(&ls->phy_lock);

	if (ret < 0)
		atomic64_inc(&ls->mdio_errors);
	else
		atomic64_inc(&ls->mdio_reads);
	return ret;
}

static int lansim_mdio_write(struct mii_bus *bus, int addr, int reg, u16 val)
{
	struct lansim *ls = bus->priv;
	int ret = 0;

	spin_lock_bh(&ls->phy_lock);
	if (lansim_mdio_fault(ls))
		ret = -EIO;
	else if (addr == lansim_phy_addr(&ls->phy))
		lansim_phy_write(&ls->phy, reg, val);
	spin_unlock_bh(&ls->phy_lock);

	if (ret < 0)
		atomic64_inc(&ls->mdio_errors);
	else
		atomic64_inc(&ls->mdio_writes);
	return ret;
}

/**
 * lansim_irqs_create() - the irq_sim domain: the PHY's nINT and the MAC's
 *	interrupt line
 * @ls: the instance
 *
 * Return: 0 or a negative errno.
 */
int lansim_irqs_create(struct lansim *ls)
{
	ls->irq_domain = irq_domain_create_sim(dev_fwnode(&ls->pdev->dev),
					       LANSIM_NR_HWIRQS);
	if (IS_ERR(ls->irq_domain))
		return PTR_ERR(ls->irq_domain);
	ls->irq = irq_create_mapping(ls->irq_domain, LANSIM_HWIRQ_NINT);
	if (!ls->irq)
		goto err_remove_domain;
	ls->wire.irq = irq_create_mapping(ls->irq_domain, LANSIM_HWIRQ_MAC);
	if (!ls->wire.irq)
		goto err_dispose_nint;
	return 0;

err_dispose_nint:
	irq_dispose_mapping(ls->irq);
err_remove_domain:
	irq_domain_remove_sim(ls->irq_domain);
	return -ENXIO;
}

/**
 * lansim_irqs_destroy() - remove both interrupts
 * @ls: the instance; the model's glue is stopped, the MAC unregistered
 */
void lansim_irqs_destroy(struct lansim *ls)
{
	irq_dispose_mapping(ls->wire.irq);
	ls->wire.irq = 0;
	irq_dispose_mapping(ls->irq);
	irq_domain_remove_sim(ls->irq_domain);
}

/* Create the phy_device by hand (no bus scan) so it carries the PHY's
 * software node, which the MAC's "phy-handle" points at.
 */
static int lansim_phydev_create(struct lansim *ls)
{
	int addr = lansim_phy_addr(&ls->phy);
	struct phy_device *phydev;
	int ret;

	phydev = get_phy_device(ls->mii, addr, false);
	if (IS_ERR(phydev))
		return PTR_ERR(phydev);
	phydev->irq = ls->irq;
	phydev->mdio.dev.fwnode = fwnode_handle_get(ls->phy_node);
	ret = phy_device_register(phydev);
	if (ret) {
		/* phy_device_free() drops the fwnode reference. */
		phy_device_free(phydev);
		return ret;
	}
	ls->phydev = phydev;
	return 0;
}

/**
 * lansim_mdio_register() - the MDIO bus and the PHY device on it
 * @ls: the instance; the model and nINT exist
 *
 * The mainline smsc driver binds to the PHY by its ID and uses nINT
 * (phydev->irq) instead of polling.
 *
 * Return: 0 or a negative errno.
 */
int lansim_mdio_register(struct lansim *ls)
{
	struct mii_bus *bus;
	int ret;

	bus = mdiobus_alloc();
	if (!bus)
		return -ENOMEM;
	bus->name = "lan8720_sim MDIO";
	snprintf(bus->id, MII_BUS_ID_SIZE, "lansim-%d", ls->id);
	bus->read = lansim_mdio_read;
	bus->write = lansim_mdio_write;
	bus->priv = ls;
	bus->parent = &ls->pdev->dev;
	bus->phy_mask = ~0U;	/* no scan: the PHY is added below */
	ls->mii = bus;

	ret = mdiobus_register(bus);
	if (ret)
		goto err_free_bus;

	ret = lansim_phydev_create(ls);
	if (ret)
		goto err_unregister_bus;
	return 0;

err_unregister_bus:
	mdiobus_unregister(bus);
err_free_bus:
	mdiobus_free(bus);
	ls->mii = NULL;
	return ret;
}

/**
 * lansim_mdio_unregister() - undo lansim_mdio_register()
 * @ls: the instance; the MAC device (and its driver) is gone
 */
void lansim_mdio_unregister(struct lansim *ls)
{
	phy_device_remove(ls->phydev);
	phy_device_free(ls->phydev);
	ls->phydev = NULL;
	mdiobus_unregister(ls->mii);
	mdiobus_free(ls->mii);
	ls->mii = NULL;
}
