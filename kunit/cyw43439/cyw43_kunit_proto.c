// SPDX-License-Identifier: GPL-2.0
/* cyw43439 KUnit: SDPCM, credits, BCDC, iovars, BDC and event codecs. */

#include <linux/if_ether.h>
#include <linux/string.h>

#include "cyw43_kunit.h"

NETDRV_IMPORT_KUNIT_NS();

/**
 * struct cyw43_sdpcm_case - one received SDPCM header
 * @name: description
 * @len: frame length field
 * @inv_xor: bits to flip in the complement field (0: correct ~len)
 * @chan_flags: channel and flags byte
 * @data_off: data offset byte
 * @xfer_len: bytes handed to the parser (the buffer's size)
 * @ret: expected result
 * @chan: expected channel on success
 */
struct cyw43_sdpcm_case {
	const char *name;
	u16 len;
	u16 inv_xor;
	u8 chan_flags;
	u8 data_off;
	size_t xfer_len;
	int ret;
	u8 chan;
};

static const struct cyw43_sdpcm_case cyw43_sdpcm_cases[] = {
	{ "control response", 28, 0, 0, 12, 28, 0, 0 },
	{ "event", 100, 0, 1, 12, 100, 0, 1 },
	{ "data, padded offset", 1532, 0, 2, 14, 1532, 0, 2 },
	{ "transfer rounded up to 4", 29, 0, 0, 12, 32, 0, 0 },
	{ "pure credit update", 12, 0, 0, 12, 12, 0, 0 },
	{ "empty payload at the end", 20, 0, 2, 20, 20, 0, 2 },
	{ "transfer shorter than a header", 12, 0, 0, 12, 11, -EMSGSIZE },
	{ "empty transfer", 12, 0, 0, 12, 0, -EMSGSIZE },
	{ "complement wrong", 28, 0x0100, 0, 12, 28, -EBADMSG },
	{ "length and complement zero", 0, 0xffff, 0, 0, 12, -EBADMSG },
	{ "length and complement all ones", 0xffff, 0xffff, 0xff, 0xff, 12,
	  -EBADMSG },
	{ "frame shorter than a header", 11, 0, 0, 11, 12, -EMSGSIZE },
	{ "frame longer than the transfer", 40, 0, 0, 12, 32, -EMSGSIZE },
	{ "glom descriptor", 28, 0, 0x80, 12, 28, -EPROTO },
	{ "glom channel", 28, 0, 3, 12, 28, -EPROTO },
	{ "test channel", 28, 0, 15, 12, 28, -EPROTO },
	{ "data offset inside the header", 28, 0, 0, 11, 28, -EINVAL },
	{ "data offset zero", 28, 0, 0, 0, 28, -EINVAL },
	{ "data offset past the frame", 12, 0, 2, 14, 16, -EINVAL },
};

static void cyw43_sdpcm_desc(const struct cyw43_sdpcm_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(cyw43_sdpcm, cyw43_sdpcm_cases, cyw43_sdpcm_desc);

/* Corrupt or unsupported frames are refused with a distinct error. */
static void cyw43_test_sdpcm_parse(struct kunit *test)
{
	const struct cyw43_sdpcm_case *c = test->param_value;
	struct cyw43_sdpcm_hdr hdr = { };
	u8 raw[CYW43_SDPCM_HDR_LEN] = {
		[4] = 5,	/* sequence */
		[8] = 0x0a,	/* flow control */
		[9] = 9,	/* credit */
	};
	u8 *buf;

	cyw43_kt_put_le16(raw, c->len);
	cyw43_kt_put_le16(raw + 2, ~c->len ^ c->inv_xor);
	raw[5] = c->chan_flags;
	raw[7] = c->data_off;
	buf = cyw43_kt_dup(test, raw, c->xfer_len, sizeof(raw));

	KUNIT_ASSERT_EQ(test, cyw43_sdpcm_parse(buf, c->xfer_len, &hdr),
			c->ret);
	if (c->ret)
		return;
	KUNIT_EXPECT_EQ(test, hdr.len, c->len);
	KUNIT_EXPECT_EQ(test, hdr.seq, 5);
	KUNIT_EXPECT_EQ(test, hdr.chan, c->chan);
	KUNIT_EXPECT_EQ(test, hdr.data_off, c->data_off);
	KUNIT_EXPECT_EQ(test, hdr.flow_ctl, 0x0a);
	KUNIT_EXPECT_EQ(test, hdr.max_seq, 9);
}

/* The header the host sends has the layout of §6.1. */
static void cyw43_test_sdpcm_build(struct kunit *test)
{
	static const u8 want[] = {
		0x23, 0x01, 0xdc, 0xfe, 0xfe, 0x02, 0, 14, 0, 0, 0, 0,
	};
	u8 *buf = cyw43_kt_dup(test, NULL, CYW43_SDPCM_HDR_LEN, 0);

	memset(buf, 0xaa, CYW43_SDPCM_HDR_LEN);
	cyw43_sdpcm_build(buf, 0x123, 0xfe, CYW43_SDPCM_CHAN_DATA, 14);
	KUNIT_EXPECT_MEMEQ(test, buf, want, sizeof(want));
}

struct cyw43_sdpcm_rt_case {
	const char *name;
	u16 len;
	u8 seq;
	u8 chan;
	u8 data_off;
};

static const struct cyw43_sdpcm_rt_case cyw43_sdpcm_rt_cases[] = {
	{ "ioctl", 12 + 16 + 8, 0, CYW43_SDPCM_CHAN_CTRL, 12 },
	{ "header only", 12, 1, CYW43_SDPCM_CHAN_CTRL, 12 },
	{ "full data frame", 1532, 255, CYW43_SDPCM_CHAN_DATA, 14 },
	{ "event channel", 200, 128, CYW43_SDPCM_CHAN_EVENT, 12 },
};

static void cyw43_sdpcm_rt_desc(const struct cyw43_sdpcm_rt_case *c,
				char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(cyw43_sdpcm_rt, cyw43_sdpcm_rt_cases, cyw43_sdpcm_rt_desc);

/* What the host builds, a receiver accepts unchanged. */
static void cyw43_test_sdpcm_round_trip(struct kunit *test)
{
	const struct cyw43_sdpcm_rt_case *c = test->param_value;
	struct cyw43_sdpcm_hdr hdr = { };
	u8 *buf = cyw43_kt_dup(test, NULL, c->len, 0);

	cyw43_sdpcm_build(buf, c->len, c->seq, c->chan, c->data_off);
	KUNIT_ASSERT_EQ(test, cyw43_sdpcm_parse(buf, c->len, &hdr), 0);
	KUNIT_EXPECT_EQ(test, hdr.len, c->len);
	KUNIT_EXPECT_EQ(test, hdr.seq, c->seq);
	KUNIT_EXPECT_EQ(test, hdr.chan, c->chan);
	KUNIT_EXPECT_EQ(test, hdr.data_off, c->data_off);
	KUNIT_EXPECT_EQ(test, hdr.flow_ctl, 0);
	KUNIT_EXPECT_EQ(test, hdr.max_seq, 0);
}

/**
 * struct cyw43_credit_case - a credit and the host's sequence number
 * @name: description
 * @max_seq: credit granted (or received, for the accept test)
 * @tx_seq: the host's next sequence number
 * @may_send: expected cyw43_sdpcm_may_send(@max_seq, @tx_seq)
 * @accepted: expected cyw43_sdpcm_credit(@max_seq, @tx_seq)
 */
struct cyw43_credit_case {
	const char *name;
	u8 max_seq;
	u8 tx_seq;
	bool may_send;
	u8 accepted;
};

static const struct cyw43_credit_case cyw43_credit_cases[] = {
	{ "initial window of one", 1, 0, true, 1 },
	{ "window used up", 5, 5, false, 5 },
	{ "window of 0x40 is believed", 0x45, 5, true, 0x45 },
	{ "window of 0x41 is bogus", 0x46, 5, true, 7 },
	{ "largest window that may send", 0x7f, 0, true, 2 },
	{ "bit 7 set: host is past the credit", 0x80, 0, false, 2 },
	{ "host one past the credit: no window", 4, 5, false, 4 },
	{ "host four past the credit: no window", 4, 8, false, 4 },
	{ "host five past the credit: bogus", 4, 9, false, 11 },
	{ "credit wraps 255 -> 0", 0, 255, true, 0 },
	{ "credit wraps past 0", 3, 254, true, 3 },
	{ "host wraps 255 -> 0", 2, 0, true, 2 },
	{ "bogus credit, replacement wraps", 100, 254, true, 0 },
	{ "bogus credit far behind", 250, 2, false, 4 },
};

static void cyw43_credit_desc(const struct cyw43_credit_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(cyw43_credit, cyw43_credit_cases, cyw43_credit_desc);

/* The host neither overruns the firmware nor stalls on a bad credit. */
static void cyw43_test_credit(struct kunit *test)
{
	const struct cyw43_credit_case *c = test->param_value;

	KUNIT_EXPECT_EQ(test, cyw43_sdpcm_may_send(c->max_seq, c->tx_seq),
			c->may_send);
	KUNIT_EXPECT_EQ(test, cyw43_sdpcm_credit(c->max_seq, c->tx_seq),
			c->accepted);
}

/*
 * §6.4: a credit that moves backwards is taken, as the vendor's driver
 * takes it; one far from the host (a bit flipped in max_seq, §10 #5)
 * becomes the two-frame window, never a stall.
 */
static void cyw43_test_credit_backwards(struct kunit *test)
{
	/* the host holds 35 and is at 26: the firmware takes back five */
	KUNIT_EXPECT_EQ(test, cyw43_sdpcm_credit(30, 26), 30);
	KUNIT_EXPECT_EQ(test, cyw43_sdpcm_credit(34, 26), 34);
	KUNIT_EXPECT_EQ(test, cyw43_sdpcm_credit(36, 26), 36);
	/* 35 with bit 5 flipped, seen while the host is at 26 */
	KUNIT_EXPECT_EQ(test, cyw43_sdpcm_credit(3, 26), 28);
	/* across the wrap */
	KUNIT_EXPECT_EQ(test, cyw43_sdpcm_credit(250, 0), 2);
	KUNIT_EXPECT_EQ(test, cyw43_sdpcm_credit(6, 248), 6);
	/* forward but too far ahead of the host: the two-frame window */
	KUNIT_EXPECT_EQ(test, cyw43_sdpcm_credit(35 + 64, 26), 28);
}

/* A SET and a GET request header, byte by byte (§7.1). */
static void cyw43_test_bcdc_build(struct kunit *test)
{
	static const u8 set[] = {
		0x07, 0x01, 0, 0, 0x45, 0x23, 0, 0,
		0x02, 0x00, 0xef, 0xbe, 0, 0, 0, 0,
	};
	static const u8 get[] = {
		0x06, 0x01, 0, 0, 0x00, 0x04, 0, 0,
		0x00, 0x00, 0x01, 0x00, 0, 0, 0, 0,
	};
	u8 *buf = cyw43_kt_dup(test, NULL, CYW43_BCDC_HDR_LEN, 0);

	memset(buf, 0xaa, CYW43_BCDC_HDR_LEN);
	cyw43_bcdc_build(buf, 263, 0x12345, true, 0xbeef);
	KUNIT_EXPECT_MEMEQ(test, buf, set, sizeof(set));

	memset(buf, 0xaa, CYW43_BCDC_HDR_LEN);
	cyw43_bcdc_build(buf, 262, 1024, false, 1);
	KUNIT_EXPECT_MEMEQ(test, buf, get, sizeof(get));
}

/**
 * struct cyw43_bcdc_case - one BCDC response
 * @name: description
 * @hdr: the 16 header bytes
 * @len: bytes handed to the parser (header and payload)
 * @ret: expected result
 * @plen: expected payload length on success
 * @id: expected id
 * @error: expected error flag
 * @status: expected status
 */
struct cyw43_bcdc_case {
	const char *name;
	u8 hdr[CYW43_BCDC_HDR_LEN];
	size_t len;
	int ret;
	u32 plen;
	u16 id;
	bool error;
	s32 status;
};

static const struct cyw43_bcdc_case cyw43_bcdc_cases[] = {
	{ "GET_VAR answer",
	  { 0x06, 0x01, 0, 0, 8, 0, 0, 0, 0, 0, 0x34, 0x12, 0, 0, 0, 0 },
	  16 + 8, 0, 8, 0x1234, false, 0 },
	{ "UNSUPPORTED error",
	  { 0x07, 0x01, 0, 0, 4, 0, 0, 0, 0x03, 0, 0x02, 0, 0xe9, 0xff,
	    0xff, 0xff }, 16 + 4, 0, 4, 2, true, -23 },
	{ "stated length clamped to the frame",
	  { 0x06, 0x01, 0, 0, 100, 0, 0, 0, 0, 0, 7, 0, 0, 0, 0, 0 },
	  16 + 8, 0, 8, 7, false, 0 },
	{ "input length in the high half ignored",
	  { 0x06, 0x01, 0, 0, 4, 0, 0xff, 0xff, 0, 0, 9, 0, 0, 0, 0, 0 },
	  16 + 20, 0, 4, 9, false, 0 },
	{ "header only", { 0x02, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff },
	  16, 0, 0, 0xffff, false, 0 },
	{ "one byte short of a header", { 0 }, 15, -EMSGSIZE },
	{ "empty", { 0 }, 0, -EMSGSIZE },
};

static void cyw43_bcdc_desc(const struct cyw43_bcdc_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(cyw43_bcdc, cyw43_bcdc_cases, cyw43_bcdc_desc);

/* The response is matched by id and never copied past the frame. */
static void cyw43_test_bcdc_parse(struct kunit *test)
{
	const struct cyw43_bcdc_case *c = test->param_value;
	struct cyw43_bcdc_hdr hdr = { };
	u8 *buf;

	buf = cyw43_kt_dup(test, c->hdr, c->len, sizeof(c->hdr));
	KUNIT_ASSERT_EQ(test, cyw43_bcdc_parse(buf, c->len, &hdr), c->ret);
	if (c->ret)
		return;
	KUNIT_EXPECT_EQ(test, hdr.cmd, buf[0] | buf[1] << 8);
	KUNIT_EXPECT_EQ(test, hdr.len, c->plen);
	KUNIT_EXPECT_EQ(test, hdr.id, c->id);
	KUNIT_EXPECT_EQ(test, hdr.error, c->error);
	KUNIT_EXPECT_EQ(test, hdr.status, c->status);
}

/* A request built for the firmware reads back as the firmware sees it. */
static void cyw43_test_bcdc_round_trip(struct kunit *test)
{
	struct cyw43_bcdc_hdr hdr = { };
	u8 *buf = cyw43_kt_dup(test, NULL, CYW43_BCDC_HDR_LEN + 64, 0);

	cyw43_bcdc_build(buf, 263, 64, true, 0x8001);
	KUNIT_ASSERT_EQ(test, cyw43_bcdc_parse(buf, CYW43_BCDC_HDR_LEN + 64,
					       &hdr), 0);
	KUNIT_EXPECT_EQ(test, hdr.cmd, 263);
	KUNIT_EXPECT_EQ(test, hdr.len, 64);
	KUNIT_EXPECT_EQ(test, hdr.id, 0x8001);
	KUNIT_EXPECT_FALSE(test, hdr.error);
	KUNIT_EXPECT_EQ(test, hdr.status, 0);
}

struct cyw43_bcme_case {
	s32 status;
	int err;
	const char *name;
};

static const struct cyw43_bcme_case cyw43_bcme_cases[] = {
	{ 0, 0, "OK" },
	{ -1, -EIO, "ERROR" },
	{ -2, -EINVAL, "BADARG" },
	{ -3, -EIO, "BADOPTION" },
	{ -4, -ENETDOWN, "NOTUP" },
	{ -5, -EBUSY, "NOTDOWN" },
	{ -6, -EIO, "NOTAP" },
	{ -7, -EOPNOTSUPP, "NOTSTA" },
	{ -8, -EIO, "UNKNOWN" },
	{ -9, -ENETDOWN, "RADIOOFF" },
	{ -14, -ENOBUFS, "BUFTOOSHORT" },
	{ -15, -EMSGSIZE, "BUFTOOLONG" },
	{ -16, -EBUSY, "BUSY" },
	{ -17, -ENOTCONN, "NOTASSOCIATED" },
	{ -18, -EINVAL, "BADSSIDLEN" },
	{ -20, -EINVAL, "BADCHAN" },
	{ -23, -EOPNOTSUPP, "UNSUPPORTED" },
	{ -24, -EINVAL, "BADLEN" },
	{ -25, -EAGAIN, "NOTREADY" },
	{ -26, -EPERM, "EPERM" },
	{ -27, -ENOMEM, "NOMEM" },
	{ -30, -ENOENT, "NOTFOUND" },
	{ -31, -EIO, "UNKNOWN" },
	{ S32_MIN, -EIO, "UNKNOWN" },
	{ 1, -EIO, "UNKNOWN" },
	{ S32_MAX, -EIO, "UNKNOWN" },
};

static void cyw43_bcme_desc(const struct cyw43_bcme_case *c, char *desc)
{
	snprintf(desc, KUNIT_PARAM_DESC_SIZE, "status %d", c->status);
}

KUNIT_ARRAY_PARAM(cyw43_bcme, cyw43_bcme_cases, cyw43_bcme_desc);

/* Firmware errors reach user space as the matching errno, with a name. */
static void cyw43_test_bcme(struct kunit *test)
{
	const struct cyw43_bcme_case *c = test->param_value;

	KUNIT_EXPECT_EQ(test, cyw43_bcme_errno(c->status), c->err);
	KUNIT_EXPECT_STREQ(test, cyw43_bcme_name(c->status), c->name);
}

/**
 * struct cyw43_iovar_case - one iovar payload
 * @name: description
 * @iovar: the iovar name
 * @val: value bytes, or NULL for zero padding
 * @vlen: value length
 * @room: destination size
 * @ret: expected length or error
 */
struct cyw43_iovar_case {
	const char *name;
	const char *iovar;
	const u8 *val;
	size_t vlen;
	size_t room;
	int ret;
};

static const u8 cyw43_kt_zero4[4];
static const u8 cyw43_kt_val4[4] = { 0x01, 0x02, 0x03, 0x04 };
#define CYW43_KT_NAME63 \
	"abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijk"
#define CYW43_KT_NAME64 CYW43_KT_NAME63 "l"

static const struct cyw43_iovar_case cyw43_iovar_cases[] = {
	{ "SET with a u32", "bus:txglom", cyw43_kt_zero4, 4, 64, 15 },
	{ "SET fills the room exactly", "ampdu_ba_wsize", cyw43_kt_val4, 4,
	  19, 19 },
	{ "GET sized for the answer", "cur_etheraddr", NULL, 6, 20, 20 },
	{ "GET without room for the answer", "cur_etheraddr", NULL, 6, 19,
	  -EMSGSIZE },
	{ "SET one byte short", "bus:txglom", cyw43_kt_val4, 4, 14,
	  -EMSGSIZE },
	{ "no room for the name", "country", NULL, 0, 7, -EMSGSIZE },
	{ "no value", "country", NULL, 0, 8, 8 },
	{ "empty name", "", cyw43_kt_val4, 4, 64, -EMSGSIZE },
	{ "63-character name", CYW43_KT_NAME63, NULL, 0, 64, 64 },
	{ "64-character name", CYW43_KT_NAME64, NULL, 0, 128, -EMSGSIZE },
	{ "huge value", "clmload", cyw43_kt_val4, SIZE_MAX - 4, 64,
	  -EMSGSIZE },
};

static void cyw43_iovar_desc(const struct cyw43_iovar_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(cyw43_iovar, cyw43_iovar_cases, cyw43_iovar_desc);

/* "name\0value", no alignment, never past the buffer (§7.2). */
static void cyw43_test_iovar(struct kunit *test)
{
	const struct cyw43_iovar_case *c = test->param_value;
	size_t nlen = strlen(c->iovar) + 1;
	u8 *buf = cyw43_kt_dup(test, NULL, c->room, 0);
	size_t i;

	memset(buf, 0xaa, c->room);
	KUNIT_ASSERT_EQ(test, cyw43_iovar_encode(buf, c->room, c->iovar,
						 c->val, c->vlen), c->ret);
	if (c->ret < 0)
		return;
	KUNIT_EXPECT_MEMEQ(test, buf, c->iovar, nlen);
	if (c->val)
		KUNIT_EXPECT_MEMEQ(test, buf + nlen, c->val, c->vlen);
	else
		for (i = nlen; i < nlen + c->vlen; i++)
			KUNIT_EXPECT_EQ(test, buf[i], 0);
	for (i = c->ret; i < c->room; i++)
		KUNIT_EXPECT_EQ(test, buf[i], 0xaa);
}

/* Data frames carry version 2 and the priority (§7.3). */
static void cyw43_test_bdc_build(struct kunit *test)
{
	static const u8 want5[] = { 0x20, 0x05, 0x00, 0x00 };
	static const u8 want0[] = { 0x20, 0x00, 0x00, 0x00 };
	u8 *buf = cyw43_kt_dup(test, NULL, CYW43_BDC_HDR_LEN, 0);

	memset(buf, 0xaa, CYW43_BDC_HDR_LEN);
	cyw43_bdc_build(buf, 5);
	KUNIT_EXPECT_MEMEQ(test, buf, want5, sizeof(want5));
	cyw43_bdc_build(buf, 0);
	KUNIT_EXPECT_MEMEQ(test, buf, want0, sizeof(want0));
	cyw43_bdc_build(buf, 0x0d);
	KUNIT_EXPECT_MEMEQ(test, buf, want5, sizeof(want5));
}

struct cyw43_bdc_case {
	const char *name;
	u8 hdr[CYW43_BDC_HDR_LEN];
	size_t len;
	int ret;
	u8 prio;
};

static const struct cyw43_bdc_case cyw43_bdc_cases[] = {
	{ "plain", { 0x20, 0x00, 0, 0 }, 60, 4, 0 },
	{ "checksum good, priority 6", { 0x24, 0x06, 0, 0 }, 60, 4, 6 },
	{ "priority upper bits ignored", { 0x20, 0xff, 0, 0 }, 60, 4, 7 },
	{ "signal words", { 0x20, 0x01, 0, 2 }, 12, 12, 1 },
	{ "signal words past the frame", { 0x20, 0x01, 0, 2 }, 11,
	  -EMSGSIZE },
	{ "most signal words", { 0x20, 0x00, 0, 255 }, 1024, 1024, 0 },
	{ "header only", { 0x20, 0x00, 0, 0 }, 4, 4, 0 },
	{ "truncated header", { 0x20, 0x00, 0, 0 }, 3, -EMSGSIZE },
	{ "empty", { 0 }, 0, -EMSGSIZE },
	{ "version 1", { 0x10, 0x00, 0, 0 }, 60, -EPROTO },
	{ "version 0", { 0x00, 0x00, 0, 0 }, 60, -EPROTO },
	{ "version 3", { 0x30, 0x00, 0, 0 }, 60, -EPROTO },
};

static void cyw43_bdc_desc(const struct cyw43_bdc_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(cyw43_bdc, cyw43_bdc_cases, cyw43_bdc_desc);

/* The payload starts after the header and the signal words it announces. */
static void cyw43_test_bdc_parse(struct kunit *test)
{
	const struct cyw43_bdc_case *c = test->param_value;
	u8 prio = 0xee;
	u8 *buf;

	buf = cyw43_kt_dup(test, c->hdr, c->len, sizeof(c->hdr));
	KUNIT_EXPECT_EQ(test, cyw43_bdc_parse(buf, c->len, &prio), c->ret);
	if (c->ret >= 0)
		KUNIT_EXPECT_EQ(test, prio, c->prio);
}

/* What the host sends parses back to the same priority. */
static void cyw43_test_bdc_round_trip(struct kunit *test)
{
	u8 *buf = cyw43_kt_dup(test, NULL, CYW43_BDC_HDR_LEN, 0);
	u8 prio, i;

	for (i = 0; i < 8; i++) {
		cyw43_bdc_build(buf, i);
		KUNIT_EXPECT_EQ(test, cyw43_bdc_parse(buf, CYW43_BDC_HDR_LEN,
						      &prio), 4);
		KUNIT_EXPECT_EQ(test, prio, i);
	}
}

#define CYW43_KT_EV_MSG		72	/* Ethernet + Broadcom + message */

static const u8 cyw43_kt_ev_addr[ETH_ALEN] = {
	0x02, 0x00, 0x00, 0x00, 0x01, 0x23,
};

/* A LINK event as the firmware sends it (§7.4), @data_len bytes of data */
static void cyw43_kt_event(u8 *f, u32 data_len)
{
	static const u8 oui[] = { 0x00, 0x10, 0x18 };
	u32 i;

	memset(f, 0xff, ETH_ALEN);
	memcpy(f + 6, cyw43_kt_ev_addr, ETH_ALEN);
	cyw43_kt_put_be16(f + 12, 0x886c);
	cyw43_kt_put_be16(f + 14, 0x8001);
	cyw43_kt_put_be16(f + 16, CYW43_KT_EV_MSG - 14 + data_len);
	f[18] = 0;
	memcpy(f + 19, oui, sizeof(oui));
	cyw43_kt_put_be16(f + 22, 1);
	cyw43_kt_put_be16(f + 24, 2);
	cyw43_kt_put_be16(f + 26, CYW43_EVENT_FLAG_LINK);
	cyw43_kt_put_be32(f + 28, CYW43_E_LINK);
	cyw43_kt_put_be32(f + 32, 0x01020304);
	cyw43_kt_put_be32(f + 36, 0x0a0b0c0d);
	cyw43_kt_put_be32(f + 40, 0x80000001);
	cyw43_kt_put_be32(f + 44, data_len);
	memcpy(f + 48, cyw43_kt_ev_addr, ETH_ALEN);
	memcpy(f + 54, "wlan0", 5);
	f[70] = 3;
	f[71] = 4;
	for (i = 0; i < data_len; i++)
		f[CYW43_KT_EV_MSG + i] = i;
}

/* A well-formed event is converted from big-endian, data in place. */
static void cyw43_test_event_parse(struct kunit *test)
{
	const size_t len = CYW43_KT_EV_MSG + 12;
	struct cyw43_event ev = { };
	u8 *f = cyw43_kt_dup(test, NULL, len, 0);

	cyw43_kt_event(f, 12);
	KUNIT_ASSERT_EQ(test, cyw43_event_parse(f, len, &ev), 0);
	KUNIT_EXPECT_EQ(test, ev.type, CYW43_E_LINK);
	KUNIT_EXPECT_EQ(test, ev.status, 0x01020304);
	KUNIT_EXPECT_EQ(test, ev.reason, 0x0a0b0c0d);
	KUNIT_EXPECT_EQ(test, ev.auth_type, 0x80000001);
	KUNIT_EXPECT_EQ(test, ev.flags, CYW43_EVENT_FLAG_LINK);
	KUNIT_EXPECT_MEMEQ(test, ev.addr, cyw43_kt_ev_addr, ETH_ALEN);
	KUNIT_EXPECT_EQ(test, ev.ifidx, 3);
	KUNIT_EXPECT_EQ(test, ev.bsscfgidx, 4);
	KUNIT_EXPECT_EQ(test, ev.datalen, 12);
	KUNIT_EXPECT_PTR_EQ(test, ev.data, (const u8 *)f + CYW43_KT_EV_MSG);
	KUNIT_EXPECT_EQ(test, ev.data[11], 11);
}

/**
 * struct cyw43_event_case - a damaged or unusual event frame
 * @name: description
 * @data_len: event data bytes built into the frame
 * @len: bytes handed to the parser (frame cut or extended)
 * @off: offset of a big-endian u16 to overwrite, or -1
 * @val: its new value
 * @datalen: value to store in the datalen field, or -1 to keep it
 * @ret: expected result
 */
struct cyw43_event_case {
	const char *name;
	u32 data_len;
	size_t len;
	int off;
	u16 val;
	s64 datalen;
	int ret;
};

static const struct cyw43_event_case cyw43_event_cases[] = {
	{ "no event data", 0, 72, -1, 0, -1, 0 },
	{ "frame longer than the data", 8, 90, -1, 0, -1, 0 },
	{ "message cut short", 0, 71, -1, 0, -1, -EMSGSIZE },
	{ "Ethernet header only", 0, 14, -1, 0, -1, -EMSGSIZE },
	{ "empty", 0, 0, -1, 0, -1, -EMSGSIZE },
	{ "IPv4 ethertype", 8, 80, 12, 0x0800, -1, -EPROTO },
	{ "ethertype byte-swapped", 8, 80, 12, 0x6c88, -1, -EPROTO },
	{ "wrong subtype", 8, 80, 14, 0x8002, -1, -EPROTO },
	{ "wrong OUI", 8, 80, 20, 0x1019, -1, -EPROTO },
	{ "OUI first byte", 8, 80, 18, 0x0001, -1, -EPROTO },
	{ "user subtype 2", 8, 80, 22, 2, -1, -EPROTO },
	{ "user subtype byte-swapped", 8, 80, 22, 0x0100, -1, -EPROTO },
	{ "datalen one past the frame", 8, 80, -1, 0, 9, -EMSGSIZE },
	{ "data cut short", 8, 79, -1, 0, -1, -EMSGSIZE },
	{ "datalen 0x80000000", 8, 80, -1, 0, 0x80000000, -EMSGSIZE },
	{ "datalen 0xffffffff", 8, 80, -1, 0, 0xffffffff, -EMSGSIZE },
};

static void cyw43_event_desc(const struct cyw43_event_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(cyw43_event, cyw43_event_cases, cyw43_event_desc);

/* Anything that is not a complete firmware event is refused (§7.4). */
static void cyw43_test_event_bad(struct kunit *test)
{
	const struct cyw43_event_case *c = test->param_value;
	size_t full = max_t(size_t, CYW43_KT_EV_MSG + c->data_len, c->len);
	struct cyw43_event ev = { };
	u8 *frame, *f;

	frame = cyw43_kt_dup(test, NULL, full, 0);
	cyw43_kt_event(frame, c->data_len);
	if (c->off >= 0)
		cyw43_kt_put_be16(frame + c->off, c->val);
	if (c->datalen >= 0)
		cyw43_kt_put_be32(frame + 44, c->datalen);
	f = cyw43_kt_dup(test, frame, c->len, full);

	KUNIT_ASSERT_EQ(test, cyw43_event_parse(f, c->len, &ev), c->ret);
	if (!c->ret)
		KUNIT_EXPECT_EQ(test, ev.datalen, c->data_len);
}

static struct kunit_case cyw43_proto_test_cases[] = {
	KUNIT_CASE_PARAM(cyw43_test_sdpcm_parse, cyw43_sdpcm_gen_params),
	KUNIT_CASE(cyw43_test_sdpcm_build),
	KUNIT_CASE_PARAM(cyw43_test_sdpcm_round_trip,
			 cyw43_sdpcm_rt_gen_params),
	KUNIT_CASE_PARAM(cyw43_test_credit, cyw43_credit_gen_params),
	KUNIT_CASE(cyw43_test_credit_backwards),
	KUNIT_CASE(cyw43_test_bcdc_build),
	KUNIT_CASE_PARAM(cyw43_test_bcdc_parse, cyw43_bcdc_gen_params),
	KUNIT_CASE(cyw43_test_bcdc_round_trip),
	KUNIT_CASE_PARAM(cyw43_test_bcme, cyw43_bcme_gen_params),
	KUNIT_CASE_PARAM(cyw43_test_iovar, cyw43_iovar_gen_params),
	KUNIT_CASE(cyw43_test_bdc_build),
	KUNIT_CASE_PARAM(cyw43_test_bdc_parse, cyw43_bdc_gen_params),
	KUNIT_CASE(cyw43_test_bdc_round_trip),
	KUNIT_CASE(cyw43_test_event_parse),
	KUNIT_CASE_PARAM(cyw43_test_event_bad, cyw43_event_gen_params),
	{}
};

static struct kunit_suite cyw43_proto_test_suite = {
	.name = "cyw43439_proto",
	.test_cases = cyw43_proto_test_cases,
};

kunit_test_suite(cyw43_proto_test_suite);

MODULE_DESCRIPTION("KUnit tests for the cyw43439 protocol codecs");
MODULE_LICENSE("GPL");
