# faxcare: fax engines that report their own health.
#
#   make            build the kernel modules, the shared protocol library,
#                   the terminal daemon and the service center
#   make check      install what is missing, then run every test through prove
#   make demo       install what is missing, then walk the whole system once
#   make bench      the benchmarks, as ratios against in-run baselines
#   make check-scale   tests/scale with the node-failure test
#                   (tests/scale/*.long: 5,000 reports from 200 terminals,
#                   a database node killed -9 mid-burst; not in make check)
#   make bench-scale   reports/s and homepages/s on one node and on the
#                   3-node cluster (bench/scale/run; not in make bench)
#   make fuzz       each fuzz target (tests/fuzz/) for FUZZ_TIME seconds,
#                   default 600, one after the other on one core
#   make check-fresh   make check as a newcomer would run it: in a fresh
#                   Debian 12 root from a clone of HEAD (scripts/check-fresh)
#   make install    DESTDIR-aware install of everything
#   make modules-arm64  cross-build the modules for arm64 (build/arm64/)
#   make dtbs       compile the device-tree overlays (build/arm64/dts/)
#
# KDIR selects the kernel tree the modules build against: the running
# kernel's headers when present, otherwise Debian's 6.1 headers the tests boot.
# SPDX-License-Identifier: ISC

SHELL := /bin/bash
TOP := $(CURDIR)
KVER ?= $(shell . scripts/lib.sh && echo $$FAXCARE_KVER)
ifneq ($(wildcard /lib/modules/$(shell uname -r)/build/Makefile),)
KDIR ?= /lib/modules/$(shell uname -r)/build
else
KDIR ?= /usr/src/linux-headers-$(KVER)-amd64
endif

# Userspace parts, in build order: each is a directory with its own Makefile
# offering all, install, clean. The test programs are built by tests/Makefile.
SUBDIRS := proto daemon center

# Which tests prove runs; `make check T=tests/kmod` runs one layer.
T ?= tests
PROVE ?= prove
PROVE_FLAGS ?= -r --timer

DESTDIR ?=
PREFIX ?= /usr/local
export DESTDIR PREFIX KDIR KVER

.PHONY: all modules userspace check check-build check-scale check-fresh deps demo bench \
	bench-scale fuzz install \
	modules_install modules-arm64 dtbs clean $(SUBDIRS)

all: modules userspace

modules:
	$(MAKE) -C $(KDIR) M=$(TOP) modules

userspace: $(SUBDIRS)

modules-arm64:
	scripts/arm64/build --modules-only

dtbs:
	scripts/arm64/build --dtbs-only

$(SUBDIRS):
	$(MAKE) -C $@ all

# Both link the protocol library: under -j it must be built first.
daemon center: proto

deps:
	@scripts/deps

# The modules for both Debian 12 kernel lines (6.1 in kmod/, 6.12 under
# build/modules/), which the kmod tests boot; then every test program and
# helper (tests/Makefile).
check-build:
	scripts/build-modules
	$(MAKE) userspace
	$(MAKE) -C tests

check: deps
	@$(MAKE) --no-print-directory check-build
	$(PROVE) $(PROVE_FLAGS) $(T)

# The scale tests with the long one (*.long, which prove leaves out of
# make check) at the issue's size: about 16 minutes (docs/scale.md).
SCALE_TERMINALS ?= 200
SCALE_REPORTS ?= 5000
check-scale: deps
	@$(MAKE) --no-print-directory check-build
	SCALE_TERMINALS=$(SCALE_TERMINALS) SCALE_REPORTS=$(SCALE_REPORTS) \
		$(PROVE) $(PROVE_FLAGS) --ext .t --ext .long tests/scale

# Not part of check (it runs check): a fresh root, packages, kernels and all.
# T= picks the tests there too.
check-fresh:
	scripts/check-fresh $(if $(filter command line,$(origin T)),T=$(T))

# The demo boots the same Debian kernel as the tests: build for its headers.
demo: deps
	@$(MAKE) --no-print-directory check-build
	scripts/demo

bench: deps
	@$(MAKE) --no-print-directory check-build
	scripts/bench

# Minutes long (two clusters' start, a few thousand reports): not in bench.
bench-scale: deps
	@$(MAKE) --no-print-directory check-build
	bench/scale/measure

# Not part of check, which runs each target briefly (tests/fuzz/fuzz.t).
FUZZ_TIME ?= 600
fuzz: deps
	@$(MAKE) --no-print-directory -C tests fuzz-built
	tests/fuzz/run --time $(FUZZ_TIME)

modules_install:
	$(MAKE) -C $(KDIR) M=$(TOP) INSTALL_MOD_PATH=$(DESTDIR) modules_install

install: all modules_install
	@for d in $(SUBDIRS); do $(MAKE) -C $$d install || exit 1; done

clean:
	$(MAKE) -C $(KDIR) M=$(TOP) clean
	@for d in $(SUBDIRS); do $(MAKE) -C $$d clean || exit 1; done
	$(MAKE) -C tests clean
	rm -rf build tests/artifacts
