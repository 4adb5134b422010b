#!/usr/bin/env bash
# usage: tests/harness/each-kernel.t: scripts/vm/each-kernel runs a TAP
# command once per kernel line and prints one stream: renumbered, each line
# naming its kernel, one plan; a run that fails, exits non-zero without a
# failing line, or runs other than it planned makes the whole fail
# SPDX-License-Identifier: ISC
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
. "$top/scripts/lib.sh"
. "$top/tests/lib/tap.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# fake BEHAVIOUR: a TAP command that behaves so on the 6.12 line only.
cat >"$tmp/fake" <<'SH'
#!/bin/sh
echo "ok 1 - first"
echo "ok 2 # skip not here"
if [ "$FAXCARE_KERNEL" = 6.12 ]; then
	case $1 in
	fail) echo "not ok 3 - third" ;;
	short) echo "1..3"; exit 0 ;;
	*) echo "ok 3 - third" ;;
	esac
else
	echo "ok 3 - third"
fi
echo "1..3"
[ "$FAXCARE_KERNEL" = 6.12 ] && [ "$1" = exit ] && exit 4
exit 0
SH
chmod +x "$tmp/fake"
r61=$(kernel_release 6.1) r612=$(kernel_release 6.12)
re612=$(sed 's/[.+]/\\&/g' <<<"$r612")	# for like's grep -E

out=$("$top/scripts/vm/each-kernel" "$tmp/fake" pass)
ok $? "all pass: exits 0"
is "$out" "ok 1 - linux $r61: first
ok 2 - linux $r61 # skip not here
ok 3 - linux $r61: third
ok 4 - linux $r612: first
ok 5 - linux $r612 # skip not here
ok 6 - linux $r612: third
1..6" "all pass: renumbered, each line naming its kernel, one plan"

out=$("$top/scripts/vm/each-kernel" "$tmp/fake" fail)
ok $(( $? == 0 )) "a failing line on one kernel: exits non-zero"
like "$out" "^not ok 6 - linux $re612: third\$" "and the failing line names the kernel"

out=$("$top/scripts/vm/each-kernel" "$tmp/fake" exit)
ok $(( $? == 0 )) "a run exiting 4 without a failing line: exits non-zero"
like "$out" "^not ok 7 - linux $re612: exited 4 with no failing test\$" "and a failing line says so"
like "$out" '^1\.\.7$' "counted in the plan"

out=$("$top/scripts/vm/each-kernel" "$tmp/fake" short)
ok $(( $? == 0 )) "a run that planned 3 and ran 2: exits non-zero"
like "$out" "^not ok 6 - linux $re612: planned 3 tests, ran 2\$" "and a failing line says so"
done_testing
