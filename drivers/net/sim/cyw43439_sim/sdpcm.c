// SPDX-License-Identifier: GPL-2.0
/* cyw43439_sim: F2 FIFO engine, SDPCM framing and the credit window. */

#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/skbuff.h>

#include <kunit/visibility.h>

#include "cywsim.h"

/* Largest frame the 11-bit status length can announce (§3.3) */
#define CYWSIM_F2_FRAME_MAX	2047

/**
 * cywsim_f2_reset() - drop every frame in both directions
 * @chip: the chip
 */
void cywsim_f2_reset(struct cywsim_chip *chip)
{
	skb_queue_purge(&chip->tohost);
	skb_queue_purge(&chip->fromhost);
	chip->cur_valid = false;
	chip->credit_head = false;
	chip->cur_len = 0;
	chip->cur_off = 0;
	chip->rx_seq = 0;
	chip->host_seq = 0;
	chip->host_seq_known = false;
	/* drivers start with max_seq 1 (§6.4); the first header corrects it */
	chip->adv_max_seq = 1;
	chip->bufs_used = 0;
}

static u32 cywsim_window_size(struct cywsim_chip *chip)
{
	return clamp_t(u32, READ_ONCE(chip->k.credit_window), 1, 0x40);
}

static bool cywsim_fw_alive(struct cywsim_chip *chip)
{
	return cywsim_fw_running(chip) && !chip->asleep;
}

/* Highest host sequence (exclusive) the firmware has buffers for (§6.4) */
static u8 cywsim_max_seq(struct cywsim_chip *chip)
{
	u32 win = cywsim_window_size(chip);

	if (READ_ONCE(chip->f.credit_stop) || READ_ONCE(chip->f.fw_hang))
		return chip->adv_max_seq;
	return chip->host_seq + (win > chip->bufs_used ?
				 win - chip->bufs_used : 0);
}

/*
 * A pure 12-byte credit frame (§6.4) is due when the host has used every
 * credit it was told about and the firmware has freed buffers since.
 */
static bool cywsim_credit_due(struct cywsim_chip *chip)
{
	u8 left = chip->adv_max_seq - chip->host_seq;

	if (left && !(left & 0x80))
		return false;
	return cywsim_max_seq(chip) != chip->adv_max_seq;
}

static u32 cywsim_hdr_off(struct cywsim_chip *chip, u8 chan)
{
	if (chan != CYWSIM_CHAN_DATA)
		return CYWSIM_SDPCM_HDR;
	return clamp_t(u32, READ_ONCE(chip->k.rx_data_offset),
		       CYWSIM_SDPCM_HDR, 64);
}

/**
 * cywsim_f2_avail() - bytes of chip to host frame the host may read now
 * @chip: the chip
 *
 * Return: 0 when nothing is queued; the F2_PKT_LEN of the status word.
 */
u32 cywsim_f2_avail(struct cywsim_chip *chip)
{
	struct sk_buff *skb;

	if (!cywsim_fw_alive(chip))
		return 0;
	if (chip->cur_valid)
		return chip->cur_len - chip->cur_off;
	if (chip->credit_head)
		return CYWSIM_SDPCM_HDR;
	skb = skb_peek(&chip->tohost);
	if (skb)
		return cywsim_hdr_off(chip, *cywsim_skb_chan(skb)) + skb->len;
	/*
	 * Once announced, the credit frame is the head of the FIFO: a
	 * response queued before the host reads must not take its place.
	 */
	chip->credit_head = cywsim_credit_due(chip);
	return chip->credit_head ? CYWSIM_SDPCM_HDR : 0;
}

/**
 * cywsim_f2_rx_ready() - F2 can take a host frame (status bit 5)
 * @chip: the chip
 *
 * F2_RX_READY drops whenever the firmware has no receive buffer for the
 * host, which is not the SDPCM credit: the credit is what the firmware
 * promised, the buffers are what it has now (reference §6.3). The
 * buffers are filled only by the host's own frames, so the status word of
 * the write that took the last one already shows F2_RX_READY low; it
 * rises again, without an interrupt, when the firmware frees a buffer. The
 * f2_busy_ms fault makes the firmware slow to free one.
 *
 * Return: firmware running, awake, and a receive buffer free.
 */
bool cywsim_f2_rx_ready(struct cywsim_chip *chip)
{
	return cywsim_fw_alive(chip) &&
	       chip->bufs_used < cywsim_window_size(chip) &&
	       ktime_after(ktime_get(), chip->f.f2_busy_until);
}

/* Put the head frame, SDPCM header stamped now, into the read buffer */
static bool cywsim_f2_load(struct cywsim_chip *chip)
{
	bool credit = chip->credit_head;
	struct sk_buff *skb = credit ? NULL : skb_dequeue(&chip->tohost);
	u8 chan = CYWSIM_CHAN_CTRL, *h = chip->cur;
	u32 off = CYWSIM_SDPCM_HDR, len;

	if (skb) {
		chan = *cywsim_skb_chan(skb);
		off = cywsim_hdr_off(chip, chan);
	} else if (!credit && !cywsim_credit_due(chip)) {
		return false;
	}
	chip->credit_head = false;
	len = off + (skb ? skb->len : 0);
	memset(h, 0, off);
	cywsim_put_le16(h, len);
	cywsim_put_le16(h + 2, ~len);
	h[4] = chip->rx_seq++;
	h[5] = chan;
	h[7] = off;
	h[8] = READ_ONCE(chip->k.flow_ctl);
	h[9] = cywsim_max_seq(chip);
	chip->adv_max_seq = h[9];
	if (skb) {
		skb_copy_bits(skb, 0, h + off, skb->len);
		consume_skb(skb);
	} else {
		cywsim_count(chip, CYWSIM_C_CREDIT_FRAMES);
		/* lost to the host, though the firmware counts it as told */
		if (chip->f.credit_corrupt) {
			chip->f.credit_corrupt--;
			h[2] ^= 0x01;
		}
	}
	chip->cur_len = len;
	chip->cur_off = 0;
	chip->cur_valid = true;
	cywsim_count(chip, CYWSIM_C_F2_TO_HOST);
	return true;
}

/**
 * cywsim_f2_read() - host reads @len bytes from F2 (Appendix A item 6)
 * @chip: the chip
 * @buf: out
 * @len: command length
 *
 * Nothing queued raises DATA_UNAVAILABLE; reading past the frame raises
 * F2_F3_FIFO_RD_UNDERFLOW. A shorter read leaves the rest of the frame
 * for the next read or for RF_TERM.
 */
void cywsim_f2_read(struct cywsim_chip *chip, u8 *buf, u32 len)
{
	u32 n, i;

	if (!cywsim_fw_alive(chip) ||
	    (!chip->cur_valid && !cywsim_f2_load(chip))) {
		cywsim_int_raise(chip, CYWSIM_INT_DATA_UNAVAIL);
		cywsim_count(chip, CYWSIM_C_F2_DATAUNAVAIL);
		chip->x.flags |= CYWSIM_TR_DUNAVAIL;
		return;
	}
	n = min_t(u32, len, chip->cur_len - chip->cur_off);
	memcpy(buf, chip->cur + chip->cur_off, n);
	chip->cur_off += n;
	if (chip->cur_off == chip->cur_len)
		chip->cur_valid = false;
	if (len > n) {
		cywsim_int_raise(chip, CYWSIM_INT_F2F3_RD_UNDERFLOW);
		cywsim_count(chip, CYWSIM_C_F2_UNDERFLOW);
		chip->x.flags |= CYWSIM_TR_UNDERFLOW;
	}
	if (chip->f.bit_flip && n) {
		/* §10 #5: a single-bit error the host must catch */
		chip->f.bit_flip--;
		i = (chip->xact_seq * 7) % n;
		buf[i] ^= BIT(chip->xact_seq % 8);
	}
}

/**
 * cywsim_f2_terminate() - RF_TERM: drop the rest of the current frame
 * @chip: the chip
 *
 * With no frame half read, the head frame is dropped unread (§6.5 step 3);
 * the credit it carried is lost with it.
 */
void cywsim_f2_terminate(struct cywsim_chip *chip)
{
	if (!cywsim_fw_alive(chip))
		return;
	if (chip->cur_valid || cywsim_f2_load(chip)) {
		chip->cur_valid = false;
		cywsim_count(chip, CYWSIM_C_RF_TERM);
	}
}

static bool cywsim_sdpcm_bad(struct cywsim_chip *chip, const char *why)
{
	cywsim_count(chip, CYWSIM_C_SDPCM_BAD);
	cywsim_console(chip, "sdpcm: dropped host frame: %s", why);
	return false;
}

/* §6.1 / §6.5 step 5: the frame tag, checked before anything else */
static bool cywsim_sdpcm_tag_ok(struct cywsim_chip *chip, const u8 *h,
				u32 len)
{
	u16 flen;

	if (len < CYWSIM_SDPCM_HDR)
		return cywsim_sdpcm_bad(chip, "shorter than a header");
	flen = cywsim_le16(h);
	if ((flen ^ cywsim_le16(h + 2)) != 0xffff)
		return cywsim_sdpcm_bad(chip, "length check mismatch");
	if (flen < CYWSIM_SDPCM_HDR || flen > len)
		return cywsim_sdpcm_bad(chip, "length beyond the transfer");
	return true;
}

/* The rest of the header, once the sequence number has been taken */
static bool cywsim_sdpcm_hdr_ok(struct cywsim_chip *chip, const u8 *h)
{
	u8 chan = h[5] & CYWSIM_SDPCM_CHAN_MASK;

	if (h[5] & CYWSIM_SDPCM_GLOM)
		return cywsim_sdpcm_bad(chip, "glom frame, glomming is off");
	if (chan != CYWSIM_CHAN_CTRL && chan != CYWSIM_CHAN_DATA)
		return cywsim_sdpcm_bad(chip, "channel not control or data");
	if (h[7] < CYWSIM_SDPCM_HDR || h[7] > cywsim_le16(h))
		return cywsim_sdpcm_bad(chip, "bad data offset");
	return true;
}

/*
 * The host numbers its frames (§6.3); the firmware follows the number of
 * every frame whose tag it could read. A gap is reported and, with
 * strict_seq, the out-of-order frame is dropped.
 */
static bool cywsim_seq_ok(struct cywsim_chip *chip, u8 seq)
{
	u8 left = chip->adv_max_seq - seq, want = chip->host_seq;

	chip->host_seq = seq + 1;
	if (!left || (left & 0x80))
		cywsim_count(chip, CYWSIM_C_NO_CREDIT);	/* beyond the grant */
	if (!chip->host_seq_known || seq == want) {
		chip->host_seq_known = true;
		return true;
	}
	cywsim_count(chip, CYWSIM_C_SDPCM_SEQ);
	cywsim_console(chip, "sdpcm: host seq %u, expected %u", seq, want);
	return !READ_ONCE(chip->k.strict_seq);
}

static void cywsim_f2_overflow(struct cywsim_chip *chip)
{
	cywsim_int_raise(chip, CYWSIM_INT_F2F3_WR_OVERFLOW);
	cywsim_count(chip, CYWSIM_C_F2_OVERFLOW);
	chip->x.flags |= CYWSIM_TR_OVERFLOW;
}

/**
 * cywsim_f2_write() - a host to chip F2 transfer completed
 * @chip: the chip
 * @buf: the transfer, memory order
 * @len: command length
 *
 * Writing while F2 is not ready (no firmware, asleep, no free buffer) is
 * an overflow and the frame is lost.
 */
void cywsim_f2_write(struct cywsim_chip *chip, const u8 *buf, u32 len)
{
	struct sk_buff *skb;
	u64 delay_us;

	if (!cywsim_f2_rx_ready(chip)) {
		cywsim_f2_overflow(chip);
		return;
	}
	if (!cywsim_sdpcm_tag_ok(chip, buf, len) ||
	    !cywsim_seq_ok(chip, buf[4]) || !cywsim_sdpcm_hdr_ok(chip, buf))
		return;
	skb = alloc_skb(cywsim_le16(buf), GFP_KERNEL);
	if (!skb) {
		cywsim_f2_overflow(chip);
		return;
	}
	skb_put_data(skb, buf, cywsim_le16(buf));
	skb_queue_tail(&chip->fromhost, skb);
	if (chip->f.f2_busy_until && !chip->f.f2_busy_resume_us) {
		s64 us = ktime_us_delta(ktime_get(), chip->f.f2_busy_until);

		chip->f.f2_busy_resume_us = max_t(s64, us, 1);
	}
	if (chip->f.f2_busy_arm_ms) {
		chip->f.f2_busy_until = ktime_add_ms(ktime_get(),
						     chip->f.f2_busy_arm_ms);
		chip->f.f2_busy_arm_ms = 0;
		chip->f.f2_busy_resume_us = 0;
	}
	chip->bufs_used++;
	cywsim_count(chip, CYWSIM_C_F2_TO_CHIP);
	delay_us = READ_ONCE(chip->k.fw_latency_us);
	/* a jiffy-based delay would make 200 us a 4 ms firmware */
	if (!chip->dying && !hrtimer_active(&chip->fw_timer))
		hrtimer_start(&chip->fw_timer,
			      ns_to_ktime((u64)delay_us * NSEC_PER_USEC),
			      HRTIMER_MODE_REL);
}

/**
 * cywsim_fw_timer() - the firmware's latency is over: process host frames
 * @t: &cywsim_chip.fw_timer
 *
 * Return: HRTIMER_NORESTART.
 */
enum hrtimer_restart cywsim_fw_timer(struct hrtimer *t)
{
	struct cywsim_chip *chip = container_of(t, struct cywsim_chip,
						fw_timer);

	if (!READ_ONCE(chip->dying))
		mod_delayed_work(chip->wq, &chip->fw_work, 0);
	return HRTIMER_NORESTART;
}

/**
 * cywsim_to_host() - the firmware queues a frame for the host
 * @chip: the chip
 * @chan: SDPCM channel
 * @skb: payload after the SDPCM header; consumed
 *
 * Return: 0, or -ENOBUFS when the frame was dropped.
 */
int cywsim_to_host(struct cywsim_chip *chip, u8 chan, struct sk_buff *skb)
{
	u32 max = READ_ONCE(chip->k.fifo_frames);

	if (!cywsim_fw_running(chip) || READ_ONCE(chip->f.fw_hang) ||
	    skb->len + cywsim_hdr_off(chip, chan) > CYWSIM_F2_FRAME_MAX ||
	    skb_queue_len(&chip->tohost) >= max) {
		cywsim_count(chip, CYWSIM_C_FIFO_FULL);
		kfree_skb(skb);
		return -ENOBUFS;
	}
	*cywsim_skb_chan(skb) = chan;
	skb_queue_tail(&chip->tohost, skb);
	cywsim_irq_update(chip);
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(cywsim_to_host);

static void cywsim_fw_frame(struct cywsim_chip *chip, struct sk_buff *skb)
{
	u8 chan = skb->data[5] & CYWSIM_SDPCM_CHAN_MASK, off = skb->data[7];

	if (chan == CYWSIM_CHAN_CTRL)
		cywsim_bcdc_rx(chip, skb->data + off, skb->len - off);
	else
		cywsim_data_rx(chip, skb->data + off, skb->len - off,
			       off == CYWSIM_SDPCM_HDR);
}

/**
 * cywsim_fw_work() - the firmware processes host frames
 * @work: &cywsim_chip.fw_work
 *
 * Each processed frame frees a receive buffer, i.e. one credit.
 */
void cywsim_fw_work(struct work_struct *work)
{
	struct cywsim_chip *chip = container_of(to_delayed_work(work),
						struct cywsim_chip, fw_work);
	struct sk_buff *skb;

	mutex_lock(&chip->lock);
	cywsim_advance(chip);
	while (cywsim_fw_running(chip) && !READ_ONCE(chip->f.fw_hang) &&
	       (skb = skb_dequeue(&chip->fromhost))) {
		cywsim_fw_frame(chip, skb);
		consume_skb(skb);
		chip->bufs_used--;
	}
	cywsim_irq_update(chip);
	mutex_unlock(&chip->lock);
}
