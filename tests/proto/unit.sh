# shellcheck shell=bash
# usage: . tests/proto/unit.sh; run_unit NAME [ARGS...]
# Builds the proto unit tests (ASan/UBSan) if needed, then runs one; a
# build failure is a failing test, never a skip.
TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)

run_unit() {
	local name=$1 log
	shift
	log=$(make -s -C "$TOP/proto" tests 2>&1) || {
		echo "1..1"
		echo "not ok 1 - proto unit tests build (make -C proto tests)"
		printf '%s\n' "$log" | sed 's/^/# /' >&2
		exit 1
	}
	exec "$TOP/proto/build/tests/$name" "$@"
}
