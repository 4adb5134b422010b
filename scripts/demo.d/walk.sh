# shellcheck shell=bash
# How scripts/demo prints the walk. Source after steps.sh.
#
#   walk_begin                start the clock (at $DEMO_T0 when set: the
#                             outermost scripts/demo sets it before the
#                             services start, so their start counts)
#   walk_step TITLE FN [ARGS] run one hop: its number, title, what it
#                             printed (indented), its time and the time
#                             since the start; a failed hop ends the demo
#   walk_note TEXT            a line between hops
# SPDX-License-Identifier: ISC

WALK_T0='' WALK_N=0

walk_begin() { WALK_T0=${DEMO_T0:-$EPOCHREALTIME}; }

walk_secs() { awk -v a="$1" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }'; }

walk_step() {
	local title=$1 t rc
	shift
	WALK_N=$((WALK_N + 1))
	printf '\n[%6ss] %d. %s\n' "$(walk_secs "$WALK_T0")" "$WALK_N" "$title"
	t=$EPOCHREALTIME
	"$@" >"$WORK/step.out" 2>&1
	rc=$?
	sed 's/^/          /' "$WORK/step.out"
	if ((rc == 0)); then
		printf '          ok, %s s\n' "$(walk_secs "$t")"
		return 0
	fi
	printf '          FAILED after %s s (status %d)\n' "$(walk_secs "$t")" "$rc"
	exit 1
}

walk_note() { printf '\n%s\n' "$*"; }
