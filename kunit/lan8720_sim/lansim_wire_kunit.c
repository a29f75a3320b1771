// SPDX-License-Identifier: GPL-2.0
/* KUnit tests of lan8720_sim frame arithmetic: FCS and wire time. */

#include <kunit/test.h>
#include <linux/if_ether.h>
#include <linux/string.h>

#include "../../drivers/net/sim/lan8720_sim/lansim.h"
#include "lansim_kunit.h"

/* The FCS is IEEE 802.3's CRC-32, whose published check value over the
 * ASCII digits "123456789" is 0xcbf43926 (issue 3: FCS generated and
 * checked with crc32_le).
 */
static void lansim_test_fcs_check_value(struct kunit *test)
{
	static const u8 digits[] = "123456789";

	KUNIT_EXPECT_EQ(test, lansim_fcs(digits, 9), 0xcbf43926);
}

/* An appended FCS verifies; any single flipped bit, in the data or in
 * the FCS itself, is caught; a frame shorter than an FCS is bad.
 */
static void lansim_test_fcs_append_and_check(struct kunit *test)
{
	unsigned int len = ETH_ZLEN, bit;
	u8 *frame;

	frame = kunit_kzalloc(test, len + ETH_FCS_LEN, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, frame);
	memset(frame, 0xff, ETH_ALEN);
	frame[12] = 0x08;
	frame[13] = 0x06;
	lansim_fcs_append(frame, len);
	KUNIT_EXPECT_TRUE(test, lansim_fcs_ok(frame, len + ETH_FCS_LEN));

	for (bit = 0; bit < (len + ETH_FCS_LEN) * 8; bit += 37) {
		frame[bit / 8] ^= BIT(bit % 8);
		KUNIT_EXPECT_FALSE(test,
				   lansim_fcs_ok(frame, len + ETH_FCS_LEN));
		frame[bit / 8] ^= BIT(bit % 8);
	}
	KUNIT_EXPECT_TRUE(test, lansim_fcs_ok(frame, len + ETH_FCS_LEN));
	KUNIT_EXPECT_FALSE(test, lansim_fcs_ok(frame, ETH_FCS_LEN - 1));
}

struct lansim_wire_time_case {
	const char *name;
	unsigned int len;
	unsigned int speed;
	u64 ns;
};

/* Reference §G.1: preamble+SFD (8) + frame + gap (12) byte times; a
 * 1518-byte frame takes 123.04 us at 100 Mb/s, a 64-byte one 6.72 us;
 * 10 Mb/s is ten times slower.
 */
static const struct lansim_wire_time_case lansim_wire_time_cases[] = {
	{ "max_frame_100", 1518, 100, 123040 },
	{ "min_frame_100", 64, 100, 6720 },
	{ "max_frame_10", 1518, 10, 1230400 },
	{ "min_frame_10", 64, 10, 67200 },
};

static void lansim_wire_time_desc(const struct lansim_wire_time_case *c,
				  char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(lansim_wire_time, lansim_wire_time_cases,
		  lansim_wire_time_desc);

static void lansim_test_wire_time(struct kunit *test)
{
	const struct lansim_wire_time_case *c = test->param_value;

	KUNIT_EXPECT_EQ(test, lansim_wire_time_ns(c->len, c->speed), c->ns);
}

/* §G.1: 8127 maximum frames fill one second at 100 Mb/s, 8128 do not. */
static void lansim_test_wire_rate(struct kunit *test)
{
	u64 t = lansim_wire_time_ns(1518, 100);

	KUNIT_EXPECT_LE(test, 8127 * t, NSEC_PER_SEC);
	KUNIT_EXPECT_GT(test, 8128 * t, NSEC_PER_SEC);
}

static struct kunit_case lansim_wire_cases[] = {
	KUNIT_CASE(lansim_test_fcs_check_value),
	KUNIT_CASE(lansim_test_fcs_append_and_check),
	KUNIT_CASE_PARAM(lansim_test_wire_time, lansim_wire_time_gen_params),
	KUNIT_CASE(lansim_test_wire_rate),
	{}
};

struct kunit_suite lansim_wire_suite = {
	.name = "lan8720_sim_wire",
	.test_cases = lansim_wire_cases,
};
