#!/bin/sh
# usage: cycles.sh [N] (in the test VM): N (default 100) load/unload cycles
# of faxeng and faxeng_sim with events in flight; the runner fails the test
# on any kernel warning (panic_on_warn)
. /faxcare/tests/kmod/guest/lib.sh

N=${1:-100}
start_udevd
start_monitor /tmp/mon
good=0
i=0
while [ $i -lt "$N" ]; do
	if load_sim engines=2 &&
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
stop_monitor
like "$(count_events /tmp/mon ACTION=change)" '^[1-9]' \
	"events were in flight during the cycles"
load_sim
ok $? "the modules still load afterwards"
is "$(attr faults)" none "and start from a clean state"
unload_sim
dmesg | grep -v 'module verification failed' |
	grep -iE 'faxeng.*(error|lost|fail)' >/tmp/bad
is "$(cat /tmp/bad)" "" "no faxeng error in the kernel log"
done_testing
