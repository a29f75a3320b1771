/* SPDX-License-Identifier: GPL-2.0 */
/* Kernel API differences between 6.1, 6.12 and 7.x, absorbed in one place so
 * the modules' .c files carry no version checks.
 */
#ifndef _NETDRV_COMPAT_H
#define _NETDRV_COMPAT_H

#include <linux/version.h>

/* hex2bin(), mac_pton() and friends moved from kernel.h to hex.h, which
 * kernel.h stopped pulling in by 7.x. (sparse 0.6.4 lacks __has_include.)
 */
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 12, 0)
#include <linux/hex.h>
#else
#include <linux/kernel.h>
#endif

/* get_unaligned_le32() and friends: linux/unaligned.h from 6.12 on. */
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 12, 0)
#include <linux/unaligned.h>
#else
#include <asm/unaligned.h>
#endif

/* hrtimer_setup() arrived in 6.13; hrtimer_init() is gone from 7.x. */
#if LINUX_VERSION_CODE < KERNEL_VERSION(6, 13, 0)
#include <linux/hrtimer.h>
static inline void
hrtimer_setup(struct hrtimer *timer,
	      enum hrtimer_restart (*function)(struct hrtimer *),
	      clockid_t clock_id, enum hrtimer_mode mode)
{
	hrtimer_init(timer, clock_id, mode);
	timer->function = function;
}
#endif

/* MODULE_IMPORT_NS() takes a string literal from 6.13 on. */
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 13, 0)
#define NETDRV_IMPORT_KUNIT_NS() MODULE_IMPORT_NS("EXPORTED_FOR_KUNIT_TESTING")
#else
#define NETDRV_IMPORT_KUNIT_NS() MODULE_IMPORT_NS(EXPORTED_FOR_KUNIT_TESTING)
#endif

/* gpio_chip::set returns int from 6.17 on; before, it returned nothing.
 * Write the callback as int impl(gc, offset, value), put
 * NETDRV_GPIO_SET_ADAPTER(impl) after it and assign
 * NETDRV_GPIO_SET(impl) to gpio_chip::set.
 */
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 17, 0)
#define NETDRV_GPIO_SET_ADAPTER(impl)
#define NETDRV_GPIO_SET(impl) (impl)
#else
#define NETDRV_GPIO_SET_ADAPTER(impl)					\
static void impl##_void(struct gpio_chip *gc, unsigned int offset,	\
			int value)					\
{									\
	impl(gc, offset, value);					\
}

#define NETDRV_GPIO_SET(impl) (impl##_void)
#endif

/* cfg80211's add_key, del_key and set_default_mgmt_key take a wireless_dev
 * instead of a net_device in newer kernels (as get_station does;
 * set_default_key keeps its net_device). The module's Kbuild looks at
 * cfg80211.h and defines NETDRV_CFG80211_KEY_WDEV; write those ops with
 * NETDRV_KEY_DEV *dev.
 */
#ifdef NETDRV_CFG80211_KEY_WDEV
#define NETDRV_KEY_DEV	struct wireless_dev
#else
#define NETDRV_KEY_DEV	struct net_device
#endif

#if IS_ENABLED(CONFIG_KUNIT)
#include <kunit/test.h>
/* KUNIT_EXPECT_MEMEQ() arrived in 6.2. */
#ifndef KUNIT_EXPECT_MEMEQ
#define KUNIT_EXPECT_MEMEQ(test, left, right, size) \
	KUNIT_EXPECT_EQ(test, memcmp((left), (right), (size)), 0)
#endif
#endif

#endif /* _NETDRV_COMPAT_H */
