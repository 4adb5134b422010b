# The harness's helpers (included by tests/Makefile; paths relative to
# tests/): build/harness/vm-warn/vm_warn.ko, the module whose deliberate
# WARNING tests/harness/vm-verdict.t expects the VM runner to catch, built
# for the kernel the runner boots (scripts/lib.sh kernel_headers_dir).
# SPDX-License-Identifier: ISC

HARNESS_T := $(B)/harness
HARNESS_T_KDIR := $(shell bash -c '. $(TOP)/scripts/lib.sh && kernel_headers_dir')

TESTS_ALL += $(HARNESS_T)/vm-warn/vm_warn.ko

# Kbuild writes next to the sources: build a copy of them.
$(HARNESS_T)/vm-warn/vm_warn.ko: vm/warn/vm_warn.c vm/warn/Kbuild
	@mkdir -p $(@D)
	cp $^ $(@D)/
	$(MAKE) -C $(HARNESS_T_KDIR) M=$(abspath $(@D)) modules
