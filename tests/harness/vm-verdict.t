#!/usr/bin/env bash
# usage: tests/harness/vm-verdict.t
#
# scripts/vm/run fails loudly when the guest goes wrong: a kernel panic, a
# WARNING, a guest that never reports a verdict, a timeout and a failing
# guest script each give a non-zero exit, a `not ok` line naming the cause and
# the console log kept; an interrupted run leaves neither QEMU nor temp files.
# shellcheck source=tests/vm/host-setup.sh
. "$(dirname "$0")/../vm/host-setup.sh"

# misbehave CASE [RUNNER OPTIONS...]: run the guest, leave its exit status in
# $status, its stdout in $tmp/CASE.tap and its stderr in $tmp/CASE.err.
misbehave() {
	local what=$1
	shift
	"$top/scripts/vm/run" "$@" "$top/tests/vm/misbehave.sh" "$what" \
		>"$tmp/$what.tap" 2>"$tmp/$what.err"
	status=$?
}

# expect_failure CASE REASON LOG_PATTERN: the run failed, said why in a TAP
# line, and kept a console log that shows LOG_PATTERN.
expect_failure() {
	local what=$1 reason=$2 pattern=$3 line log
	[ "$status" -ne 0 ]
	ok $? "$what: runner exits non-zero"
	like "$(cat "$tmp/$what.tap")" '^ok 1 - about to ' \
		"$what: the guest's TAP before the failure is passed on"
	line=$(grep -E "^not ok [0-9]+ - vm: $reason, console log kept at " "$tmp/$what.tap")
	ok $? "$what: a not ok line says '$reason'"
	log=${line##* kept at }
	grep -qaE "$pattern" "$log" 2>/dev/null
	ok $? "$what: the console log kept shows '$pattern'"
	kept=$log
}

misbehave panic
expect_failure panic "kernel panic" "sysrq triggered crash"
like "$kept" "^$top/tests/artifacts/vm/misbehave-" \
	"panic: the console log is kept under tests/artifacts/vm/ by default"
case $kept in
"$top"/tests/artifacts/vm/misbehave-*/console.log) rm -rf "${kept%/console.log}" ;;
esac

# The deliberate WARNING comes from a module built for the booted kernel
# (tests/harness/tests.mk).
warn_ko=$top/tests/build/harness/vm-warn/vm_warn.ko
[ -e "$warn_ko" ]
ok $? "vm_warn.ko is built (make check-build)"
misbehave warn --module "$warn_ko" --artifacts "$tmp/art-warn"
expect_failure warn "kernel WARNING" "vm_warn: deliberate warning"

misbehave poweroff --artifacts "$tmp/art-poweroff"
expect_failure poweroff "no verdict \(guest powered off or panicked\)" \
	"misbehave: about to poweroff"

# On a loaded machine the guest may not even have booted in 5 s: assert
# only what holds either way.
start=$SECONDS
misbehave sleep --timeout 5 --artifacts "$tmp/art-sleep"
[ "$status" -ne 0 ]
ok $? "sleep: runner exits non-zero"
like "$(cat "$tmp/sleep.tap")" "^not ok [0-9]+ - vm: timeout after 5 s, console log kept at $tmp/art-sleep/console.log$" \
	"sleep: a not ok line says 'timeout after 5 s'"
[ -e "$tmp/art-sleep/console.log" ]
ok $? "sleep: the console log is kept"
[ $((SECONDS - start)) -le 20 ]
ok $? "sleep: the runner gives up soon after --timeout"

misbehave fail --artifacts "$tmp/art-fail"
[ "$status" -ne 0 ]
ok $? "fail: runner exits non-zero when the guest script fails"
like "$(cat "$tmp/fail.tap")" '^not ok 2 - deliberate failure$' \
	"fail: the guest's not ok line is passed on"
like "$(cat "$tmp/fail.err")" "guest script failed, console log kept at $tmp/art-fail/console.log" \
	"fail: stderr names the console log kept"
[ -s "$tmp/art-fail/console.log" ]
ok $? "fail: the console log is kept"

# Interrupted: the runner stops its QEMU and removes its temp files.
mkdir "$tmp/tmpdir"
TMPDIR=$tmp/tmpdir "$top/scripts/vm/run" --timeout 120 \
	"$top/tests/vm/misbehave.sh" sleep >"$tmp/int.tap" 2>"$tmp/int.err" &
bg=$!
for _ in $(seq 600); do
	grep -q '^ok 1 - about to sleep' "$tmp"/tmpdir/faxcare-vm.*/tap.out 2>/dev/null && break
	sleep 0.1
done
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
