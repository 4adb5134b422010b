#!/usr/bin/env bash
# usage: tests/daemon/vm-daemon.t  (prove runs it; needs make, kmod built)
# faxcared in a VM with faxeng_sim, started by udev through the project's
# rule, reporting to smtp-sink on the host's loopback: registration, one
# status and one completion e-mail, the relay down and back, kill -9 during a
# send, udevadm monitor and faxengctl as a technician sees them (set with
# drum-hysteresis and refused settings, test-mail, spool); a relay refusing
# the credentials, then the fixed configuration reloaded with SIGHUP; then
# two engines with a daemon each, and GETs during a burst of changes.
# SPDX-License-Identifier: ISC
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib/sink-test.sh"

run_daemon_vm 400 "$here/guest/daemon.sh" \
	"hold 1s" "clear-hold 1s" "reminder once" "retry-min 1s" "retry-max 2s"
