// SPDX-License-Identifier: GPL-2.0
/* KUnit tests of the LAN8720A register model, each from a reference fact. */

#include <kunit/test.h>
#include <linux/module.h>

#include "../../drivers/net/sim/lan8720_sim/lansim_compat.h"
#include "../../drivers/net/sim/lan8720_sim/lansim_phy.h"
#include "../../drivers/net/sim/lan8720_sim/lansim_regs.h"
#include "lansim_kunit.h"

/* The model's surroundings, recorded. */
struct lansim_fake {
	struct lansim_phy phy;
	bool armed[LANSIM_TMR_NR];
	unsigned int armed_ms[LANSIM_TMR_NR];
	bool nint;
	unsigned int nint_edges;
	struct lansim_line line;
};

static void lansim_fake_arm(void *ctx, enum lansim_phy_tmr tmr,
			    unsigned int ms)
{
	struct lansim_fake *f = ctx;

	f->armed[tmr] = true;
	f->armed_ms[tmr] = ms;
}

static void lansim_fake_disarm(void *ctx, enum lansim_phy_tmr tmr)
{
	struct lansim_fake *f = ctx;

	f->armed[tmr] = false;
}

static void lansim_fake_nint(void *ctx, bool asserted)
{
	struct lansim_fake *f = ctx;

	f->nint = asserted;
	if (asserted)
		f->nint_edges++;
}

static void lansim_fake_line(void *ctx, const struct lansim_line *line)
{
	struct lansim_fake *f = ctx;

	f->line = *line;
}

static const struct lansim_phy_ops lansim_fake_ops = {
	.arm = lansim_fake_arm,
	.disarm = lansim_fake_disarm,
	.nint = lansim_fake_nint,
	.line = lansim_fake_line,
};

static const struct lansim_partner lansim_all_capable = {
	.plugged = true,
	.autoneg = true,
	.modes = LANSIM_MODES_ALL,
	.mdix = LANSIM_MDIX_AUTO,
};

static struct lansim_fake *lansim_fake_new(struct kunit *test, u8 phyad,
					   u8 mode,
					   const struct lansim_partner *p)
{
	struct lansim_fake *f = kunit_kzalloc(test, sizeof(*f), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, f);
	lansim_phy_init(&f->phy, &lansim_fake_ops, f, phyad, mode, p);
	return f;
}

/* Let the model's time pass: expire its timers until it waits for
 * nothing, or only for a retry that would change nothing (no common
 * mode).
 */
static void lansim_settle(struct lansim_fake *f)
{
	int i;

	for (i = 0; i < 16; i++) {
		if (f->phy.state == LANSIM_ST_NO_HCD)
			return;
		if (f->armed[LANSIM_TMR_LINK]) {
			f->armed[LANSIM_TMR_LINK] = false;
			lansim_phy_timer(&f->phy, LANSIM_TMR_LINK);
		} else if (f->armed[LANSIM_TMR_ENERGY]) {
			f->armed[LANSIM_TMR_ENERGY] = false;
			lansim_phy_timer(&f->phy, LANSIM_TMR_ENERGY);
		} else {
			return;
		}
	}
}

static void lansim_set_plugged(struct lansim_fake *f, bool plugged)
{
	struct lansim_partner p = f->phy.partner;

	p.plugged = plugged;
	lansim_phy_set_partner(&f->phy, &p);
}

static bool lansim_bmsr_link(struct lansim_fake *f)
{
	return lansim_phy_read(&f->phy, LANSIM_BMSR) & LANSIM_BMSR_LSTATUS;
}

struct lansim_strap_case {
	const char *name;
	u8 phyad;
	u8 mode;
	u16 bmcr;
	u16 anar;
	u16 smr;
};

/* Reference §A.4 (DS Table 3-4) and §A.8: what each strap setting
 * leaves in BMCR, ANAR and register 18.
 */
static const struct lansim_strap_case lansim_strap_cases[] = {
	{ "mode111_addr1", 1, 7, 0x3100, 0x01e1, 0x40e1 },
	{ "mode111_addr0", 0, 7, 0x3100, 0x01e1, 0x40e0 },
	{ "mode000_10half", 1, 0, 0x0000, 0x01e1, 0x4001 },
	{ "mode011_100full", 1, 3, 0x2100, 0x01e1, 0x4061 },
	{ "mode100_100half_an", 1, 4, 0x3000, 0x0081, 0x4081 },
};

static void lansim_strap_desc(const struct lansim_strap_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(lansim_strap, lansim_strap_cases, lansim_strap_desc);

/* §A.2 / §A.8: power-on register values, straps per §A.4. */
static void lansim_test_defaults(struct kunit *test)
{
	const struct lansim_strap_case *c = test->param_value;
	struct lansim_partner none = { .mdix = LANSIM_MDIX_AUTO };
	struct lansim_fake *f = lansim_fake_new(test, c->phyad, c->mode, &none);
	struct lansim_phy *phy = &f->phy;
	unsigned int reg;

	KUNIT_EXPECT_EQ(test, lansim_phy_read(phy, LANSIM_BMCR), c->bmcr);
	KUNIT_EXPECT_EQ(test, lansim_phy_read(phy, LANSIM_ANAR), c->anar);
	KUNIT_EXPECT_EQ(test, lansim_phy_read(phy, LANSIM_SMR), c->smr);
	KUNIT_EXPECT_EQ(test, lansim_phy_addr(phy), c->phyad);

	/* BMSR 0x7809 before any link (§A.2 reg 1). */
	KUNIT_EXPECT_EQ(test, lansim_phy_read(phy, LANSIM_BMSR), 0x7809);
	/* PHY ID 0x0007c0f1 (§A.1). */
	KUNIT_EXPECT_EQ(test, lansim_phy_read(phy, LANSIM_PHYID1), 0x0007);
	KUNIT_EXPECT_EQ(test, lansim_phy_read(phy, LANSIM_PHYID2), 0xc0f1);
	/* Reg 17: ENERGYON set at power-up (§A.8). */
	KUNIT_EXPECT_EQ(test, lansim_phy_peek(phy, LANSIM_MCSR), 0x0002);
	KUNIT_EXPECT_EQ(test, lansim_phy_peek(phy, LANSIM_SCSIR), 0);
	/* INT7 flagged at power-up, mask 0 (§A.3, §A.8). */
	KUNIT_EXPECT_EQ(test, lansim_phy_peek(phy, LANSIM_ISF),
			LANSIM_INT7_ENERGYON);
	KUNIT_EXPECT_EQ(test, lansim_phy_peek(phy, LANSIM_IMR), 0);
	KUNIT_EXPECT_FALSE(test, f->nint);
	/* Reg 31: reserved bits 11:5 read 0000010b (§A.2). */
	KUNIT_EXPECT_EQ(test, lansim_phy_peek(phy, LANSIM_PSCSR) &
			LANSIM_PSCSR_RSVD, 0x0040);

	/* 7..15 read 0xffff and ignore writes (DS §3.5); nothing unknown
	 * reads as 0 (§A.8).
	 */
	for (reg = 7; reg <= 15; reg++) {
		lansim_phy_write(phy, reg, 0x1234);
		KUNIT_EXPECT_EQ(test, lansim_phy_read(phy, reg), 0xffff);
	}
	for (reg = 16; reg < LANSIM_NREGS; reg++) {
		/* Registers whose reset value is legitimately 0. */
		if (reg == LANSIM_SECR || reg == LANSIM_SCSIR ||
		    reg == LANSIM_ISF || reg == LANSIM_IMR)
			continue;
		KUNIT_EXPECT_NE(test, lansim_phy_read(phy, reg), 0);
	}

	/* ENERGYON falls within a few ms with nothing on the line (§A.3). */
	KUNIT_EXPECT_TRUE(test, f->armed[LANSIM_TMR_ENERGY]);
	KUNIT_EXPECT_LE(test, f->armed_ms[LANSIM_TMR_ENERGY], 10);
	lansim_settle(f);
	KUNIT_EXPECT_EQ(test, lansim_phy_peek(phy, LANSIM_MCSR), 0);
}

/* §A.2 reg 1 / §A.8: link status is latch-low: after a drop the first
 * read says 0 even though the link is back, the next says 1.
 */
static void lansim_test_latch_low(struct kunit *test)
{
	struct lansim_fake *f = lansim_fake_new(test, 1, 7,
						&lansim_all_capable);

	lansim_settle(f);
	KUNIT_ASSERT_TRUE(test, f->line.up);
	lansim_bmsr_link(f);
	KUNIT_EXPECT_TRUE(test, lansim_bmsr_link(f));

	lansim_set_plugged(f, false);
	lansim_settle(f);
	lansim_set_plugged(f, true);
	lansim_settle(f);
	KUNIT_ASSERT_TRUE(test, f->line.up);

	KUNIT_EXPECT_FALSE(test, lansim_bmsr_link(f));
	KUNIT_EXPECT_TRUE(test, lansim_bmsr_link(f));
}

/* §A.3: in the primary interrupt system reg 29 clears on read and nINT
 * follows (flags & mask); the mask gates nINT, not the flags.
 */
static void lansim_test_isf_clear_on_read(struct kunit *test)
{
	struct lansim_fake *f = lansim_fake_new(test, 1, 7,
						&lansim_all_capable);
	struct lansim_phy *phy = &f->phy;
	u16 isf;

	lansim_settle(f);
	lansim_phy_read(phy, LANSIM_ISF);
	lansim_phy_write(phy, LANSIM_IMR, LANSIM_INT4_LINKDOWN |
			 LANSIM_INT6_ANCOMP | LANSIM_INT7_ENERGYON);
	KUNIT_EXPECT_FALSE(test, f->nint);

	lansim_set_plugged(f, false);
	KUNIT_EXPECT_TRUE(test, f->nint);
	isf = lansim_phy_read(phy, LANSIM_ISF);
	KUNIT_EXPECT_TRUE(test, isf & LANSIM_INT4_LINKDOWN);
	KUNIT_EXPECT_EQ(test, lansim_phy_read(phy, LANSIM_ISF), 0);
	KUNIT_EXPECT_FALSE(test, f->nint);

	/* Reading BMSR also clears the link-down source. */
	lansim_set_plugged(f, true);
	lansim_settle(f);
	lansim_phy_read(phy, LANSIM_ISF);
	lansim_set_plugged(f, false);
	KUNIT_EXPECT_TRUE(test, f->nint);
	lansim_phy_read(phy, LANSIM_BMSR);
	KUNIT_EXPECT_FALSE(test, lansim_phy_peek(phy, LANSIM_ISF) &
			   LANSIM_INT4_LINKDOWN);

	/* Masked: the flag is set, nINT stays high. */
	lansim_phy_write(phy, LANSIM_IMR, 0);
	lansim_set_plugged(f, true);
	lansim_settle(f);
	lansim_phy_read(phy, LANSIM_ISF);
	lansim_set_plugged(f, false);
	KUNIT_EXPECT_TRUE(test, lansim_phy_peek(phy, LANSIM_ISF) &
			  LANSIM_INT4_LINKDOWN);
	KUNIT_EXPECT_FALSE(test, f->nint);
}

/* §A.3: alternate system (17.6): reading does not clear; writing 1
 * clears a flag only once its condition is gone.
 */
static void lansim_test_isf_alternate(struct kunit *test)
{
	struct lansim_fake *f = lansim_fake_new(test, 1, 7,
						&lansim_all_capable);
	struct lansim_phy *phy = &f->phy;

	lansim_settle(f);
	lansim_phy_write(phy, LANSIM_MCSR, LANSIM_MCSR_ALTINT);
	lansim_phy_read(phy, LANSIM_ISF);
	lansim_phy_write(phy, LANSIM_ISF, LANSIM_INT_ALL);

	lansim_set_plugged(f, false);
	lansim_phy_read(phy, LANSIM_ISF);
	KUNIT_EXPECT_TRUE(test, lansim_phy_read(phy, LANSIM_ISF) &
			  LANSIM_INT4_LINKDOWN);
	lansim_phy_write(phy, LANSIM_ISF, LANSIM_INT4_LINKDOWN);
	KUNIT_EXPECT_TRUE(test, lansim_phy_peek(phy, LANSIM_ISF) &
			  LANSIM_INT4_LINKDOWN);

	lansim_set_plugged(f, true);
	lansim_settle(f);
	lansim_phy_write(phy, LANSIM_ISF, LANSIM_INT4_LINKDOWN);
	KUNIT_EXPECT_FALSE(test, lansim_phy_peek(phy, LANSIM_ISF) &
			   LANSIM_INT4_LINKDOWN);
}

/* §A.2 reg 0, §A.3, §A.8: soft reset self-clears, restores defaults
 * from reg 18's MODE, keeps NASR bits and ENERGYON, erases the mask and
 * restarts the link.
 */
static void lansim_test_soft_reset(struct kunit *test)
{
	struct lansim_fake *f = lansim_fake_new(test, 1, 7,
						&lansim_all_capable);
	struct lansim_phy *phy = &f->phy;

	lansim_settle(f);
	KUNIT_ASSERT_TRUE(test, f->line.up);
	lansim_phy_write(phy, LANSIM_SMR, 0x40e3);	/* PHYAD 3 */
	lansim_phy_write(phy, LANSIM_ANAR, 0x0061);
	lansim_phy_write(phy, LANSIM_IMR, LANSIM_INT_ALL);
	lansim_phy_write(phy, LANSIM_SCSIR, LANSIM_SCSIR_SQEOFF);

	lansim_phy_write(phy, LANSIM_BMCR, LANSIM_BMCR_RESET);
	KUNIT_EXPECT_EQ(test, lansim_phy_read(phy, LANSIM_BMCR), 0x3100);
	KUNIT_EXPECT_EQ(test, lansim_phy_read(phy, LANSIM_ANAR), 0x01e1);
	KUNIT_EXPECT_EQ(test, lansim_phy_read(phy, LANSIM_IMR), 0);
	KUNIT_EXPECT_EQ(test, lansim_phy_read(phy, LANSIM_SMR), 0x40e3);
	KUNIT_EXPECT_EQ(test, lansim_phy_addr(phy), 3);
	KUNIT_EXPECT_EQ(test, lansim_phy_read(phy, LANSIM_SCSIR),
			LANSIM_SCSIR_SQEOFF);
	KUNIT_EXPECT_EQ(test, lansim_phy_read(phy, LANSIM_MCSR),
			LANSIM_MCSR_ENERGYON);
	KUNIT_EXPECT_FALSE(test, f->line.up);

	/* AN restarts through break_link_timer, 1200 ms (DS §3.2.2). */
	KUNIT_EXPECT_TRUE(test, f->armed[LANSIM_TMR_LINK]);
	KUNIT_EXPECT_EQ(test, f->armed_ms[LANSIM_TMR_LINK], 1200);
	lansim_settle(f);
	KUNIT_EXPECT_TRUE(test, f->line.up);
}

/* §A.4: MODE 110 leaves the PHY unusable until reg 18 is rewritten and
 * a soft reset is issued.
 */
static void lansim_test_mode_powerdown(struct kunit *test)
{
	struct lansim_fake *f = lansim_fake_new(test, 1, 6,
						&lansim_all_capable);
	struct lansim_phy *phy = &f->phy;

	lansim_settle(f);
	KUNIT_EXPECT_FALSE(test, f->line.up);
	lansim_phy_write(phy, LANSIM_BMCR, 0x1200);
	lansim_settle(f);
	KUNIT_EXPECT_FALSE(test, f->line.up);

	lansim_phy_write(phy, LANSIM_SMR, 0x40e1);
	lansim_settle(f);
	KUNIT_EXPECT_FALSE(test, f->line.up);
	lansim_phy_write(phy, LANSIM_BMCR, LANSIM_BMCR_RESET);
	lansim_settle(f);
	KUNIT_EXPECT_TRUE(test, f->line.up);
}

struct lansim_an_case {
	const char *name;
	u8 partner;
	u16 anar;
	bool up;
	unsigned int speed;
	bool full;
	u16 speed_code;	/* reg 31 bits 4:2 */
	u16 anlpar;
};

/* §A.2 regs 4, 5, 31: the highest common mode wins, reg 31 reports it
 * (001 10H, 101 10F, 010 100H, 110 100F), ANLPAR holds the partner's
 * page with Acknowledge.
 */
static const struct lansim_an_case lansim_an_cases[] = {
	{ "all_vs_all", LANSIM_MODES_ALL, 0x01e1, true, 100, true, 6, 0x41e1 },
	{ "partner_10_only", LANSIM_MODES_10, 0x01e1, true, 10, true, 5,
	  0x4061 },
	{ "partner_100half_10full", LANSIM_100HD | LANSIM_10FD, 0x01e1, true,
	  100, false, 2, 0x40c1 },
	{ "local_10_only", LANSIM_MODES_ALL, 0x0061, true, 10, true, 5,
	  0x41e1 },
	{ "local_10half_only", LANSIM_MODES_ALL, 0x0021, true, 10, false, 1,
	  0x41e1 },
	{ "nothing_common", LANSIM_100FD, 0x0061, false, 0, false, 0,
	  0x4101 },
};

static void lansim_an_desc(const struct lansim_an_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(lansim_an, lansim_an_cases, lansim_an_desc);

static void lansim_test_autoneg(struct kunit *test)
{
	const struct lansim_an_case *c = test->param_value;
	struct lansim_partner p = lansim_all_capable;
	enum lansim_state before;
	struct lansim_fake *f;
	struct lansim_phy *phy;
	u16 pscsr;

	p.modes = c->partner;
	f = lansim_fake_new(test, 1, 7, &p);
	phy = &f->phy;
	lansim_settle(f);
	before = phy->state;
	lansim_phy_write(phy, LANSIM_ANAR, c->anar);
	/* Writing ANAR alone does not restart AN (DS §3.2). */
	KUNIT_EXPECT_EQ(test, phy->state, before);
	lansim_phy_write(phy, LANSIM_BMCR, LANSIM_BMCR_ANENABLE |
			 LANSIM_BMCR_ANRESTART);
	KUNIT_EXPECT_EQ(test, f->armed_ms[LANSIM_TMR_LINK], 1200);
	KUNIT_EXPECT_FALSE(test, lansim_phy_read(phy, LANSIM_BMCR) &
			   LANSIM_BMCR_ANRESTART);
	lansim_settle(f);

	KUNIT_EXPECT_EQ(test, f->line.up, c->up);
	KUNIT_EXPECT_EQ(test, lansim_phy_read(phy, LANSIM_ANLPAR), c->anlpar);
	KUNIT_EXPECT_TRUE(test, lansim_phy_peek(phy, LANSIM_ANER) &
			  LANSIM_ANER_LPANABLE);
	pscsr = lansim_phy_read(phy, LANSIM_PSCSR);
	lansim_bmsr_link(f);
	if (!c->up) {
		KUNIT_EXPECT_FALSE(test, pscsr & LANSIM_PSCSR_AUTODONE);
		KUNIT_EXPECT_FALSE(test, lansim_phy_read(phy, LANSIM_BMSR) &
				   LANSIM_BMSR_ANCOMP);
		return;
	}
	KUNIT_EXPECT_EQ(test, f->line.speed, c->speed);
	KUNIT_EXPECT_EQ(test, f->line.full, c->full);
	KUNIT_EXPECT_EQ(test, pscsr, LANSIM_PSCSR_AUTODONE | 0x0040 |
			c->speed_code << 2);
	KUNIT_EXPECT_EQ(test, lansim_phy_read(phy, LANSIM_BMSR), 0x782d);
}

struct lansim_pd_case {
	const char *name;
	u8 partner;
	unsigned int speed;
	bool partner_full;
	u16 anlpar;
};

/* §A.2 reg 5 (DS §3.2.1): a partner that does not negotiate is
 * parallel-detected: half duplex at its speed, ANLPAR filled from the
 * detected speed, ANER says the partner is not AN-able.
 */
static const struct lansim_pd_case lansim_pd_cases[] = {
	{ "forced_100full", LANSIM_100FD, 100, true, 0x0081 },
	{ "forced_100half", LANSIM_100HD, 100, false, 0x0081 },
	{ "forced_10full", LANSIM_10FD, 10, true, 0x0021 },
	{ "forced_10half", LANSIM_10HD, 10, false, 0x0021 },
};

static void lansim_pd_desc(const struct lansim_pd_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(lansim_pd, lansim_pd_cases, lansim_pd_desc);

static void lansim_test_parallel_detect(struct kunit *test)
{
	const struct lansim_pd_case *c = test->param_value;
	struct lansim_partner p = lansim_all_capable;
	struct lansim_fake *f;
	struct lansim_phy *phy;

	p.autoneg = false;
	p.modes = c->partner;
	f = lansim_fake_new(test, 1, 7, &p);
	phy = &f->phy;
	lansim_settle(f);

	KUNIT_ASSERT_TRUE(test, f->line.up);
	KUNIT_EXPECT_EQ(test, f->line.speed, c->speed);
	KUNIT_EXPECT_FALSE(test, f->line.full);
	KUNIT_EXPECT_EQ(test, f->line.partner_full, c->partner_full);
	KUNIT_EXPECT_EQ(test, lansim_phy_read(phy, LANSIM_ANLPAR), c->anlpar);
	KUNIT_EXPECT_FALSE(test, lansim_phy_read(phy, LANSIM_ANER) &
			   LANSIM_ANER_LPANABLE);
	KUNIT_EXPECT_EQ(test, phy->stats.par_detects, 1);
}

/* §A.2 reg 17 (DS §4.2.8), §A.3: ENERGYON falls 256 ms after the energy
 * goes, rises (with INT7) when it comes back.
 */
static void lansim_test_energyon(struct kunit *test)
{
	struct lansim_fake *f = lansim_fake_new(test, 1, 7,
						&lansim_all_capable);
	struct lansim_phy *phy = &f->phy;

	lansim_settle(f);
	lansim_phy_read(phy, LANSIM_ISF);
	lansim_set_plugged(f, false);
	KUNIT_EXPECT_TRUE(test, lansim_phy_peek(phy, LANSIM_MCSR) &
			  LANSIM_MCSR_ENERGYON);
	KUNIT_EXPECT_TRUE(test, f->armed[LANSIM_TMR_ENERGY]);
	KUNIT_EXPECT_EQ(test, f->armed_ms[LANSIM_TMR_ENERGY], 256);
	lansim_settle(f);
	KUNIT_EXPECT_FALSE(test, lansim_phy_peek(phy, LANSIM_MCSR) &
			   LANSIM_MCSR_ENERGYON);

	lansim_set_plugged(f, true);
	KUNIT_EXPECT_TRUE(test, lansim_phy_peek(phy, LANSIM_MCSR) &
			  LANSIM_MCSR_ENERGYON);
	KUNIT_EXPECT_TRUE(test, lansim_phy_peek(phy, LANSIM_ISF) &
			  LANSIM_INT7_ENERGYON);
}

/* §A.7 item 2: with EDPD at both ends and the cable plugged while both
 * sleep, no link ever comes; turning EDPD off here wakes both.
 */
static void lansim_test_edpd_both_ends(struct kunit *test)
{
	struct lansim_partner p = lansim_all_capable;
	struct lansim_fake *f;
	struct lansim_phy *phy;

	p.edpd = true;
	p.plugged = false;
	f = lansim_fake_new(test, 1, 7, &p);
	phy = &f->phy;
	lansim_phy_write(phy, LANSIM_MCSR, LANSIM_MCSR_EDPWRDOWN);
	lansim_settle(f);
	KUNIT_ASSERT_FALSE(test, lansim_phy_peek(phy, LANSIM_MCSR) &
			   LANSIM_MCSR_ENERGYON);

	lansim_set_plugged(f, true);
	lansim_settle(f);
	KUNIT_EXPECT_FALSE(test, f->line.up);

	lansim_phy_write(phy, LANSIM_MCSR, 0);
	lansim_settle(f);
	KUNIT_EXPECT_TRUE(test, f->line.up);
}

/* §A.2 reg 26: counts in 100BASE-TX only, not cleared by reading,
 * cleared by reset.
 */
static void lansim_test_symbol_counter(struct kunit *test)
{
	struct lansim_partner p = lansim_all_capable;
	struct lansim_fake *f = lansim_fake_new(test, 1, 7, &p);
	struct lansim_phy *phy = &f->phy;

	lansim_settle(f);
	KUNIT_ASSERT_EQ(test, f->line.speed, 100);
	lansim_phy_symbol_error(phy);
	lansim_phy_symbol_error(phy);
	lansim_phy_symbol_error(phy);
	KUNIT_EXPECT_EQ(test, lansim_phy_read(phy, LANSIM_SECR), 3);
	KUNIT_EXPECT_EQ(test, lansim_phy_read(phy, LANSIM_SECR), 3);
	lansim_phy_write(phy, LANSIM_BMCR, LANSIM_BMCR_RESET);
	KUNIT_EXPECT_EQ(test, lansim_phy_read(phy, LANSIM_SECR), 0);

	p.modes = LANSIM_MODES_10;
	lansim_phy_set_partner(phy, &p);
	lansim_settle(f);
	KUNIT_ASSERT_EQ(test, f->line.speed, 10);
	KUNIT_EXPECT_FALSE(test, lansim_phy_symbol_error(phy));
	KUNIT_EXPECT_EQ(test, lansim_phy_read(phy, LANSIM_SECR), 0);
}

/* §A.2 reg 27 (data-sheet semantics): bit 15 set turns Auto-MDIX off and
 * bit 13 picks the channel; a straight cable to a fixed-MDI partner then
 * needs MDI-X here.
 */
static void lansim_test_mdix(struct kunit *test)
{
	struct lansim_partner p = lansim_all_capable;
	struct lansim_fake *f;
	struct lansim_phy *phy;

	p.mdix = LANSIM_MDI;
	f = lansim_fake_new(test, 1, 7, &p);
	phy = &f->phy;
	lansim_settle(f);
	KUNIT_EXPECT_TRUE(test, f->line.up);

	/* What mainline writes for "mdix auto": 15|14 (§A.2 note). */
	lansim_phy_write(phy, LANSIM_SCSIR, 0xc000);
	lansim_settle(f);
	KUNIT_EXPECT_FALSE(test, f->line.up);
	KUNIT_EXPECT_EQ(test, lansim_phy_read(phy, LANSIM_SCSIR), 0x8000);

	lansim_phy_write(phy, LANSIM_SCSIR, LANSIM_SCSIR_AMDIXCTRL |
			 LANSIM_SCSIR_CH_SELECT);
	lansim_settle(f);
	KUNIT_EXPECT_TRUE(test, f->line.up);
}

/* §A.2 reg 0: with AN off, BMCR speed and duplex set the link. */
static void lansim_test_forced(struct kunit *test)
{
	struct lansim_fake *f = lansim_fake_new(test, 1, 7,
						&lansim_all_capable);
	struct lansim_phy *phy = &f->phy;

	lansim_settle(f);
	lansim_phy_write(phy, LANSIM_BMCR, 0);	/* 10 half, AN off */
	lansim_settle(f);
	KUNIT_ASSERT_TRUE(test, f->line.up);
	KUNIT_EXPECT_EQ(test, f->line.speed, 10);
	KUNIT_EXPECT_FALSE(test, f->line.full);
	KUNIT_EXPECT_EQ(test, lansim_phy_read(phy, LANSIM_PSCSR),
			0x0040 | LANSIM_PSCSR_SPD_10HD << 2);
	lansim_bmsr_link(f);
	KUNIT_EXPECT_EQ(test, lansim_phy_read(phy, LANSIM_BMSR), 0x7809 |
			LANSIM_BMSR_LSTATUS);
}

static struct kunit_case lansim_phy_cases[] = {
	KUNIT_CASE_PARAM(lansim_test_defaults, lansim_strap_gen_params),
	KUNIT_CASE(lansim_test_latch_low),
	KUNIT_CASE(lansim_test_isf_clear_on_read),
	KUNIT_CASE(lansim_test_isf_alternate),
	KUNIT_CASE(lansim_test_soft_reset),
	KUNIT_CASE(lansim_test_mode_powerdown),
	KUNIT_CASE_PARAM(lansim_test_autoneg, lansim_an_gen_params),
	KUNIT_CASE_PARAM(lansim_test_parallel_detect, lansim_pd_gen_params),
	KUNIT_CASE(lansim_test_energyon),
	KUNIT_CASE(lansim_test_edpd_both_ends),
	KUNIT_CASE(lansim_test_symbol_counter),
	KUNIT_CASE(lansim_test_mdix),
	KUNIT_CASE(lansim_test_forced),
	{}
};

static struct kunit_suite lansim_phy_suite = {
	.name = "lan8720_sim_phy",
	.test_cases = lansim_phy_cases,
};

kunit_test_suites(&lansim_phy_suite, &lansim_wire_suite, &lansim_mac_suite);

MODULE_DESCRIPTION("KUnit tests for the lan8720_sim LAN8720A model");
MODULE_LICENSE("GPL");
LANSIM_IMPORT_KUNIT_NS();
