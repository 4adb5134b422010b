#!/usr/bin/env bash
# usage: tests/kmod/quality.t: checkpatch --strict, W=1 and sparse (C=1) clean
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
. "$top/scripts/lib.sh"
. "$top/tests/lib/tap.sh"

kdir=/usr/src/linux-headers-$FAXCARE_KVER-amd64
checkpatch=$FAXCARE_CACHE/checkpatch/scripts/checkpatch.pl
tmp=$(mktemp -d "${TMPDIR:-/tmp}/faxeng-quality.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# The kernel sources and the uapi headers they export.
sources=()
for f in "$top"/kmod/*.[ch] "$top"/tests/kmod/helper/*.c \
	"$top"/bench/kmod/module/*.c; do
	case $f in *.mod.c) continue ;; esac
	[ -e "$f" ] && sources+=("${f#"$top"/}")
done
sources+=(include/uapi/linux/faxeng.h include/uapi/linux/faxeng_conditions.h)

# kmod/faxeng_compat.h is the one place for kernel version checks.
out=$(cd "$top" && for f in "${sources[@]}"; do
	case $f in
	kmod/faxeng_compat.h) ignore=--ignore=LINUX_VERSION_CODE,CONSTANT_COMPARISON ;;
	*) ignore= ;;
	esac
	"$checkpatch" --strict --no-tree --terse $ignore -f "$f" 2>&1
done | grep -v ' total: 0 errors, 0 warnings, 0 checks')
is "$out" "" "checkpatch --strict: no error, warning or check (${#sources[@]} files)"

out=$(cd "$top" && "$kdir/scripts/kernel-doc" -none -Werror "${sources[@]}" 2>&1)
is "$out" "" "kernel-doc comments are well formed"
out=$(cd "$top" && "$kdir/scripts/kernel-doc" -rst -export kmod/faxeng_core.c 2>/dev/null |
	grep -c '^.. c:function::')
is "$out" "$(grep -c '^EXPORT_SYMBOL' "$top/kmod/faxeng_core.c")" \
	"every exported function of the core has kernel-doc"

# Build a copy, so the tree's own objects stay as they are.
mkdir -p "$tmp/src"
cp -r "$top/Kbuild" "$top/kmod" "$top/include" "$tmp/src/"
rm -f "$tmp/src/kmod/"*.o "$tmp/src/kmod/"*.ko "$tmp/src/kmod/".*.cmd
make -C "$kdir" M="$tmp/src" W=1 C=1 modules >"$tmp/build.log" 2>&1
ok $? "W=1 C=1 build of kmod/ succeeds"
# The test fixture and the benchmark modules, held to the same bar.
for d in tests/kmod/helper bench/kmod/module; do
	[ -d "$top/$d" ] || continue
	mkdir -p "$tmp/$d"
	cp "$top/$d/Kbuild" "$top/$d/"*.c "$tmp/$d/"
	make -C "$kdir" M="$tmp/$d" W=1 C=1 modules FAXCARE_TOP="$tmp/src" \
		KBUILD_EXTRA_SYMBOLS="$tmp/src/Module.symvers" >>"$tmp/build.log" 2>&1
	ok $? "W=1 C=1 build of $d succeeds"
done
warnings=$(grep -E 'warning|error|sparse' "$tmp/build.log" | grep -v '^make')
is "$warnings" "" "W=1 and sparse report nothing"
for ko in faxeng faxeng_sim faxeng_gpio; do
	[ -e "$tmp/src/kmod/$ko.ko" ]
	ok $? "$ko.ko built"
done

done_testing
