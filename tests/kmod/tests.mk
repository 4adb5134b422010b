# The driver tests' helpers (included by tests/Makefile; paths relative to
# tests/):
#   build/kmod/nlclient          a libnl client of the faxeng family
#                                (tests/kmod/nlclient.c), with the
#                                sanitizers: any finding ends it with a
#                                failure
#   build/kmod/REL/*.ko          the fixture modules of tests/kmod/helper
#                                (GPIO lines, interrupts, an IIO ADC), built
#                                for each kernel line's release REL
# SPDX-License-Identifier: ISC

KMOD_T := $(B)/kmod
KMOD_T_LINES := $(shell bash -c '. $(TOP)/scripts/lib.sh && \
	for l in "$${FAXCARE_KERNEL_LINES[@]}"; do echo "$$l:$$(kernel_release $$l):$$(kernel_kdir $$l)"; done')
KMOD_T_HELPERS := $(foreach l,$(KMOD_T_LINES),$(KMOD_T)/$(word 2,$(subst :, ,$(l)))/faxeng_test_gpio.ko)

TESTS_ALL += $(KMOD_T)/nlclient $(KMOD_T_HELPERS)

$(KMOD_T)/nlclient: kmod/nlclient.c $(TOP)/include/uapi/linux/faxeng.h
	@mkdir -p $(@D)
	$(CC) $(TEST_WARN) -O1 -g $(TEST_SAN) -I$(TOP)/include/uapi \
	    $(shell $(PKG_CONFIG) --cflags libnl-genl-3.0) -o $@ $< \
	    $(shell $(PKG_CONFIG) --libs libnl-genl-3.0)

# One rule per kernel line; kbuild writes next to the sources, so each
# builds a copy of them.
define KMOD_T_HELPER_RULE
$(KMOD_T)/$(2)/faxeng_test_gpio.ko: $(wildcard kmod/helper/*.c) kmod/helper/Kbuild
	@mkdir -p $$(@D)
	cp $$^ $$(@D)/
	$$(MAKE) -C $(3) M=$$(abspath $$(@D)) modules
endef
$(foreach l,$(KMOD_T_LINES),$(eval $(call KMOD_T_HELPER_RULE,$(word 1,$(subst :, ,$(l))),$(word 2,$(subst :, ,$(l))),$(word 3,$(subst :, ,$(l))))))
