# shellcheck shell=bash
# Shared by the scripts/with-* wrappers. Source it after scripts/lib.sh.
#
#   harness_tmpdir NAME      make a private directory with a short path
#                            (unix sockets must stay under ~107 characters)
#   pid_running PID          true while PID exists and is not a zombie
#   stop_daemon PID [SECS]   TERM a daemon we started that is not our child
#                            (it was detached, or started by a *_CTL call),
#                            wait for it to go, KILL it after SECS (10)

harness_tmpdir() {
	local base=${TMPDIR:-/tmp}
	# A long TMPDIR would push socket paths past the kernel's limit.
	((${#base} > 60)) && base=/tmp
	mktemp -d "$base/fx$1.XXXXXX"
}

pid_running() {
	local state
	# An orphan lingers as a zombie until init reaps it: that counts as gone.
	state=$(awk '{ print $3 }' "/proc/$1/stat" 2>/dev/null) || return 1
	[ -n "$state" ] && [ "$state" != Z ] && [ "$state" != X ]
}

stop_daemon() {
	local pid=$1 tries=$(( ${2:-10} * 20 ))
	[ -n "$pid" ] || return 0
	kill -TERM "$pid" 2>/dev/null || return 0
	while ((tries-- > 0)); do
		pid_running "$pid" || return 0
		sleep 0.05
	done
	kill -KILL "$pid" 2>/dev/null
	while pid_running "$pid"; do sleep 0.05; done
	return 0
}
