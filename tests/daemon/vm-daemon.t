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

vm_sink_setup

guest_files "$work/guest" /etc/faxcare/terminal.key

# libESMTP's AUTH mechanisms are plugins it loads by path: ldd misses them.
plugins=()
for p in /usr/lib/x86_64-linux-gnu/esmtp-plugins-*/sasl-{plain,login}.so; do
	[ -e "$p" ] || bail "libESMTP's plugin $p not found"
	plugins+=(--file "$p:$p")
done

"$TOP/scripts/vm/run" --timeout 400 --net \
	"${guest_args[@]}" "${plugins[@]}" \
	--file "$key:/etc/faxcare/terminal.key" \
	--env "SINKCTL_PORT=$ctlport" \
	"$here/guest/daemon.sh"
