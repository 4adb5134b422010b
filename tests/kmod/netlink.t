#!/usr/bin/env bash
# usage: tests/kmod/netlink.t: GET, dump, SET and events over generic netlink,
# with a libnl client (tests/kmod/nlclient.c), in the VM
# SPDX-License-Identifier: ISC
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
. "$top/tests/kmod/lib.sh"
need_built "$nlclient"
exec "$top/scripts/vm/each-kernel" "$top/scripts/vm/run" --timeout 240 --prog "$nlclient" \
	--env NLC=/faxcare/bin/nlclient "$top/tests/kmod/guest/netlink.sh"
