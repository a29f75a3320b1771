// SPDX-License-Identifier: GPL-2.0
/* cyw43439 KUnit: the BCDC control mailbox between callers and the bus. */

#include <linux/atomic.h>
#include <linux/completion.h>
#include <linux/delay.h>
#include <linux/device.h>
#include <linux/etherdevice.h>
#include <linux/kthread.h>
#include <linux/ktime.h>
#include <linux/netdevice.h>
#include <linux/string.h>

#include "../../drivers/net/wireless/cyw43439/cyw43.h"
#include "cyw43_kunit.h"

/*
 * A real ethbus carries the requests: cyw43_ioctl() runs in the test
 * thread and blocks, while the test's service op plays the firmware in
 * the bus context. It takes each request with cyw43_ioctl_take(), records
 * it, and answers (or not) as the case's script says, writing the 16-byte
 * BCDC response header by hand from reference §7.1.
 */

#define CYW43_KT_MAX_REQ	16	/* requests recorded per case */
#define CYW43_KT_SNAP		64	/* payload bytes recorded per request */
#define CYW43_KT_FRAME_MAX	(CYW43_BCDC_HDR_LEN + CYW43_IOCTL_MAX)

/* WLC command numbers (§8.1) */
#define CYW43_KT_GET_RSSI	127
#define CYW43_KT_SET_PM		86
#define CYW43_KT_GET_BSSID	23
#define CYW43_KT_GET_CHANNEL	29
#define CYW43_KT_GET_VAR	262
#define CYW43_KT_SET_VAR	263

/* BCME status codes (§7.1) */
#define CYW43_KT_BUSY		(-16)
#define CYW43_KT_UNSUPPORTED	(-23)

#define CYW43_KT_ID_SHIFT	16	/* request id: flags bits 31:16 */
#define CYW43_KT_REQ_SEED	0x10	/* what callers send */
#define CYW43_KT_STALE_SEED	0xe0	/* what a stale answer carries */
#define CYW43_KT_GUARD		0xcc

#define CYW43_KT_SHORT_MS	200	/* ioctl timeout of the timeout case */
#define CYW43_KT_LONG_MS	10000	/* a timeout the kill case must beat */
#define CYW43_KT_ROUNDS		4	/* commands per concurrent caller */
#define CYW43_KT_CONC_LEN	32

/**
 * enum cyw43_kt_act - what the fake firmware does with a request
 * @CYW43_KT_ANSWER: answer it, possibly after stale answers
 * @CYW43_KT_SILENT: never answer
 * @CYW43_KT_KILL: call cyw43_ioctl_kill() instead of answering
 */
enum cyw43_kt_act {
	CYW43_KT_ANSWER,
	CYW43_KT_SILENT,
	CYW43_KT_KILL,
};

/**
 * struct cyw43_kt_step - the firmware's script for one request
 * @act: what to do
 * @status: status of the answer; non-zero also sets the ERROR flag
 * @resp_len: payload bytes of the answer; 0 answers as many as were sent
 * @stale_id: first send an answer carrying the previous request id
 * @stale_cmd: first send an answer with the right id but another command
 */
struct cyw43_kt_step {
	enum cyw43_kt_act act;
	s32 status;
	u32 resp_len;
	bool stale_id;
	bool stale_cmd;
};

/**
 * struct cyw43_kt_req - a request as the firmware received it
 * @cmd: BCDC cmd field
 * @len: BCDC len field
 * @flags: BCDC flags field
 * @frame_len: bytes cyw43_ioctl_take() handed over
 * @payload: the first CYW43_KT_SNAP payload bytes
 */
struct cyw43_kt_req {
	u32 cmd;
	u32 len;
	u32 flags;
	size_t frame_len;
	u8 payload[CYW43_KT_SNAP];
};

/**
 * struct cyw43_kt - one case's driver state, bus and fake firmware
 * @cy: the driver state fwil.c works on
 * @dev: device the driver logs against
 * @ndev: a net_device that is never registered, for the ethbus
 * @eb: the ethbus whose bus context runs the fake firmware
 * @old_timeout: ioctl_timeout_ms before the case changed it
 * @timeout_set: the case changed ioctl_timeout_ms
 * @dead_reports: times the driver's dead_work ran
 * @plan: script for the first @nplan requests; later ones are answered
 * @nplan: entries in @plan
 * @concurrent: hold the first answer until two callers are active
 * @answer_delay_ms: sleep between taking a request and answering it
 * @callers: callers inside cyw43_ioctl() (the concurrent case)
 * @nreq: requests the firmware took
 * @req: the first CYW43_KT_MAX_REQ of them
 * @short_frames: requests shorter than a BCDC header
 * @overlaps: requests pending while another was unanswered
 * @max_callers: most @callers seen when a request was taken
 * @second_done: the second caller of the concurrent case finished
 * @second_started: it was started and must be waited for
 * @second_ret: its result
 * @second_foreign: answers it got that were meant for the other caller
 * @second_buf: its buffer
 * @frame: the request being handled (bus context)
 * @scratch: where a second, overlapping request would be taken to
 * @resp: the answer being built (bus context)
 *
 * The fields the bus context writes are read by the test thread only
 * after cyw43_kt_settle().
 */
struct cyw43_kt {
	struct cyw43 *cy;
	struct device *dev;
	struct net_device *ndev;
	struct ethbus *eb;
	unsigned int old_timeout;
	bool timeout_set;
	atomic_t dead_reports;

	const struct cyw43_kt_step *plan;
	unsigned int nplan;
	bool concurrent;
	unsigned int answer_delay_ms;
	atomic_t callers;

	unsigned int nreq;
	struct cyw43_kt_req req[CYW43_KT_MAX_REQ];
	unsigned int short_frames;
	unsigned int overlaps;
	int max_callers;

	struct completion second_done;
	bool second_started;
	int second_ret;
	unsigned int second_foreign;
	u8 second_buf[CYW43_KT_CONC_LEN];

	u8 frame[CYW43_KT_FRAME_MAX];
	u8 scratch[CYW43_KT_FRAME_MAX];
	u8 resp[CYW43_KT_FRAME_MAX];
};

static const struct cyw43_kt_step cyw43_kt_default_step = {
	.act = CYW43_KT_ANSWER,
};

/* Payload byte i of a buffer is seed + i, so shifted copies show. */
static void cyw43_kt_fill(u8 *p, size_t len, u8 seed)
{
	size_t i;

	for (i = 0; i < len; i++)
		p[i] = seed + i;
}

static bool cyw43_kt_is_filled(const u8 *p, size_t len, u8 seed)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (p[i] != (u8)(seed + i))
			return false;
	return true;
}

/* The firmware answers each command with its own pattern. */
static u8 cyw43_kt_seed(u32 cmd)
{
	return 0x80 | (cmd & 0x7f);
}

/* @p holds the payload the firmware answers @cmd with. */
static bool cyw43_kt_answered(const u8 *p, size_t len, u32 cmd)
{
	return cyw43_kt_is_filled(p, len, cyw43_kt_seed(cmd));
}

static u16 cyw43_kt_id(const struct cyw43_kt_req *r)
{
	return r->flags >> CYW43_KT_ID_SHIFT;
}

/* One BCDC response (§7.1) into the driver, as the bus context would. */
static void cyw43_kt_answer(struct cyw43_kt *t, u32 cmd, u16 id, s32 status,
			    u32 len, u8 seed)
{
	u32 flags = (u32)id << CYW43_KT_ID_SHIFT;

	if (status)
		flags |= CYW43_BCDC_FLAG_ERROR;
	cyw43_kt_put_le32(t->resp, cmd);
	cyw43_kt_put_le32(t->resp + 4, len);
	cyw43_kt_put_le32(t->resp + 8, flags);
	cyw43_kt_put_le32(t->resp + 12, status);
	cyw43_kt_fill(t->resp + CYW43_BCDC_HDR_LEN, len, seed);
	cyw43_ioctl_response(t->cy, t->resp, CYW43_BCDC_HDR_LEN + len);
}

static struct cyw43_kt_req *cyw43_kt_record(struct cyw43_kt *t, size_t len)
{
	struct cyw43_kt_req *r;
	unsigned int n = t->nreq++;

	if (n >= CYW43_KT_MAX_REQ)
		return NULL;
	r = &t->req[n];
	r->cmd = cyw43_kt_le32(t->frame);
	r->len = cyw43_kt_le32(t->frame + 4);
	r->flags = cyw43_kt_le32(t->frame + 8);
	r->frame_len = len;
	memcpy(r->payload, t->frame + CYW43_BCDC_HDR_LEN,
	       min_t(size_t, len - CYW43_BCDC_HDR_LEN, CYW43_KT_SNAP));
	return r;
}

/* The concurrent case: hold the first answer until both callers run. */
static void cyw43_kt_hold(struct cyw43_kt *t, unsigned int n)
{
	unsigned int ms;
	size_t len;

	if (!n) {
		for (ms = 0; ms < 1000 && atomic_read(&t->callers) < 2; ms++)
			usleep_range(1000, 2000);
	}
	t->max_callers = max(t->max_callers, atomic_read(&t->callers));
	if (t->answer_delay_ms)
		msleep(t->answer_delay_ms);
	/* One command in flight: nothing else may be pending meanwhile. */
	if (cyw43_ioctl_take(t->cy, t->scratch, &len))
		t->overlaps++;
}

/**
 * cyw43_kt_service() - the fake firmware, as the ethbus service op
 * @ctx: the &struct cyw43_kt
 *
 * Takes the pending request, records it and acts on the case's script.
 *
 * Context: the bus context.
 */
static void cyw43_kt_service(void *ctx)
{
	const struct cyw43_kt_step *step;
	struct cyw43_kt *t = ctx;
	struct cyw43_kt_req *r;
	unsigned int n;
	size_t len;

	if (!cyw43_ioctl_take(t->cy, t->frame, &len))
		return;
	if (len < CYW43_BCDC_HDR_LEN) {
		t->short_frames++;
		return;
	}
	n = t->nreq;
	r = cyw43_kt_record(t, len);
	if (!r)
		return;
	step = n < t->nplan ? &t->plan[n] : &cyw43_kt_default_step;
	if (t->concurrent)
		cyw43_kt_hold(t, n);

	switch (step->act) {
	case CYW43_KT_SILENT:
		return;
	case CYW43_KT_KILL:
		cyw43_ioctl_kill(t->cy);
		return;
	case CYW43_KT_ANSWER:
		break;
	}
	len = step->resp_len ?: len - CYW43_BCDC_HDR_LEN;
	if (step->stale_id)
		cyw43_kt_answer(t, r->cmd, cyw43_kt_id(r) - 1, 0, len,
				CYW43_KT_STALE_SEED);
	if (step->stale_cmd)
		cyw43_kt_answer(t, r->cmd + 1, cyw43_kt_id(r), 0, len,
				CYW43_KT_STALE_SEED);
	cyw43_kt_answer(t, r->cmd, cyw43_kt_id(r), step->status, len,
			cyw43_kt_seed(r->cmd));
}

static const struct ethbus_ops cyw43_kt_ops = {
	.service = cyw43_kt_service,
};

static int cyw43_kt_nop(void *arg)
{
	return 0;
}

/* Waits for the bus context to finish what it was doing. */
static void cyw43_kt_settle(struct cyw43_kt *t)
{
	ethbus_call(t->eb, cyw43_kt_nop, NULL);
}

static void cyw43_kt_script(struct cyw43_kt *t,
			    const struct cyw43_kt_step *plan,
			    unsigned int nplan)
{
	t->plan = plan;
	t->nplan = nplan;
}

static void cyw43_kt_timeout(struct cyw43_kt *t, unsigned int ms)
{
	unsigned int old = cyw43_ioctl_timeout_set(ms);

	if (!t->timeout_set)
		t->old_timeout = old;
	t->timeout_set = true;
}

/* Driver state set up as cyw43_init_state() does for what fwil.c uses. */
/* Stands in for cyw43_dead_work(): there is no registered netdev here */
static void cyw43_kt_dead_work(struct work_struct *work)
{
	struct cyw43 *cy = container_of(work, struct cyw43, dead_work);
	struct cyw43_kt *t = dev_get_drvdata(cy->dev);

	atomic_inc(&t->dead_reports);
}

static int cyw43_kt_init(struct kunit *test)
{
	struct cyw43_kt *t;
	struct cyw43 *cy;

	t = kunit_kzalloc(test, sizeof(*t), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, t);
	cy = kunit_kzalloc(test, sizeof(*cy), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, cy);
	t->cy = cy;
	atomic_set(&t->callers, 0);
	init_completion(&t->second_done);
	test->priv = t;

	mutex_init(&cy->ioc.lock);
	spin_lock_init(&cy->ioc.slock);
	init_completion(&cy->ioc.done);
	INIT_WORK(&cy->dead_work, cyw43_kt_dead_work);

	t->dev = root_device_register("cyw43_kunit_fwil");
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, t->dev);
	dev_set_drvdata(t->dev, t);
	cy->dev = t->dev;

	t->ndev = alloc_etherdev(0);
	KUNIT_ASSERT_NOT_NULL(test, t->ndev);
	SET_NETDEV_DEV(t->ndev, t->dev);
	cy->ndev = t->ndev;

	t->eb = ethbus_create(t->ndev, &cyw43_kt_ops, t, NULL);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, t->eb);
	cy->eb = t->eb;
	return 0;
}

static void cyw43_kt_exit(struct kunit *test)
{
	struct cyw43_kt *t = test->priv;

	if (!t)
		return;
	if (t->second_started)
		wait_for_completion(&t->second_done);
	cancel_work_sync(&t->cy->dead_work);
	if (!IS_ERR_OR_NULL(t->eb))
		ethbus_destroy(t->eb);
	/* fwil.c always hands over at least a BCDC header */
	KUNIT_EXPECT_EQ(test, t->short_frames, 0);
	if (t->ndev)
		free_netdev(t->ndev);
	if (!IS_ERR_OR_NULL(t->dev))
		root_device_unregister(t->dev);
	if (t->timeout_set)
		cyw43_ioctl_timeout_set(t->old_timeout);
	mutex_destroy(&t->cy->ioc.lock);
}

/* A GET sends the caller's buffer and returns the answer in it. */
static void cyw43_test_fwil_get(struct kunit *test)
{
	u8 *buf = cyw43_kt_dup(test, NULL, 32, 0);
	struct cyw43_kt *t = test->priv;
	u8 *sent = cyw43_kt_dup(test, NULL, 32, 0);
	size_t out_len = 0;

	cyw43_kt_fill(buf, 32, CYW43_KT_REQ_SEED);
	memcpy(sent, buf, 32);
	KUNIT_EXPECT_EQ(test, cyw43_ioctl(t->cy, CYW43_KT_GET_RSSI, false, buf,
					  32, &out_len), 0);
	cyw43_kt_settle(t);

	KUNIT_EXPECT_EQ(test, out_len, 32);
	KUNIT_EXPECT_TRUE(test,
			  cyw43_kt_answered(buf, 32, CYW43_KT_GET_RSSI));
	KUNIT_ASSERT_EQ(test, t->nreq, 1);
	KUNIT_EXPECT_EQ(test, t->req[0].cmd, CYW43_KT_GET_RSSI);
	KUNIT_EXPECT_EQ(test, t->req[0].len & 0xffff, 32);
	KUNIT_EXPECT_EQ(test, t->req[0].flags & (CYW43_BCDC_FLAG_SET |
						 CYW43_BCDC_FLAG_ERROR), 0);
	KUNIT_EXPECT_EQ(test, t->req[0].frame_len, CYW43_BCDC_HDR_LEN + 32);
	KUNIT_EXPECT_MEMEQ(test, t->req[0].payload, sent, 32);
	KUNIT_EXPECT_EQ(test, t->cy->cnt.ioctls, 1);
	KUNIT_EXPECT_EQ(test, t->cy->cnt.ioctl_errors, 0);
	KUNIT_EXPECT_FALSE(test, READ_ONCE(t->cy->dead));
}

/* A firmware error is the caller's errno; a failed SET leaves its buffer. */
static void cyw43_test_fwil_set_error(struct kunit *test)
{
	static const struct cyw43_kt_step plan[] = {
		{ .act = CYW43_KT_ANSWER, .status = CYW43_KT_UNSUPPORTED },
	};
	u8 *buf = cyw43_kt_dup(test, NULL, 8, 0);
	struct cyw43_kt *t = test->priv;

	cyw43_kt_script(t, plan, ARRAY_SIZE(plan));
	cyw43_kt_fill(buf, 8, CYW43_KT_REQ_SEED);
	KUNIT_EXPECT_EQ(test, cyw43_ioctl(t->cy, CYW43_KT_SET_PM, true, buf, 8,
					  NULL), -EOPNOTSUPP);
	cyw43_kt_settle(t);

	KUNIT_EXPECT_TRUE(test, cyw43_kt_is_filled(buf, 8, CYW43_KT_REQ_SEED));
	KUNIT_ASSERT_EQ(test, t->nreq, 1);
	KUNIT_EXPECT_EQ(test, t->req[0].cmd, CYW43_KT_SET_PM);
	KUNIT_EXPECT_EQ(test, t->req[0].flags & CYW43_BCDC_FLAG_SET,
			CYW43_BCDC_FLAG_SET);
	KUNIT_EXPECT_EQ(test, t->cy->cnt.ioctl_errors, 1);
	/* An error answer is still an answer: the firmware is alive. */
	KUNIT_EXPECT_FALSE(test, READ_ONCE(t->cy->dead));
}

/* Answers that are not for the waiting command are counted, not used. */
static void cyw43_kt_check_stale(struct kunit *test,
				 const struct cyw43_kt_step *plan)
{
	u8 *buf = cyw43_kt_dup(test, NULL, 16, 0);
	struct cyw43_kt *t = test->priv;

	cyw43_kt_script(t, plan, 1);
	cyw43_kt_fill(buf, 16, CYW43_KT_REQ_SEED);
	KUNIT_EXPECT_EQ(test, cyw43_ioctl(t->cy, CYW43_KT_GET_BSSID, false,
					  buf, 16, NULL), 0);
	cyw43_kt_settle(t);

	KUNIT_EXPECT_TRUE(test,
			  cyw43_kt_answered(buf, 16, CYW43_KT_GET_BSSID));
	KUNIT_EXPECT_EQ(test, t->nreq, 1);
	KUNIT_EXPECT_EQ(test, t->cy->cnt.ioctl_stale, 1);
	KUNIT_EXPECT_EQ(test, t->cy->cnt.ioctl_errors, 0);
}

static void cyw43_test_fwil_stale_id(struct kunit *test)
{
	static const struct cyw43_kt_step plan = {
		.act = CYW43_KT_ANSWER, .stale_id = true,
	};

	cyw43_kt_check_stale(test, &plan);
}

static void cyw43_test_fwil_stale_cmd(struct kunit *test)
{
	static const struct cyw43_kt_step plan = {
		.act = CYW43_KT_ANSWER, .stale_cmd = true,
	};

	cyw43_kt_check_stale(test, &plan);
}

/*
 * A command that gets no answer is sent once more; a firmware silent to
 * both is declared dead once, and later commands fail at once.
 */
static void cyw43_test_fwil_timeout(struct kunit *test)
{
	static const struct cyw43_kt_step plan[] = {
		{ .act = CYW43_KT_SILENT },
		{ .act = CYW43_KT_SILENT },
	};
	struct cyw43_kt *t = test->priv;
	__le32 v = cpu_to_le32(1);
	ktime_t t0;
	s64 ms;

	cyw43_kt_script(t, plan, ARRAY_SIZE(plan));
	cyw43_kt_timeout(t, CYW43_KT_SHORT_MS);
	t0 = ktime_get();
	KUNIT_EXPECT_EQ(test, cyw43_ioctl(t->cy, CYW43_KT_SET_PM, true, &v,
					  sizeof(v), NULL), -ETIMEDOUT);
	ms = ktime_ms_delta(ktime_get(), t0);
	KUNIT_EXPECT_GE(test, ms, 2 * CYW43_KT_SHORT_MS - 10);
	KUNIT_EXPECT_LT(test, ms, 10 * CYW43_KT_SHORT_MS);
	KUNIT_EXPECT_TRUE(test, READ_ONCE(t->cy->dead));
	KUNIT_EXPECT_EQ(test, t->cy->cnt.ioctl_timeouts, 2);
	/* the link and the stack are told once */
	flush_work(&t->cy->dead_work);
	KUNIT_EXPECT_EQ(test, atomic_read(&t->dead_reports), 1);

	t0 = ktime_get();
	KUNIT_EXPECT_EQ(test, cyw43_ioctl(t->cy, CYW43_KT_SET_PM, true, &v,
					  sizeof(v), NULL), -EIO);
	KUNIT_EXPECT_LT(test, ktime_ms_delta(ktime_get(), t0),
			CYW43_KT_SHORT_MS);
	cyw43_kt_settle(t);
	KUNIT_EXPECT_EQ(test, t->nreq, 2);
	KUNIT_EXPECT_EQ(test, t->cy->cnt.ioctls, 2);
	KUNIT_EXPECT_EQ(test, t->cy->cnt.ioctl_timeouts, 2);
	flush_work(&t->cy->dead_work);
	KUNIT_EXPECT_EQ(test, atomic_read(&t->dead_reports), 1);
}

/*
 * One answer lost on the bus (§10 #5) costs one timeout, not the device:
 * the command goes again with a new id and its answer is used.
 */
static void cyw43_test_fwil_lost_answer(struct kunit *test)
{
	static const struct cyw43_kt_step plan[] = {
		{ .act = CYW43_KT_SILENT },
	};
	u8 *buf = cyw43_kt_dup(test, NULL, 16, 0);
	struct cyw43_kt *t = test->priv;

	cyw43_kt_script(t, plan, ARRAY_SIZE(plan));
	cyw43_kt_timeout(t, CYW43_KT_SHORT_MS);
	KUNIT_EXPECT_EQ(test, cyw43_ioctl(t->cy, CYW43_KT_GET_RSSI, false, buf,
					  16, NULL), 0);
	KUNIT_EXPECT_TRUE(test, cyw43_kt_answered(buf, 16, CYW43_KT_GET_RSSI));
	KUNIT_EXPECT_FALSE(test, READ_ONCE(t->cy->dead));
	cyw43_kt_settle(t);
	KUNIT_ASSERT_EQ(test, t->nreq, 2);
	KUNIT_EXPECT_NE(test, cyw43_kt_id(&t->req[0]), cyw43_kt_id(&t->req[1]));
	KUNIT_EXPECT_EQ(test, t->cy->cnt.ioctl_timeouts, 1);
	flush_work(&t->cy->dead_work);
	KUNIT_EXPECT_EQ(test, atomic_read(&t->dead_reports), 0);
}

/* BUSY is retried with a fresh request id until the firmware accepts. */
static void cyw43_test_fwil_busy(struct kunit *test)
{
	static const struct cyw43_kt_step plan[] = {
		{ .act = CYW43_KT_ANSWER, .status = CYW43_KT_BUSY },
		{ .act = CYW43_KT_ANSWER, .status = CYW43_KT_BUSY },
		{ .act = CYW43_KT_ANSWER },
	};
	struct cyw43_kt *t = test->priv;
	__le32 v = cpu_to_le32(2);
	unsigned int i;

	cyw43_kt_script(t, plan, ARRAY_SIZE(plan));
	KUNIT_EXPECT_EQ(test, cyw43_ioctl(t->cy, CYW43_KT_SET_PM, true, &v,
					  sizeof(v), NULL), 0);
	cyw43_kt_settle(t);

	KUNIT_ASSERT_EQ(test, t->nreq, 3);
	for (i = 0; i < 3; i++) {
		KUNIT_EXPECT_EQ(test, t->req[i].cmd, CYW43_KT_SET_PM);
		KUNIT_EXPECT_EQ(test, cyw43_kt_le32(t->req[i].payload), 2);
	}
	KUNIT_EXPECT_EQ(test, (u16)(cyw43_kt_id(&t->req[1]) -
				    cyw43_kt_id(&t->req[0])), 1);
	KUNIT_EXPECT_EQ(test, (u16)(cyw43_kt_id(&t->req[2]) -
				    cyw43_kt_id(&t->req[1])), 1);
	KUNIT_EXPECT_FALSE(test, READ_ONCE(t->cy->dead));
}

/* An answer longer than the caller's buffer is cut to the buffer. */
static void cyw43_test_fwil_long_answer(struct kunit *test)
{
	static const struct cyw43_kt_step plan[] = {
		{ .act = CYW43_KT_ANSWER, .resp_len = 64 },
	};
	u8 *mem = cyw43_kt_dup(test, NULL, 8 + 16, 0);
	struct cyw43_kt *t = test->priv;
	size_t out_len = 0;

	cyw43_kt_script(t, plan, ARRAY_SIZE(plan));
	cyw43_kt_fill(mem, 8, CYW43_KT_REQ_SEED);
	memset(mem + 8, CYW43_KT_GUARD, 16);
	KUNIT_EXPECT_EQ(test, cyw43_ioctl(t->cy, CYW43_KT_GET_CHANNEL, false,
					  mem, 8, &out_len), 0);
	cyw43_kt_settle(t);

	KUNIT_EXPECT_EQ(test, out_len, 8);
	KUNIT_EXPECT_TRUE(test,
			  cyw43_kt_answered(mem, 8, CYW43_KT_GET_CHANNEL));
	KUNIT_EXPECT_NULL(test, memchr_inv(mem + 8, CYW43_KT_GUARD, 16));
}

/* Killing the mailbox frees a waiting caller at once and for good. */
static void cyw43_test_fwil_kill(struct kunit *test)
{
	static const struct cyw43_kt_step plan[] = {
		{ .act = CYW43_KT_KILL },
	};
	struct cyw43_kt *t = test->priv;
	__le32 v = 0;
	ktime_t t0;

	cyw43_kt_script(t, plan, ARRAY_SIZE(plan));
	cyw43_kt_timeout(t, CYW43_KT_LONG_MS);
	t0 = ktime_get();
	KUNIT_EXPECT_EQ(test, cyw43_ioctl(t->cy, CYW43_KT_SET_PM, true, &v,
					  sizeof(v), NULL), -ESHUTDOWN);
	KUNIT_EXPECT_LT(test, ktime_ms_delta(ktime_get(), t0),
			CYW43_KT_LONG_MS / 4);
	KUNIT_EXPECT_TRUE(test, READ_ONCE(t->cy->dead));

	KUNIT_EXPECT_EQ(test, cyw43_ioctl(t->cy, CYW43_KT_SET_PM, true, &v,
					  sizeof(v), NULL), -EIO);
	cyw43_kt_settle(t);
	KUNIT_EXPECT_EQ(test, t->nreq, 1);
	KUNIT_EXPECT_EQ(test, t->cy->cnt.ioctl_timeouts, 0);
}

/* Iovars are WLC_GET_VAR / WLC_SET_VAR with "name\0" first (§7.2). */
static void cyw43_test_fwil_iovar(struct kunit *test)
{
	static const u8 mpc[] = { 'm', 'p', 'c', 0, 1, 0, 0, 0 };
	static const u8 ver[] = { 'v', 'e', 'r', 0 };
	u8 *val = cyw43_kt_dup(test, NULL, CYW43_IOCTL_MAX, 0);
	u8 *zero = cyw43_kt_dup(test, NULL, CYW43_KT_SNAP, 0);
	struct cyw43_kt *t = test->priv;
	struct cyw43_kt_req *r;

	KUNIT_EXPECT_EQ(test, cyw43_iovar_get(t->cy, "ver", val, 64), 0);
	KUNIT_EXPECT_TRUE(test,
			  cyw43_kt_answered(val, 64, CYW43_KT_GET_VAR));
	KUNIT_EXPECT_EQ(test, cyw43_iovar_set_u32(t->cy, "mpc", 1), 0);
	cyw43_kt_settle(t);
	KUNIT_ASSERT_EQ(test, t->nreq, 2);

	r = &t->req[0];
	KUNIT_EXPECT_EQ(test, r->cmd, CYW43_KT_GET_VAR);
	KUNIT_EXPECT_EQ(test, r->flags & CYW43_BCDC_FLAG_SET, 0);
	KUNIT_EXPECT_EQ(test, r->len & 0xffff, 64);
	KUNIT_EXPECT_EQ(test, r->frame_len, CYW43_BCDC_HDR_LEN + 64);
	KUNIT_EXPECT_MEMEQ(test, r->payload, ver, sizeof(ver));
	KUNIT_EXPECT_MEMEQ(test, r->payload + sizeof(ver), zero,
			   64 - sizeof(ver));

	r = &t->req[1];
	KUNIT_EXPECT_EQ(test, r->cmd, CYW43_KT_SET_VAR);
	KUNIT_EXPECT_EQ(test, r->flags & CYW43_BCDC_FLAG_SET,
			CYW43_BCDC_FLAG_SET);
	KUNIT_EXPECT_EQ(test, r->len & 0xffff, sizeof(mpc));
	KUNIT_EXPECT_EQ(test, r->frame_len, CYW43_BCDC_HDR_LEN + sizeof(mpc));
	KUNIT_EXPECT_MEMEQ(test, r->payload, mpc, sizeof(mpc));

	/* "x\0" and CYW43_IOCTL_MAX value bytes cannot fit: nothing is sent */
	KUNIT_EXPECT_EQ(test, cyw43_iovar_set(t->cy, "x", val, CYW43_IOCTL_MAX),
			-EMSGSIZE);
	cyw43_kt_settle(t);
	KUNIT_EXPECT_EQ(test, t->nreq, 2);
	KUNIT_EXPECT_EQ(test, t->cy->cnt.ioctls, 2);
}

/* Runs CYW43_KT_ROUNDS GETs of @cmd, counting answers meant for others. */
static int cyw43_kt_rounds(struct cyw43_kt *t, u32 cmd, u8 *buf,
			   unsigned int *foreign)
{
	unsigned int i;
	int ret;

	for (i = 0; i < CYW43_KT_ROUNDS; i++) {
		memset(buf, 0, CYW43_KT_CONC_LEN);
		atomic_inc(&t->callers);
		ret = cyw43_ioctl(t->cy, cmd, false, buf, CYW43_KT_CONC_LEN,
				  NULL);
		atomic_dec(&t->callers);
		if (ret)
			return ret;
		if (!cyw43_kt_answered(buf, CYW43_KT_CONC_LEN, cmd))
			(*foreign)++;
	}
	return 0;
}

static int cyw43_kt_second_caller(void *arg)
{
	struct cyw43_kt *t = arg;

	t->second_ret = cyw43_kt_rounds(t, CYW43_KT_GET_CHANNEL,
					t->second_buf, &t->second_foreign);
	kthread_complete_and_exit(&t->second_done, 0);
}

/* Two callers at once: each gets its own answers, one command at a time. */
static void cyw43_test_fwil_concurrent(struct kunit *test)
{
	u8 *buf = cyw43_kt_dup(test, NULL, CYW43_KT_CONC_LEN, 0);
	struct cyw43_kt *t = test->priv;
	struct task_struct *task;
	unsigned int foreign = 0;
	unsigned int i;

	t->concurrent = true;
	t->answer_delay_ms = 5;
	task = kthread_run(cyw43_kt_second_caller, t, "cyw43_kt_caller");
	KUNIT_ASSERT_FALSE(test, IS_ERR(task));
	t->second_started = true;

	KUNIT_EXPECT_EQ(test, cyw43_kt_rounds(t, CYW43_KT_GET_BSSID, buf,
					      &foreign), 0);
	wait_for_completion(&t->second_done);
	t->second_started = false;
	cyw43_kt_settle(t);

	KUNIT_EXPECT_EQ(test, t->second_ret, 0);
	KUNIT_EXPECT_EQ(test, foreign, 0);
	KUNIT_EXPECT_EQ(test, t->second_foreign, 0);
	KUNIT_EXPECT_EQ(test, t->overlaps, 0);
	KUNIT_EXPECT_EQ(test, t->max_callers, 2);
	KUNIT_ASSERT_EQ(test, t->nreq, 2 * CYW43_KT_ROUNDS);
	for (i = 1; i < t->nreq; i++)
		KUNIT_EXPECT_EQ(test, (u16)(cyw43_kt_id(&t->req[i]) -
					    cyw43_kt_id(&t->req[i - 1])), 1);
	KUNIT_EXPECT_EQ(test, t->cy->cnt.ioctl_stale, 0);
}

static struct kunit_case cyw43_fwil_test_cases[] = {
	KUNIT_CASE(cyw43_test_fwil_get),
	KUNIT_CASE(cyw43_test_fwil_set_error),
	KUNIT_CASE(cyw43_test_fwil_stale_id),
	KUNIT_CASE(cyw43_test_fwil_stale_cmd),
	KUNIT_CASE(cyw43_test_fwil_timeout),
	KUNIT_CASE(cyw43_test_fwil_lost_answer),
	KUNIT_CASE(cyw43_test_fwil_busy),
	KUNIT_CASE(cyw43_test_fwil_long_answer),
	KUNIT_CASE(cyw43_test_fwil_kill),
	KUNIT_CASE(cyw43_test_fwil_iovar),
	KUNIT_CASE(cyw43_test_fwil_concurrent),
	{}
};

static struct kunit_suite cyw43_fwil_test_suite = {
	.name = "cyw43439_fwil",
	.init = cyw43_kt_init,
	.exit = cyw43_kt_exit,
	.test_cases = cyw43_fwil_test_cases,
};

kunit_test_suite(cyw43_fwil_test_suite);
