# shellcheck shell=sh
# Helpers for the daemon's guest scripts (busybox sh in the test VM).
#
#   host CMD...            a sink-ctl-server command on the host
#   reports                the host sink's reports (see sink-ctl-server)
#   wait_reports N PATTERN wait (30 s) until N caught reports match PATTERN
#   count_reports PATTERN  how many caught reports match PATTERN (grep -E)
#   daemon_pid             faxcared's PID, or nothing
#   daemons_of faxengN     how many faxcared processes serve that engine
#   wait_until SECS CMD... retry CMD every 0.2 s for up to SECS seconds

. /faxcare/tap.sh

SIMP=/sys/module/faxeng_sim/parameters

host() { echo "$*" | nc 10.0.2.2 "$SINKCTL_PORT"; }
reports() { host reports; }
count_reports() { reports | grep -Ec -- "$1"; }

wait_until() {
	_n=$(($1 * 5))
	shift
	while [ "$_n" -gt 0 ]; do
		"$@" && return 0
		sleep 0.2
		_n=$((_n - 1))
	done
	return 1
}

_at_least() { [ "$(count_reports "$2")" -ge "$1" ]; }
wait_reports() { wait_until 30 _at_least "$1" "$2"; }

daemon_pid() { pidof faxcared | tr ' ' '\n' | sort -n | head -1; }

daemons_of() {
	for _p in $(pidof faxcared); do
		tr '\0' ' ' <"/proc/$_p/cmdline"
		echo
	done | grep -c " $1 *\$"
}

sim() { echo "$2" >"$SIMP/$1" || bail "cannot set sim input $1 to $2"; }
