#!/usr/bin/env bash
# usage: tests/daemon/vm-identity.t  (prove runs it; needs make, kmod built)
# faxcared in a VM with two faxeng_sim engines, started by udev through
# faxcared-start as root: each engine is its own terminal and signs with its
# own key (key-file /etc/faxcare/%e.key, each derived from a center's master
# secret for that terminal id, as the center derives it to verify), the
# daemons and their senders run as faxcare, and SIGHUP reloads a key fixed
# in place. The host's smtp-sink checks each caught report's signature.
# SPDX-License-Identifier: ISC
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib/sink-test.sh"

daemon_setup
export REFUSING_SINK_PIDFILE=$work/refusing-sink.pid
trap 'stop_pid "$(cat "$REFUSING_SINK_PIDFILE" 2>/dev/null)"; daemon_cleanup' EXIT
g=$work/guest
mkdir -p "$g"
# The center's master secret; the sink derives each terminal's key from it.
(umask 077 && "$KEYGEN" -n >"$work/master.key") || bail "faxcare-keygen -n failed"
export FAXCARE_MASTER_KEY=$work/master.key
socat_service ctlport "EXEC:$here/lib/sink-ctl-server"

FAXCARE_SINK_HOST=10.0.2.2 write_conf "spool /var/spool/faxcared" \
	"hold 1s" "clear-hold 1s" "reminder once" "retry-min 1s" "retry-max 2s"
# The identity comes from each engine: model FX-SIM 100, serial SIM000N.
grep -v -e '^terminal-id' -e '^model' -e '^serial' -e '^key-file' "$conf" >"$g/faxcared.conf"
echo "key-file /etc/faxcare/%e.key" >>"$g/faxcared.conf"
(
	umask 077
	"$KEYGEN" "$work/master.key" FX-SIM-100-SIM0001 >"$g/faxeng1.key" &&
		"$KEYGEN" "$work/master.key" FX-SIM-100-SIM0000 >"$g/faxeng0.key.right" &&
		"$KEYGEN" -n >"$g/faxeng0.key"	# a wrong key, fixed in the guest
) || bail "faxcare-keygen failed"
sed 's|@UDEVLIBDIR@|/usr/lib/udev|g' "$TOP/udev/70-faxeng.rules" >"$g/70-faxeng.rules"
sed 's|@SBINDIR@|/faxcare/bin|g' "$TOP/udev/faxcared-start" >"$g/faxcared-start"
chmod 755 "$g/faxcared-start"
printf "FAXCARED_LOG=/var/log/faxcared.log\nFAXCARED_OPTS=-d\n" >"$g/default"

keys=()
for k in faxeng0.key faxeng0.key.right faxeng1.key; do
	keys+=(--file "$g/$k:/etc/faxcare/$k")
done
"$TOP/scripts/vm/run" --timeout 170 --net \
	--prog "$FAXCARED" --prog "$FAXENGCTL" "${keys[@]}" \
	--file "$g/faxcared.conf:/etc/faxcare/faxcared.conf" \
	--file "$g/70-faxeng.rules:/etc/udev/rules.d/70-faxeng.rules" \
	--file "$g/faxcared-start:/usr/lib/udev/faxcared-start" \
	--file "$g/default:/etc/default/faxcared" \
	--env "SINKCTL_PORT=$ctlport" \
	"$here/guest/identity.sh"
