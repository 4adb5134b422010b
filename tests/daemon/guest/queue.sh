#!/bin/sh
# usage: /faxcare/tests/daemon/guest/queue.sh  (run in the VM by vm-queue.t)
# The queue against crashes and time: a report leaves only once the state
# remembers it; a report too old for the center is replaced, not sent.
# SPDX-License-Identifier: ISC
. /faxcare/tests/daemon/guest/lib.sh

S=/var/spool/faxcared/faxeng0
LOG=/var/log/faxcared.log
mkdir -p /var/spool /var/log
insmod /faxcare/kmod/faxeng.ko && insmod /faxcare/kmod/faxeng_sim.ko trays=2 ||
	bail "cannot load faxeng_sim"
start() { setsid faxcared -d faxeng0 </dev/null >>$LOG 2>&1 & }
queue_empty() { [ -z "$(ls $S/queue)" ]; }
start
wait_reports 1 '^registration '
wait_for 10 "the queue empty" queue_empty

# The state cannot be replaced (a directory took its name): the report is
# spooled, its state is not saved.
mv $S/state $S/state.kept && mkdir -p $S/state/x || bail "cannot break the state"
sim door_open 1
wait_for 15 "the daemon holding the queue" \
	grep -q "the queue waits until the state is saved" $LOG
ok $? "the state could not be saved: the daemon holds the queue and says so"
grep "saving state\|queue waits" $LOG | head -n 2 | sed 's/^/# /'
is "$(ls $S/queue | wc -l)" 1 "the door-open report waits in the queue"
is "$(count_reports '^status door-open ')" 0 "and has not been sent"
# A crash before the save, as on a power cut: the old state comes back.
kill -9 "$(daemon_pid)"
wait_for 10 "the daemon gone" sh -c '! pidof faxcared >/dev/null'
rm -r $S/state && mv $S/state.kept $S/state || bail "cannot mend the state"
start
wait_reports 1 '^status door-open '
# A later report: a second door-open one would have come before it.
sim jam 1
wait_reports 1 '^status media-jam '
wait_sent faxeng0 "$(report_id status media-jam)"
ok $? "restarted, it sent the queued report and a later one; its queue is empty"
n=$(reports | awk '$1 == "status" && $2 == "door-open" { print $3 }' | sort -u | wc -l)
is "$n" 1 "the center got the open door under one report id"
grep -q "state repaired from the queue" $LOG
ok $? "the restart adopted the queued report (state repaired from the queue)"

# Too old: the toner report waits while the relay is down; the clock then
# says 11 days later (the center accepts 10).
is "$(host stop)" ok "host relay stopped"
sim toner_level 5
sim toner_low 1
wait_for 10 "the toner report queued" \
	sh -c 'faxengctl spool faxeng0 | grep -q "queued .*toner-low"'
old=$(faxengctl spool faxeng0 | awk '$2 == "queued" && $4 == "toner-low" { print $6 }')
like "$old" '^[0-9a-f]{32}$' "relay down: toner-low report $old queued"
date -s "@$(($(date +%s) + 11 * 86400))" >/dev/null || bail "cannot set the clock"
wait_for 20 "the old report set aside" \
	grep -q "queue entry [^ ]*-$old: written .* older than the center accepts" $LOG
ok $? "11 days later: the log says the report is older than the center accepts"
grep "queue entry [^ ]*-$old" $LOG | sed 's/^/# /'
is "$(host start)" ok "host relay back"
wait_reports 1 '^status toner-low '
fresh=$(report_id status toner-low)
wait_sent faxeng0 "$fresh"
ok $? "a fresh toner-low report $fresh was sent in its place"
is "$(count_reports "^status toner-low $old ")" 0 "the old report was not sent into silence"
is "$(count_reports '^status toner-low ')" 1 "one toner-low report reached the center"
like "$(faxengctl spool faxeng0)" "faxeng0: 0 queued, 1 failed \(1 too old for the center" \
	"faxengctl spool counts it as too old"
like "$(faxengctl spool faxeng0)" "faxeng0 +failed +status +toner-low .* $old" \
	"and lists it in failed/"
out=$(faxengctl spool requeue "$old" 2>&1)
like "$out" "not requeued: written .* older than the center accepts" \
	"faxengctl spool requeue refuses it, saying why"
sim toner_level 100
sim toner_low 0
wait_reports 1 '^completion toner-low '
is "$(reports | awk '$1 == "completion" && $2 == "toner-low" { print $4 }')" "$fresh" \
	"the refill's completion names the fresh report, the one the center has"
kill "$(daemon_pid)"
sed 's/^/# /' $LOG >&2
done_testing
