#!/usr/bin/env bash
# usage: tests/dts/arm64-faxeng-gpio-supplies.t
#
# faxeng_gpio's supply@S child nodes on arm64 (QEMU virt, PL061): a cyan
# toner whose low line is asserted, a waste bottle whose full line is not,
# and a fuser rated for one page, which QEMU's power-button pulse (a page)
# wears out: a uevent naming supply 5, a fuser.
# SPDX-License-Identifier: ISC
. "$(dirname "$0")/lib.sh"

out=$(scripts/arm64/build 2>&1)
ok $? "scripts/arm64/build" || diag "$out"
f=qemu-virt-supplies
out=$(scripts/arm64/dtbo "tests/dts/fixtures/$f.dtso" "$dts_tmp/$f.dtbo" 2>&1)
ok $? "fixture $f compiles" || diag "$out"
is "$out" "" "dtc has no warning about it"
scripts/arm64/virt-dtb "$dts_tmp/virt.dtb" "$dts_tmp/$f.dtbo"
is "$(dts_validate_ours "$dts_tmp/virt.dtb")" "" \
	"dt-validate: the tree with supply nodes satisfies the binding"

dts_guest_tap scripts/vm/run --arch arm64 --overlay "$dts_tmp/$f.dtbo" \
	tests/dts/guest/faxeng-gpio-supplies.sh
ok $? "the arm64 guest passed"
done_testing
