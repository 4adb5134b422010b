// SPDX-License-Identifier: GPL-2.0
/*
 * faxeng - fax engine status class (skeleton).
 */
#include <linux/module.h>

static int __init faxeng_init(void)
{
	pr_info("faxeng: loaded\n");
	return 0;
}

static void __exit faxeng_exit(void)
{
	pr_info("faxeng: unloaded\n");
}

module_init(faxeng_init);
module_exit(faxeng_exit);

MODULE_DESCRIPTION("Fax engine status class");
MODULE_LICENSE("GPL");
