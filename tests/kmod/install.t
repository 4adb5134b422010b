#!/usr/bin/env bash
# usage: tests/kmod/install.t: the modules install with `make modules_install`
# and rebuild through DKMS (dkms.conf) for both kernel lines, into temporary
# trees
# SPDX-License-Identifier: ISC
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
. "$top/scripts/lib.sh"
. "$top/tests/lib/tap.sh"
kver=$(kernel_release 6.1)
kdir=$(kernel_kdir 6.1)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/faxeng-install.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# modules_install, from a copy so the tree's own build stays untouched.
mkdir -p "$tmp/src" "$tmp/root"
cp -r "$top/Kbuild" "$top/kmod" "$top/include" "$tmp/src/"
rm -f "$tmp/src/kmod/"*.o "$tmp/src/kmod/"*.ko "$tmp/src/kmod/".*.cmd
make -C "$kdir" M="$tmp/src" modules >"$tmp/make.log" 2>&1 &&
	make -C "$kdir" M="$tmp/src" INSTALL_MOD_PATH="$tmp/root" \
		modules_install >>"$tmp/make.log" 2>&1
ok $? "make modules_install into INSTALL_MOD_PATH" || sed 's/^/# /' "$tmp/make.log"
for m in faxeng faxeng_sim faxeng_gpio; do
	[ -n "$(find "$tmp/root/lib/modules/$kver" -name "$m.ko*")" ]
	ok $? "$m installed under lib/modules/$kver"
done
# The headers have no System.map, so kbuild skips depmod: run it as a
# package's postinst would.
depmod -b "$tmp/root" "$kver" 2>/dev/null
grep -q 'faxeng_gpio.ko.*faxeng.ko' "$tmp/root/lib/modules/$kver/modules.dep"
ok $? "depmod sees that faxeng_gpio needs faxeng"

# DKMS with its own trees: nothing of the system's DKMS state is touched
# (apart from the signing key DKMS itself creates on first use).
if ! command -v dkms >/dev/null; then
	ok 1 "dkms is installed (scripts/deps installs it)"
	done_testing
	exit
fi
ver=$(sed -n 's/^PACKAGE_VERSION="\(.*\)"/\1/p' "$top/dkms.conf")
name=$(sed -n 's/^PACKAGE_NAME="\(.*\)"/\1/p' "$top/dkms.conf")
is "$name" faxeng "dkms.conf names the package faxeng"
src=$tmp/dkms-src/$name-$ver
mkdir -p "$src" "$tmp/dkms"
cp -r "$top/Kbuild" "$top/dkms.conf" "$top/kmod" "$top/include" "$src/"
rm -f "$src/kmod/"*.o "$src/kmod/"*.ko "$src/kmod/".*.cmd
# Each line's headers, as a distribution's kernel-headers package gives them
# (6.12's are unpacked, so DKMS is told where).
for line in "${FAXCARE_KERNEL_LINES[@]}"; do
	kver=$(kernel_release "$line")
	dkms build -m "$name" -v "$ver" -k "$kver" --sourcetree "$tmp/dkms-src" \
		--dkmstree "$tmp/dkms" --kernelsourcedir "$(kernel_kdir "$line")" \
		>"$tmp/dkms.log" 2>&1
	ok $? "dkms build for $kver" || sed 's/^/# /' "$tmp/dkms.log"
	for m in faxeng faxeng_sim faxeng_gpio; do
		ko=$(find "$tmp/dkms/$name/$ver/$kver" -name "$m.ko*" 2>/dev/null | head -1)
		is "$(modinfo -F vermagic "$ko" 2>&1 | cut -d' ' -f1)" "$kver" \
			"dkms built $m for $kver"
	done
done
is "$(dkms status -m "$name" -v "$ver" --dkmstree "$tmp/dkms" 2>/dev/null | grep -c ': built')" \
	"${#FAXCARE_KERNEL_LINES[@]}" "dkms status shows the package built for every kernel line"
done_testing
