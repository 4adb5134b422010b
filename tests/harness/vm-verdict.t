#!/usr/bin/env bash
# usage: tests/harness/vm-verdict.t
#
# scripts/vm/run fails loudly when the guest goes wrong, on amd64 and on
# arm64: a kernel panic, a WARNING (amd64), a guest that never reports a
# verdict, a timeout and a failing guest script each give a non-zero exit, a
# `not ok` line naming the cause and the console log kept; an interrupted run
# leaves neither QEMU nor temp files.
# shellcheck source=tests/vm/host-setup.sh
# SPDX-License-Identifier: ISC
. "$(dirname "$0")/../vm/host-setup.sh"

# Every case runs on amd64 (the default) and again with --arch arm64, whose
# verdict comes over a control port instead of isa-debug-exit: $arch is the
# one, $label leads the arm64 descriptions.
arch=amd64 label=

# misbehave CASE [RUNNER OPTIONS...]: run the guest, leave its exit status in
# $status, its stdout in $tmp/ARCH-CASE.tap and its stderr in
# $tmp/ARCH-CASE.err.
misbehave() {
	local what=$1
	shift
	"$top/scripts/vm/run" --arch "$arch" "$@" "$top/tests/vm/misbehave.sh" "$what" \
		>"$tmp/$arch-$what.tap" 2>"$tmp/$arch-$what.err"
	status=$?
}

# expect_failure CASE REASON LOG_PATTERN: the run failed, said why in a TAP
# line, and kept a console log that shows LOG_PATTERN.
expect_failure() {
	local what=$label$1 reason=$2 pattern=$3 line log
	[ "$status" -ne 0 ]
	ok $? "$what: runner exits non-zero"
	like "$(cat "$tmp/$arch-$1.tap")" '^ok 1 - about to ' \
		"$what: the guest's TAP before the failure is passed on"
	line=$(grep -E "^not ok [0-9]+ - vm: $reason, console log kept at " "$tmp/$arch-$1.tap")
	ok $? "$what: a not ok line says '$reason'"
	log=${line##* kept at }
	grep -qaE "$pattern" "$log" 2>/dev/null
	ok $? "$what: the console log kept shows '$pattern'"
	kept=$log
}

# verdicts: the cases for $arch.
verdicts() {
	misbehave panic
	expect_failure panic "kernel panic" "sysrq triggered crash"
	like "$kept" "^$top/tests/artifacts/vm/misbehave-$arch-" \
		"${label}panic: the console log is kept under tests/artifacts/vm/ by default"
	case $kept in
	"$top"/tests/artifacts/vm/misbehave-*/console.log) rm -rf "${kept%/console.log}" ;;
	esac

	# The deliberate WARNING comes from a module built for the booted
	# amd64 kernel (tests/harness/tests.mk).
	if [ "$arch" = amd64 ]; then
		warn_ko=$top/tests/build/harness/vm-warn/vm_warn.ko
		[ -e "$warn_ko" ]
		ok $? "vm_warn.ko is built (make check-build)"
		misbehave warn --module "$warn_ko" --artifacts "$tmp/art-warn"
		expect_failure warn "kernel WARNING" "vm_warn: deliberate warning"
	fi

	misbehave poweroff --artifacts "$tmp/art-$arch-poweroff"
	expect_failure poweroff "no verdict \(guest powered off or panicked\)" \
		"misbehave: about to poweroff"

	# On a loaded machine the guest may not even have booted in 5 s: assert
	# only what holds either way.
	start=$SECONDS
	misbehave sleep --timeout 5 --artifacts "$tmp/art-$arch-sleep"
	[ "$status" -ne 0 ]
	ok $? "${label}sleep: runner exits non-zero"
	like "$(cat "$tmp/$arch-sleep.tap")" "^not ok [0-9]+ - vm: timeout after 5 s, console log kept at $tmp/art-$arch-sleep/console.log$" \
		"${label}sleep: a not ok line says 'timeout after 5 s'"
	[ -e "$tmp/art-$arch-sleep/console.log" ]
	ok $? "${label}sleep: the console log is kept"
	[ $((SECONDS - start)) -le 20 ]
	ok $? "${label}sleep: the runner gives up soon after --timeout"

	misbehave fail --artifacts "$tmp/art-$arch-fail"
	[ "$status" -ne 0 ]
	ok $? "${label}fail: runner exits non-zero when the guest script fails"
	like "$(cat "$tmp/$arch-fail.tap")" '^not ok 2 - deliberate failure$' \
		"${label}fail: the guest's not ok line is passed on"
	like "$(cat "$tmp/$arch-fail.err")" "guest script failed, console log kept at $tmp/art-$arch-fail/console.log" \
		"${label}fail: stderr names the console log kept"
	[ -s "$tmp/art-$arch-fail/console.log" ]
	ok $? "${label}fail: the console log is kept"
}

verdicts
arch=arm64 label="arm64 "
verdicts
arch=amd64 label=

# Interrupted: the runner stops its QEMU and removes its temp files.
mkdir "$tmp/tmpdir"
TMPDIR=$tmp/tmpdir "$top/scripts/vm/run" --timeout 120 \
	"$top/tests/vm/misbehave.sh" sleep >"$tmp/int.tap" 2>"$tmp/int.err" &
bg=$!
guest_sleeps() { grep -q '^ok 1 - about to sleep' "$tmp"/tmpdir/faxcare-vm.*/tap.out 2>/dev/null; }
wait_for 60 "the guest's 'about to sleep'" guest_sleeps
pgrep -f "$tmp/tmpdir/faxcare-vm" >/dev/null
ok $? "interrupt: QEMU runs the sleeping guest"
kill -TERM "$bg"
wait "$bg"
status=$?
bg=
[ "$status" -ne 0 ]
ok $? "interrupt: runner exits non-zero"
! pgrep -f "$tmp/tmpdir/faxcare-vm" >/dev/null
ok $? "interrupt: its QEMU is gone"
is "$(ls -A "$tmp/tmpdir")" "" "interrupt: its temp files are gone"
done_testing
