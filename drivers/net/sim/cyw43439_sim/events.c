// SPDX-License-Identifier: GPL-2.0
/* cyw43439_sim: Broadcom event packets (reference §7.4) and the mask. */

#include <linux/etherdevice.h>
#include <linux/kernel.h>
#include <linux/skbuff.h>

#include "cywsim.h"

/* Offsets from the Ethernet header of an event packet (§7.4) */
#define CYWSIM_EVO_TYPE		12
#define CYWSIM_EVO_SUBTYPE	14
#define CYWSIM_EVO_LENGTH	16
#define CYWSIM_EVO_OUI		19
#define CYWSIM_EVO_USR_SUBTYPE	22
#define CYWSIM_EVO_MSG_VER	24
#define CYWSIM_EVO_FLAGS	26
#define CYWSIM_EVO_EVENT	28
#define CYWSIM_EVO_STATUS	32
#define CYWSIM_EVO_REASON	36
#define CYWSIM_EVO_AUTH		40
#define CYWSIM_EVO_DATALEN	44
#define CYWSIM_EVO_ADDR		48
#define CYWSIM_EVO_IFNAME	54
#define CYWSIM_EVO_IFIDX	70
#define CYWSIM_EVO_BSSCFG	71

static const u8 cywsim_brcm_oui[3] = { 0x00, 0x10, 0x18 };

/**
 * cywsim_event_enabled() - the host's event mask has @type set
 * @chip: the chip
 * @type: event code
 *
 * Return: true when the event would be sent.
 */
bool cywsim_event_enabled(struct cywsim_chip *chip, u32 type)
{
	return type < CYWSIM_E_MAX &&
	       (chip->evmask[type / 8] & BIT(type % 8));
}

/* §10 #9: an event-channel frame that is not a Broadcom event */
static void cywsim_event_wrong_payload(struct cywsim_chip *chip)
{
	struct sk_buff *skb = cywsim_bdc_alloc(ETH_ZLEN, 0, 0);
	u8 *p;

	if (!skb)
		return;
	p = skb_put_zero(skb, ETH_ZLEN);
	ether_addr_copy(p, chip->mac);
	ether_addr_copy(p + ETH_ALEN, chip->mac);
	cywsim_put_be16(p + CYWSIM_EVO_TYPE, ETH_P_IP);
	cywsim_to_host(chip, CYWSIM_CHAN_EVENT, skb);
}

static void cywsim_event_fill(struct cywsim_chip *chip, u8 *p, u32 type,
			      u32 status, u32 reason, u32 auth, u16 flags,
			      const u8 *addr, u32 dlen)
{
	ether_addr_copy(p, chip->mac);
	ether_addr_copy(p + ETH_ALEN, chip->mac);
	cywsim_put_be16(p + CYWSIM_EVO_TYPE, CYWSIM_ETH_P_BRCM);
	cywsim_put_be16(p + CYWSIM_EVO_SUBTYPE, CYWSIM_EV_SUBTYPE);
	/* model choice (UNCONFIRMED): bytes from the version field on */
	cywsim_put_be16(p + CYWSIM_EVO_LENGTH, CYWSIM_EV_HDR - 18 + dlen);
	memcpy(p + CYWSIM_EVO_OUI, cywsim_brcm_oui, sizeof(cywsim_brcm_oui));
	cywsim_put_be16(p + CYWSIM_EVO_USR_SUBTYPE, CYWSIM_EV_USR_SUBTYPE);
	cywsim_put_be16(p + CYWSIM_EVO_MSG_VER, CYWSIM_EV_MSG_VERSION);
	cywsim_put_be16(p + CYWSIM_EVO_FLAGS, flags);
	cywsim_put_be32(p + CYWSIM_EVO_EVENT, type);
	cywsim_put_be32(p + CYWSIM_EVO_STATUS, status);
	cywsim_put_be32(p + CYWSIM_EVO_REASON, reason);
	cywsim_put_be32(p + CYWSIM_EVO_AUTH, auth);
	cywsim_put_be32(p + CYWSIM_EVO_DATALEN, dlen);
	if (addr)
		ether_addr_copy(p + CYWSIM_EVO_ADDR, addr);
	strscpy((char *)p + CYWSIM_EVO_IFNAME, "wl0", 16);
	p[CYWSIM_EVO_IFIDX] = 0;
	p[CYWSIM_EVO_BSSCFG] = 0;
}

/**
 * cywsim_event() - send one firmware event to the host on channel 1
 * @chip: the chip
 * @type: event code (§7.5)
 * @status: event status
 * @reason: event reason
 * @auth: auth type
 * @flags: CYWSIM_EV_FLAG_*
 * @addr: peer or BSSID, may be NULL
 * @data: event data (little-endian inside), may be NULL
 * @dlen: bytes of @data
 *
 * Events the host did not enable in event_msgs are not sent.
 *
 * Return: 0 or a negative errno when the frame could not be queued.
 */
int cywsim_event(struct cywsim_chip *chip, u32 type, u32 status, u32 reason,
		 u32 auth, u16 flags, const u8 *addr, const void *data,
		 u32 dlen)
{
	struct sk_buff *skb;
	u8 *p;

	if (!cywsim_event_enabled(chip, type)) {
		cywsim_count(chip, CYWSIM_C_EVENTS_MASKED);
		return 0;
	}
	if (chip->f.event_drop) {
		chip->f.event_drop--;
		cywsim_count(chip, CYWSIM_C_EVENTS_DROPPED);
		return 0;
	}
	if (chip->f.wrong_payload) {
		chip->f.wrong_payload--;
		cywsim_event_wrong_payload(chip);
	}
	skb = cywsim_bdc_alloc(CYWSIM_EV_HDR + dlen, 0, 0);
	if (!skb)
		return -ENOMEM;
	p = skb_put_zero(skb, CYWSIM_EV_HDR + dlen);
	cywsim_event_fill(chip, p, type, status, reason, auth, flags, addr,
			  dlen);
	if (dlen)
		memcpy(p + CYWSIM_EV_HDR, data, dlen);
	if (chip->f.event_corrupt) {
		chip->f.event_corrupt--;
		p[CYWSIM_EVO_OUI] ^= 0xff;
	}
	cywsim_count(chip, CYWSIM_C_EVENTS);
	return cywsim_to_host(chip, CYWSIM_CHAN_EVENT, skb);
}
