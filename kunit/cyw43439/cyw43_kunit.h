/* SPDX-License-Identifier: GPL-2.0 */
/* cyw43439 KUnit: buffer and byte-order helpers shared by the test files. */

#ifndef _CYW43_KUNIT_H
#define _CYW43_KUNIT_H

#include <kunit/test.h>
#include <linux/minmax.h>
#include <linux/string.h>
#include <linux/types.h>

#include "../../drivers/net/wireless/cyw43439/proto.h"
#include "netdrv_compat.h"

/* Expected bytes are written out by hand from the reference tables, never
 * through the code under test. Inputs live in buffers of their exact
 * length so that KASAN reports any read past the end.
 */

/**
 * cyw43_kt_dup() - a test-managed buffer of exactly @len bytes
 * @test: the test
 * @src: bytes to copy in, or NULL for a zeroed buffer
 * @len: buffer size (0 gives a buffer any access to which faults)
 * @copy: bytes available at @src; at most @len are copied
 *
 * Return: the buffer; the test is aborted when allocation fails.
 */
static inline void *cyw43_kt_dup(struct kunit *test, const void *src,
				 size_t len, size_t copy)
{
	u8 *buf = kunit_kzalloc(test, len, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, buf);
	if (src && len)
		memcpy(buf, src, min(len, copy));
	return buf;
}

static inline void cyw43_kt_put_be16(u8 *p, u16 v)
{
	p[0] = v >> 8;
	p[1] = v & 0xff;
}

static inline void cyw43_kt_put_be32(u8 *p, u32 v)
{
	cyw43_kt_put_be16(p, v >> 16);
	cyw43_kt_put_be16(p + 2, v & 0xffff);
}

static inline void cyw43_kt_put_le16(u8 *p, u16 v)
{
	p[0] = v & 0xff;
	p[1] = v >> 8;
}

static inline void cyw43_kt_put_le32(u8 *p, u32 v)
{
	cyw43_kt_put_le16(p, v & 0xffff);
	cyw43_kt_put_le16(p + 2, v >> 16);
}

static inline u32 cyw43_kt_le32(const u8 *p)
{
	return p[0] | p[1] << 8 | p[2] << 16 | (u32)p[3] << 24;
}

static inline u16 cyw43_kt_le16(const u8 *p)
{
	return p[0] | p[1] << 8;
}

#endif /* _CYW43_KUNIT_H */
