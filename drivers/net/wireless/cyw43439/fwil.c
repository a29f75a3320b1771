// SPDX-License-Identifier: GPL-2.0
/* cyw43439: the BCDC control mailbox: ioctls and iovars, one in flight (§7). */

#include <kunit/visibility.h>
#include <linux/delay.h>
#include <linux/module.h>

#include "cyw43.h"

static unsigned int ioctl_timeout_ms = 3000;
module_param(ioctl_timeout_ms, uint, 0644);
MODULE_PARM_DESC(ioctl_timeout_ms,
		 "wait for a firmware answer before declaring it dead (ms)");

/* §10 #18: after "country" the firmware answers BUSY for a while */
#define CYW43_BUSY_RETRIES	10
#define CYW43_BUSY_WAIT_MS	20

#if IS_ENABLED(CONFIG_KUNIT)
/**
 * cyw43_ioctl_timeout_set() - change ioctl_timeout_ms (for KUnit)
 * @ms: the new timeout
 *
 * Context: any; commands already waiting keep their timeout.
 * Return: the previous timeout, for the test to restore.
 */
unsigned int cyw43_ioctl_timeout_set(unsigned int ms)
{
	return xchg(&ioctl_timeout_ms, ms);
}
EXPORT_SYMBOL_IF_KUNIT(cyw43_ioctl_timeout_set);
#endif

/**
 * cyw43_ioctl_take() - the bus context takes the pending request
 * @cy: the device
 * @frame: where the BCDC request goes (CYW43_BCDC_HDR_LEN + payload)
 * @len: its length
 *
 * Context: the bus context.
 * Return: true if a request was copied to @frame.
 */
bool cyw43_ioctl_take(struct cyw43 *cy, u8 *frame, size_t *len)
{
	struct cyw43_ioctl *ioc = &cy->ioc;
	bool taken = false;

	spin_lock_bh(&ioc->slock);
	if (ioc->pending) {
		memcpy(frame, ioc->req, ioc->req_len);
		*len = ioc->req_len;
		ioc->pending = false;
		taken = true;
	}
	spin_unlock_bh(&ioc->slock);
	return taken;
}
EXPORT_SYMBOL_IF_KUNIT(cyw43_ioctl_take);

/**
 * cyw43_ioctl_response() - a control-channel frame arrived
 * @cy: the device
 * @buf: BCDC header and payload
 * @len: bytes at @buf
 *
 * Answers that match no waiting request (late, after a timeout, or with
 * a wrong id) are counted and dropped.
 *
 * Context: the bus context.
 */
void cyw43_ioctl_response(struct cyw43 *cy, const u8 *buf, size_t len)
{
	struct cyw43_ioctl *ioc = &cy->ioc;
	struct cyw43_bcdc_hdr h;

	if (cyw43_bcdc_parse(buf, len, &h)) {
		cy->cnt.sdpcm_bad++;
		return;
	}
	spin_lock_bh(&ioc->slock);
	if (!ioc->waiting || ioc->pending || h.id != ioc->id ||
	    h.cmd != ioc->cmd) {
		spin_unlock_bh(&ioc->slock);
		cy->cnt.ioctl_stale++;
		return;
	}
	ioc->resp_len = min3((size_t)h.len, len - CYW43_BCDC_HDR_LEN,
			     ioc->resp_room);
	memcpy(ioc->resp, buf + CYW43_BCDC_HDR_LEN, ioc->resp_len);
	ioc->status = h.status ?: (h.error ? -1 : 0);
	ioc->waiting = false;
	complete(&ioc->done);
	spin_unlock_bh(&ioc->slock);
}
EXPORT_SYMBOL_IF_KUNIT(cyw43_ioctl_response);

/**
 * cyw43_ioctl_kill() - fail every present and future request
 * @cy: the device
 *
 * For remove and for a firmware found dead.
 *
 * Context: any.
 */
void cyw43_ioctl_kill(struct cyw43 *cy)
{
	struct cyw43_ioctl *ioc = &cy->ioc;

	WRITE_ONCE(cy->dead, true);
	spin_lock_bh(&ioc->slock);
	ioc->pending = false;
	if (ioc->waiting) {
		ioc->waiting = false;
		ioc->status = -ESHUTDOWN;
		complete(&ioc->done);
	}
	spin_unlock_bh(&ioc->slock);
}
EXPORT_SYMBOL_IF_KUNIT(cyw43_ioctl_kill);

static int cyw43_ioctl_once(struct cyw43 *cy, u32 cmd, bool set, void *buf,
			    size_t len, size_t *out_len)
{
	struct cyw43_ioctl *ioc = &cy->ioc;
	unsigned long left;
	s32 status;
	int ret;

	if (READ_ONCE(cy->dead))
		return -EIO;
	spin_lock_bh(&ioc->slock);
	ioc->id++;
	ioc->cmd = cmd;
	cyw43_bcdc_build(ioc->req, cmd, len, set, ioc->id);
	memcpy(ioc->req + CYW43_BCDC_HDR_LEN, buf, len);
	ioc->req_len = CYW43_BCDC_HDR_LEN + len;
	ioc->resp_room = len;
	ioc->resp_len = 0;
	ioc->pending = true;
	ioc->waiting = true;
	reinit_completion(&ioc->done);
	spin_unlock_bh(&ioc->slock);
	cy->cnt.ioctls++;
	ethbus_kick(cy->eb);

	left = wait_for_completion_timeout(&ioc->done,
					   msecs_to_jiffies(ioctl_timeout_ms));
	spin_lock_bh(&ioc->slock);
	if (!left && ioc->waiting) {
		ioc->pending = false;
		ioc->waiting = false;
		spin_unlock_bh(&ioc->slock);
		cy->cnt.ioctl_timeouts++;
		return -ETIMEDOUT;
	}
	status = ioc->status;
	if (!set || status == 0)
		memcpy(buf, ioc->resp, ioc->resp_len);
	if (out_len)
		*out_len = ioc->resp_len;
	/* the request and its echo may carry key material */
	memzero_explicit(ioc->req, ioc->req_len);
	memzero_explicit(ioc->resp, ioc->resp_len);
	spin_unlock_bh(&ioc->slock);
	if (status == -ESHUTDOWN)
		return -ESHUTDOWN;
	if (!status)
		return 0;
	cy->cnt.ioctl_errors++;
	ret = cyw43_bcme_errno(status);
	dev_dbg(cy->dev, "command %u failed: %s (%d)\n", cmd,
		cyw43_bcme_name(status), status);
	return ret;
}

/**
 * cyw43_ioctl() - one BCDC command, waiting for its answer (§7.1)
 * @cy: the device
 * @cmd: WLC command number
 * @set: a SET (true) or GET
 * @buf: payload to send; a GET's answer replaces it
 * @len: bytes at @buf, at most CYW43_IOCTL_MAX
 * @out_len: if not NULL, bytes the answer carried
 *
 * One command is in flight at a time. A command without an answer in
 * ioctl_timeout_ms is sent once more with a new request id: an answer
 * can be lost on the bus (§10 #5: a corrupted frame is dropped). A second
 * silence marks the firmware dead: every later command fails at once
 * with -EIO and cyw43_dead_work() ends the link (the device must be
 * re-probed). A BUSY answer is retried a few times.
 *
 * Context: process context, not the bus context; sleeps.
 * Return: 0, the errno of the firmware's status, -ETIMEDOUT or -EIO.
 */
int cyw43_ioctl(struct cyw43 *cy, u32 cmd, bool set, void *buf, size_t len,
		size_t *out_len)
{
	bool again = true;
	int ret, i;

	if (len > CYW43_IOCTL_MAX)
		return -EMSGSIZE;
	mutex_lock(&cy->ioc.lock);
	for (i = 0; ; i++) {
		ret = cyw43_ioctl_once(cy, cmd, set, buf, len, out_len);
		if (ret == -ETIMEDOUT && again) {
			dev_warn(cy->dev,
				 "no answer to command %u in %u ms; sending it again\n",
				 cmd, ioctl_timeout_ms);
			again = false;
			continue;
		}
		if (ret != -EBUSY || i >= CYW43_BUSY_RETRIES)
			break;
		msleep(CYW43_BUSY_WAIT_MS);
	}
	if (ret == -ETIMEDOUT) {
		dev_err(cy->dev,
			"firmware did not answer command %u twice; giving up on it\n",
			cmd);
		cyw43_ioctl_kill(cy);
		schedule_work(&cy->dead_work);
	}
	mutex_unlock(&cy->ioc.lock);
	return ret;
}
EXPORT_SYMBOL_IF_KUNIT(cyw43_ioctl);

/**
 * cyw43_set_u32() - a SET command with a u32 argument
 * @cy: the device
 * @cmd: WLC command
 * @val: value
 *
 * Context: process context.
 * Return: as cyw43_ioctl().
 */
int cyw43_set_u32(struct cyw43 *cy, u32 cmd, u32 val)
{
	__le32 v = cpu_to_le32(val);

	return cyw43_ioctl(cy, cmd, true, &v, sizeof(v), NULL);
}

/**
 * cyw43_get_u32() - a GET command with a u32 answer
 * @cy: the device
 * @cmd: WLC command
 * @val: out
 *
 * Context: process context.
 * Return: as cyw43_ioctl().
 */
int cyw43_get_u32(struct cyw43 *cy, u32 cmd, u32 *val)
{
	__le32 v = 0;
	int ret;

	ret = cyw43_ioctl(cy, cmd, false, &v, sizeof(v), NULL);
	*val = le32_to_cpu(v);
	return ret;
}

#define CYW43_WLC_GET_VAR	262
#define CYW43_WLC_SET_VAR	263

/**
 * cyw43_iovar_set() - WLC_SET_VAR: "name\0" then the value (§7.2)
 * @cy: the device
 * @name: iovar name
 * @val: value
 * @len: bytes at @val
 *
 * Context: process context.
 * Return: as cyw43_ioctl(), or -EMSGSIZE.
 */
int cyw43_iovar_set(struct cyw43 *cy, const char *name, const void *val,
		    size_t len)
{
	u8 *buf;
	int n, ret;

	buf = kmalloc(CYW43_IOCTL_MAX, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	n = cyw43_iovar_encode(buf, CYW43_IOCTL_MAX, name, val, len);
	ret = n < 0 ? n : cyw43_ioctl(cy, CYW43_WLC_SET_VAR, true, buf, n,
				      NULL);
	kfree_sensitive(buf);	/* keys and passwords go through here */
	return ret;
}
EXPORT_SYMBOL_IF_KUNIT(cyw43_iovar_set);

/**
 * cyw43_iovar_get() - WLC_GET_VAR: the answer is the value (§7.2)
 * @cy: the device
 * @name: iovar name
 * @val: out
 * @len: bytes wanted at @val
 *
 * The firmware answers a GET with as many bytes as were asked (§7.1). A
 * shorter answer would leave the tail of the request (the iovar name) in
 * place of the value, so it fails.
 *
 * Context: process context.
 * Return: as cyw43_ioctl(), -EMSGSIZE, or -EPROTO for a short answer.
 */
int cyw43_iovar_get(struct cyw43 *cy, const char *name, void *val,
		    size_t len)
{
	size_t nlen = strlen(name) + 1, got = 0;
	u8 *buf;
	int n, ret;

	buf = kmalloc(CYW43_IOCTL_MAX, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	n = cyw43_iovar_encode(buf, CYW43_IOCTL_MAX, name, NULL,
			       len > nlen ? len - nlen : 0);
	if (n >= 0 && (size_t)n < len)
		n = -EMSGSIZE;
	ret = n < 0 ? n : cyw43_ioctl(cy, CYW43_WLC_GET_VAR, false, buf, n,
				      &got);
	if (!ret && got < len) {
		dev_dbg(cy->dev, "iovar %s: %zu of %zu bytes answered\n",
			name, got, len);
		ret = -EPROTO;
	}
	if (!ret)
		memcpy(val, buf, len);
	kfree(buf);
	return ret;
}
EXPORT_SYMBOL_IF_KUNIT(cyw43_iovar_get);

/**
 * cyw43_iovar_set_u32() - an iovar with a u32 value
 * @cy: the device
 * @name: iovar name
 * @val: value
 *
 * Context: process context.
 * Return: as cyw43_iovar_set().
 */
int cyw43_iovar_set_u32(struct cyw43 *cy, const char *name, u32 val)
{
	__le32 v = cpu_to_le32(val);

	return cyw43_iovar_set(cy, name, &v, sizeof(v));
}
EXPORT_SYMBOL_IF_KUNIT(cyw43_iovar_set_u32);
