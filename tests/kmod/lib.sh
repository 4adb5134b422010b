# shellcheck shell=bash
# Host-side helpers for the tests/kmod *.t scripts (bash).
#
#   . "$top/tests/kmod/lib.sh"
#   kmod_tmpdir NAME       a temporary directory in $tmp, removed on exit;
#                          not under /tmp, which the guest hides with a tmpfs
#   build_nlclient         nlclient into $tmp, or a failing TAP line and exit
#   on_each_kernel "$@"    re-run the calling script once per kernel line
#                          (scripts/vm/each-kernel), unless it is one of
#                          those runs; call it first

kmod_tmpdir() {
	tmp=$(mktemp -d "/var/tmp/faxeng-$1.XXXXXX")
	trap 'rm -rf "$tmp"' EXIT
	trap 'exit 130' INT
	trap 'exit 143' TERM
}

build_nlclient() {
	if ! make -s -C "$top/tests/kmod" O="$tmp" >"$tmp/build.log" 2>&1; then
		echo "not ok 1 - nlclient builds"
		sed 's/^/# /' "$tmp/build.log"
		echo "1..1"
		exit 1
	fi
}

on_each_kernel() {
	[ -n "${FAXCARE_EACH_KERNEL:-}" ] ||
		exec "$top/scripts/vm/each-kernel" "$0" "$@"
}
