# shellcheck shell=bash
# Shared by the scripts/with-* wrappers. Source it after scripts/lib.sh.
#
#   harness_setup NAME CTL   make the private directory $dir with a short
#                            path (unix sockets must stay under ~107
#                            characters) and $dir/ctl running
#                            scripts/harness/CTL $dir; on exit, interrupt or
#                            termination `$dir/ctl stop` runs and $dir goes
#   pid_running PID          true while PID exists and is not a zombie
#   stop_daemon PID [SECS]   TERM a daemon we started that is not our child
#                            (it was detached, or started by a *_CTL call),
#                            wait for it to go, KILL it after SECS (10)
# SPDX-License-Identifier: ISC

harness_setup() {
	local base=${TMPDIR:-/tmp}
	# A long TMPDIR would push socket paths past the kernel's limit.
	((${#base} > 60)) && base=/tmp
	dir=
	trap harness_cleanup EXIT
	trap 'exit 130' INT
	trap 'exit 143' TERM
	dir=$(mktemp -d "$base/fx$1.XXXXXX") || die "mktemp failed"
	printf '#!/bin/sh\nexec %q %q "$@"\n' \
		"$FAXCARE_TOP/scripts/harness/$2" "$dir" >"$dir/ctl" &&
		chmod +x "$dir/ctl" || die "cannot write $dir/ctl"
}

harness_cleanup() {
	trap - EXIT INT TERM
	[ -n "$dir" ] || return 0
	"$dir/ctl" stop
	rm -rf "$dir"
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
