// SPDX-License-Identifier: GPL-2.0
/* Planted faults for the rig's self-test: each one must be reported as a
 * failure by the rig, or the rig cannot be trusted to catch the real thing.
 *
 * Load with plant=kunit and the module's KUnit case fails; with plant=none
 * it passes. Once loaded, write a fault's name to
 * /sys/module/rig_plant/parameters/trigger to plant it:
 *   warn   WARN_ON() fires
 *   expected  a WARN() saying "rig_plant: an expected warning", which a
 *          test may declare with rig-allow-log
 *   kasan  a use-after-free read
 *   leak   kmalloc()ed objects whose pointers are lost (kmemleak)
 *   stuck  the writer blocks forever (the test times out, the guest lives)
 *   hang   every CPU spins with interrupts off (the whole guest hangs)
 *   panic  the kernel panics
 */
#include <kunit/test.h>
#include <linux/delay.h>
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/stop_machine.h>
#include <linux/string.h>

static char *plant = "none";
module_param(plant, charp, 0444);
MODULE_PARM_DESC(plant, "kunit: the KUnit case fails; none: it passes");

static bool rig_plant_is(const char *name)
{
	return !strcmp(plant, name);
}

static void rig_plant_kunit_case(struct kunit *test)
{
	/* Fails on purpose only when asked to, so plant=none proves the
	 * suite itself is sound.
	 */
	KUNIT_EXPECT_FALSE_MSG(test, rig_plant_is("kunit"),
			       "planted KUnit failure");
}

static struct kunit_case rig_plant_cases[] = {
	KUNIT_CASE(rig_plant_kunit_case),
	{}
};

static struct kunit_suite rig_plant_suite = {
	.name = "rig_plant",
	.test_cases = rig_plant_cases,
};

kunit_test_suite(rig_plant_suite);

static noinline void rig_plant_use_after_free(void)
{
	char *p;

	p = kmalloc(64, GFP_KERNEL);
	if (!p)
		return;
	kfree(p);
	/* The compiler must not see that p is dead. */
	OPTIMIZER_HIDE_VAR(p);
	pr_info("rig_plant: read after free: %d\n", READ_ONCE(p[8]));
}

static noinline void rig_plant_leak(void)
{
	void *p;
	int i;

	/* The only references die with this frame. Several objects, so a
	 * stale copy of one pointer left on a stack cannot hide them all.
	 */
	for (i = 0; i < 8; i++) {
		p = kmalloc(512, GFP_KERNEL);
		OPTIMIZER_HIDE_VAR(p);
		if (p)
			memset(p, 0x5a, 512);
	}
}

/* Overwrites the stack below the caller, where rig_plant_leak() kept its
 * pointers: a stale copy there would count as a reference and hide the leak.
 */
static noinline void rig_plant_scrub_stack(void)
{
	char buf[512];

	memzero_explicit(buf, sizeof(buf));
}

static int rig_plant_spin(void *unused)
{
	for (;;)
		cpu_relax();
	return 0;
}

static int rig_plant_trigger(const char *val, const struct kernel_param *kp)
{
	char name[16];

	strscpy(name, val, sizeof(name));
	strim(name);
	pr_info("rig_plant: planting '%s'\n", name);

	if (!strcmp(name, "warn")) {
		WARN_ON(1);
	} else if (!strcmp(name, "expected")) {
		WARN(1, "rig_plant: an expected warning\n");
	} else if (!strcmp(name, "kasan")) {
		rig_plant_use_after_free();
	} else if (!strcmp(name, "leak")) {
		rig_plant_leak();
		rig_plant_scrub_stack();
	} else if (!strcmp(name, "stuck")) {
		for (;;)
			msleep(1000);
	} else if (!strcmp(name, "hang")) {
		stop_machine(rig_plant_spin, NULL, cpu_online_mask);
	} else if (!strcmp(name, "panic")) {
		panic("rig_plant: planted panic\n");
	} else {
		return -EINVAL;
	}
	return 0;
}

static const struct kernel_param_ops rig_plant_trigger_ops = {
	.set = rig_plant_trigger,
};
module_param_cb(trigger, &rig_plant_trigger_ops, NULL, 0200);
MODULE_PARM_DESC(trigger,
		 "write a fault to plant: warn expected kasan leak stuck hang panic");

static int __init rig_plant_init(void)
{
	return 0;
}

static void __exit rig_plant_exit(void)
{
}

module_init(rig_plant_init);
module_exit(rig_plant_exit);
MODULE_DESCRIPTION("Planted faults that prove the test rig reports failures");
MODULE_LICENSE("GPL");
