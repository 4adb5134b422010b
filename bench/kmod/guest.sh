#!/bin/sh
# usage: guest.sh [SECONDS] [RATE] (in the bench VM, with faxeng_bench.ko):
# prints the faxeng storm figures and the bare-uevent baseline as TAP
. /faxcare/tests/kmod/guest/lib.sh

SECS=${1:-5}
RATE=${2:-10000}
BP=/sys/module/faxeng_bench/parameters

now_ms() { awk '{ printf "%d\n", $1 * 1000 }' /proc/uptime; }
# The faxeng tracepoints, summed by hist triggers (tests/kmod/guest/lib.sh):
# faxeng_work gives each run of the event work and its time, faxeng_input
# each sensor input; faxeng0 is the simulator's engine.
work() { trace_hist_val faxeng_work id=0 "$1"; }
inputs() { trace_hist_val faxeng_input id=0 hitcount; }

load_sim && insmod "$KMOD/faxeng_bench.ko"
ok $? "faxeng, faxeng_sim and faxeng_bench load"

# The baseline: a bare kobject_uevent() loop, same boot, same kernel.
echo 5000 >$BP/uevents
base_ns=$(cat $BP/uevent_ns)
[ "$base_ns" -gt 0 ]
ok $? "baseline measured: $base_ns ns per bare uevent"
# The same, one uevent at a time with pauses, as the quiet events come.
cold=0
i=0
while [ $i -lt 40 ]; do
	echo 1 >$BP/uevents
	cold=$((cold + $(cat $BP/uevent_ns)))
	sleep 0.05
	i=$((i + 1))
done
cold_ns=$((cold / 40))
# One sensor input, as a flapping sensor's interrupt makes it.
echo 1000000 >$BP/toggles
toggle_ns=$(cat $BP/toggle_ns)
[ "$toggle_ns" -gt 0 ]
ok $? "input cost measured: $toggle_ns ns per input"

trace_hist faxeng_work keys=id:vals=hitcount,ns,events
trace_hist faxeng_input keys=id:vals=hitcount

# Quiet: one change at a time, the emit cost without a storm around it.
seq0=$(attr seqnum)
work0=$(work ns)
i=0
while [ $i -lt 40 ]; do
	sim jam $((i % 2))
	sleep 0.05
	i=$((i + 1))
done
sleep 0.1
quiet_events=$(( $(attr seqnum) - seq0 ))
quiet_ns=$(( ($(work ns) - work0) / quiet_events ))

seq0=$(attr seqnum)
work0=$(work ns)
runs0=$(work hitcount)
in0=$(inputs)
t0=$(now_ms)
sim flap "$RATE"
sleep "$SECS"
sim flap 0
t1=$(now_ms)
wait_for [ "$(attr faults)" = none ]
sleep 0.1
events=$(( $(attr seqnum) - seq0 ))
inputs=$(( $(inputs) - in0 ))
work_ns=$(( $(work ns) - work0 ))
runs=$(( $(work hitcount) - runs0 ))
[ "$events" -gt 0 ]
ok $? "the storm produced events"

awk -v ev="$events" -v in_="$inputs" -v ms="$((t1 - t0))" -v wns="$work_ns" \
	-v tns="$toggle_ns" -v base="$base_ns" -v rate="$RATE" \
	-v runs="$runs" -v qns="$quiet_ns" -v qev="$quiet_events" -v cold="$cold_ns" 'BEGIN {
	s = ms / 1000
	per_event = wns / ev
	storm = (in_ * tns + wns) / ev
	printf "# storm: %d input changes/s requested, %.0f/s delivered, %.1f s\n", rate, in_ / s, s
	printf "# events_per_second %.1f (%d events, %d work runs)\n", ev / s, ev, runs
	printf "# baseline_bare_kobject_uevent_ns %d (in a loop), %d (one at a time)\n", base, cold
	printf "# quiet_emit_cost_per_event_ns %d (ratio %.2f to the loop, %.2f to one at a time; %d events)\n", qns, qns / base, qns / cold, qev
	printf "# storm_emit_cost_per_event_ns %.0f (ratio %.2f to the loop, %.2f to one at a time)\n", per_event, per_event / base, per_event / cold
	printf "# input_cost_ns %d (ratio to bare uevent %.4f)\n", tns, tns / base
	printf "# storm_cost_per_event_ns %.0f, inputs included (ratio %.2f to the loop, %.2f to one at a time)\n", storm, storm / base, storm / cold
	printf "# storm_cpu_share %.3f%% of one CPU in faxeng\n", 100 * (in_ * tns + wns) / (ms * 1e6)
}'
rmmod faxeng_bench && unload_sim
ok $? "modules unload"
done_testing
