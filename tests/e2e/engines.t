#!/usr/bin/env bash
# usage: tests/e2e/engines.t   (prove runs it; needs `make` built)
# Two fax engines on one terminal host, each its own terminal at a real
# center: MariaDB, Postfix and the center on loopback, the terminal VM with
# faxeng_sim's two engines, a faxcared each (started by udev, dropped to
# faxcare), each signing with its own key (key-file /etc/faxcare/%e.key, made
# for its terminal id from the center's master secret). The center verifies
# and registers both terminals and stores a report of each.
# SPDX-License-Identifier: ISC
set -uo pipefail
. "$(dirname "$0")/lib.sh" "$@"

T0=FX-SIM-100-SIM0000 T1=FX-SIM-100-SIM0001
registered() { [ -n "$(sql "SELECT id FROM terminals WHERE terminal_uid = '$1'" 2>/dev/null)" ]; }
both_registered() { registered "$T0" && registered "$T1"; }
# stored TERMINAL TYPE CONDITION: how many such reports the center stored.
stored() {
	sql "SELECT COUNT(*) FROM reports r JOIN terminals t ON t.id = r.terminal_id
		WHERE t.terminal_uid = '$1' AND r.type = '$2' AND r.condition_kw = '$3'"
}
door_stored() { [ "$(stored "$T0" status door-open)" -ge 1 ] && [ "$(stored "$T1" status door-open)" -ge 1 ]; }

center_up "$WORK"
ok $? "the center migrates and serves /healthz" || bail "the center is not up"
TERMINAL_ENGINES=2 terminal_boot "$WORK"
vm_wait_ready "${VM_BOOT_SECS:-240}" >/dev/null
ok $? "the terminal VM boots and calls back" || bail "the VM did not boot: $(cat "$WORK/vm.err")"

vm_cmd 'rmmod faxeng_sim && insmod /faxcare/kmod/faxeng_sim.ko engines=2 && udevadm settle' >/dev/null
ok $? "faxeng_sim now drives two engines, faxeng0 and faxeng1"
out=$(vm_cmd 'wait_for 15 "two daemons" sh -c "[ \$(pidof faxcared | wc -w) -ge 2 ]" && ps -o user,args | grep "[f]axcared"')
ok $? "udev started a faxcared for each"
like "$out" "faxcare .*faxeng0" "faxeng0's runs as faxcare"
like "$out" "faxcare .*faxeng1" "faxeng1's runs as faxcare"

wait_for 90 "the center to register $T0 and $T1" both_registered
ok $? "the center verified and registered both terminals, $T0 and $T1"
is "$(sql "SELECT COUNT(*) FROM terminals WHERE terminal_uid IN ('$T0', '$T1')")" 2 \
	"two terminals, one per engine"

vm_cmd 'sim door_open 0:1; sim door_open 1:1' >/dev/null
wait_for 90 "door-open reports of both terminals" door_stored
ok $? "the center stored a door-open report of each terminal"
is "$(stored "$T0" status door-open) $(stored "$T1" status door-open)" "1 1" \
	"one of each"
grep -q "signature" "$FAXCARE_POSTFIX_LOG"
is "$?" 1 "Postfix's log shows no report refused for its signature"
vm_stop >/dev/null
ok $? "the terminal VM stops cleanly"
done_testing
