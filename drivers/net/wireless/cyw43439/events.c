// SPDX-License-Identifier: GPL-2.0
/* cyw43439: firmware events: hand-off from the bus context, validation, table. */

#include <linux/skbuff.h>

#include "cyw43.h"

/* Queued event frames beyond this are dropped (a stuck handler) */
#define CYW43_EVQ_MAX	256

typedef void (*cyw43_event_fn)(struct cyw43 *cy, const struct cyw43_event *ev);

static const cyw43_event_fn cyw43_event_handlers[CYW43_E_MAX] = {
	[CYW43_E_ESCAN_RESULT] = cyw43_scan_event,
	[CYW43_E_SET_SSID] = cyw43_conn_event,
	[CYW43_E_AUTH] = cyw43_conn_event,
	[CYW43_E_PSK_SUP] = cyw43_conn_event,
	[CYW43_E_DEAUTH] = cyw43_conn_event,
	[CYW43_E_DEAUTH_IND] = cyw43_conn_event,
	[CYW43_E_DISASSOC_IND] = cyw43_conn_event,
	[CYW43_E_LINK] = cyw43_conn_event,
};

/**
 * cyw43_event_rx() - an event-channel frame arrived (§7.4)
 * @cy: the device
 * @buf: BDC header and event packet
 * @len: bytes at @buf
 *
 * Only frames of the event channel get here (§10 #17). They are copied
 * and handled in process context, where handlers may issue commands.
 *
 * Context: the bus context.
 */
void cyw43_event_rx(struct cyw43 *cy, const u8 *buf, size_t len)
{
	struct sk_buff *skb;
	int off;
	u8 prio;

	off = cyw43_bdc_parse(buf, len, &prio);
	if (off < 0) {
		cy->cnt.bdc_bad++;
		return;
	}
	if (skb_queue_len(&cy->evq) >= CYW43_EVQ_MAX) {
		cy->cnt.event_bad++;
		return;
	}
	skb = alloc_skb(len - off, GFP_KERNEL);
	if (!skb)
		return;
	skb_put_data(skb, buf + off, len - off);
	skb_queue_tail(&cy->evq, skb);
	schedule_work(&cy->ev_work);
}

/**
 * cyw43_event_work() - validate and dispatch queued events
 * @work: &cyw43.ev_work
 *
 * Context: process context.
 */
void cyw43_event_work(struct work_struct *work)
{
	struct cyw43 *cy = container_of(work, struct cyw43, ev_work);
	struct cyw43_event ev;
	struct sk_buff *skb;

	while ((skb = skb_dequeue(&cy->evq))) {
		if (cyw43_event_parse(skb->data, skb->len, &ev)) {
			cy->cnt.event_bad++;
			dev_dbg_ratelimited(cy->dev, "malformed event dropped\n");
		} else if (ev.ifidx == 0 && ev.type < CYW43_E_MAX &&
			   cyw43_event_handlers[ev.type]) {
			cyw43_event_handlers[ev.type](cy, &ev);
		} else {
			dev_dbg(cy->dev, "event %u status %u reason %u ignored\n",
				ev.type, ev.status, ev.reason);
		}
		kfree_skb(skb);
	}
}

/**
 * cyw43_event_mask_set() - enable the events the handler table knows
 * @cy: the device
 *
 * Context: process context.
 * Return: as cyw43_iovar_set().
 */
int cyw43_event_mask_set(struct cyw43 *cy)
{
	u8 mask[CYW43_EVENT_MASK_LEN] = {};
	unsigned int i;

	for (i = 0; i < CYW43_E_MAX; i++)
		if (cyw43_event_handlers[i])
			mask[i / 8] |= BIT(i % 8);
	return cyw43_iovar_set(cy, "event_msgs", mask, sizeof(mask));
}
