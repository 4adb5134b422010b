/* SPDX-License-Identifier: GPL-2.0 */
/*
 * faxeng compatibility with the kernel lines the driver builds on (Debian
 * 12's 6.1 and 6.12): the one place for LINUX_VERSION_CODE checks.
 */
#ifndef _FAXENG_COMPAT_H
#define _FAXENG_COMPAT_H

#include <linux/version.h>

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
