// SPDX-License-Identifier: GPL-2.0
/* cyw43439_sim KUnit: gSPI bus, F0 and backplane cases (reference §1-§4). */

#include <linux/delay.h>

#include "cywsim_kunit.h"

/* §2.2 worked bytes and §1.2 (first transfer after power-on is garbage) */
static void cywsim_test_16bit_test_register(struct kunit *test)
{
	static const u8 cmd[4] = { 0xa0, 0x04, 0x40, 0x00 };
	static const u8 want[4] = { 0xbe, 0xad, 0xfe, 0xed };
	static const u8 garbage[4] = { 0x03, 0x03, 0x03, 0x03 };
	struct cywsim_kt *t = test->priv;
	u8 tx[8] = {}, rx[8];

	KUNIT_EXPECT_EQ(test, cywsim_kt_cmd(false, true, CYWSIM_F0,
					    CYWSIM_F0_TEST_RO, 4), 0x4000a004);
	cywsim_kt_power_on(t);
	memcpy(tx, cmd, 4);
	cywsim_xfer(t->chip, tx, 4, rx, 8, CYWSIM_KT_HZ);
	KUNIT_EXPECT_MEMEQ(test, rx + 4, garbage, 4);
	cywsim_xfer(t->chip, tx, 4, rx, 8, CYWSIM_KT_HZ);
	KUNIT_EXPECT_MEMEQ(test, rx + 4, want, 4);
}

/* §2.1: "F0 32-bit read of reg r = 0x4000_0004 | (r << 11)" */
static void cywsim_test_f0_read_cmd_word(struct kunit *test)
{
	static const u8 status_wire[4] = { 0x04, 0x40, 0x00, 0x40 };
	struct cywsim_kt *t = test->priv;
	u8 mem[4], wire[4];
	u32 r;

	for (r = 0; r < CYWSIM_F0_SIZE; r += 4)
		KUNIT_EXPECT_EQ(test, cywsim_kt_cmd(false, true, CYWSIM_F0, r, 4),
				0x40000004 | (r << 11));
	/* §2.2: 32-bit + ENDIAN_BIG read of 0x08 is 04 40 00 40 on the wire */
	cywsim_put_le32(mem, cywsim_kt_cmd(false, true, CYWSIM_F0,
					   CYWSIM_F0_STATUS, 4));
	cywsim_kt_to_wire(CYWSIM_KT_32BIG, wire, mem, 4);
	KUNIT_EXPECT_MEMEQ(test, wire, status_wire, 4);

	KUNIT_ASSERT_EQ(test, cywsim_kt_bringup(t, false), 0);
	KUNIT_EXPECT_EQ(test, cywsim_kt_read32(t, CYWSIM_F0, CYWSIM_F0_TEST_RO),
			CYWSIM_TEST_PATTERN);
}

/* §2.5 step 2: the read/write test register */
static void cywsim_test_rw_register(struct kunit *test)
{
	struct cywsim_kt *t = test->priv;

	cywsim_kt_power_on(t);
	KUNIT_ASSERT_EQ(test, cywsim_kt_sync16(t), 0);
	cywsim_kt_write32(t, CYWSIM_F0, CYWSIM_F0_TEST_RW, 0x12345678);
	KUNIT_EXPECT_EQ(test, cywsim_kt_read32(t, CYWSIM_F0, CYWSIM_F0_TEST_RW),
			0x12345678);
}

struct cywsim_bc_case {
	const char *name;
	u32 value;
	enum cywsim_kt_mode mode;
	bool status;
};

/* §2.5 step 3 table: CYWD/PSDK, WHD and EMB bus-control words */
static const struct cywsim_bc_case cywsim_bc_cases[] = {
	{ "cywd-0x000204b3", 0x000204b3, CYWSIM_KT_32BIG, false },
	{ "whd-0x000204a3", 0x000204a3, CYWSIM_KT_32BIG, false },
	{ "emb-0x000304b1", 0x000304b1, CYWSIM_KT_32LE, true },
};

static void cywsim_bc_desc(const struct cywsim_bc_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(cywsim_bc, cywsim_bc_cases, cywsim_bc_desc);

static void cywsim_test_bus_control(struct kunit *test)
{
	const struct cywsim_bc_case *c = test->param_value;
	struct cywsim_kt *t = test->priv;

	cywsim_kt_power_on(t);
	KUNIT_ASSERT_EQ(test, cywsim_kt_sync16(t), 0);
	KUNIT_EXPECT_EQ(test, cywsim_kt_read8(t, CYWSIM_F0,
					      CYWSIM_F0_BUS_CTRL), 0x30);
	cywsim_kt_write32(t, CYWSIM_F0, CYWSIM_F0_BUS_CTRL, c->value);
	/* the 16-bit order no longer works ... */
	KUNIT_EXPECT_NE(test, cywsim_kt_read32(t, CYWSIM_F0, CYWSIM_F0_TEST_RO),
			CYWSIM_TEST_PATTERN);
	/* ... the order selected by the endian bit does */
	t->mode = c->mode;
	t->status_words = c->status;
	KUNIT_EXPECT_EQ(test, cywsim_kt_read32(t, CYWSIM_F0, CYWSIM_F0_TEST_RO),
			CYWSIM_TEST_PATTERN);
	KUNIT_EXPECT_EQ(test, cywsim_kt_read8(t, CYWSIM_F0, CYWSIM_F0_BUS_CTRL),
			c->value & 0xff);
}

/* §3.3 status word bits, §3.2 W1C, Appendix A item 6 data-unavailable */
static void cywsim_test_status_word(struct kunit *test)
{
	struct cywsim_kt *t = test->priv;
	u8 clr[2] = { CYWSIM_INT_DATA_UNAVAIL, 0 }, buf[64];

	KUNIT_ASSERT_EQ(test, cywsim_kt_bringup(t, true), 0);
	cywsim_kt_read32(t, CYWSIM_F0, CYWSIM_F0_TEST_RO);
	KUNIT_EXPECT_FALSE(test, t->last_status & CYWSIM_ST_F2_RX_READY);
	KUNIT_EXPECT_FALSE(test, t->last_status & CYWSIM_ST_DATA_NOT_AVAIL);
	cywsim_kt_read(t, CYWSIM_F2, 0, buf, sizeof(buf));
	KUNIT_EXPECT_TRUE(test, t->last_status & CYWSIM_ST_DATA_NOT_AVAIL);
	KUNIT_EXPECT_TRUE(test, cywsim_int_pending(t->chip) &
			  CYWSIM_INT_DATA_UNAVAIL);
	cywsim_kt_write(t, CYWSIM_F0, CYWSIM_F0_INT, clr, 2);
	KUNIT_EXPECT_FALSE(test, t->last_status & CYWSIM_ST_DATA_NOT_AVAIL);
}

/* §2.3 response delay, §10 #23: padding must match 0x0001 / 0x001D */
static void cywsim_test_f1_delay(struct kunit *test)
{
	struct cywsim_kt *t = test->priv;

	KUNIT_ASSERT_EQ(test, cywsim_kt_bringup(t, false), 0);
	cywsim_kt_write8(t, CYWSIM_F1, CYWSIM_F1_SBADDR_HIGH, 0x18);
	KUNIT_EXPECT_EQ(test, cywsim_kt_read8(t, CYWSIM_F1,
					      CYWSIM_F1_SBADDR_HIGH), 0x18);
	cywsim_kt_write8(t, CYWSIM_F0, CYWSIM_F0_FDELAY(CYWSIM_F1), 16);
	/* a host still padding 4 bytes reads filler instead of data */
	KUNIT_EXPECT_EQ(test, cywsim_kt_read8(t, CYWSIM_F1,
					      CYWSIM_F1_SBADDR_HIGH), 0);
	t->f1_pad = 16;
	KUNIT_EXPECT_EQ(test, cywsim_kt_read8(t, CYWSIM_F1,
					      CYWSIM_F1_SBADDR_HIGH), 0x18);
	/* F0 reads have no filler */
	KUNIT_EXPECT_EQ(test, cywsim_kt_read32(t, CYWSIM_F0, CYWSIM_F0_TEST_RO),
			CYWSIM_TEST_PATTERN);
}

/* §2.4: oversize transfers are a bus error, not a silent truncation */
static void cywsim_test_max_sizes(struct kunit *test)
{
	struct cywsim_kt *t = test->priv;
	u8 buf[68];

	KUNIT_ASSERT_EQ(test, cywsim_kt_bringup(t, false), 0);
	cywsim_kt_read(t, CYWSIM_F1, CYWSIM_F1_REG_BASE, buf, 64);
	KUNIT_EXPECT_FALSE(test, cywsim_int_pending(t->chip) &
			   CYWSIM_INT_CMD_ERROR);
	cywsim_kt_read(t, CYWSIM_F1, CYWSIM_F1_REG_BASE, buf, 65);
	KUNIT_EXPECT_TRUE(test, cywsim_int_pending(t->chip) &
			  CYWSIM_INT_CMD_ERROR);
	KUNIT_EXPECT_TRUE(test, cywsim_kt_read32(t, CYWSIM_F0,
						 CYWSIM_F0_STATUS) &
			  CYWSIM_ST_CMD_DATA_ERR);
	buf[0] = CYWSIM_INT_CMD_ERROR;
	buf[1] = 0;
	cywsim_kt_write(t, CYWSIM_F0, CYWSIM_F0_INT, buf, 2);
	cywsim_kt_read(t, CYWSIM_F0, CYWSIM_F0_TEST_RO, buf, 8);
	KUNIT_EXPECT_TRUE(test, cywsim_int_pending(t->chip) &
			  CYWSIM_INT_CMD_ERROR);
}

/* §4.2: chip id through the window; an access past 0x7FFF wraps */
static void cywsim_test_window(struct kunit *test)
{
	static const u8 data[8] = { 1, 2, 3, 4, 5, 6, 7, 8 };
	u32 ram = CYWSIM_SOCSRAM_BASE + CYWSIM_WRAP_OFFSET;
	struct cywsim_kt *t = test->priv;

	KUNIT_ASSERT_EQ(test, cywsim_kt_bringup(t, false), 0);
	KUNIT_ASSERT_EQ(test, cywsim_kt_alp(t), 0);
	KUNIT_EXPECT_EQ(test, cywsim_kt_bp_read32(t, CYWSIM_CC_BASE) & 0xffff,
			CYWSIM_CHIP_ID);
	KUNIT_EXPECT_EQ(test, cywsim_kt_read8(t, CYWSIM_F1,
					      CYWSIM_F1_SBADDR_HIGH), 0x18);
	cywsim_kt_bp_write32(t, ram + CYWSIM_WR_IOCTRL, CYWSIM_IOCTRL_CLK_EN);
	cywsim_kt_bp_write32(t, ram + CYWSIM_WR_RESETCTRL, 0);
	cywsim_kt_bp_write32(t, 0x8000, 0xdeadbeef);
	cywsim_kt_bp_write32(t, 0, 0);
	/* window 0: 8 bytes at 0x7ffc, the last 4 land at offset 0 */
	cywsim_kt_write(t, CYWSIM_F1, 0x7ffc, data, 8);
	KUNIT_EXPECT_EQ(test, t->chip->ctr[CYWSIM_C_WIN_WRAP], 1);
	KUNIT_EXPECT_EQ(test, cywsim_kt_bp_read32(t, 0), 0x08070605);
	KUNIT_EXPECT_EQ(test, cywsim_kt_bp_read32(t, 0x8000), 0xdeadbeef);
}

/* §4.3: ALP after a request and a delay; HT only once firmware runs */
static void cywsim_test_clock_csr(struct kunit *test)
{
	struct cywsim_kt *t = test->priv;
	u8 csr;

	/* long enough that no scheduling delay makes ALP early */
	t->chip->k.alp_delay_us = 100000;
	KUNIT_ASSERT_EQ(test, cywsim_kt_bringup(t, false), 0);
	/* no backplane before ALP (model choice, knob strict_clock) */
	KUNIT_EXPECT_EQ(test, cywsim_kt_bp_read32(t, CYWSIM_CC_BASE),
			0xffffffff);
	cywsim_kt_write8(t, CYWSIM_F1, CYWSIM_F1_CLK_CSR, CYWSIM_CSR_ALP_REQ);
	csr = cywsim_kt_read8(t, CYWSIM_F1, CYWSIM_F1_CLK_CSR);
	KUNIT_EXPECT_EQ(test, csr, CYWSIM_CSR_ALP_REQ);
	fsleep(110000);
	csr = cywsim_kt_read8(t, CYWSIM_F1, CYWSIM_F1_CLK_CSR);
	KUNIT_EXPECT_TRUE(test, csr & CYWSIM_CSR_ALP_AVAIL);
	KUNIT_EXPECT_FALSE(test, csr & CYWSIM_CSR_HT_AVAIL);
	cywsim_kt_write8(t, CYWSIM_F1, CYWSIM_F1_CLK_CSR, CYWSIM_CSR_HT_REQ);
	fsleep(5000);
	KUNIT_EXPECT_FALSE(test, cywsim_kt_read8(t, CYWSIM_F1,
						 CYWSIM_F1_CLK_CSR) &
			   CYWSIM_CSR_HT_AVAIL);
	KUNIT_EXPECT_EQ(test, cywsim_kt_bp_read32(t, CYWSIM_CC_BASE) & 0xffff,
			CYWSIM_CHIP_ID);
}

/* §4.6: both wrappers in reset at power-on; RAM needs SOCSRAM out of it */
static void cywsim_test_wrappers(struct kunit *test)
{
	u32 arm = CYWSIM_ARM_BASE + CYWSIM_WRAP_OFFSET;
	u32 ram = CYWSIM_SOCSRAM_BASE + CYWSIM_WRAP_OFFSET;
	struct cywsim_kt *t = test->priv;

	KUNIT_ASSERT_EQ(test, cywsim_kt_bringup(t, false), 0);
	KUNIT_ASSERT_EQ(test, cywsim_kt_alp(t), 0);
	KUNIT_EXPECT_EQ(test, cywsim_kt_bp_read32(t, arm + CYWSIM_WR_RESETCTRL),
			1);
	KUNIT_EXPECT_EQ(test, cywsim_kt_bp_read32(t, ram + CYWSIM_WR_RESETCTRL),
			1);
	cywsim_kt_bp_write32(t, 0x100, 0x11223344);
	KUNIT_EXPECT_EQ(test, cywsim_kt_bp_read32(t, 0x100), 0xffffffff);
	cywsim_kt_bp_write32(t, ram + CYWSIM_WR_IOCTRL,
			     CYWSIM_IOCTRL_FGC | CYWSIM_IOCTRL_CLK_EN);
	cywsim_kt_bp_write32(t, ram + CYWSIM_WR_RESETCTRL, 0);
	cywsim_kt_bp_write32(t, ram + CYWSIM_WR_IOCTRL, CYWSIM_IOCTRL_CLK_EN);
	cywsim_kt_bp_write32(t, 0x100, 0x11223344);
	KUNIT_EXPECT_EQ(test, cywsim_kt_bp_read32(t, 0x100), 0x11223344);
}

/* §10 #2: above 50 MHz the test pattern reads back one bit shifted */
static void cywsim_test_overclock_shift(struct kunit *test)
{
	static const u8 cmd[4] = { 0xa0, 0x04, 0x40, 0x00 };
	struct cywsim_kt *t = test->priv;
	u8 tx[8] = {}, rx[8];

	cywsim_kt_power_on(t);
	KUNIT_ASSERT_EQ(test, cywsim_kt_sync16(t), 0);
	memcpy(tx, cmd, 4);
	cywsim_xfer(t->chip, tx, 4, rx, 8, 62500000);
	/* 0xFEEDBEAD seen as 0xFF765F56 after the host's 16-bit unswap */
	KUNIT_EXPECT_EQ(test, (u32)(rx[5] | rx[4] << 8 | rx[7] << 16 |
				    rx[6] << 24), 0xff765f56);
}

/*
 * cywsim_xfer() with the data phase clocked in runs, as the SPI controller
 * does for 8-bit words (cywsim_clock_data()).
 */
static void cywsim_kt_xfer_runs(struct cywsim_chip *chip, const u8 *tx,
				size_t tx_len, u8 *rx, size_t len)
{
	size_t i = 0;
	u32 n;

	mutex_lock(&chip->lock);
	cywsim_cs_fall(chip, CYWSIM_KT_HZ, false);
	while (i < len) {
		bool drive = i < tx_len;

		n = cywsim_clock_data(chip, drive ? tx + i : NULL, rx + i,
				      (drive ? tx_len : len) - i, drive);
		if (!n) {
			rx[i] = cywsim_clock(chip, drive ? tx[i] : -1);
			n = 1;
		}
		i += n;
	}
	cywsim_cs_rise(chip);
	mutex_unlock(&chip->lock);
}

/* Clocking a data phase in one run must be byte-for-byte the same bus */
static void cywsim_test_runs_match_bytes(struct kunit *test)
{
	struct cywsim_kt *t = test->priv;
	u32 ram = CYWSIM_SOCSRAM_BASE + CYWSIM_WRAP_OFFSET, i, pay;
	u32 rlen = 4 + 4 + 64 + 4;
	u8 data[64], mem[68], *tx, *rx1, *rx2;

	for (i = 0; i < sizeof(data); i++)
		data[i] = i * 7 + 1;
	tx = kunit_kzalloc(test, 3 * rlen, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, tx);
	rx1 = tx + rlen;
	rx2 = rx1 + rlen;
	KUNIT_ASSERT_EQ(test, cywsim_kt_bringup(t, true), 0);
	KUNIT_ASSERT_EQ(test, cywsim_kt_alp(t), 0);
	cywsim_kt_bp_write32(t, ram + CYWSIM_WR_IOCTRL, CYWSIM_IOCTRL_CLK_EN);
	cywsim_kt_bp_write32(t, ram + CYWSIM_WR_RESETCTRL, 0);
	cywsim_kt_bp_write32(t, 0, 0);

	/* a write clocked in runs lands in RAM as the byte path reads it */
	cywsim_put_le32(mem, cywsim_kt_cmd(true, true, CYWSIM_F1, 0x100, 64));
	memcpy(mem + 4, data, 64);
	cywsim_kt_to_wire(t->mode, tx, mem, 68);
	cywsim_kt_xfer_runs(t->chip, tx, 68, rx1, 72);
	cywsim_kt_read(t, CYWSIM_F1, 0x100, mem, 64);
	KUNIT_EXPECT_MEMEQ(test, mem, data, 64);

	/* a read gives the same wire bytes, status word and byte counts */
	cywsim_put_le32(mem, cywsim_kt_cmd(false, true, CYWSIM_F1, 0x100, 64));
	cywsim_kt_to_wire(t->mode, tx, mem, 4);
	pay = t->chip->bytes[CYWSIM_F1][CYWSIM_K_PAYLOAD];
	cywsim_xfer(t->chip, tx, 4, rx1, rlen, CYWSIM_KT_HZ);
	KUNIT_EXPECT_EQ(test, t->chip->bytes[CYWSIM_F1][CYWSIM_K_PAYLOAD],
			pay + 64);
	cywsim_kt_xfer_runs(t->chip, tx, 4, rx2, rlen);
	KUNIT_EXPECT_EQ(test, t->chip->bytes[CYWSIM_F1][CYWSIM_K_PAYLOAD],
			pay + 128);
	KUNIT_EXPECT_MEMEQ(test, rx1, rx2, rlen);
}

static struct kunit_case cywsim_bus_cases[] = {
	KUNIT_CASE(cywsim_test_16bit_test_register),
	KUNIT_CASE(cywsim_test_f0_read_cmd_word),
	KUNIT_CASE(cywsim_test_rw_register),
	KUNIT_CASE_PARAM(cywsim_test_bus_control, cywsim_bc_gen_params),
	KUNIT_CASE(cywsim_test_status_word),
	KUNIT_CASE(cywsim_test_f1_delay),
	KUNIT_CASE(cywsim_test_max_sizes),
	KUNIT_CASE(cywsim_test_window),
	KUNIT_CASE(cywsim_test_clock_csr),
	KUNIT_CASE(cywsim_test_wrappers),
	KUNIT_CASE(cywsim_test_overclock_shift),
	KUNIT_CASE(cywsim_test_runs_match_bytes),
	{}
};

struct kunit_suite cywsim_bus_suite = {
	.name = "cyw43439_sim_bus",
	.init = cywsim_kt_init,
	.exit = cywsim_kt_exit,
	.test_cases = cywsim_bus_cases,
};
