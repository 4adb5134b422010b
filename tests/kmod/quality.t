#!/usr/bin/env bash
# usage: tests/kmod/quality.t: checkpatch --strict clean; W=1 and sparse (C=1)
# clean on every kernel line
# SPDX-License-Identifier: ISC
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
. "$top/scripts/lib.sh"
. "$top/tests/lib/tap.sh"

kdir=$(kernel_kdir 6.1)
checkpatch=$FAXCARE_CACHE/checkpatch/scripts/checkpatch.pl
tmp=$(mktemp -d "${TMPDIR:-/tmp}/faxeng-quality.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# The kernel sources and the uapi headers they export. The compatibility
# header is where an out-of-tree driver compares kernel versions, which
# checkpatch (written for in-tree code) flags: it is checked on its own.
compat=kmod/faxeng_compat.h
sources=()
for f in "$top"/kmod/*.[ch] "$top"/tests/kmod/helper/*.c \
	"$top"/bench/kmod/module/*.c; do
	case $f in *.mod.c|*/$compat) continue ;; esac
	[ -e "$f" ] && sources+=("${f#"$top"/}")
done
sources+=(include/uapi/linux/faxeng.h include/uapi/linux/faxeng_conditions.h
	include/uapi/linux/faxeng_props.h)

out=$(cd "$top" && "$checkpatch" --strict --no-tree --terse -f "${sources[@]}" 2>&1 |
	grep -v ' total: 0 errors, 0 warnings, 0 checks')
is "$out" "" "checkpatch --strict: no error, warning or check (${#sources[@]} files)"
out=$(cd "$top" && "$checkpatch" --strict --no-tree --terse \
	--ignore LINUX_VERSION_CODE,CONSTANT_COMPARISON -f "$compat" 2>&1 |
	grep -v ' total: 0 errors, 0 warnings, 0 checks')
is "$out" "" "checkpatch --strict: $compat clean but for its version tests"

out=$(cd "$top" && "$kdir/scripts/kernel-doc" -none -Werror "${sources[@]}" 2>&1)
is "$out" "" "kernel-doc comments are well formed"
out=$(cd "$top" && "$kdir/scripts/kernel-doc" -rst -export kmod/faxeng_core.c 2>/dev/null |
	grep -c '^.. c:function::')
is "$out" "$(grep -c '^EXPORT_SYMBOL' "$top/kmod/faxeng_core.c")" \
	"every exported function of the core has kernel-doc"

# Build a copy per kernel line, so the tree's own objects stay as they are.
for line in "${FAXCARE_KERNEL_LINES[@]}"; do
	kdir=$(kernel_kdir "$line")
	rel=$(kernel_release "$line")
	b=$tmp/$line
	mkdir -p "$b/src"
	cp -r "$top/Kbuild" "$top/kmod" "$top/include" "$b/src/"
	rm -f "$b/src/kmod/"*.o "$b/src/kmod/"*.ko "$b/src/kmod/".*.cmd
	make -C "$kdir" M="$b/src" W=1 C=1 modules >"$b/build.log" 2>&1
	ok $? "linux $rel: W=1 C=1 build of kmod/ succeeds"
	# The test fixture and the benchmark modules, held to the same bar.
	for d in tests/kmod/helper bench/kmod/module; do
		[ -d "$top/$d" ] || continue
		mkdir -p "$b/$d"
		cp "$top/$d/Kbuild" "$top/$d/"*.c "$b/$d/"
		make -C "$kdir" M="$b/$d" W=1 C=1 modules FAXCARE_TOP="$b/src" \
			KBUILD_EXTRA_SYMBOLS="$b/src/Module.symvers" >>"$b/build.log" 2>&1
		ok $? "linux $rel: W=1 C=1 build of $d succeeds"
	done
	# kbuild's own notes (no vmlinux for BTF on 6.1) are not findings.
	warnings=$(grep -E 'warning|error|sparse' "$b/build.log" | grep -v '^make')
	is "$warnings" "" "linux $rel: W=1 and sparse report nothing"
	sparse_ran=$(grep -c '^  CHECK ' "$b/build.log")
	[ "$sparse_ran" -gt 0 ]
	ok $? "linux $rel: sparse checked the sources ($sparse_ran files)"
	for ko in faxeng faxeng_sim faxeng_gpio; do
		is "$(modinfo -F vermagic "$b/src/kmod/$ko.ko" 2>&1 | cut -d' ' -f1)" \
			"$rel" "linux $rel: $ko.ko built for it"
	done
done

done_testing
