# shellcheck shell=bash
# usage: . tests/proto/unit.sh; run_unit NAME [ARGS...]
# Runs one proto unit test, built with ASan/UBSan by `make check-build`
# (tests/proto/tests.mk); one that is not built is a failing test, never a
# skip.
# SPDX-License-Identifier: ISC
TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)

run_unit() {
	local name=$1 prog
	shift
	prog=$TOP/tests/build/proto/$name
	if [ ! -x "$prog" ]; then
		echo "1..1"
		echo "not ok 1 - proto unit test $name is built (make check-build)"
		exit 1
	fi
	exec "$prog" "$@"
}
