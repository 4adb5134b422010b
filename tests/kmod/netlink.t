#!/usr/bin/env bash
# usage: tests/kmod/netlink.t: GET, dump, SET and events over generic netlink,
# with a libnl client (tests/kmod/nlclient.c), in the VM
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
# Not under /tmp: the guest mounts a tmpfs there.
tmp=$(mktemp -d /var/tmp/faxeng-netlink.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
if ! make -s -C "$top/tests/kmod" O="$tmp" >"$tmp/build.log" 2>&1; then
	echo "not ok 1 - nlclient builds"
	sed 's/^/# /' "$tmp/build.log"
	echo "1..1"
	exit 1
fi
"$top/scripts/vm/run" --timeout 240 --prog "$tmp/nlclient" \
	--env "NLC=$tmp/nlclient" "$top/tests/kmod/guest/netlink.sh"
