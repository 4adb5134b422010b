# shellcheck shell=bash
# For TAP tests of the scripts/with-* wrappers: run part of the test inside
# the wrapper and carry on counting outside. Source after tests/lib/tap.sh
# and scripts/harness/service.sh.
#
#   inside() { ...tests...; found=(facts for later); return N; }
#   tap_wrapped scripts/with-X [OPTIONS] --
#
# tap_wrapped runs this script again under the wrapper, where it calls
# inside() and exits with its status; back outside, the TAP counters go on
# from there, wrapped_rc holds the wrapper's exit status and found the facts.
# SPDX-License-Identifier: ISC

tap_wrapped() {
	local state
	if [ -n "${TAP_WRAPPED_STATE:-}" ]; then
		local rc=0
		found=()
		inside || rc=$?
		echo "$_tap_n $_tap_failed ${found[*]}" >"$TAP_WRAPPED_STATE"
		exit "$rc"
	fi
	state=$(mktemp) || bail "mktemp failed"
	TAP_WRAPPED_STATE=$state "$@" "$0"
	wrapped_rc=$?
	read -r _tap_n _tap_failed found <"$state"
	read -r -a found <<<"$found"
	rm -f "$state"
}

# tap_interrupted VAR PIDFILE WRAPPER [OPTIONS] --: start WRAPPER around a
# command that reports $VAR (a directory the wrapper made) and sleeps, then
# TERM the whole process group as timeout(1) or ^C would; two TAP tests:
# the directory is gone and the PID in $VAR/PIDFILE no longer runs.
tap_interrupted() {
	local var=$1 pidfile=$2 state wrapper d pid
	shift 2
	state=$(mktemp) || bail "mktemp failed"
	setsid "$@" sh -c "echo \"\$$var\" >\"\$1\"; sleep 30" sh "$state" 2>/dev/null &
	wrapper=$!
	wait_for 10 "$var from the wrapped command" test -s "$state"
	d=$(cat "$state")
	pid=$(awk '{ print $1; exit }' "$d/$pidfile" 2>/dev/null)
	kill -TERM -- "-$wrapper"
	wait "$wrapper" 2>/dev/null
	rm -f "$state"
	[ -n "$d" ] && [ ! -e "$d" ]; ok $? "interrupted: $var is removed"
	[ -n "$pid" ] && ! pid_running "$pid"; ok $? "interrupted: the service is stopped"
}
