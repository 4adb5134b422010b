# shellcheck shell=bash
# The head of every end-to-end test: source it first. It brings in
# scripts/lib.sh and the demo's pieces named in E2E_PARTS (scripts/demo.d/
# PART.sh; services, center, vm and terminal always), re-runs the test under
# MariaDB and Postfix (in_services), then tests/lib/tap.sh, and sets
#   WORK   a scratch directory, removed on exit; a failed run keeps it,
#          with Postfix's log and the VM's console, in
#          tests/artifacts/e2e/NAME-TIMESTAMP-PID/ (NAME: the test's)
# and stops the VM and the center on exit.
# SPDX-License-Identifier: ISC
top=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
. "$top/scripts/lib.sh"
for f in services center vm terminal ${E2E_PARTS:-}; do
	. "$top/scripts/demo.d/$f.sh"
done
in_services "$0" "$@"
. "$top/tests/lib/tap.sh"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/faxcare-e2e.XXXXXX") || bail "mktemp failed"
# A failed run keeps its logs (the center's, the VM's) for a look.
keep=$top/tests/artifacts/e2e/$(basename "$0" .t)-$(date +%Y%m%d-%H%M%S)-$$
export VM_ARTIFACTS=$keep/vm
cleanup() {
	trap - EXIT INT TERM
	vm_kill
	center_down
	if [ "$_tap_failed" -ne 0 ] || [ "$_tap_n" -eq 0 ]; then
		mkdir -p "$keep" && cp -r "$WORK"/. "$keep"/ &&
			cp "$FAXCARE_POSTFIX_LOG" "$keep/maillog" &&
			cp "$FAXCARE_INGESTD_LOG" "$keep/ingestd.log" &&
			echo "# logs kept in $keep" >&2
	fi
	rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
