/* SPDX-License-Identifier: GPL-2.0 */
/* lan8720_sim KUnit module: suites shared between its files. */

#ifndef _LANSIM_KUNIT_H
#define _LANSIM_KUNIT_H

#include <kunit/test.h>

extern struct kunit_suite lansim_wire_suite;
extern struct kunit_suite lansim_mac_suite;

#endif /* _LANSIM_KUNIT_H */
