#!/usr/bin/env bash
# usage: tests/center/unit.t
# Runs the center's C unit tests (center/build/tests/*_test, built by
# `make -C center tests` with ASan and UBSan); each must pass cleanly.
set -uo pipefail
. "$(dirname "$0")/../lib/tap.sh"
. "$(dirname "$0")/lib.sh"

found=0
for t in "$CENTER_BUILD"/tests/*_test; do
	[ -x "$t" ] || continue
	found=1
	out=$("$t" "$CENTER_FIXTURES" 2>&1)
	st=$?
	ok $st "${t##*/} passes under the sanitizers"
	[ $st -eq 0 ] || diag "$out"
done
[ $found -eq 1 ]
ok $? "unit tests were built (make -C center tests)"
done_testing
