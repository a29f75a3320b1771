// SPDX-License-Identifier: GPL-2.0
/* cyw43439: gSPI transport: power, command words, word order, status word. */

#include <linux/bitfield.h>
#include <linux/delay.h>
#include <linux/gpio/consumer.h>
#include <linux/spi/spi.h>
#include "netdrv_compat.h"

#include "cyw43.h"

/* §1.2: REG_ON low long enough for the regulator to discharge */
#define CYW43_REGON_LOW_MS	20
/* §1.2: first wait after REG_ON rises, then the test register is polled */
#define CYW43_POWERON_MS	50
/* §1.2: WHD polls the test register up to 500 times, 1 ms apart */
#define CYW43_SYNC_TRIES	500

/* §2.1 command word */
static u32 cyw43_cmd(bool write, bool incr, u8 fn, u32 addr, u32 len)
{
	return (write ? BIT(31) : 0) | (incr ? BIT(30) : 0) |
	       FIELD_PREP(GENMASK(29, 28), fn) |
	       FIELD_PREP(GENMASK(27, 11), addr) |
	       FIELD_PREP(GENMASK(10, 0), len == CYW43_F2_MAX ? 0 : len);
}

/*
 * §2.2: in 32-bit mode with ENDIAN_BIG the wire carries memory order; in
 * the power-on 16-bit mode every 16-bit half goes high byte first.
 */
static void cyw43_swap16(u8 *buf, size_t len)
{
	size_t i;

	for (i = 0; i + 1 < len; i += 2)
		swap(buf[i], buf[i + 1]);
}

/* Interrupts so far (none before the ethbus exists, during probe) */
static u64 cyw43_irqs(struct cyw43 *cy)
{
	return cy->eb ? ethbus_irq_count(cy->eb) : 0;
}

/*
 * §3.3: every transaction in 32-bit mode ends with the status word. It is
 * at least as new as any interrupt counted before the transaction began
 * (@irqs); cyw43_service() uses that to skip reading STATUS again.
 */
static void cyw43_take_status(struct cyw43 *cy, const u8 *p, u64 irqs)
{
	cy->status = get_unaligned_le32(p);
	cy->status_irqs = irqs;
	if (cy->status != U32_MAX &&
	    (cy->status & (CYW43_ST_UNDERFLOW | CYW43_ST_OVERFLOW)))
		cy->cnt.bus_errors++;
}

/**
 * cyw43_xfer() - one gSPI transaction (§2.3)
 * @cy: the device
 * @write: host to chip
 * @fn: function, CYW43_F0..CYW43_F2
 * @addr: 17-bit address within the function
 * @buf: data to write, or where read data goes
 * @len: bytes; F0 up to 4, F1 up to 64, F2 up to 2048 (§2.4)
 *
 * One spi_message with chip select held: the command (and write data)
 * as one TX transfer, then F1 filler, read data and the status word as
 * one RX transfer, so it works on 3-wire and full-duplex controllers.
 *
 * Context: process context; takes the bus lock.
 * Return: 0 or a negative errno from the SPI core.
 */
int cyw43_xfer(struct cyw43 *cy, bool write, u8 fn, u32 addr, void *buf,
	       u32 len)
{
	u32 max = fn == CYW43_F0 ? 4 : fn == CYW43_F1 ? CYW43_F1_MAX :
		  CYW43_F2_MAX;
	u32 padded = ALIGN(len, 4), pad = 0, st_len, rx_len;
	struct spi_transfer t[2] = {};
	struct spi_message m;
	u64 irqs;
	int ret;

	if (WARN_ON_ONCE(!len || len > max))
		return -EINVAL;
	mutex_lock(&cy->bus_lock);
	st_len = cy->word32 ? 4 : 0;
	if (!write && fn == CYW43_F1)
		pad = CYW43_F1_RESP_DELAY;
	put_unaligned_le32(cyw43_cmd(write, true, fn, addr, len), cy->txbuf);
	t[0].tx_buf = cy->txbuf;
	t[0].len = 4;
	if (write) {
		memset(cy->txbuf + 4 + len, 0, padded - len);
		memcpy(cy->txbuf + 4, buf, len);
		t[0].len += padded;
	}
	if (!cy->word32)
		cyw43_swap16(cy->txbuf, t[0].len);
	rx_len = pad + (write ? 0 : padded) + st_len;
	spi_message_init(&m);
	spi_message_add_tail(&t[0], &m);
	if (rx_len) {
		t[1].rx_buf = cy->rxbuf;
		t[1].len = rx_len;
		spi_message_add_tail(&t[1], &m);
	}
	irqs = cyw43_irqs(cy);
	ret = spi_sync(cy->spi, &m);
	cy->cnt.bus_xacts++;
	cy->cnt.bus_bytes += t[0].len + rx_len;
	if (ret)
		goto unlock;
	if (!cy->word32)
		cyw43_swap16(cy->rxbuf, rx_len);
	if (!write)
		memcpy(buf, cy->rxbuf + pad, len);
	if (st_len)
		cyw43_take_status(cy, cy->rxbuf + rx_len - 4, irqs);
unlock:
	mutex_unlock(&cy->bus_lock);
	return ret;
}

/*
 * One F2 transaction straight from or to the caller's memory: the command,
 * the frame in up to two parts, zero padding to a word, the status word,
 * all in one spi_message with chip select held. No bounce copy of the
 * frame; F2 only runs in 32-bit mode (after bring-up), so no byte swap.
 */
static int cyw43_f2_io(struct cyw43 *cy, const void *tx, void *rx,
		       u32 head_len, const void *body, u32 body_len)
{
	u32 len = head_len + body_len, padded = ALIGN(len, 4);
	struct spi_transfer t[5] = {};
	struct spi_message m;
	int n = 0, ret;
	u64 irqs;

	if (WARN_ON_ONCE(!len || len > CYW43_F2_MAX || !cy->word32))
		return -EINVAL;
	mutex_lock(&cy->bus_lock);
	put_unaligned_le32(cyw43_cmd(!!tx, true, CYW43_F2, 0, len), cy->txbuf);
	t[n].tx_buf = cy->txbuf;
	t[n++].len = 4;
	if (tx) {
		t[n].tx_buf = tx;
		t[n++].len = head_len;
		if (body_len) {
			t[n].tx_buf = body;
			t[n++].len = body_len;
		}
		if (padded != len) {
			memset(cy->txbuf + 4, 0, 4);
			t[n].tx_buf = cy->txbuf + 4;
			t[n++].len = padded - len;
		}
	} else {
		t[n].rx_buf = rx;
		t[n++].len = padded;
	}
	t[n].rx_buf = cy->rxbuf;
	t[n++].len = 4;
	spi_message_init_with_transfers(&m, t, n);
	irqs = cyw43_irqs(cy);
	ret = spi_sync(cy->spi, &m);
	cy->cnt.bus_xacts++;
	cy->cnt.bus_bytes += 4 + padded + 4;
	if (!ret)
		cyw43_take_status(cy, cy->rxbuf, irqs);
	mutex_unlock(&cy->bus_lock);
	return ret;
}

/**
 * cyw43_f2_read() - read one chip to host frame
 * @cy: the device
 * @buf: at least ALIGN(@len, 4) bytes, DMA-safe
 * @len: frame length announced by the status word
 *
 * Context: process context.
 * Return: 0 or a negative errno.
 */
int cyw43_f2_read(struct cyw43 *cy, u8 *buf, u32 len)
{
	return cyw43_f2_io(cy, NULL, buf, len, NULL, 0);
}

/**
 * cyw43_f2_write() - write one host to chip frame in two parts
 * @cy: the device
 * @head: the frame's headers (or all of it), DMA-safe
 * @head_len: bytes at @head
 * @body: the rest, e.g. an skb's data, DMA-safe; or NULL
 * @body_len: bytes at @body
 *
 * Context: process context.
 * Return: 0 or a negative errno.
 */
int cyw43_f2_write(struct cyw43 *cy, const u8 *head, u32 head_len,
		   const void *body, u32 body_len)
{
	return cyw43_f2_io(cy, head, NULL, head_len, body, body_len);
}

/**
 * cyw43_read32() - read a 32-bit register
 * @cy: the device
 * @fn: function
 * @addr: register address
 *
 * Context: process context.
 * Return: the value, all-ones if the transfer failed.
 */
u32 cyw43_read32(struct cyw43 *cy, u8 fn, u32 addr)
{
	__le32 v;

	if (cyw43_xfer(cy, false, fn, addr, &v, 4))
		return U32_MAX;
	return le32_to_cpu(v);
}

/**
 * cyw43_write32() - write a 32-bit register
 * @cy: the device
 * @fn: function
 * @addr: register address
 * @val: value
 *
 * Context: process context.
 * Return: 0 or a negative errno.
 */
int cyw43_write32(struct cyw43 *cy, u8 fn, u32 addr, u32 val)
{
	__le32 v = cpu_to_le32(val);

	return cyw43_xfer(cy, true, fn, addr, &v, 4);
}

/**
 * cyw43_write16() - write a 16-bit register
 * @cy: the device
 * @fn: function
 * @addr: register address
 * @val: value
 *
 * Context: process context.
 * Return: 0 or a negative errno.
 */
int cyw43_write16(struct cyw43 *cy, u8 fn, u32 addr, u16 val)
{
	__le16 v = cpu_to_le16(val);

	return cyw43_xfer(cy, true, fn, addr, &v, 2);
}

/**
 * cyw43_read8() - read an 8-bit register
 * @cy: the device
 * @fn: function
 * @addr: register address
 *
 * Context: process context.
 * Return: the value, 0xff if the transfer failed.
 */
u8 cyw43_read8(struct cyw43 *cy, u8 fn, u32 addr)
{
	u8 v;

	if (cyw43_xfer(cy, false, fn, addr, &v, 1))
		return 0xff;
	return v;
}

/**
 * cyw43_write8() - write an 8-bit register
 * @cy: the device
 * @fn: function
 * @addr: register address
 * @val: value
 *
 * Context: process context.
 * Return: 0 or a negative errno.
 */
int cyw43_write8(struct cyw43 *cy, u8 fn, u32 addr, u8 val)
{
	return cyw43_xfer(cy, true, fn, addr, &val, 1);
}

/* §1.2, §2.5 step 1: the first transfers after power-on may be garbage */
static int cyw43_bus_sync(struct cyw43 *cy)
{
	u32 v = 0;
	int i;

	for (i = 0; i < CYW43_SYNC_TRIES; i++) {
		v = cyw43_read32(cy, CYW43_F0, CYW43_F0_TEST_RO);
		if (v == CYW43_TEST_PATTERN)
			return 0;
		usleep_range(1000, 1200);
	}
	dev_err(cy->dev,
		"no answer from the chip: test register reads 0x%08x, not 0x%08x (power, wiring or SPI clock?)\n",
		v, CYW43_TEST_PATTERN);
	return -ENODEV;
}

/**
 * cyw43_bus_power_on() - power the chip and bring the bus to 32-bit mode
 * @cy: the device
 *
 * §1.2 and §2.5: REG_ON cycle, test register sync in 16-bit mode, the
 * read/write test register, the bus-control write (32-bit words, memory
 * byte order, interrupt polarity of the board, status word after every
 * transaction), the F1 response delay, interrupts cleared and only
 * F2_PACKET_AVAILABLE enabled.
 *
 * Context: process context; sleeps for tens of milliseconds.
 * Return: 0, or -ENODEV when the chip does not answer sensibly.
 */
int cyw43_bus_power_on(struct cyw43 *cy)
{
	u32 bc, v;
	int ret;

	cy->word32 = false;
	cy->status = 0;
	cy->win = U32_MAX;
	gpiod_set_value_cansleep(cy->reg_on, 0);
	msleep(CYW43_REGON_LOW_MS);
	gpiod_set_value_cansleep(cy->reg_on, 1);
	msleep(CYW43_POWERON_MS);

	ret = cyw43_bus_sync(cy);
	if (ret)
		return ret;
	ret = cyw43_write32(cy, CYW43_F0, CYW43_F0_TEST_RW, 0x12345678);
	if (ret)
		return ret;
	v = cyw43_read32(cy, CYW43_F0, CYW43_F0_TEST_RW);
	if (v != 0x12345678) {
		dev_err(cy->dev,
			"no answer from the chip: read/write test register reads 0x%08x\n",
			v);
		return -ENODEV;
	}

	bc = CYW43_BC_WORD32 | CYW43_BC_ENDIAN_BIG | CYW43_BC_HIGH_SPEED |
	     CYW43_BC_WAKE_UP | (cy->irq_high ? CYW43_BC_INT_POL_HIGH : 0);
	bc |= CYW43_F1_RESP_DELAY << 8;
	bc |= (CYW43_SE_STATUS | CYW43_SE_INTR_STATUS) << 16;
	ret = cyw43_write32(cy, CYW43_F0, CYW43_F0_BUS_CTRL, bc);
	if (ret)
		return ret;
	cy->word32 = true;

	v = cyw43_read32(cy, CYW43_F0, CYW43_F0_TEST_RO);
	if (v != CYW43_TEST_PATTERN) {
		dev_err(cy->dev,
			"no answer from the chip in 32-bit mode: test register reads 0x%08x\n",
			v);
		return -ENODEV;
	}
	ret = cyw43_write8(cy, CYW43_F0, CYW43_F0_F1_DELAY,
			   CYW43_F1_RESP_DELAY);
	if (!ret)
		ret = cyw43_write16(cy, CYW43_F0, CYW43_F0_INT,
				    CYW43_INT_ERRORS);
	if (!ret)
		ret = cyw43_write16(cy, CYW43_F0, CYW43_F0_INT_EN,
				    CYW43_INT_F2_PKT_AVAIL);
	return ret;
}

/**
 * cyw43_bus_power_off() - hold the chip in reset
 * @cy: the device
 *
 * Context: process context.
 */
void cyw43_bus_power_off(struct cyw43 *cy)
{
	gpiod_set_value_cansleep(cy->reg_on, 0);
	cy->word32 = false;
	cy->win = U32_MAX;
}
