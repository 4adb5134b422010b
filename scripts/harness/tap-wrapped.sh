# shellcheck shell=bash
# For TAP tests of the scripts/with-* wrappers: run part of the test inside
# the wrapper and carry on counting outside. Source after tests/lib/tap.sh.
#
#   inside() { ...tests...; found=(facts for later); return N; }
#   tap_wrapped scripts/with-X [OPTIONS] --
#
# tap_wrapped runs this script again under the wrapper, where it calls
# inside() and exits with its status; back outside, the TAP counters go on
# from there, wrapped_rc holds the wrapper's exit status and found the facts.

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
