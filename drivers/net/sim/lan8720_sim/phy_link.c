// SPDX-License-Identifier: GPL-2.0
/* LAN8720A model: energy detect, auto-negotiation and link state machine. */

#include <linux/bitfield.h>
#include <linux/bitops.h>
#include <linux/kernel.h>
#include <linux/export.h>
#include <linux/string.h>

#include "lansim_compat.h"
#include "lansim_phy.h"
#include "lansim_regs.h"

static void lansim_arm(struct lansim_phy *phy, enum lansim_phy_tmr tmr,
		       unsigned int ms)
{
	phy->armed[tmr] = true;
	phy->ops->arm(phy->ctx, tmr, ms);
}

static void lansim_disarm(struct lansim_phy *phy, enum lansim_phy_tmr tmr)
{
	if (!phy->armed[tmr])
		return;
	phy->armed[tmr] = false;
	phy->ops->disarm(phy->ctx, tmr);
}

static bool lansim_an_enabled(const struct lansim_phy *phy)
{
	return phy->bmcr & LANSIM_BMCR_ANENABLE;
}

/**
 * lansim_link_powered_down() - general or strapped power-down
 * @phy: the model
 *
 * Return: true while BMCR.11 is set or MODE 110 is in force (§A.4).
 */
bool lansim_link_powered_down(const struct lansim_phy *phy)
{
	return phy->mode_pd || (phy->bmcr & LANSIM_BMCR_PDOWN);
}

/* In EDPD with no energy the PHY stops sending link pulses (DS §4.2.8). */
static bool lansim_asleep(const struct lansim_phy *phy)
{
	return (phy->mcsr & LANSIM_MCSR_EDPWRDOWN) && !phy->energyon;
}

/* A straight cable needs one MDI and one MDI-X end unless either end
 * swaps pairs by itself. Reg 27: bit 15 set = Auto-MDIX off, then bit 13
 * picks the channel (reference §A.2, data-sheet semantics).
 */
static bool lansim_pairs_ok(const struct lansim_phy *phy)
{
	bool local_x = phy->scsir & LANSIM_SCSIR_CH_SELECT;

	if (!(phy->scsir & LANSIM_SCSIR_AMDIXCTRL))
		return true;
	if (phy->partner.mdix == LANSIM_MDIX_AUTO)
		return true;
	return local_x != (phy->partner.mdix == LANSIM_MDIX);
}

/* Does the partner's signal reach our receiver? A partner in EDPD only
 * talks once it hears us, so two sleeping ends never wake (§A.7 item 2).
 */
static bool lansim_signal(const struct lansim_phy *phy)
{
	const struct lansim_partner *p = &phy->partner;

	if (!p->plugged || !lansim_pairs_ok(phy) || phy->edpd_deaf)
		return false;
	if (p->edpd && (lansim_link_powered_down(phy) || lansim_asleep(phy)))
		return false;
	return true;
}

/* Highest priority mode first: 100TX-FD, 100TX, 10T-FD, 10T. */
static u8 lansim_best_mode(u8 modes)
{
	return modes ? BIT(fls(modes) - 1) : 0;
}

static void lansim_link_down(struct lansim_phy *phy)
{
	if (!phy->link)
		return;
	phy->link = false;
	phy->ll_link = false;
	phy->isf |= LANSIM_INT4_LINKDOWN;
	phy->stats.link_downs++;
}

static void lansim_link_up(struct lansim_phy *phy, u8 mode, bool by_an)
{
	phy->hcd = mode;
	phy->link = true;
	phy->state = LANSIM_ST_LINK_UP;
	phy->stats.link_ups++;
	if (!by_an)
		return;
	phy->an_complete = true;
	phy->isf |= LANSIM_INT6_ANCOMP;
}

/* Forced mode: a negotiating partner parallel-detects us (half duplex,
 * if it has our speed at all); a forced partner must match our speed.
 */
static void lansim_forced_ready(struct lansim_phy *phy)
{
	const struct lansim_partner *p = &phy->partner;
	bool fast = phy->bmcr & LANSIM_BMCR_SPEED100;
	u8 speed_modes = fast ? LANSIM_MODES_100 : LANSIM_MODES_10;
	u8 mode = fast ? LANSIM_100HD : LANSIM_10HD;
	u8 theirs;

	if (phy->bmcr & LANSIM_BMCR_FULLDPLX)
		mode <<= 1;

	if (p->autoneg) {
		if (!(p->modes & speed_modes))
			goto no_link;
		phy->partner_full = false;
	} else {
		theirs = lansim_best_mode(p->modes);
		if (!(theirs & speed_modes))
			goto no_link;
		phy->partner_full = theirs & LANSIM_MODES_FULL;
	}
	lansim_link_up(phy, mode, false);
	return;

no_link:
	phy->state = LANSIM_ST_IDLE;
}

/* Start making a link now that there is a signal (or give up for now). */
static void lansim_link_start(struct lansim_phy *phy)
{
	if (!phy->signal) {
		phy->state = LANSIM_ST_IDLE;
		return;
	}

	if (!lansim_an_enabled(phy)) {
		/* A forced link is ready a fraction of a millisecond after a
		 * valid signal (>= 330 us, §A.5). No interrupt source reports
		 * it (§A.2 reg 29), so a driver in interrupt mode learns of
		 * it from the INT4/INT7 that came with the change; the model
		 * makes it immediate so that read finds the link up.
		 */
		lansim_forced_ready(phy);
	} else if (phy->partner.autoneg) {
		phy->state = LANSIM_ST_AN_EXCHANGE;
		lansim_arm(phy, LANSIM_TMR_LINK, LANSIM_T_AN_EXCHANGE);
	} else {
		phy->state = LANSIM_ST_PAR_DETECT;
		lansim_arm(phy, LANSIM_TMR_LINK, LANSIM_T_PAR_DETECT);
	}
}

/* (Re)start the link: AN goes through transmit-disable for the
 * break_link_timer (DS §3.2.2); forced mode waits for a signal.
 */
static void lansim_link_restart(struct lansim_phy *phy)
{
	lansim_link_down(phy);
	lansim_disarm(phy, LANSIM_TMR_LINK);
	phy->an_complete = false;
	phy->anlpar = 0;
	phy->aner &= ~LANSIM_ANER_LPANABLE;
	phy->hcd = 0;

	if (lansim_link_powered_down(phy)) {
		phy->state = LANSIM_ST_POWER_DOWN;
		return;
	}
	if (lansim_an_enabled(phy)) {
		phy->state = LANSIM_ST_BREAK_LINK;
		phy->stats.an_restarts++;
		lansim_arm(phy, LANSIM_TMR_LINK, LANSIM_T_BREAK_LINK);
		return;
	}
	phy->state = LANSIM_ST_IDLE;
	lansim_link_start(phy);
}

/* The link (or the attempt to make one) failed: IEEE arbitration goes
 * back through transmit-disable; a forced PHY just waits again.
 */
static void lansim_link_fail(struct lansim_phy *phy)
{
	if (phy->state == LANSIM_ST_POWER_DOWN)
		return;
	if (lansim_an_enabled(phy)) {
		lansim_link_restart(phy);
		return;
	}
	lansim_link_down(phy);
	lansim_disarm(phy, LANSIM_TMR_LINK);
	phy->state = LANSIM_ST_IDLE;
	lansim_link_start(phy);
}

static void lansim_energy_rise(struct lansim_phy *phy)
{
	lansim_disarm(phy, LANSIM_TMR_ENERGY);
	if (phy->energyon)
		return;
	phy->energyon = true;
	phy->isf |= LANSIM_INT7_ENERGYON;
}

/**
 * lansim_link_eval() - react to a change of what reaches the receiver
 * @phy: the model
 *
 * Called after anything that may change the signal: plug, partner,
 * pair assignment, EDPD, power-down.
 */
void lansim_link_eval(struct lansim_phy *phy)
{
	bool sig;

	/* A plug-in seen while asleep in EDPD may be missed (§A.6): the
	 * PHY stays deaf until EDPD is turned off or it is reset.
	 */
	if (phy->edpd_miss_next && !phy->signal && lansim_asleep(phy) &&
	    lansim_signal(phy)) {
		phy->edpd_miss_next = false;
		phy->edpd_deaf = true;
	}

	sig = lansim_signal(phy);
	if (sig == phy->signal)
		return;
	phy->signal = sig;

	if (!sig) {
		lansim_arm(phy, LANSIM_TMR_ENERGY, LANSIM_T_ENERGY_OFF);
		lansim_link_fail(phy);
		return;
	}

	lansim_energy_rise(phy);
	if (phy->state == LANSIM_ST_IDLE)
		lansim_link_start(phy);
}

/**
 * lansim_link_hw_start() - state machine part of a hardware reset
 * @phy: the model, registers already at their reset values
 */
void lansim_link_hw_start(struct lansim_phy *phy)
{
	int i;

	for (i = 0; i < LANSIM_TMR_NR; i++)
		lansim_disarm(phy, i);
	phy->link = false;
	phy->signal = false;
	phy->state = LANSIM_ST_IDLE;
	lansim_link_restart(phy);
	lansim_link_eval(phy);
	/* ENERGYON reads 1 after power-up and falls within a few ms when
	 * there is nothing on the line (§A.3).
	 */
	if (!phy->signal)
		lansim_arm(phy, LANSIM_TMR_ENERGY, LANSIM_T_POWERUP_ENERGY);
}

/**
 * lansim_link_soft_reset() - state machine part of a BMCR soft reset
 * @phy: the model, registers already at their reset values
 *
 * The link drops without a link-down flag: the flags were just reset.
 * ENERGYON is kept (DS §4.2.8).
 */
void lansim_link_soft_reset(struct lansim_phy *phy)
{
	lansim_link_restart(phy);
	phy->isf = 0;
	lansim_link_eval(phy);
}

/**
 * lansim_link_bmcr_changed() - apply a BMCR write (not a soft reset)
 * @phy: the model, @phy->bmcr holding the new value
 * @old: previous BMCR
 * @restart: the write set Restart AN (BMCR.9)
 */
void lansim_link_bmcr_changed(struct lansim_phy *phy, u16 old, bool restart)
{
	u16 changed = old ^ phy->bmcr;

	if (changed & LANSIM_BMCR_PDOWN) {
		lansim_link_restart(phy);
		lansim_link_eval(phy);
		return;
	}
	if (lansim_link_powered_down(phy))
		return;

	if (changed & LANSIM_BMCR_ANENABLE)
		lansim_link_restart(phy);
	else if (lansim_an_enabled(phy) && restart)
		lansim_link_restart(phy);
	else if (!lansim_an_enabled(phy) &&
		 (changed & (LANSIM_BMCR_SPEED100 | LANSIM_BMCR_FULLDPLX)))
		lansim_link_restart(phy);
}

/* Base pages exchanged (§A.2 regs 5, 6, 29): record the partner's page,
 * then resolve the highest common mode.
 */
static void lansim_an_exchanged(struct lansim_phy *phy)
{
	const struct lansim_partner *p = &phy->partner;
	u8 local = FIELD_GET(LANSIM_ANAR_MODES, phy->anar);
	u8 mode = lansim_best_mode(local & p->modes);

	phy->anlpar = LANSIM_ANLPAR_ACK | LANSIM_SELECTOR_8023 |
		      FIELD_PREP(LANSIM_ANLPAR_MODES, p->modes);
	if (p->pause)
		phy->anlpar |= LANSIM_ANLPAR_PAUSE;
	if (p->rfault) {
		phy->anlpar |= LANSIM_ANLPAR_RFAULT;
		phy->lh_rfault = true;
		phy->isf |= LANSIM_INT5_RFAULT;
	}
	phy->aner |= LANSIM_ANER_LPANABLE | LANSIM_ANER_PAGERX;
	phy->isf |= LANSIM_INT1_PAGERX | LANSIM_INT3_LPACK;

	if (!mode) {
		phy->state = LANSIM_ST_NO_HCD;
		lansim_arm(phy, LANSIM_TMR_LINK, LANSIM_T_NO_HCD_RETRY);
		return;
	}
	phy->hcd = mode;
	phy->partner_full = mode & LANSIM_MODES_FULL;
	phy->state = LANSIM_ST_LINK_CHECK;
	lansim_arm(phy, LANSIM_TMR_LINK, LANSIM_T_LINK_READY);
}

/* The partner does not negotiate: detect its speed from NLPs or idle;
 * the result is half duplex and ANLPAR shows the detected speed
 * (DS §3.2.1, reference §A.2 reg 5).
 */
static void lansim_par_detected(struct lansim_phy *phy)
{
	u8 local = FIELD_GET(LANSIM_ANAR_MODES, phy->anar);
	u8 theirs = lansim_best_mode(phy->partner.modes);
	u8 mode;

	if (theirs & LANSIM_MODES_100)
		mode = LANSIM_100HD;
	else if (theirs)
		mode = LANSIM_10HD;
	else
		mode = 0;

	/* Only a technology this end advertises can be detected. */
	if (!mode || !(local & (mode | mode << 1))) {
		phy->state = LANSIM_ST_NO_HCD;
		lansim_arm(phy, LANSIM_TMR_LINK, LANSIM_T_NO_HCD_RETRY);
		return;
	}

	phy->anlpar = LANSIM_SELECTOR_8023 |
		      FIELD_PREP(LANSIM_ANLPAR_MODES, mode);
	phy->aner &= ~LANSIM_ANER_LPANABLE;
	phy->partner_full = theirs & LANSIM_MODES_FULL;
	phy->stats.par_detects++;
	lansim_link_up(phy, mode, true);
}

/**
 * lansim_phy_timer() - a timer armed through &lansim_phy_ops.arm expired
 * @phy: the model
 * @tmr: which timer
 */
void lansim_phy_timer(struct lansim_phy *phy, enum lansim_phy_tmr tmr)
{
	if (!phy->armed[tmr])
		return;
	phy->armed[tmr] = false;

	if (tmr == LANSIM_TMR_ENERGY) {
		/* ENERGYON falls; in the primary system that clears INT7. */
		phy->energyon = false;
		if (!(phy->mcsr & LANSIM_MCSR_ALTINT))
			phy->isf &= ~LANSIM_INT7_ENERGYON;
		if (phy->mcsr & LANSIM_MCSR_EDPWRDOWN)
			phy->stats.edpd_sleeps++;
		lansim_link_eval(phy);
		lansim_link_sync(phy);
		return;
	}

	switch (phy->state) {
	case LANSIM_ST_BREAK_LINK:
		phy->state = LANSIM_ST_IDLE;
		lansim_link_start(phy);
		break;
	case LANSIM_ST_NO_HCD:
		lansim_link_restart(phy);
		break;
	case LANSIM_ST_AN_EXCHANGE:
		lansim_an_exchanged(phy);
		break;
	case LANSIM_ST_PAR_DETECT:
		lansim_par_detected(phy);
		break;
	case LANSIM_ST_LINK_CHECK:
		phy->stats.an_completions++;
		lansim_link_up(phy, phy->hcd, true);
		break;
	default:
		break;
	}
	lansim_link_sync(phy);
}
EXPORT_SYMBOL_IF_KUNIT(lansim_phy_timer);

/**
 * lansim_phy_set_partner() - plug, unplug or reconfigure the far end
 * @phy: the model
 * @partner: new partner state
 *
 * A partner that changes its settings while connected restarts its own
 * negotiation, which this end sees as a link failure.
 */
void lansim_phy_set_partner(struct lansim_phy *phy,
			    const struct lansim_partner *partner)
{
	bool was_plugged = phy->partner.plugged;

	phy->partner = *partner;
	if (was_plugged && partner->plugged && phy->signal)
		lansim_link_fail(phy);
	lansim_link_eval(phy);
	lansim_link_sync(phy);
}
EXPORT_SYMBOL_IF_KUNIT(lansim_phy_set_partner);

/**
 * lansim_phy_get_line() - current line state as the wire sees it
 * @phy: the model
 * @line: filled in
 */
void lansim_phy_get_line(const struct lansim_phy *phy,
			 struct lansim_line *line)
{
	*line = (struct lansim_line) {
		.up = phy->link,
		.loopback = phy->bmcr & LANSIM_BMCR_LOOPBACK,
		.isolate = phy->bmcr & LANSIM_BMCR_ISOLATE,
		.far_loopback = phy->mcsr & LANSIM_MCSR_FARLOOPBACK,
	};
	if (!phy->link)
		return;
	line->speed = phy->hcd & LANSIM_MODES_100 ? 100 : 10;
	line->full = phy->hcd & LANSIM_MODES_FULL;
	line->partner_full = phy->partner_full;
}
EXPORT_SYMBOL_IF_KUNIT(lansim_phy_get_line);

static bool lansim_line_equal(const struct lansim_line *a,
			      const struct lansim_line *b)
{
	return a->up == b->up && a->speed == b->speed &&
	       a->full == b->full && a->partner_full == b->partner_full &&
	       a->loopback == b->loopback && a->isolate == b->isolate &&
	       a->far_loopback == b->far_loopback;
}

/**
 * lansim_link_sync() - drive nINT and report line changes
 * @phy: the model
 *
 * nINT is asserted while any unmasked source flag is set (§A.3).
 */
void lansim_link_sync(struct lansim_phy *phy)
{
	bool nint = phy->isf & phy->imr & LANSIM_INT_ALL;
	struct lansim_line line;

	lansim_phy_get_line(phy, &line);
	if (!lansim_line_equal(&line, &phy->last_line)) {
		phy->last_line = line;
		phy->ops->line(phy->ctx, &line);
	}
	if (nint != phy->nint) {
		phy->nint = nint;
		phy->ops->nint(phy->ctx, nint);
	}
}

/**
 * lansim_phy_state_name() - printable state name
 * @state: link state
 *
 * Return: a static string.
 */
const char *lansim_phy_state_name(enum lansim_state state)
{
	static const char * const names[] = {
		[LANSIM_ST_POWER_DOWN] = "power-down",
		[LANSIM_ST_IDLE] = "idle",
		[LANSIM_ST_BREAK_LINK] = "break-link",
		[LANSIM_ST_AN_EXCHANGE] = "an-exchange",
		[LANSIM_ST_PAR_DETECT] = "parallel-detect",
		[LANSIM_ST_NO_HCD] = "no-common-mode",
		[LANSIM_ST_LINK_CHECK] = "link-check",
		[LANSIM_ST_LINK_UP] = "link-up",
	};

	if (state >= ARRAY_SIZE(names))
		return "?";
	return names[state];
}
