#!/usr/bin/env bash
# usage: tests/center/terminal-uid.t
# A terminal id compares byte for byte: each id has its own key, so a
# registration signed for 'FX-1' makes its own terminal and leaves the
# registered 'fx-1' (its terminal row, its manager's pending confirmation)
# untouched; and a status report from 'FX-1' opens nothing on 'fx-1'.
# SPDX-License-Identifier: ISC
set -uo pipefail
. "$(dirname "$0")/../lib/tap.sh"
. "$(dirname "$0")/lib.sh"
in_db "$0" "$@"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$CENTER_BUILD/faxcenter-migrate" >/dev/null || bail "migration failed"
center_secret "$tmp"

is "$(sql "SELECT COLLATION_NAME FROM information_schema.COLUMNS
	WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'terminals'
	AND COLUMN_NAME = 'terminal_uid'")" utf8mb4_nopad_bin "terminal_uid has a binary collation"

mkreport -t registration -i fx-1 -m alice@faxcare.test -r "$(rid 1)" >"$tmp/a.eml"
is "$(mailgate "$tmp/a.eml")" 0 "fx-1 registers, naming alice"
mkreport -t registration -i FX-1 -m mallory@faxcare.test -r "$(rid 2)" >"$tmp/m.eml"
is "$(mailgate "$tmp/m.eml")" 0 "a registration signed for FX-1 is stored"
is "$(sql "SELECT terminal_uid FROM terminals ORDER BY id" | tr '\n' ' ')" "fx-1 FX-1 " \
	"as a terminal of its own"
is "$(sql "SELECT m.email FROM manager_confirmations c
	JOIN terminals t ON t.id = c.terminal_id JOIN managers m ON m.id = c.manager_id
	WHERE t.terminal_uid = 'fx-1' AND c.superseded_at IS NULL")" alice@faxcare.test \
	"fx-1's pending confirmation is still alice's"
mkreport -t status -i FX-1 -m mallory@faxcare.test -r "$(rid 3)" -c media-jam >"$tmp/s.eml"
mailgate "$tmp/s.eml" >/dev/null
is "$(sql "SELECT COUNT(*) FROM notices n JOIN terminals t ON t.id = n.terminal_id
	WHERE t.terminal_uid = 'fx-1'")" 0 "FX-1's status report opens nothing on fx-1"
done_testing
