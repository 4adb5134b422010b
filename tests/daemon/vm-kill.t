#!/usr/bin/env bash
# usage: tests/daemon/vm-queue.t  (prove runs it; needs make check-build)
# faxcared in a VM (faxeng_sim, smtp-sink on the host's loopback) killed
# with -9 fifty times at random points of a send, the relay slow to answer,
# while conditions come and go: the center counts distinct report ids, and
# each condition's every rise and fall arrived, none under two ids.
# SPDX-License-Identifier: ISC
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib/sink-test.sh"

daemon_setup
export REFUSING_SINK_PIDFILE=$work/refusing-sink.pid
trap 'stop_pid "$(cat "$REFUSING_SINK_PIDFILE" 2>/dev/null)"; daemon_cleanup' EXIT
socat_service ctlport "EXEC:$here/lib/sink-ctl-server"

g=$work/guest
mkdir -p "$g"
FAXCARE_SINK_HOST=10.0.2.2 write_conf "spool /var/spool/faxcared" \
	"hold 0s" "clear-hold 0s" "reminder once" "retry-min 1s" "retry-max 2s"
grep -v -e '^terminal-id' -e '^model' -e '^serial' -e '^key-file' "$conf" >"$g/faxcared.conf"
echo "key-file /etc/faxcare/terminal.key" >>"$g/faxcared.conf"

"$TOP/scripts/vm/run" --timeout 300 --net \
	--prog "$FAXCARED" --prog "$FAXENGCTL" \
	--file "$g/faxcared.conf:/etc/faxcare/faxcared.conf" \
	--file "$key:/etc/faxcare/terminal.key" \
	--env "SINKCTL_PORT=$ctlport" \
	"$here/guest/kill.sh"
