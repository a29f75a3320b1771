// SPDX-License-Identifier: GPL-2.0
/* lan8720_sim module: parameters, instance creation and teardown. */

#include <linux/debugfs.h>
#include <linux/err.h>
#include <linux/math64.h>
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/property.h>
#include <linux/slab.h>

#include "lansim.h"
#include "lansim_regs.h"

#define LANSIM_MAX_INSTANCES	8
#define LANSIM_MIN_FRAME_LEN	1518	/* contract minimum, FCS excluded */
#define LANSIM_MAX_FRAME_LEN	9018

static unsigned int instances = 1;
module_param(instances, uint, 0444);
MODULE_PARM_DESC(instances, "Simulated ports to create (0-8, default 1)");

static unsigned int phyad = 1;
module_param(phyad, uint, 0444);
MODULE_PARM_DESC(phyad, "PHYAD strap: MDIO address of the PHY (default 1)");

static unsigned int mode = LANSIM_MODE_ALL;
module_param(mode, uint, 0444);
MODULE_PARM_DESC(mode, "MODE[2:0] straps (0-7, default 7 = all capable)");

static unsigned int time_scale = 100;
module_param(time_scale, uint, 0644);
MODULE_PARM_DESC(time_scale,
		 "PHY timing in percent of the real part's (0 = instant)");

static bool hw_fcs;
module_param(hw_fcs, bool, 0444);
MODULE_PARM_DESC(hw_fcs,
		 "Backend generates and checks the FCS (default: the driver)");

static unsigned int max_frame_len = 1536;
module_param(max_frame_len, uint, 0444);
MODULE_PARM_DESC(max_frame_len,
		 "MAC buffer size in bytes, FCS excluded (1518-9018)");

static bool mac_address = true;
module_param(mac_address, bool, 0444);
MODULE_PARM_DESC(mac_address,
		 "Give the MAC a local-mac-address property (default on)");

static struct lansim *lansim_instances[LANSIM_MAX_INSTANCES];
static struct dentry *lansim_debugfs_root;

/**
 * lansim_scale_ms() - model time to wall time
 * @ms: milliseconds at 100 %
 *
 * Return: milliseconds at the current time_scale.
 */
unsigned int lansim_scale_ms(unsigned int ms)
{
	return div_u64((u64)ms * READ_ONCE(time_scale), 100);
}

static const struct lansim_partner lansim_default_partner = {
	.plugged = true,
	.autoneg = true,
	.modes = LANSIM_MODES_ALL,
	.mdix = LANSIM_MDIX_AUTO,
};

static int lansim_nodes_create(struct lansim *ls, const struct lansim_config *cfg)
{
	struct property_entry phy_props[] = {
		PROPERTY_ENTRY_U32("reg", cfg->phyad),
		{ }
	};
	struct property_entry sim_props[] = {
		PROPERTY_ENTRY_U32("lansim,instance", ls->id),
		{ }
	};
	struct platform_device_info info = {
		.name = "lan8720-sim",
		.id = ls->id,
		.properties = sim_props,
	};

	ls->pdev = platform_device_register_full(&info);
	if (IS_ERR(ls->pdev))
		return PTR_ERR(ls->pdev);

	ls->phy_node = fwnode_create_software_node(phy_props, NULL);
	if (IS_ERR(ls->phy_node)) {
		platform_device_unregister(ls->pdev);
		return PTR_ERR(ls->phy_node);
	}
	return 0;
}

static void lansim_nodes_destroy(struct lansim *ls)
{
	fwnode_remove_software_node(ls->phy_node);
	platform_device_unregister(ls->pdev);
}

static void lansim_phy_start(struct lansim *ls, const struct lansim_config *cfg)
{
	lansim_phy_glue_init(ls);
	spin_lock_bh(&ls->phy_lock);
	lansim_phy_init(&ls->phy, &lansim_phy_glue_ops, ls, cfg->phyad,
			cfg->mode, &lansim_default_partner);
	spin_unlock_bh(&ls->phy_lock);
}

static struct lansim *lansim_create(int id, const struct lansim_config *cfg)
{
	struct lansim *ls;
	int ret;

	ls = kzalloc(sizeof(*ls), GFP_KERNEL);
	if (!ls)
		return ERR_PTR(-ENOMEM);
	ls->id = id;
	/* Locally administered, "LSIM", instance number. */
	ls->mac_addr[0] = 0x02;
	ls->mac_addr[1] = 'L';
	ls->mac_addr[2] = 'S';
	ls->mac_addr[3] = 'I';
	ls->mac_addr[4] = 'M';
	ls->mac_addr[5] = id;

	ret = lansim_nodes_create(ls, cfg);
	if (ret)
		goto err_free;

	lansim_wire_init(&ls->wire, cfg);
	if (!lansim_cable_alloc(ls)) {
		ret = -ENOMEM;
		goto err_destroy_nodes;
	}
	ret = lansim_cable_register(ls);
	if (ret)
		goto err_free_cable;
	ret = lansim_irqs_create(ls);
	if (ret)
		goto err_unregister_cable;
	lansim_phy_start(ls, cfg);

	ret = lansim_mdio_register(ls);
	if (ret)
		goto err_stop_phy;
	ret = lansim_mac_register(ls, cfg);
	if (ret)
		goto err_unregister_mdio;
	lansim_debugfs_init(ls, lansim_debugfs_root);
	return ls;

err_unregister_mdio:
	lansim_mdio_unregister(ls);
err_stop_phy:
	lansim_phy_glue_stop(ls);
	lansim_irqs_destroy(ls);
err_unregister_cable:
	lansim_cable_unregister(ls);
	lansim_wire_destroy(&ls->wire);
err_free_cable:
	lansim_cable_free(ls);
err_destroy_nodes:
	lansim_nodes_destroy(ls);
err_free:
	kfree(ls);
	return ERR_PTR(ret);
}

static void lansim_destroy(struct lansim *ls)
{
	lansim_debugfs_exit(ls);
	lansim_mac_unregister(ls);
	lansim_mdio_unregister(ls);
	/* Nothing reaches the model now but its own timers. */
	lansim_phy_glue_stop(ls);
	lansim_irqs_destroy(ls);
	/* No partner frames after this; then the wire can stop. */
	lansim_cable_unregister(ls);
	lansim_wire_destroy(&ls->wire);
	lansim_cable_free(ls);
	lansim_nodes_destroy(ls);
	kfree(ls);
}

static int lansim_check_params(struct lansim_config *cfg)
{
	if (instances > LANSIM_MAX_INSTANCES || phyad > 31 || mode > 7 ||
	    max_frame_len < LANSIM_MIN_FRAME_LEN ||
	    max_frame_len > LANSIM_MAX_FRAME_LEN) {
		pr_err("lan8720_sim: parameter out of range\n");
		return -EINVAL;
	}
	*cfg = (struct lansim_config) {
		.phyad = phyad,
		.mode = mode,
		.hw_fcs = hw_fcs,
		.max_frame_len = max_frame_len,
		.mac_addr = mac_address,
	};
	return 0;
}

static void lansim_destroy_all(void)
{
	int i;

	for (i = LANSIM_MAX_INSTANCES - 1; i >= 0; i--) {
		if (!lansim_instances[i])
			continue;
		lansim_destroy(lansim_instances[i]);
		lansim_instances[i] = NULL;
	}
}

static int __init lansim_init(void)
{
	struct lansim_config cfg;
	struct lansim *ls;
	unsigned int i;
	int ret;

	ret = lansim_check_params(&cfg);
	if (ret)
		return ret;

	lansim_debugfs_root = debugfs_create_dir("lan8720_sim", NULL);
	for (i = 0; i < instances; i++) {
		ls = lansim_create(i, &cfg);
		if (IS_ERR(ls)) {
			ret = PTR_ERR(ls);
			goto err_destroy_all;
		}
		lansim_instances[i] = ls;
	}
	return 0;

err_destroy_all:
	lansim_destroy_all();
	debugfs_remove_recursive(lansim_debugfs_root);
	return ret;
}
module_init(lansim_init);

static void __exit lansim_exit(void)
{
	lansim_destroy_all();
	debugfs_remove_recursive(lansim_debugfs_root);
}
module_exit(lansim_exit);

MODULE_DESCRIPTION("Simulated LAN8720A PHY, MDIO bus, RMII MAC backend and cable");
MODULE_LICENSE("GPL");
MODULE_SOFTDEP("pre: smsc");
