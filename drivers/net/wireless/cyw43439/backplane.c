// SPDX-License-Identifier: GPL-2.0
/* cyw43439: backplane window, block access, clocks and core reset (§4). */

#include <linux/delay.h>

#include "cyw43.h"

/* AI wrapper registers (§4.6) */
#define CYW43_IOCTRL		0x408
#define CYW43_RESETCTRL		0x800
#define CYW43_IOCTRL_CLK	0x01
#define CYW43_IOCTRL_FGC	0x02
#define CYW43_RESET		0x01

/* §4.2: point the 32 KB window at @addr, writing only bytes that change */
static int cyw43_window(struct cyw43 *cy, u32 addr)
{
	u32 base = addr & ~CYW43_WIN_MASK;
	int i, ret;

	if (base == cy->win)
		return 0;
	for (i = 1; i < 4; i++) {
		u8 b = base >> (8 * i);

		if (cy->win != U32_MAX && b == (u8)(cy->win >> (8 * i)))
			continue;
		ret = cyw43_write8(cy, CYW43_F1, CYW43_F1_SBADDR_LOW + i - 1, b);
		if (ret) {
			cy->win = U32_MAX;
			return ret;
		}
	}
	cy->win = base;
	return 0;
}

/**
 * cyw43_bp_read32() - read a 32-bit backplane register
 * @cy: the device
 * @addr: backplane address, 4-byte aligned
 *
 * Context: process context.
 * Return: the value, all-ones on a bus error.
 */
u32 cyw43_bp_read32(struct cyw43 *cy, u32 addr)
{
	if (cyw43_window(cy, addr))
		return U32_MAX;
	return cyw43_read32(cy, CYW43_F1,
			    (addr & CYW43_WIN_MASK) | CYW43_SB_4BYTE);
}

/**
 * cyw43_bp_write32() - write a 32-bit backplane register
 * @cy: the device
 * @addr: backplane address, 4-byte aligned
 * @val: value
 *
 * Context: process context.
 * Return: 0 or a negative errno.
 */
int cyw43_bp_write32(struct cyw43 *cy, u32 addr, u32 val)
{
	int ret = cyw43_window(cy, addr);

	if (ret)
		return ret;
	return cyw43_write32(cy, CYW43_F1,
			     (addr & CYW43_WIN_MASK) | CYW43_SB_4BYTE, val);
}

/* Split a block access into F1-sized pieces that stay in one window. */
static int cyw43_bp_block(struct cyw43 *cy, bool write, u32 addr, u8 *buf,
			  size_t len)
{
	size_t n;
	int ret;

	while (len) {
		n = min_t(size_t, len, CYW43_F1_MAX);
		n = min_t(size_t, n, CYW43_WIN_SIZE - (addr & CYW43_WIN_MASK));
		ret = cyw43_window(cy, addr);
		if (!ret)
			ret = cyw43_xfer(cy, write, CYW43_F1,
					 addr & CYW43_WIN_MASK, buf, n);
		if (ret)
			return ret;
		addr += n;
		buf += n;
		len -= n;
	}
	return 0;
}

/**
 * cyw43_bp_write() - write a block to backplane memory (§5.2 step 4)
 * @cy: the device
 * @addr: backplane address, 4-byte aligned
 * @buf: data
 * @len: bytes
 *
 * Context: process context.
 * Return: 0 or a negative errno.
 */
int cyw43_bp_write(struct cyw43 *cy, u32 addr, const u8 *buf, size_t len)
{
	return cyw43_bp_block(cy, true, addr, (u8 *)buf, len);
}

/**
 * cyw43_bp_read() - read a block of backplane memory
 * @cy: the device
 * @addr: backplane address, 4-byte aligned
 * @buf: out
 * @len: bytes
 *
 * Context: process context.
 * Return: 0 or a negative errno.
 */
int cyw43_bp_read(struct cyw43 *cy, u32 addr, u8 *buf, size_t len)
{
	return cyw43_bp_block(cy, false, addr, buf, len);
}

/**
 * cyw43_clock_wait() - request a clock and wait until it is available
 * @cy: the device
 * @req: CHIP_CLOCK_CSR request bits to write
 * @avail: status bit to wait for
 * @ms: how long to wait
 *
 * Context: process context; sleeps.
 * Return: 0, or -ETIMEDOUT.
 */
int cyw43_clock_wait(struct cyw43 *cy, u8 req, u8 avail, unsigned int ms)
{
	unsigned long end;
	int ret;

	ret = cyw43_write8(cy, CYW43_F1, CYW43_F1_CLOCK_CSR, req);
	if (ret)
		return ret;
	end = jiffies + msecs_to_jiffies(ms);
	do {
		u8 v = cyw43_read8(cy, CYW43_F1, CYW43_F1_CLOCK_CSR);

		if (v != 0xff && (v & avail))
			return 0;
		usleep_range(1000, 1500);
	} while (time_before(jiffies, end));
	return -ETIMEDOUT;
}

/**
 * cyw43_core_disable() - put a core into reset (§4.6)
 * @cy: the device
 * @wrap: the core's wrapper base
 *
 * Context: process context; sleeps.
 */
void cyw43_core_disable(struct cyw43 *cy, u32 wrap)
{
	if (cyw43_bp_read32(cy, wrap + CYW43_RESETCTRL) & CYW43_RESET)
		return;
	cyw43_bp_write32(cy, wrap + CYW43_IOCTRL, 0);
	cyw43_bp_read32(cy, wrap + CYW43_IOCTRL);
	usleep_range(1000, 1500);
	cyw43_bp_write32(cy, wrap + CYW43_RESETCTRL, CYW43_RESET);
	usleep_range(1000, 1500);
}

/**
 * cyw43_core_reset() - disable a core, then bring it out of reset (§4.6)
 * @cy: the device
 * @wrap: the core's wrapper base
 *
 * Context: process context; sleeps.
 * Return: 0, or -EIO if the core does not read back as up.
 */
int cyw43_core_reset(struct cyw43 *cy, u32 wrap)
{
	u32 io, rst;

	cyw43_core_disable(cy, wrap);
	cyw43_bp_write32(cy, wrap + CYW43_IOCTRL,
			 CYW43_IOCTRL_FGC | CYW43_IOCTRL_CLK);
	cyw43_bp_read32(cy, wrap + CYW43_IOCTRL);
	cyw43_bp_write32(cy, wrap + CYW43_RESETCTRL, 0);
	usleep_range(1000, 1500);
	cyw43_bp_write32(cy, wrap + CYW43_IOCTRL, CYW43_IOCTRL_CLK);
	io = cyw43_bp_read32(cy, wrap + CYW43_IOCTRL);
	usleep_range(1000, 1500);
	rst = cyw43_bp_read32(cy, wrap + CYW43_RESETCTRL);
	if ((io & (CYW43_IOCTRL_FGC | CYW43_IOCTRL_CLK)) != CYW43_IOCTRL_CLK ||
	    (rst & CYW43_RESET))
		return -EIO;
	return 0;
}
