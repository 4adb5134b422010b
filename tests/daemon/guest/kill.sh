#!/bin/sh
# usage: /faxcare/tests/daemon/guest/kill.sh  (run in the VM by vm-kill.t)
# Fifty kill -9 at random points of a send under a stalled relay, while
# three faults come and go; then every rise has one status report id and
# every fall one completion naming it. Every fifth kill falls between a
# report's spooling and its state's save: the state file cannot be replaced
# meanwhile, the kill comes once the report was sent (or the daemon held
# the queue), and the state the crash leaves (the previous one) is put back.
# SPDX-License-Identifier: ISC
. /faxcare/tests/daemon/guest/lib.sh

S=/var/spool/faxcared/faxeng0
LOG=/var/log/faxcared.log
KILLS=50
mkdir -p /var/spool /var/log
insmod /faxcare/kmod/faxeng.ko && insmod /faxcare/kmod/faxeng_sim.ko trays=2 ||
	bail "cannot load faxeng_sim"
started=0
served() { [ "$(grep -c ': serving ' $LOG)" -gt "$started" ]; }
# Started and past its first save (its registration), as after a reboot.
start() {
	setsid faxcared -d faxeng0 </dev/null >>$LOG 2>&1 &
	wait_for 10 "faxcared serving" served || bail "faxcared did not start"
	started=$((started + 1))
}
sender_runs() { [ "$(pidof faxcared | wc -w)" -ge 2 ]; }
held() { [ "$(grep -c 'the queue waits until the state is saved' $LOG)" -gt "$1" ]; }
# The sender runs, or the daemon holds the queue for the unsaved state.
sends_or_holds() { sender_runs || held "$1"; }
save_failed() { [ "$(grep -c 'saving state' $LOG)" -gt "$1" ]; }
# The unsaved report left the queue, or the daemon holds the queue.
sent_or_held() { held "$1" || { save_failed "$2" && [ -z "$(ls $S/queue)" ]; }; }
gone() { ! pidof faxcared >/dev/null; }
start
wait_reports 1 '^registration '
is "$(host stall 1)" ok "host relay answers each DATA after a second"

# The faults and the keyword each reports under; how often each rose, fell.
set -- door_open:door-open fuser_error:fuser-over-temp jam:media-jam
for f in "$@"; do eval "up_${f%%:*}=0 rise_${f%%:*}=0 fall_${f%%:*}=0"; done
i=0 missed=0
while [ $i -lt $KILLS ]; do
	eval "f=\${$((i % 3 + 1))}"
	in=${f%%:*}
	unsaved=$((i % 5 == 4))
	holds=$(grep -c 'the queue waits until the state is saved' $LOG)
	fails=$(grep -c 'saving state' $LOG)
	if [ $unsaved -eq 1 ]; then
		mv $S/state $S/state.kept && mkdir -p $S/state/x ||
			bail "cannot break the state"
	fi
	eval "up=\$up_$in"
	if [ "$up" -eq 0 ]; then
		sim "$in" 1
		eval "up_$in=1 rise_$in=\$((rise_$in + 1))"
	else
		sim "$in" 0
		eval "up_$in=0 fall_$in=\$((fall_$in + 1))"
	fi
	if [ $unsaved -eq 1 ]; then
		wait_for 20 "the unsaved report sent, or the queue held" \
			sent_or_held "$holds" "$fails" >/dev/null ||
			missed=$((missed + 1))
	else
		# A random point of the send (the relay takes a second).
		wait_for 10 "a sender child" sends_or_holds "$holds" >/dev/null ||
			missed=$((missed + 1))
		# busybox ash has $RANDOM.
		usleep $((RANDOM % 1500 * 1000))
	fi
	kill -9 "$(daemon_pid)"
	wait_for 10 "the killed daemon and its sender gone" gone >/dev/null ||
		bail "faxcared survived kill -9"
	if [ $unsaved -eq 1 ]; then
		rm -r $S/state && mv $S/state.kept $S/state ||
			bail "cannot mend the state"
	fi
	start
	i=$((i + 1))
done
is "$missed" 0 "each of the $KILLS kills came while a sender ran (or just after), or after the unsaved report's fate"
diag "the queue held for an unsaved state $(grep -c 'the queue waits until the state is saved' $LOG) times"

# All clear, the relay prompt again; a last report marks the end.
for f in "$@"; do
	in=${f%%:*}
	eval "up=\$up_$in"
	[ "$up" -eq 1 ] && sim "$in" 0 && eval "fall_$in=\$((fall_$in + 1))"
done
# Once more if the stalled sink took long to stop (its answer came late).
acc=$(host accept)
[ "$acc" = ok ] || acc=$(host accept)
is "$acc" ok "host relay answers at once again"
rid=$(faxengctl test-mail faxeng0 | cut -d' ' -f4)
wait_for 60 "the last report $rid sent" sh -c \
	"grep -q 'sent [^ ]*-$rid\$' $LOG && [ -z \"\$(ls $S/queue)\" ]"
ok $? "the queue drained: the last report arrived"

dups=$(reports | awk '{ print $3 }' | sort | uniq -d | wc -l)
diag "reports caught: $(reports | wc -l), delivered twice under the same id: $dups"
for f in "$@"; do
	in=${f%%:*} kw=${f#*:}
	eval "rise=\$rise_$in fall=\$fall_$in"
	reports | awk -v k="$kw" '$1 == "status" && $2 == k && $5 == "-" { print $3 }' |
		sort -u >/tmp/status
	reports | awk -v k="$kw" '$1 == "completion" && $2 == k { print $4 }' |
		sort -u >/tmp/completes
	is "$(wc -l </tmp/status)" "$rise" "$kw: $rise rises, as many status report ids"
	is "$(reports | awk -v k="$kw" '$1 == "completion" && $2 == k { print $3 }' |
		sort -u | wc -l)" "$fall" "$kw: $fall falls, as many completion ids"
	is "$(sort /tmp/status /tmp/completes | uniq -u | wc -l)" 0 \
		"$kw: every status report completed, every completion of one that arrived"
done
kill "$(daemon_pid)"
done_testing
