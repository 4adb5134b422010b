#!/usr/bin/env bash
# usage: tests/kmod/cycles.t: 100 load/unload cycles with events in flight (VM)
# SPDX-License-Identifier: ISC
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
. "$top/tests/kmod/lib.sh"
need_built "$nlclient"
exec "$top/scripts/vm/each-kernel" "$top/scripts/vm/run" --timeout 400 --prog "$nlclient" \
	--env NLC=/faxcare/bin/nlclient "$top/tests/kmod/guest/cycles.sh" 100
