// SPDX-License-Identifier: GPL-2.0-only
/*
 * faxeng_bench: timings for bench/kmod/run, in the same boot as the faxeng
 * events they are compared with: the baseline, a bare kobject_uevent() of a
 * class device of its own, and the cost of one faxeng sensor input on an
 * engine of its own.
 *
 * The baseline proper is one uevent sent by a work item on system_wq, timed
 * from the start of the work function to its end, as the faxeng event work
 * times itself (the faxeng_work tracepoint): same context, same clock, and
 * the same one event at a time.
 *
 *   echo 1 > /sys/module/faxeng_bench/parameters/uevent_work (one uevent)
 *   cat /sys/module/faxeng_bench/parameters/uevent_work_ns   (its ns)
 *   echo N > /sys/module/faxeng_bench/parameters/uevents   (N in a loop)
 *   cat /sys/module/faxeng_bench/parameters/uevent_ns      (mean ns each)
 *   echo N > /sys/module/faxeng_bench/parameters/toggles   (N jam inputs)
 *   cat /sys/module/faxeng_bench/parameters/toggle_ns      (mean ns each)
 */
#include <linux/device.h>
#include <linux/ktime.h>
#include <linux/module.h>
#include <linux/workqueue.h>
#include "faxeng.h"

/* Registered, not created: class_create() changed its arguments in 6.4. */
static struct class bench_class = {
	.name = "faxeng_bench",
};

static struct device *bench_dev;
static struct faxeng *bench_fe;
static u64 bench_ns;
static u64 bench_toggle_ns;
static u64 bench_work_ns;
static int bench_work_ret;

/* One bare uevent, timed as faxeng_event_work() times itself. */
static void bench_uevent_work(struct work_struct *work)
{
	u64 start = ktime_get_ns();
	int ret;

	ret = kobject_uevent(&bench_dev->kobj, KOBJ_CHANGE);
	WRITE_ONCE(bench_work_ns, ktime_get_ns() - start);
	WRITE_ONCE(bench_work_ret, ret);
}

static DECLARE_WORK(bench_work, bench_uevent_work);

static int bench_work_run(const char *val, const struct kernel_param *kp)
{
	unsigned int n;

	if (kstrtouint(val, 10, &n) || n != 1)
		return -EINVAL;
	queue_work(system_wq, &bench_work);
	flush_work(&bench_work);
	return READ_ONCE(bench_work_ret);
}

static const struct kernel_param_ops bench_work_ops = {
	.set = bench_work_run,
};
module_param_cb(uevent_work, &bench_work_ops, NULL, 0200);
MODULE_PARM_DESC(uevent_work, "1: send one KOBJ_CHANGE uevent from system_wq, timed");
module_param_named(uevent_work_ns, bench_work_ns, ullong, 0444);
MODULE_PARM_DESC(uevent_work_ns, "Time of the last uevent_work run, ns");

static int bench_run(const char *val, const struct kernel_param *kp)
{
	unsigned int i, n;
	ktime_t start;
	int ret;

	ret = kstrtouint(val, 10, &n);
	if (ret || !n || n > 1000000)
		return -EINVAL;
	start = ktime_get();
	for (i = 0; i < n; i++) {
		ret = kobject_uevent(&bench_dev->kobj, KOBJ_CHANGE);
		if (ret)
			return ret;
	}
	WRITE_ONCE(bench_ns, div_u64(ktime_to_ns(ktime_sub(ktime_get(),
							   start)), n));
	return 0;
}

static const struct kernel_param_ops bench_run_ops = {
	.set = bench_run,
};
module_param_cb(uevents, &bench_run_ops, NULL, 0200);
MODULE_PARM_DESC(uevents, "Send this many KOBJ_CHANGE uevents, timed");

/* Toggle the jam input of our engine, as a flapping sensor would. */
static int bench_toggle(const char *val, const struct kernel_param *kp)
{
	unsigned long flags;
	unsigned int i, n;
	ktime_t start;

	if (kstrtouint(val, 10, &n) || !n || n > 10000000)
		return -EINVAL;
	start = ktime_get();
	for (i = 0; i < n; i++) {
		/* As from an interrupt handler. */
		local_irq_save(flags);
		faxeng_set_fault(bench_fe, FAXENG_FAULT_JAM, i & 1);
		local_irq_restore(flags);
	}
	WRITE_ONCE(bench_toggle_ns,
		   div_u64(ktime_to_ns(ktime_sub(ktime_get(), start)), n));
	faxeng_set_fault(bench_fe, FAXENG_FAULT_JAM, false);
	return 0;
}

static const struct kernel_param_ops bench_toggle_ops = {
	.set = bench_toggle,
};
module_param_cb(toggles, &bench_toggle_ops, NULL, 0200);
MODULE_PARM_DESC(toggles, "Make this many jam inputs on our engine, timed");

module_param_named(uevent_ns, bench_ns, ullong, 0444);
MODULE_PARM_DESC(uevent_ns, "Mean cost of one uevent in the last run, ns");
module_param_named(toggle_ns, bench_toggle_ns, ullong, 0444);
MODULE_PARM_DESC(toggle_ns, "Mean cost of one sensor input, ns");

static int __init bench_init(void)
{
	struct faxeng_config cfg = {
		.model = "bench",
		.trays = 1,
		.toner_level = -1,
	};
	int ret;

	bench_fe = faxeng_register(NULL, &cfg);
	if (IS_ERR(bench_fe))
		return PTR_ERR(bench_fe);
	ret = class_register(&bench_class);
	if (ret) {
		faxeng_unregister(bench_fe);
		return ret;
	}
	bench_dev = device_create(&bench_class, NULL, 0, NULL, "faxeng_bench0");
	if (IS_ERR(bench_dev)) {
		class_unregister(&bench_class);
		faxeng_unregister(bench_fe);
		return PTR_ERR(bench_dev);
	}
	return 0;
}

static void __exit bench_exit(void)
{
	flush_work(&bench_work);
	device_destroy(&bench_class, 0);
	class_unregister(&bench_class);
	faxeng_unregister(bench_fe);
}

module_init(bench_init);
module_exit(bench_exit);

MODULE_DESCRIPTION("Baseline for the faxeng benchmark: a bare uevent loop");
MODULE_LICENSE("GPL");
