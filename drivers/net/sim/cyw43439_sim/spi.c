// SPDX-License-Identifier: GPL-2.0
/* cyw43439_sim: the SPI controller the chip model sits behind, and pacing. */

#include <linux/delay.h>
#include <linux/kernel.h>
#include <linux/platform_device.h>
#include <linux/spi/spi.h>

#include "cywsim.h"
#include "cywsim_plat.h"

#define CYWSIM_SPI_MAX_HZ	100000000	/* lets tests overclock */
#define CYWSIM_SPI_MIN_HZ	100000
/*
 * Pacing keeps a bus clock that runs ahead of real time while transfers
 * are back to back. A sleep that overshoots (timer slack, a busy host) is
 * made up by the next transfers, so the average rate is the configured
 * clock's; only a bus idle for longer than this starts afresh.
 */
#define CYWSIM_PACE_WINDOW_NS	(2 * NSEC_PER_MSEC)

/*
 * §1.3: the chip samples on the rising edge (mode 0). Modes 0 and 3 both
 * sample on the rising edge; modes 1 and 2 make the host sample the chip's
 * output half a clock off, i.e. one bit late.
 */
static bool cywsim_spi_wrong_edge(const struct spi_device *spi)
{
	return !(spi->mode & SPI_CPHA) != !(spi->mode & SPI_CPOL);
}

static u32 cywsim_word_get(const void *buf, u32 i, u32 nb)
{
	if (nb == 4)
		return ((const u32 *)buf)[i];
	if (nb == 2)
		return ((const u16 *)buf)[i];
	return ((const u8 *)buf)[i];
}

static void cywsim_word_put(void *buf, u32 i, u32 nb, u32 v)
{
	if (nb == 4)
		((u32 *)buf)[i] = v;
	else if (nb == 2)
		((u16 *)buf)[i] = v;
	else
		((u8 *)buf)[i] = v;
}

/*
 * Clock one spi_transfer through the chip. Words of bits_per_word bits go
 * MSB first, as on any SPI controller. Who drives the data line depends
 * on the board wiring and on the device's SPI_3WIRE mode.
 */
static void cywsim_spi_clock_xfer(struct cywsim_dev *d, struct spi_device *spi,
				  struct spi_transfer *t)
{
	bool dev3 = spi->mode & SPI_3WIRE, board3 = d->chip->cfg.three_wire;
	u32 nb = t->bits_per_word > 16 ? 4 : t->bits_per_word > 8 ? 2 : 1;
	bool miso_cut = dev3 != board3 || (dev3 && t->tx_buf);
	u32 i, b, in, out;
	int mosi;
	u8 miso;

	for (i = 0; i < t->len / nb; i++) {
		/* 8-bit words are the byte stream itself: data phases go in runs */
		if (nb == 1) {
			u32 n = cywsim_clock_data(d->chip,
						  t->tx_buf ? t->tx_buf + i : NULL,
						  t->rx_buf && !miso_cut ?
						  t->rx_buf + i : NULL,
						  t->len - i,
						  !(dev3 && !t->tx_buf));

			if (n) {
				if (t->rx_buf && miso_cut)
					memset(t->rx_buf + i, 0, n);
				i += n - 1;
				continue;
			}
		}
		in = t->tx_buf ? cywsim_word_get(t->tx_buf, i, nb) : 0;
		out = 0;
		for (b = 0; b < nb; b++) {
			/* 3-wire host receiving: nobody but the chip drives */
			mosi = dev3 && !t->tx_buf ? -1 :
			       (in >> (8 * (nb - 1 - b))) & 0xff;
			miso = cywsim_clock(d->chip, mosi);
			/* MISO pin unwired on a 3-wire board, and vice versa */
			if (miso_cut)
				miso = 0;
			out = out << 8 | miso;
		}
		if (t->rx_buf)
			cywsim_word_put(t->rx_buf, i, nb, out);
	}
}

/* Charge the bus time; with pacing on, return how long to sleep */
static u64 cywsim_spi_pace(struct cywsim_chip *chip, u64 bytes, u32 xacts,
			   u32 hz)
{
	u64 ns = div_u64(bytes * 8 * NSEC_PER_SEC, hz) +
		 (u64)xacts * READ_ONCE(chip->k.xact_cost_ns);
	ktime_t now = ktime_get();

	chip->bus_ns += ns;
	if (!READ_ONCE(chip->k.pacing))
		return 0;
	if (ktime_before(ktime_add_ns(chip->pace_until, CYWSIM_PACE_WINDOW_NS),
			 now))
		chip->pace_until = now;
	chip->pace_until = ktime_add_ns(chip->pace_until, ns);
	if (!ktime_after(chip->pace_until, now))
		return 0;
	return ktime_to_ns(ktime_sub(chip->pace_until, now));
}

static int cywsim_spi_transfer(struct spi_controller *ctlr,
			       struct spi_message *msg)
{
	struct cywsim_dev *d = spi_controller_get_devdata(ctlr);
	struct cywsim_chip *chip = d->chip;
	struct spi_device *spi = msg->spi;
	u32 hz = spi->max_speed_hz, xacts = 0;
	struct spi_transfer *t;
	u64 bytes = 0, sleep;

	mutex_lock(&chip->lock);
	list_for_each_entry(t, &msg->transfers, transfer_list) {
		hz = t->speed_hz ?: spi->max_speed_hz;
		if (!chip->cs_low) {
			cywsim_cs_fall(chip, hz, cywsim_spi_wrong_edge(spi));
			xacts++;
		}
		cywsim_spi_clock_xfer(d, spi, t);
		msg->actual_length += t->len;
		bytes += t->len;
		/* cs_change: toggle between transfers, keep after the last */
		if (list_is_last(&t->transfer_list, &msg->transfers) ?
		    !t->cs_change : t->cs_change)
			cywsim_cs_rise(chip);
	}
	sleep = cywsim_spi_pace(chip, bytes, xacts, hz ?: CYWSIM_SPI_MAX_HZ);
	mutex_unlock(&chip->lock);

	/* tight slack: fsleep() would allow twice the time */
	if (sleep > NSEC_PER_USEC) {
		u64 us = div_u64(sleep, NSEC_PER_USEC);

		usleep_range(us, us + 10);
	}
	msg->status = 0;
	spi_finalize_current_message(ctlr);
	return 0;
}

/**
 * cywsim_spi_register() - the SPI controller and the chip's spi_device
 * @d: the board
 * @max_hz: spi-max-frequency of the device
 *
 * Return: 0 or a negative errno.
 */
int cywsim_spi_register(struct cywsim_dev *d, u32 max_hz)
{
	struct device *dev = &d->pdev->dev;
	struct spi_controller *ctlr;
	int ret;

	ctlr = devm_spi_alloc_host(dev, 0);
	if (!ctlr)
		return -ENOMEM;
	spi_controller_set_devdata(ctlr, d);
	ctlr->mode_bits = SPI_CPOL | SPI_CPHA | SPI_3WIRE;
	ctlr->bits_per_word_mask = SPI_BPW_MASK(8) | SPI_BPW_MASK(16) |
				   SPI_BPW_MASK(32);
	ctlr->num_chipselect = 1;
	ctlr->bus_num = -1;
	ctlr->max_speed_hz = CYWSIM_SPI_MAX_HZ;
	ctlr->min_speed_hz = CYWSIM_SPI_MIN_HZ;
	ctlr->transfer_one_message = cywsim_spi_transfer;
	ret = devm_spi_register_controller(dev, ctlr);
	if (ret)
		return ret;
	d->ctlr = ctlr;
	return 0;
}
