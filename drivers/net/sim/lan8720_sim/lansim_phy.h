/* SPDX-License-Identifier: GPL-2.0 */
/* LAN8720A PHY model: state, timing constants and the model's API. */

#ifndef _LANSIM_PHY_H
#define _LANSIM_PHY_H

#include <linux/bits.h>
#include <linux/types.h>

/* Speed/duplex modes; bit n is ANAR/ANLPAR bit n + 5 (reference §A.2). */
#define LANSIM_10HD		BIT(0)
#define LANSIM_10FD		BIT(1)
#define LANSIM_100HD		BIT(2)
#define LANSIM_100FD		BIT(3)
#define LANSIM_MODES_10		(LANSIM_10HD | LANSIM_10FD)
#define LANSIM_MODES_100	(LANSIM_100HD | LANSIM_100FD)
#define LANSIM_MODES_FULL	(LANSIM_10FD | LANSIM_100FD)
#define LANSIM_MODES_ALL	(LANSIM_MODES_10 | LANSIM_MODES_100)
#define LANSIM_MODE_SHIFT	5

/* Model time in milliseconds at time_scale 100 %. Values that come from
 * the reference carry their section; the rest are the model's choice,
 * documented in Documentation/networking/lan8720_sim.rst.
 */
#define LANSIM_T_BREAK_LINK	1200	/* AN restart, DS §3.2.2 (§A.5) */
#define LANSIM_T_ENERGY_OFF	256	/* ENERGYON fall, DS §4.2.8 */
#define LANSIM_T_POWERUP_ENERGY	5	/* INT7 clears "within a few ms" §A.3 */
#define LANSIM_T_AN_EXCHANGE	200	/* FLP base page + acknowledge */
#define LANSIM_T_LINK_READY	50	/* HCD link monitor after AN */
#define LANSIM_T_PAR_DETECT	100	/* NLP / idle detection */
#define LANSIM_T_NO_HCD_RETRY	750	/* no common mode: start over */

/**
 * enum lansim_mdix - pair assignment of one end of a straight cable
 * @LANSIM_MDIX_AUTO: Auto-MDIX: links with any other end.
 * @LANSIM_MDI: fixed MDI.
 * @LANSIM_MDIX: fixed MDI-X.
 */
enum lansim_mdix {
	LANSIM_MDIX_AUTO,
	LANSIM_MDI,
	LANSIM_MDIX,
};

/**
 * struct lansim_partner - the far end of the cable
 * @plugged: cable present.
 * @autoneg: partner runs auto-negotiation; else it is forced to the
 *	highest mode in @modes.
 * @modes: LANSIM_10HD... abilities the partner advertises (or may force).
 * @pause: partner advertises pause.
 * @rfault: partner signals remote fault in its base page.
 * @edpd: partner sleeps (sends nothing) while it hears nothing.
 * @mdix: partner pair assignment.
 */
struct lansim_partner {
	bool plugged;
	bool autoneg;
	u8 modes;
	bool pause;
	bool rfault;
	bool edpd;
	enum lansim_mdix mdix;
};

/**
 * struct lansim_line - what the wire sees of the PHY
 * @up: link established.
 * @speed: 10 or 100 (valid when @up).
 * @full: local duplex (valid when @up).
 * @partner_full: partner's duplex; differs from @full on a mismatch.
 * @loopback: near-end loopback (BMCR.14): MAC frames come back.
 * @isolate: PHY isolated from RMII (BMCR.10): no data either way.
 * @far_loopback: far loopback (17.9): partner frames go back to it.
 */
struct lansim_line {
	bool up;
	unsigned int speed;
	bool full;
	bool partner_full;
	bool loopback;
	bool isolate;
	bool far_loopback;
};

/**
 * enum lansim_phy_tmr - the model's timers
 * @LANSIM_TMR_LINK: link/auto-negotiation state machine step.
 * @LANSIM_TMR_ENERGY: ENERGYON falling after loss of energy.
 * @LANSIM_TMR_NR: number of timers.
 */
enum lansim_phy_tmr {
	LANSIM_TMR_LINK,
	LANSIM_TMR_ENERGY,
	LANSIM_TMR_NR,
};

/**
 * struct lansim_phy_ops - how the model reaches its surroundings
 * @arm: (re)start timer @tmr to expire in @ms of model time; on expiry
 *	call lansim_phy_timer(). Replaces any earlier arming of @tmr.
 * @disarm: cancel timer @tmr; an expiry that still arrives is ignored.
 * @nint: the nINT pin changed: @asserted is true when it is driven low.
 * @line: the line state changed (see &struct lansim_line).
 *
 * All are called with the model's lock held (the caller's lock, see
 * lansim_phy_read()), so they must not sleep or call back into the model.
 */
struct lansim_phy_ops {
	void (*arm)(void *ctx, enum lansim_phy_tmr tmr, unsigned int ms);
	void (*disarm)(void *ctx, enum lansim_phy_tmr tmr);
	void (*nint)(void *ctx, bool asserted);
	void (*line)(void *ctx, const struct lansim_line *line);
};

/**
 * enum lansim_state - link state machine
 * @LANSIM_ST_POWER_DOWN: BMCR.11 set or strapped MODE 110.
 * @LANSIM_ST_IDLE: waiting for a signal (or for a usable one).
 * @LANSIM_ST_BREAK_LINK: AN transmit-disable after (re)start.
 * @LANSIM_ST_AN_EXCHANGE: exchanging base pages with the partner.
 * @LANSIM_ST_PAR_DETECT: partner does not negotiate; detecting its speed.
 * @LANSIM_ST_NO_HCD: pages exchanged but nothing in common.
 * @LANSIM_ST_LINK_CHECK: mode resolved, waiting for the link monitor.
 * @LANSIM_ST_LINK_UP: link established.
 */
enum lansim_state {
	LANSIM_ST_POWER_DOWN,
	LANSIM_ST_IDLE,
	LANSIM_ST_BREAK_LINK,
	LANSIM_ST_AN_EXCHANGE,
	LANSIM_ST_PAR_DETECT,
	LANSIM_ST_NO_HCD,
	LANSIM_ST_LINK_CHECK,
	LANSIM_ST_LINK_UP,
};

/**
 * struct lansim_phy_stats - model event counters (debugfs "counters")
 * @an_restarts: auto-negotiation (re)starts.
 * @an_completions: negotiations that completed by page exchange.
 * @par_detects: links made by parallel detection.
 * @link_ups: link up events.
 * @link_downs: link down events.
 * @soft_resets: BMCR soft resets.
 * @edpd_sleeps: entries into energy-detect power-down.
 * @symbol_errors: symbol errors, not wrapped like register 26.
 */
struct lansim_phy_stats {
	u64 an_restarts;
	u64 an_completions;
	u64 par_detects;
	u64 link_ups;
	u64 link_downs;
	u64 soft_resets;
	u64 edpd_sleeps;
	u64 symbol_errors;
};

/**
 * struct lansim_phy - one LAN8720A
 * @ops: surroundings.
 * @ctx: argument for @ops.
 * @strap_phyad: PHYAD0 strap (0 or 1).
 * @strap_mode: MODE[2:0] straps.
 * @bmcr: reg 0 stored bits.
 * @anar: reg 4.
 * @anlpar: reg 5.
 * @aner: reg 6 (LH bits included).
 * @mcsr: reg 17 RW bits (ENERGYON is @energyon).
 * @smr: reg 18.
 * @secr: reg 26.
 * @scsir: reg 27 RW bits.
 * @isf: reg 29.
 * @imr: reg 30.
 * @pscsr: reg 31 RW bits.
 * @ll_link: latched-low copy of the link status (BMSR.2).
 * @lh_rfault: latched-high remote fault (BMSR.4).
 * @an_complete: BMSR.5 / 31.12.
 * @energyon: 17.1.
 * @signal: partner energy reaches the receiver.
 * @mode_pd: strapped (or soft-reset into) MODE 110 power-down.
 * @edpd_deaf: missed a plug-in while in EDPD (reference §A.6).
 * @edpd_miss_next: fault: miss the next plug-in while in EDPD.
 * @link: link established.
 * @hcd: negotiated/forced mode (LANSIM_10HD...), valid with @link.
 * @partner_full: partner duplex, valid with @link.
 * @nint: nINT asserted.
 * @armed: which timers are running.
 * @state: link state machine.
 * @partner: the far end.
 * @last_line: last line state reported through &lansim_phy_ops.line.
 * @stats: event counters.
 */
struct lansim_phy {
	const struct lansim_phy_ops *ops;
	void *ctx;
	u8 strap_phyad;
	u8 strap_mode;
	u16 bmcr;
	u16 anar;
	u16 anlpar;
	u16 aner;
	u16 mcsr;
	u16 smr;
	u16 secr;
	u16 scsir;
	u16 isf;
	u16 imr;
	u16 pscsr;
	bool ll_link;
	bool lh_rfault;
	bool an_complete;
	bool energyon;
	bool signal;
	bool mode_pd;
	bool edpd_deaf;
	bool edpd_miss_next;
	bool link;
	u8 hcd;
	bool partner_full;
	bool nint;
	bool armed[LANSIM_TMR_NR];
	enum lansim_state state;
	struct lansim_partner partner;
	struct lansim_line last_line;
	struct lansim_phy_stats stats;
};

/* Model entry points. The model has no lock of its own: the caller
 * serialises all calls on one instance (see lansim_phy_read()).
 */
void lansim_phy_init(struct lansim_phy *phy, const struct lansim_phy_ops *ops,
		     void *ctx, u8 phyad, u8 mode,
		     const struct lansim_partner *partner);
void lansim_phy_hw_reset(struct lansim_phy *phy);
u16 lansim_phy_read(struct lansim_phy *phy, unsigned int reg);
u16 lansim_phy_peek(const struct lansim_phy *phy, unsigned int reg);
void lansim_phy_write(struct lansim_phy *phy, unsigned int reg, u16 val);
u8 lansim_phy_addr(const struct lansim_phy *phy);
void lansim_phy_timer(struct lansim_phy *phy, enum lansim_phy_tmr tmr);
void lansim_phy_set_partner(struct lansim_phy *phy,
			    const struct lansim_partner *partner);
void lansim_phy_get_line(const struct lansim_phy *phy,
			 struct lansim_line *line);
bool lansim_phy_symbol_error(struct lansim_phy *phy);
const char *lansim_phy_state_name(enum lansim_state state);

/* Internal to the model (phy_regs.c <-> phy_link.c). */
void lansim_link_hw_start(struct lansim_phy *phy);
void lansim_link_soft_reset(struct lansim_phy *phy);
void lansim_link_bmcr_changed(struct lansim_phy *phy, u16 old, bool restart);
void lansim_link_eval(struct lansim_phy *phy);
void lansim_link_sync(struct lansim_phy *phy);
bool lansim_link_powered_down(const struct lansim_phy *phy);
u16 lansim_regs_mode_bmcr(u8 mode);
u16 lansim_regs_mode_anar(u8 mode);

#endif /* _LANSIM_PHY_H */
