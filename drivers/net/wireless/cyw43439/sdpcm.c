// SPDX-License-Identifier: GPL-2.0
/* cyw43439: the bus context: SDPCM receive, credit, control and data send. */

#include <linux/bitfield.h>
#include <linux/delay.h>
#include <linux/etherdevice.h>

#include "cyw43.h"

/* Work per service run before yielding the bus context to other devices */
#define CYW43_SERVICE_BUDGET	64
/*
 * §6.3: how often to re-read STATUS waiting for F2_RX_READY, 100-200 us
 * apart, before the frame waits for cyw43_f2_retry(): the chip's buffer
 * can stay full for much longer than a bus context should spin.
 */
#define CYW43_TX_READY_TRIES	4
#define CYW43_F2_RETRY_MS	1
/*
 * §6.4: a credit update lost on the bus (a corrupted header, §10 #5) would
 * leave the host waiting for credit the firmware believes it granted, with
 * nothing left to correct it. After this long without credit, while F2
 * can take a frame, one control frame goes anyway: its answer carries the
 * firmware's credit. The reference's drivers give up on a stall after 1 s.
 */
#define CYW43_CREDIT_STALL_MS	1000
/*
 * Data alone sends no control frame, so the same lost update would stop a
 * one-way stream (UDP out, nothing back) for good. After this long with
 * data waiting and no credit, cyw43_credit_probe() asks the firmware
 * something. Longer than the control stall: a firmware that holds its
 * credit back for a while (§10 #8) is left alone that long.
 */
#define CYW43_CREDIT_PROBE_MS	3000
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
	cy->credit_stall_since = 0;
	WRITE_ONCE(cy->data_stall_since, 0);
}

/**
 * cyw43_credit_probe() - ask the firmware something after a data stall
 * @work: &cyw43.credit_probe
 *
 * Scheduled when data starts waiting for credit. If the stall has lasted
 * CYW43_CREDIT_PROBE_MS, one small GET goes; it waited for credit as long
 * as the data, so it goes without (credit_overrides), and its answer's
 * header carries the firmware's credit. While the stall lasts it asks
 * again every CYW43_CREDIT_PROBE_MS. A stall that ended and began again
 * meanwhile is timed from its new start; one whose data path stopped is
 * forgotten.
 *
 * Context: process context; sleeps.
 */
void cyw43_credit_probe(struct work_struct *work)
{
	struct cyw43 *cy = container_of(to_delayed_work(work), struct cyw43,
					credit_probe);
	unsigned long since = READ_ONCE(cy->data_stall_since), due;
	u8 mac[ETH_ALEN];

	if (!since)
		return;
	if (READ_ONCE(cy->dead) || !READ_ONCE(cy->data_on)) {
		/* the data went with the data path; the next stall is new */
		WRITE_ONCE(cy->data_stall_since, 0);
		return;
	}
	due = since + msecs_to_jiffies(CYW43_CREDIT_PROBE_MS);
	if (time_before(jiffies, due)) {
		schedule_delayed_work(&cy->credit_probe, due - jiffies);
		return;
	}
	dev_dbg(cy->dev, "no credit for data in %u ms: asking the firmware\n",
		jiffies_to_msecs(jiffies - since));
	cyw43_iovar_get(cy, "cur_etheraddr", mac, sizeof(mac));
	/* the answer can be lost on the bus too: ask again while it lasts */
	if (READ_ONCE(cy->data_stall_since) == since)
		schedule_delayed_work(&cy->credit_probe,
				      msecs_to_jiffies(CYW43_CREDIT_PROBE_MS));
}

/**
 * cyw43_f2_retry() - try again a frame that F2 could not take
 * @work: &cyw43.f2_retry
 *
 * F2_RX_READY drops while the chip's receive buffer is full, whatever the
 * credit says, and rises again without an interrupt. The frame (a command
 * or data) stays queued and the bus context looks again shortly after.
 *
 * Context: process context.
 */
void cyw43_f2_retry(struct work_struct *work)
{
	struct cyw43 *cy = container_of(to_delayed_work(work), struct cyw43,
					f2_retry);

	ethbus_kick(cy->eb);
}

/**
 * cyw43_sdpcm_free() - free the receive buffer kept between frames
 * @cy: the device
 *
 * Context: the bus context is stopped.
 */
void cyw43_sdpcm_free(struct cyw43 *cy)
{
	kfree_skb(cy->rx_spare);
	cy->rx_spare = NULL;
}

/*
 * Frames are read straight into an skb big enough for any F2 frame. A
 * data frame keeps it (the stack gets the very memory the bus wrote); a
 * control, event or bad frame leaves it for the next read. Without memory
 * the frame is still read, into fbuf, so the chip's FIFO moves on.
 */
static struct sk_buff *cyw43_rx_skb(struct cyw43 *cy)
{
	struct sk_buff *skb = cy->rx_spare;

	cy->rx_spare = NULL;
	if (!skb)
		skb = netdev_alloc_skb_ip_align(cy->ndev, CYW43_F2_MAX);
	return skb;
}

/*
 * A data-channel frame of @len bytes at @off in @skb (§7.3): validated,
 * then handed to ethbus (which does eth_type_trans and NAPI) without a copy.
 */
static void cyw43_rx_data(struct cyw43 *cy, struct sk_buff *skb, u32 off,
			  u32 len)
{
	int boff;
	u8 prio;

	if (!skb) {
		ethbus_fault(cy->eb, -ENOMEM, "rx skb");
		return;
	}
	boff = cyw43_bdc_parse(skb->data + off, len, &prio);
	if (boff < 0 || len - boff < ETH_HLEN || len - boff > CYW43_ETH_MAX) {
		cy->cnt.bdc_bad++;
		cy->rx_spare = skb;
		return;
	}
	if (!READ_ONCE(cy->data_on)) {
		cy->rx_spare = skb;
		return;
	}
	skb_put(skb, off + len);
	skb_pull(skb, off + boff);
	skb->priority = prio;
	ethbus_rx(cy->eb, skb);
}

/* §6.5 step 3: drop the announced frame without reading it */
static void cyw43_rx_term(struct cyw43 *cy)
{
	cy->cnt.sdpcm_bad++;
	cyw43_write8(cy, CYW43_F1, CYW43_F1_FRAME_CTRL, CYW43_FC_RF_TERM);
}

/*
 * §3.2: error interrupts (data unavailable, FIFO underflow or overflow)
 * stay set, and show in every status word, until written back. Clear them
 * as soon as a status word shows one: a stale underflow would otherwise
 * make every later frame look bad. What follows is judged on its own: a
 * frame read after a spurious error is validated like any other.
 */
static void cyw43_clear_errors(struct cyw43 *cy)
{
	const u32 errs = CYW43_ST_DATA_UNAVAIL | CYW43_ST_UNDERFLOW |
			 CYW43_ST_OVERFLOW;

	if (cy->status == U32_MAX || !(cy->status & errs))
		return;
	cy->cnt.error_clears++;
	cyw43_write16(cy, CYW43_F0, CYW43_F0_INT, CYW43_INT_ERRORS);
}

/* Read and dispatch one frame if the last status word announced one */
static bool cyw43_rx_one(struct cyw43 *cy)
{
	struct cyw43_sdpcm_hdr h;
	u32 st = cy->status, len;
	struct sk_buff *skb;
	u8 *buf;

	if (st == U32_MAX || !(st & CYW43_ST_F2_PKT_AVAIL))
		return false;
	if (READ_ONCE(cy->data_on) && !ethbus_rx_room(cy->eb)) {
		/* the frame stays in the chip, and so does its interrupt */
		cy->cnt.rx_no_room++;
		ethbus_irq_hold(cy->eb);
		return false;
	}
	len = FIELD_GET(CYW43_ST_F2_PKT_LEN, st);
	if (len < CYW43_SDPCM_HDR_LEN || (st & CYW43_ST_UNDERFLOW)) {
		cyw43_rx_term(cy);
		return true;
	}
	skb = cyw43_rx_skb(cy);
	buf = skb ? skb->data : cy->fbuf;
	cy->rx_spare = skb;
	if (cyw43_f2_read(cy, buf, len))
		return false;
	cy->cnt.f2_rx_frames++;
	if (cyw43_sdpcm_parse(buf, len, &h)) {
		cy->cnt.sdpcm_bad++;
		return true;
	}
	/* §6.4: every frame carries the credit, whatever its channel */
	cy->max_seq = cyw43_sdpcm_credit(h.max_seq, cy->tx_seq);
	cy->flow_ctl = h.flow_ctl;
	cy->rx_seq = h.seq + 1;
	cy->rx_seq_known = true;
	len = h.len - h.data_off;
	switch (h.chan) {
	case CYW43_SDPCM_CHAN_CTRL:
		if (!len) {
			cy->cnt.credit_frames++;
			break;
		}
		cy->cnt.ctrl_frames++;
		cyw43_ioctl_response(cy, buf + h.data_off, len);
		break;
	case CYW43_SDPCM_CHAN_EVENT:
		cy->cnt.event_frames++;
		cyw43_event_rx(cy, buf + h.data_off, len);
		break;
	default:
		cy->cnt.data_frames++;
		cy->rx_spare = NULL;
		cyw43_rx_data(cy, skb, h.data_off, len);
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
	cy->cnt.f2_not_ready++;
	schedule_delayed_work(&cy->f2_retry,
			      msecs_to_jiffies(CYW43_F2_RETRY_MS));
	return false;
}

/*
 * Send the frame whose headers (and, for control, payload) are in fbuf
 * (@hlen bytes) followed by @body_len bytes at @body.
 */
static int cyw43_tx_frame(struct cyw43 *cy, u8 chan, size_t hlen,
			  const void *body, size_t body_len)
{
	u8 off = CYW43_SDPCM_HDR_LEN;
	int ret;

	if (chan == CYW43_SDPCM_CHAN_DATA)
		off += CYW43_SDPCM_DATA_PAD;
	cyw43_sdpcm_build(cy->fbuf, hlen + body_len, cy->tx_seq, chan, off);
	ret = cyw43_f2_write(cy, cy->fbuf, hlen, body, body_len);
	if (ret)
		return ret;
	/* §6.3: the number is spent when the frame is on the bus */
	cy->tx_seq++;
	cy->cnt.f2_tx_frames++;
	return 0;
}

static bool cyw43_may_send(struct cyw43 *cy)
{
	bool ok = cyw43_sdpcm_may_send(cy->max_seq, cy->tx_seq);

	if (ok) {
		cy->credit_stall_since = 0;
		if (cy->data_stall_since)
			WRITE_ONCE(cy->data_stall_since, 0);
	}
	return ok;
}

/* Data found no credit: time the stall, if a frame really waits */
static void cyw43_data_stall(struct cyw43 *cy)
{
	unsigned long now = jiffies ?: 1;
	struct sk_buff *skb;

	if (cy->data_stall_since)
		return;
	skb = ethbus_tx_dequeue(cy->eb);
	if (!skb)
		return;
	ethbus_tx_requeue(cy->eb, skb);
	if (!cy->credit_stall_since)
		cy->credit_stall_since = now;
	WRITE_ONCE(cy->data_stall_since, now);
	schedule_delayed_work(&cy->credit_probe,
			      msecs_to_jiffies(CYW43_CREDIT_PROBE_MS));
}

/* A control frame waits for credit; see CYW43_CREDIT_STALL_MS */
static bool cyw43_ctrl_may_send(struct cyw43 *cy)
{
	unsigned long now = jiffies;

	if (cyw43_may_send(cy))
		return true;
	if (!cy->credit_stall_since) {
		cy->credit_stall_since = now ?: 1;
		return false;
	}
	if (time_before(now, cy->credit_stall_since +
			     msecs_to_jiffies(CYW43_CREDIT_STALL_MS)))
		return false;
	cy->credit_stall_since = now ?: 1;
	cy->cnt.credit_overrides++;
	return true;
}

static bool cyw43_tx_ctrl(struct cyw43 *cy)
{
	size_t len;

	if (!READ_ONCE(cy->ioc.pending))
		return false;
	if (!cyw43_ctrl_may_send(cy)) {
		cy->cnt.credit_stalls++;
		return false;
	}
	if (!cyw43_tx_ready(cy))
		return false;
	if (!cyw43_ioctl_take(cy, cy->fbuf + CYW43_SDPCM_HDR_LEN, &len))
		return false;
	if (cyw43_tx_frame(cy, CYW43_SDPCM_CHAN_CTRL,
			   CYW43_SDPCM_HDR_LEN + len, NULL, 0))
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
	if (!cyw43_may_send(cy)) {
		cyw43_data_stall(cy);
		return false;
	}
	skb = ethbus_tx_dequeue(cy->eb);
	if (!skb)
		return false;
	if (!cyw43_tx_ready(cy)) {
		ethbus_tx_requeue(cy->eb, skb);
		return false;
	}
	if (skb->len > CYW43_ETH_MAX || skb->len < ETH_HLEN ||
	    skb_linearize(skb)) {
		ethbus_tx_done(cy->eb, skb, ETHBUS_TX_ERROR);
		return true;
	}
	/* headers from fbuf, the frame straight from the skb: no copy */
	memset(cy->fbuf + CYW43_SDPCM_HDR_LEN, 0, CYW43_SDPCM_DATA_PAD);
	cyw43_bdc_build(cy->fbuf + hdr - CYW43_BDC_HDR_LEN, skb->priority);
	if (cyw43_tx_frame(cy, CYW43_SDPCM_CHAN_DATA, hdr, skb->data,
			   skb->len)) {
		ethbus_tx_done(cy->eb, skb, ETHBUS_TX_ERROR);
		return true;
	}
	ethbus_tx_done(cy->eb, skb, ETHBUS_TX_SENT);
	return true;
}

/* A dead firmware takes no frames: drop what is queued, counted */
static void cyw43_tx_drop_all(struct cyw43 *cy)
{
	struct sk_buff *skb;

	while ((skb = ethbus_tx_dequeue(cy->eb)))
		ethbus_tx_done(cy->eb, skb, ETHBUS_TX_ERROR);
}

/**
 * cyw43_service() - the ethbus service op: all F2 traffic
 * @ctx: the device
 *
 * Every transaction ends with the status word (§3.3), so the host always
 * knows what the chip last said. A run with something to send sends it
 * at once: the status word of that frame says whether a frame waits. Only
 * a run with nothing to send spends a transaction on STATUS, and only if
 * an interrupt came in since the last status word: an interrupt raised
 * for a frame the previous run already read wakes a run that needs no
 * bus at all. F2_RX_READY cannot go stale on the host's side: only the
 * host's own writes fill the chip's buffers, and each write's status word
 * counts that write.
 *
 * Then it alternates: read the frame the last status word announced (each
 * read's status announces the next, §6.5 step 7), send the pending control
 * request, send data frames, while credit (§6.4) and F2 allow. Control
 * goes before data so an ioctl never waits behind a stream.
 *
 * Context: the bus context; sleeps.
 */
void cyw43_service(void *ctx)
{
	struct cyw43 *cy = ctx;
	bool busy;
	int i;

	/*
	 * Powered down or dead, the chip is not serviced: a level host-wake
	 * it still drives stays masked until the bus is brought up again.
	 */
	if (!cy->fw_running) {
		ethbus_irq_hold(cy->eb);
		return;
	}
	if (READ_ONCE(cy->dead)) {
		cyw43_tx_drop_all(cy);
		ethbus_irq_hold(cy->eb);
		return;
	}
	busy = cyw43_tx_ctrl(cy);
	if (!busy && READ_ONCE(cy->data_on))
		busy = cyw43_tx_data(cy);
	if (!busy && (cy->status == U32_MAX ||
		      ethbus_irq_count(cy->eb) != cy->status_irqs)) {
		cy->status = cyw43_read32(cy, CYW43_F0, CYW43_F0_STATUS);
		cy->cnt.status_reads++;
	}
	for (i = 0; i < CYW43_SERVICE_BUDGET; i++) {
		cyw43_clear_errors(cy);
		busy = cyw43_rx_one(cy);
		busy |= cyw43_tx_ctrl(cy);
		if (READ_ONCE(cy->data_on))
			busy |= cyw43_tx_data(cy);
		if (!busy)
			return;
	}
	ethbus_kick(cy->eb);
}
