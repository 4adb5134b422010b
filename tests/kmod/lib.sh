# shellcheck shell=bash
# Host-side helpers for the tests/kmod *.t scripts (bash).
#
#   . "$top/tests/kmod/lib.sh"
#   need_built FILE...     a failing TAP line and exit unless each FILE
#                          (built by make check-build) is there
#   nlclient               where make check-build put the netlink client
#   helper_dir             where it put the fixture modules for
#                          $FAXCARE_KERNEL's line
#   on_each_kernel "$@"    re-run the calling script once per kernel line
#                          (scripts/vm/each-kernel), unless it is one of
#                          those runs; call it first
# SPDX-License-Identifier: ISC

nlclient=$top/tests/build/kmod/nlclient

helper_dir() {
	echo "$top/tests/build/kmod/$(kernel_release "$FAXCARE_KERNEL")"
}

need_built() {
	local f
	for f in "$@"; do
		[ -e "$f" ] && continue
		echo "not ok 1 - $f is built (make check-build)"
		echo "1..1"
		exit 1
	done
}

on_each_kernel() {
	[ -n "${FAXCARE_EACH_KERNEL:-}" ] ||
		exec "$top/scripts/vm/each-kernel" "$0" "$@"
}
