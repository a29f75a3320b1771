// SPDX-License-Identifier: GPL-2.0
/* cyw43439 KUnit: escan request and result codecs, chanspecs (§9.1, §9.2). */

#include <linux/etherdevice.h>
#include <linux/string.h>

#include "cyw43_kunit.h"

static const u8 cyw43_kt_ssid[] = "testnet";
#define CYW43_KT_SSID_LEN	(sizeof(cyw43_kt_ssid) - 1)

static void cyw43_kt_expect_ff(struct kunit *test, const u8 *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		KUNIT_EXPECT_EQ(test, p[i], 0xff);
}

static void cyw43_kt_expect_zero(struct kunit *test, const u8 *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		KUNIT_EXPECT_EQ(test, p[i], 0);
}

/* Every field of an active, directed scan of three channels (§9.1). */
static void cyw43_test_escan_build(struct kunit *test)
{
	static const u16 chans[] = { 0x1001, 0x1006, 0x100b };
	static const u8 list[] = { 0x01, 0x10, 0x06, 0x10, 0x0b, 0x10, 0, 0 };
	u8 *buf = cyw43_kt_dup(test, NULL, CYW43_ESCAN_PARAMS_MAX, 0);
	size_t i;

	memset(buf, 0xaa, CYW43_ESCAN_PARAMS_MAX);
	KUNIT_ASSERT_EQ(test, cyw43_escan_build(buf, 0x1234, cyw43_kt_ssid,
						CYW43_KT_SSID_LEN, chans,
						ARRAY_SIZE(chans), false), 80);
	KUNIT_EXPECT_EQ(test, cyw43_kt_le32(buf + 0), 1);
	KUNIT_EXPECT_EQ(test, cyw43_kt_le16(buf + 4), 1);
	KUNIT_EXPECT_EQ(test, cyw43_kt_le16(buf + 6), 0x1234);
	KUNIT_EXPECT_EQ(test, cyw43_kt_le32(buf + 8), CYW43_KT_SSID_LEN);
	KUNIT_EXPECT_MEMEQ(test, buf + 12, cyw43_kt_ssid, CYW43_KT_SSID_LEN);
	cyw43_kt_expect_zero(test, buf + 12 + CYW43_KT_SSID_LEN,
			     32 - CYW43_KT_SSID_LEN);
	cyw43_kt_expect_ff(test, buf + 44, ETH_ALEN);
	KUNIT_EXPECT_EQ(test, buf[50], 2);
	KUNIT_EXPECT_EQ(test, buf[51], 0);
	cyw43_kt_expect_ff(test, buf + 52, 16);
	KUNIT_EXPECT_EQ(test, cyw43_kt_le32(buf + 68), 3);
	KUNIT_EXPECT_MEMEQ(test, buf + 72, list, sizeof(list));
	for (i = 80; i < CYW43_ESCAN_PARAMS_MAX; i++)
		KUNIT_EXPECT_EQ(test, buf[i], 0xaa);
}

/**
 * struct cyw43_escan_len_case - escan request sizes and limits
 * @name: description
 * @n_chan: channels requested
 * @ssid_len: SSID length
 * @passive: passive scan
 * @ret: expected length or error
 */
struct cyw43_escan_len_case {
	const char *name;
	unsigned int n_chan;
	u8 ssid_len;
	bool passive;
	int ret;
};

static const struct cyw43_escan_len_case cyw43_escan_len_cases[] = {
	{ "all channels, any SSID", 0, 0, false, 76 },
	{ "one channel", 1, 0, false, 76 },
	{ "two channels", 2, 0, false, 76 },
	{ "three channels padded", 3, 0, false, 80 },
	{ "passive, 32-byte SSID", 1, 32, true, 76 },
	{ "all 14 channels listed", 14, 0, false, 100 },
	{ "15 channels", 15, 0, false, -EINVAL },
	{ "33-byte SSID", 1, 33, false, -EINVAL },
};

static void cyw43_escan_len_desc(const struct cyw43_escan_len_case *c,
				 char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(cyw43_escan_len, cyw43_escan_len_cases,
		  cyw43_escan_len_desc);

/* The list always has a slot, is padded to 4 and has a hard limit. */
static void cyw43_test_escan_len(struct kunit *test)
{
	const struct cyw43_escan_len_case *c = test->param_value;
	u8 *buf = cyw43_kt_dup(test, NULL, CYW43_ESCAN_PARAMS_MAX, 0);
	u16 *chans;
	u8 *ssid;
	int i;

	chans = kunit_kcalloc(test, 16, sizeof(*chans), GFP_KERNEL);
	ssid = kunit_kzalloc(test, 64, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, chans);
	KUNIT_ASSERT_NOT_NULL(test, ssid);
	for (i = 0; i < 16; i++)
		chans[i] = 0x1001 + i;
	memset(ssid, 'x', 64);
	memset(buf, 0xaa, CYW43_ESCAN_PARAMS_MAX);

	KUNIT_ASSERT_EQ(test, cyw43_escan_build(buf, 7, ssid, c->ssid_len,
						chans, c->n_chan, c->passive),
			c->ret);
	if (c->ret < 0)
		return;
	KUNIT_EXPECT_EQ(test, cyw43_kt_le32(buf + 8), c->ssid_len);
	KUNIT_EXPECT_EQ(test, buf[51], c->passive ? 1 : 0);
	KUNIT_EXPECT_EQ(test, cyw43_kt_le32(buf + 68), c->n_chan);
	for (i = 0; i < c->n_chan; i++)
		KUNIT_EXPECT_EQ(test, cyw43_kt_le16(buf + 72 + 2 * i),
				0x1001 + i);
	cyw43_kt_expect_zero(test, buf + 72 + 2 * c->n_chan,
			     c->ret - 72 - 2 * c->n_chan);
	for (i = c->ret; i < CYW43_ESCAN_PARAMS_MAX; i++)
		KUNIT_EXPECT_EQ(test, buf[i], 0xaa);
}

/* The abort request is a 76-byte request with action 3 (§9.1). */
static void cyw43_test_escan_abort(struct kunit *test)
{
	u8 *buf = cyw43_kt_dup(test, NULL, CYW43_ESCAN_PARAMS_LEN, 0);

	memset(buf, 0xaa, CYW43_ESCAN_PARAMS_LEN);
	KUNIT_ASSERT_EQ(test, cyw43_escan_abort_build(buf, 0xabcd), 76);
	KUNIT_EXPECT_EQ(test, cyw43_kt_le32(buf + 0), 1);
	KUNIT_EXPECT_EQ(test, cyw43_kt_le16(buf + 4), 3);
	KUNIT_EXPECT_EQ(test, cyw43_kt_le16(buf + 6), 0xabcd);
	KUNIT_EXPECT_EQ(test, cyw43_kt_le32(buf + 8), 0);
	cyw43_kt_expect_ff(test, buf + 44, ETH_ALEN);
	KUNIT_EXPECT_EQ(test, buf[50], 2);
	KUNIT_EXPECT_EQ(test, cyw43_kt_le32(buf + 68), 0);
}

/* Escan result layout (§9.2), offsets from the start of the event data */
#define CYW43_KT_RES_HDR	12
#define CYW43_KT_BI		CYW43_KT_RES_HDR	/* wl_bss_info */
#define CYW43_KT_BI_FIXED	128
#define CYW43_KT_IES_LEN	12
#define CYW43_KT_BI_LEN		(CYW43_KT_BI_FIXED + CYW43_KT_IES_LEN)
#define CYW43_KT_RES_LEN	(CYW43_KT_RES_HDR + CYW43_KT_BI_LEN)

static const u8 cyw43_kt_bssid[ETH_ALEN] = {
	0x02, 0x00, 0x5e, 0x10, 0x20, 0x30,
};

/* One result for "testnet" on channel 6 at -52 dBm, with two IEs */
static void cyw43_kt_escan_result(u8 *d)
{
	static const u8 ies[CYW43_KT_IES_LEN] = {
		0, 7, 't', 'e', 's', 't', 'n', 'e', 't', 3, 1, 6,
	};
	u8 *bi = d + CYW43_KT_BI;

	cyw43_kt_put_le32(d + 0, CYW43_KT_RES_LEN);
	cyw43_kt_put_le32(d + 4, 109);
	cyw43_kt_put_le16(d + 8, 0x4242);
	cyw43_kt_put_le16(d + 10, 1);

	cyw43_kt_put_le32(bi + 0, 109);
	cyw43_kt_put_le32(bi + 4, CYW43_KT_BI_LEN);
	memcpy(bi + 8, cyw43_kt_bssid, ETH_ALEN);
	cyw43_kt_put_le16(bi + 14, 100);
	cyw43_kt_put_le16(bi + 16, 0x0011);
	bi[18] = CYW43_KT_SSID_LEN;
	memcpy(bi + 19, cyw43_kt_ssid, CYW43_KT_SSID_LEN);
	cyw43_kt_put_le32(bi + 52, 4);
	memcpy(bi + 56, "\x82\x84\x8b\x96", 4);
	cyw43_kt_put_le16(bi + 72, 0x1006);
	bi[76] = 1;
	cyw43_kt_put_le16(bi + 78, (u16)-52);
	bi[80] = (u8)-92;
	bi[88] = 6;
	cyw43_kt_put_le16(bi + 116, CYW43_KT_BI_FIXED);
	cyw43_kt_put_le32(bi + 120, CYW43_KT_IES_LEN);
	cyw43_kt_put_le16(bi + 124, 40);
	memcpy(bi + CYW43_KT_BI_FIXED, ies, sizeof(ies));
}

/* A well-formed result gives every field, IEs pointing into the data. */
static void cyw43_test_escan_parse(struct kunit *test)
{
	u8 *d = cyw43_kt_dup(test, NULL, CYW43_KT_RES_LEN, 0);
	struct cyw43_bss bss;
	u16 sync_id = 0;

	memset(&bss, 0xaa, sizeof(bss));
	cyw43_kt_escan_result(d);
	KUNIT_ASSERT_EQ(test, cyw43_escan_parse(d, CYW43_KT_RES_LEN, &sync_id,
						&bss), 1);
	KUNIT_EXPECT_EQ(test, sync_id, 0x4242);
	KUNIT_EXPECT_MEMEQ(test, bss.bssid, cyw43_kt_bssid, ETH_ALEN);
	KUNIT_EXPECT_EQ(test, bss.beacon_period, 100);
	KUNIT_EXPECT_EQ(test, bss.capability, 0x0011);
	KUNIT_EXPECT_EQ(test, bss.ssid_len, CYW43_KT_SSID_LEN);
	KUNIT_EXPECT_MEMEQ(test, bss.ssid, cyw43_kt_ssid, CYW43_KT_SSID_LEN);
	cyw43_kt_expect_zero(test, bss.ssid + CYW43_KT_SSID_LEN,
			     sizeof(bss.ssid) - CYW43_KT_SSID_LEN);
	KUNIT_EXPECT_EQ(test, bss.chanspec, 0x1006);
	KUNIT_EXPECT_EQ(test, bss.channel, 6);
	KUNIT_EXPECT_FALSE(test, bss.band_5g);
	KUNIT_EXPECT_EQ(test, bss.rssi, -52);
	KUNIT_EXPECT_PTR_EQ(test, bss.ies,
			    (const u8 *)d + CYW43_KT_BI + CYW43_KT_BI_FIXED);
	KUNIT_EXPECT_EQ(test, bss.ies_len, CYW43_KT_IES_LEN);
}

/**
 * struct cyw43_escan_case - a modified escan result
 * @name: description
 * @set: up to two fields to overwrite: offset in the event data, size
 *	(1, 2 or 4 bytes, little-endian; 0 for none) and value
 * @len: bytes handed to the parser
 * @ret: expected result
 * @channel: expected channel when a BSS is parsed
 * @band_5g: expected band when a BSS is parsed
 */
struct cyw43_escan_case {
	const char *name;
	struct {
		unsigned int off;
		u8 size;
		u32 val;
	} set[2];
	size_t len;
	int ret;
	u8 channel;
	bool band_5g;
};

#define CYW43_KT_F(field)	(CYW43_KT_BI + (field))
#define CYW43_KT_OK(ch)		.ret = 1, .channel = (ch)

static const struct cyw43_escan_case cyw43_escan_cases[] = {
	{ "unmodified", .len = CYW43_KT_RES_LEN, CYW43_KT_OK(6) },
	{ "scan done, no BSS", .set = { { 10, 2, 0 } },
	  .len = CYW43_KT_RES_HDR, .ret = 0 },
	{ "no BSS, trailing bytes ignored", .set = { { 10, 2, 0 } },
	  .len = CYW43_KT_RES_LEN, .ret = 0 },
	{ "header cut short", .len = CYW43_KT_RES_HDR - 1, .ret = -EMSGSIZE },
	{ "empty", .len = 0, .ret = -EMSGSIZE },
	{ "buflen past the data", .set = { { 0, 4, CYW43_KT_RES_LEN + 1 } },
	  .len = CYW43_KT_RES_LEN, .ret = -EMSGSIZE },
	{ "BSS count without a record", .len = CYW43_KT_RES_HDR,
	  .ret = -EMSGSIZE },
	{ "record cut short", .len = CYW43_KT_RES_HDR + 127, .ret = -EMSGSIZE },
	{ "record length below the fixed part",
	  .set = { { CYW43_KT_F(4), 4, 127 } },
	  .len = CYW43_KT_RES_LEN, .ret = -EMSGSIZE },
	{ "record length past the data",
	  .set = { { CYW43_KT_F(4), 4, CYW43_KT_BI_LEN + 1 } },
	  .len = CYW43_KT_RES_LEN, .ret = -EMSGSIZE },
	{ "record length 0xffffffff",
	  .set = { { CYW43_KT_F(4), 4, 0xffffffff } },
	  .len = CYW43_KT_RES_LEN, .ret = -EMSGSIZE },
	{ "version 108", .set = { { CYW43_KT_F(0), 4, 108 } },
	  .len = CYW43_KT_RES_LEN, .ret = -EPROTO },
	{ "SSID length 33", .set = { { CYW43_KT_F(18), 1, 33 } },
	  .len = CYW43_KT_RES_LEN, .ret = -EINVAL },
	{ "SSID length 32", .set = { { CYW43_KT_F(18), 1, 32 } },
	  .len = CYW43_KT_RES_LEN, CYW43_KT_OK(6) },
	{ "IEs inside the fixed part", .set = { { CYW43_KT_F(116), 2, 127 } },
	  .len = CYW43_KT_RES_LEN, .ret = -EMSGSIZE },
	{ "IEs one past the record",
	  .set = { { CYW43_KT_F(120), 4, CYW43_KT_IES_LEN + 1 } },
	  .len = CYW43_KT_RES_LEN, .ret = -EMSGSIZE },
	{ "IE offset past the record",
	  .set = { { CYW43_KT_F(116), 2, 0xffff } },
	  .len = CYW43_KT_RES_LEN, .ret = -EMSGSIZE },
	{ "IE offset + length wraps 32 bits",
	  .set = { { CYW43_KT_F(120), 4, 0xffffff90 } },
	  .len = CYW43_KT_RES_LEN, .ret = -EMSGSIZE },
	{ "IE length 0xffffffff",
	  .set = { { CYW43_KT_F(120), 4, 0xffffffff } },
	  .len = CYW43_KT_RES_LEN, .ret = -EMSGSIZE },
	{ "IEs end at the record end",
	  .set = { { CYW43_KT_F(116), 2, 130 },
		   { CYW43_KT_F(120), 4, CYW43_KT_IES_LEN - 2 } },
	  .len = CYW43_KT_RES_LEN, CYW43_KT_OK(6) },
	{ "no IEs", .set = { { CYW43_KT_F(120), 4, 0 } },
	  .len = CYW43_KT_RES_LEN, CYW43_KT_OK(6) },
	{ "no control channel: from the chanspec",
	  .set = { { CYW43_KT_F(88), 1, 0 } },
	  .len = CYW43_KT_RES_LEN, CYW43_KT_OK(6) },
	{ "control channel wins", .set = { { CYW43_KT_F(88), 1, 3 } },
	  .len = CYW43_KT_RES_LEN, CYW43_KT_OK(3) },
	{ "5 GHz channel 36",
	  .set = { { CYW43_KT_F(72), 2, 0xd024 }, { CYW43_KT_F(88), 1, 0 } },
	  .len = CYW43_KT_RES_LEN, CYW43_KT_OK(36), .band_5g = true },
	{ "channel 0",
	  .set = { { CYW43_KT_F(72), 2, 0x1000 }, { CYW43_KT_F(88), 1, 0 } },
	  .len = CYW43_KT_RES_LEN, .ret = -EINVAL },
};

static void cyw43_escan_desc(const struct cyw43_escan_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(cyw43_escan, cyw43_escan_cases, cyw43_escan_desc);

static void cyw43_kt_put(u8 *p, u8 size, u32 val)
{
	if (!size)
		return;
	if (size == 1)
		*p = val;
	else if (size == 2)
		cyw43_kt_put_le16(p, val);
	else
		cyw43_kt_put_le32(p, val);
}

/* Corrupt records are refused before anything is read past the data. */
static void cyw43_test_escan_bad(struct kunit *test)
{
	const struct cyw43_escan_case *c = test->param_value;
	struct cyw43_bss bss = { };
	size_t len = c->len;
	u16 sync_id = 0;
	u8 *full, *d;
	int i;

	full = cyw43_kt_dup(test, NULL, CYW43_KT_RES_LEN, 0);
	cyw43_kt_escan_result(full);
	if (len < CYW43_KT_RES_LEN)
		cyw43_kt_put_le32(full, len);	/* buflen follows the cut */
	for (i = 0; i < ARRAY_SIZE(c->set); i++)
		cyw43_kt_put(full + c->set[i].off, c->set[i].size,
			     c->set[i].val);
	d = cyw43_kt_dup(test, full, len, CYW43_KT_RES_LEN);

	KUNIT_ASSERT_EQ(test, cyw43_escan_parse(d, len, &sync_id, &bss),
			c->ret);
	if (c->ret >= 0)
		KUNIT_EXPECT_EQ(test, sync_id, 0x4242);
	if (c->ret != 1)
		return;
	KUNIT_EXPECT_EQ(test, bss.channel, c->channel);
	KUNIT_EXPECT_EQ(test, bss.band_5g, c->band_5g);
	KUNIT_EXPECT_LE(test, (size_t)(bss.ies - d) + bss.ies_len, len);
}

/* 2.4 GHz 20 MHz chanspecs as the firmware expects them (§9.2). */
static void cyw43_test_chanspec(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, cyw43_chanspec_2g(1), 0x1001);
	KUNIT_EXPECT_EQ(test, cyw43_chanspec_2g(6), 0x1006);
	KUNIT_EXPECT_EQ(test, cyw43_chanspec_2g(11), 0x100b);
	KUNIT_EXPECT_EQ(test, cyw43_chanspec_2g(14), 0x100e);
}

static struct kunit_case cyw43_scan_test_cases[] = {
	KUNIT_CASE(cyw43_test_escan_build),
	KUNIT_CASE_PARAM(cyw43_test_escan_len, cyw43_escan_len_gen_params),
	KUNIT_CASE(cyw43_test_escan_abort),
	KUNIT_CASE(cyw43_test_escan_parse),
	KUNIT_CASE_PARAM(cyw43_test_escan_bad, cyw43_escan_gen_params),
	KUNIT_CASE(cyw43_test_chanspec),
	{}
};

static struct kunit_suite cyw43_scan_test_suite = {
	.name = "cyw43439_proto_scan",
	.test_cases = cyw43_scan_test_cases,
};

kunit_test_suite(cyw43_scan_test_suite);
