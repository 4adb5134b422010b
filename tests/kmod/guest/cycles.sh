#!/bin/sh
# usage: cycles.sh [N] (in the test VM; NLC is the nlclient path): N
# (default 100) load/unload cycles of faxeng and faxeng_sim with uevents and,
# every tenth cycle, netlink events in flight; the runner fails the test on
# any kernel warning (panic_on_warn)
# SPDX-License-Identifier: ISC
. /faxcare/tests/kmod/guest/lib.sh

N=${1:-100}
start_udevd
start_monitor /tmp/mon
# A libnl subscriber that outlives the family it joined.
subscribe() {
	ASAN_OPTIONS=detect_leaks=0 "$NLC" monitor 100000 2 >/tmp/nl.$i 2>&1 &
	wait_for 5 "the subscriber writing /tmp/nl.$i to subscribe" grep -q subscribed /tmp/nl.$i
}

good=0
i=0
while [ $i -lt "$N" ]; do
	if load_sim engines=2 &&
		{ [ $((i % 10)) -ne 0 ] || subscribe; } &&
		echo 20000 >"$SIMP/flap" && echo 1:20000 >"$SIMP/flap" &&
		echo 2=empty >"$SIMP/tray" && echo 1:1 >"$SIMP/door_open" &&
		echo 500 >"$SIMP/pages" && echo 1 >"$ENG/drum_reset" &&
		unload_sim; then
		good=$((good + 1))
	fi
	i=$((i + 1))
done
is "$good" "$N" "$N cycles of load, storm, unload"
[ ! -e /sys/class/faxeng ]
ok $? "nothing left behind"
# Settled, udevd has sent the cycles' events to the monitor before the add
# of faxeng2, an engine no cycle had: once that add is shown, all are.
udevadm settle --timeout=60
load_sim engines=3
ok $? "the modules still load afterwards"
stop_monitor ACTION=add FAXENG_NAME=faxeng2
ok $? "udev passed on every event of the cycles"
like "$(count_events /tmp/mon ACTION=change)" '^[1-9]' \
	"events were in flight during the cycles"
like "$(cat /tmp/nl.* | grep -c '^event')" '^[1-9]' \
	"netlink events were in flight too"
is "$(attr faults)" none "the reloaded engine starts from a clean state"
unload_sim
dmesg | grep -v 'module verification failed' |
	grep -iE 'faxeng.*(error|lost|fail)' >/tmp/bad
is "$(cat /tmp/bad)" "" "no faxeng error in the kernel log"
done_testing
