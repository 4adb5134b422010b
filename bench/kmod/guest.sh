#!/bin/sh
# usage: guest.sh [SECONDS] [RATE] [ROUNDS] [PAIRS] (in the bench VM, with
# faxeng_bench.ko): prints the faxeng figures and the bare-uevent baseline
# as TAP
# SPDX-License-Identifier: ISC
. /faxcare/tests/kmod/guest/lib.sh

SECS=${1:-5}
RATE=${2:-10000}
ROUNDS=${3:-5}
PAIRS=${4:-25}
BP=/sys/module/faxeng_bench/parameters
EV=$TRACEFS/events/faxeng/faxeng_work

now_ms() { awk '{ printf "%d\n", $1 * 1000 }' /proc/uptime; }
# The faxeng tracepoints, summed by hist triggers (tests/kmod/guest/lib.sh):
# faxeng_work gives each run of the event work and its time, faxeng_input
# each sensor input; faxeng0 is the simulator's engine.
work() { trace_hist_val faxeng_work id=0 "$1"; }
inputs() { trace_hist_val faxeng_input id=0 hitcount; }
# median FILE: the median of the numbers in FILE, one a line
median() {
	sort -n "$1" | awk '{ v[NR] = $1 }
		END { if (NR % 2) print v[(NR + 1) / 2];
		      else printf "%d\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

load_sim && insmod "$KMOD/faxeng_bench.ko"
ok $? "faxeng, faxeng_sim and faxeng_bench load"

# A bare kobject_uevent() loop, warm: for reference only, not the baseline.
echo 5000 >$BP/uevents
loop_ns=$(cat $BP/uevent_ns)
[ "$loop_ns" -gt 0 ]
ok $? "bare uevent loop measured: $loop_ns ns per uevent"
# One sensor input, as a flapping sensor's interrupt makes it.
echo 1000000 >$BP/toggles
toggle_ns=$(cat $BP/toggle_ns)
[ "$toggle_ns" -gt 0 ]
ok $? "input cost measured: $toggle_ns ns per input"

# One at a time, both sides alike: a work item on system_wq sends one
# uevent and times itself from the start of its work function to its end.
# The baseline is faxeng_bench's: one bare kobject_uevent(KOBJ_CHANGE) of a
# class device. The faxeng side is the event work after one jam change:
# snapshot, state keys, one change uevent, the netlink check, as its
# faxeng_work tracepoint gives it (timed before the tracepoint fires, so
# tracing is outside the figure). Pairs alternate, each side after a 50 ms
# pause (more than the work's 20 ms holdoff); a warm-up round is dropped;
# each round gives the median of each side and their ratio.
[ -d $TRACEFS/events ] || mount -t tracefs tracefs $TRACEFS
echo 0 >$TRACEFS/tracing_on
echo >$TRACEFS/trace
echo 1 >$EV/enable
echo 1 >$TRACEFS/tracing_on
bad=0
jam=1
r=0
while [ $r -le "$ROUNDS" ]; do
	: >/tmp/bare
	echo >$TRACEFS/trace
	i=0
	while [ $i -lt "$PAIRS" ]; do
		sleep 0.05
		echo 1 >$BP/uevent_work || bad=1
		cat $BP/uevent_work_ns >>/tmp/bare
		sleep 0.05
		seq0=$(attr seqnum)
		sim jam $jam
		jam=$((1 - jam))
		wait_for 5 "an event numbered above $seq0" seqnum_after "$seq0" || bad=1
		i=$((i + 1))
	done
	sleep 0.05
	# The simulator's engine, runs that sent one event each.
	sed -n 's/.*faxeng_work: faxeng0 events=1 ns=\([0-9]*\).*/\1/p' \
		$TRACEFS/trace >/tmp/fax
	n=$(wc -l </tmp/fax)
	[ "$n" -eq "$PAIRS" ] || bad=1
	if [ $r -gt 0 ]; then
		echo "$r $(median /tmp/bare) $(median /tmp/fax) $n" >>/tmp/rounds
	fi
	r=$((r + 1))
done
echo 0 >$EV/enable
[ $bad -eq 0 ]
ok $? "$ROUNDS rounds of $PAIRS pairs, one faxeng event per pair"

trace_hist faxeng_work keys=id:vals=hitcount,ns,events
trace_hist faxeng_input keys=id:vals=hitcount

seq0=$(attr seqnum)
work0=$(work ns)
runs0=$(work hitcount)
in0=$(inputs)
t0=$(now_ms)
sim flap "$RATE"
sleep "$SECS"
sim flap 0
t1=$(now_ms)
wait_for 5 "no fault left" [ "$(attr faults)" = none ]
sleep 0.1
events=$(( $(attr seqnum) - seq0 ))
inputs=$(( $(inputs) - in0 ))
work_ns=$(( $(work ns) - work0 ))
runs=$(( $(work hitcount) - runs0 ))
[ "$events" -gt 0 ]
ok $? "the storm produced events"

awk '{ print $2 }' /tmp/rounds >/tmp/col && base=$(median /tmp/col)
awk '{ print $3 }' /tmp/rounds >/tmp/col && fax=$(median /tmp/col)
awk '{ printf "%.4f\n", $3 / $2 }' /tmp/rounds >/tmp/col
ratio=$(sort -n /tmp/col | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')
awk '{ printf "# round %d: bare uevent %d ns, faxeng event %d ns (medians of %d), ratio %.2f\n", $1, $2, $3, $4, $3 / $2 }' /tmp/rounds
awk -v ev="$events" -v in_="$inputs" -v ms="$((t1 - t0))" -v wns="$work_ns" \
	-v tns="$toggle_ns" -v loop="$loop_ns" -v rate="$RATE" -v runs="$runs" \
	-v base="$base" -v fax="$fax" -v ratio="$ratio" -v rounds="$ROUNDS" 'BEGIN {
	s = ms / 1000
	per_event = wns / ev
	storm = (in_ * tns + wns) / ev
	printf "# baseline_bare_uevent_ns %d (one kobject_uevent from a work item, median of %d round medians)\n", base, rounds
	printf "# quiet_event_ns %d (the event work for one change event, median of %d round medians)\n", fax, rounds
	printf "# quiet_ratio %.2f (median of the %d rounds'\'' ratios)\n", ratio, rounds
	printf "# bare_uevent_loop_ns %d (warm, back to back; reference only)\n", loop
	printf "# storm: %d input changes/s requested, %.0f/s delivered, %.1f s\n", rate, in_ / s, s
	printf "# events_per_second %.1f (%d events, %d work runs)\n", ev / s, ev, runs
	printf "# storm_emit_cost_per_event_ns %.0f (ratio %.2f to the baseline)\n", per_event, per_event / base
	printf "# input_cost_ns %d (ratio to the baseline %.4f)\n", tns, tns / base
	printf "# storm_cost_per_event_ns %.0f, inputs included (ratio %.2f to the baseline)\n", storm, storm / base
	printf "# storm_cpu_share %.3f%% of one CPU in faxeng\n", 100 * (in_ * tns + wns) / (ms * 1e6)
}'
rmmod faxeng_bench && unload_sim
ok $? "modules unload"
done_testing
