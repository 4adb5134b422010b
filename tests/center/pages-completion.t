#!/usr/bin/env bash
# usage: tests/center/pages-completion.t
# Reports as faxcenter-mailgate stores them drive the homepage: meter
# reports' toner levels become the chart's points, a paper jam opens a
# notice with service slots, the manager books a visit, and the terminal's
# completion report closes the notice, completes the visit and leaves both
# in the history.
# SPDX-License-Identifier: ISC
set -uo pipefail
. "$(dirname "$0")/../lib/tap.sh"
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/portal-lib.sh"
in_db "$0" "$@"

portal_begin
center_secret "$tmp"
now=$(date +%s)
report() { mkreport -i lobby-1 -m bob@example.com -M FX-7000 -S L1 "$@" >"$tmp/r.eml" &&
	mailgate "$tmp/r.eml"; }

is "$(report -t registration -r "$(rid 1)")" 0 "the terminal registers"
confirm=$(sql "SELECT body FROM outbox WHERE kind = 'confirm'" | grep -o '/confirm/[0-9a-f]\{64\}')
is "$(http_status -d '' "$CENTER_URL$confirm")" 200 "its manager confirms"
for i in 1 2 3; do
	report -t meter -r "$(rid $((10 + i)))" -T $((now - (4 - i) * 86400)) \
		-L $((100 - 30 * i)) >/dev/null
done
is "$(report -t status -c media-jam -r "$(rid 20)")" 0 "a paper jam is reported"
sql "INSERT INTO technicians (id, name) VALUES (1, 'Tom');
INSERT INTO technician_slots (id, technician_id, starts_at, ends_at)
	VALUES (1, 1, NOW() + INTERVAL 1 DAY, NOW() + INTERVAL 1 DAY + INTERVAL 2 HOUR);
INSERT INTO manager_tokens (manager_id, token_hash, expires_at)
	SELECT id, UNHEX(SHA2(REPEAT('b', 64), 256)), NOW(6) + INTERVAL 1 DAY
	FROM managers WHERE email = 'bob@example.com'"

is "$(web bob GET "$LINK_BOB")" 200 "the manager opens his homepage"
like "$(body)" 'Paper is jammed' "it shows the jam"
like "$(body)" 'toner 10%' "and the last toner level reported"
terminal=$(sql "SELECT id FROM terminals WHERE terminal_uid = 'lobby-1'")
notice=$(sql "SELECT id FROM notices WHERE closed_at IS NULL")
is "$(web bob POST /home/book -d "csrf=$(csrf)" -d "notice=$notice" -d slot=1)" 303 \
	"he books the service visit"
is "$(web bob GET "/home/toner/$terminal")" 200 "the toner chart"
is "$(grep -o '<circle class="reading"' "$tmp/body" | wc -l)" 3 \
	"has a point per meter report"
like "$(body)" '<title>10%</title>' "down to the last level"

is "$(report -t completion -c media-jam -C "$(rid 20)" -r "$(rid 21)")" 0 \
	"the terminal reports the repair"
is "$(sql 'SELECT state FROM visits')" completed "the visit is completed"
like "$(curl -s "$CENTER_URL/metrics")" '^faxcare_visits\{state="completed"\} 1$' \
	"/metrics counts it as completed"
web bob GET "/home?fresh" >/dev/null
like "$(body)" 'Nothing needs attention.' "the notice is gone from the homepage"
body | grep -q 'Service visit booked'
is $? 1 "and so is the booked visit"
like "$(body)" '<tr class="closed"><td>Paper is jammed</td>' "the history keeps the notice"
like "$(body)" '<tr class="visit"><td>Service visit by Tom \(completed\)</td>' \
	"and the completed visit"
done_testing
