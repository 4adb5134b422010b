/* SPDX-License-Identifier: ISC */
/*
 * Raises a kernel WARNING when loaded, so that tests/harness/vm-verdict.t can
 * check that scripts/vm/run turns one into a failure. Never load it elsewhere.
 */
#include <linux/bug.h>
#include <linux/module.h>

static int __init vm_warn_init(void)
{
	WARN(1, "vm_warn: deliberate warning for the VM runner's self-test\n");
	return -EINVAL;
}
module_init(vm_warn_init);

MODULE_DESCRIPTION("Deliberate WARNING for the VM runner's self-test");
MODULE_LICENSE("GPL");
