/* SPDX-License-Identifier: GPL-2.0-only */
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

/* Netlink policies point to const range validations from 6.7 on. */
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 7, 0)
#define FAXENG_NLA_RANGE_CONST	const
#else
#define FAXENG_NLA_RANGE_CONST
#endif

/*
 * Split generic netlink operations (6.2): a do and a dump of one command,
 * each with a policy of its own. Before, one policy serves both.
 */
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 2, 0)
#define FAXENG_GENL_SPLIT_OPS	1
#else
#define FAXENG_GENL_SPLIT_OPS	0
#endif

#endif /* _FAXENG_COMPAT_H */
