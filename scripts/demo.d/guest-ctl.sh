#!/bin/sh
# usage: guest-ctl.sh (run by guest-terminal.sh with stdin and stdout on the
# host's control socket)
#
# Reads one shell command per line, runs it with stdout and stderr sent
# back, then sends "@@ STATUS". `quit` ends the session. Besides busybox,
# udevadm, faxcared and faxengctl the commands can use:
#   sim INPUT VALUE     write a faxeng_sim input
#   uevents             the faxeng uevents logged since the last call
#   events_settle       wait until udevd passed on faxeng0's last event
# and what /faxcare/tap.sh (tests/lib/tap.sh, in every guest) offers, e.g.
#   wait_for SECS WHAT CMD...   retry CMD until it succeeds, up to SECS s
# SPDX-License-Identifier: ISC
. /faxcare/tap.sh
SIMP=/sys/module/faxeng_sim/parameters
sim() { echo "$2" >"$SIMP/$1"; }
_seen=0
uevents() {
	_n=$(wc -l </tmp/uevents.log)
	tail -n "+$((_seen + 1))" /tmp/uevents.log | head -n "$((_n - _seen))"
	_seen=$_n
}
events_settle() {
	# The core coalesces inputs for up to 20 ms before it emits.
	sleep 0.1
	_s=$(cat /sys/class/faxeng/faxeng0/seqnum)
	[ "$_s" = 0 ] || wait_for 10 "uevent $_s" grep -qx "FAXENG_SEQNUM=$_s" /tmp/uevents.log
}
echo "@@ ready"
while IFS= read -r line; do
	[ "$line" = quit ] && { echo "@@ bye"; exit 0; }
	eval "$line" </dev/null 2>&1
	echo "@@ $?"
done
