#!/bin/sh
# usage: /faxcare/tests/daemon/guest/daemon.sh  (run in the VM by vm-daemon.t)
# The whole terminal in a real kernel: udevd with the project's rule starts
# faxcared when faxeng_sim appears; the sim's sensors make shortages and
# faults; the host's smtp-sink (driven through sink-ctl-server) receives.
# Then two engines, a daemon each, and GETs during a burst of changes.
# SPDX-License-Identifier: ISC
. /faxcare/tests/daemon/guest/lib.sh

start_udevd

insmod "$KMOD/faxeng.ko" && insmod "$KMOD/faxeng_sim.ko" trays=2 ||
	bail "cannot load faxeng_sim"
udevadm settle
wait_for 10 "faxcared to run" pidof faxcared >/dev/null
ok $? "udev's rule started faxcared for faxeng0 (RUN fallback without systemd)"
pid=$(daemon_pid)
[ -n "$pid" ] && like "$(tr '\0' ' ' <"/proc/$pid/cmdline")" "faxcared .*faxeng0" \
	"the daemon serves faxeng0" || ok 1 "the daemon serves faxeng0"
[ -n "$pid" ] || bail "no faxcared: $(cat /var/log/faxcared.log 2>/dev/null)"

wait_reports 1 '^registration '
is "$(count_reports '^registration ')" 1 "one registration e-mail reached the host relay"

# What a technician sees in udevadm monitor.
udevadm monitor --udev --property --subsystem-match=faxeng >/tmp/mon &
mon=$!
# Its banner's UDEV line comes once it listens.
wait_for 5 "udevadm monitor's banner" grep -q '^UDEV - ' /tmp/mon
ok $? "udevadm monitor listens (its banner)"
sim toner_level 5
sim toner_low 1
wait_for 5 "the toner-low uevent in udevadm monitor" \
	grep -q FAXENG_CONDITION=TONER_LOW /tmp/mon
kill $mon
mon=$(cat /tmp/mon)
like "$mon" "FAXENG_REASON=toner-low" "udevadm monitor --property: the IPP keyword"
like "$mon" "FAXENG_SEVERITY=warning" "udevadm monitor --property: the severity"
like "$mon" "FAXENG_TONER_LEVEL=5" "udevadm monitor --property: the level"
like "$mon" "FAXENG_ACTIVE=1" "udevadm monitor --property: raised"
like "$mon" "FAXENG_SERIAL=SIM0000" "udevadm monitor --property: the serial"

wait_reports 1 '^status toner-low '
wait_sent faxeng0 "$(report_id status toner-low)"
ok $? "the daemon logged the toner-low report sent; its queue is empty"

st=$(faxengctl status)
like "$st" "toner +low, 5%" "faxengctl status: toner low at 5%"
like "$st" "reasons +toner-low-warning" "faxengctl status: the IPP reason"
like "$st" "tray 2 +ok" "faxengctl status: the trays"
js=$(faxengctl --json status)
like "$js" '"toner_level":5,"toner_state":"low"' "faxengctl --json status: toner"
like "$js" '"keyword":"toner-low","severity":"warning","alert_code":1104' \
	"faxengctl --json status: reason with severity and alert code"

# faxengctl set and watch, as a technician uses them.
out=$(faxengctl set faxeng0 toner-low-threshold=15 toner-hysteresis=3)
is "$?" 0 "faxengctl set thresholds: exit 0"
is "$(cat /sys/class/faxeng/faxeng0/toner_low_threshold)" 15 "faxengctl set: the threshold reached the driver"
like "$(faxengctl status faxeng0)" "toner low at 15% \(hysteresis 3\)" "faxengctl status shows it"
faxengctl set faxeng0 toner-low-threshold=10 >/dev/null
faxengctl set faxeng0 colour=blue 2>/dev/null
is "$?" 2 "faxengctl set: an unknown setting is refused"
sim pages 500
faxengctl set faxeng0 drum-reset >/dev/null
is "$(cat /sys/class/faxeng/faxeng0/drum_pages)" 0 "faxengctl set drum-reset: the drum counter is 0"
# drum-hysteresis; a refused setting changes nothing and says why.
knobs=/sys/class/faxeng/faxeng0
drum_was="drum-near-end-threshold=$(cat $knobs/drum_near_end_threshold) drum-hysteresis=$(cat $knobs/drum_hysteresis)"
faxengctl set faxeng0 drum-near-end-threshold=20 drum-hysteresis=7 >/dev/null
is "$?" 0 "faxengctl set drum-hysteresis: exit 0"
is "$(cat /sys/class/faxeng/faxeng0/drum_hysteresis)" 7 "faxengctl set drum-hysteresis: it reached the driver"
like "$(faxengctl status faxeng0)" "drum near end at 20% \(hysteresis 7\)" "faxengctl status shows the drum hysteresis"
like "$(faxengctl --json status faxeng0)" '"drum_near_end_threshold":20,"drum_hysteresis":7' \
	"faxengctl --json status: drum_hysteresis"
err=$(faxengctl set faxeng0 drum-hysteresis=5 toner-low-threshold=60 toner-hysteresis=45 2>&1)
is "$?" 1 "threshold plus hysteresis of 105: faxengctl set exits 1"
like "$err" "^faxengctl: set faxeng0: a threshold plus its hysteresis must stay below 100" \
	"it prints the driver's reason"
like "$err" "nothing was changed" "and says nothing was changed"
is "$(cat /sys/class/faxeng/faxeng0/drum_hysteresis) $(cat /sys/class/faxeng/faxeng0/toner_low_threshold)" "7 10" \
	"the driver kept every knob of the refused command (all or none)"
err=$(faxengctl set faxeng0 drum-hysteresis=51 2>&1)
is "$?" 1 "drum-hysteresis=51: faxengctl set exits 1"
like "$err" "^faxengctl: set faxeng0: drum-hysteresis: .*range.*\(0\.\.50\)" \
	"out of range: it names the setting and the range the driver allows"
diag "$err"
# shellcheck disable=SC2086
faxengctl set faxeng0 $drum_was >/dev/null || bail "cannot restore $drum_was"
faxengctl watch >/tmp/watch &
w=$!
# It prints nothing before an event; it reaches select(2) once subscribed.
wait_for 5 "faxengctl watch in select(2)" in_select "$w"
ok $? "faxengctl watch is subscribed (waits in select)"

# The refill.
sim toner_level 100
sim toner_low 0
wait_reports 1 '^completion toner-low '
wait_sent faxeng0 "$(report_id completion toner-low)"
ok $? "the daemon logged the completion sent; its queue is empty"
# The refill's e-mail came later than any repeat of the shortage's could.
is "$(count_reports '^status toner-low ')" 1 "toner low: exactly one status e-mail"
kill $w
like "$(cat /tmp/watch)" "faxeng0 #[0-9]+ toner-low cleared \(warning\)" \
	"faxengctl watch: the clear, live"
status_id=$(reports | awk '$1 == "status" && $2 == "toner-low" { print $3 }')
completes=$(reports | awk '$1 == "completion" && $2 == "toner-low" { print $4 }')
is "$completes" "$status_id" "the completion names the status report"

# The relay goes down for a while; the jam report waits and arrives once.
is "$(host stop)" ok "host relay stopped"
failed=$(delivery_failures)
sim jam 1
wait_for 10 "the jam report queued" \
	sh -c 'faxengctl -c /etc/faxcare/faxcared.conf spool | grep -q "queued .*media-jam"'
ok $? "relay down: the jam report waits in the spool (faxengctl spool)"
# A few failed tries with backoff.
three_more_failures() { [ "$(delivery_failures)" -ge $((failed + 3)) ]; }
wait_for 20 "three failed tries" three_more_failures
is "$(host start)" ok "host relay back"
wait_reports 1 '^status media-jam '
wait_sent faxeng0 "$(report_id status media-jam)"
ok $? "the daemon logged the jam report sent; its queue is empty again"
is "$(count_reports '^status media-jam ')" 1 "relay back: the jam report arrived exactly once"
# The jam's e-mail came later than any repeat of the refill's could.
is "$(count_reports '^completion toner-low ')" 1 "refill: exactly one completion e-mail"

# kill -9 during a send: nothing lost, and no condition re-reported under a
# new report id.
is "$(host stop)" ok "host relay stopped again"
sim door_open 1
sim fuser_error 1
sim tray 2=empty
wait_for 10 "three reports queued" \
	sh -c '[ "$(ls /var/spool/faxcared/faxeng0/queue | wc -l)" -ge 3 ]'
ok $? "three reports queued"
pid=$(daemon_pid)
# A relay that never answers holds the sender in its session: the daemon
# dies while its sender runs.
is "$(host silent)" ok "host relay now silent after connect"
wait_for 20 "a sender child" sh -c "[ \$(pidof faxcared | wc -w) -ge 2 ]"
ok $? "a sender child runs"
kill -9 "$pid"
ok $? "kill -9 of faxcared while its sender runs"
host start >/dev/null
# Its sender dies with it (PR_SET_PDEATHSIG): no faxcared left.
wait_for 10 "the killed daemon's sender to end" sh -c '! pidof faxcared >/dev/null'
# udev starts it again, as for a newly appeared engine.
udevadm trigger --action=add --subsystem-match=faxeng
udevadm settle
wait_for 10 "faxcared to run again" pidof faxcared >/dev/null
ok $? "udev restarted faxcared"
for r in door-open fuser-over-temp media-empty; do
	wait_reports 1 "^status $r "
	n=$(reports | awk -v r="$r" '$1 == "status" && $2 == r { print $3 }' | sort -u | wc -l)
	is "$n" 1 "after kill -9: $r arrived, under one report id"
done

# faxengctl test-mail with the engine present: queued, listed, sent at once.
out=$(faxengctl test-mail faxeng0)
like "$out" "^queued test report [0-9a-f]{32} for [^ ]+ in /var/spool/faxcared/faxeng0\$" \
	"faxengctl test-mail: the report id, the center, the spool"
rid=$(echo "$out" | cut -d' ' -f4)
wait_reports 1 "^meter - $rid - - [^ ]*SIM0000\$"
ok $? "the running daemon sent the test report at once, as faxeng0's terminal"

# A wrong password: the relay answers 535; the report stays queued and the
# log says why; the fixed configuration, reloaded with SIGHUP, sends it at
# once (the backoff would wait 60 s).
cp /etc/faxcare/faxcared.conf /tmp/faxcared.conf.saved
echo "wrong horse" >/etc/faxcare/password
sed -i -e 's/^starttls .*/starttls off/' -e 's/^retry-min .*/retry-min 60s/' \
	-e 's/^retry-max .*/retry-max 120s/' /etc/faxcare/faxcared.conf
printf 'auth-user fax-front-office\nauth-password-file /etc/faxcare/password\n' \
	>>/etc/faxcare/faxcared.conf
is "$(host refuse-auth)" ok "host relay now refuses the credentials (535)"
pid=$(daemon_pid)
kill -HUP "$pid"
out=$(faxengctl test-mail faxeng0)
rid=$(echo "$out" | cut -d' ' -f4)
wait_for 15 "the refused credentials in the log" \
	grep -q "refused the credentials of auth-user fax-front-office (535" /var/log/faxcared.log
ok $? "the log names the refused credentials and the relay's 535"
grep "refused the credentials" /var/log/faxcared.log | tail -n 1 | sed 's/^/# /'
like "$(faxengctl spool faxeng0)" "faxeng0 +queued +meter +- +[^ ]+ $rid" \
	"faxengctl spool: the report is still queued"
is "$(ls /var/spool/faxcared/faxeng0/failed | wc -l)" 0 "nothing set aside in failed/"
is "$(host accept)" ok "host relay accepts again"
echo "correct horse" >/etc/faxcare/password
kill -HUP "$pid"
wait_for 10 "the test report $rid" _at_least 1 "^meter - $rid - - "
ok $? "after SIGHUP the queued report arrived within 10 s (the backoff: 60 s)"
wait_for 5 "faxeng0's queue empty" sh -c '[ -z "$(ls /var/spool/faxcared/faxeng0/queue)" ]'
ok $? "and the queue is empty"
cp /tmp/faxcared.conf.saved /etc/faxcare/faxcared.conf
kill -HUP "$pid"

# The engine goes away: so does the daemon.
rmmod faxeng_sim
wait_for 10 "faxcared to exit" sh -c '! pidof faxcared >/dev/null'
ok $? "faxcared exits when its engine is removed"

# Two engines: one daemon each, each reporting as its own terminal; now with
# reminders and meter reports.
sed -i 's/^reminder once$/reminder interval 2s/' /etc/faxcare/faxcared.conf
echo "meter-report 3s" >>/etc/faxcare/faxcared.conf
insmod "$KMOD/faxeng_sim.ko" engines=2 trays=2 || bail "cannot load two sim engines"
udevadm settle
both_served() { [ "$(daemons_of faxeng0)" -ge 1 ] && [ "$(daemons_of faxeng1)" -ge 1 ]; }
wait_for 10 "a faxcared for each engine" both_served
ok $? "udev started a faxcared for faxeng0 and one for faxeng1"
wait_reports 1 '^registration .* [^ ]*SIM0001$'
is "$(count_reports '^registration .* [^ ]*SIM0001$')" 1 "faxeng1 registered as its own terminal (serial SIM0001)"
sim door_open 1:1
wait_reports 1 '^status door-open [^ ]+ - - [^ ]*SIM0001$'
door_id=$(reports | awk '$1 == "status" && $2 == "door-open" && $5 == "-" && $6 ~ /SIM0001$/ { print $3 }')
wait_reports 1 "^status door-open [^ ]+ - $door_id [^ ]*SIM0001\$"
ok $? "the door stays open: a reminder naming the first report (reminder interval 2s)"
is "$(count_reports '^status door-open [^ ]+ - - [^ ]*SIM0001$')" 1 "faxeng1's open door: one status e-mail from faxeng1's terminal"
# By report id: the kill -9 during a send may have delivered one twice.
n=$(reports | awk '$1 == "status" && $2 == "door-open" && $4 == "-" && $5 == "-" && $6 ~ /SIM0000$/ { print $3 }' | sort -u | wc -l)
is "$n" 1 "and none more from faxeng0's (its one report from before)"
wait_reports 1 '^meter .* [^ ]*SIM0000$' && wait_reports 1 '^meter .* [^ ]*SIM0001$'
ok $? "meter reports (every 3s) from each terminal"

# Several GETs on one netlink socket, each answered with its own engine.
serials=$(faxengctl --json status faxeng1 faxeng0 faxeng1 | grep -o '"serial":"[^"]*"' | tr '\n' ' ')
is "$serials" '"serial":"SIM0001" "serial":"SIM0000" "serial":"SIM0001" ' \
	"faxengctl status faxeng1 faxeng0 faxeng1: three replies, in order"

# A burst of changes while GETs run: every reply whole and in order; the
# daemon's own GETs (udev add) answered too; the state ends consistent.
sim door_open 1:0
echo 1:200 >"$SIMP/flap" || bail "cannot flap faxeng1's jam"
bad=0
for i in 1 2 3 4 5 6 7 8 9 10; do
	out=$(faxengctl --json status faxeng1 faxeng1 faxeng1 faxeng1) || bad=$((bad + 1))
	echo "$out" | grep -o '"seqnum":[0-9]*' | cut -d: -f2 >/tmp/seq
	[ "$(grep -c . /tmp/seq)" -eq 4 ] && sort -n -c /tmp/seq 2>/dev/null || bad=$((bad + 1))
	[ "$i" -le 3 ] && udevadm trigger --action=add --sysname-match=faxeng1
done
echo 1:0 >"$SIMP/flap"
[ "$(cut -d' ' -f2 "$SIMP/flapped")" -gt 50 ]
ok $? "faxeng1's jam input flapped meanwhile (flapped: $(cat "$SIMP/flapped"))"
is "$bad" 0 "during the burst: ten faxengctl runs, four GET replies each, seqnums in order"
sim jam 1:1
wait_reports 1 '^status media-jam [^ ]+ - - [^ ]*SIM0001$'
sim jam 1:0
wait_reports 1 '^completion media-jam .* [^ ]*SIM0001$'
# Then a later e-mail of another kind from faxeng1: its next meter report.
m=$(count_reports '^meter .* [^ ]*SIM0001$')
wait_reports $((m + 1)) '^meter .* [^ ]*SIM0001$'
meter_id=$(reports | awk '$1 == "meter" && $6 ~ /SIM0001$/ { id = $3 } END { print id }')
wait_sent faxeng1 "$meter_id"
ok $? "faxeng1's next meter report was sent after the jam's completion; its queue is empty"
is "$(count_reports '^status media-jam [^ ]+ - - [^ ]*SIM0001$')" 1 "after the burst: one jam status from faxeng1"
is "$(count_reports '^completion media-jam .* [^ ]*SIM0001$')" 1 "and one completion"
like "$(faxengctl status faxeng1)" "reasons +none" "faxengctl status faxeng1: nothing active"
if grep -q "netlink" /var/log/faxcared.log; then
	ok 1 "no netlink error in the daemons' log"
	grep "netlink" /var/log/faxcared.log | sed 's/^/# /'
else
	ok 0 "no netlink error in the daemons' log"
fi
rmmod faxeng_sim
grep -c . /var/log/faxcared.log >/dev/null 2>&1 && sed 's/^/# /' /var/log/faxcared.log >&2
done_testing
