/* SPDX-License-Identifier: GPL-2.0 */
/* LAN8720A register numbers and fields as the simulator models them. */

#ifndef _LANSIM_REGS_H
#define _LANSIM_REGS_H

#include <linux/bits.h>

/* Everything below is taken from the reference, §A.2 (data sheet §4.2),
 * never from a driver header: the simulator and the drivers must not be
 * able to agree on the same wrong bit.
 */

/* Register numbers (clause 22). 7..15 exist but are unsupported. */
#define LANSIM_BMCR		0x00	/* Basic Control */
#define LANSIM_BMSR		0x01	/* Basic Status */
#define LANSIM_PHYID1		0x02
#define LANSIM_PHYID2		0x03
#define LANSIM_ANAR		0x04	/* AN Advertisement */
#define LANSIM_ANLPAR		0x05	/* AN Link Partner Ability */
#define LANSIM_ANER		0x06	/* AN Expansion */
#define LANSIM_UNSUP_FIRST	0x07	/* 7..15 read 0xffff (DS §3.5) */
#define LANSIM_UNSUP_LAST	0x0f
#define LANSIM_MCSR		0x11	/* Mode Control/Status */
#define LANSIM_SMR		0x12	/* Special Modes */
#define LANSIM_SECR		0x1a	/* Symbol Error Counter */
#define LANSIM_SCSIR		0x1b	/* Special Control/Status Indications */
#define LANSIM_ISF		0x1d	/* Interrupt Source Flags */
#define LANSIM_IMR		0x1e	/* Interrupt Mask */
#define LANSIM_PSCSR		0x1f	/* PHY Special Control/Status */
#define LANSIM_NREGS		32

/* What an unimplemented register reads as (DS §3.5 for 7..15; the model
 * uses the same for the vendor holes so nothing reads as a plausible 0).
 */
#define LANSIM_REG_ABSENT	0xffff

/* Reg 0: Basic Control (DS §4.2.1) */
#define LANSIM_BMCR_RESET	BIT(15)	/* SC */
#define LANSIM_BMCR_LOOPBACK	BIT(14)
#define LANSIM_BMCR_SPEED100	BIT(13)
#define LANSIM_BMCR_ANENABLE	BIT(12)
#define LANSIM_BMCR_PDOWN	BIT(11)
#define LANSIM_BMCR_ISOLATE	BIT(10)
#define LANSIM_BMCR_ANRESTART	BIT(9)	/* SC */
#define LANSIM_BMCR_FULLDPLX	BIT(8)
#define LANSIM_BMCR_RW		(LANSIM_BMCR_LOOPBACK | \
				 LANSIM_BMCR_SPEED100 | \
				 LANSIM_BMCR_ANENABLE | LANSIM_BMCR_PDOWN | \
				 LANSIM_BMCR_ISOLATE | LANSIM_BMCR_FULLDPLX)

/* Reg 1: Basic Status (DS §4.2.2) */
#define LANSIM_BMSR_100T4	BIT(15)
#define LANSIM_BMSR_100FD	BIT(14)
#define LANSIM_BMSR_100HD	BIT(13)
#define LANSIM_BMSR_10FD	BIT(12)
#define LANSIM_BMSR_10HD	BIT(11)
#define LANSIM_BMSR_ANCOMP	BIT(5)
#define LANSIM_BMSR_RFAULT	BIT(4)	/* LH */
#define LANSIM_BMSR_ANABLE	BIT(3)
#define LANSIM_BMSR_LSTATUS	BIT(2)	/* LL */
#define LANSIM_BMSR_JABBER	BIT(1)	/* LH */
#define LANSIM_BMSR_EXTCAP	BIT(0)
#define LANSIM_BMSR_FIXED	(LANSIM_BMSR_100FD | LANSIM_BMSR_100HD | \
				 LANSIM_BMSR_10FD | LANSIM_BMSR_10HD | \
				 LANSIM_BMSR_ANABLE | LANSIM_BMSR_EXTCAP)

/* Regs 2/3: identifier (DS §4.2.3, §4.2.4; revision as on real A parts) */
#define LANSIM_PHYID1_VAL	0x0007
#define LANSIM_PHYID2_OUI	GENMASK(15, 10)
#define LANSIM_PHYID2_MODEL	GENMASK(9, 4)
#define LANSIM_PHYID2_REV	GENMASK(3, 0)
#define LANSIM_OUI_BITS		0x30	/* OUI bits 19..24: 110000b */
#define LANSIM_MODEL		0x0f
#define LANSIM_REVISION		0x1

/* Reg 4: AN Advertisement (DS §4.2.5) */
#define LANSIM_ANAR_RFAULT	BIT(13)
#define LANSIM_ANAR_PAUSE	GENMASK(11, 10)
#define LANSIM_ANAR_100FD	BIT(8)
#define LANSIM_ANAR_100HD	BIT(7)
#define LANSIM_ANAR_10FD	BIT(6)
#define LANSIM_ANAR_10HD	BIT(5)
#define LANSIM_ANAR_MODES	GENMASK(8, 5)
#define LANSIM_ANAR_SELECTOR	GENMASK(4, 0)
#define LANSIM_SELECTOR_8023	0x01
#define LANSIM_ANAR_RW		(LANSIM_ANAR_RFAULT | LANSIM_ANAR_PAUSE | \
				 LANSIM_ANAR_MODES)

/* Reg 5: AN Link Partner Ability (DS §4.2.6) */
#define LANSIM_ANLPAR_NP	BIT(15)
#define LANSIM_ANLPAR_ACK	BIT(14)
#define LANSIM_ANLPAR_RFAULT	BIT(13)
#define LANSIM_ANLPAR_PAUSE	BIT(10)
#define LANSIM_ANLPAR_100T4	BIT(9)
#define LANSIM_ANLPAR_MODES	GENMASK(8, 5)	/* as in ANAR */

/* Reg 6: AN Expansion (DS §4.2.7) */
#define LANSIM_ANER_PDFAULT	BIT(4)	/* LH */
#define LANSIM_ANER_LPNPABLE	BIT(3)
#define LANSIM_ANER_NPABLE	BIT(2)
#define LANSIM_ANER_PAGERX	BIT(1)	/* LH */
#define LANSIM_ANER_LPANABLE	BIT(0)

/* Reg 17: Mode Control/Status (DS §4.2.8) */
#define LANSIM_MCSR_EDPWRDOWN	BIT(13)
#define LANSIM_MCSR_FARLOOPBACK	BIT(9)
#define LANSIM_MCSR_ALTINT	BIT(6)
#define LANSIM_MCSR_ENERGYON	BIT(1)	/* RO */
#define LANSIM_MCSR_RSVD0	BIT(0)	/* reserved, RW */
#define LANSIM_MCSR_RW		(LANSIM_MCSR_EDPWRDOWN | \
				 LANSIM_MCSR_FARLOOPBACK | \
				 LANSIM_MCSR_ALTINT | LANSIM_MCSR_RSVD0)

/* Reg 18: Special Modes (DS §4.2.9); all fields NASR */
#define LANSIM_SMR_RSVD14	BIT(14)	/* "write as 1", reads 1 */
#define LANSIM_SMR_MODE		GENMASK(7, 5)
#define LANSIM_SMR_PHYAD	GENMASK(4, 0)
#define LANSIM_SMR_RW		(LANSIM_SMR_RSVD14 | LANSIM_SMR_MODE | \
				 LANSIM_SMR_PHYAD)

/* MODE[2:0] strap values (DS Table 3-4, reference §A.4) */
#define LANSIM_MODE_10HD	0
#define LANSIM_MODE_10FD	1
#define LANSIM_MODE_100HD	2
#define LANSIM_MODE_100FD	3
#define LANSIM_MODE_100HD_AN	4
#define LANSIM_MODE_REPEATER	5
#define LANSIM_MODE_POWERDOWN	6
#define LANSIM_MODE_ALL		7

/* Reg 27: Special Control/Status Indications (DS §4.2.11) */
#define LANSIM_SCSIR_AMDIXCTRL	BIT(15)	/* 1 = Auto-MDIX disabled */
#define LANSIM_SCSIR_CH_SELECT	BIT(13)	/* manual: 0 = MDI, 1 = MDIX */
#define LANSIM_SCSIR_SQEOFF	BIT(11)	/* NASR */
#define LANSIM_SCSIR_XPOL	BIT(4)	/* RO */
#define LANSIM_SCSIR_RW		(LANSIM_SCSIR_AMDIXCTRL | \
				 LANSIM_SCSIR_CH_SELECT | LANSIM_SCSIR_SQEOFF)

/* Regs 29/30: interrupt source flags and mask (DS §4.2.12, §4.2.13) */
#define LANSIM_INT7_ENERGYON	BIT(7)
#define LANSIM_INT6_ANCOMP	BIT(6)
#define LANSIM_INT5_RFAULT	BIT(5)
#define LANSIM_INT4_LINKDOWN	BIT(4)
#define LANSIM_INT3_LPACK	BIT(3)
#define LANSIM_INT2_PDFAULT	BIT(2)
#define LANSIM_INT1_PAGERX	BIT(1)
#define LANSIM_INT_ALL		GENMASK(7, 1)

/* Reg 31: PHY Special Control/Status (DS §4.2.14) */
#define LANSIM_PSCSR_AUTODONE	BIT(12)
#define LANSIM_PSCSR_RSVD	GENMASK(11, 5)	/* "write as 0000010b" */
#define LANSIM_PSCSR_RSVD_DFLT	0x0040
#define LANSIM_PSCSR_SPEED	GENMASK(4, 2)
#define LANSIM_PSCSR_SPD_10HD	0x1
#define LANSIM_PSCSR_SPD_10FD	0x5
#define LANSIM_PSCSR_SPD_100HD	0x2
#define LANSIM_PSCSR_SPD_100FD	0x6

#endif /* _LANSIM_REGS_H */
