# shellcheck shell=bash
# Shared set-up of the device-tree tests: the repo's helpers, the arm64
# cache (fetched if missing), a private temp dir removed (and background
# children stopped) on any exit, and dt-validate's processed schema.
# SPDX-License-Identifier: ISC
cd "$(dirname "$0")/../.." || exit 1
. scripts/lib.sh
. scripts/arm64/paths.sh
. tests/lib/tap.sh

DTS_BINDINGS=dts/bindings
DTS_BINDING=$DTS_BINDINGS/misc/faxcare,fax-engine.yaml

dts_tmp=$(mktemp -d "${TMPDIR:-/tmp}/faxcare-dts.XXXXXX")
# Background children a test starts (dts_pids+=($!)) are stopped on exit.
dts_pids=()
dts_cleanup() {
	local pid
	for pid in ${dts_pids[@]+"${dts_pids[@]}"}; do
		kill -TERM "$pid" 2>/dev/null || true
		wait "$pid" 2>/dev/null || true
	done
	rm -rf "$dts_tmp"
}
trap dts_cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

scripts/arm64/fetch >&2 || bail "scripts/arm64/fetch failed"

# dts_schema: the processed schema (the kernel's bindings with dts/patches,
# and dts/bindings), built once per set of inputs by scripts/arm64/dt-schema;
# what building it said is in $dts_tmp/schema.err.
dts_schema() {
	[ -s "$dts_tmp/schema.path" ] ||
		scripts/arm64/dt-schema >"$dts_tmp/schema.path" 2>"$dts_tmp/schema.err"
	cat "$dts_tmp/schema.path"
}

# dts_validate_ours DTB: dt-validate limited to the binding; prints what it says.
dts_validate_ours() {
	dt-validate -l faxcare,fax-engine -s "$(dts_schema)" "$1" 2>&1
}

# dts_validate_all DTB: dt-validate with every schema, as the kernel's
# dtbs_check runs it (several seconds a tree); the tree's file name is
# dropped and schema files are named from their tree's root
# (Documentation/devicetree/bindings/..., dtschema/schemas/...), so that
# reports of two trees compare and read as upstream's.
dts_validate_all() {
	dt-validate -s "$(dts_schema)" "$1" 2>&1 | sed -e "s|^$1: ||" \
		-e 's|\(From schema: \).*/\(Documentation/devicetree/bindings/\)|\1\2|' \
		-e 's|\(From schema: \).*/\(dtschema/schemas/\)|\1\2|'
}

# dts_add_symbol DTB LABEL PATH: give a tree built without -@ the label an
# overlay refers to (what a boot loader needs in /__symbols__).
dts_add_symbol() {
	fdtput -c "$1" /__symbols__ 2>/dev/null || true
	fdtput -ts "$1" /__symbols__ "$2" "$3"
}

# dts_guest_tap CMD...: run CMD (a VM runner) and re-emit its TAP as this
# test's own lines; returns CMD's exit status. Fails when CMD printed none.
dts_guest_tap() {
	local line n=0 status=0
	"$@" >"$dts_tmp/guest.tap" 2>"$dts_tmp/guest.err" || status=$?
	while IFS= read -r line; do
		case $line in
		"ok "*) ok 0 "${line#ok * - }"; n=$((n + 1)) ;;
		"not ok "*) ok 1 "${line#not ok * - }"; n=$((n + 1)) ;;
		"#"*) echo "$line" ;;
		esac
	done <"$dts_tmp/guest.tap"
	[ "$n" -gt 0 ] || { ok 1 "the guest printed TAP"; status=1; }
	sed 's/^/# /' "$dts_tmp/guest.err" >&2
	return "$status"
}
