#!/usr/bin/env bash
# usage: tests/dts/arm64-cross.t
#
# The modules cross-build for arm64 against Debian's arm64 headers of both
# kernel lines (6.1 and 6.12), W=1 and sparse without a word, into aarch64
# modules whose vermagic names that kernel. The arm64 boot test
# (arm64-vm.t) stays on 6.1.
# SPDX-License-Identifier: ISC
. "$(dirname "$0")/lib.sh"

for line in "${FAXCARE_KERNEL_LINES[@]}"; do
	rel=$(kernel_release "$line")
	arm_rel=${rel%-amd64}-arm64
	out=build/arm64/modules
	[ "$line" = 6.1 ] || out=build/arm64/modules-$line
	# A clean build, so that W=1 and sparse see every source.
	rm -rf "$out"
	log=$(scripts/arm64/build --modules-only --kernel "$line" W=1 C=1 2>&1)
	ok $? "linux $arm_rel: scripts/arm64/build --kernel $line cross-builds the modules" ||
		diag "$log"
	is "$(printf '%s\n' "$log" | grep -E 'warning|error|sparse')" "" \
		"linux $arm_rel: W=1 and sparse report nothing"
	for m in faxeng faxeng_sim faxeng_gpio; do
		ko=$out/kmod/$m.ko
		is "$(readelf -h "$ko" 2>&1 | sed -n 's/^ *Machine: *//p')" AArch64 \
			"linux $arm_rel: $m.ko is an aarch64 module"
		is "$(modinfo -F vermagic "$ko" 2>&1 | cut -d' ' -f1)" "$arm_rel" \
			"linux $arm_rel: $m.ko is built for it"
	done
done
done_testing
