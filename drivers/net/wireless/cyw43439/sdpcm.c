// SPDX-License-Identifier: GPL-2.0
/* cyw43439: the bus context: SDPCM receive, credit, control and data send. */

#include <linux/bitfield.h>
#include <linux/delay.h>
#include <linux/etherdevice.h>

#include "cyw43.h"

/* Work per service run before yielding the bus context to other devices */
#define CYW43_SERVICE_BUDGET	64
/* §6.3: how often to re-read STATUS waiting for F2_RX_READY */
#define CYW43_TX_READY_TRIES	20
/* Largest Ethernet frame the firmware carries (§6.3: 1514 + VLAN tag) */
#define CYW43_ETH_MAX		(ETH_FRAME_LEN + 4)

/**
 * cyw43_sdpcm_reset() - forget the SDPCM state of a previous boot
 * @cy: the device
 *
 * §6.4: before the first frame from the firmware the host may send one
 * frame (max_seq 1, tx_seq 0).
 */
void cyw43_sdpcm_reset(struct cyw43 *cy)
{
	cy->tx_seq = 0;
	cy->max_seq = 1;
	cy->flow_ctl = 0;
	cy->rx_seq_known = false;
}

/* Frame a data-channel payload for the stack (§7.3); ethbus does the rest */
static void cyw43_rx_data(struct cyw43 *cy, const u8 *p, size_t len)
{
	struct sk_buff *skb;
	int off;
	u8 prio;

	off = cyw43_bdc_parse(p, len, &prio);
	if (off < 0 || len - off < ETH_HLEN || len - off > CYW43_ETH_MAX) {
		cy->cnt.bdc_bad++;
		return;
	}
	if (!READ_ONCE(cy->data_on))
		return;
	skb = netdev_alloc_skb_ip_align(cy->ndev, len - off);
	if (!skb) {
		ethbus_fault(cy->eb, -ENOMEM, "rx skb");
		return;
	}
	skb_put_data(skb, p + off, len - off);
	skb->priority = prio;
	ethbus_rx(cy->eb, skb);
}

/* §6.5 step 3: drop the announced frame without reading it */
static void cyw43_rx_term(struct cyw43 *cy)
{
	cy->cnt.sdpcm_bad++;
	cyw43_write8(cy, CYW43_F1, CYW43_F1_FRAME_CTRL, CYW43_FC_RF_TERM);
}

/* Read and dispatch one frame if the last status word announced one */
static bool cyw43_rx_one(struct cyw43 *cy)
{
	struct cyw43_sdpcm_hdr h;
	u32 st = cy->status, len;
	const u8 *p;

	if (st == U32_MAX || !(st & CYW43_ST_F2_PKT_AVAIL))
		return false;
	if (READ_ONCE(cy->data_on) && !ethbus_rx_room(cy->eb)) {
		cy->cnt.rx_no_room++;
		return false;
	}
	len = FIELD_GET(CYW43_ST_F2_PKT_LEN, st);
	if (len < CYW43_SDPCM_HDR_LEN || (st & CYW43_ST_UNDERFLOW)) {
		cyw43_rx_term(cy);
		return true;
	}
	if (len == 0)
		len = CYW43_F2_MAX;
	if (cyw43_f2_read(cy, cy->fbuf, len))
		return false;
	cy->cnt.f2_rx_frames++;
	if (cyw43_sdpcm_parse(cy->fbuf, len, &h)) {
		cy->cnt.sdpcm_bad++;
		return true;
	}
	/* §6.4: every frame carries the credit, whatever its channel */
	cy->max_seq = cyw43_sdpcm_credit(h.max_seq, cy->tx_seq);
	cy->flow_ctl = h.flow_ctl;
	cy->rx_seq = h.seq + 1;
	cy->rx_seq_known = true;
	p = cy->fbuf + h.data_off;
	len = h.len - h.data_off;
	switch (h.chan) {
	case CYW43_SDPCM_CHAN_CTRL:
		if (!len) {
			cy->cnt.credit_frames++;
			break;
		}
		cy->cnt.ctrl_frames++;
		cyw43_ioctl_response(cy, p, len);
		break;
	case CYW43_SDPCM_CHAN_EVENT:
		cy->cnt.event_frames++;
		cyw43_event_rx(cy, p, len);
		break;
	default:
		cy->cnt.data_frames++;
		cyw43_rx_data(cy, p, len);
		break;
	}
	return true;
}

/* §6.3: F2 must be able to take the frame; the status word tells */
static bool cyw43_tx_ready(struct cyw43 *cy)
{
	int i;

	for (i = 0; i < CYW43_TX_READY_TRIES; i++) {
		if (cy->status != U32_MAX &&
		    (cy->status & CYW43_ST_F2_RX_READY))
			return true;
		if (i)
			usleep_range(100, 200);
		cy->status = cyw43_read32(cy, CYW43_F0, CYW43_F0_STATUS);
	}
	return false;
}

static int cyw43_tx_frame(struct cyw43 *cy, u8 chan, size_t len)
{
	u8 off = CYW43_SDPCM_HDR_LEN;
	int ret;

	if (chan == CYW43_SDPCM_CHAN_DATA)
		off += CYW43_SDPCM_DATA_PAD;
	cyw43_sdpcm_build(cy->fbuf, len, cy->tx_seq, chan, off);
	ret = cyw43_xfer(cy, true, CYW43_F2, 0, cy->fbuf, len);
	if (ret)
		return ret;
	/* §6.3: the number is spent when the frame is on the bus */
	cy->tx_seq++;
	cy->cnt.f2_tx_frames++;
	return 0;
}

static bool cyw43_may_send(struct cyw43 *cy)
{
	return cyw43_sdpcm_may_send(cy->max_seq, cy->tx_seq);
}

static bool cyw43_tx_ctrl(struct cyw43 *cy)
{
	size_t len;

	if (!READ_ONCE(cy->ioc.pending))
		return false;
	if (!cyw43_may_send(cy)) {
		cy->cnt.credit_stalls++;
		return false;
	}
	if (!cyw43_tx_ready(cy))
		return false;
	if (!cyw43_ioctl_take(cy, cy->fbuf + CYW43_SDPCM_HDR_LEN, &len))
		return false;
	if (cyw43_tx_frame(cy, CYW43_SDPCM_CHAN_CTRL,
			   CYW43_SDPCM_HDR_LEN + len))
		ethbus_fault(cy->eb, -EIO, "control frame write");
	return true;
}

static bool cyw43_tx_data(struct cyw43 *cy)
{
	const size_t hdr = CYW43_SDPCM_HDR_LEN + CYW43_SDPCM_DATA_PAD +
			   CYW43_BDC_HDR_LEN;
	struct sk_buff *skb;

	if (cy->flow_ctl)
		return false;
	if (!cyw43_may_send(cy))
		return false;
	skb = ethbus_tx_dequeue(cy->eb);
	if (!skb)
		return false;
	if (!cyw43_tx_ready(cy)) {
		ethbus_tx_requeue(cy->eb, skb);
		return false;
	}
	if (skb->len > CYW43_ETH_MAX || skb->len < ETH_HLEN) {
		ethbus_tx_done(cy->eb, skb, ETHBUS_TX_ERROR);
		return true;
	}
	memset(cy->fbuf + CYW43_SDPCM_HDR_LEN, 0, CYW43_SDPCM_DATA_PAD);
	cyw43_bdc_build(cy->fbuf + hdr - CYW43_BDC_HDR_LEN, skb->priority);
	skb_copy_bits(skb, 0, cy->fbuf + hdr, skb->len);
	if (cyw43_tx_frame(cy, CYW43_SDPCM_CHAN_DATA, hdr + skb->len)) {
		ethbus_tx_done(cy->eb, skb, ETHBUS_TX_ERROR);
		return true;
	}
	ethbus_tx_done(cy->eb, skb, ETHBUS_TX_SENT);
	return true;
}

/**
 * cyw43_service() - the ethbus service op: all F2 traffic
 * @ctx: the device
 *
 * Reads STATUS once, then alternates: read the frame the last status word
 * announced (each read's appended status announces the next, §6.5 step
 * 7), send the pending control request, send data frames, while credit
 * (§6.4) and F2 allow. Control goes before data so an ioctl never waits
 * behind a stream.
 *
 * Context: the bus context; sleeps.
 */
void cyw43_service(void *ctx)
{
	struct cyw43 *cy = ctx;
	int i;

	if (!cy->fw_running || READ_ONCE(cy->dead))
		return;
	cy->status = cyw43_read32(cy, CYW43_F0, CYW43_F0_STATUS);
	for (i = 0; i < CYW43_SERVICE_BUDGET; i++) {
		bool busy = cyw43_rx_one(cy);

		busy |= cyw43_tx_ctrl(cy);
		if (READ_ONCE(cy->data_on))
			busy |= cyw43_tx_data(cy);
		if (!busy)
			return;
	}
	ethbus_kick(cy->eb);
}
