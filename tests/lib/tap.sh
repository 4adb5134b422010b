# shellcheck shell=sh
# TAP helpers for test scripts, host (bash) and guest (busybox sh) alike.
#
#   . tests/lib/tap.sh
#   plan 3                      or   done_testing at the end
#   ok "$cond_exit_status" "description"   e.g.  [ -e f ]; ok $? "f exists"
#   is "$got" "$expected" "description"
#   like "$got" "pattern" "description"    (grep -E pattern)
#   diag "text"  /  bail "reason"
#   wait_for SECS "what" COMMAND...   poll until COMMAND succeeds
#
# The script's exit status is non-zero when any test failed.
# SPDX-License-Identifier: ISC

_tap_n=0
_tap_failed=0

plan() { echo "1..$1"; }

ok() {
	_tap_n=$((_tap_n + 1))
	if [ "$1" -eq 0 ]; then
		echo "ok $_tap_n - $2"
	else
		echo "not ok $_tap_n - $2"
		_tap_failed=$((_tap_failed + 1))
	fi
}

is() {
	if [ "$1" = "$2" ]; then
		ok 0 "$3"
	else
		ok 1 "$3"
		diag "got:      '$1'"
		diag "expected: '$2'"
	fi
}

like() {
	# grep reads all its input (no -q): an early exit would SIGPIPE printf,
	# and under pipefail a match would then count as a failure.
	if printf '%s\n' "$1" | grep -E -- "$2" >/dev/null; then
		ok 0 "$3"
	else
		ok 1 "$3"
		diag "got:      '$1'"
		diag "expected to match: '$2'"
	fi
}

unlike() {
	if printf '%s\n' "$1" | grep -E -- "$2" >/dev/null; then
		ok 1 "$3"
		diag "got:      '$1'"
		diag "expected not to match: '$2'"
	else
		ok 0 "$3"
	fi
}

diag() { printf '%s\n' "$*" | sed 's/^/# /' >&2; }

bail() { echo "Bail out! $*"; exit 255; }

done_testing() {
	echo "1..$_tap_n"
	[ "$_tap_failed" -eq 0 ]
}

tap_exit() { [ "$_tap_failed" -eq 0 ]; }

# wait_for SECS WHAT COMMAND [ARGS...]: run COMMAND every 0.1 s until it
# succeeds (status 0); after SECS seconds say "# timed out after SECS s
# waiting for WHAT" and return 1. Use it wherever a test would sleep for an
# outcome; for "nothing more arrives", wait for a marker known to come
# after, then check.
wait_for() {
	_wf_secs=$1 _wf_what=$2
	shift 2
	_wf_tries=$((_wf_secs * 10))
	until "$@"; do
		_wf_tries=$((_wf_tries - 1))
		if [ "$_wf_tries" -le 0 ]; then
			diag "timed out after $_wf_secs s waiting for $_wf_what"
			return 1
		fi
		sleep 0.1
	done
	return 0
}
