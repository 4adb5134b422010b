#!/bin/sh
# usage: /faxcare/tests/daemon/guest/kill.sh  (run in the VM by vm-kill.t)
# Fifty kill -9 at random points of a send under a stalled relay, while
# three faults come and go; then every rise has one status report id and
# every fall one completion naming it.
# SPDX-License-Identifier: ISC
. /faxcare/tests/daemon/guest/lib.sh

S=/var/spool/faxcared/faxeng0
LOG=/var/log/faxcared.log
KILLS=50
mkdir -p /var/spool /var/log
insmod /faxcare/kmod/faxeng.ko && insmod /faxcare/kmod/faxeng_sim.ko trays=2 ||
	bail "cannot load faxeng_sim"
start() { setsid faxcared -d faxeng0 </dev/null >>$LOG 2>&1 & }
sender_runs() { [ "$(pidof faxcared | wc -w)" -ge 2 ]; }
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
	eval "up=\$up_$in"
	if [ "$up" -eq 0 ]; then
		sim "$in" 1
		eval "up_$in=1 rise_$in=\$((rise_$in + 1))"
	else
		sim "$in" 0
		eval "up_$in=0 fall_$in=\$((fall_$in + 1))"
	fi
	# A random point of the send that follows (the relay takes a second).
	wait_for 10 "a sender child" sender_runs >/dev/null || missed=$((missed + 1))
	usleep $((RANDOM % 1500 * 1000))
	kill -9 "$(daemon_pid)"
	wait_for 10 "the killed daemon and its sender gone" gone >/dev/null ||
		bail "faxcared survived kill -9"
	start
	i=$((i + 1))
done
is "$missed" 0 "each of the $KILLS kills came while a sender ran (or just after)"

# All clear, the relay prompt again; a last report marks the end.
for f in "$@"; do
	in=${f%%:*}
	eval "up=\$up_$in"
	[ "$up" -eq 1 ] && sim "$in" 0 && eval "fall_$in=\$((fall_$in + 1))"
done
is "$(host accept)" ok "host relay answers at once again"
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
	is "$(comm -3 /tmp/status /tmp/completes | wc -l)" 0 \
		"$kw: every status report completed, every completion of one that arrived"
done
kill "$(daemon_pid)"
done_testing
