// SPDX-License-Identifier: GPL-2.0
/* KUnit tests of the lan8720 MAC logic: FCS, frame checks, filter, padding. */

#include <kunit/test.h>
#include <linux/etherdevice.h>
#include <linux/skbuff.h>

#include "../../drivers/net/ethernet/lan8720/lan8720.h"
#include "netdrv_compat.h"

NETDRV_IMPORT_KUNIT_NS();

#define LAN8720_TEST_BUF	(LAN8720_MAX_FRAME_LEN + ETH_FCS_LEN)

/* A deterministic frame: broadcast, locally administered source, ARP type,
 * payload 0, 1, 2, ...
 */
static void lan8720_test_fill(u8 *buf, unsigned int len)
{
	static const u8 hdr[ETH_HLEN] = {
		0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
		0x02, 0x00, 0x00, 0x00, 0x00, 0x01,
		0x08, 0x06,
	};
	unsigned int i;

	for (i = 0; i < len; i++)
		buf[i] = i < ETH_HLEN ? hdr[i] : (u8)(i - ETH_HLEN);
}

struct lan8720_fcs_case {
	const char *name;
	const u8 *data;
	unsigned int len;
	u32 fcs;
};

static const u8 lan8720_test_digits[] = "123456789";
static u8 lan8720_test_frame60[ETH_ZLEN];

/* Expected values computed independently (zlib's CRC-32). */
static const struct lan8720_fcs_case lan8720_fcs_cases[] = {
	{ "check value of \"123456789\"", lan8720_test_digits, 9, 0xcbf43926 },
	{ "empty", lan8720_test_digits, 0, 0x00000000 },
	{ "60-byte ARP-type frame", lan8720_test_frame60, ETH_ZLEN,
	  0x2b318401 },
};

static void lan8720_fcs_desc(const struct lan8720_fcs_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(lan8720_fcs, lan8720_fcs_cases, lan8720_fcs_desc);

/* The FCS is the IEEE CRC-32 a link partner computes. */
static void lan8720_test_fcs(struct kunit *test)
{
	const struct lan8720_fcs_case *c = test->param_value;

	lan8720_test_fill(lan8720_test_frame60, ETH_ZLEN);
	KUNIT_EXPECT_EQ(test, lan8720_fcs(c->data, c->len), c->fcs);
}

/**
 * struct lan8720_rx_case - one received frame and what must become of it
 * @name: description
 * @len: frame length, FCS included when @has_fcs
 * @status: what the backend says
 * @has_fcs: the frame carries its FCS
 * @corrupt: byte to flip after the FCS is computed, or -1
 * @rx_max: receive limit, FCS excluded
 * @verdict: the expected verdict
 */
struct lan8720_rx_case {
	const char *name;
	unsigned int len;
	enum lan8720_mac_rx_status status;
	bool has_fcs;
	int corrupt;
	unsigned int rx_max;
	enum lan8720_rx_verdict verdict;
};

#define LAN8720_TEST_OK	LAN8720_MAC_RX_OK

static const struct lan8720_rx_case lan8720_rx_cases[] = {
	{ "minimum frame", 64, LAN8720_TEST_OK, true, -1, 1518,
	  LAN8720_RX_GOOD },
	{ "maximum frame", 1522, LAN8720_TEST_OK, true, -1, 1518,
	  LAN8720_RX_GOOD },
	{ "one byte too short", 63, LAN8720_TEST_OK, true, -1, 1518,
	  LAN8720_RX_RUNT },
	{ "shorter than an FCS", 3, LAN8720_TEST_OK, true, -1, 1518,
	  LAN8720_RX_RUNT },
	{ "empty", 0, LAN8720_TEST_OK, true, -1, 1518, LAN8720_RX_RUNT },
	{ "one byte too long", 1523, LAN8720_TEST_OK, true, -1, 1518,
	  LAN8720_RX_GIANT },
	{ "jumbo within a raised limit", 2022, LAN8720_TEST_OK, true, -1, 2018,
	  LAN8720_RX_GOOD },
	{ "payload bit flipped", 64, LAN8720_TEST_OK, true, 20, 1518,
	  LAN8720_RX_CRC },
	{ "address bit flipped", 1000, LAN8720_TEST_OK, true, 0, 1518,
	  LAN8720_RX_CRC },
	{ "FCS bit flipped", 64, LAN8720_TEST_OK, true, 63, 1518,
	  LAN8720_RX_CRC },
	{ "runt with bad FCS is a runt", 40, LAN8720_TEST_OK, true, 5, 1518,
	  LAN8720_RX_RUNT },
	{ "backend checked FCS", 60, LAN8720_TEST_OK, false, -1, 1518,
	  LAN8720_RX_GOOD },
	{ "backend checked FCS, runt", 59, LAN8720_TEST_OK, false, -1, 1518,
	  LAN8720_RX_RUNT },
	{ "backend checked FCS, giant", 1519, LAN8720_TEST_OK, false, -1, 1518,
	  LAN8720_RX_GIANT },
	{ "backend FCS error", 60, LAN8720_MAC_RX_FCS_ERROR, false, -1, 1518,
	  LAN8720_RX_CRC },
	{ "symbol error", 64, LAN8720_MAC_RX_SYMBOL_ERROR, true, -1, 1518,
	  LAN8720_RX_SYMBOL },
	{ "alignment error", 64, LAN8720_MAC_RX_ALIGN_ERROR, true, -1, 1518,
	  LAN8720_RX_ALIGN },
	{ "truncated", 1522, LAN8720_MAC_RX_TRUNCATED, true, -1, 1518,
	  LAN8720_RX_TRUNCATED },
	{ "backend error wins over length", 10, LAN8720_MAC_RX_SYMBOL_ERROR,
	  true, -1, 1518, LAN8720_RX_SYMBOL },
	{ "unknown backend status", 64, (enum lan8720_mac_rx_status)99, true,
	  -1, 1518, LAN8720_RX_BAD_STATUS },
};

static void lan8720_rx_desc(const struct lan8720_rx_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(lan8720_rx, lan8720_rx_cases, lan8720_rx_desc);

/* Bad frames get the counter a user looks for; good ones pass. */
static void lan8720_test_rx_check(struct kunit *test)
{
	const struct lan8720_rx_case *c = test->param_value;
	u8 *buf;

	buf = kunit_kzalloc(test, LAN8720_TEST_BUF, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, buf);

	lan8720_test_fill(buf, c->len);
	if (c->has_fcs && c->len >= ETH_FCS_LEN) {
		unsigned int body = c->len - ETH_FCS_LEN;

		put_unaligned_le32(lan8720_fcs(buf, body), buf + body);
	}
	if (c->corrupt >= 0)
		buf[c->corrupt] ^= 0x10;

	KUNIT_EXPECT_EQ(test, lan8720_rx_check(buf, c->len, c->status,
					       c->has_fcs, c->rx_max),
			c->verdict);
}

struct lan8720_limit_case {
	const char *name;
	unsigned int mtu;
	unsigned int max_frame;
	unsigned int limit;
};

static const struct lan8720_limit_case lan8720_limit_cases[] = {
	{ "default MTU", 1500, 1518, 1518 },
	{ "small MTU still takes standard frames", 576, 1518, 1518 },
	{ "raised MTU", 1600, 2018, 1618 },
	{ "MTU above the backend's limit", 9000, 2018, 2018 },
};

static void lan8720_limit_desc(const struct lan8720_limit_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(lan8720_limit, lan8720_limit_cases, lan8720_limit_desc);

/* The receive limit follows the MTU within the backend's limits. */
static void lan8720_test_rx_limit(struct kunit *test)
{
	const struct lan8720_limit_case *c = test->param_value;

	KUNIT_EXPECT_EQ(test, lan8720_rx_limit(c->mtu, c->max_frame), c->limit);
}

/**
 * struct lan8720_filter_case - one destination under one filter setting
 * @name: description
 * @promisc: IFF_PROMISC
 * @allmulti: IFF_ALLMULTI
 * @joined: the multicast group 01:00:5e:00:00:fb was joined
 * @dest: the destination address
 * @accept: expected
 */
struct lan8720_filter_case {
	const char *name;
	bool promisc;
	bool allmulti;
	bool joined;
	u8 dest[ETH_ALEN];
	bool accept;
};

#define LAN8720_TEST_OWN	{ 0x02, 0x11, 0x22, 0x33, 0x44, 0x55 }
#define LAN8720_TEST_OTHER	{ 0x02, 0x11, 0x22, 0x33, 0x44, 0x56 }
#define LAN8720_TEST_BCAST	{ 0xff, 0xff, 0xff, 0xff, 0xff, 0xff }
#define LAN8720_TEST_MDNS	{ 0x01, 0x00, 0x5e, 0x00, 0x00, 0xfb }
#define LAN8720_TEST_MCAST	{ 0x01, 0x00, 0x5e, 0x00, 0x00, 0x01 }

static const struct lan8720_filter_case lan8720_filter_cases[] = {
	{ "own address", false, false, false, LAN8720_TEST_OWN, true },
	{ "other unicast", false, false, false, LAN8720_TEST_OTHER, false },
	{ "broadcast", false, false, false, LAN8720_TEST_BCAST, true },
	{ "joined group", false, false, true, LAN8720_TEST_MDNS, true },
	{ "group not joined", false, false, false, LAN8720_TEST_MDNS, false },
	{ "other group", false, false, true, LAN8720_TEST_MCAST, false },
	{ "allmulti: any group", false, true, false, LAN8720_TEST_MCAST, true },
	{ "allmulti: other unicast",
	  false, true, false, LAN8720_TEST_OTHER, false },
	{ "promisc: other unicast",
	  true, false, false, LAN8720_TEST_OTHER, true },
	{ "promisc: any group", true, false, false, LAN8720_TEST_MCAST, true },
};

static void lan8720_filter_desc(const struct lan8720_filter_case *c,
				char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(lan8720_filter, lan8720_filter_cases, lan8720_filter_desc);

/* The software filter behaves like a NIC's address filter. */
static void lan8720_test_filter(struct kunit *test)
{
	const struct lan8720_filter_case *c = test->param_value;
	static const u8 mdns[ETH_ALEN] = LAN8720_TEST_MDNS;
	static const u8 own[ETH_ALEN] = LAN8720_TEST_OWN;
	struct lan8720_filter *f;

	f = kunit_kzalloc(test, sizeof(*f), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, f);
	ether_addr_copy(f->own, own);
	f->promisc = c->promisc;
	f->allmulti = c->allmulti;
	if (c->joined)
		ether_addr_copy(f->mc[f->mc_count++], mdns);

	KUNIT_EXPECT_EQ(test, lan8720_rx_accept(f, c->dest), c->accept);
}

static struct sk_buff *lan8720_test_skb(struct kunit *test, unsigned int len)
{
	struct sk_buff *skb = alloc_skb(len, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, skb);
	lan8720_test_fill(skb_put(skb, len), len);
	return skb;
}

struct lan8720_tx_case {
	const char *name;
	unsigned int len;
	bool add_fcs;
	unsigned int out_len;
};

static const struct lan8720_tx_case lan8720_tx_cases[] = {
	{ "ARP-size frame, software FCS", 42, true, 64 },
	{ "ARP-size frame, backend FCS", 42, false, 60 },
	{ "minimum frame, software FCS", 60, true, 64 },
	{ "full frame, software FCS", 1514, true, 1518 },
	{ "full frame, backend FCS", 1514, false, 1514 },
};

static void lan8720_tx_desc(const struct lan8720_tx_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(lan8720_tx, lan8720_tx_cases, lan8720_tx_desc);

/* What goes on the wire is padded with zeros and carries a valid FCS. */
static void lan8720_test_tx_prepare(struct kunit *test)
{
	const struct lan8720_tx_case *c = test->param_value;
	unsigned int i, body;
	struct sk_buff *skb;

	skb = lan8720_test_skb(test, c->len);
	KUNIT_ASSERT_EQ(test, lan8720_tx_prepare(skb, c->add_fcs), 0);
	KUNIT_EXPECT_EQ(test, skb->len, c->out_len);
	KUNIT_EXPECT_FALSE(test, skb_is_nonlinear(skb));

	body = c->add_fcs ? skb->len - ETH_FCS_LEN : skb->len;
	for (i = c->len; i < body; i++)
		KUNIT_EXPECT_EQ(test, skb->data[i], 0);
	if (c->add_fcs)
		KUNIT_EXPECT_EQ(test,
				lan8720_rx_check(skb->data, skb->len,
						 LAN8720_MAC_RX_OK, true, 1518),
				LAN8720_RX_GOOD);
	kfree_skb(skb);
}

/* A frame shared with a clone (TCP keeps one for retransmission) is not
 * written in place.
 */
static void lan8720_test_tx_prepare_clone(struct kunit *test)
{
	struct sk_buff *orig = lan8720_test_skb(test, 42);
	struct sk_buff *clone;
	u8 before[64];

	memset(before, 0, sizeof(before));
	memcpy(before, orig->data, orig->len);
	/* what lies past the data in the shared buffer */
	memcpy(before + 42, skb_tail_pointer(orig),
	       min_t(unsigned int, skb_tailroom(orig), sizeof(before) - 42));

	clone = skb_clone(orig, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, clone);
	KUNIT_ASSERT_EQ(test, lan8720_tx_prepare(clone, true), 0);
	KUNIT_EXPECT_EQ(test, clone->len, 64);
	KUNIT_EXPECT_PTR_NE(test, clone->data, orig->data);

	KUNIT_EXPECT_EQ(test, orig->len, 42);
	KUNIT_EXPECT_EQ(test, memcmp(orig->data, before, 42), 0);
	KUNIT_EXPECT_EQ(test, memcmp(skb_tail_pointer(orig), before + 42,
				     min_t(unsigned int, skb_tailroom(orig),
					   22)), 0);
	kfree_skb(clone);
	kfree_skb(orig);
}

static struct kunit_case lan8720_test_cases[] = {
	KUNIT_CASE_PARAM(lan8720_test_fcs, lan8720_fcs_gen_params),
	KUNIT_CASE_PARAM(lan8720_test_rx_check, lan8720_rx_gen_params),
	KUNIT_CASE_PARAM(lan8720_test_rx_limit, lan8720_limit_gen_params),
	KUNIT_CASE_PARAM(lan8720_test_filter, lan8720_filter_gen_params),
	KUNIT_CASE_PARAM(lan8720_test_tx_prepare, lan8720_tx_gen_params),
	KUNIT_CASE(lan8720_test_tx_prepare_clone),
	{}
};

static struct kunit_suite lan8720_test_suite = {
	.name = "lan8720_mac",
	.test_cases = lan8720_test_cases,
};

kunit_test_suite(lan8720_test_suite);

MODULE_DESCRIPTION("KUnit tests for the lan8720 MAC logic");
MODULE_LICENSE("GPL");
