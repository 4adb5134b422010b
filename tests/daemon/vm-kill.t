#!/usr/bin/env bash
# usage: tests/daemon/vm-kill.t  (prove runs it; needs make check-build)
# faxcared in a VM (faxeng_sim, smtp-sink on the host's loopback) killed
# with -9 fifty times at random points of a send, the relay slow to answer,
# while conditions come and go, every fifth kill between a report's
# spooling and its state's save (held open by a state that cannot be
# replaced): the center counts distinct report ids, and each condition's
# every rise and fall arrived, none under two ids.
# SPDX-License-Identifier: ISC
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib/sink-test.sh"

run_daemon_vm 300 "$here/guest/kill.sh" \
	"hold 0s" "clear-hold 0s" "reminder once" "retry-min 1s" "retry-max 2s"
