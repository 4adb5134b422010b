/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The kernel API differences between the lines faxeng is built for
 * (Debian 12's 6.1 and 6.12); the one place that tests kernel versions.
 */
#ifndef _FAXENG_COMPAT_H
#define _FAXENG_COMPAT_H

#include <linux/version.h>

/* struct class's dev_uevent takes a const device from 6.3 on. */
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 3, 0)
#define faxeng_uevent_dev const struct device
#else
#define faxeng_uevent_dev struct device
#endif

#endif /* _FAXENG_COMPAT_H */
