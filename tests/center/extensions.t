#!/usr/bin/env bash
# usage: tests/center/extensions.t
# A condition keyword outside the shared table (a newer terminal's, or one
# a key holder invented) opens a notice only as one of the terminal's first
# extension_conditions (4): 50 invented keywords open 4 notices and queue 4
# e-mails, so they cannot multiply orders and visits (one per notice). The
# rest are stored, saying why they opened nothing; the table's conditions
# and the admitted extensions keep working, and another terminal has its
# own 4.
# SPDX-License-Identifier: ISC
set -uo pipefail
. "$(dirname "$0")/../lib/tap.sh"
. "$(dirname "$0")/lib.sh"
in_db "$0" "$@"

mailgate_begin

# notices TERMINAL: open notices of the terminal's, by condition.
notices() {
	sql "SELECT n.condition_kw FROM notices n JOIN terminals t ON t.id = n.terminal_id
		WHERE t.terminal_uid = '$1' AND n.closed_at IS NULL ORDER BY n.id" | tr '\n' ' '
}

is "$(deliver -t registration -i term-x -m mallory@faxcare.test -r "$(rid 1)")" 0 "a terminal registers"
st=0
for i in $(seq 1 50); do
	[ "$(deliver -t status -i term-x -m mallory@faxcare.test -x "invented-$i" \
		-r "$(rid $((100 + i)))")" = 0 ] || st=1
done
ok $st "50 status reports with invented keywords are all accepted"
is "$(sql "SELECT COUNT(*) FROM reports WHERE type = 'status'")" 50 "... and stored"
is "$(notices term-x)" "invented-1 invented-2 invented-3 invented-4 " \
	"only the first 4 opened a notice"
is "$(sql "SELECT COUNT(*) FROM outbox WHERE kind = 'notice'")" 4 "... and queued an e-mail"
like "$(cat "$tmp/err")" "condition 'invented-50' is not in the table.*no notice" \
	"the mailgate says why the 50th opened nothing"
is "$(deliver -t status -i term-x -m mallory@faxcare.test -x invented-2 -n 3 -r "$(rid 200)")" 0 \
	"an admitted keyword in another tray is accepted"
is "$(notices term-x)" "invented-1 invented-2 invented-3 invented-4 " "... and opens nothing more either"

# What the table knows is not limited; an admitted extension still works.
is "$(deliver -t status -i term-x -m mallory@faxcare.test -c media-jam -r "$(rid 201)")" 0 \
	"a condition of the table is accepted"
is "$(deliver -t completion -i term-x -m mallory@faxcare.test -x invented-3 \
	-C "$(rid 103)" -r "$(rid 202)")" 0 "an admitted extension's completion"
is "$(deliver -t status -i term-x -m mallory@faxcare.test -x invented-3 -r "$(rid 203)")" 0 \
	"... and its next status"
is "$(notices term-x)" "invented-1 invented-2 invented-4 media-jam invented-3 " \
	"open: the table's condition, and the extension again"

# Another terminal has its own bound.
is "$(deliver -t registration -i term-y -m trudy@faxcare.test -r "$(rid 2)")" 0 "a second terminal registers"
for i in 1 2 3 4 5 6; do
	deliver -t status -i term-y -m trudy@faxcare.test -x "made-up-$i" -r "$(rid $((300 + i)))" >/dev/null
done
is "$(notices term-y)" "made-up-1 made-up-2 made-up-3 made-up-4 " "it opens its own 4, no more"
done_testing
