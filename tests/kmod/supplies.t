#!/usr/bin/env bash
# usage: tests/kmod/supplies.t: an engine's supplies (colour and mono
# faxeng_sim) in sysfs, uevents and netlink, on every kernel line (VM)
# SPDX-License-Identifier: ISC
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
. "$top/tests/kmod/lib.sh"
need_built "$nlclient"
exec "$top/scripts/vm/each-kernel" "$top/scripts/vm/run" --timeout 300 \
	--prog "$nlclient" --env NLC=/faxcare/bin/nlclient \
	--file "$top/docs/ABI/testing/sysfs-class-faxeng:/faxcare/sysfs-class-faxeng" \
	"$top/tests/kmod/guest/supplies.sh"
