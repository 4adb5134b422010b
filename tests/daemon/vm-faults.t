#!/usr/bin/env bash
# usage: tests/daemon/vm-faults.t  (prove runs it; needs make check-build)
# No busy loop: three faxcared in a VM, one with a full spool, one with a
# read-only spool, one whose queue is emptied by hand while a retry waits,
# then all with the clock before 2000 and failing meter reports. The guest
# (guest/faults.sh) measures each daemon's CPU time over 30 s of each fault
# and sees each held-back report arrive once the fault is gone.
# SPDX-License-Identifier: ISC
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib/sink-test.sh"

run_daemon_vm 300 "$here/guest/faults.sh" \
	"hold 1s" "clear-hold 1s" "reminder once" "retry-min 1s" "retry-max 4s"
