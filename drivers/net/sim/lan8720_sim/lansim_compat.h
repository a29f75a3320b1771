/* SPDX-License-Identifier: GPL-2.0 */
/* lan8720_sim kernel-version shims (to move into include/rig_compat.h). */

#ifndef _LANSIM_COMPAT_H
#define _LANSIM_COMPAT_H

#include <linux/export.h>
#include <linux/hrtimer.h>
#include <linux/module.h>
#include <linux/version.h>

/* hrtimer_setup() before 6.13 */
#include "netdrv_compat.h"

/* <kunit/visibility.h> arrived in 6.2; symbol namespaces became strings
 * in 6.13.
 */
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 2, 0)
#include <kunit/visibility.h>
#elif IS_ENABLED(CONFIG_KUNIT)
#define EXPORT_SYMBOL_IF_KUNIT(sym) \
	EXPORT_SYMBOL_NS(sym, EXPORTED_FOR_KUNIT_TESTING)
#else
#define EXPORT_SYMBOL_IF_KUNIT(sym)
#endif

#if LINUX_VERSION_CODE < KERNEL_VERSION(6, 13, 0)
#define LANSIM_IMPORT_KUNIT_NS() MODULE_IMPORT_NS(EXPORTED_FOR_KUNIT_TESTING)
#else
#define LANSIM_IMPORT_KUNIT_NS() MODULE_IMPORT_NS("EXPORTED_FOR_KUNIT_TESTING")
#endif

#endif /* _LANSIM_COMPAT_H */
