// SPDX-License-Identifier: GPL-2.0
/* lan8720_sim debugfs: link partner, cable, faults, counters and state. */

#include <linux/debugfs.h>
#include <linux/netdevice.h>
#include <linux/platform_device.h>
#include <linux/seq_file.h>
#include <linux/string.h>
#include <linux/uaccess.h>

#include "lansim.h"
#include "lansim_regs.h"

enum lansim_knob_id {
	LANSIM_KNOB_PLUGGED,
	LANSIM_KNOB_AUTONEG,
	LANSIM_KNOB_10HD,
	LANSIM_KNOB_10FD,
	LANSIM_KNOB_100HD,
	LANSIM_KNOB_100FD,
	LANSIM_KNOB_PAUSE,
	LANSIM_KNOB_RFAULT,
	LANSIM_KNOB_EDPD,
};

static const char * const lansim_knob_names[LANSIM_NR_KNOBS] = {
	[LANSIM_KNOB_PLUGGED] = "plugged",
	[LANSIM_KNOB_AUTONEG] = "autoneg",
	[LANSIM_KNOB_10HD] = "10half",
	[LANSIM_KNOB_10FD] = "10full",
	[LANSIM_KNOB_100HD] = "100half",
	[LANSIM_KNOB_100FD] = "100full",
	[LANSIM_KNOB_PAUSE] = "pause",
	[LANSIM_KNOB_RFAULT] = "rfault",
	[LANSIM_KNOB_EDPD] = "edpd",
};

static bool *lansim_knob_bool(struct lansim_partner *p, int id)
{
	switch (id) {
	case LANSIM_KNOB_PLUGGED:
		return &p->plugged;
	case LANSIM_KNOB_AUTONEG:
		return &p->autoneg;
	case LANSIM_KNOB_PAUSE:
		return &p->pause;
	case LANSIM_KNOB_RFAULT:
		return &p->rfault;
	case LANSIM_KNOB_EDPD:
		return &p->edpd;
	default:
		return NULL;
	}
}

static int lansim_knob_get(void *data, u64 *val)
{
	struct lansim_knob *k = data;
	struct lansim *ls = k->ls;
	struct lansim_partner p;
	bool *b;

	spin_lock_bh(&ls->phy_lock);
	p = ls->phy.partner;
	spin_unlock_bh(&ls->phy_lock);

	b = lansim_knob_bool(&p, k->id);
	if (b)
		*val = *b;
	else
		*val = !!(p.modes & BIT(k->id - LANSIM_KNOB_10HD));
	return 0;
}

static int lansim_knob_set(void *data, u64 val)
{
	struct lansim_knob *k = data;
	struct lansim *ls = k->ls;
	struct lansim_partner p;
	bool *b;

	if (val > 1)
		return -EINVAL;

	spin_lock_bh(&ls->phy_lock);
	p = ls->phy.partner;
	b = lansim_knob_bool(&p, k->id);
	if (b)
		*b = val;
	else if (val)
		p.modes |= BIT(k->id - LANSIM_KNOB_10HD);
	else
		p.modes &= ~BIT(k->id - LANSIM_KNOB_10HD);
	lansim_phy_set_partner(&ls->phy, &p);
	spin_unlock_bh(&ls->phy_lock);
	return 0;
}
DEFINE_DEBUGFS_ATTRIBUTE(lansim_knob_fops, lansim_knob_get, lansim_knob_set,
			 "%llu\n");

static const char * const lansim_mdix_names[] = {
	[LANSIM_MDIX_AUTO] = "auto",
	[LANSIM_MDI] = "mdi",
	[LANSIM_MDIX] = "mdix",
};

static ssize_t lansim_mdix_read(struct file *file, char __user *buf,
				size_t count, loff_t *ppos)
{
	struct lansim *ls = file->private_data;
	enum lansim_mdix m;
	char tmp[8];
	int len;

	spin_lock_bh(&ls->phy_lock);
	m = ls->phy.partner.mdix;
	spin_unlock_bh(&ls->phy_lock);
	len = scnprintf(tmp, sizeof(tmp), "%s\n", lansim_mdix_names[m]);
	return simple_read_from_buffer(buf, count, ppos, tmp, len);
}

static ssize_t lansim_mdix_write(struct file *file, const char __user *buf,
				 size_t count, loff_t *ppos)
{
	struct lansim *ls = file->private_data;
	struct lansim_partner p;
	char tmp[8] = {};
	int m;

	if (count >= sizeof(tmp))
		return -EINVAL;
	if (copy_from_user(tmp, buf, count))
		return -EFAULT;
	m = sysfs_match_string(lansim_mdix_names, tmp);
	if (m < 0)
		return m;

	spin_lock_bh(&ls->phy_lock);
	p = ls->phy.partner;
	p.mdix = m;
	lansim_phy_set_partner(&ls->phy, &p);
	spin_unlock_bh(&ls->phy_lock);
	return count;
}

static const struct file_operations lansim_mdix_fops = {
	.owner = THIS_MODULE,
	.open = simple_open,
	.read = lansim_mdix_read,
	.write = lansim_mdix_write,
	.llseek = default_llseek,
};

static int lansim_hw_reset_set(void *data, u64 val)
{
	struct lansim *ls = data;

	if (val != 1)
		return -EINVAL;
	spin_lock_bh(&ls->phy_lock);
	lansim_phy_hw_reset(&ls->phy);
	spin_unlock_bh(&ls->phy_lock);
	return 0;
}
DEFINE_DEBUGFS_ATTRIBUTE(lansim_hw_reset_fops, NULL, lansim_hw_reset_set,
			 "%llu\n");

static int lansim_edpd_miss_get(void *data, u64 *val)
{
	struct lansim *ls = data;

	spin_lock_bh(&ls->phy_lock);
	*val = ls->phy.edpd_miss_next;
	spin_unlock_bh(&ls->phy_lock);
	return 0;
}

static int lansim_edpd_miss_set(void *data, u64 val)
{
	struct lansim *ls = data;

	if (val > 1)
		return -EINVAL;
	spin_lock_bh(&ls->phy_lock);
	ls->phy.edpd_miss_next = val;
	spin_unlock_bh(&ls->phy_lock);
	return 0;
}
DEFINE_DEBUGFS_ATTRIBUTE(lansim_edpd_miss_fops, lansim_edpd_miss_get,
			 lansim_edpd_miss_set, "%llu\n");

static int lansim_spurious_set(void *data, u64 val)
{
	struct lansim *ls = data;

	if (val > 1000)
		return -EINVAL;
	while (val--)
		lansim_irq_fire(ls);
	return 0;
}
DEFINE_DEBUGFS_ATTRIBUTE(lansim_spurious_fops, NULL, lansim_spurious_set,
			 "%llu\n");

static int lansim_regs_show(struct seq_file *s, void *unused)
{
	struct lansim *ls = s->private;
	u16 regs[LANSIM_NREGS];
	int i;

	spin_lock_bh(&ls->phy_lock);
	for (i = 0; i < LANSIM_NREGS; i++)
		regs[i] = lansim_phy_peek(&ls->phy, i);
	spin_unlock_bh(&ls->phy_lock);

	for (i = 0; i < LANSIM_NREGS; i++)
		seq_printf(s, "%02d: 0x%04x\n", i, regs[i]);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(lansim_regs);

static int lansim_state_show(struct seq_file *s, void *unused)
{
	struct lansim *ls = s->private;
	struct lansim_wire *w = &ls->wire;
	struct lan8720_mac_coalesce coal;
	struct lansim_phy phy;
	struct lansim_line line;
	bool en, up, full;
	unsigned int spd, txb, rxb;

	spin_lock_bh(&ls->phy_lock);
	phy = ls->phy;
	spin_unlock_bh(&ls->phy_lock);
	lansim_phy_get_line(&phy, &line);

	spin_lock_bh(&w->lock);
	en = w->enabled;
	up = w->mac_up;
	spd = w->mac_speed;
	full = w->mac_full;
	txb = w->tx_bytes;
	rxb = w->rx_bytes;
	coal = w->coal;
	spin_unlock_bh(&w->lock);

	seq_printf(s, "phy_state: %s\n", lansim_phy_state_name(phy.state));
	seq_printf(s, "phy_address: %u\n", lansim_phy_addr(&phy));
	seq_printf(s, "energyon: %d\n", phy.energyon);
	seq_printf(s, "nint: %d\n", phy.nint);
	if (line.up)
		seq_printf(s, "link: up %u %s partner %s\n", line.speed,
			   line.full ? "full" : "half",
			   line.partner_full ? "full" : "half");
	else
		seq_puts(s, "link: down\n");
	seq_printf(s, "mac: %s", en ? "enabled" : "disabled");
	if (en && up)
		seq_printf(s, " up %u %s\n", spd, full ? "full" : "half");
	else
		seq_puts(s, en ? " down\n" : "\n");
	seq_printf(s, "tx_fifo_used: %u\nrx_fifo_used: %u\n", txb, rxb);
	seq_printf(s, "rx_coalesce: %u us %u frames\n", coal.rx_usecs,
		   coal.rx_max_frames);
	seq_printf(s, "cable: %s\n", netdev_name(ls->cable));
	if (ls->mac_pdev)
		seq_printf(s, "mac_device: %s\n", dev_name(&ls->mac_pdev->dev));
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(lansim_state);

static void lansim_show(struct seq_file *s, const char *name,
			const u64_stats_t *c)
{
	seq_printf(s, "%s: %llu\n", name, u64_stats_read(c));
}

static void lansim_counters_wire(struct seq_file *s, struct lansim_stats *st)
{
	lansim_show(s, "mac_rx_overruns", &st->mac[LANSIM_MAC_RX_OVERRUNS]);
	lansim_show(s, "mac_tx_single_collisions",
		    &st->mac[LANSIM_MAC_TX_SINGLE_COL]);
	lansim_show(s, "mac_tx_multiple_collisions",
		    &st->mac[LANSIM_MAC_TX_MULTI_COL]);
	lansim_show(s, "mac_tx_deferred", &st->mac[LANSIM_MAC_TX_DEFERRED]);
	lansim_show(s, "mac_tx_frames", &st->mac_tx_frames);
	lansim_show(s, "mac_tx_no_carrier", &st->mac_tx_no_carrier);
	lansim_show(s, "mac_tx_excess_collisions", &st->mac_tx_excess);
	lansim_show(s, "mac_tx_aborted", &st->mac_tx_aborted);
	lansim_show(s, "mac_rx_frames", &st->mac_rx_frames);
	lansim_show(s, "mac_rx_fcs_bad", &st->mac_rx_fcs_bad);
	lansim_show(s, "mac_rx_symbol_errors", &st->mac_rx_symbol);
	lansim_show(s, "mac_rx_truncated", &st->mac_rx_truncated);
	lansim_show(s, "mac_rx_dropped", &st->mac_rx_dropped);
	lansim_show(s, "mac_speed_mismatch", &st->mac_speed_mismatch);
	lansim_show(s, "mac_irqs", &st->mac_irqs);
	lansim_show(s, "collisions", &st->collisions);
	lansim_show(s, "loopback_frames", &st->loopback_frames);
	lansim_show(s, "partner_tx_frames", &st->p_tx_frames);
	lansim_show(s, "partner_tx_bytes", &st->p_tx_bytes);
	lansim_show(s, "partner_tx_no_carrier", &st->p_tx_carrier);
	lansim_show(s, "partner_tx_excess_collisions", &st->p_tx_aborted);
	lansim_show(s, "partner_tx_errors", &st->p_tx_errors);
	lansim_show(s, "partner_rx_frames", &st->p_rx_frames);
	lansim_show(s, "partner_rx_bytes", &st->p_rx_bytes);
	lansim_show(s, "partner_rx_crc_errors", &st->p_rx_crc);
	lansim_show(s, "partner_rx_dropped", &st->p_rx_dropped);
}

static int lansim_counters_show(struct seq_file *s, void *unused)
{
	struct lansim *ls = s->private;
	struct lansim_phy_stats ps;
	struct lansim_stats st;

	spin_lock_bh(&ls->phy_lock);
	ps = ls->phy.stats;
	spin_unlock_bh(&ls->phy_lock);
	spin_lock_bh(&ls->wire.lock);
	st = ls->wire.stats;
	spin_unlock_bh(&ls->wire.lock);

	lansim_counters_wire(s, &st);
	seq_printf(s, "phy_an_restarts: %llu\n", ps.an_restarts);
	seq_printf(s, "phy_an_completions: %llu\n", ps.an_completions);
	seq_printf(s, "phy_parallel_detects: %llu\n", ps.par_detects);
	seq_printf(s, "phy_link_ups: %llu\n", ps.link_ups);
	seq_printf(s, "phy_link_downs: %llu\n", ps.link_downs);
	seq_printf(s, "phy_soft_resets: %llu\n", ps.soft_resets);
	seq_printf(s, "phy_edpd_sleeps: %llu\n", ps.edpd_sleeps);
	seq_printf(s, "phy_symbol_errors: %llu\n", ps.symbol_errors);
	seq_printf(s, "nint_raised: %lld\n", atomic64_read(&ls->irqs_raised));
	seq_printf(s, "mdio_reads: %lld\n", atomic64_read(&ls->mdio_reads));
	seq_printf(s, "mdio_writes: %lld\n", atomic64_read(&ls->mdio_writes));
	seq_printf(s, "mdio_errors: %lld\n", atomic64_read(&ls->mdio_errors));
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(lansim_counters);

static void lansim_debugfs_partner(struct lansim *ls, struct dentry *dir)
{
	struct dentry *p = debugfs_create_dir("partner", dir);
	int i;

	for (i = 0; i < LANSIM_NR_KNOBS; i++) {
		ls->knobs[i].ls = ls;
		ls->knobs[i].id = i;
		debugfs_create_file_unsafe(lansim_knob_names[i], 0600,
					   i == LANSIM_KNOB_PLUGGED ? dir : p,
					   &ls->knobs[i], &lansim_knob_fops);
	}
	debugfs_create_file("mdix", 0600, p, ls, &lansim_mdix_fops);
	debugfs_create_bool("pad", 0600, p, &ls->wire.partner_pad);
}

static void lansim_debugfs_faults(struct lansim *ls, struct dentry *dir)
{
	struct lansim_faults *f = &ls->wire.faults;
	struct dentry *d = debugfs_create_dir("fault", dir);

	debugfs_create_u32("tx_fcs_permille", 0600, d, &f->tx_fcs_permille);
	debugfs_create_u32("rx_fcs_permille", 0600, d, &f->rx_fcs_permille);
	debugfs_create_u32("symbol_permille", 0600, d, &f->symbol_permille);
	debugfs_create_u32("rx_overrun_permille", 0600, d,
			   &f->rx_overrun_permille);
	debugfs_create_u32("rx_overrun_next", 0600, d, &f->rx_overrun_next);
	debugfs_create_u32("mdio_permille", 0600, d, &f->mdio_permille);
	debugfs_create_u32("mdio_fail_next", 0600, d, &f->mdio_fail_next);
	debugfs_create_file_unsafe("edpd_miss_next", 0600, d, ls,
				   &lansim_edpd_miss_fops);
	debugfs_create_file_unsafe("spurious_irq", 0200, d, ls,
				   &lansim_spurious_fops);
}

/**
 * lansim_debugfs_init() - create the instance's debugfs directory
 * @ls: the instance
 * @root: the module's directory
 *
 * Layout and meaning: Documentation/networking/lan8720_sim.rst.
 */
void lansim_debugfs_init(struct lansim *ls, struct dentry *root)
{
	struct dentry *mac;
	char name[16];

	snprintf(name, sizeof(name), "sim%d", ls->id);
	ls->dbg = debugfs_create_dir(name, root);

	lansim_debugfs_partner(ls, ls->dbg);
	lansim_debugfs_faults(ls, ls->dbg);
	mac = debugfs_create_dir("mac", ls->dbg);
	debugfs_create_u32("tx_fifo_bytes", 0600, mac, &ls->wire.tx_fifo_bytes);
	debugfs_create_u32("rx_fifo_bytes", 0600, mac, &ls->wire.rx_fifo_bytes);
	debugfs_create_file_unsafe("hw_reset", 0200, ls->dbg, ls,
				   &lansim_hw_reset_fops);
	debugfs_create_file("regs", 0400, ls->dbg, ls, &lansim_regs_fops);
	debugfs_create_file("state", 0400, ls->dbg, ls, &lansim_state_fops);
	debugfs_create_file("counters", 0400, ls->dbg, ls,
			    &lansim_counters_fops);
}

/**
 * lansim_debugfs_exit() - remove the instance's debugfs directory
 * @ls: the instance
 */
void lansim_debugfs_exit(struct lansim *ls)
{
	debugfs_remove_recursive(ls->dbg);
	ls->dbg = NULL;
}
