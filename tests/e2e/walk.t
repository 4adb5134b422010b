#!/usr/bin/env bash
# usage: tests/e2e/walk.t   (prove runs it; needs `make` built)
# The whole system, hop by hop, as scripts/demo walks it: MariaDB, Postfix
# and the center on loopback; the terminal VM (faxeng_sim, systemd-udevd,
# faxcared started by udev) registers; a toner shortage and a door-open
# fault each travel from the sensor through udev, faxcared, Postfix and the
# mailgate to an open notice, and their completion closes it.
set -uo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
. "$top/scripts/lib.sh"
for f in services center vm terminal steps; do
	. "$top/scripts/demo.d/$f.sh"
done
in_services "$0" "$@"
. "$top/tests/lib/tap.sh"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/faxcare-e2e.XXXXXX") || bail "mktemp failed"
cleanup() {
	trap - EXIT INT TERM
	vm_kill
	center_down
	rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# hop DESCRIPTION FN [ARGS]: one s_* step as a test; its output stays in
# $out for the checks after it and is shown when it failed.
out=
hop() {
	local desc=$1
	shift
	"$@" >"$WORK/hop.out" 2>&1
	ok $? "$desc"
	out=$(cat "$WORK/hop.out")
	[ "$_tap_failed" -eq 0 ] || [ -n "${shown:-}" ] || { diag "$out"; shown=1; }
}
# A hop that fails leaves nothing for the rest to stand on.
must() { [ "$_tap_failed" -eq 0 ] || bail "$1"; }

hop "MariaDB and Postfix answer on loopback" s_services
hop "the center migrates its schema and serves /healthz" s_center
is "$(http_status "$CENTER_URL/healthz")" 200 "GET /healthz is 200"
like "$(sql 'SELECT COUNT(*) FROM schema_migrations')" '^[1-9]' "migrations are recorded"
must "the center is not up"

hop "the terminal VM boots and calls back" s_terminal_boot
like "$(cat "$WORK/vm.tap")" "ok 3 - faxeng0 exists" "faxeng_sim made faxeng0"
must "the terminal did not boot"

hop "udevadm monitor shows faxeng0 appear" s_engine_appears
like "$out" "ACTION=add" "an add uevent"
like "$out" "FAXENG_MODEL=FX-SIM 100" "carrying the model"
like "$out" "FAXENG_SERIAL=SIM0000" "and the serial"

hop "udev's rule started faxcared" s_daemon_runs
like "$out" "toner +ok, 100%" "faxengctl status in the VM: toner full"
must "faxcared does not run"

hop "the registration reached the center through Postfix and the mailgate" s_registration
like "$out" "status=sent .*faxcenter-mailgate: stored registration report" \
	"Postfix's log: piped to the mailgate, stored"
like "$out" "terminal $TERMINAL_ID, model FX-SIM 100" "the center registered the terminal and its model"
is "$(pending_confirmations)" 1 "the manager's address waits for its confirmation"
is "$(outbox_for_manager)" 1 "the confirmation mail for the manager is in the outbox"
must "no registration"

hop "toner low in the engine" s_sensor "toner low" toner_level=5 toner_low=1
like "$out" "FAXENG_CONDITION=TONER_LOW" "a TONER_LOW uevent"
like "$out" "FAXENG_ACTIVE=1" "raised"
hop "the center opened a toner-low notice" s_notice_opens toner-low
like "$out" "Toner is low" "the notice says so"
hop "refill in the VM" s_sensor "refill" toner_level=100 toner_low=0
like "$out" "FAXENG_ACTIVE=0" "a TONER_LOW clear uevent"
hop "the completion report closed the toner-low notice" s_notice_closes toner-low

hop "a door opens in the engine" s_sensor "door open" door_open=1
like "$out" "FAXENG_REASON=door-open" "a door-open uevent"
like "$out" "FAXENG_SEVERITY=error" "of severity error"
hop "the center opened a door-open notice" s_notice_opens door-open
like "$out" "door is open" "the notice says so"
hop "the door is closed (repair complete)" s_sensor "door closed" door_open=0
hop "the completion report closed the door-open notice" s_notice_closes door-open
is "$(sql "SELECT COUNT(*) FROM reports r JOIN terminals t ON t.id = r.terminal_id
	WHERE t.terminal_uid = '$TERMINAL_ID'")" 5 \
	"exactly five reports: registration, two statuses, two completions"

hop "the terminal shuts down cleanly (every guest check passed)" s_terminal_stop
unlike() { printf '%s\n' "$1" | grep -Eq -- "$2"; ok $((!$?)) "$3"; }
unlike "$out" "not ok" "no guest check failed"
done_testing
