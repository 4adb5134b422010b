#!/usr/bin/env bash
# usage: tests/center/report-ids.t
# A Report-Id is its terminal's own. Terminal A holds a key and can put any
# Report-Id into its reports, terminal B's not-yet-delivered ones too: B's
# real report must still be stored and open its notice, and A's completion
# naming B's future Report-Id must not keep B's status from opening one.
# Each in both orders; a redelivery is still stored once.
# SPDX-License-Identifier: ISC
set -uo pipefail
. "$(dirname "$0")/../lib/tap.sh"
. "$(dirname "$0")/lib.sh"
in_db "$0" "$@"

mailgate_begin

# open_notice TERMINAL CONDITION: how many notices of that are open.
open_notice() {
	sql "SELECT COUNT(*) FROM notices n JOIN terminals t ON t.id = n.terminal_id
		WHERE t.terminal_uid = '$1' AND n.condition_kw = '$2' AND n.closed_at IS NULL"
}

is "$(deliver -t registration -i term-a -m alice@faxcare.test -r "$(rid 1)")" 0 "terminal A registers"
is "$(deliver -t registration -i term-b -m bob@faxcare.test -r "$(rid 2)")" 0 "terminal B registers"

# --- A's report carries B's Report-Id ---
# A first, B's real report after: B's must not be "already stored".
is "$(deliver -t status -i term-a -m alice@faxcare.test -c toner-low -r "$(rid 10)")" 0 \
	"A's report carrying B's future Report-Id is stored"
is "$(deliver -t status -i term-b -m bob@faxcare.test -c media-jam -r "$(rid 10)")" 0 \
	"B's real report with that Report-Id is accepted"
cp "$tmp/last.eml" "$tmp/b-real.eml"
like "$(cat "$tmp/err")" '^faxcenter-mailgate: stored status report' "... as a new report, not a redelivery"
is "$(open_notice term-b media-jam)" 1 "B's report opened its notice"
is "$(sql "SELECT COUNT(*) FROM outbox o JOIN terminals t ON t.id = o.terminal_id
	WHERE t.terminal_uid = 'term-b' AND o.kind = 'notice'")" 1 "... and queued B's manager's e-mail"
# B first, A carrying it after: A's report is A's own, B's stays as it was.
is "$(deliver -t status -i term-b -m bob@faxcare.test -c door-open -r "$(rid 11)")" 0 \
	"B's report is stored"
is "$(deliver -t status -i term-a -m alice@faxcare.test -c fuser-over-temp -r "$(rid 11)")" 0 \
	"A's later report with B's Report-Id is accepted"
like "$(cat "$tmp/err")" '^faxcenter-mailgate: stored status report' "... as A's own report"
is "$(open_notice term-a fuser-over-temp)$(open_notice term-b door-open)" 11 \
	"each opened its own notice"
is "$(mailgate "$tmp/b-real.eml")" 0 "B's report delivered again"
like "$(cat "$tmp/err")" 'already stored' "... is a redelivery"
is "$(sql "SELECT COUNT(*) FROM reports WHERE report_uid = '$(rid 10)'")" 2 \
	"... stored once for each terminal, not a third time"

# --- A's completion names B's Report-Id ---
# A first: B's status arriving later must still open its notice.
is "$(deliver -t completion -i term-a -m alice@faxcare.test -c toner-empty \
	-C "$(rid 20)" -r "$(rid 21)")" 0 "A's completion naming B's future Report-Id is stored"
is "$(deliver -t status -i term-b -m bob@faxcare.test -c toner-empty -r "$(rid 20)")" 0 \
	"B's status report with that Report-Id is accepted"
is "$(open_notice term-b toner-empty)" 1 "B's status opened its notice all the same"
# B first: A's completion does not close B's notice.
is "$(deliver -t status -i term-b -m bob@faxcare.test -c opc-near-eol -r "$(rid 22)")" 0 \
	"B's status report is stored"
is "$(deliver -t completion -i term-a -m alice@faxcare.test -c opc-near-eol \
	-C "$(rid 22)" -r "$(rid 23)")" 0 "A's completion naming it is stored"
is "$(open_notice term-b opc-near-eol)" 1 "B's notice stays open"
# B's own completion still overtakes its status (mail out of order).
is "$(deliver -t completion -i term-b -m bob@faxcare.test -c media-empty -n 2 \
	-C "$(rid 30)" -r "$(rid 31)")" 0 "B's own completion arrives first"
is "$(deliver -t status -i term-b -m bob@faxcare.test -c media-empty -n 2 -r "$(rid 30)")" 0 \
	"its status report after it"
is "$(open_notice term-b media-empty/2)" 0 "opens no notice: B's completion already came"
done_testing
