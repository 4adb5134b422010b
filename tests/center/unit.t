#!/usr/bin/env bash
# usage: tests/center/unit.t
# Runs the center's C unit tests (tests/center/build/*_test, built by
# tests/center/tests.mk with ASan and UBSan); each must pass cleanly.
# SPDX-License-Identifier: ISC
set -uo pipefail
. "$(dirname "$0")/../lib/tap.sh"
. "$(dirname "$0")/lib.sh"

found=0
for t in "$CENTER_TEST_BUILD"/*_test; do
	[ -x "$t" ] || continue
	found=1
	out=$("$t" "$CENTER_FIXTURES" 2>&1)
	st=$?
	ok $st "${t##*/} passes under the sanitizers"
	[ $st -eq 0 ] || diag "$out"
done
[ $found -eq 1 ]
ok $? "unit tests were built (tests/center/tests.mk)"
done_testing
