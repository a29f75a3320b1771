// SPDX-License-Identifier: GPL-2.0
/* lan8720 PHY glue: find the PHY from phy-handle, attach it, follow its link. */

#include <linux/device.h>
#include <linux/phy.h>
#include <linux/property.h>

#include "lan8720.h"

static void lan8720_put_phy(void *data)
{
	struct phy_device *phydev = data;

	put_device(&phydev->mdio.dev);
}

/**
 * lan8720_phy_find() - look up the PHY the firmware node points to
 * @priv: the port
 *
 * The node's "phy-handle" (or "phy") must reference the fwnode of a
 * registered phy_device; on a board that is the MDIO bus's DT child, in the
 * rig the simulator's software node. The PHY is attached later, on open.
 *
 * Return: 0, -ENODEV without a reference, -EPROBE_DEFER while the PHY is
 * not registered yet.
 */
int lan8720_phy_find(struct lan8720_priv *priv)
{
	struct fwnode_handle *phy_node;
	struct phy_device *phydev;

	phy_node = fwnode_get_phy_node(dev_fwnode(priv->dev));
	if (IS_ERR(phy_node))
		return dev_err_probe(priv->dev, -ENODEV,
				     "no phy-handle in the firmware node\n");

	phydev = fwnode_phy_find_device(phy_node);
	fwnode_handle_put(phy_node);
	if (!phydev)
		return dev_err_probe(priv->dev, -EPROBE_DEFER,
				     "PHY not registered yet\n");

	priv->phydev = phydev;
	return devm_add_action_or_reset(priv->dev, lan8720_put_phy, phydev);
}

/**
 * lan8720_adjust_link() - phylib's link change callback
 * @ndev: the port's net_device
 *
 * Context: phylib's state machine, phydev->lock held. Records the new link
 * for the bus context, which programs the backend.
 */
static void lan8720_adjust_link(struct net_device *ndev)
{
	struct lan8720_priv *priv = netdev_priv(ndev);
	struct phy_device *phydev = ndev->phydev;
	struct lan8720_link now = {
		.up = phydev->link,
		.speed = phydev->speed,
		.duplex = phydev->duplex,
	};
	bool changed;

	spin_lock_bh(&priv->link_lock);
	changed = now.up != priv->link_req.up ||
		  (now.up && (now.speed != priv->link_req.speed ||
			      now.duplex != priv->link_req.duplex));
	if (changed) {
		priv->link_req = now;
		priv->link_dirty = true;
	}
	spin_unlock_bh(&priv->link_lock);

	if (!changed)
		return;
	if (ethbus_msglevel(priv->eb) & NETIF_MSG_LINK)
		phy_print_status(phydev);
	/* The backend is programmed from the bus context, serialized with
	 * the data path.
	 */
	ethbus_kick(priv->eb);
}

/**
 * lan8720_link_apply() - give the backend the link phylib reported
 * @priv: the port; called from the bus context with the backend enabled
 *
 * A speed or duplex the backend cannot do leaves it with the link down,
 * so frames are dropped rather than sent at the wrong rate.
 */
void lan8720_link_apply(struct lan8720_priv *priv)
{
	struct lan8720_link link;
	bool dirty;
	int ret;

	spin_lock_bh(&priv->link_lock);
	dirty = priv->link_dirty;
	link = priv->link_req;
	priv->link_dirty = false;
	spin_unlock_bh(&priv->link_lock);

	if (!dirty)
		return;

	if (link.up && (link.speed != SPEED_10 && link.speed != SPEED_100)) {
		netdev_err(priv->ndev, "unsupported link speed %d\n",
			   link.speed);
		link.up = false;
	}
	if (link.up && link.duplex != DUPLEX_HALF &&
	    link.duplex != DUPLEX_FULL) {
		netdev_err(priv->ndev, "unknown duplex %d\n", link.duplex);
		link.up = false;
	}

	ret = priv->be.ops->set_link(priv->be.priv, link.up, link.speed,
				     link.duplex);
	if (ret && link.up) {
		ethbus_fault(priv->eb, ret, "set link speed/duplex");
		priv->be.ops->set_link(priv->be.priv, false, SPEED_UNKNOWN,
				       DUPLEX_UNKNOWN);
	}
}

/**
 * lan8720_phy_connect() - attach the PHY to the net_device (ndo_open)
 * @priv: the port
 *
 * The MAC has no flow control, so pause is not advertised.
 *
 * Return: 0 or phy_connect_direct()'s error.
 */
int lan8720_phy_connect(struct lan8720_priv *priv)
{
	struct phy_device *phydev = priv->phydev;
	int ret;

	ret = phy_connect_direct(priv->ndev, phydev, lan8720_adjust_link,
				 PHY_INTERFACE_MODE_RMII);
	if (ret) {
		netdev_err(priv->ndev, "cannot attach PHY %s: %pe\n",
			   phydev_name(phydev), ERR_PTR(ret));
		return ret;
	}

	phy_set_max_speed(phydev, SPEED_100);
	phy_remove_link_mode(phydev, ETHTOOL_LINK_MODE_Pause_BIT);
	phy_remove_link_mode(phydev, ETHTOOL_LINK_MODE_Asym_Pause_BIT);

	spin_lock_bh(&priv->link_lock);
	priv->link_req = (struct lan8720_link){ .up = false };
	priv->link_dirty = true;
	spin_unlock_bh(&priv->link_lock);

	phy_attached_info(phydev);
	return 0;
}

/**
 * lan8720_phy_disconnect() - detach the PHY (ndo_stop)
 * @priv: the port
 */
void lan8720_phy_disconnect(struct lan8720_priv *priv)
{
	phy_disconnect(priv->phydev);
}
