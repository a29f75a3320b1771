// SPDX-License-Identifier: GPL-2.0
/* cyw43439_sim KUnit: test host (bus access, boot, SDPCM/BCDC) per the ref. */

#include <linux/bitfield.h>
#include <linux/crc32.h>
#include <linux/delay.h>
#include <linux/jiffies.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "cywsim_kunit.h"

static const u8 cywsim_kt_perm[][4] = {
	[CYWSIM_KT_16LE] = { 1, 0, 3, 2 },
	[CYWSIM_KT_32BIG] = { 0, 1, 2, 3 },
	[CYWSIM_KT_32LE] = { 3, 2, 1, 0 },
};

static void cywsim_kt_air_rx(void *priv, struct sk_buff *skb)
{
	struct cywsim_kt *t = priv;

	skb_queue_tail(&t->air, skb);
}

static const struct cywsim_hooks cywsim_kt_hooks = {
	.air_rx = cywsim_kt_air_rx,
};

/**
 * cywsim_kt_init() - suite init: a chip with short delays and a test host
 * @test: the test
 *
 * Return: 0 or a negative errno.
 */
int cywsim_kt_init(struct kunit *test)
{
	struct cywsim_cfg cfg = {
		.id = 100,
		.three_wire = true,
		.irq_active_high = true,
	};
	struct cywsim_knobs *k;
	struct cywsim_kt *t;

	t = kunit_kzalloc(test, sizeof(*t), GFP_KERNEL);
	if (!t)
		return -ENOMEM;
	t->test = test;
	skb_queue_head_init(&t->air);
	t->chip = cywsim_chip_create(&cfg, &cywsim_kt_hooks, t);
	if (IS_ERR(t->chip))
		return PTR_ERR(t->chip);
	k = &t->chip->k;
	k->poweron_ms = 1;
	k->regon_min_low_ms = 1;
	k->alp_delay_us = 300;
	k->ht_delay_ms = 2;
	k->f2_ready_delay_ms = 4;
	k->fw_latency_us = 0;
	k->scan_dwell_ms = 1;
	k->join_step_ms = 1;
	k->psk_timeout_cap_ms = 20;
	k->country_busy_ms = 0;
	t->f1_pad = 4;
	test->priv = t;
	return 0;
}

/**
 * cywsim_kt_exit() - suite exit: free the chip
 * @test: the test
 */
void cywsim_kt_exit(struct kunit *test)
{
	struct cywsim_kt *t = test->priv;

	if (!t)
		return;
	cywsim_chip_destroy(t->chip);
	skb_queue_purge(&t->air);
}

/**
 * cywsim_kt_cmd() - a gSPI command word (§2.1)
 * @write: write
 * @incr: incrementing address
 * @fn: function
 * @addr: address
 * @len: byte count (2048 encodes as 0)
 *
 * Return: the command word.
 */
u32 cywsim_kt_cmd(bool write, bool incr, u8 fn, u32 addr, u32 len)
{
	return (write ? CYWSIM_CMD_WRITE : 0) | (incr ? CYWSIM_CMD_INCR : 0) |
	       FIELD_PREP(CYWSIM_CMD_FUNC, fn) |
	       FIELD_PREP(CYWSIM_CMD_ADDR, addr) |
	       FIELD_PREP(CYWSIM_CMD_LEN, len & 0x7ff);
}

/**
 * cywsim_kt_to_wire() - memory bytes to wire bytes in @mode (§2.2)
 * @mode: word order
 * @wire: out
 * @mem: in, @n bytes, @n a multiple of 4
 * @n: bytes
 */
void cywsim_kt_to_wire(enum cywsim_kt_mode mode, u8 *wire, const u8 *mem,
		       u32 n)
{
	u32 i;

	for (i = 0; i < n; i++)
		wire[i] = mem[(i & ~3) + cywsim_kt_perm[mode][i & 3]];
}

static void cywsim_kt_from_wire(enum cywsim_kt_mode mode, u8 *mem,
				const u8 *wire, u32 n)
{
	u32 i;

	for (i = 0; i < n; i++)
		mem[(i & ~3) + cywsim_kt_perm[mode][i & 3]] = wire[i];
}

/**
 * cywsim_kt_read() - one read transaction, 3-wire style
 * @t: test host
 * @fn: function
 * @addr: address
 * @buf: out
 * @len: bytes
 */
void cywsim_kt_read(struct cywsim_kt *t, u8 fn, u32 addr, void *buf, u32 len)
{
	u32 dlen = round_up(len, 4), pad = fn == CYWSIM_F1 ? t->f1_pad : 0;
	u32 total = 4 + pad + dlen + (t->status_words ? 4 : 0);
	u8 cmd[4], *tx, *rx, *mem;

	tx = kzalloc(3 * total, GFP_KERNEL);
	if (!tx)
		return;
	rx = tx + total;
	mem = rx + total;
	cywsim_put_le32(cmd, cywsim_kt_cmd(false, true, fn, addr, len));
	cywsim_kt_to_wire(t->mode, tx, cmd, 4);
	cywsim_xfer(t->chip, tx, 4, rx, total, CYWSIM_KT_HZ);
	cywsim_kt_from_wire(t->mode, mem, rx + 4 + pad, dlen);
	memcpy(buf, mem, len);
	if (t->status_words) {
		cywsim_kt_from_wire(t->mode, mem, rx + 4 + pad + dlen, 4);
		t->last_status = cywsim_le32(mem);
	}
	kfree(tx);
}

/**
 * cywsim_kt_write() - one write transaction
 * @t: test host
 * @fn: function
 * @addr: address
 * @buf: data
 * @len: bytes
 */
void cywsim_kt_write(struct cywsim_kt *t, u8 fn, u32 addr, const void *buf,
		     u32 len)
{
	u32 dlen = round_up(len, 4);
	u32 total = 4 + dlen + (t->status_words ? 4 : 0);
	u8 *tx, *rx, *mem;

	tx = kzalloc(3 * total, GFP_KERNEL);
	if (!tx)
		return;
	rx = tx + total;
	mem = rx + total;
	cywsim_put_le32(mem, cywsim_kt_cmd(true, true, fn, addr, len));
	cywsim_kt_to_wire(t->mode, tx, mem, 4);
	memset(mem, 0, dlen);
	memcpy(mem, buf, len);
	cywsim_kt_to_wire(t->mode, tx + 4, mem, dlen);
	cywsim_xfer(t->chip, tx, 4 + dlen, rx, total, CYWSIM_KT_HZ);
	if (t->status_words) {
		cywsim_kt_from_wire(t->mode, mem, rx + 4 + dlen, 4);
		t->last_status = cywsim_le32(mem);
	}
	kfree(tx);
}

/**
 * cywsim_kt_read32() - 32-bit register read
 * @t: test host
 * @fn: function
 * @addr: address
 *
 * Return: the value.
 */
u32 cywsim_kt_read32(struct cywsim_kt *t, u8 fn, u32 addr)
{
	u8 v[4];

	cywsim_kt_read(t, fn, addr, v, 4);
	return cywsim_le32(v);
}

/**
 * cywsim_kt_write32() - 32-bit register write
 * @t: test host
 * @fn: function
 * @addr: address
 * @val: value
 */
void cywsim_kt_write32(struct cywsim_kt *t, u8 fn, u32 addr, u32 val)
{
	u8 v[4];

	cywsim_put_le32(v, val);
	cywsim_kt_write(t, fn, addr, v, 4);
}

/**
 * cywsim_kt_read8() - 8-bit register read
 * @t: test host
 * @fn: function
 * @addr: address
 *
 * Return: the value.
 */
u8 cywsim_kt_read8(struct cywsim_kt *t, u8 fn, u32 addr)
{
	u8 v;

	cywsim_kt_read(t, fn, addr, &v, 1);
	return v;
}

/**
 * cywsim_kt_write8() - 8-bit register write
 * @t: test host
 * @fn: function
 * @addr: address
 * @val: value
 */
void cywsim_kt_write8(struct cywsim_kt *t, u8 fn, u32 addr, u8 val)
{
	cywsim_kt_write(t, fn, addr, &val, 1);
}

/**
 * cywsim_kt_power_on() - drive REG_ON high and wait for the chip (§1.2)
 * @t: test host
 */
void cywsim_kt_power_on(struct cywsim_kt *t)
{
	cywsim_set_reg_on(t->chip, true);
	fsleep((t->chip->k.poweron_ms + 2) * USEC_PER_MSEC);
	t->mode = CYWSIM_KT_16LE;
	t->status_words = false;
}

/**
 * cywsim_kt_sync16() - poll the test register in 16-bit mode (§2.5 step 1)
 * @t: test host
 *
 * Return: 0 once 0xFEEDBEAD reads back, else -ETIMEDOUT.
 */
int cywsim_kt_sync16(struct cywsim_kt *t)
{
	int i;

	for (i = 0; i < 10; i++) {
		if (cywsim_kt_read32(t, CYWSIM_F0, CYWSIM_F0_TEST_RO) ==
		    CYWSIM_TEST_PATTERN)
			return 0;
		fsleep(1000);
	}
	return -ETIMEDOUT;
}

/**
 * cywsim_kt_bringup() - §2.5 steps 1-7 with the CYWD-style bus control
 * @t: test host
 * @status_words: also set STATUS_ENABLE
 *
 * Return: 0 or a negative errno.
 */
int cywsim_kt_bringup(struct cywsim_kt *t, bool status_words)
{
	u32 bc = 0x000204b3 | (status_words ? 0x00010000 : 0);
	u8 clr[2] = { 0x99, 0x00 }, en[2] = { 0xbe, 0x00 };

	cywsim_kt_power_on(t);
	if (cywsim_kt_sync16(t))
		return -ETIMEDOUT;
	cywsim_kt_write32(t, CYWSIM_F0, CYWSIM_F0_BUS_CTRL, bc);
	t->mode = CYWSIM_KT_32BIG;
	t->status_words = status_words;
	if (cywsim_kt_read32(t, CYWSIM_F0, CYWSIM_F0_TEST_RO) !=
	    CYWSIM_TEST_PATTERN)
		return -EIO;
	cywsim_kt_write(t, CYWSIM_F0, CYWSIM_F0_INT, clr, 2);
	cywsim_kt_write(t, CYWSIM_F0, CYWSIM_F0_INT_EN, en, 2);
	return 0;
}

static void cywsim_kt_window(struct cywsim_kt *t, u32 addr)
{
	cywsim_kt_write8(t, CYWSIM_F1, CYWSIM_F1_SBADDR_LOW, (addr >> 8) & 0x80);
	cywsim_kt_write8(t, CYWSIM_F1, CYWSIM_F1_SBADDR_MID, addr >> 16);
	cywsim_kt_write8(t, CYWSIM_F1, CYWSIM_F1_SBADDR_HIGH, addr >> 24);
}

/**
 * cywsim_kt_bp_read32() - backplane register read through the window
 * @t: test host
 * @addr: backplane address
 *
 * Return: the value.
 */
u32 cywsim_kt_bp_read32(struct cywsim_kt *t, u32 addr)
{
	cywsim_kt_window(t, addr);
	return cywsim_kt_read32(t, CYWSIM_F1, (addr & CYWSIM_WIN_MASK) |
			       CYWSIM_SB_ACCESS_4B);
}

/**
 * cywsim_kt_bp_write32() - backplane register write through the window
 * @t: test host
 * @addr: backplane address
 * @val: value
 */
void cywsim_kt_bp_write32(struct cywsim_kt *t, u32 addr, u32 val)
{
	cywsim_kt_window(t, addr);
	cywsim_kt_write32(t, CYWSIM_F1, (addr & CYWSIM_WIN_MASK) |
			  CYWSIM_SB_ACCESS_4B, val);
}

/**
 * cywsim_kt_bp_write() - bulk backplane write, 64-byte chunks (§5.2 step 4)
 * @t: test host
 * @addr: backplane address
 * @buf: data
 * @len: bytes
 */
void cywsim_kt_bp_write(struct cywsim_kt *t, u32 addr, const u8 *buf,
			u32 len)
{
	u32 n, off = 0, win = U32_MAX;

	while (off < len) {
		n = min3(len - off, (u32)CYWSIM_F1_MAX,
			 CYWSIM_WIN_SIZE - ((addr + off) & CYWSIM_WIN_MASK));
		if (((addr + off) & ~CYWSIM_WIN_MASK) != win) {
			win = (addr + off) & ~CYWSIM_WIN_MASK;
			cywsim_kt_window(t, win);
		}
		cywsim_kt_write(t, CYWSIM_F1, (addr + off) & CYWSIM_WIN_MASK,
				buf + off, n);
		off += n;
	}
}

/**
 * cywsim_kt_alp() - request ALP and wait for it (§4.3)
 * @t: test host
 *
 * Return: 0 or -ETIMEDOUT.
 */
int cywsim_kt_alp(struct cywsim_kt *t)
{
	int i;

	cywsim_kt_write8(t, CYWSIM_F1, CYWSIM_F1_CLK_CSR, CYWSIM_CSR_ALP_REQ);
	for (i = 0; i < 20; i++) {
		if (cywsim_kt_read8(t, CYWSIM_F1, CYWSIM_F1_CLK_CSR) &
		    CYWSIM_CSR_ALP_AVAIL) {
			cywsim_kt_write8(t, CYWSIM_F1, CYWSIM_F1_CLK_CSR, 0);
			return 0;
		}
		fsleep(1000);
	}
	return -ETIMEDOUT;
}

static u32 cywsim_kt_crc(const u8 *p, u32 n)
{
	return crc32_le(~0, p, n) ^ ~0;
}

/**
 * cywsim_kt_fw_image() - synthetic firmware, format of the documentation
 * @t: test host
 * @len: out: image length (deliberately not a multiple of 4)
 *
 * Return: the image (test-managed memory).
 */
u8 *cywsim_kt_fw_image(struct cywsim_kt *t, u32 *len)
{
	const char *ver = t->fw_ver ?: "Version: 7.95.49 (cywsim kunit)";
	u32 body = 4097, tlen = strlen(ver) + 1, n = body + tlen + 2 + 16, i;
	u32 s = 0x43439;
	u8 *p;

	p = kunit_kzalloc(t->test, n, GFP_KERNEL);
	if (!p)
		return NULL;
	for (i = 8; i < body; i++) {
		s ^= s << 13;
		s ^= s >> 17;
		s ^= s << 5;
		p[i] = s;
	}
	cywsim_put_le32(p, 0x0006f000);		/* initial SP */
	cywsim_put_le32(p + 4, 0x00000101);	/* reset vector, Thumb */
	memcpy(p + body, ver, tlen);
	cywsim_put_le16(p + body + tlen, tlen);
	memcpy(p + n - 16, "DVID", 4);
	cywsim_put_le32(p + n - 8, n);
	memcpy(p + n - 4, "SIM1", 4);
	cywsim_put_le32(p + n - 12, cywsim_kt_crc(p, n - 16));
	*len = n;
	return p;
}

/**
 * cywsim_kt_nvram() - convert NVRAM text as a driver must (§5.1)
 * @t: test host
 * @text: "key=value" lines, '#' comments, empty lines
 * @len: out: length, padded to 4
 *
 * Return: the binary NVRAM (test-managed memory).
 */
u8 *cywsim_kt_nvram(struct cywsim_kt *t, const char *text, u32 *len)
{
	u32 n = 0, size = strlen(text) + 8;
	const char *line = text, *end;
	u8 *out;

	out = kunit_kzalloc(t->test, size, GFP_KERNEL);
	if (!out)
		return NULL;
	while (*line) {
		end = strchrnul(line, '\n');
		if (end > line && *line != '#') {
			memcpy(out + n, line, end - line);
			n += end - line + 1;
		}
		line = *end ? end + 1 : end;
	}
	n++;				/* the terminating empty entry */
	*len = round_up(n, 4);
	return out;
}

/**
 * cywsim_kt_clm() - synthetic CLM blob (body + "CLMF" footer)
 * @t: test host
 * @len: out: length
 *
 * Return: the blob (test-managed memory).
 */
u8 *cywsim_kt_clm(struct cywsim_kt *t, u32 *len)
{
	u32 n = 2500, i;
	u8 *p;

	p = kunit_kzalloc(t->test, n, GFP_KERNEL);
	if (!p)
		return NULL;
	for (i = 0; i < n - CYWSIM_CLM_FOOTER; i++)
		p[i] = i * 7 + 3;
	memcpy(p + n - 12, "CLMF", 4);
	cywsim_put_le32(p + n - 8, n);
	cywsim_put_le32(p + n - 4, cywsim_kt_crc(p, n - 12));
	*len = n;
	return p;
}

static void cywsim_kt_core_disable(struct cywsim_kt *t, u32 wrap)
{
	cywsim_kt_bp_write32(t, wrap + CYWSIM_WR_IOCTRL, 0);
	cywsim_kt_bp_write32(t, wrap + CYWSIM_WR_RESETCTRL, 1);
}

/* §4.6 reset: FGC|CLK, out of reset, then CLK only */
static void cywsim_kt_core_reset(struct cywsim_kt *t, u32 wrap)
{
	cywsim_kt_core_disable(t, wrap);
	cywsim_kt_bp_write32(t, wrap + CYWSIM_WR_IOCTRL,
			     CYWSIM_IOCTRL_FGC | CYWSIM_IOCTRL_CLK_EN);
	cywsim_kt_bp_write32(t, wrap + CYWSIM_WR_RESETCTRL, 0);
	cywsim_kt_bp_write32(t, wrap + CYWSIM_WR_IOCTRL, CYWSIM_IOCTRL_CLK_EN);
}

/**
 * cywsim_kt_download() - §5.2 steps 2-7
 * @t: test host
 * @fw: image
 * @fw_len: its length
 * @nv: converted NVRAM
 * @nv_len: its length (multiple of 4)
 * @token: value for the length token (pass 0 for the correct one)
 *
 * Return: 0.
 */
int cywsim_kt_download(struct cywsim_kt *t, const u8 *fw, u32 fw_len,
		       const u8 *nv, u32 nv_len, u32 token)
{
	u32 arm = CYWSIM_ARM_BASE + CYWSIM_WRAP_OFFSET;
	u32 ram = CYWSIM_SOCSRAM_BASE + CYWSIM_WRAP_OFFSET;
	u32 words = nv_len / 4;

	cywsim_kt_core_disable(t, arm);
	cywsim_kt_core_disable(t, ram);
	cywsim_kt_core_reset(t, ram);
	cywsim_kt_bp_write32(t, CYWSIM_SOCSRAM_BASE + CYWSIM_SOCSRAM_BANKIDX, 3);
	cywsim_kt_bp_write32(t, CYWSIM_SOCSRAM_BASE + CYWSIM_SOCSRAM_BANKPDA, 0);
	cywsim_kt_bp_write(t, 0, fw, fw_len);
	cywsim_kt_bp_write(t, CYWSIM_NVRAM_TOKEN_ADDR - nv_len, nv, nv_len);
	if (!token)
		token = (~words << 16) | words;
	cywsim_kt_bp_write32(t, CYWSIM_NVRAM_TOKEN_ADDR, token);
	cywsim_kt_core_reset(t, arm);
	return 0;
}

/**
 * cywsim_kt_wait_f2_ready() - poll STATUS for F2_RX_READY (§5.2 step 11)
 * @t: test host
 * @ms: time limit
 *
 * Return: 0 or -ETIMEDOUT.
 */
int cywsim_kt_wait_f2_ready(struct cywsim_kt *t, u32 ms)
{
	unsigned long end = jiffies + msecs_to_jiffies(ms);

	do {
		if (cywsim_kt_read32(t, CYWSIM_F0, CYWSIM_F0_STATUS) &
		    CYWSIM_ST_F2_RX_READY)
			return 0;
		usleep_range(500, 1000);
	} while (time_before(jiffies, end));
	return -ETIMEDOUT;
}

static const char cywsim_kt_nvram_text[] =
	"# synthetic NVRAM for the KUnit host\n"
	"manfid=0x2d0\n"
	"prodid=0x0727\n"
	"\n"
	"boardtype=0x0887\n"
	"xtalfreq=37400\n"
	"macaddr=02:11:22:33:44:55\n";

/**
 * cywsim_kt_boot() - bring-up and full synthetic firmware boot (§2.5, §5.2)
 * @t: test host
 *
 * Return: 0 once F2 is ready, else a negative errno.
 */
int cywsim_kt_boot(struct cywsim_kt *t)
{
	u32 fw_len, nv_len, i;
	const u8 *fw, *nv;
	int ret;

	ret = cywsim_kt_bringup(t, false);
	if (ret)
		return ret;
	ret = cywsim_kt_alp(t);
	if (ret)
		return ret;
	if ((cywsim_kt_bp_read32(t, CYWSIM_CC_BASE) & 0xffff) != CYWSIM_CHIP_ID)
		return -ENODEV;
	fw = cywsim_kt_fw_image(t, &fw_len);
	nv = cywsim_kt_nvram(t, cywsim_kt_nvram_text, &nv_len);
	if (!fw || !nv)
		return -ENOMEM;
	cywsim_kt_download(t, fw, fw_len, nv, nv_len, 0);
	for (i = 0; i < 50; i++) {
		if (cywsim_kt_read8(t, CYWSIM_F1, CYWSIM_F1_CLK_CSR) &
		    CYWSIM_CSR_HT_AVAIL)
			break;
		fsleep(1000);
	}
	if (i == 50)
		return -ETIMEDOUT;
	cywsim_kt_bp_write32(t, CYWSIM_SDIOD_BASE + CYWSIM_SDIOD_HOSTINTMASK,
			     CYWSIM_I_HMB_SW_MASK);
	cywsim_kt_write8(t, CYWSIM_F1, CYWSIM_F1_WATERMARK, 32);
	return cywsim_kt_wait_f2_ready(t, 200);
}
