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

vm_sink_setup
# The center's master secret; the sink derives each terminal's key from it.
(umask 077 && "$KEYGEN" -n >"$FAXCARE_MASTER_KEY") || bail "faxcare-keygen -n failed"

guest_files "/etc/faxcare/%e.key" \
	"hold 1s" "clear-hold 1s" "reminder once" "retry-min 1s" "retry-max 2s"
(
	umask 077
	"$KEYGEN" "$FAXCARE_MASTER_KEY" FX-SIM-100-SIM0001 >"$g/faxeng1.key" &&
		"$KEYGEN" "$FAXCARE_MASTER_KEY" FX-SIM-100-SIM0000 >"$g/faxeng0.key.right" &&
		"$KEYGEN" -n >"$g/faxeng0.key"	# a wrong key, fixed in the guest
) || bail "faxcare-keygen failed"

keys=()
for k in faxeng0.key faxeng0.key.right faxeng1.key; do
	keys+=(--file "$g/$k:/etc/faxcare/$k")
done
"$TOP/scripts/vm/run" --timeout 170 --net \
	"${guest_args[@]}" "${keys[@]}" \
	--env "SINKCTL_PORT=$ctlport" \
	"$here/guest/identity.sh"
