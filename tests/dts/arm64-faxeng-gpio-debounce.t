#!/usr/bin/env bash
# usage: tests/dts/arm64-faxeng-gpio-debounce.t
#
# faxeng_gpio's switch inputs on real GPIO interrupts (arm64, PL061): with
# the jam sensor moved to line 3, QEMU's 100 ms power-button pulse is a jam
# raised and cleared (5 ms debounce), or nothing at all when the binding's
# debounce-interval-ms is longer than the pulse.
# SPDX-License-Identifier: ISC
. "$(dirname "$0")/lib.sh"

out=$(scripts/arm64/build 2>&1)
ok $? "scripts/arm64/build" || diag "$out"
for f in qemu-virt-jam-on-line3 qemu-virt-slow-debounce; do
	out=$(scripts/arm64/dtbo "tests/dts/fixtures/$f.dtso" "$dts_tmp/$f.dtbo" 2>&1)
	ok $? "fixture $f compiles" || diag "$out"
done
virt=(--overlay build/arm64/dts/faxcare-fax-engine-qemu-virt.dtbo
	--overlay "$dts_tmp/qemu-virt-jam-on-line3.dtbo")

scripts/arm64/virt-dtb "$dts_tmp/slow.dtb" build/arm64/dts/faxcare-fax-engine-qemu-virt.dtbo \
	"$dts_tmp/qemu-virt-jam-on-line3.dtbo" "$dts_tmp/qemu-virt-slow-debounce.dtbo"
is "$(dts_validate_ours "$dts_tmp/slow.dtb")" "" "dt-validate: the fixture trees satisfy the binding"

dts_guest_tap scripts/vm/run --arch arm64 "${virt[@]}" tests/dts/guest/faxeng-gpio-jam.sh pulse
ok $? "5 ms debounce: the arm64 guest passed"
dts_guest_tap scripts/vm/run --arch arm64 "${virt[@]}" \
	--overlay "$dts_tmp/qemu-virt-slow-debounce.dtbo" tests/dts/guest/faxeng-gpio-jam.sh filtered
ok $? "300 ms debounce: the arm64 guest passed"
done_testing
