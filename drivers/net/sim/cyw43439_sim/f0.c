// SPDX-License-Identifier: GPL-2.0
/* cyw43439_sim: F0 gSPI bus registers, interrupts and the status word. */

#include <linux/bitfield.h>
#include <linux/kernel.h>
#include <linux/module.h>

#include <kunit/visibility.h>

#include "cywsim.h"

/**
 * cywsim_f0_reset() - F0 registers to their power-on values
 * @chip: the chip
 *
 * Only BUS_CONTROL = 0x30 is confirmed (§2.5 step 3, embassy #3612 trace);
 * the reference marks the other reset values UNCONFIRMED (§3). The model
 * uses 0, which every driver overwrites before relying on them.
 */
void cywsim_f0_reset(struct cywsim_chip *chip)
{
	chip->bus_ctrl = CYWSIM_BC_RESET;
	chip->resp_delay = 0;
	chip->status_en = 0;
	chip->reset_bp = 0;
	chip->intr = 0;
	chip->intr_en = 0;
	chip->test_rw = 0;
	memset(chip->fdelay, 0, sizeof(chip->fdelay));
}

/**
 * cywsim_int_pending() - INTERRUPT register as read by the host
 * @chip: the chip
 *
 * Error bits are write-1-to-clear latches. Whether F2_PACKET_AVAILABLE is
 * a latch or a level is UNCONFIRMED (§3.2; the cited sources show drivers
 * both writing it back and never clearing it); the model makes it a level
 * that stays set while a frame is queued, which both driver styles accept.
 *
 * Return: the pending interrupt bits.
 */
u16 cywsim_int_pending(struct cywsim_chip *chip)
{
	u16 pending = chip->intr;

	if (cywsim_f2_avail(chip))
		pending |= CYWSIM_INT_F2_PKT_AVAIL;
	if (chip->sd_intstatus & chip->sd_hostintmask)
		pending |= CYWSIM_INT_F1_INTR;
	return pending;
}
EXPORT_SYMBOL_IF_KUNIT(cywsim_int_pending);

/**
 * cywsim_int_raise() - latch interrupt bits
 * @chip: the chip
 * @bits: CYWSIM_INT_* bits
 */
void cywsim_int_raise(struct cywsim_chip *chip, u16 bits)
{
	chip->intr |= bits & CYWSIM_INT_W1C;
}

/**
 * cywsim_status_word() - STATUS register / appended status word (§3.3)
 * @chip: the chip
 *
 * Return: the status; all-ones while the chip sleeps (§3.3).
 */
u32 cywsim_status_word(struct cywsim_chip *chip)
{
	u32 len = cywsim_f2_avail(chip);
	u16 i = chip->intr;
	u32 st = 0;

	if (chip->asleep)
		return CYWSIM_ST_ASLEEP;
	if (i & CYWSIM_INT_DATA_UNAVAIL)
		st |= CYWSIM_ST_DATA_NOT_AVAIL;
	if (i & CYWSIM_INT_F2F3_RD_UNDERFLOW)
		st |= CYWSIM_ST_UNDERFLOW;
	if (i & (CYWSIM_INT_F2F3_WR_OVERFLOW | CYWSIM_INT_F1_OVERFLOW))
		st |= CYWSIM_ST_OVERFLOW;
	if (i & (CYWSIM_INT_CMD_ERROR | CYWSIM_INT_DATA_ERROR))
		st |= CYWSIM_ST_CMD_DATA_ERR;
	if (cywsim_f2_rx_ready(chip))
		st |= CYWSIM_ST_F2_RX_READY;
	if (len) {
		if (chip->status_en & CYWSIM_SE_DWORD_PKT_LEN)
			len = DIV_ROUND_UP(len, 4);
		st |= CYWSIM_ST_F2_INTR | CYWSIM_ST_F2_PKT_AVAIL;
		st |= FIELD_PREP(CYWSIM_ST_F2_PKT_LEN,
				 min_t(u32, len, FIELD_MAX(CYWSIM_ST_F2_PKT_LEN)));
	}
	return st;
}

static u16 cywsim_finfo(u32 max, bool ready)
{
	return CYWSIM_FINFO_EN | (ready ? CYWSIM_FINFO_READY : 0) |
	       FIELD_PREP(CYWSIM_FINFO_MAX, max);
}

/* The F0 register file as bytes, little-endian like the wire memory image */
static void cywsim_f0_image(struct cywsim_chip *chip, u8 *img)
{
	memset(img, 0, CYWSIM_F0_SIZE);
	img[CYWSIM_F0_BUS_CTRL] = chip->bus_ctrl;
	img[CYWSIM_F0_RESP_DELAY] = chip->resp_delay;
	img[CYWSIM_F0_STATUS_EN] = chip->status_en;
	img[CYWSIM_F0_RESET_BP] = chip->reset_bp;
	cywsim_put_le16(img + CYWSIM_F0_INT, cywsim_int_pending(chip));
	cywsim_put_le16(img + CYWSIM_F0_INT_EN, chip->intr_en);
	cywsim_put_le32(img + CYWSIM_F0_STATUS, cywsim_status_word(chip));
	cywsim_put_le16(img + CYWSIM_F0_F1_INFO,
			cywsim_finfo(CYWSIM_F1_MAX, true));
	cywsim_put_le16(img + CYWSIM_F0_F2_INFO,
			cywsim_finfo(CYWSIM_F2_MAX, cywsim_fw_running(chip)));
	cywsim_put_le32(img + CYWSIM_F0_TEST_RO, CYWSIM_TEST_PATTERN);
	cywsim_put_le32(img + CYWSIM_F0_TEST_RW, chip->test_rw);
	memcpy(img + CYWSIM_F0_FDELAY(0), chip->fdelay, CYWSIM_NFUNC);
}

/**
 * cywsim_f0_read() - F0 read of @len bytes (at most 4)
 * @chip: the chip
 * @addr: F0 address
 * @buf: out, memory order
 * @len: bytes
 *
 * Addresses past the register file (e.g. the SDIO CCCR byte 0xF0 some
 * drivers write on SPI, §4.4) read as 0.
 */
void cywsim_f0_read(struct cywsim_chip *chip, u32 addr, u8 *buf, u32 len)
{
	u8 img[CYWSIM_F0_SIZE];
	u32 i;

	cywsim_f0_image(chip, img);
	for (i = 0; i < len; i++)
		buf[i] = addr + i < CYWSIM_F0_SIZE ? img[addr + i] : 0;
}

static void cywsim_f0_write_byte(struct cywsim_chip *chip, u32 a, u8 v)
{
	switch (a) {
	case CYWSIM_F0_BUS_CTRL:
		chip->bus_ctrl = v;
		break;
	case CYWSIM_F0_RESP_DELAY:
		chip->resp_delay = v;
		break;
	case CYWSIM_F0_STATUS_EN:
		chip->status_en = v;
		break;
	case CYWSIM_F0_RESET_BP:
		chip->reset_bp = v;
		break;
	case CYWSIM_F0_INT:
	case CYWSIM_F0_INT + 1:
		/* W1C; the packet-available level is not cleared this way */
		chip->intr &= ~((v << (8 * (a - CYWSIM_F0_INT))) &
				CYWSIM_INT_W1C);
		break;
	case CYWSIM_F0_INT_EN:
	case CYWSIM_F0_INT_EN + 1:
		a = 8 * (a - CYWSIM_F0_INT_EN);
		chip->intr_en = (chip->intr_en & ~(0xff << a)) | v << a;
		break;
	case CYWSIM_F0_TEST_RW ... CYWSIM_F0_TEST_RW + 3:
		a = 8 * (a - CYWSIM_F0_TEST_RW);
		chip->test_rw = (chip->test_rw & ~(0xffu << a)) | (u32)v << a;
		break;
	case CYWSIM_F0_FDELAY(0) ... CYWSIM_F0_FDELAY(3):
		chip->fdelay[a - CYWSIM_F0_FDELAY(0)] = v;
		break;
	default:
		/* read-only registers and unmodelled addresses */
		break;
	}
}

/**
 * cywsim_f0_write() - F0 write of @len bytes (at most 4)
 * @chip: the chip
 * @addr: F0 address
 * @buf: data, memory order
 * @len: bytes
 *
 * BUS_CONTROL and STATUS_ENABLE changes apply from the next transaction.
 */
void cywsim_f0_write(struct cywsim_chip *chip, u32 addr, const u8 *buf,
		     u32 len)
{
	u32 i;

	for (i = 0; i < len; i++)
		cywsim_f0_write_byte(chip, addr + i, buf[i]);
}
