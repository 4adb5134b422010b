#!/bin/sh
# usage: /faxcare/tests/daemon/guest/identity.sh  (run in the VM by vm-identity.t)
# Two engines, each its own terminal with its own key (key-file
# /etc/faxcare/%e.key), the daemons started by udev through faxcared-start
# as root and running as faxcare, their senders too; faxeng0's wrong key
# put right in place and reloaded with SIGHUP. The host's smtp-sink catches
# the reports and checks each signature with the key the center derives
# for its terminal id (sink-ctl-server verify).
# SPDX-License-Identifier: ISC
. /faxcare/tests/daemon/guest/lib.sh

start_udevd
uid=$(id -u faxcare) || bail "no faxcare user in the guest"

# the_daemon faxengN: the daemon's PID (its sender is its child).
the_daemon() {
	for _p in $(pidof faxcared); do
		_pp=$(awk '/^PPid:/ { print $2 }' "/proc/$_p/status")
		tr '\0' ' ' <"/proc/$_p/cmdline" | grep -q " $1 *\$" || continue
		pidof faxcared | tr ' ' '\n' | grep -qx "$_pp" || echo "$_p"
	done
}
# the_sender PID: the daemon's child, if one runs.
the_sender() {
	for _p in $(pidof faxcared); do
		[ "$(awk '/^PPid:/ { print $2 }' "/proc/$_p/status")" = "$1" ] && echo "$_p"
	done
}
# ids PID: "real effective saved fs" uids and gids, on one line.
ids() { awk '/^(Uid|Gid):/ { printf "%s%s %s %s %s", s, $2, $3, $4, $5; s = " " }' "/proc/$1/status"; }
# verified N PATTERN: wait (10 s) until N lines of the sink's verdicts
# match (smtp-sink may still be writing the newest message).
_verdicts() { [ "$(host verify | grep -Ec -- "$2")" -eq "$1" ]; }
verified() { wait_for 10 "$1 verdict(s) '$2'" _verdicts "$1" "$2"; }

insmod "$KMOD/faxeng.ko" && insmod "$KMOD/faxeng_sim.ko" engines=2 ||
	bail "cannot load two sim engines"
udevadm settle
both() { [ -n "$(the_daemon faxeng0)" ] && [ -n "$(the_daemon faxeng1)" ]; }
wait_for 15 "a faxcared for each engine" both
ok $? "udev started a faxcared for faxeng0 and one for faxeng1"
d0=$(the_daemon faxeng0)
d1=$(the_daemon faxeng1)
[ -n "$d0" ] && [ -n "$d1" ] || bail "no daemons: $(cat /var/log/faxcared.log)"
is "$(ids "$d0")" "$uid $uid $uid $uid $uid $uid $uid $uid" \
	"faxeng0's daemon runs as faxcare (uid $uid): real, effective, saved, fs"
is "$(ids "$d1")" "$uid $uid $uid $uid $uid $uid $uid $uid" "and faxeng1's"
like "$(stat -c %U /var/spool/faxcared/faxeng0 /var/spool/faxcared/faxeng1 | sort -u)" "^faxcare\$" \
	"each engine's spool belongs to faxcare"

wait_reports 1 '^registration .* [^ ]*SIM0000$' && wait_reports 1 '^registration .* [^ ]*SIM0001$'
ok $? "each engine registered as its own terminal (SIM0000, SIM0001)"
verified 1 '^registration .* FX-SIM-100-SIM0001 verified$'
ok $? "faxeng1's registration verifies with the key derived for FX-SIM-100-SIM0001"

# The sender, caught in its SMTP session by a relay that never answers.
is "$(host silent)" ok "host relay now silent after connect"
sim door_open 1:1
has_sender() { [ -n "$(the_sender "$1")" ]; }
wait_for 20 "faxeng1's sender" has_sender "$d1"
s1=$(the_sender "$d1")
[ -n "$s1" ] && is "$(ids "$s1")" "$uid $uid $uid $uid $uid $uid $uid $uid" \
	"the sender talking to the relay runs as faxcare, not root" ||
	ok 1 "the sender talking to the relay runs as faxcare, not root"
grep -q "^Groups:[[:space:]]*$uid[[:space:]]*\$" "/proc/${s1:-0}/status"
ok $? "with faxcare's group alone"
# Its port may take a moment to be free again: start is idempotent.
relay_back() { [ "$(host start)" = ok ]; }
wait_for 30 "the host relay back" relay_back
ok $? "host relay back"
wait_reports 1 '^status door-open [^ ]+ - - [^ ]*SIM0001$'
verified 1 '^status door-open .* FX-SIM-100-SIM0001 verified$'
ok $? "faxeng1's door-open report verifies at the center's key"
# By now faxeng0's registration is long written whole.
verified 1 '^registration .* FX-SIM-100-SIM0000 refused$'
ok $? "faxeng0's registration, signed with a wrong key file, does not"

# faxeng0's key put right in place (root's file, 0600): SIGHUP reloads it
# though the daemon no longer runs as root.
cat /etc/faxcare/faxeng0.key.right >/etc/faxcare/faxeng0.key
kill -HUP "$d0"
wait_for 10 "the reload in the log" grep -q "key-file /etc/faxcare/faxeng0.key reloaded" /var/log/faxcared.log
ok $? "faxeng0's daemon reloaded its key on SIGHUP"
sim door_open 0:1
wait_reports 1 '^status door-open [^ ]+ - - [^ ]*SIM0000$'
verified 1 '^status door-open .* FX-SIM-100-SIM0000 verified$'
ok $? "faxeng0's next report verifies with the key derived for FX-SIM-100-SIM0000"
is "$(the_daemon faxeng0)" "$d0" "the same daemon: no restart"

rmmod faxeng_sim
wait_for 10 "the daemons to exit" sh -c '! pidof faxcared >/dev/null'
ok $? "both daemons exit when their engines are removed"
sed 's/^/# /' /var/log/faxcared.log >&2
done_testing
