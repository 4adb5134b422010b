#!/usr/bin/env bash
# usage: tests/harness/deps.t
#
# scripts/deps as a newcomer meets it, on a machine it cannot touch: the
# system's package tools are stand-ins (tests/harness/deps-standins) first on PATH,
# the cache and /usr/src are temp dirs. Checked: the apt-get line printed
# without root or with --check, the exact packages handed to apt-get, the
# kernel ABI read only after the install, a line per phase and apt's own
# output on a first run, axe-core's npm ci (a stand-in too) into the cache
# on a first run only, a quiet second run, and no silent exit: every
# failure ends with a line naming what failed and what to do.
#
# The kernel downloads are not driven (the stand-in apt-get downloads
# nothing): their stamps are laid in the cache as scripts/fetch-kernel and
# scripts/arm64/fetch leave them. The linux-source tarball is a small real
# one, so checkpatch.pl and the device-tree files are unpacked for real.
# SPDX-License-Identifier: ISC
cd "$(dirname "$0")/../.." || exit 1
. tests/lib/tap.sh

top=$PWD
tmp=$(mktemp -d "${TMPDIR:-/tmp}/faxcare-deps-t.XXXXXX") || bail "mktemp failed"
trap 'rm -rf "$tmp"' EXIT

KVER=6.1.0-99
REL612=6.12.99+deb12-amd64
# scripts/deps's own list, in its order.
mapfile -t PACKAGES < <(bash -c "$(sed -n '/^PACKAGES=(/,/^)/p' scripts/deps)"'
	printf "%s\n" "${PACKAGES[@]}"')
[ "${#PACKAGES[@]}" -gt 20 ] || bail "cannot read PACKAGES from scripts/deps"

# A small linux-source tarball with what deps and arm64/fetch take from it.
src=$tmp/usr-src
mkdir -p "$src" "$tmp/tree"
for f in scripts/checkpatch.pl scripts/spelling.txt scripts/const_structs.checkpatch \
	Documentation/dev-tools/checkpatch.rst \
	Documentation/devicetree/bindings/vendor-prefixes.yaml \
	arch/arm/boot/dts/bcm2711.dtsi arch/arm/boot/dts/bcm2835.dtsi \
	arch/arm64/boot/dts/broadcom/bcm2711-rpi-4-b.dts; do
	mkdir -p "$tmp/tree/linux-source-6.1/${f%/*}"
	echo "# $f" >"$tmp/tree/linux-source-6.1/$f"
done
chmod +x "$tmp/tree/linux-source-6.1/scripts/checkpatch.pl"
tar -cJf "$src/linux-source-6.1.tar.xz" -C "$tmp/tree" linux-source-6.1 || bail "tar failed"

# world NAME: a fresh machine state $w (stand-ins' state, cache, bin) with
# nothing installed, root, and the kernels' stamps in the cache.
world() {
	w=$tmp/$1
	mkdir -p "$w/state" "$w/cache" "$w/tmp"
	: >"$w/state/installed"
	: >"$w/state/known"
	: >"$w/state/calls"
	uid=0
	kernel_stamps "$w/cache"
}
# kernel_stamps CACHE: what the kernel fetches leave behind once done.
kernel_stamps() {
	local c=$1
	mkdir -p "$c/kernel/amd64" "$c/kernel/line-6.12/image" "$c/kernel/line-6.12/headers" \
		"$c/kernel/arm64" "$c/kernel/arm64-headers" "$c/busybox/arm64"
	touch "$c/kernel/amd64/.unpacked-$KVER-amd64" \
		"$c/kernel/line-6.12/image/.unpacked-$REL612" \
		"$c/kernel/line-6.12/headers/.unpacked-$REL612-amd64-arm64" \
		"$c/kernel/arm64/.unpacked-$KVER" "$c/kernel/arm64-headers/.unpacked-$KVER" \
		"$c/busybox/arm64/.unpacked"
	echo "$REL612" >"$c/kernel/line-6.12/release"
}
# deps [ARGS]: scripts/deps in world $w; rc, err (and calls: what the
# stand-ins were asked, in order). Its stdout goes to $w/out.
deps() {
	(cd "$w" && env -u FAXCARE_KVER -u FAXCARE_KERNEL -u FAXCARE_TOP \
		PATH="$top/tests/harness/deps-standins:$PATH" TMPDIR="$w/tmp" \
		FAXCARE_CACHE="$w/cache" FAXCARE_SRC_DIR="$src" \
		STANDIN_DIR="$w/state" STANDIN_UID="$uid" STANDIN_KVER="$KVER" \
		STANDIN_KVER_612="$REL612" \
		timeout 60 "$top/scripts/deps" "$@" >"$w/out" 2>"$w/err")
	rc=$?
	err=$(cat "$w/err")
	calls=$(cat "$w/state/calls")
}
# says_why WHAT PATTERN: deps failed, and its last line on stderr matches
# PATTERN; no line comes from the catch-all ERR trap (a failure nobody
# foresaw and worded).
says_why() {
	isnt_zero "$rc" "$1: exits non-zero"
	like "$(tail -n 1 <<<"$err")" "$2" "$1: the last line says what failed and what to do"
	[[ $err != *"failed at line"* ]]
	ok $? "$1: no unforeseen failure (ERR trap)"
}
isnt_zero() {
	[ "$1" -ne 0 ]
	ok $? "$2"
	[ "$1" -ne 0 ] || diag "stderr: $err"
}
apt_line() {
	echo "  apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $*"
}
# every_other OFFSET: PACKAGES[OFFSET], PACKAGES[OFFSET+2]...
every_other() {
	local i
	for ((i = $1; i < ${#PACKAGES[@]}; i += 2)); do echo "${PACKAGES[i]}"; done
}

# A fresh machine, not root: the exact line to run as root, nothing run.
world not-root
uid=1000
deps
is "$rc" 1 "not root, nothing installed: exits 1"
is "$(sed -n 1p <<<"$err")" "faxcare needs these Debian packages: ${PACKAGES[*]}" \
	"not root: names every package"
is "$(sed -n 3p <<<"$err")" "  echo 'postfix postfix/main_mailer_type select No configuration' | debconf-set-selections" \
	"not root: prints the debconf line"
is "$(sed -n 4p <<<"$err")" "$(apt_line "${PACKAGES[*]}")" "not root: prints the exact apt-get line"
[[ $calls != *apt-get* && $calls != *debconf-set-selections* ]]
ok $? "not root: neither apt-get nor debconf-set-selections is run"

# --check as root, half installed and some known: only the missing named.
world check-half
mapfile -t have < <(every_other 0)
mapfile -t lack < <(every_other 1)
printf '%s\n' "${have[@]}" >"$w/state/installed"
printf '%s\n' "${lack[@]:0:3}" >"$w/state/known"
deps --check
is "$rc" 1 "--check, half installed: exits 1"
is "$(sed -n 4p <<<"$err")" "$(apt_line "${lack[*]}")" "--check: the apt-get line names exactly the missing half"
[[ $calls != *apt-get* ]]
ok $? "--check: apt-get is not run"

# A fresh machine as root: dpkg knows no package at all.
world fresh
deps
is "$rc" 0 "fresh, as root: deps succeeds"
is "$(grep '^apt-get' <<<"$calls")" "apt-get update -q
apt-get install -y -q --no-install-recommends ${PACKAGES[*]}" \
	"fresh: apt-get updates, then installs exactly scripts/deps's packages, in one call"
like "$(cat "$w/state/debconf" 2>/dev/null)" '^postfix postfix/main_mailer_type select No configuration$' \
	"fresh: Postfix's question answered before the install"
install_at=$(grep -n '^apt-get install' <<<"$calls" | cut -d: -f1)
abi_at=$(grep -n 'Depends.* linux-headers-amd64$' <<<"$calls" | tail -n 1 | cut -d: -f1)
[ -n "$install_at" ] && [ -n "$abi_at" ] && [ "$abi_at" -gt "$install_at" ]
ok $? "fresh: the kernel ABI is read after the install (call $abi_at, install $install_at)"
like "$err" "^deps: installing ${#PACKAGES[@]} Debian packages: " "fresh: a line says how many packages are installed"
like "$err" '^deps: apt-get update$' "fresh: a line for apt-get update"
like "$err" '^deps: apt-get install .*progress follows' "fresh: a line for apt-get install"
like "$err" '^Setting up chromium \.\.\.$' "fresh: apt's own output is shown"
like "$err" '^deps: unpacking checkpatch.pl from ' "fresh: a line for unpacking checkpatch.pl"
[ -x "$w/cache/checkpatch/scripts/checkpatch.pl" ]
ok $? "fresh: checkpatch.pl is unpacked into the cache"
[ -s "$w/cache/linux-source/Documentation/devicetree/bindings/vendor-prefixes.yaml" ]
ok $? "fresh: the device-tree bindings are unpacked into the cache"
[[ $calls != *dpkg-deb* && $calls != *depmod* && $calls != *"apt-get download"* ]]
ok $? "fresh: with the kernels' stamps in place nothing is downloaded"
like "$calls" '^npm ci ' "fresh: axe-core is installed with npm ci"
[ -s "$w/cache/axe/node_modules/axe-core/axe.min.js" ] &&
	cmp -s scripts/harness/axe/package-lock.json "$w/cache/axe/package-lock.json"
ok $? "fresh: into the cache, with the pinned lock file"
like "$err" '^deps: npm ci: axe-core into ' "fresh: a line for npm ci"

: >"$w/state/calls"
start=$(date +%s%N)
deps
ms=$((($(date +%s%N) - start) / 1000000))
is "$rc/$err" "0/" "again: deps succeeds and prints nothing"
[[ $calls != *apt-get* ]]
ok $? "again: apt-get is not run"
[[ $calls != *npm* ]]
ok $? "again: npm is not run"
# The real dpkg-query is slower than its stand-in; this bound (loose for a
# loaded machine) catches a wait or a download on the quick path.
[ "$ms" -lt 10000 ]
ok $? "again: quick (${ms} ms)"
deps --check
is "$rc/$err" "0/" "--check with everything in place: exits 0, prints nothing"

# Half installed, as root: the other half, and only that, is installed.
world half
printf '%s\n' "${have[@]}" >"$w/state/installed"
printf '%s\n' "${lack[@]:0:3}" >"$w/state/known"
deps
is "$rc" 0 "half installed, as root: deps succeeds"
is "$(grep '^apt-get install' <<<"$calls")" "apt-get install -y -q --no-install-recommends ${lack[*]}" \
	"half: exactly the missing half is handed to apt-get"

# Failures: each says what failed and what to do.
world update-fails
touch "$w/state/fail-apt-get-update"
deps
says_why "apt-get update fails" '^deps: apt-get update failed: check /etc/apt/sources.list\* and the network, then run scripts/deps again$'
like "$err" '^E: stand-in apt-get update failed$' "apt-get update fails: apt's own message is shown"

world install-fails
touch "$w/state/fail-apt-get-install"
deps
says_why "apt-get install fails" "^deps: apt-get install failed \(see apt's message above\); fix that, then run scripts/deps again$"

world one-stays-missing
echo dt-schema >"$w/state/never-installs"
deps
says_why "a package still missing after the install" \
	'^deps: still not installed after apt-get install: dt-schema \(apt.s output above may say why\); install them with: apt-get install --no-install-recommends dt-schema$'

world no-linux-source
printf '%s\n' "${PACKAGES[@]}" >"$w/state/installed"
src_saved=$src src=$tmp/empty
mkdir -p "$src"
deps
src=$src_saved
says_why "no linux-source tarball" "/linux-source-\*\.tar\.xz: apt-get install linux-source"

world npm-fails
printf '%s\n' "${PACKAGES[@]}" >"$w/state/installed"
touch "$w/state/fail-npm-ci"
deps
says_why "npm ci fails" "^deps: npm ci of axe-core failed \(npm's message above\): check that the npm registry is reachable, then run scripts/deps again$"
[ ! -e "$w/cache/axe" ] && [ ! -e "$w/cache/axe.new" ]
ok $? "npm ci fails: no half-installed axe-core is left in the cache"
deps --check
says_why "--check, axe-core not installed" "^deps: axe-core is not installed in $w/cache/axe: run scripts/deps$"

world kernel-not-fetched
printf '%s\n' "${PACKAGES[@]}" >"$w/state/installed"
rm -rf "$w/cache/kernel/amd64"
deps --check
says_why "--check, a kernel not unpacked" "^fetch-kernel: Debian's $KVER-amd64 kernel is not unpacked under $w/cache: run scripts/deps$"
deps
says_why "a kernel download fails" "^fetch-kernel: cannot download linux-image-$KVER-amd64: E: Can't find a source .*\(check the network and apt's sources, then run scripts/deps again\)$"

world arm64-not-fetched
printf '%s\n' "${PACKAGES[@]}" >"$w/state/installed"
rm -rf "$w/cache/busybox/arm64"
deps --check
says_why "--check, arm64 busybox not unpacked" "^arm64/fetch: not unpacked under $w/cache: busybox-static:arm64, the device-tree sources of $src/linux-source-6.1.tar.xz; run scripts/deps$"
deps
says_why "an arm64 download fails" "^arm64/fetch: cannot download busybox-static:arm64: .*then run scripts/deps again\)$"

world unknown-option
deps --frobnicate
is "$rc/$err" "2/usage: scripts/deps [--check]" "an unknown option: usage, exit 2"

done_testing
