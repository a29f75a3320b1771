// SPDX-License-Identifier: GPL-2.0
/* cyw43439_sim: F1 registers, backplane window, cores, wrappers and RAM. */

#include <linux/bitmap.h>
#include <linux/kernel.h>

#include "cywsim.h"

/* Power-on RAM holds garbage, so a skipped download chunk is detected */
static void cywsim_ram_garbage(struct cywsim_chip *chip)
{
	u32 s = 0x9e3779b9 ^ (chip->regon_gen * 2654435761u) ^ chip->cfg.id;
	u32 i;

	for (i = 0; i < CYWSIM_RAM_SIZE; i += 4) {
		s ^= s << 13;
		s ^= s >> 17;
		s ^= s << 5;
		cywsim_put_le32(chip->ram + i, s);
	}
	bitmap_zero(chip->ram_written, CYWSIM_RAM_SIZE);
}

/**
 * cywsim_bp_reset() - F1 registers, cores and RAM at power-on
 * @chip: the chip
 *
 * Both ARM and SOCSRAM wrappers read RESETCTRL = 1 at power-on (§4.6).
 */
void cywsim_bp_reset(struct cywsim_chip *chip)
{
	struct cywsim_wrap in_reset = { .resetctrl = CYWSIM_RESETCTRL_RESET };

	chip->watermark = 0;
	chip->devctl = 0;
	memset(chip->sbaddr, 0, sizeof(chip->sbaddr));
	chip->csr = 0;
	chip->pullup = 0;
	chip->wakeup_ctrl = 0;
	chip->sleep_csr = CYWSIM_SLEEP_KSO;
	memset(chip->f1_misc, 0, sizeof(chip->f1_misc));
	chip->alp_req = false;
	chip->alp_ready = false;
	chip->asleep = false;
	chip->waking = false;

	chip->wrap_arm = in_reset;
	chip->wrap_ram = in_reset;
	chip->wrap_d11 = in_reset;
	chip->cc_gpioctrl = 0;
	memset(chip->cc_sr, 0, sizeof(chip->cc_sr));
	chip->bankidx = 0;
	memset(chip->bankpda, 0, sizeof(chip->bankpda));
	memset(chip->bankpda_written, 0, sizeof(chip->bankpda_written));
	chip->sd_intstatus = 0;
	chip->sd_hostintmask = 0;
	chip->sd_intmask = 0;
	chip->sd_funcintmask = 0;
	chip->sd_tosbmb = 0;
	chip->sd_tohostmb = 0;
	chip->sd_tosbmbdata = 0;
	chip->sd_tohostmbdata = 0;
	cywsim_ram_garbage(chip);
}

/**
 * cywsim_core_up() - the wrapper's "is up" check (§4.6)
 * @w: wrapper
 *
 * Return: clock enabled, no forced gating, out of reset.
 */
bool cywsim_core_up(const struct cywsim_wrap *w)
{
	return (w->ioctrl & (CYWSIM_IOCTRL_FGC | CYWSIM_IOCTRL_CLK_EN)) ==
	       CYWSIM_IOCTRL_CLK_EN && !(w->resetctrl & CYWSIM_RESETCTRL_RESET);
}

static bool cywsim_core_clocked(const struct cywsim_wrap *w)
{
	return (w->ioctrl & CYWSIM_IOCTRL_CLK_EN) &&
	       !(w->resetctrl & CYWSIM_RESETCTRL_RESET);
}

static bool cywsim_arm_running(const struct cywsim_wrap *w)
{
	return cywsim_core_clocked(w) && !(w->ioctrl & CYWSIM_IOCTRL_CPUHALT);
}

static struct cywsim_wrap *cywsim_wrapper(struct cywsim_chip *chip, u32 a)
{
	switch (a & ~(CYWSIM_CORE_SIZE - 1)) {
	case CYWSIM_ARM_BASE + CYWSIM_WRAP_OFFSET:
		return &chip->wrap_arm;
	case CYWSIM_SOCSRAM_BASE + CYWSIM_WRAP_OFFSET:
		return &chip->wrap_ram;
	case CYWSIM_D11_BASE + CYWSIM_WRAP_OFFSET:
		return &chip->wrap_d11;
	default:
		return NULL;
	}
}

static u32 cywsim_wrap_read(struct cywsim_wrap *w, u32 off)
{
	switch (off) {
	case CYWSIM_WR_IOCTRL:
		return w->ioctrl;
	case CYWSIM_WR_RESETCTRL:
		return w->resetctrl;
	default:
		/* IOSTATUS, RESETSTATUS: idle */
		return 0;
	}
}

static void cywsim_wrap_write(struct cywsim_chip *chip, struct cywsim_wrap *w,
			      u32 off, u32 val)
{
	bool was = cywsim_arm_running(&chip->wrap_arm);

	if (off == CYWSIM_WR_IOCTRL)
		w->ioctrl = val & CYWSIM_IOCTRL_MASK;
	else if (off == CYWSIM_WR_RESETCTRL)
		w->resetctrl = val & CYWSIM_RESETCTRL_RESET;
	else
		return;
	if (w != &chip->wrap_arm || was == cywsim_arm_running(w))
		return;
	if (was) {
		cywsim_console(chip, "ARM core stopped by the host");
		cywsim_reset_firmware(chip);
	} else {
		cywsim_boot_arm(chip);
	}
}

static u32 cywsim_sdiod_read(struct cywsim_chip *chip, u32 off)
{
	switch (off) {
	case CYWSIM_SDIOD_INTSTATUS:
		return chip->sd_intstatus;
	case CYWSIM_SDIOD_HOSTINTMASK:
		return chip->sd_hostintmask;
	case CYWSIM_SDIOD_INTMASK:
		return chip->sd_intmask;
	case CYWSIM_SDIOD_FUNCINTMASK:
		return chip->sd_funcintmask;
	case CYWSIM_SDIOD_TOSBMB:
		return chip->sd_tosbmb;
	case CYWSIM_SDIOD_TOHOSTMB:
		return chip->sd_tohostmb;
	case CYWSIM_SDIOD_TOSBMBDATA:
		return chip->sd_tosbmbdata;
	case CYWSIM_SDIOD_TOHOSTMBDATA:
		return chip->sd_tohostmbdata;
	default:
		return 0;
	}
}

static void cywsim_merge(u32 *reg, u32 val, u32 mask)
{
	*reg = (*reg & ~mask) | (val & mask);
}

static void cywsim_sdiod_write(struct cywsim_chip *chip, u32 off, u32 val,
			       u32 mask)
{
	switch (off) {
	case CYWSIM_SDIOD_INTSTATUS:
		chip->sd_intstatus &= ~(val & mask);	/* W1C */
		break;
	case CYWSIM_SDIOD_HOSTINTMASK:
		cywsim_merge(&chip->sd_hostintmask, val, mask);
		break;
	case CYWSIM_SDIOD_INTMASK:
		cywsim_merge(&chip->sd_intmask, val, mask);
		break;
	case CYWSIM_SDIOD_FUNCINTMASK:
		cywsim_merge(&chip->sd_funcintmask, val, mask);
		break;
	case CYWSIM_SDIOD_TOSBMB:
		/* host to firmware mailbox: the firmware acknowledges at once */
		cywsim_merge(&chip->sd_tosbmb, val, mask);
		chip->sd_tosbmb = 0;
		break;
	case CYWSIM_SDIOD_TOSBMBDATA:
		cywsim_merge(&chip->sd_tosbmbdata, val, mask);
		break;
	default:
		break;
	}
}

static u32 cywsim_cc_read(struct cywsim_chip *chip, u32 off)
{
	switch (off) {
	case CYWSIM_CC_CHIPID:
		return CYWSIM_CHIP_ID;
	case CYWSIM_CC_GPIOCTRL:
		return chip->cc_gpioctrl;
	case CYWSIM_CC_SR_CONTROL0:
		return chip->cc_sr[0];
	case CYWSIM_CC_SR_CONTROL1:
		return chip->cc_sr[1];
	default:
		return 0;
	}
}

static void cywsim_cc_write(struct cywsim_chip *chip, u32 off, u32 val,
			    u32 mask)
{
	switch (off) {
	case CYWSIM_CC_GPIOCTRL:
		cywsim_merge(&chip->cc_gpioctrl, val, mask);
		break;
	case CYWSIM_CC_SR_CONTROL0:
		cywsim_merge(&chip->cc_sr[0], val, mask);
		break;
	case CYWSIM_CC_SR_CONTROL1:
		cywsim_merge(&chip->cc_sr[1], val, mask);
		break;
	default:
		break;
	}
}

static u32 cywsim_socsram_read(struct cywsim_chip *chip, u32 off)
{
	if (off == CYWSIM_SOCSRAM_BANKIDX)
		return chip->bankidx;
	if (off == CYWSIM_SOCSRAM_BANKPDA &&
	    chip->bankidx < CYWSIM_SOCSRAM_NBANKS)
		return chip->bankpda[chip->bankidx];
	return 0;
}

static void cywsim_socsram_write(struct cywsim_chip *chip, u32 off, u32 val,
				 u32 mask)
{
	u32 idx = chip->bankidx;

	if (off == CYWSIM_SOCSRAM_BANKIDX) {
		cywsim_merge(&chip->bankidx, val, mask);
	} else if (off == CYWSIM_SOCSRAM_BANKPDA &&
		   idx < CYWSIM_SOCSRAM_NBANKS) {
		cywsim_merge(&chip->bankpda[idx], val, mask);
		chip->bankpda_written[idx] = true;
	}
}

/* 32-bit register read at an aligned backplane address outside RAM */
static u32 cywsim_reg_read(struct cywsim_chip *chip, u32 a)
{
	u32 core = a & ~(CYWSIM_CORE_SIZE - 1), off = a - core;
	struct cywsim_wrap *w = cywsim_wrapper(chip, a);

	if (w)
		return cywsim_wrap_read(w, off);
	switch (core) {
	case CYWSIM_CC_BASE:
		return cywsim_cc_read(chip, off);
	case CYWSIM_SDIOD_BASE:
		return cywsim_sdiod_read(chip, off);
	case CYWSIM_SOCSRAM_BASE:
		return cywsim_socsram_read(chip, off);
	case CYWSIM_D11_BASE:
	case CYWSIM_ARM_BASE:
		return 0;
	default:
		cywsim_count(chip, CYWSIM_C_BP_UNMAPPED);
		return 0;
	}
}

static void cywsim_reg_write(struct cywsim_chip *chip, u32 a, u32 val,
			     u32 mask)
{
	u32 core = a & ~(CYWSIM_CORE_SIZE - 1), off = a - core;
	struct cywsim_wrap *w = cywsim_wrapper(chip, a);
	u32 cur;

	if (w) {
		cur = cywsim_wrap_read(w, off);
		cywsim_merge(&cur, val, mask);
		cywsim_wrap_write(chip, w, off, cur);
		return;
	}
	switch (core) {
	case CYWSIM_CC_BASE:
		cywsim_cc_write(chip, off, val, mask);
		break;
	case CYWSIM_SDIOD_BASE:
		cywsim_sdiod_write(chip, off, val, mask);
		break;
	case CYWSIM_SOCSRAM_BASE:
		cywsim_socsram_write(chip, off, val, mask);
		break;
	case CYWSIM_D11_BASE:
	case CYWSIM_ARM_BASE:
		break;
	default:
		cywsim_count(chip, CYWSIM_C_BP_UNMAPPED);
		break;
	}
}

static bool cywsim_ram_ok(struct cywsim_chip *chip)
{
	if (cywsim_core_clocked(&chip->wrap_ram))
		return true;
	/* SOCSRAM in reset: the access never completes on the backplane */
	cywsim_count(chip, CYWSIM_C_RAM_IN_RESET);
	return false;
}

/* @n bytes at byte @lane of the aligned word @wa */
static void cywsim_bp_read(struct cywsim_chip *chip, u32 wa, u32 lane,
			   u8 *dst, u32 n)
{
	u8 word[4];

	if (wa < CYWSIM_RAM_SIZE) {
		if (cywsim_ram_ok(chip))
			memcpy(dst, chip->ram + wa + lane, n);
		else
			memset(dst, 0xff, n);
		return;
	}
	cywsim_put_le32(word, cywsim_reg_read(chip, wa));
	memcpy(dst, word + lane, n);
}

static void cywsim_bp_write(struct cywsim_chip *chip, u32 wa, u32 lane,
			    const u8 *src, u32 n)
{
	u8 word[4] = { 0 };
	u32 mask;

	if (wa < CYWSIM_RAM_SIZE) {
		if (!cywsim_ram_ok(chip))
			return;
		memcpy(chip->ram + wa + lane, src, n);
		bitmap_set(chip->ram_written, wa + lane, n);
		return;
	}
	memcpy(word + lane, src, n);
	mask = GENMASK(8 * (lane + n) - 1, 8 * lane);
	cywsim_reg_write(chip, wa, cywsim_le32(word), mask);
}

static bool cywsim_bp_usable(struct cywsim_chip *chip)
{
	if (chip->asleep) {
		cywsim_count(chip, CYWSIM_C_ASLEEP);
		return false;
	}
	if (READ_ONCE(chip->k.strict_clock) && !chip->alp_ready) {
		/* model choice: no backplane before ALP was up once (§4.3) */
		cywsim_count(chip, CYWSIM_C_BP_NOCLK);
		return false;
	}
	return true;
}

static u32 cywsim_window(struct cywsim_chip *chip)
{
	return chip->sbaddr[2] << 24 | chip->sbaddr[1] << 16 |
	       (chip->sbaddr[0] & CYWSIM_SBADDR_LOW_MASK) << 8;
}

/*
 * Backplane access through the 32 KB window (§4.2). The hardware aligns
 * the address to 2 for len >= 2 and to 4 for len >= 4 (EMB comment). The
 * F1 address space is 17 bits: an incrementing access past 0x7FFF lands
 * at 0x8000, the SB_ACCESS_2_4B alias of the same window, i.e. it wraps
 * to the window start instead of reaching the next window.
 */
static void cywsim_bp_xfer(struct cywsim_chip *chip, u32 f1a, u8 *rbuf,
			   const u8 *wbuf, u32 len, bool incr)
{
	u32 base = cywsim_window(chip), i = 0, off, a, n;

	if (len >= 4)
		f1a &= ~3;
	else if (len >= 2)
		f1a &= ~1;
	if (incr && (f1a & CYWSIM_WIN_MASK) + len > CYWSIM_WIN_SIZE) {
		cywsim_count(chip, CYWSIM_C_WIN_WRAP);
		chip->x.flags |= CYWSIM_TR_WRAP;
	}
	while (i < len) {
		off = (incr ? f1a + i : f1a + (i & 3)) & CYWSIM_WIN_MASK;
		a = base + off;
		n = min3(4 - (a & 3), len - i, CYWSIM_WIN_SIZE - off);
		if (wbuf)
			cywsim_bp_write(chip, a & ~3, a & 3, wbuf + i, n);
		else
			cywsim_bp_read(chip, a & ~3, a & 3, rbuf + i, n);
		i += n;
	}
}

static u8 cywsim_f1_reg_read(struct cywsim_chip *chip, u32 a)
{
	switch (a) {
	case CYWSIM_F1_WATERMARK:
		return chip->watermark;
	case CYWSIM_F1_DEVCTL:
		return chip->devctl;
	case CYWSIM_F1_SBADDR_LOW ... CYWSIM_F1_SBADDR_HIGH:
		return chip->sbaddr[a - CYWSIM_F1_SBADDR_LOW];
	case CYWSIM_F1_FRAMECTRL:
		return 0;
	case CYWSIM_F1_CLK_CSR:
		return cywsim_csr_read(chip);
	case CYWSIM_F1_PULLUP:
		return chip->pullup;
	case CYWSIM_F1_WAKEUP_CTRL:
		return chip->wakeup_ctrl;
	case CYWSIM_F1_SLEEP_CSR:
		/* always-on register; DEVON only once the chip is awake */
		if (chip->asleep)
			return chip->waking ? CYWSIM_SLEEP_KSO : 0;
		return chip->sleep_csr | CYWSIM_SLEEP_DEVON;
	default:
		return chip->f1_misc[a - CYWSIM_F1_REG_BASE];
	}
}

static void cywsim_f1_reg_write(struct cywsim_chip *chip, u32 a, u8 v)
{
	switch (a) {
	case CYWSIM_F1_WATERMARK:
		chip->watermark = v;
		break;
	case CYWSIM_F1_DEVCTL:
		chip->devctl = v;
		break;
	case CYWSIM_F1_SBADDR_LOW:
		chip->sbaddr[0] = v & CYWSIM_SBADDR_LOW_MASK;
		break;
	case CYWSIM_F1_SBADDR_MID:
	case CYWSIM_F1_SBADDR_HIGH:
		chip->sbaddr[a - CYWSIM_F1_SBADDR_LOW] = v;
		break;
	case CYWSIM_F1_FRAMECTRL:
		if (v & CYWSIM_FC_RF_TERM)
			cywsim_f2_terminate(chip);
		break;
	case CYWSIM_F1_CLK_CSR:
		cywsim_csr_write(chip, v);
		break;
	case CYWSIM_F1_PULLUP:
		chip->pullup = v;
		break;
	case CYWSIM_F1_WAKEUP_CTRL:
		chip->wakeup_ctrl = v;
		break;
	case CYWSIM_F1_SLEEP_CSR:
		cywsim_sleep_write(chip, v);
		break;
	default:
		chip->f1_misc[a - CYWSIM_F1_REG_BASE] = v;
		break;
	}
}

static bool cywsim_is_f1_reg(u32 a)
{
	return a >= CYWSIM_F1_REG_BASE && a < CYWSIM_F1_REG_END;
}

/**
 * cywsim_f1_read() - F1 read: F1 registers or the backplane window
 * @chip: the chip
 * @addr: F1 address (17 bits)
 * @buf: out, memory order
 * @len: bytes, at most 64
 * @incr: incrementing address
 *
 * While the chip sleeps (KSO clear) every F1 read but SLEEP_CSR returns
 * 0xFF (model of §4.4: "value != 0xFF" checks in the KSO wake loop).
 */
void cywsim_f1_read(struct cywsim_chip *chip, u32 addr, u8 *buf, u32 len,
		    bool incr)
{
	u32 i, a;

	if (addr < CYWSIM_F1_REG_BASE) {
		if (cywsim_bp_usable(chip))
			cywsim_bp_xfer(chip, addr, buf, NULL, len, incr);
		else
			memset(buf, 0xff, len);
		return;
	}
	for (i = 0; i < len; i++) {
		a = incr ? addr + i : addr;
		if (!cywsim_is_f1_reg(a)) {
			buf[i] = 0;
		} else if (chip->asleep && a != CYWSIM_F1_SLEEP_CSR) {
			cywsim_count(chip, CYWSIM_C_ASLEEP);
			buf[i] = 0xff;
		} else {
			buf[i] = cywsim_f1_reg_read(chip, a);
		}
	}
}

/**
 * cywsim_f1_write() - F1 write: F1 registers or the backplane window
 * @chip: the chip
 * @addr: F1 address (17 bits)
 * @buf: data, memory order
 * @len: bytes, at most 64
 * @incr: incrementing address
 *
 * While the chip sleeps only SLEEP_CSR writes reach it.
 */
void cywsim_f1_write(struct cywsim_chip *chip, u32 addr, const u8 *buf,
		     u32 len, bool incr)
{
	u32 i, a;

	if (addr < CYWSIM_F1_REG_BASE) {
		if (cywsim_bp_usable(chip))
			cywsim_bp_xfer(chip, addr, NULL, buf, len, incr);
		return;
	}
	for (i = 0; i < len; i++) {
		a = incr ? addr + i : addr;
		if (!cywsim_is_f1_reg(a))
			continue;
		if (chip->asleep && a != CYWSIM_F1_SLEEP_CSR) {
			cywsim_count(chip, CYWSIM_C_ASLEEP);
			continue;
		}
		cywsim_f1_reg_write(chip, a, buf[i]);
	}
}

/**
 * cywsim_ram_read32() - firmware-side RAM read
 * @chip: the chip
 * @addr: RAM address, 4-byte aligned
 *
 * Return: the little-endian word.
 */
u32 cywsim_ram_read32(struct cywsim_chip *chip, u32 addr)
{
	return cywsim_le32(chip->ram + addr);
}

/**
 * cywsim_ram_write32() - firmware-side RAM write
 * @chip: the chip
 * @addr: RAM address, 4-byte aligned
 * @val: value
 */
void cywsim_ram_write32(struct cywsim_chip *chip, u32 addr, u32 val)
{
	cywsim_put_le32(chip->ram + addr, val);
}
