// SPDX-License-Identifier: GPL-2.0
/* cyw43439_sim: chip life cycle, REG_ON power model and host-wake line. */

#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>

#include <kunit/visibility.h>

#include "netdrv_compat.h"
#include "cywsim.h"

/* The model's defaults: reference values where the reference gives one */
static const struct cywsim_knobs cywsim_default_knobs = {
	.poweron_ms = 30,		/* §1.2: drivers wait 50..250 ms */
	.regon_min_low_ms = 10,		/* §1.2: CBUCK discharge, 10 ms */
	.alp_delay_us = 2000,		/* §4.3: drivers poll 10 x 1 ms */
	.ht_delay_ms = 29,		/* §4.3: "takes about 29 ms" */
	.f2_ready_delay_ms = 40,	/* §5.2 step 11: within 1 s */
	.kso_wake_us = 2000,		/* §4.4: up to 64 x 1 ms polls */
	.fw_latency_us = 200,
	.credit_window = 8,		/* Appendix A item 7 */
	.fifo_frames = 64,
	.max_reliable_hz = 50000000,	/* §1.3: datasheet maximum */
	.country_busy_ms = 32,		/* §8.3: "takes about 32 ms" */
	.scan_dwell_ms = 20,
	.join_step_ms = 10,
	.psk_timeout_cap_ms = 300,
	.rx_data_offset = CYWSIM_SDPCM_HDR,
	.xact_cost_ns = 1000,
	.ps_delay_ms = 100,		/* about one beacon interval */
	.garbage_first = true,		/* §1.2: first transfer corrupted */
	.strict_seq = true,
	.strict_clock = true,
};

static void cywsim_power_work(struct work_struct *work)
{
	struct cywsim_chip *chip = container_of(to_delayed_work(work),
						struct cywsim_chip,
						power_work);

	mutex_lock(&chip->lock);
	cywsim_advance(chip);
	cywsim_irq_update(chip);
	mutex_unlock(&chip->lock);
}

static void cywsim_level_work(struct work_struct *work)
{
	struct cywsim_chip *chip = container_of(to_delayed_work(work),
						struct cywsim_chip,
						level_work);

	mutex_lock(&chip->lock);
	cywsim_advance(chip);
	/* A level interrupt fires again while the line stays active */
	chip->irq_active = false;
	cywsim_irq_update(chip);
	mutex_unlock(&chip->lock);
}

/* Power-on reset: everything volatile goes back to its reset value */
static void cywsim_power_on_reset(struct cywsim_chip *chip)
{
	cywsim_f0_reset(chip);
	cywsim_bp_reset(chip);
	cywsim_reset_firmware(chip);
	chip->first_done = false;
	chip->cs_low = false;
	chip->irq_active = false;
}

/* Firmware-level state: also reset when the ARM core is reset */
void cywsim_reset_firmware(struct cywsim_chip *chip)
{
	cywsim_link_reset(chip);
	cywsim_f2_reset(chip);
	cywsim_iovar_reset(chip);
	chip->scanning = false;
	chip->fw = CYWSIM_FW_HALTED;
	chip->fw_len = 0;
	chip->nvram_len = 0;
	chip->console_ram = false;
	chip->console_idx = 0;
	memset(chip->console, 0, sizeof(chip->console));
	strscpy(chip->fw_version, "none", sizeof(chip->fw_version));
}

static void cywsim_power_off(struct cywsim_chip *chip)
{
	cywsim_link_reset(chip);
	cywsim_f2_reset(chip);
	chip->scanning = false;
	chip->fw = CYWSIM_FW_HALTED;
	chip->powered = false;
	chip->irq_active = false;
}

/**
 * cywsim_advance() - apply REG_ON edges and everything that time changed
 * @chip: the chip
 *
 * The model is evaluated lazily: every transaction and work item calls
 * this first, so delays ("ALP after 2 ms") need no timers.
 */
void cywsim_advance(struct cywsim_chip *chip)
{
	u32 min_low_ns = READ_ONCE(chip->k.regon_min_low_ms) * NSEC_PER_MSEC;
	ktime_t rise, fall;
	bool regon;
	u32 gen;

	lockdep_assert_held(&chip->lock);

	spin_lock_irq(&chip->pwr_lock);
	regon = chip->regon;
	gen = chip->regon_gen;
	rise = chip->regon_rise;
	fall = chip->regon_fall;
	spin_unlock_irq(&chip->pwr_lock);

	if (!regon) {
		if (chip->powered && cywsim_elapsed(fall, min_low_ns))
			cywsim_power_off(chip);
		return;
	}
	if (gen != chip->gen_seen) {
		chip->gen_seen = gen;
		cywsim_power_on_reset(chip);
		chip->powered = true;
		chip->on_at = rise;
	}
	if (!cywsim_silent(chip))
		cywsim_boot_advance(chip);
}

/**
 * cywsim_silent() - the chip does not drive or sample the bus
 * @chip: the chip
 *
 * Return: true while REG_ON is low or the chip is still powering up.
 */
bool cywsim_silent(struct cywsim_chip *chip)
{
	u64 ns = (u64)READ_ONCE(chip->k.poweron_ms) * NSEC_PER_MSEC;

	return !chip->powered || !READ_ONCE(chip->regon) ||
	       !cywsim_elapsed(chip->on_at, ns);
}

/**
 * cywsim_set_reg_on() - the host drives WL_REG_ON
 * @chip: the chip
 * @on: new level
 *
 * Callable from any context (the GPIO line does not sleep). A rising edge
 * after a low period of at least regon_min_low_ms is a power-on reset
 * (§1.2); shorter pulses are filtered and counted.
 */
void cywsim_set_reg_on(struct cywsim_chip *chip, bool on)
{
	u64 min_ns = (u64)READ_ONCE(chip->k.regon_min_low_ms) * NSEC_PER_MSEC;
	unsigned long flags, delay = 0;
	ktime_t now = ktime_get();
	bool glitch = false;

	spin_lock_irqsave(&chip->pwr_lock, flags);
	if (on && !chip->regon) {
		if (ktime_after(now, ktime_add_ns(chip->regon_fall, min_ns)) ||
		    !chip->regon_gen) {
			chip->regon_gen++;
			chip->regon_rise = now;
		} else {
			glitch = true;
		}
	} else if (!on && chip->regon) {
		chip->regon_fall = now;
		delay = nsecs_to_jiffies(min_ns) + 1;
	}
	chip->regon = on;
	if (glitch)
		chip->ctr[CYWSIM_C_REGON_GLITCH]++;
	spin_unlock_irqrestore(&chip->pwr_lock, flags);

	if (!READ_ONCE(chip->dying))
		mod_delayed_work(chip->wq, &chip->power_work, delay);
}
EXPORT_SYMBOL_IF_KUNIT(cywsim_set_reg_on);

/**
 * cywsim_get_reg_on() - current WL_REG_ON level
 * @chip: the chip
 *
 * Return: the level last driven by the host.
 */
bool cywsim_get_reg_on(struct cywsim_chip *chip)
{
	return READ_ONCE(chip->regon);
}

/**
 * cywsim_irq_update() - recompute the host-wake line (Appendix A item 3)
 * @chip: the chip
 *
 * Asserted when INTERRUPT & INTERRUPT_ENABLE is non-zero; the pin level
 * follows INTERRUPT_POLARITY_HIGH. On a 3-wire bus the pin is the data
 * line while CS is low, so it is only an interrupt while CS is high.
 * The board's input (hostwake.c) gets the level through the irq_level
 * hook and applies the trigger the device tree asks for; a board without
 * that hook gets irq_pulse on every inactive-to-active change and again
 * from level_work while it stays active.
 */
void cywsim_irq_update(struct cywsim_chip *chip)
{
	bool asserted, pin_high, active;

	lockdep_assert_held(&chip->lock);

	if (chip->cfg.three_wire && chip->cs_low)
		return;
	if (cywsim_silent(chip)) {
		active = false;
	} else {
		asserted = !!(cywsim_int_pending(chip) & chip->intr_en);
		pin_high = asserted ==
			   !!(chip->bus_ctrl & CYWSIM_BC_INT_POL_HIGH);
		active = pin_high == chip->cfg.irq_active_high;
	}
	if (active && !chip->irq_active) {
		cywsim_count(chip, CYWSIM_C_IRQ_PULSES);
		if (chip->hooks && chip->hooks->irq_pulse)
			chip->hooks->irq_pulse(chip->priv);
	}
	chip->irq_active = active;
	if (chip->hooks && chip->hooks->irq_level)
		chip->hooks->irq_level(chip->priv, active);
	else if (active && !chip->dying)
		mod_delayed_work(chip->wq, &chip->level_work, 1);
}

/**
 * cywsim_data_line_busy() - 3-wire: CS went low, the pin carries data
 * @chip: the chip
 *
 * On one data line the host-wake input is that line (§1.1). While CS is
 * low it carries the command and data bits, so the input sees the active
 * level during every transaction (every command word has ones in it),
 * whatever the interrupt state. cywsim_irq_update() at CS rise gives the
 * input the interrupt's level again.
 */
void cywsim_data_line_busy(struct cywsim_chip *chip)
{
	lockdep_assert_held(&chip->lock);

	if (chip->cfg.three_wire && chip->hooks && chip->hooks->irq_level)
		chip->hooks->irq_level(chip->priv, chip->cfg.irq_active_high);
}

/**
 * cywsim_console() - append a line to the firmware console
 * @chip: the chip
 * @fmt: printf format
 *
 * The text goes to debugfs and, once the firmware runs, to the console
 * ring in chip RAM that the shared block points at (§5.4).
 */
void cywsim_console(struct cywsim_chip *chip, const char *fmt, ...)
{
	u32 size = sizeof(chip->console);
	char line[128];
	va_list args;
	int n, i;

	va_start(args, fmt);
	n = vscnprintf(line, sizeof(line) - 1, fmt, args);
	va_end(args);
	line[n++] = '\n';
	pr_debug("cywsim%u: %.*s", chip->cfg.id, n, line);
	for (i = 0; i < n; i++) {
		chip->console[chip->console_idx % size] = line[i];
		if (chip->console_ram)
			chip->ram[CYWSIM_CONSOLE_BUF +
				  chip->console_idx % size] = line[i];
		chip->console_idx++;
	}
	/* descriptor {buf, buf_size, idx, out_idx} at console_addr + 8 */
	if (chip->console_ram)
		cywsim_ram_write32(chip, CYWSIM_CONSOLE_ADDR + 16,
				   chip->console_idx % size);
}

#define CYWSIM_BSS(_n, _ssid, _ch, _rssi, _sec, _pass)			\
	{ .bssid = { 0x02, 0xcb, 0x51, 0x00, 0x00, _n }, .ssid = _ssid,	\
	  .ssid_len = sizeof(_ssid) - 1, .chan = _ch, .rssi = _rssi,	\
	  .sec = CYWSIM_SEC_##_sec, .pass = _pass }

/* What a fresh simulator shows in a scan (debugfs "bss" changes it) */
static const struct cywsim_bss cywsim_default_bss[] = {
	CYWSIM_BSS(1, "cywsim-open", 1, -40, OPEN, ""),
	CYWSIM_BSS(2, "cywsim-wpa2", 6, -55, WPA2, "cywsim-passphrase"),
	CYWSIM_BSS(3, "cywsim-wpa3", 11, -65, WPA3, "cywsim-sae-password"),
};

static void cywsim_chip_free(struct cywsim_chip *chip)
{
	if (chip->wq)
		destroy_workqueue(chip->wq);
	bitmap_free(chip->ram_written);
	vfree(chip->ram);
	kfree(chip->clm_buf);
	kfree(chip);
}

/**
 * cywsim_chip_create() - make a powered-off chip
 * @cfg: board wiring
 * @hooks: board callbacks, may be NULL
 * @priv: passed to @hooks
 *
 * Return: the chip or an ERR_PTR().
 */
struct cywsim_chip *cywsim_chip_create(const struct cywsim_cfg *cfg,
				       const struct cywsim_hooks *hooks,
				       void *priv)
{
	struct cywsim_chip *chip;
	int i;

	chip = kzalloc(sizeof(*chip), GFP_KERNEL);
	if (!chip)
		return ERR_PTR(-ENOMEM);
	chip->cfg = *cfg;
	chip->hooks = hooks;
	chip->priv = priv;
	chip->k = cywsim_default_knobs;
	spin_lock_init(&chip->pwr_lock);
	mutex_init(&chip->lock);
	skb_queue_head_init(&chip->tohost);
	skb_queue_head_init(&chip->fromhost);
	skb_queue_head_init(&chip->air_txq);
	INIT_LIST_HEAD(&chip->bss_list);
	INIT_DELAYED_WORK(&chip->power_work, cywsim_power_work);
	INIT_DELAYED_WORK(&chip->level_work, cywsim_level_work);
	INIT_DELAYED_WORK(&chip->fw_work, cywsim_fw_work);
	hrtimer_setup(&chip->fw_timer, cywsim_fw_timer, CLOCK_MONOTONIC,
		      HRTIMER_MODE_REL);
	INIT_DELAYED_WORK(&chip->scan_work, cywsim_scan_work);
	INIT_DELAYED_WORK(&chip->join_work, cywsim_join_work);
	INIT_DELAYED_WORK(&chip->air_work, cywsim_air_work);

	chip->ram = vzalloc(CYWSIM_RAM_SIZE);
	chip->ram_written = bitmap_zalloc(CYWSIM_RAM_SIZE, GFP_KERNEL);
	chip->wq = alloc_ordered_workqueue("cywsim%u", 0, cfg->id);
	if (!chip->ram || !chip->ram_written || !chip->wq) {
		cywsim_chip_free(chip);
		return ERR_PTR(-ENOMEM);
	}
	mutex_lock(&chip->lock);
	cywsim_power_on_reset(chip);
	for (i = 0; i < ARRAY_SIZE(cywsim_default_bss); i++)
		cywsim_bss_add(chip, &cywsim_default_bss[i]);
	mutex_unlock(&chip->lock);
	return chip;
}
EXPORT_SYMBOL_IF_KUNIT(cywsim_chip_create);

/**
 * cywsim_chip_stop() - stop every work item; the chip stays allocated
 * @chip: the chip
 *
 * After this the chip never calls its hooks again.
 */
void cywsim_chip_stop(struct cywsim_chip *chip)
{
	WRITE_ONCE(chip->dying, true);
	cancel_delayed_work_sync(&chip->power_work);
	cancel_delayed_work_sync(&chip->level_work);
	hrtimer_cancel(&chip->fw_timer);
	cancel_delayed_work_sync(&chip->fw_work);
	cancel_delayed_work_sync(&chip->scan_work);
	cancel_delayed_work_sync(&chip->join_work);
	cancel_delayed_work_sync(&chip->air_work);
	mutex_lock(&chip->lock);
	chip->hooks = NULL;
	cywsim_power_off(chip);
	mutex_unlock(&chip->lock);
	skb_queue_purge(&chip->air_txq);
}
EXPORT_SYMBOL_IF_KUNIT(cywsim_chip_stop);

/**
 * cywsim_chip_destroy() - stop and free a chip
 * @chip: the chip
 */
void cywsim_chip_destroy(struct cywsim_chip *chip)
{
	cywsim_chip_stop(chip);
	mutex_lock(&chip->lock);
	cywsim_bss_clear(chip);
	mutex_unlock(&chip->lock);
	mutex_destroy(&chip->lock);
	cywsim_chip_free(chip);
}
EXPORT_SYMBOL_IF_KUNIT(cywsim_chip_destroy);
