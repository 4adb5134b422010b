#!/bin/sh
# usage: /faxcare/tests/daemon/guest/faults.sh  (run in the VM by vm-faults.t)
# Reports that cannot be written, and a retry left without a queue: three
# engines, a daemon each. faxeng0's spool is a tiny tmpfs filled up
# (ENOSPC), faxeng1's is remounted read-only, faxeng2's queued report is
# removed by hand while its relay is down and a retry pending; then the
# clock is set before 2000, where the protocol refuses a report's time. In
# each fault (and with failing meter reports) the daemons' CPU time (/proc/PID/stat) stays near zero and the
# log says each backoff step once; once the fault is gone, the report held
# back arrives once.
# SPDX-License-Identifier: ISC
. /faxcare/tests/daemon/guest/lib.sh

SP=/var/spool/faxcared
WINDOW=30	# seconds of each fault measured
MAX_TICKS=30	# CPU time allowed in it, in 1/100 s (1% of the window)

mkdir -p "$SP/faxeng0" "$SP/faxeng1" "$SP/faxeng2"
mount -t tmpfs -o size=256k tmpfs "$SP/faxeng0" &&
	mount -t tmpfs -o size=1m tmpfs "$SP/faxeng1" ||
	bail "cannot mount the spools"
start_engines engines=3 trays=1

# The daemon (not its sender child: that one's parent is a faxcared) of N.
daemon_of() {
	for _p in $(pidof faxcared); do
		tr '\0' ' ' <"/proc/$_p/cmdline" | grep -q " $1 *\$" || continue
		_pp=$(awk '/^PPid:/ { print $2 }' "/proc/$_p/status")
		[ "$(cat "/proc/$_pp/comm" 2>/dev/null)" = faxcared ] || echo "$_p"
	done | sort -n | head -1
}
all_running() {
	[ -n "$(daemon_of faxeng0)" ] && [ -n "$(daemon_of faxeng1)" ] &&
		[ -n "$(daemon_of faxeng2)" ]
}
wait_for 20 "a faxcared for each engine" all_running ||
	bail "daemons: $(cat /var/log/faxcared.log)"
wait_reports 3 '^registration '
ok $? "three engines registered"

# CPU time (user + system, in clock ticks) of a process.
ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
held_back() { grep -c "$1: .*reports held back; next try in" /var/log/faxcared.log; }
# measure WHAT PID...: over WINDOW seconds, each PID's CPU time near zero.
measure() {
	_what=$1
	shift
	for _p in "$@"; do eval "_b_$_p=$(ticks "$_p")"; done
	sleep "$WINDOW"	# the measurement window, not a wait for an outcome
	for _p in "$@"; do
		eval "_used=\$((\$(ticks $_p) - _b_$_p))"
		[ "$_used" -le "$MAX_TICKS" ]
		ok $? "$_what: daemon $_p used $_used/100 s of CPU in $WINDOW s (at most $MAX_TICKS)"
	done
}

p0=$(daemon_of faxeng0)
p1=$(daemon_of faxeng1)
p2=$(daemon_of faxeng2)

# faxeng2: a report queued while the relay is down; a retry pending.
is "$(host stop)" ok "relay stopped"
failed=$(delivery_failures)
sim door_open 2:1
wait_for 10 "faxeng2's report queued" sh -c "[ -n \"\$(ls $SP/faxeng2/queue)\" ]"
one_more_failure() { [ "$(delivery_failures)" -gt "$failed" ]; }
wait_for 20 "a failed delivery" one_more_failure
ok $? "faxeng2: its report waits, a retry is pending"
rm -f "$SP/faxeng2/queue/"*
ok $? "faxeng2: the technician empties the queue by hand"

# faxeng0: its spool full.
dd if=/dev/zero of="$SP/faxeng0/fill" bs=4k 2>/dev/null
df -k "$SP/faxeng0" | awk 'NR == 2 { exit $4 != 0 }'
ok $? "faxeng0: its spool is full"
# faxeng1: its spool read-only.
mount -o remount,ro "$SP/faxeng1"
ok $? "faxeng1: its spool remounted read-only under the running daemon"
sim jam 0:1
sim jam 1:1
wait_for 10 "faxeng0's jam held back" sh -c "[ \$(grep -c 'faxeng0: media-jam: .*held back' /var/log/faxcared.log) -ge 1 ]"
ok $? "faxeng0: the jam report cannot be written; the log says so"
wait_for 10 "faxeng1's jam held back" sh -c "[ \$(grep -c 'faxeng1: media-jam: .*held back' /var/log/faxcared.log) -ge 1 ]"
ok $? "faxeng1: the same on the read-only spool"
grep 'held back' /var/log/faxcared.log | head -2 | sed 's/^/# /'
l0=$(held_back faxeng0)
l1=$(held_back faxeng1)
measure "full spool, read-only spool, queue emptied by hand" "$p0" "$p1" "$p2"
# retry-min 1s doubling to retry-max 4s: 1+2+4+4... about 9 steps in 30 s.
n0=$(($(held_back faxeng0) - l0))
n1=$(($(held_back faxeng1) - l1))
[ "$n0" -ge 3 ] && [ "$n0" -le 12 ] && [ "$n1" -ge 3 ] && [ "$n1" -le 12 ]
ok $? "one log line per backoff step: $n0 (faxeng0) and $n1 (faxeng1) in $WINDOW s"

# The faults go; each held-back report arrives once.
rm -f "$SP/faxeng0/fill"
mount -o remount,rw "$SP/faxeng1" || bail "cannot remount faxeng1's spool"
is "$(host start)" ok "relay back"
wait_reports 1 '^status media-jam .* [^ ]*SIM0000$'
ok $? "faxeng0: space freed, the jam report arrived"
wait_reports 1 '^status media-jam .* [^ ]*SIM0001$'
ok $? "faxeng1: writable again, the jam report arrived"
# A later report of each marks the end of what was held back.
sim door_open 0:1
sim door_open 1:1
wait_reports 1 '^status door-open .* [^ ]*SIM0000$'
wait_reports 1 '^status door-open .* [^ ]*SIM0001$'
is "$(count_reports '^status media-jam .* [^ ]*SIM0000$')" 1 "faxeng0: the jam report arrived exactly once"
is "$(count_reports '^status media-jam .* [^ ]*SIM0001$')" 1 "faxeng1: the jam report arrived exactly once"
grep -q 'faxeng0: reports are written again' /var/log/faxcared.log
ok $? "the log says when reports are written again"

# A clock before 2000: the protocol refuses the report's time; meter
# reports (now every 3 s, reloaded with SIGHUP) fail too.
echo "meter-report 3s" >>/etc/faxcare/faxcared.conf
kill -HUP "$p0" "$p1" "$p2"
wait_reports 1 '^meter .* [^ ]*SIM0002$'
ok $? "meter reports every 3 s after SIGHUP"
real=$(date +%s)
up0=$(cut -d. -f1 /proc/uptime)
date -s '1999-12-31 12:00:00' >/dev/null || bail "cannot set the date"
sim toner_low 0:1
wait_for 10 "the failing meter reports held back" sh -c "grep -q 'faxeng2: meter report: .*held back' /var/log/faxcared.log"
ok $? "clock in 1999: the meter reports cannot be made either"
wait_for 10 "the toner report held back" sh -c "grep -q 'faxeng0: toner-low: .*held back' /var/log/faxcared.log"
ok $? "clock in 1999: the toner report cannot be made; the log says so"
grep 'toner-low: .*held back' /var/log/faxcared.log | head -1 | sed 's/^/# /'
measure "clock in 1999" "$p0" "$p1" "$p2"
date -s "@$((real + $(cut -d. -f1 /proc/uptime) - up0))" >/dev/null ||
	bail "cannot set the date back"
wait_reports 1 '^status toner-low .* [^ ]*SIM0000$'
ok $? "clock set right: the toner report arrived"
m0=$(count_reports '^meter .* [^ ]*SIM0000$')
wait_reports $((m0 + 1)) '^meter .* [^ ]*SIM0000$'
is "$(count_reports '^status toner-low .* [^ ]*SIM0000$')" 1 "it arrived exactly once"
is "$(daemon_of faxeng0) $(daemon_of faxeng1) $(daemon_of faxeng2)" "$p0 $p1 $p2" \
	"the same three daemons ran throughout (none restarted)"
rmmod faxeng_sim
sed 's/^/# /' /var/log/faxcared.log >&2
done_testing
