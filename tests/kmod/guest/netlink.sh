#!/bin/sh
# usage: netlink.sh (in the test VM; NLC is the nlclient path): the faxeng
# generic netlink family, GET/dump/SET/events, bad attributes, unprivileged
# SPDX-License-Identifier: ISC
. /faxcare/tests/kmod/guest/lib.sh

export ASAN_OPTIONS=detect_leaks=0
nlc() { "$NLC" "$@" 2>&1; }
field() { printf '%s\n' "$1" | sed -n "s/^$2=//p" | head -1; }

# Resolving the family loads the module: its alias
# net-pf-16-proto-16-family-faxeng, for the kernel's request_module().
[ ! -d /sys/module/faxeng ]
ok $? "faxeng is not loaded yet"
out=$(nlc dump)
is "$out" "" "resolving family faxeng succeeds; a dump finds no engine"
[ -d /sys/module/faxeng ]
ok $? "resolving the family loaded faxeng (modprobe by its alias)"
rmmod faxeng
ok $? "faxeng unloads again"

load_sim engines=2
ok $? "faxeng and faxeng_sim (2 engines) load"
# What became of each event's netlink message (faxeng_event tracepoint):
# netlink=1 sent, 0 nobody listened, negative lost.
trace_hist faxeng_event keys=netlink:vals=hitcount
nl_sent() { trace_hist_val faxeng_event netlink=1 hitcount; }

out=$(nlc get 0)
is "$(field "$out" name)" faxeng0 "GET 0: name faxeng0"
is "$(field "$out" model)" "FX-SIM 100" "GET 0: model"
is "$(field "$out" serial)" SIM0000 "GET 0: serial"
is "$(field "$out" toner_level)" 100 "GET 0: toner_level 100"
is "$(field "$out" toner_state)" 0 "GET 0: toner_state FAXENG_SUPPLY_OK"
is "$(field "$out" tray2_state)" 0 "GET 0: tray 2 ok, nested"
is "$(field "$out" drum_life)" 100 "GET 0: drum_life"
is "$(field "$out" drum_rated_pages)" 20000 "GET 0: drum_rated_pages"
is "$(field "$out" toner_low_threshold)" 10 "GET 0: toner_low_threshold"
is "$(field "$out" faults)" 0 "GET 0: no faults"
is "$(field "$out" maintenance_due)" 0 "GET 0: maintenance not due"
is "$(field "$out" seqnum)" 0 "GET 0: seqnum 0"
is "$(field "$(nlc get 1)" serial)" SIM0001 "GET 1: the second engine"
is "$(nlc get 7)" "error: ENODEV: no such engine" "GET 7: ENODEV"
like "$(nlc raw get)" "^error: EINVAL" "GET without an id: EINVAL"

out=$(nlc dump)
is "$(printf '%s\n' "$out" | grep -c '^name=')" 2 "dump: two engines"
like "$(printf '%s\n' "$out" | grep '^name=' | tr '\n' ' ')" \
	"name=faxeng0 name=faxeng1" "dump: in id order"
# The dump's own policy: no attribute, not even the do's id.
# (The extended ACK says so from 6.2 on; 6.1 gives no message there.)
like "$(nlc raw dump 1:u32:0)" "^error: EINVAL" "dump with an id: EINVAL"
like "$(nlc raw dump 5:u32:1)" "^error: EINVAL" \
	"dump with another attribute: EINVAL"
is "$(nlc raw dump | grep -c '^name=')" 2 "dump without attributes: both"

# SET: thresholds and actions, strict policy.
is "$(nlc set 0 toner_low_threshold=20)" ok "SET toner_low_threshold=20"
is "$(attr toner_low_threshold)" 20 "sysfs shows the new threshold"
is "$(field "$(nlc get 0)" toner_low_threshold)" 20 "GET shows it too"
like "$(nlc set 0 toner_low_threshold=100)" "^error: ERANGE" \
	"SET toner_low_threshold=100: ERANGE"
like "$(nlc set 0 toner_hysteresis=51)" "^error: ERANGE" \
	"SET toner_hysteresis=51: ERANGE"
like "$(nlc set 0 drum_hysteresis=51)" "^error: ERANGE" \
	"SET drum_hysteresis=51: ERANGE"
is "$(nlc set 0 toner_low_threshold=60 toner_hysteresis=40)" \
	"error: EINVAL: a threshold plus its hysteresis must stay below 100" \
	"SET toner threshold 60 + hysteresis 40: EINVAL"
is "$(nlc set 0 toner_hysteresis=3 drum_hysteresis=50 drum_near_end_threshold=50)" \
	"error: EINVAL: a threshold plus its hysteresis must stay below 100" \
	"SET drum threshold 50 + hysteresis 50: EINVAL"
like "$(nlc set 0 drum_rated_pages=0)" "^error: ERANGE" \
	"SET drum_rated_pages=0: ERANGE"
like "$(nlc set 0 action=3)" "^error: ERANGE" "SET action=3: ERANGE"
like "$(nlc raw set 1:u32:0 17:u8:5)" "^error: EINVAL" \
	"SET with a u8 where a u32 belongs: EINVAL"
like "$(nlc raw set 1:u32:0 3:str:x)" "^error: EINVAL" \
	"SET with a read-only attribute (model): EINVAL"
like "$(nlc raw set 1:u32:0 99:u32:1)" "^error: EINVAL" \
	"SET with an unknown attribute: EINVAL"
like "$(nlc raw get 1:u32:0 17:u32:5)" "^error: EINVAL" \
	"GET with a SET attribute: EINVAL"
is "$(nlc set 0)" "error: EINVAL: nothing to set" "SET with nothing: EINVAL"
is "$(nlc set 9 toner_hysteresis=3)" "error: ENODEV: no such engine" \
	"SET on no engine: ENODEV"
is "$(attr toner_low_threshold)" 20 "rejected SETs changed nothing"
is "$(attr toner_hysteresis)" 5 "toner_hysteresis unchanged (all or none)"
is "$(attr drum_hysteresis)" 5 "drum_hysteresis unchanged"
is "$(nlc set 0 drum_hysteresis=7)" ok "SET drum_hysteresis=7"
is "$(field "$(nlc get 0)" drum_hysteresis)" 7 "GET shows drum_hysteresis"
sim pages 1000
is "$(nlc set 0 action=1)" ok "SET action=drum-reset"
is "$(attr drum_pages)" 0 "drum_pages 0 after the drum reset"
is "$(attr page_count)" 1000 "page_count kept"
is "$(nlc set 0 maintenance_interval=500 drum_near_end_threshold=5)" ok \
	"SET two knobs at once"
is "$(attr maintenance_due)" 1 "1000 pages past a 500 interval: due"
is "$(nlc set 0 action=2)" ok "SET action=maintenance-done"
is "$(attr maintenance_due)" 0 "maintenance_due cleared"

# Unprivileged: GET yes, SET no.
is "$(field "$(nlc --user 65534 get 0)" name)" faxeng0 "unprivileged GET works"
like "$(nlc --user 65534 set 0 toner_low_threshold=30)" "^error: EPERM" \
	"unprivileged SET: EPERM"
is "$(attr toner_low_threshold)" 20 "unprivileged SET changed nothing"

# Events: none built without a listener; every transition reaches one.
[ "$(attr seqnum)" -gt 0 ]
ok $? "events happened before anyone listened ($(attr seqnum))"
is "$(trace_hist_val faxeng_event netlink=0 hitcount)" "$(attr seqnum)" \
	"each found nobody listening"
is "$(nl_sent)" 0 "no netlink event was built while nobody listened"
seq0=$(attr seqnum)
"$NLC" monitor 100 30 >/tmp/events 2>&1 &
mon=$!
wait_for 5 "the subscriber writing /tmp/events to subscribe" grep -q subscribed /tmp/events
ok $? "subscriber joined the events group"
step toner_level 20
step toner_level 0
step toner_missing 1
step tray 2=low
step tray 2=empty
step tray 2=missing
step jam 1
step door_open 1
step fuser_error 1
step toner_missing 0
step toner_level 100
step tray 2=ok
step jam 0
step door_open 0
step fuser_error 0
step pages 19000
step pages 1000
# Events come in seqnum order: the last one in the file means all are.
wait_for 5 "the event of the current seqnum at the subscriber" grep -q "^event seqnum=$(attr seqnum) " /tmp/events
ok $? "the subscriber got the last event (seqnum $(attr seqnum))"
kill $mon 2>/dev/null
wait $mon 2>/dev/null
for ev in toner-low toner-empty marker-supply-missing media-low media-empty \
	input-tray-missing media-jam door-open fuser-over-temp opc-near-eol \
	opc-life-over maintenance-due; do
	grep -q "reason=$ev active=1 " /tmp/events
	ok $? "netlink event: $ev raised"
done
for ev in toner-empty marker-supply-missing input-tray-missing media-jam \
	door-open fuser-over-temp; do
	grep -q "reason=$ev active=0 " /tmp/events
	ok $? "netlink event: $ev cleared"
done
grep -q "reason=media-low active=1 changed=tray2_state severity=1 alert_code=807 condition=3 name=faxeng0" /tmp/events
ok $? "netlink event: media-low carries file, severity, code, condition"
last=$(attr seqnum)
is "$(nl_sent)" "$((last - seq0))" "netlink events built only while subscribed"
is "$(grep -c '^event' /tmp/events)" "$((last - seq0))" \
	"one netlink event per transition ($((last - seq0)))"
is "$(sed -n 's/^event seqnum=\([0-9]*\).*/\1/p' /tmp/events | tr '\n' ' ')" \
	"$(seq -s ' ' $((seq0 + 1)) "$last") " "event seqnums in order, no gap"

# A listener that reads nothing, with no room left: the events it misses
# are the numbers missing from what it gets, and netlink_events_dropped
# counts them (it set NETLINK_BROADCAST_ERROR: the kernel learns of them).
is "$(attr netlink_events_dropped)" 0 "no netlink event dropped so far"
rm -f /tmp/go
"$NLC" stall /tmp/go 60 >/tmp/stall 2>&1 &
stalled=$!
wait_for 5 "the subscriber writing /tmp/stall to subscribe" grep -q subscribed /tmp/stall
ok $? "a stalled listener joined the events group"
seq0=$(attr seqnum)
for i in 1 2 3 4 5 6; do
	step jam 1
	step jam 0
done
n=$(($(attr seqnum) - seq0))
touch /tmp/go
wait $stalled
ok $? "the stalled listener read what it was left"
got=$(grep -c '^event' /tmp/stall)
dropped=$(attr netlink_events_dropped)
diag "$n events: $got received, $dropped dropped"
[ "$dropped" -gt 0 ] && [ "$got" -gt 0 ]
ok $? "some events reached it, the rest were dropped ($got, $dropped)"
is "$((got + dropped))" "$n" "every event was received or counted dropped"
grep -q '^overrun' /tmp/stall
ok $? "the listener's socket reported the overrun (ENOBUFS)"
seqs=$(sed -n 's/^event seqnum=\([0-9]*\).*/\1/p' /tmp/stall)
missing=$(seq $((seq0 + 1)) $((seq0 + n)) | grep -cvxF "$seqs")
is "$missing" "$dropped" "the seqnums it lacks are as many as were dropped"
is "$(attr netlink_events_dropped 1)" 0 "the other engine dropped none"
lost=$(($(trace_hits faxeng_event) - $(nl_sent) - \
	$(trace_hist_val faxeng_event netlink=0 hitcount)))
is "$lost" "$dropped" "the faxeng_event tracepoint shows them lost"

# GET and events order states alike. page_count only grows (here 10000
# pages a second from a timer), so an event numbered at or below a GET
# reply's seqnum may not show more pages than that reply, and one numbered
# above it may not show fewer. Toner flapping between low and empty makes event runs
# of two events (raise, clear) while GETs come as fast as they can.
sim page_rate 10000
"$NLC" monitor 1000000 8 >/tmp/order.ev 2>&1 &
mon=$!
wait_for 5 "the subscriber writing /tmp/order.ev to subscribe" grep -q subscribed /tmp/order.ev
"$NLC" poll 0 3 >/tmp/order.get 2>&1 &
poll=$!
while kill -0 $poll 2>/dev/null; do
	echo 5 >"$SIMP/toner_level" && echo 0 >"$SIMP/toner_level"
done
wait $poll
sim page_rate 0
kill $mon 2>/dev/null
wait $mon 2>/dev/null
order=$(awk '
	function val(k,  i) {
		for (i = 2; i <= NF; i++)
			if (index($i, k "=") == 1)
				return substr($i, length(k) + 2) + 0
		return -1
	}
	/^event / { s = val("seqnum"); ev[s] = val("page_count"); ne++
		    if (ne == 1 || s < lo) lo = s
		    if (ne == 1 || s > hi) hi = s }
	/^state / { ng++; gs[ng] = val("seqnum"); gp[ng] = val("page_count") }
	END {
		m = -1
		for (s = lo; s <= hi; s++) { if (s in ev && ev[s] > m) m = ev[s]; pre[s] = m }
		m = 1e18
		for (s = hi; s >= lo; s--) { if (s in ev && ev[s] < m) m = ev[s]; suf[s] = m }
		bad = 0
		for (i = 1; i <= ng; i++) {
			g = gs[i]
			if (g >= lo && pre[g > hi ? hi : g] > gp[i]) bad++
			if (g < hi && suf[g < lo ? lo : g + 1] < gp[i]) bad++
		}
		printf "%d %d %d\n", ne, ng, bad
	}' /tmp/order.ev /tmp/order.get)
set -- $order
diag "order: $1 events, $2 GET replies"
[ "$1" -gt 20 ] && [ "$2" -gt 20 ]
ok $? "events and GET replies came meanwhile ($1, $2)"
is "$3" 0 "no GET reply and event disagree on which state is newer"

unload_sim
ok $? "modules unload"
done_testing
