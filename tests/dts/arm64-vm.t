#!/usr/bin/env bash
# usage: tests/dts/arm64-vm.t
#
# The arm64 path's build and VM: scripts/arm64/build cross-builds the modules
# for Debian's arm64 kernel out of the source tree, and scripts/vm/run-arm64
# boots them on qemu-system-aarch64 -M virt with the fax-engine node in the
# device tree, lets QEMU pulse PL061 line 3, and reports a guest's panic as
# a failure with the console log kept.
# SPDX-License-Identifier: ISC
. "$(dirname "$0")/lib.sh"

start=$EPOCHREALTIME
out=$(scripts/arm64/build 2>&1)
ok $? "scripts/arm64/build cross-builds the modules and overlays" || diag "$out"
diag "build: $(awk "BEGIN { printf \"%.1f\", $EPOCHREALTIME - $start }") s"
kos=(build/arm64/modules/kmod/*.ko)
[ -e "${kos[0]}" ]; ok $? "modules in build/arm64/modules/kmod: ${kos[*]##*/}"
for ko in "${kos[@]}"; do
	like "$(readelf -h "$ko" | sed -n 's/^ *Machine: *//p')" '^AArch64$' "${ko##*/} is an aarch64 module"
	like "$(modinfo -F vermagic "$ko")" "^$ARM64_KREL SMP .*aarch64" "${ko##*/} is built for $ARM64_KREL"
done
# The host's objects stay the host's: the cross-build works on a copy.
is "$(find kmod \( -name '*.o' -o -name '*.ko' \) -exec readelf -h {} + 2>/dev/null | grep AArch64)" "" \
	"no aarch64 object in kmod/"

dtbo=build/arm64/dts/faxcare-fax-engine-qemu-virt.dtbo
scripts/arm64/virt-dtb "$dts_tmp/virt.dtb" "$dtbo"
ok $? "the virt overlay applies to QEMU's own tree"
is "$(dts_validate_ours "$dts_tmp/virt.dtb")" "" \
	"dt-validate: the virt tree satisfies the binding, no output at all"

start=$EPOCHREALTIME
dts_guest_tap scripts/vm/run --arch arm64 --overlay "$dtbo" tests/dts/guest/arm64-vm.sh
ok $? "scripts/vm/run-arm64 reports the guest passed"
diag "boot and guest: $(awk "BEGIN { printf \"%.1f\", $EPOCHREALTIME - $start }") s"

scripts/vm/run --arch arm64 --artifacts "$dts_tmp/artifacts" tests/dts/guest/panic.sh \
	>"$dts_tmp/panic.tap" 2>"$dts_tmp/panic.err"
status=$?
[ "$status" -ne 0 ]; ok $? "a guest that panics makes run-arm64 fail"
like "$(cat "$dts_tmp/panic.tap")" '^not ok 2 - vm: kernel panic' "with a not ok line naming the panic" ||
	diag "$(cat "$dts_tmp/panic.err")"
grep -q 'Kernel panic' "$dts_tmp/artifacts/console.log"
ok $? "and the console log kept"

# Stopped from outside (TERM), the runner leaves no QEMU and no temp files.
mkdir "$dts_tmp/runner-tmp"
TMPDIR=$dts_tmp/runner-tmp scripts/vm/run --arch arm64 tests/dts/guest/hang.sh \
	>"$dts_tmp/hang.tap" 2>/dev/null &
runner=$!
dts_pids+=("$runner")
wait_for 60 "the hanging guest's first test line" grep -q '^ok 1' "$dts_tmp/hang.tap"
like "$(cat "$dts_tmp/hang.tap")" '^ok 1 - the guest ran' "a hanging guest is up"
kill -TERM "$runner"
wait "$runner"
is "$?" 143 "TERM stops the runner"
is "$(pgrep -f "$dts_tmp/runner-tmp")" "" "its QEMU and helpers are gone"
is "$(ls -A "$dts_tmp/runner-tmp")" "" "its temp files are gone"

done_testing
