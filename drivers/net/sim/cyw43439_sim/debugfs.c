// SPDX-License-Identifier: GPL-2.0
/* cyw43439_sim: debugfs: state, counters, bus trace, console, BSS, knobs. */

#include <linux/bitfield.h>
#include <linux/debugfs.h>
#include <linux/etherdevice.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>

#include "netdrv_compat.h"
#include "cywsim.h"

const char *const cywsim_ctr_names[CYWSIM_C_NUM] = {
	[CYWSIM_C_UNPOWERED] = "xact_unpowered",
	[CYWSIM_C_GARBAGE] = "xact_garbage",
	[CYWSIM_C_SHIFTED] = "xact_bit_shifted",
	[CYWSIM_C_CMD_ERR] = "cmd_error",
	[CYWSIM_C_SHORT] = "xact_short",
	[CYWSIM_C_CONTENTION] = "line_contention",
	[CYWSIM_C_WIN_WRAP] = "window_wrap",
	[CYWSIM_C_BP_NOCLK] = "backplane_no_clock",
	[CYWSIM_C_BP_UNMAPPED] = "backplane_unmapped",
	[CYWSIM_C_RAM_IN_RESET] = "ram_socsram_in_reset",
	[CYWSIM_C_ASLEEP] = "access_while_asleep",
	[CYWSIM_C_KSO_LOST] = "kso_write_lost",
	[CYWSIM_C_REGON_GLITCH] = "regon_short_pulse",
	[CYWSIM_C_F2_TO_CHIP] = "f2_frames_to_chip",
	[CYWSIM_C_F2_TO_HOST] = "f2_frames_to_host",
	[CYWSIM_C_F2_UNDERFLOW] = "f2_underflow",
	[CYWSIM_C_F2_DATAUNAVAIL] = "f2_data_unavailable",
	[CYWSIM_C_F2_OVERFLOW] = "f2_overflow",
	[CYWSIM_C_RF_TERM] = "f2_rf_term",
	[CYWSIM_C_SDPCM_BAD] = "sdpcm_bad_frame",
	[CYWSIM_C_SDPCM_SEQ] = "sdpcm_seq_error",
	[CYWSIM_C_NO_CREDIT] = "sdpcm_beyond_credit",
	[CYWSIM_C_CREDIT_FRAMES] = "sdpcm_credit_frames",
	[CYWSIM_C_FC_VIOLATION] = "sdpcm_flow_ctl_violation",
	[CYWSIM_C_FIFO_FULL] = "to_host_dropped",
	[CYWSIM_C_IOCTLS] = "ioctls",
	[CYWSIM_C_IOCTL_ERR] = "ioctl_errors",
	[CYWSIM_C_EVENTS] = "events",
	[CYWSIM_C_EVENTS_MASKED] = "events_masked",
	[CYWSIM_C_EVENTS_DROPPED] = "events_dropped_fault",
	[CYWSIM_C_AIR_TX] = "air_frames_from_station",
	[CYWSIM_C_AIR_RX] = "air_frames_to_station",
	[CYWSIM_C_AIR_DROP] = "air_dropped",
	[CYWSIM_C_PAD_DROP] = "data_unpadded_dropped",
	[CYWSIM_C_IRQ_PULSES] = "irq_pulses",
};

static const char *const cywsim_kind_names[CYWSIM_K_NUM] = {
	"command", "delay", "payload", "padding", "status", "excess",
};

static const char *const cywsim_fw_names[] = {
	"halted", "booting", "running", "dead",
};

static const char *const cywsim_sec_names[] = {
	"open", "wpa2", "wpa3", "wpa2wpa3",
};

/**
 * cywsim_trace_add() - record the transaction that just ended
 * @chip: the chip
 */
void cywsim_trace_add(struct cywsim_chip *chip)
{
	struct cywsim_trace_ent *e;

	e = &chip->trace[chip->trace_head++ % CYWSIM_TRACE_LEN];
	e->t_ns = ktime_get_ns();
	e->seq = chip->xact_seq;
	e->cmd = chip->x.cmd;
	e->status = chip->x.status_en ? chip->x.status :
		    cywsim_status_word(chip);
	e->clocked = min_t(u32, chip->x.total, U16_MAX);
	e->flags = chip->x.flags;
}

static int cywsim_state_show(struct seq_file *s, void *unused)
{
	struct cywsim_chip *chip = s->private;

	mutex_lock(&chip->lock);
	cywsim_advance(chip);
	seq_printf(s, "reg_on: %d powered: %d responsive: %d\n",
		   cywsim_get_reg_on(chip), chip->powered,
		   !cywsim_silent(chip));
	seq_printf(s, "bus_ctrl: 0x%02x status_enable: 0x%02x resp_delay: %u f1_delay: %u\n",
		   chip->bus_ctrl, chip->status_en, chip->resp_delay,
		   chip->fdelay[CYWSIM_F1]);
	seq_printf(s, "interrupt: 0x%04x enable: 0x%04x status: 0x%08x irq_active: %d\n",
		   cywsim_int_pending(chip), chip->intr_en,
		   cywsim_status_word(chip), chip->irq_active);
	seq_printf(s, "window: 0x%02x%02x%02x00 csr: 0x%02x alp_ready: %d sleep_csr: 0x%02x asleep: %d\n",
		   chip->sbaddr[2], chip->sbaddr[1], chip->sbaddr[0],
		   cywsim_csr_read(chip), chip->alp_ready, chip->sleep_csr,
		   chip->asleep);
	seq_printf(s, "arm: ioctrl 0x%02x resetctrl %u; socsram: ioctrl 0x%02x resetctrl %u; bank3 pda %s\n",
		   chip->wrap_arm.ioctrl, chip->wrap_arm.resetctrl,
		   chip->wrap_ram.ioctrl, chip->wrap_ram.resetctrl,
		   chip->bankpda_written[3] ? "written" : "untouched");
	seq_printf(s, "firmware: %s version: %s image: %u nvram: %u mac: %pM\n",
		   cywsim_fw_names[chip->fw], chip->fw_version, chip->fw_len,
		   chip->nvram_len, chip->mac);
	seq_printf(s, "watermark: %u hostintmask: 0x%x\n", chip->watermark,
		   chip->sd_hostintmask);
	seq_printf(s, "f2: to_host_queued %u reading %u/%u rx_seq %u host_seq %u max_seq_told %u bufs_used %u\n",
		   skb_queue_len(&chip->tohost),
		   chip->cur_valid ? chip->cur_off : 0,
		   chip->cur_valid ? chip->cur_len : 0, chip->rx_seq,
		   chip->host_seq, chip->adv_max_seq, chip->bufs_used);
	seq_printf(s, "wl: up %d clm %d clm_status %d pm %u scanning %d join_step %d keyed %d bss %pM\n",
		   chip->up, chip->clm, chip->clm_status, chip->pm,
		   chip->scanning, chip->join, chip->keyed,
		   chip->cur_bss.bssid);
	seq_printf(s, "wl: country %.2s evmask %*phN gpioout 0x%x\n",
		   chip->country, CYWSIM_EVMASK_LEN, chip->evmask,
		   chip->gpioout);
	mutex_unlock(&chip->lock);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(cywsim_state);

static int cywsim_counters_show(struct seq_file *s, void *unused)
{
	static const char *const fn[] = { "f0", "f1", "f2", "f3", "none" };
	struct cywsim_chip *chip = s->private;
	int i, k;

	mutex_lock(&chip->lock);
	for (i = 0; i < CYWSIM_NFUNC; i++)
		seq_printf(s, "%s_transactions: %llu\n", fn[i],
			   chip->xacts[i]);
	for (i = 0; i <= CYWSIM_NFUNC; i++)
		for (k = 0; k < CYWSIM_K_NUM; k++)
			if (chip->bytes[i][k])
				seq_printf(s, "%s_bytes_%s: %llu\n", fn[i],
					   cywsim_kind_names[k],
					   chip->bytes[i][k]);
	seq_printf(s, "bus_time_ns: %llu\n", chip->bus_ns);
	for (i = 0; i < CYWSIM_C_NUM; i++)
		seq_printf(s, "%s: %llu\n", cywsim_ctr_names[i], chip->ctr[i]);
	mutex_unlock(&chip->lock);
	return 0;
}

static int cywsim_counters_open(struct inode *inode, struct file *f)
{
	return single_open(f, cywsim_counters_show, inode->i_private);
}

static ssize_t cywsim_counters_write(struct file *f, const char __user *buf,
				     size_t len, loff_t *ppos)
{
	struct cywsim_chip *chip = file_inode(f)->i_private;

	mutex_lock(&chip->lock);
	memset(chip->ctr, 0, sizeof(chip->ctr));
	memset(chip->xacts, 0, sizeof(chip->xacts));
	memset(chip->bytes, 0, sizeof(chip->bytes));
	chip->bus_ns = 0;
	mutex_unlock(&chip->lock);
	return len;
}

static const struct file_operations cywsim_counters_fops = {
	.owner = THIS_MODULE,
	.open = cywsim_counters_open,
	.read = seq_read,
	.llseek = seq_lseek,
	.release = single_release,
	.write = cywsim_counters_write,
};

static void cywsim_trace_flags(struct seq_file *s, u16 f)
{
	static const char *const names[] = {
		"unpowered", "garbage", "shifted", "cmd_err", "short",
		"status", "wrap", "data_unavail", "underflow", "overflow",
	};
	int i;

	for (i = 0; i < ARRAY_SIZE(names); i++)
		if (f & BIT(i))
			seq_printf(s, " %s", names[i]);
}

static void cywsim_trace_line(struct seq_file *s,
			      const struct cywsim_trace_ent *e)
{
	u32 c = e->cmd, len = FIELD_GET(CYWSIM_CMD_LEN, c);

	seq_printf(s, "%8u %llu.%06llu ", e->seq, e->t_ns / NSEC_PER_SEC,
		   (e->t_ns % NSEC_PER_SEC) / NSEC_PER_USEC);
	if (e->clocked < 4 || (e->flags & (CYWSIM_TR_UNPOWERED |
					   CYWSIM_TR_GARBAGE)))
		seq_puts(s, "--  -     -       -    ");
	else
		seq_printf(s, "F%u %s%s 0x%05x %4u ",
			   (u32)FIELD_GET(CYWSIM_CMD_FUNC, c),
			   c & CYWSIM_CMD_WRITE ? "W" : "R",
			   c & CYWSIM_CMD_INCR ? "+" : "=",
			   (u32)FIELD_GET(CYWSIM_CMD_ADDR, c),
			   len ?: CYWSIM_CMD_LEN_ZERO);
	seq_printf(s, "clk %4u st 0x%08x", e->clocked, e->status);
	cywsim_trace_flags(s, e->flags);
	seq_putc(s, '\n');
}

static int cywsim_trace_show(struct seq_file *s, void *unused)
{
	struct cywsim_chip *chip = s->private;
	u32 i, n, start;

	mutex_lock(&chip->lock);
	n = min_t(u32, chip->trace_head, CYWSIM_TRACE_LEN);
	start = chip->trace_head - n;
	seq_puts(s, "     seq time           fn dir address  len bytes status flags\n");
	for (i = 0; i < n; i++)
		cywsim_trace_line(s, &chip->trace[(start + i) %
						  CYWSIM_TRACE_LEN]);
	mutex_unlock(&chip->lock);
	return 0;
}

static int cywsim_trace_open(struct inode *inode, struct file *f)
{
	return single_open_size(f, cywsim_trace_show, inode->i_private,
				CYWSIM_TRACE_LEN * 128);
}

static ssize_t cywsim_trace_write(struct file *f, const char __user *buf,
				  size_t len, loff_t *ppos)
{
	struct cywsim_chip *chip = file_inode(f)->i_private;

	mutex_lock(&chip->lock);
	chip->trace_head = 0;
	mutex_unlock(&chip->lock);
	return len;
}

static const struct file_operations cywsim_trace_fops = {
	.owner = THIS_MODULE,
	.open = cywsim_trace_open,
	.read = seq_read,
	.llseek = seq_lseek,
	.release = single_release,
	.write = cywsim_trace_write,
};

static int cywsim_console_show(struct seq_file *s, void *unused)
{
	struct cywsim_chip *chip = s->private;
	u32 size = sizeof(chip->console), i, n;

	mutex_lock(&chip->lock);
	n = min(chip->console_idx, size);
	for (i = chip->console_idx - n; i != chip->console_idx; i++)
		seq_putc(s, chip->console[i % size]);
	mutex_unlock(&chip->lock);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(cywsim_console);

static int cywsim_bss_show(struct seq_file *s, void *unused)
{
	struct cywsim_chip *chip = s->private;
	struct cywsim_bss *b;

	mutex_lock(&chip->lock);
	list_for_each_entry(b, &chip->bss_list, node)
		seq_printf(s, "bssid=%pM ssid=%.*s chan=%u rssi=%d sec=%s pass=%s%s\n",
			   b->bssid, b->ssid_len, b->ssid, b->chan, b->rssi,
			   cywsim_sec_names[b->sec], b->pass,
			   chip->join != CYWSIM_J_IDLE &&
			   ether_addr_equal(chip->cur_bss.bssid, b->bssid) ?
			   " (joined)" : "");
	mutex_unlock(&chip->lock);
	return 0;
}

static int cywsim_bss_open(struct inode *inode, struct file *f)
{
	return single_open(f, cywsim_bss_show, inode->i_private);
}

static int cywsim_bss_field(struct cywsim_bss *b, char *tok)
{
	char *val = strchr(tok, '=');
	int v;

	if (!val)
		return -EINVAL;
	*val++ = '\0';
	if (!strcmp(tok, "bssid"))
		return mac_pton(val, b->bssid) ? 0 : -EINVAL;
	if (!strcmp(tok, "ssid")) {
		b->ssid_len = strnlen(val, CYWSIM_SSID_MAX + 1);
		if (!b->ssid_len || b->ssid_len > CYWSIM_SSID_MAX)
			return -EINVAL;
		memcpy(b->ssid, val, b->ssid_len);
		return 0;
	}
	if (!strcmp(tok, "pass"))
		return strscpy(b->pass, val, sizeof(b->pass)) < 0 ? -EINVAL : 0;
	if (!strcmp(tok, "sec")) {
		v = match_string(cywsim_sec_names,
				 ARRAY_SIZE(cywsim_sec_names), val);
		if (v < 0)
			return v;
		b->sec = v;
		return 0;
	}
	if (kstrtoint(val, 0, &v))
		return -EINVAL;
	if (!strcmp(tok, "chan") && v >= 1 && v <= 14)
		b->chan = v;
	else if (!strcmp(tok, "rssi") && v >= -100 && v <= 0)
		b->rssi = v;
	else
		return -EINVAL;
	return 0;
}

static int cywsim_bss_cmd_add(struct cywsim_chip *chip, char *args)
{
	struct cywsim_bss b = { .chan = 1, .rssi = -50 };
	char *tok;
	int ret;

	while ((tok = strsep(&args, " \t")))
		if (*tok) {
			ret = cywsim_bss_field(&b, tok);
			if (ret)
				return ret;
		}
	if (!is_valid_ether_addr(b.bssid) || !b.ssid_len)
		return -EINVAL;
	if (b.sec != CYWSIM_SEC_OPEN && strlen(b.pass) < 8)
		return -EINVAL;
	return cywsim_bss_add(chip, &b);
}

/* "deauth|disassoc|gone|del BSSID [reason]" */
static int cywsim_bss_cmd_ap(struct cywsim_chip *chip, const char *cmd,
			     char *args)
{
	char *mac = strsep(&args, " \t");
	struct cywsim_bss *b;
	u8 bssid[ETH_ALEN];
	u32 reason = 0;

	if (!mac || !mac_pton(mac, bssid))
		return -EINVAL;
	if (args && kstrtou32(args, 0, &reason))
		return -EINVAL;
	b = cywsim_bss_find(chip, NULL, 0, bssid);
	if (!b)
		return -ENOENT;
	if (!strcmp(cmd, "del"))
		cywsim_bss_del(chip, b);
	else if (!strcmp(cmd, "deauth"))
		cywsim_link_loss(chip, bssid, CYWSIM_E_DEAUTH_IND, reason ?: 3);
	else if (!strcmp(cmd, "disassoc"))
		cywsim_link_loss(chip, bssid, CYWSIM_E_DISASSOC_IND,
				 reason ?: 8);
	else if (!strcmp(cmd, "gone"))
		cywsim_link_loss(chip, bssid, CYWSIM_E_LINK, 0);
	else
		return -EINVAL;
	return 0;
}

static ssize_t cywsim_bss_write(struct file *f, const char __user *ubuf,
				size_t len, loff_t *ppos)
{
	struct cywsim_chip *chip = file_inode(f)->i_private;
	char *buf, *args, *cmd;
	int ret;

	if (len > 256)
		return -E2BIG;
	buf = memdup_user_nul(ubuf, len);
	if (IS_ERR(buf))
		return PTR_ERR(buf);
	args = strim(buf);
	cmd = strsep(&args, " \t");
	mutex_lock(&chip->lock);
	cywsim_advance(chip);
	if (!strcmp(cmd, "clear")) {
		cywsim_bss_clear(chip);
		ret = 0;
	} else if (!strcmp(cmd, "add")) {
		ret = cywsim_bss_cmd_add(chip, args);
	} else {
		ret = cywsim_bss_cmd_ap(chip, cmd, args);
	}
	mutex_unlock(&chip->lock);
	kfree(buf);
	return ret ?: len;
}

static const struct file_operations cywsim_bss_fops = {
	.owner = THIS_MODULE,
	.open = cywsim_bss_open,
	.read = seq_read,
	.llseek = seq_lseek,
	.release = single_release,
	.write = cywsim_bss_write,
};

/* Writing anything re-evaluates the model (after changing a fault) */
static ssize_t cywsim_kick_write(struct file *f, const char __user *buf,
				 size_t len, loff_t *ppos)
{
	struct cywsim_chip *chip = file_inode(f)->i_private;

	mod_delayed_work(chip->wq, &chip->power_work, 0);
	mod_delayed_work(chip->wq, &chip->fw_work, 0);
	return len;
}

/*
 * faults/f2_busy_ms: the next host frame fills the receive buffers, and
 * they stay full that long
 */
static int cywsim_f2_busy_set(void *data, u64 ms)
{
	struct cywsim_chip *chip = data;

	if (ms > 60000)
		return -EINVAL;
	mutex_lock(&chip->lock);
	chip->f.f2_busy_arm_ms = ms;
	chip->f.f2_busy_until = 0;
	chip->f.f2_busy_resume_us = 0;
	mutex_unlock(&chip->lock);
	return 0;
}

static int cywsim_f2_busy_get(void *data, u64 *ms)
{
	struct cywsim_chip *chip = data;
	s64 left;

	mutex_lock(&chip->lock);
	left = ktime_ms_delta(chip->f.f2_busy_until, ktime_get());
	*ms = chip->f.f2_busy_arm_ms ?: max_t(s64, left, 0);
	mutex_unlock(&chip->lock);
	return 0;
}

DEFINE_DEBUGFS_ATTRIBUTE(cywsim_f2_busy_fops, cywsim_f2_busy_get,
			 cywsim_f2_busy_set, "%llu\n");

static const struct file_operations cywsim_kick_fops = {
	.owner = THIS_MODULE,
	.open = simple_open,
	.write = cywsim_kick_write,
};

static void cywsim_debugfs_knobs(struct cywsim_chip *chip, struct dentry *d)
{
	struct cywsim_knobs *k = &chip->k;

	debugfs_create_u32("poweron_ms", 0600, d, &k->poweron_ms);
	debugfs_create_u32("regon_min_low_ms", 0600, d, &k->regon_min_low_ms);
	debugfs_create_u32("alp_delay_us", 0600, d, &k->alp_delay_us);
	debugfs_create_u32("ht_delay_ms", 0600, d, &k->ht_delay_ms);
	debugfs_create_u32("f2_ready_delay_ms", 0600, d,
			   &k->f2_ready_delay_ms);
	debugfs_create_u32("kso_wake_us", 0600, d, &k->kso_wake_us);
	debugfs_create_u32("fw_latency_us", 0600, d, &k->fw_latency_us);
	debugfs_create_u32("credit_window", 0600, d, &k->credit_window);
	debugfs_create_u32("fifo_frames", 0600, d, &k->fifo_frames);
	debugfs_create_u32("max_reliable_hz", 0600, d, &k->max_reliable_hz);
	debugfs_create_u32("shift_band_lo_hz", 0600, d, &k->shift_band_lo_hz);
	debugfs_create_u32("shift_band_hi_hz", 0600, d, &k->shift_band_hi_hz);
	debugfs_create_u32("country_busy_ms", 0600, d, &k->country_busy_ms);
	debugfs_create_u32("scan_dwell_ms", 0600, d, &k->scan_dwell_ms);
	debugfs_create_u32("join_step_ms", 0600, d, &k->join_step_ms);
	debugfs_create_u32("psk_timeout_cap_ms", 0600, d,
			   &k->psk_timeout_cap_ms);
	debugfs_create_u32("rx_data_offset", 0600, d, &k->rx_data_offset);
	debugfs_create_u32("rx_signal_words", 0600, d, &k->rx_signal_words);
	debugfs_create_u32("flow_ctl", 0600, d, &k->flow_ctl);
	debugfs_create_u32("xact_cost_ns", 0600, d, &k->xact_cost_ns);
	debugfs_create_u32("ps_delay_ms", 0600, d, &k->ps_delay_ms);
	debugfs_create_bool("pacing", 0600, d, &k->pacing);
	debugfs_create_bool("garbage_first", 0600, d, &k->garbage_first);
	debugfs_create_bool("strict_seq", 0600, d, &k->strict_seq);
	debugfs_create_bool("strict_sram3", 0600, d, &k->strict_sram3);
	debugfs_create_bool("strict_clock", 0600, d, &k->strict_clock);
}

static void cywsim_debugfs_faults(struct cywsim_chip *chip, struct dentry *d)
{
	struct cywsim_faults *f = &chip->f;

	debugfs_create_u32("bit_shift", 0600, d, &f->bit_shift);
	debugfs_create_u32("bit_flip", 0600, d, &f->bit_flip);
	debugfs_create_u32("spurious_data_unavail", 0600, d,
			   &f->spurious_dataunavail);
	debugfs_create_u32("bus_error", 0600, d, &f->bus_error);
	debugfs_create_u32("event_drop", 0600, d, &f->event_drop);
	debugfs_create_u32("event_corrupt", 0600, d, &f->event_corrupt);
	debugfs_create_u32("wrong_payload", 0600, d, &f->wrong_payload);
	debugfs_create_u32("credit_corrupt", 0600, d, &f->credit_corrupt);
	debugfs_create_bool("credit_stop", 0600, d, &f->credit_stop);
	debugfs_create_bool("fw_hang", 0600, d, &f->fw_hang);
	debugfs_create_bool("f2_never_ready", 0600, d, &f->f2_never_ready);
	debugfs_create_file_unsafe("f2_busy_ms", 0600, d, chip,
				   &cywsim_f2_busy_fops);
	debugfs_create_u64("f2_busy_resume_us", 0400, d,
			   &f->f2_busy_resume_us);
	debugfs_create_file("kick", 0200, d, chip, &cywsim_kick_fops);
}

/**
 * cywsim_debugfs_init() - create cywsim<id>/ under @parent
 * @chip: the chip
 * @parent: the module's debugfs directory
 */
void cywsim_debugfs_init(struct cywsim_chip *chip, struct dentry *parent)
{
	char name[16];
	struct dentry *d;

	snprintf(name, sizeof(name), "cywsim%u", chip->cfg.id);
	d = debugfs_create_dir(name, parent);
	chip->dbg = d;
	debugfs_create_file("state", 0400, d, chip, &cywsim_state_fops);
	debugfs_create_file("counters", 0600, d, chip, &cywsim_counters_fops);
	debugfs_create_file("trace", 0600, d, chip, &cywsim_trace_fops);
	debugfs_create_file("console", 0400, d, chip, &cywsim_console_fops);
	debugfs_create_file("bss", 0600, d, chip, &cywsim_bss_fops);
	cywsim_debugfs_knobs(chip, debugfs_create_dir("knobs", d));
	cywsim_debugfs_faults(chip, debugfs_create_dir("faults", d));
}
