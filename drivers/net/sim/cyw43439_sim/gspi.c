// SPDX-License-Identifier: GPL-2.0
/* cyw43439_sim: the chip's gSPI engine, one byte clocked at a time. */

#include <linux/bitfield.h>
#include <linux/kernel.h>
#include <linux/module.h>

#include <kunit/visibility.h>

#include "cywsim.h"

/*
 * Wire byte j of each 32-bit group carries memory byte perm[j] of the
 * little-endian value (§2.2): 16-bit mode sends b1 b0 b3 b2, 32-bit mode
 * with ENDIAN_BIG sends b0 b1 b2 b3, 32-bit little-endian words go MSB
 * first, b3 b2 b1 b0. 16-bit mode with ENDIAN_BIG is not described by the
 * reference; the model sends each halfword LSB first (b0 b1 b2 b3).
 */
static const u8 cywsim_perm_16le[4] = { 1, 0, 3, 2 };
static const u8 cywsim_perm_mem[4] = { 0, 1, 2, 3 };
static const u8 cywsim_perm_32le[4] = { 3, 2, 1, 0 };

/* EMB trace (§1.2): the first read after power-on returned 0x03030303 */
#define CYWSIM_GARBAGE_BYTE	0x03

static const u8 *cywsim_word_order(u8 bus_ctrl)
{
	if (bus_ctrl & CYWSIM_BC_ENDIAN_BIG)
		return cywsim_perm_mem;
	if (bus_ctrl & CYWSIM_BC_WORD32)
		return cywsim_perm_32le;
	return cywsim_perm_16le;
}

static bool cywsim_clock_unreliable(struct cywsim_chip *chip, u32 hz)
{
	u32 lo = READ_ONCE(chip->k.shift_band_lo_hz);
	u32 hi = READ_ONCE(chip->k.shift_band_hi_hz);

	if (hz > READ_ONCE(chip->k.max_reliable_hz))
		return true;
	return hi && hz >= lo && hz <= hi;
}

/**
 * cywsim_cs_fall() - the host asserts chip select
 * @chip: the chip
 * @hz: SPI clock of the transaction
 * @cpha_mismatch: the host samples on the wrong edge (SPI mode 1 or 2)
 *
 * Word order and status-enable are latched here: a BUS_CONTROL write takes
 * effect from the next transaction.
 */
void cywsim_cs_fall(struct cywsim_chip *chip, u32 hz, bool cpha_mismatch)
{
	struct cywsim_xact *x = &chip->x;

	lockdep_assert_held(&chip->lock);
	cywsim_advance(chip);

	memset(x, 0, offsetof(struct cywsim_xact, buf));
	x->phase = CYWSIM_PH_CMD;
	chip->cs_low = true;
	cywsim_data_line_busy(chip);
	chip->spi_hz = hz;
	x->silent = cywsim_silent(chip);
	if (x->silent) {
		x->flags |= CYWSIM_TR_UNPOWERED;
		cywsim_count(chip, CYWSIM_C_UNPOWERED);
		return;
	}
	if (!chip->first_done && READ_ONCE(chip->k.garbage_first)) {
		x->garbage = true;
		x->flags |= CYWSIM_TR_GARBAGE;
		cywsim_count(chip, CYWSIM_C_GARBAGE);
	}
	chip->first_done = true;
	x->perm = cywsim_word_order(chip->bus_ctrl);
	x->status_en = chip->status_en & CYWSIM_SE_STATUS;
	x->shift = cpha_mismatch || cywsim_clock_unreliable(chip, hz);
}
EXPORT_SYMBOL_IF_KUNIT(cywsim_cs_fall);

static u32 cywsim_read_delay(struct cywsim_chip *chip, u8 func)
{
	if (func != CYWSIM_F1 &&
	    !(chip->status_en & CYWSIM_SE_RESP_DELAY_ALL))
		return 0;
	/* §2.3: per-function delay (corerev >= 3) when set, else 0x0001 */
	return chip->fdelay[func] ?: chip->resp_delay;
}

static bool cywsim_cmd_valid(struct cywsim_xact *x)
{
	switch (x->func) {
	case CYWSIM_F0:
		return x->len <= CYWSIM_F0_MAX;
	case CYWSIM_F1:
		return x->len <= CYWSIM_F1_MAX;
	case CYWSIM_F2:
		return true;
	default:
		/* F3 (Bluetooth over SPI) is not enabled in this model */
		return false;
	}
}

static void cywsim_read_prepare(struct cywsim_chip *chip)
{
	struct cywsim_xact *x = &chip->x;

	memset(x->buf, 0, x->dlen);
	if (x->rejected)
		return;
	switch (x->func) {
	case CYWSIM_F0:
		cywsim_f0_read(chip, x->addr, x->buf, x->len);
		break;
	case CYWSIM_F1:
		cywsim_f1_read(chip, x->addr, x->buf, x->len, x->incr);
		break;
	case CYWSIM_F2:
		cywsim_f2_read(chip, x->buf, x->len);
		break;
	}
}

static void cywsim_decode(struct cywsim_chip *chip)
{
	struct cywsim_xact *x = &chip->x;
	u8 mem[4];
	int j;

	for (j = 0; j < 4; j++)
		mem[x->perm[j]] = x->cmdb[j];
	x->cmd = cywsim_le32(mem);
	x->write = x->cmd & CYWSIM_CMD_WRITE;
	x->incr = x->cmd & CYWSIM_CMD_INCR;
	x->func = FIELD_GET(CYWSIM_CMD_FUNC, x->cmd);
	x->addr = FIELD_GET(CYWSIM_CMD_ADDR, x->cmd);
	x->len = FIELD_GET(CYWSIM_CMD_LEN, x->cmd) ?: CYWSIM_CMD_LEN_ZERO;
	x->dlen = round_up(x->len, 4);
	chip->xacts[x->func]++;
	/* command bytes were counted before the function was known */
	chip->bytes[CYWSIM_NFUNC][CYWSIM_K_CMD] -= 4;
	chip->bytes[x->func][CYWSIM_K_CMD] += 4;

	if (!cywsim_cmd_valid(x)) {
		/* §2.4: oversize is a bus error, never a silent truncation */
		x->rejected = true;
		x->flags |= CYWSIM_TR_CMD_ERR;
		cywsim_count(chip, CYWSIM_C_CMD_ERR);
		cywsim_int_raise(chip, CYWSIM_INT_CMD_ERROR);
	}
	x->pos = 0;
	if (x->write) {
		memset(x->buf, 0, x->dlen);
		x->phase = CYWSIM_PH_DATA;
		return;
	}
	if (chip->f.bit_shift) {
		chip->f.bit_shift--;
		x->shift = true;
	}
	x->delay = cywsim_read_delay(chip, x->func);
	cywsim_read_prepare(chip);
	x->phase = x->delay ? CYWSIM_PH_DELAY : CYWSIM_PH_DATA;
}

static void cywsim_write_commit(struct cywsim_chip *chip)
{
	struct cywsim_xact *x = &chip->x;

	if (x->rejected)
		return;
	switch (x->func) {
	case CYWSIM_F0:
		cywsim_f0_write(chip, x->addr, x->buf, x->len);
		break;
	case CYWSIM_F1:
		cywsim_f1_write(chip, x->addr, x->buf, x->len, x->incr);
		break;
	case CYWSIM_F2:
		cywsim_f2_write(chip, x->buf, x->len);
		break;
	}
}

static void cywsim_data_done(struct cywsim_chip *chip)
{
	struct cywsim_xact *x = &chip->x;

	if (x->write)
		cywsim_write_commit(chip);
	x->pos = 0;
	if (x->status_en) {
		x->status = cywsim_status_word(chip);
		x->flags |= CYWSIM_TR_STATUS;
		x->phase = CYWSIM_PH_STATUS;
	} else {
		x->phase = CYWSIM_PH_TAIL;
	}
}

static void cywsim_account(struct cywsim_chip *chip, enum cywsim_kind kind)
{
	struct cywsim_xact *x = &chip->x;
	u8 f = x->phase == CYWSIM_PH_CMD ? CYWSIM_NFUNC : x->func;

	chip->bytes[f][kind]++;
}

static u8 cywsim_data_byte(struct cywsim_chip *chip, u8 in, bool driven)
{
	struct cywsim_xact *x = &chip->x;
	u32 m = (x->pos & ~3) + x->perm[x->pos & 3];
	u8 out = 0;

	cywsim_account(chip, m < x->len ? CYWSIM_K_PAYLOAD : CYWSIM_K_PAD);
	if (x->write) {
		x->buf[m] = in;
	} else {
		out = x->buf[m];
		if (driven && chip->cfg.three_wire)
			cywsim_count(chip, CYWSIM_C_CONTENTION);
	}
	if (++x->pos == x->dlen)
		cywsim_data_done(chip);
	return out;
}

static u8 cywsim_clock_phase(struct cywsim_chip *chip, int mosi)
{
	struct cywsim_xact *x = &chip->x;
	u8 in = mosi < 0 ? 0 : mosi;
	u8 out = 0;

	switch (x->phase) {
	case CYWSIM_PH_CMD:
		cywsim_account(chip, CYWSIM_K_CMD);
		x->cmdb[x->pos++] = in;
		if (x->pos == 4)
			cywsim_decode(chip);
		break;
	case CYWSIM_PH_DELAY:
		cywsim_account(chip, CYWSIM_K_DELAY);
		if (++x->pos == x->delay) {
			x->pos = 0;
			x->phase = CYWSIM_PH_DATA;
		}
		break;
	case CYWSIM_PH_DATA:
		out = cywsim_data_byte(chip, in, mosi >= 0);
		break;
	case CYWSIM_PH_STATUS:
		cywsim_account(chip, CYWSIM_K_STATUS);
		out = (x->status >> (8 * x->perm[x->pos])) & 0xff;
		if (++x->pos == 4)
			x->phase = CYWSIM_PH_TAIL;
		break;
	case CYWSIM_PH_TAIL:
		cywsim_account(chip, CYWSIM_K_EXCESS);
		break;
	}
	return out;
}

/**
 * cywsim_clock() - clock one byte while CS is low
 * @chip: the chip
 * @mosi: byte the host drives, or -1 when the host does not drive the
 *	  data line (3-wire receive phase; the line reads as 0)
 *
 * Return: the byte the chip drives (0 when it does not drive).
 */
u8 cywsim_clock(struct cywsim_chip *chip, int mosi)
{
	struct cywsim_xact *x = &chip->x;
	u8 out, raw;

	lockdep_assert_held(&chip->lock);
	x->total++;
	if (x->silent)
		return 0;
	if (x->garbage)
		return CYWSIM_GARBAGE_BYTE;
	raw = cywsim_clock_phase(chip, mosi);
	if (!x->shift)
		return raw;
	/* §10 #1/#2: the host samples one bit late; 0xFEEDBEAD reads back
	 * as 0xFF765F56 in 16-bit mode.
	 */
	out = raw >> 1 | x->carry << 7;
	x->carry = raw & 1;
	return out;
}
EXPORT_SYMBOL_IF_KUNIT(cywsim_clock);

/**
 * cywsim_clock_data() - clock a run of data-phase bytes at once
 * @chip: the chip
 * @in: bytes the host drives, NULL when it drives nothing or zeroes
 * @out: where the chip's bytes go, or NULL
 * @n: bytes available
 * @driven: the host drives the data line (for 3-wire contention)
 *
 * The same as @n calls of cywsim_clock() in the data phase of a plain
 * transaction (no silent, garbage or shifted state), without the per-byte
 * dispatch: a frame of 1.5 KB is most of what the bus carries, and the
 * simulator must not be what limits a benchmark. Stops at the end of the
 * data phase.
 *
 * Return: bytes consumed (0 when the transaction is not in a plain data
 * phase; the caller then clocks byte by byte).
 */
u32 cywsim_clock_data(struct cywsim_chip *chip, const u8 *in, u8 *out, u32 n,
		      bool driven)
{
	struct cywsim_xact *x = &chip->x;
	u32 k, m, pay;

	lockdep_assert_held(&chip->lock);
	if (x->phase != CYWSIM_PH_DATA || x->silent || x->garbage || x->shift)
		return 0;
	n = min(n, x->dlen - x->pos);
	if (x->perm == cywsim_perm_mem) {
		/* memory order (ENDIAN_BIG): the wire is the buffer */
		if (x->write && in)
			memcpy(x->buf + x->pos, in, n);
		else if (x->write)
			memset(x->buf + x->pos, 0, n);
		else if (out)
			memcpy(out, x->buf + x->pos, n);
	} else {
		for (k = 0; k < n; k++) {
			m = ((x->pos + k) & ~3) + x->perm[(x->pos + k) & 3];
			if (x->write)
				x->buf[m] = in ? in[k] : 0;
			else if (out)
				out[k] = x->buf[m];
		}
	}
	/* bytes of the run that fall before the payload length */
	pay = x->pos < x->len ? min(n, x->len - x->pos) : 0;
	chip->bytes[x->func][CYWSIM_K_PAYLOAD] += pay;
	chip->bytes[x->func][CYWSIM_K_PAD] += n - pay;
	if (!x->write && driven && chip->cfg.three_wire)
		chip->ctr[CYWSIM_C_CONTENTION] += n;
	x->total += n;
	x->pos += n;
	if (x->pos == x->dlen)
		cywsim_data_done(chip);
	return n;
}
EXPORT_SYMBOL_IF_KUNIT(cywsim_clock_data);

static void cywsim_faults_at_rise(struct cywsim_chip *chip)
{
	if (chip->f.bus_error) {
		chip->f.bus_error--;
		cywsim_int_raise(chip, CYWSIM_INT_F1_OVERFLOW |
					CYWSIM_INT_F2F3_RD_UNDERFLOW |
					CYWSIM_INT_F2F3_WR_OVERFLOW);
	}
	if (chip->f.spurious_dataunavail) {
		chip->f.spurious_dataunavail--;
		cywsim_int_raise(chip, CYWSIM_INT_DATA_UNAVAIL);
	}
}

/**
 * cywsim_cs_rise() - the host releases chip select: the transaction ends
 * @chip: the chip
 *
 * A write whose data phase was cut short is not committed and raises
 * DATA_ERROR.
 */
void cywsim_cs_rise(struct cywsim_chip *chip)
{
	struct cywsim_xact *x = &chip->x;

	lockdep_assert_held(&chip->lock);
	if (!x->silent && !x->garbage) {
		if (x->phase == CYWSIM_PH_CMD ||
		    x->phase == CYWSIM_PH_DELAY ||
		    x->phase == CYWSIM_PH_DATA) {
			x->flags |= CYWSIM_TR_SHORT;
			cywsim_count(chip, CYWSIM_C_SHORT);
			if (x->write && x->phase == CYWSIM_PH_DATA)
				cywsim_int_raise(chip, CYWSIM_INT_DATA_ERROR);
		}
		if (x->shift) {
			x->flags |= CYWSIM_TR_SHIFT;
			cywsim_count(chip, CYWSIM_C_SHIFTED);
		}
		cywsim_faults_at_rise(chip);
	}
	chip->cs_low = false;
	chip->xact_seq++;
	cywsim_trace_add(chip);
	cywsim_irq_update(chip);
}
EXPORT_SYMBOL_IF_KUNIT(cywsim_cs_rise);

/**
 * cywsim_xfer() - one complete transaction (CS low, bytes, CS high)
 * @chip: the chip
 * @tx: bytes the host drives, may be NULL
 * @tx_len: the host drives the first @tx_len bytes, then releases the
 *	    line (3-wire turnaround); pass @len for a full-duplex host
 * @rx: receives what the chip drove, may be NULL
 * @len: bytes clocked
 * @hz: SPI clock
 *
 * For tests and for the SPI controller; takes the chip lock.
 */
void cywsim_xfer(struct cywsim_chip *chip, const u8 *tx, size_t tx_len,
		 u8 *rx, size_t len, u32 hz)
{
	size_t i;
	u8 b;

	mutex_lock(&chip->lock);
	cywsim_cs_fall(chip, hz, false);
	for (i = 0; i < len; i++) {
		b = cywsim_clock(chip, tx && i < tx_len ? tx[i] : -1);
		if (rx)
			rx[i] = b;
	}
	cywsim_cs_rise(chip);
	mutex_unlock(&chip->lock);
}
EXPORT_SYMBOL_IF_KUNIT(cywsim_xfer);
