#!/usr/bin/env bash
# usage: tests/daemon/vm-clock.t  (prove runs it; needs make check-build)
# faxcared in a VM while the guest's clock is stepped a day forward and a
# day back with date -s, conditions held, pending and queued, with restarts
# after the jumps (guest/clock.sh): damping holds, nothing is sent early,
# late or twice, and the queue goes out in the order it was written.
# SPDX-License-Identifier: ISC
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib/sink-test.sh"

# hold: guest/clock.sh's HOLD.
run_daemon_vm 300 "$here/guest/clock.sh" \
	"hold 8s" "clear-hold 2s" "reminder once" "retry-min 1s" "retry-max 2s"
