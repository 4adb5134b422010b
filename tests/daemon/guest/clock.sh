#!/bin/sh
# usage: /faxcare/tests/daemon/guest/clock.sh  (run in the VM by vm-clock.t)
# The guest's clock stepped a day forward and a day back (date -s) while
# conditions are held (within their hold time), pending (a retry waiting)
# and queued (the relay down): damping still holds, nothing is sent early or
# stuck, the queue goes out in the order it was written, nothing is sent
# twice, and a restart after each jump repairs nothing and completes
# nothing a second time.
# SPDX-License-Identifier: ISC
. /faxcare/tests/daemon/guest/lib.sh

HOLD=8		# the configuration's hold time (vm-clock.t)
LOG=/var/log/faxcared.log
start_engines trays=1
wait_for 10 "faxcared to run" pidof faxcared >/dev/null ||
	bail "no faxcared: $(cat $LOG 2>/dev/null)"
wait_reports 1 '^registration '
ok $? "registered"

uptime_s() { cut -d. -f1 /proc/uptime; }
step_clock() { date -s "@$(($(date +%s) + $1))" >/dev/null || bail "date -s failed"; }
# Restart the daemon as udev does for an engine that (re)appears.
# It has read its state and the queue once it logs "serving".
servings() { grep -c 'faxeng0: serving ' $LOG; }
served_since() { [ "$(servings)" -gt "$1" ]; }
restart() {
	_pid=$(daemon_pid)
	_n=$(servings)
	kill "$1" "$_pid"
	wait_for 10 "faxcared $_pid to end" sh -c "! kill -0 $_pid 2>/dev/null"
	udevadm trigger --action=add --subsystem-match=faxeng
	wait_for 10 "faxcared to serve again" served_since "$_n"
}
in_queue() { faxengctl spool faxeng0 | grep -c "queued .*$1"; }
sent_line() { grep -n "sent [^ ]*-$1\$" $LOG | cut -d: -f1 | head -1; }

# Held: a blip shorter than the hold, the clock a day forward meanwhile;
# and a door that stays open.
t0=$(uptime_s)
sim jam 1
sim door_open 1
# The daemon takes the events (in milliseconds) before the clock moves:
# a stimulus's order, not a wait for an outcome.
sleep 1
step_clock 86400
diag "clock set a day forward: $(date)"
sleep 2		# the jam's blip: 3 s, shorter than the hold
sim jam 0
wait_reports 1 '^status door-open '
took=$(($(uptime_s) - t0))
[ "$took" -ge "$HOLD" ]
ok $? "clock a day forward: the door report came after its hold (${took} s >= $HOLD s), not at the jump"
is "$(count_reports '^status media-jam ')" 0 "the jam's blip, shorter than the hold, sent nothing"

# Held: the clock a day back while the toner runs low.
t0=$(uptime_s)
sim toner_level 5
sim toner_low 1
sleep 1		# as above
step_clock -86400
diag "clock set a day back: $(date)"
wait_reports 1 '^status toner-low '
ok $? "clock a day back: the toner report is not stuck for a day"
took=$(($(uptime_s) - t0))
[ "$took" -ge "$HOLD" ]
ok $? "and came after its hold (${took} s >= $HOLD s)"

# Queued: the relay down; the fuser's status queued, the clock a day back,
# then its completion queued; a restart; the relay back.
is "$(host stop)" ok "relay stopped"
sim fuser_error 1
wait_for 20 "the fuser report queued" sh -c "[ \$(faxengctl spool faxeng0 | grep -c 'queued .*fuser') -ge 1 ]"
ok $? "the fuser status report waits in the queue"
step_clock -86400
diag "clock set a day back: $(date)"
sim fuser_error 0
wait_for 20 "the completion queued" sh -c "[ \$(faxengctl spool faxeng0 | grep -c 'queued .*fuser') -ge 2 ]"
ok $? "its completion waits behind it"
faxengctl spool faxeng0 | sed 's/^/# /'
restart -TERM
ok $? "faxcared stopped and started again, the relay still down"
grep -q "repaired from the queue after a crash" $LOG
ok $((!$?)) "no 'repaired after a crash' line: there was no crash"
is "$(host start)" ok "relay back"
wait_reports 1 '^completion fuser-over-temp '
fid=$(report_id status fuser-over-temp)
cid=$(report_id completion fuser-over-temp)
wait_sent faxeng0 "$cid"
s_at=$(sent_line "$fid")
c_at=$(sent_line "$cid")
[ -n "$s_at" ] && [ -n "$c_at" ] && [ "$s_at" -lt "$c_at" ]
ok $? "the status went before its completion, as queued (log lines $s_at, $c_at)"

# Pending: the relay down, a report queued and its retry waiting; the clock
# a day forward, then a crash (kill -9) and a restart.
is "$(host stop)" ok "relay stopped again"
failed=$(delivery_failures)
sim tray 1=empty
wait_for 20 "the paper report queued" sh -c "[ \$(faxengctl spool faxeng0 | grep -c 'queued .*media-empty') -ge 1 ]"
one_more_failure() { [ "$(delivery_failures)" -gt "$failed" ]; }
wait_for 20 "a failed delivery" one_more_failure
ok $? "the paper report waits, its retry pending"
step_clock 86400
diag "clock set a day forward: $(date)"
restart -9
ok $? "faxcared killed (-9) and started again"
is "$(host start)" ok "relay back"
wait_reports 1 '^status media-empty '
ok $? "the paper report arrived"

# Then a last report marks the end: nothing more of the earlier ones.
sim door_open 0
wait_reports 1 '^completion door-open '
wait_sent faxeng0 "$(report_id completion door-open)"
is "$(count_reports '^status door-open ')" 1 "one door status report"
is "$(count_reports '^status toner-low ')" 1 "one toner status report, through the restarts"
is "$(count_reports '^status fuser-over-temp ')" 1 "one fuser status report"
is "$(count_reports '^completion fuser-over-temp ')" 1 "one fuser completion, through the restarts"
is "$(count_reports '^status media-empty ')" 1 "one paper status report"
is "$(count_reports '^completion door-open ')" 1 "one door completion"
rmmod faxeng_sim
sed 's/^/# /' $LOG >&2
done_testing
