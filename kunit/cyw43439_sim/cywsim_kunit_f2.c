// SPDX-License-Identifier: GPL-2.0
/* cyw43439_sim KUnit: F2 FIFO edges, host-wake line, sleep/KSO (§2-§6). */

#include <linux/bitfield.h>
#include <linux/delay.h>
#include <linux/skbuff.h>

#include "cywsim_kunit.h"

static const u8 cywsim_kt_get_pm[CYWSIM_BCDC_HDR + 4] = {
	CYWSIM_WLC_GET_PM, 0, 0, 0, 4, 0, 0, 0,
};

/*
 * Queue one control request and wait until its answer is announced. Pure
 * 12-byte credit frames (§6.4) that come first are read and skipped.
 */
static u32 cywsim_kt_queue_answer(struct kunit *test, struct cywsim_kt *t)
{
	u8 credit[CYWSIM_SDPCM_HDR];
	u32 st = 0;
	int i;

	cywsim_kt_send(t, CYWSIM_CHAN_CTRL, cywsim_kt_get_pm,
		       sizeof(cywsim_kt_get_pm), CYWSIM_SDPCM_HDR);
	for (i = 0; i < 100; i++) {
		st = cywsim_kt_read32(t, CYWSIM_F0, CYWSIM_F0_STATUS);
		if ((st & CYWSIM_ST_F2_PKT_AVAIL) &&
		    FIELD_GET(CYWSIM_ST_F2_PKT_LEN, st) == CYWSIM_SDPCM_HDR) {
			cywsim_kt_read(t, CYWSIM_F2, 0, credit, sizeof(credit));
			continue;
		}
		if (st & CYWSIM_ST_F2_PKT_AVAIL)
			break;
		fsleep(500);
	}
	KUNIT_EXPECT_TRUE(test, st & CYWSIM_ST_F2_PKT_AVAIL);
	return FIELD_GET(CYWSIM_ST_F2_PKT_LEN, st);
}

/* §6.5 step 3, Appendix A item 6: a partial read then RF_TERM drops it */
static void cywsim_test_rf_term(struct kunit *test)
{
	struct cywsim_kt *t = test->priv;
	u8 hdr[CYWSIM_SDPCM_HDR];
	u32 len;

	KUNIT_ASSERT_EQ(test, cywsim_kt_boot(t), 0);
	len = cywsim_kt_queue_answer(test, t);
	KUNIT_EXPECT_EQ(test, len, CYWSIM_SDPCM_HDR + sizeof(cywsim_kt_get_pm));
	cywsim_kt_read(t, CYWSIM_F2, 0, hdr, sizeof(hdr));
	KUNIT_EXPECT_EQ(test, cywsim_le16(hdr), len);
	/* the rest of the frame is still announced */
	KUNIT_EXPECT_EQ(test, (u32)FIELD_GET(CYWSIM_ST_F2_PKT_LEN,
					     cywsim_kt_read32(t, CYWSIM_F0,
							      CYWSIM_F0_STATUS)),
			len - CYWSIM_SDPCM_HDR);
	cywsim_kt_write8(t, CYWSIM_F1, CYWSIM_F1_FRAMECTRL, CYWSIM_FC_RF_TERM);
	KUNIT_EXPECT_FALSE(test, cywsim_kt_read32(t, CYWSIM_F0,
						  CYWSIM_F0_STATUS) &
			   CYWSIM_ST_F2_PKT_AVAIL);
	KUNIT_EXPECT_EQ(test, t->chip->ctr[CYWSIM_C_RF_TERM], 1);
}

/* Appendix A item 6: reading past the frame is an underflow */
static void cywsim_test_f2_underflow(struct kunit *test)
{
	struct cywsim_kt *t = test->priv;
	u8 buf[128];
	u32 len;

	KUNIT_ASSERT_EQ(test, cywsim_kt_boot(t), 0);
	len = cywsim_kt_queue_answer(test, t);
	KUNIT_ASSERT_LT(test, len, sizeof(buf));
	cywsim_kt_read(t, CYWSIM_F2, 0, buf, sizeof(buf));
	KUNIT_EXPECT_TRUE(test, cywsim_int_pending(t->chip) &
			  CYWSIM_INT_F2F3_RD_UNDERFLOW);
	KUNIT_EXPECT_TRUE(test, cywsim_kt_read32(t, CYWSIM_F0,
						 CYWSIM_F0_STATUS) &
			  CYWSIM_ST_UNDERFLOW);
}

/* Appendix A item 3: IRQ = INTERRUPT & ENABLE, polarity, CS gating */
static void cywsim_test_host_wake(struct kunit *test)
{
	struct cywsim_kt *t = test->priv;
	struct cywsim_chip *chip = t->chip;
	struct sk_buff *skb;
	u8 f[64];
	u64 n;

	KUNIT_ASSERT_EQ(test, cywsim_kt_boot(t), 0);
	KUNIT_EXPECT_FALSE(test, chip->irq_active);
	n = chip->ctr[CYWSIM_C_IRQ_PULSES];
	cywsim_kt_queue_answer(test, t);
	KUNIT_EXPECT_TRUE(test, chip->irq_active);
	KUNIT_EXPECT_GT(test, chip->ctr[CYWSIM_C_IRQ_PULSES], n);
	KUNIT_EXPECT_GT(test, cywsim_kt_recv(t, f, sizeof(f), 10), 0);
	KUNIT_EXPECT_FALSE(test, chip->irq_active);

	/* 3-wire: the line is data while CS is low; the IRQ waits for CS */
	skb = alloc_skb(16, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, skb);
	skb_put_zero(skb, 16);
	mutex_lock(&chip->lock);
	cywsim_cs_fall(chip, CYWSIM_KT_HZ, false);
	n = chip->ctr[CYWSIM_C_IRQ_PULSES];
	cywsim_to_host(chip, CYWSIM_CHAN_CTRL, skb);
	KUNIT_EXPECT_EQ(test, chip->ctr[CYWSIM_C_IRQ_PULSES], n);
	cywsim_cs_rise(chip);
	KUNIT_EXPECT_EQ(test, chip->ctr[CYWSIM_C_IRQ_PULSES], n + 1);
	mutex_unlock(&chip->lock);
	cywsim_kt_recv(t, f, sizeof(f), 10);

	/* polarity programmed active-low on an active-high board: the idle
	 * line reads as asserted
	 */
	KUNIT_EXPECT_FALSE(test, chip->irq_active);
	cywsim_kt_write8(t, CYWSIM_F0, CYWSIM_F0_BUS_CTRL,
			 0xb3 & ~CYWSIM_BC_INT_POL_HIGH);
	KUNIT_EXPECT_TRUE(test, chip->irq_active);
}

/* §4.4, §10 #22: KSO sleep, the first wake write is lost, DEVON later */
static void cywsim_test_kso(struct kunit *test)
{
	struct cywsim_kt *t = test->priv;

	/* long enough that no scheduling delay makes the wake early */
	t->chip->k.kso_wake_us = 100000;
	KUNIT_ASSERT_EQ(test, cywsim_kt_boot(t), 0);
	cywsim_kt_write8(t, CYWSIM_F1, CYWSIM_F1_SLEEP_CSR, 0);
	KUNIT_EXPECT_EQ(test, cywsim_kt_read32(t, CYWSIM_F0, CYWSIM_F0_STATUS),
			CYWSIM_ST_ASLEEP);
	KUNIT_EXPECT_EQ(test, cywsim_kt_read8(t, CYWSIM_F1, CYWSIM_F1_CLK_CSR),
			0xff);
	cywsim_kt_write8(t, CYWSIM_F1, CYWSIM_F1_SLEEP_CSR, CYWSIM_SLEEP_KSO);
	KUNIT_EXPECT_EQ(test, cywsim_kt_read8(t, CYWSIM_F1,
					      CYWSIM_F1_SLEEP_CSR), 0);
	cywsim_kt_write8(t, CYWSIM_F1, CYWSIM_F1_SLEEP_CSR, CYWSIM_SLEEP_KSO);
	KUNIT_EXPECT_EQ(test, cywsim_kt_read8(t, CYWSIM_F1,
					      CYWSIM_F1_SLEEP_CSR),
			CYWSIM_SLEEP_KSO);
	fsleep(110000);
	KUNIT_EXPECT_EQ(test, cywsim_kt_read8(t, CYWSIM_F1,
					      CYWSIM_F1_SLEEP_CSR),
			CYWSIM_SLEEP_KSO | CYWSIM_SLEEP_DEVON);
	KUNIT_EXPECT_TRUE(test, cywsim_kt_read32(t, CYWSIM_F0,
						 CYWSIM_F0_STATUS) &
			  CYWSIM_ST_F2_RX_READY);
	KUNIT_EXPECT_EQ(test, t->chip->ctr[CYWSIM_C_KSO_LOST], 1);
}

/* §1.2: a REG_ON low pulse shorter than the minimum does not reset */
static void cywsim_test_regon_glitch(struct kunit *test)
{
	struct cywsim_kt *t = test->priv;

	t->chip->k.regon_min_low_ms = 300;
	KUNIT_ASSERT_EQ(test, cywsim_kt_bringup(t, false), 0);
	cywsim_set_reg_on(t->chip, false);
	cywsim_set_reg_on(t->chip, true);
	fsleep(3000);
	/* still in 32-bit mode: no power-on reset happened */
	KUNIT_EXPECT_EQ(test, cywsim_kt_read32(t, CYWSIM_F0, CYWSIM_F0_TEST_RO),
			CYWSIM_TEST_PATTERN);
	KUNIT_EXPECT_EQ(test, t->chip->ctr[CYWSIM_C_REGON_GLITCH], 1);
	cywsim_set_reg_on(t->chip, false);
	fsleep(310000);
	cywsim_kt_power_on(t);
	KUNIT_EXPECT_EQ(test, cywsim_kt_sync16(t), 0);
}

/*
 * §6.4, §6.5: a credit frame, once announced in STATUS, is what the next
 * F2 read returns, even if a response is queued between the two reads.
 */
static void cywsim_test_credit_announced(struct kunit *test)
{
	struct cywsim_kt *t = test->priv;
	u8 data[CYWSIM_BDC_HDR + ETH_ZLEN] = { 0x20 }, f[64];
	struct sk_buff *skb;
	u32 i, st;

	t->chip->k.credit_window = 2;
	KUNIT_ASSERT_EQ(test, cywsim_kt_boot(t), 0);
	KUNIT_ASSERT_EQ(test, cywsim_kt_set_u32(t, CYWSIM_WLC_SET_PM, 0), 0);
	t->chip->f.fw_hang = true;	/* use up all credit */
	for (i = 0; i < 2; i++)
		cywsim_kt_send(t, CYWSIM_CHAN_DATA, data, sizeof(data), 14);
	t->chip->f.fw_hang = false;
	mod_delayed_work(t->chip->wq, &t->chip->fw_work, 0);
	flush_delayed_work(&t->chip->fw_work);

	st = cywsim_kt_read32(t, CYWSIM_F0, CYWSIM_F0_STATUS);
	KUNIT_ASSERT_TRUE(test, st & CYWSIM_ST_F2_PKT_AVAIL);
	KUNIT_ASSERT_EQ(test, (u32)FIELD_GET(CYWSIM_ST_F2_PKT_LEN, st),
			(u32)CYWSIM_SDPCM_HDR);
	/* the firmware queues a 20-byte frame before the host reads */
	skb = alloc_skb(20, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, skb);
	skb_put_data(skb, data, 20);
	mutex_lock(&t->chip->lock);
	KUNIT_EXPECT_EQ(test, cywsim_to_host(t->chip, CYWSIM_CHAN_CTRL, skb), 0);
	mutex_unlock(&t->chip->lock);

	cywsim_kt_read(t, CYWSIM_F2, 0, f, CYWSIM_SDPCM_HDR);
	KUNIT_EXPECT_EQ(test, cywsim_le16(f), CYWSIM_SDPCM_HDR);
	KUNIT_EXPECT_EQ(test, cywsim_le16(f + 2), (u16)~CYWSIM_SDPCM_HDR);
	/* and the queued frame is announced whole after it */
	st = cywsim_kt_read32(t, CYWSIM_F0, CYWSIM_F0_STATUS);
	KUNIT_EXPECT_EQ(test, (u32)FIELD_GET(CYWSIM_ST_F2_PKT_LEN, st),
			(u32)CYWSIM_SDPCM_HDR + 20);
}

static struct kunit_case cywsim_f2_cases[] = {
	KUNIT_CASE(cywsim_test_rf_term),
	KUNIT_CASE(cywsim_test_credit_announced),
	KUNIT_CASE(cywsim_test_f2_underflow),
	KUNIT_CASE(cywsim_test_host_wake),
	KUNIT_CASE(cywsim_test_kso),
	KUNIT_CASE(cywsim_test_regon_glitch),
	{}
};

struct kunit_suite cywsim_f2_suite = {
	.name = "cyw43439_sim_f2",
	.init = cywsim_kt_init,
	.exit = cywsim_kt_exit,
	.test_cases = cywsim_f2_cases,
};
