#!/bin/sh
# usage: uevent.sh (in the test VM): each sensor transition as a uevent seen
# by `udevadm monitor --property` with systemd-udevd running
# SPDX-License-Identifier: ISC
. /faxcare/tests/kmod/guest/lib.sh

mon=/tmp/monitor.log
start_udevd
ok $? "systemd-udevd runs"
start_monitor "$mon"
# The kernel's uevents as sent, before udev (whose properties are a map
# and would hide a key sent twice).
kmon=/tmp/kernel.log
udevadm monitor --kernel --property --subsystem-match=faxeng >"$kmon" &
kmon_pid=$!
wait_for 5 "the kernel uevent monitor to start" grep -q '^KERNEL - ' "$kmon" || bail "kernel monitor did not start"
load_sim
ok $? "faxeng and faxeng_sim load"


sim toner_level 11
step toner_level 10
step toner_level 0
step toner_missing 1
step toner_missing 0
step toner_level 90
step tray 1=low
step tray 1=empty
step tray 1=missing
step tray 1=ok
step jam 1
step door_open 1
step fuser_error 1
step jam 0
step door_open 0
step fuser_error 0
step pages 5000
step pages 13000
step pages 2000
service_action drum_reset
service_action maintenance_done
stop_monitor "FAXENG_SEQNUM=$(attr seqnum)"
ok $? "udev passed on the last event (FAXENG_SEQNUM=$(attr seqnum))"

# expect "DESCRIPTION" KEY=VAL...: one uevent carries them all.
expect() {
	_d=$1
	shift
	event_with "$mon" ACTION=change SUBSYSTEM=faxeng "$@"
	ok $? "$_d"
}

event_with "$mon" ACTION=add FAXENG_NAME=faxeng0 "FAXENG_MODEL=FX-SIM 100" \
	FAXENG_SERIAL=SIM0000 FAXENG_TONER_LEVEL=100 FAXENG_TONER_STATE=ok \
	FAXENG_TRAYS=2 FAXENG_TRAY1_STATE=ok FAXENG_TRAY2_STATE=ok \
	FAXENG_DRUM_LIFE=100 FAXENG_DRUM_STATE=ok FAXENG_FAULTS=none \
	FAXENG_MAINTENANCE_DUE=0 FAXENG_PAGE_COUNT=0 FAXENG_REASONS=none
ok $? "the add uevent carries the whole state"

expect "toner low raised: keyword, severity, code, state" \
	FAXENG_CHANGED=toner_state FAXENG_CONDITION=TONER_LOW FAXENG_ACTIVE=1 \
	FAXENG_REASON=toner-low FAXENG_SEVERITY=warning FAXENG_ALERT_CODE=1104 \
	FAXENG_KIND=supply FAXENG_TONER_LEVEL=10 FAXENG_TONER_STATE=low \
	FAXENG_SEQNUM=1 "FAXENG_MODEL=FX-SIM 100" FAXENG_SERIAL=SIM0000 \
	FAXENG_TRAYS=2 FAXENG_TRAY1_STATE=ok FAXENG_TRAY2_STATE=ok \
	FAXENG_DRUM_LIFE=100 FAXENG_DRUM_STATE=ok FAXENG_FAULTS=none \
	FAXENG_MAINTENANCE_DUE=0 FAXENG_PAGE_COUNT=0 \
	FAXENG_REASONS=toner-low-warning FAXENG_SUPPLY=1 \
	FAXENG_SUPPLY_TYPE=toner FAXENG_SUPPLY_COLOUR=black \
	FAXENG_SUPPLY_CLASS=consumed FAXENG_SUPPLY_LEVEL=10 \
	FAXENG_SUPPLY_STATE=low
expect "toner empty raised" FAXENG_CONDITION=TONER_EMPTY FAXENG_ACTIVE=1 \
	FAXENG_REASON=toner-empty FAXENG_SEVERITY=error FAXENG_ALERT_CODE=1101 \
	FAXENG_TONER_STATE=empty FAXENG_SEQNUM=2
expect "toner low cleared after the empty raise" FAXENG_CONDITION=TONER_LOW \
	FAXENG_ACTIVE=0 FAXENG_TONER_STATE=empty FAXENG_SEQNUM=3
expect "toner missing raised" FAXENG_CONDITION=TONER_MISSING FAXENG_ACTIVE=1 \
	FAXENG_REASON=marker-supply-missing FAXENG_ALERT_CODE=1115 \
	FAXENG_TONER_STATE=missing
expect "toner missing cleared" FAXENG_CONDITION=TONER_MISSING \
	FAXENG_ACTIVE=0 FAXENG_TONER_STATE=empty
expect "toner empty cleared on refill" FAXENG_CONDITION=TONER_EMPTY \
	FAXENG_ACTIVE=0 FAXENG_TONER_STATE=ok FAXENG_TONER_LEVEL=90
expect "tray 1 paper low" FAXENG_CHANGED=tray1_state FAXENG_TRAY=1 \
	FAXENG_CONDITION=PAPER_LOW FAXENG_ACTIVE=1 FAXENG_REASON=media-low \
	FAXENG_SEVERITY=warning FAXENG_ALERT_CODE=807 FAXENG_TRAY1_STATE=low
expect "tray 1 paper empty" FAXENG_TRAY=1 FAXENG_CONDITION=PAPER_EMPTY \
	FAXENG_ACTIVE=1 FAXENG_REASON=media-empty FAXENG_ALERT_CODE=808 \
	FAXENG_TRAY1_STATE=empty
expect "tray 1 missing" FAXENG_TRAY=1 FAXENG_CONDITION=PAPER_MISSING \
	FAXENG_ACTIVE=1 FAXENG_REASON=input-tray-missing \
	FAXENG_ALERT_CODE=801 FAXENG_TRAY1_STATE=missing
expect "tray 1 back: missing cleared" FAXENG_TRAY=1 \
	FAXENG_CONDITION=PAPER_MISSING FAXENG_ACTIVE=0 FAXENG_TRAY1_STATE=ok
expect "jam raised" FAXENG_CHANGED=faults FAXENG_CONDITION=JAM \
	FAXENG_ACTIVE=1 FAXENG_REASON=media-jam FAXENG_SEVERITY=error \
	FAXENG_ALERT_CODE=8 FAXENG_KIND=fault FAXENG_FAULTS=jam
expect "door open raised" FAXENG_CONDITION=DOOR_OPEN FAXENG_ACTIVE=1 \
	FAXENG_REASON=door-open FAXENG_ALERT_CODE=501 FAXENG_FAULTS=jam,door-open
expect "fuser error raised" FAXENG_CONDITION=FUSER_ERROR FAXENG_ACTIVE=1 \
	FAXENG_REASON=fuser-over-temp FAXENG_ALERT_CODE=1002 \
	FAXENG_FAULTS=jam,door-open,fuser-error \
	FAXENG_REASONS=media-jam-error,door-open-error,fuser-over-temp-error
expect "jam cleared" FAXENG_CONDITION=JAM FAXENG_ACTIVE=0 \
	FAXENG_FAULTS=door-open,fuser-error
expect "door closed" FAXENG_CONDITION=DOOR_OPEN FAXENG_ACTIVE=0 \
	FAXENG_FAULTS=fuser-error
expect "fuser repaired" FAXENG_CONDITION=FUSER_ERROR FAXENG_ACTIVE=0 \
	FAXENG_FAULTS=none
expect "maintenance due" FAXENG_CHANGED=maintenance_due \
	FAXENG_CONDITION=MAINTENANCE_DUE FAXENG_ACTIVE=1 \
	FAXENG_REASON=maintenance-due FAXENG_SEVERITY=warning \
	FAXENG_ALERT_CODE=16 FAXENG_KIND=service FAXENG_MAINTENANCE_DUE=1 \
	FAXENG_PAGE_COUNT=5000
expect "drum near end" FAXENG_CHANGED=drum_state \
	FAXENG_CONDITION=DRUM_NEAR_END FAXENG_ACTIVE=1 \
	FAXENG_REASON=opc-near-eol FAXENG_ALERT_CODE=1111 \
	FAXENG_DRUM_STATE=near-end FAXENG_DRUM_LIFE=10 FAXENG_SUPPLY=2 \
	FAXENG_SUPPLY_TYPE=opc FAXENG_SUPPLY_LEVEL=10 \
	FAXENG_SUPPLY_STATE=near-end FAXENG_SUPPLY_PAGES=18000
expect "drum end" FAXENG_CONDITION=DRUM_END FAXENG_ACTIVE=1 \
	FAXENG_REASON=opc-life-over FAXENG_ALERT_CODE=1112 \
	FAXENG_DRUM_STATE=end FAXENG_DRUM_LIFE=0
expect "drum replaced: end cleared" FAXENG_CONDITION=DRUM_END \
	FAXENG_ACTIVE=0 FAXENG_DRUM_STATE=ok FAXENG_DRUM_LIFE=100
expect "maintenance done: cleared" FAXENG_CONDITION=MAINTENANCE_DUE \
	FAXENG_ACTIVE=0 FAXENG_MAINTENANCE_DUE=0

last=$(attr seqnum)
seqs=$(grep '^FAXENG_SEQNUM=' "$mon" | sed 's/.*=//' | tr '\n' ' ')
is "$seqs" "$(seq -s ' ' 1 "$last") " \
	"FAXENG_SEQNUM runs 1..$last without gap or repeat"
is "$(grep -c '^ACTION=change' "$mon")" "$last" \
	"one change uevent per transition ($last)"
is "$(udevadm info -q property /sys/class/faxeng/faxeng0 |
	grep -c '^FAXENG_')" 15 "udevadm info shows the 15 state properties"

# Each kernel uevent: its FAXENG_* keys once each; a change the core sent
# has the 15 state keys and its 8 own, 9 for a tray, 14 for the toner
# (FAXENG_SUPPLY and its 5 keys), 15 for the drum (its pages); the add has the
# state only. "change" written to the uevent file (udevadm trigger) gets
# the current state from the class callback, and no event keys.
udevadm trigger --action=change /sys/class/faxeng/faxeng0
wait_for 5 "the triggered uevent in $kmon" grep -q '^SYNTH_UUID=' "$kmon"
ok $? "udevadm trigger: a synthetic change uevent"
kill "$kmon_pid" && wait "$kmon_pid" 2>/dev/null
# Per record: ACTION, whether synthetic, how many FAXENG_ keys, repeats.
records=$(awk -F= '
	function out() { if (act != "") printf "%s %s %d %d\n", act, syn, n, dup }
	/^KERNEL\[/ { out(); act = ""; syn = "core"; n = 0; dup = 0; delete seen }
	/^ACTION=/ { act = $2 }
	/^SYNTH_UUID=/ { syn = "synth" }
	/^FAXENG_/ { n++; if (seen[$1]++) dup++ }
	END { out() }' "$kmon")
is "$(printf '%s\n' "$records" | awk '$4 > 0' | wc -l)" 0 \
	"no kernel uevent carries a FAXENG_ key twice"
is "$(printf '%s\n' "$records" | grep -c '^add core 15 0$')" 1 \
	"the add uevent: the 15 state keys"
is "$(printf '%s\n' "$records" | grep -cE '^change core (23|24|29|30) 0$')" "$last" \
	"each of the $last change uevents: 15 state keys and its own 8, 9, 14 or 15"
is "$(printf '%s\n' "$records" | grep -c '^change synth 15 0$')" 1 \
	"the triggered change: the 15 state keys of now"
synth=$(awk '/^KERNEL\[/ { r = "" } { r = r $0 "\n" } /^SYNTH_UUID=/ { s = 1 }
	s && /^$/ { printf "%s", r; exit }' "$kmon")
printf '%s' "$synth" | grep -qx "FAXENG_PAGE_COUNT=$(attr page_count)"
ok $? "the triggered change shows the current page count"
! printf '%s' "$synth" | grep -q '^FAXENG_SEQNUM='
ok $? "the triggered change has no FAXENG_SEQNUM"

tap_exit || diag "$(head -120 "$mon")"
unload_sim
ok $? "modules unload"
done_testing
