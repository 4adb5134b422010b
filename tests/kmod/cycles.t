#!/usr/bin/env bash
# usage: tests/kmod/cycles.t: 100 load/unload cycles with events in flight (VM)
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
. "$top/tests/kmod/lib.sh"
kmod_tmpdir cycles
build_nlclient
"$top/scripts/vm/each-kernel" "$top/scripts/vm/run" --timeout 400 --prog "$tmp/nlclient" \
	--env "NLC=$tmp/nlclient" "$top/tests/kmod/guest/cycles.sh" 100
