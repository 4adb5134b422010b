#!/usr/bin/env bash
# usage: tests/daemon/vm-queue.t  (prove runs it; needs make check-build)
# faxcared in a VM (faxeng_sim, smtp-sink on the host's loopback): a report
# whose state could not be saved is not sent before it is, so a crash then
# does not report its condition again under a new id; and a report that
# waited longer than the center accepts (the clock stepped 11 days on) goes
# to failed/, counted by faxengctl spool, with one fresh report in its place.
# SPDX-License-Identifier: ISC
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib/sink-test.sh"

run_daemon_vm 240 "$here/guest/queue.sh" \
	"hold 1s" "clear-hold 1s" "reminder once" "retry-min 1s" "retry-max 2s"
