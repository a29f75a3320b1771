// SPDX-License-Identifier: GPL-2.0
/* cyw43439: debugfs: firmware versions, bus counters, SDPCM credit state. */

#include <linux/debugfs.h>
#include <linux/seq_file.h>

#include "cyw43.h"

static struct dentry *cyw43_debugfs_root;

static int cyw43_fw_version_show(struct seq_file *s, void *unused)
{
	struct cyw43 *cy = s->private;

	seq_printf(s, "%s\n", cy->fw_version);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(cyw43_fw_version);

static int cyw43_clm_version_show(struct seq_file *s, void *unused)
{
	struct cyw43 *cy = s->private;

	seq_printf(s, "%s\n", cy->clm_version);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(cyw43_clm_version);

#define CYW43_CNT(_n) { #_n, offsetof(struct cyw43_counters, _n) }

const struct cyw43_counter_name cyw43_counter_names[] = {
	CYW43_CNT(bus_xacts), CYW43_CNT(bus_bytes), CYW43_CNT(status_reads),
	CYW43_CNT(f2_rx_frames), CYW43_CNT(f2_tx_frames),
	CYW43_CNT(ctrl_frames), CYW43_CNT(event_frames),
	CYW43_CNT(data_frames), CYW43_CNT(credit_frames),
	CYW43_CNT(sdpcm_bad), CYW43_CNT(bdc_bad), CYW43_CNT(event_bad),
	CYW43_CNT(ioctls), CYW43_CNT(ioctl_errors),
	CYW43_CNT(ioctl_timeouts), CYW43_CNT(ioctl_stale),
	CYW43_CNT(bus_errors), CYW43_CNT(credit_stalls),
	CYW43_CNT(credit_overrides), CYW43_CNT(error_clears),
	CYW43_CNT(rx_no_room), CYW43_CNT(f2_not_ready),
	CYW43_CNT(tx_timeouts),
};

const unsigned int cyw43_n_counters = ARRAY_SIZE(cyw43_counter_names);

static int cyw43_counters_show(struct seq_file *s, void *unused)
{
	struct cyw43 *cy = s->private;
	unsigned int i;

	for (i = 0; i < cyw43_n_counters; i++)
		seq_printf(s, "%s %llu\n", cyw43_counter_names[i].name,
			   *(u64 *)((u8 *)&cy->cnt +
				    cyw43_counter_names[i].off));
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(cyw43_counters);

static int cyw43_sdpcm_show(struct seq_file *s, void *unused)
{
	struct cyw43 *cy = s->private;
	u8 tx = READ_ONCE(cy->tx_seq), max = READ_ONCE(cy->max_seq);

	seq_printf(s, "tx_seq %u\nmax_seq %u\nflow_ctl 0x%02x\ncredit %u\n",
		   tx, max, READ_ONCE(cy->flow_ctl),
		   cyw43_sdpcm_may_send(max, tx) ? (u8)(max - tx) : 0);
	seq_printf(s, "rx_seq %u\nfirmware %s\n", READ_ONCE(cy->rx_seq),
		   READ_ONCE(cy->dead) ? "dead" : "alive");
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(cyw43_sdpcm);

static int cyw43_bringup_show(struct seq_file *s, void *unused)
{
	struct cyw43 *cy = s->private;

	seq_printf(s, "time_us %llu\ntransactions %llu\n", cy->bringup_us,
		   cy->bringup_xacts);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(cyw43_bringup);

/**
 * cyw43_debugfs_init() - create /sys/kernel/debug/cyw43439/<device>/
 * @cy: the device
 *
 * Context: process context.
 */
void cyw43_debugfs_init(struct cyw43 *cy)
{
	struct dentry *d;

	d = debugfs_create_dir(dev_name(cy->dev), cyw43_debugfs_root);
	cy->dbg = d;
	debugfs_create_file("fw_version", 0444, d, cy, &cyw43_fw_version_fops);
	debugfs_create_file("clm_version", 0444, d, cy,
			    &cyw43_clm_version_fops);
	debugfs_create_file("counters", 0444, d, cy, &cyw43_counters_fops);
	debugfs_create_file("sdpcm", 0444, d, cy, &cyw43_sdpcm_fops);
	debugfs_create_file("bringup", 0444, d, cy, &cyw43_bringup_fops);
}

/**
 * cyw43_debugfs_exit() - remove the device's directory
 * @cy: the device
 *
 * Context: process context.
 */
void cyw43_debugfs_exit(struct cyw43 *cy)
{
	debugfs_remove_recursive(cy->dbg);
	cy->dbg = NULL;
}

/**
 * cyw43_debugfs_module_init() - create /sys/kernel/debug/cyw43439/
 *
 * Context: module init.
 */
void cyw43_debugfs_module_init(void)
{
	cyw43_debugfs_root = debugfs_create_dir(CYW43_DRV_NAME, NULL);
}

/**
 * cyw43_debugfs_module_exit() - remove /sys/kernel/debug/cyw43439/
 *
 * Context: module exit, after every device is gone.
 */
void cyw43_debugfs_module_exit(void)
{
	debugfs_remove_recursive(cyw43_debugfs_root);
}
