#!/usr/bin/env bash
# usage: tests/dts/arm64-faxeng-gpio.t
#
# The single-board-computer path end to end: the modules, cross-built for
# arm64 against Debian's headers, boot on qemu-system-aarch64 -M virt with
# Debian's arm64 kernel and the fax-engine node in the device tree; the GPIO
# backend probes, shows the states read from the lines, and turns an edge
# QEMU drives (system_powerdown pulses PL061 line 3) into a uevent.
# SPDX-License-Identifier: ISC
. "$(dirname "$0")/lib.sh"

out=$(scripts/arm64/build 2>&1)
ok $? "scripts/arm64/build" || diag "$out"
[ -e build/arm64/modules/kmod/faxeng_gpio.ko ]
ok $? "faxeng_gpio.ko is cross-built"

start=$EPOCHREALTIME
dts_guest_tap scripts/vm/run --arch arm64 \
	--overlay build/arm64/dts/faxcare-fax-engine-qemu-virt.dtbo \
	tests/dts/guest/faxeng-gpio.sh
ok $? "the arm64 guest passed"
diag "boot and guest: $(awk "BEGIN { printf \"%.1f\", $EPOCHREALTIME - $start }") s"
done_testing
