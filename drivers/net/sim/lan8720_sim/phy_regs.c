// SPDX-License-Identifier: GPL-2.0
/* LAN8720A model: register file, straps, resets and the nINT pin. */

#include <linux/bitfield.h>
#include <linux/export.h>

#include "lansim_compat.h"
#include "lansim_phy.h"
#include "lansim_regs.h"

/**
 * lansim_regs_mode_bmcr() - BMCR default for a MODE[2:0] value
 * @mode: MODE strap value (or reg 18 MODE field after a soft reset)
 *
 * Reference §A.4 (DS Table 3-4) gives BMCR bits [13,12,10,8]. Where the
 * table says "X" (MODE 111: speed and duplex are ignored while AN is on)
 * the model reads 1, like a part that would fall back to 100/full.
 *
 * Return: the BMCR value.
 */
u16 lansim_regs_mode_bmcr(u8 mode)
{
	switch (mode) {
	case LANSIM_MODE_10HD:
		return 0;
	case LANSIM_MODE_10FD:
		return LANSIM_BMCR_FULLDPLX;
	case LANSIM_MODE_100HD:
		return LANSIM_BMCR_SPEED100;
	case LANSIM_MODE_100FD:
		return LANSIM_BMCR_SPEED100 | LANSIM_BMCR_FULLDPLX;
	case LANSIM_MODE_100HD_AN:
	case LANSIM_MODE_REPEATER:
		return LANSIM_BMCR_SPEED100 | LANSIM_BMCR_ANENABLE;
	default:
		return LANSIM_BMCR_SPEED100 | LANSIM_BMCR_ANENABLE |
		       LANSIM_BMCR_FULLDPLX;
	}
}

/**
 * lansim_regs_mode_anar() - ANAR default for a MODE[2:0] value
 * @mode: MODE strap value
 *
 * Reference §A.4: MODE 100/101 advertise 100BASE-TX half only, MODE 111
 * everything (0x01E1). The table has no value for the forced modes; the
 * model reads all-capable there too.
 *
 * Return: the ANAR value.
 */
u16 lansim_regs_mode_anar(u8 mode)
{
	if (mode == LANSIM_MODE_100HD_AN || mode == LANSIM_MODE_REPEATER)
		return LANSIM_ANAR_100HD | LANSIM_SELECTOR_8023;

	return LANSIM_ANAR_MODES | LANSIM_SELECTOR_8023;
}

static bool lansim_altint(const struct lansim_phy *phy)
{
	return phy->mcsr & LANSIM_MCSR_ALTINT;
}

/* Registers as after a reset, configuration taken from reg 18's MODE
 * field. NASR bits (reg 18, SQEOFF) and ENERGYON are left alone
 * (reference §A.2, §A.8); the interrupt mask is cleared (§A.3).
 */
static void lansim_regs_defaults(struct lansim_phy *phy)
{
	u8 mode = FIELD_GET(LANSIM_SMR_MODE, phy->smr);

	phy->bmcr = lansim_regs_mode_bmcr(mode);
	phy->anar = lansim_regs_mode_anar(mode);
	phy->anlpar = 0;
	phy->aner = 0;
	phy->mcsr = 0;
	phy->secr = 0;
	phy->scsir &= LANSIM_SCSIR_SQEOFF;
	phy->isf = 0;
	phy->imr = 0;
	phy->pscsr = LANSIM_PSCSR_RSVD_DFLT;
	phy->ll_link = false;
	phy->lh_rfault = false;
	phy->mode_pd = mode == LANSIM_MODE_POWERDOWN;
	phy->edpd_deaf = false;
}

/**
 * lansim_phy_hw_reset() - power-on / nRST: latch the straps and restart
 * @phy: the model
 *
 * Reference §A.4: straps are latched at power-on and on nRST; §A.8:
 * ENERGYON and INT7 read 1 right after power-up.
 */
void lansim_phy_hw_reset(struct lansim_phy *phy)
{
	phy->smr = LANSIM_SMR_RSVD14 |
		   FIELD_PREP(LANSIM_SMR_MODE, phy->strap_mode) |
		   FIELD_PREP(LANSIM_SMR_PHYAD, phy->strap_phyad);
	phy->scsir = 0;
	lansim_regs_defaults(phy);
	phy->energyon = true;
	phy->isf = LANSIM_INT7_ENERGYON;
	lansim_link_hw_start(phy);
	lansim_link_sync(phy);
}
EXPORT_SYMBOL_IF_KUNIT(lansim_phy_hw_reset);

/**
 * lansim_phy_init() - set up a model and power it on
 * @phy: the model (zeroed or reused)
 * @ops: its surroundings
 * @ctx: argument for @ops
 * @phyad: PHYAD0 strap (any 5-bit address; the real pin gives 0 or 1)
 * @mode: MODE[2:0] straps
 * @partner: initial link partner
 */
void lansim_phy_init(struct lansim_phy *phy, const struct lansim_phy_ops *ops,
		     void *ctx, u8 phyad, u8 mode,
		     const struct lansim_partner *partner)
{
	*phy = (struct lansim_phy) {
		.ops = ops,
		.ctx = ctx,
		.strap_phyad = phyad & FIELD_MAX(LANSIM_SMR_PHYAD),
		.strap_mode = mode & FIELD_MAX(LANSIM_SMR_MODE),
		.partner = *partner,
	};
	lansim_phy_hw_reset(phy);
}
EXPORT_SYMBOL_IF_KUNIT(lansim_phy_init);

static u16 lansim_peek_bmsr(const struct lansim_phy *phy)
{
	u16 val = LANSIM_BMSR_FIXED;

	if (phy->an_complete)
		val |= LANSIM_BMSR_ANCOMP;
	if (phy->lh_rfault)
		val |= LANSIM_BMSR_RFAULT;
	if (phy->ll_link)
		val |= LANSIM_BMSR_LSTATUS;
	return val;
}

static u16 lansim_peek_pscsr(const struct lansim_phy *phy)
{
	u16 val = phy->pscsr & LANSIM_PSCSR_RSVD;
	u8 mode = 0;

	if (phy->an_complete)
		val |= LANSIM_PSCSR_AUTODONE;

	/* Speed indication: the resolved mode once there is one, the
	 * forced mode while AN is off, else 000 (model choice).
	 */
	if (phy->link || phy->an_complete) {
		mode = phy->hcd;
	} else if (!(phy->bmcr & LANSIM_BMCR_ANENABLE)) {
		mode = phy->bmcr & LANSIM_BMCR_SPEED100 ? LANSIM_100HD :
							  LANSIM_10HD;
		if (phy->bmcr & LANSIM_BMCR_FULLDPLX)
			mode <<= 1;
	}

	switch (mode) {
	case LANSIM_10HD:
		return val | FIELD_PREP(LANSIM_PSCSR_SPEED,
					LANSIM_PSCSR_SPD_10HD);
	case LANSIM_10FD:
		return val | FIELD_PREP(LANSIM_PSCSR_SPEED,
					LANSIM_PSCSR_SPD_10FD);
	case LANSIM_100HD:
		return val | FIELD_PREP(LANSIM_PSCSR_SPEED,
					LANSIM_PSCSR_SPD_100HD);
	case LANSIM_100FD:
		return val | FIELD_PREP(LANSIM_PSCSR_SPEED,
					LANSIM_PSCSR_SPD_100FD);
	default:
		return val;
	}
}

/**
 * lansim_phy_peek() - register value without read side effects
 * @phy: the model
 * @reg: register number (0..31)
 *
 * For debugfs dumps and tests; an MDIO read is lansim_phy_read().
 *
 * Return: what a read would return.
 */
u16 lansim_phy_peek(const struct lansim_phy *phy, unsigned int reg)
{
	switch (reg) {
	case LANSIM_BMCR:
		return phy->bmcr;
	case LANSIM_BMSR:
		return lansim_peek_bmsr(phy);
	case LANSIM_PHYID1:
		return LANSIM_PHYID1_VAL;
	case LANSIM_PHYID2:
		return FIELD_PREP(LANSIM_PHYID2_OUI, LANSIM_OUI_BITS) |
		       FIELD_PREP(LANSIM_PHYID2_MODEL, LANSIM_MODEL) |
		       FIELD_PREP(LANSIM_PHYID2_REV, LANSIM_REVISION);
	case LANSIM_ANAR:
		return phy->anar;
	case LANSIM_ANLPAR:
		return phy->anlpar;
	case LANSIM_ANER:
		return phy->aner;
	case LANSIM_MCSR:
		return phy->mcsr | (phy->energyon ? LANSIM_MCSR_ENERGYON : 0);
	case LANSIM_SMR:
		return phy->smr;
	case LANSIM_SECR:
		return phy->secr;
	case LANSIM_SCSIR:
		return phy->scsir;
	case LANSIM_ISF:
		return phy->isf;
	case LANSIM_IMR:
		return phy->imr;
	case LANSIM_PSCSR:
		return lansim_peek_pscsr(phy);
	default:
		/* 7..15 per DS §3.5; reserved vendor registers likewise. */
		return LANSIM_REG_ABSENT;
	}
}
EXPORT_SYMBOL_IF_KUNIT(lansim_phy_peek);

/**
 * lansim_phy_read() - MDIO read with the data sheet's side effects
 * @phy: the model
 * @reg: register number (0..31)
 *
 * Latching bits re-arm when read (BMSR.2 LL, BMSR.4 LH, ANER.1/4 LH);
 * in the primary interrupt system reading reg 29 clears every flag and
 * reading BMSR clears the link-down source (reference §A.3).
 *
 * The caller holds the instance lock for every model call.
 *
 * Return: the register value.
 */
u16 lansim_phy_read(struct lansim_phy *phy, unsigned int reg)
{
	u16 val = lansim_phy_peek(phy, reg);

	switch (reg) {
	case LANSIM_BMSR:
		phy->ll_link = phy->link;
		phy->lh_rfault = false;
		if (!lansim_altint(phy))
			phy->isf &= ~LANSIM_INT4_LINKDOWN;
		break;
	case LANSIM_ANER:
		phy->aner &= ~(LANSIM_ANER_PAGERX | LANSIM_ANER_PDFAULT);
		break;
	case LANSIM_ISF:
		if (!lansim_altint(phy))
			phy->isf = 0;
		break;
	default:
		return val;
	}
	lansim_link_sync(phy);
	return val;
}
EXPORT_SYMBOL_IF_KUNIT(lansim_phy_read);

/* Alternate interrupt system: a flag clears on a write of 1 once its
 * condition is gone (reference §A.3).
 */
static void lansim_write_isf(struct lansim_phy *phy, u16 val)
{
	u16 held = 0;

	if (!lansim_altint(phy))
		return;

	if (phy->energyon)
		held |= LANSIM_INT7_ENERGYON;
	if (phy->an_complete)
		held |= LANSIM_INT6_ANCOMP;
	if (!phy->link)
		held |= LANSIM_INT4_LINKDOWN;
	phy->isf &= ~(val & LANSIM_INT_ALL & ~held);
}

static void lansim_write_imr(struct lansim_phy *phy, u16 val)
{
	u16 cleared = phy->imr & ~val;

	phy->imr = val & LANSIM_INT_ALL;
	/* Alternate system: clearing a mask bit clears its flag. */
	if (lansim_altint(phy))
		phy->isf &= ~cleared;
}

static void lansim_write_bmcr(struct lansim_phy *phy, u16 val)
{
	u16 old = phy->bmcr;

	/* Soft reset wins over everything else in the same write
	 * (DS §4.2.1: do not set other bits with it).
	 */
	if (val & LANSIM_BMCR_RESET) {
		lansim_regs_defaults(phy);
		phy->stats.soft_resets++;
		lansim_link_soft_reset(phy);
		return;
	}

	phy->bmcr = val & LANSIM_BMCR_RW;
	lansim_link_bmcr_changed(phy, old, val & LANSIM_BMCR_ANRESTART);
}

static void lansim_write_mcsr(struct lansim_phy *phy, u16 val)
{
	phy->mcsr = val & LANSIM_MCSR_RW;
	/* Turning EDPD off wakes the PHY even after a missed plug-in:
	 * the recovery mainline uses (reference §A.6).
	 */
	if (!(phy->mcsr & LANSIM_MCSR_EDPWRDOWN))
		phy->edpd_deaf = false;
	lansim_link_eval(phy);
}

/**
 * lansim_phy_write() - MDIO write
 * @phy: the model
 * @reg: register number (0..31)
 * @val: value written
 *
 * Read-only bits and registers ignore writes; BMCR soft reset and AN
 * restart self-clear; writing ANAR does not restart AN (DS §3.2).
 */
void lansim_phy_write(struct lansim_phy *phy, unsigned int reg, u16 val)
{
	switch (reg) {
	case LANSIM_BMCR:
		lansim_write_bmcr(phy, val);
		break;
	case LANSIM_ANAR:
		phy->anar = (val & LANSIM_ANAR_RW) | LANSIM_SELECTOR_8023;
		break;
	case LANSIM_MCSR:
		lansim_write_mcsr(phy, val);
		break;
	case LANSIM_SMR:
		phy->smr = val & LANSIM_SMR_RW;
		break;
	case LANSIM_SCSIR:
		phy->scsir = val & LANSIM_SCSIR_RW;
		lansim_link_eval(phy);
		break;
	case LANSIM_ISF:
		lansim_write_isf(phy, val);
		break;
	case LANSIM_IMR:
		lansim_write_imr(phy, val);
		break;
	case LANSIM_PSCSR:
		phy->pscsr = val & LANSIM_PSCSR_RSVD;
		break;
	default:
		/* RO registers, 7..15 and holes ignore writes. */
		return;
	}
	lansim_link_sync(phy);
}
EXPORT_SYMBOL_IF_KUNIT(lansim_phy_write);

/**
 * lansim_phy_addr() - the SMI address the PHY answers at
 * @phy: the model
 *
 * Reg 18 PHYAD: the strap after reset, rewritable later (§A.4).
 *
 * Return: the 5-bit address.
 */
u8 lansim_phy_addr(const struct lansim_phy *phy)
{
	return FIELD_GET(LANSIM_SMR_PHYAD, phy->smr);
}
EXPORT_SYMBOL_IF_KUNIT(lansim_phy_addr);

/**
 * lansim_phy_symbol_error() - the receiver decoded an invalid symbol
 * @phy: the model
 *
 * Reg 26 counts at most one per packet (the caller calls this once per
 * damaged frame), only in 100BASE-TX, and wraps at 2^16 (§A.2).
 *
 * Return: true if it was counted.
 */
bool lansim_phy_symbol_error(struct lansim_phy *phy)
{
	if (!phy->link || !(phy->hcd & LANSIM_MODES_100))
		return false;
	phy->secr++;
	phy->stats.symbol_errors++;
	return true;
}
EXPORT_SYMBOL_IF_KUNIT(lansim_phy_symbol_error);
