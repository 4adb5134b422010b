#!/bin/sh
# usage: storm.sh (in the test VM): a jam sensor flapping 10,000 times a
# second from a hard-interrupt timer yields a bounded number of events, the
# system stays responsive and the final state is reported
. /faxcare/tests/kmod/guest/lib.sh

SECS=3
RATE=10000
start_udevd
start_monitor /tmp/mon
load_sim
ok $? "modules load"

stat() { sed -n "s/^$1 //p" /sys/kernel/debug/faxeng/faxeng0/stats; }
seq0=$(attr seqnum)
runs0=$(stat work_runs)
ns0=$(stat work_ns)
t0=$(date +%s)
sim flap $RATE
# Meanwhile sysfs stays responsive.
slow=0
i=0
while [ $i -lt $((SECS * 10)) ]; do
	a=$(date +%s)
	attr faults >/dev/null || slow=1
	b=$(date +%s)
	[ $((b - a)) -le 1 ] || slow=1
	sleep 0.1
	i=$((i + 1))
done
sim flap 0
t1=$(date +%s)
flapped=$(cat $SIMP/flapped)
faults_none() { [ "$(attr faults)" = none ]; }
wait_for faults_none
ok $? "after the storm the jam input rests: faults none"
# Once the event numbered last clears the jam, the core has reported the
# resting input and nothing is pending.
rest_reported() {
	udevadm settle --timeout=60
	event_with /tmp/mon "FAXENG_SEQNUM=$(attr seqnum)" FAXENG_ACTIVE=0
}
wait_for rest_reported
ok $? "udev received an event clearing the jam, numbered last"
stop_monitor "FAXENG_SEQNUM=$(attr seqnum)"
ok $? "udev passed on the last event"
events=$(( $(attr seqnum) - seq0 ))
runs=$(( $(stat work_runs) - runs0 ))
work_ms=$(( ($(stat work_ns) - ns0) / 1000000 ))
elapsed=$((t1 - t0))
[ $elapsed -gt 0 ] || elapsed=1
diag "$flapped toggles, $events events in $elapsed s"
[ "$slow" = 0 ]
ok $? "sysfs reads stayed under a second during the storm"
[ "$flapped" -ge $((RATE * SECS / 10)) ]
ok $? "the storm ran: $flapped toggles (>= $((RATE * SECS / 10)))"
# The core reports at most once per 20 ms: <= 50 events a second, plus slack.
[ "$events" -le $((elapsed * 50 + 10)) ]
ok $? "events bounded: $events <= $((elapsed * 50 + 10)) for $flapped toggles"
[ "$runs" -le $((elapsed * 50 + 10)) ]
ok $? "event work runs bounded: $runs <= $((elapsed * 50 + 10))"
[ "$work_ms" -le $((elapsed * 250)) ]
ok $? "time in the event work: $work_ms ms in $elapsed s (<= 25%)"
[ "$events" -ge 1 ]
ok $? "the storm was reported ($events events)"
is "$(count_events /tmp/mon ACTION=change)" "$events" \
	"udev received every event sent"
is "$(grep '^FAXENG_CONDITION=JAM' /tmp/mon | wc -l)" "$events" \
	"every storm event is about JAM"
last=$(awk '/^FAXENG_ACTIVE=/ { a = $0 } END { print a }' /tmp/mon)
is "$last" FAXENG_ACTIVE=0 "the last event clears the jam"
unload_sim
ok $? "modules unload"
done_testing
