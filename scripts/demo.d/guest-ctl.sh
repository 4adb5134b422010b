#!/bin/sh
# usage: guest-ctl.sh (run by guest-terminal.sh with stdin and stdout on the
# host's control socket)
#
# Reads one shell command per line, runs it with stdout and stderr sent
# back, then sends "@@ STATUS". `quit` ends the session. Besides busybox,
# udevadm, faxcared and faxengctl the commands can use:
#   sim INPUT VALUE     write a faxeng_sim input
#   uevents             the faxeng uevents logged since the last call
#   wait_for SECS CMD   retry CMD every 0.2 s for up to SECS seconds
#   events_settle       wait until udevd passed on faxeng0's last event
SIMP=/sys/module/faxeng_sim/parameters
sim() { echo "$2" >"$SIMP/$1"; }
_seen=0
uevents() {
	_n=$(wc -l </tmp/uevents.log)
	tail -n "+$((_seen + 1))" /tmp/uevents.log | head -n "$((_n - _seen))"
	_seen=$_n
}
wait_for() {
	_t=$(($1 * 5))
	shift
	while [ "$_t" -gt 0 ]; do
		"$@" && return 0
		sleep 0.2
		_t=$((_t - 1))
	done
	return 1
}
events_settle() {
	# The core coalesces inputs for up to 20 ms before it emits.
	sleep 0.1
	_s=$(cat /sys/class/faxeng/faxeng0/seqnum)
	[ "$_s" = 0 ] || wait_for 10 grep -qx "FAXENG_SEQNUM=$_s" /tmp/uevents.log
}
echo "@@ ready"
while IFS= read -r line; do
	[ "$line" = quit ] && { echo "@@ bye"; exit 0; }
	eval "$line" </dev/null 2>&1
	echo "@@ $?"
done
