#!/usr/bin/env bash
# usage: tests/center/meter-statements.t
# Meter statements (issue 18, point 6): from the page counters of the
# meter reports the terminals sent, the pages printed per terminal and
# month, on the staff page, in the API and as CSV for a billing system
# (RFC 4180: header row, CRLF, one row per terminal and month). Seeded
# histories with known answers: a steady counter across a month's edge, a
# counter that went back (a board swap) and a terminal's first month.
# SPDX-License-Identifier: ISC
set -uo pipefail
. "$(dirname "$0")/../lib/tap.sh"
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/portal-lib.sh"
in_db "$0" "$@"

portal_begin
portal_seed
staff_team

# meter TERMINAL N TIME PAGES: a stored meter report, as the mailgate
# stores one (the trigger of schema version 87 reads its Page-Count).
meter() {
	sql "INSERT INTO reports (report_uid, terminal_id, type, sent_at, parsed, raw)
		VALUES ('m-$1-$2', $1, 'meter', '$3', 'Type: meter\nPage-Count: $4\n', '')"
}
# fx9000-A1: 1000 before January, 2000 at its end, 2600 in February:
# January 1000 pages, February 600.
meter 1 1 '2026-12-31 08:00:00' 1000
meter 1 2 '2027-01-10 12:00:00' 1500
meter 1 3 '2027-01-31 23:59:00' 2000
meter 1 4 '2027-02-15 09:00:00' 2600
# fx7000-B1: first reading in January, then its board swapped (50500 ->
# 100): January counts 500 + 300 = 800, flagged; no reading in February.
meter 2 1 '2027-01-05 08:00:00' 50000
meter 2 2 '2027-01-20 08:00:00' 50500
meter 2 3 '2027-01-25 08:00:00' 100
meter 2 4 '2027-01-30 08:00:00' 400

# fx-pro: a model whose name needs quoting in CSV.
sql "INSERT INTO models (id, name) VALUES (3, 'FX \"Pro\", 5')"
sql "INSERT INTO terminals (id, terminal_uid, model_id, serial) VALUES (3, 'fx-pro', 3, 'SN-P')"
meter 3 1 '2027-02-01 00:00:00' 10
meter 3 2 '2027-02-02 00:00:00' 25

is "$(web dora GET '/staff/meters?from=2027-01&to=2027-02')" 200 "the desk sees the meter statements"
like "$(body)" '<td>fx9000-A1</td><td>FX-9000</td><td>SN-A1</td><td>2027-01</td><td>2027-01-01</td><td>2027-01-31</td><td>1000</td><td>2000</td><td>1000</td><td>2</td>' \
	"January: last counter in the month minus the last before it"
like "$(body)" '<td>fx9000-A1</td><td>FX-9000</td><td>SN-A1</td><td>2027-02</td><td>2027-02-01</td><td>2027-02-28</td><td>2000</td><td>2600</td><td>600</td><td>1</td>' \
	"February"
like "$(body)" '<td>fx7000-B1</td><td>FX-7000</td><td>SN-B1</td><td>2027-01</td><td>2027-01-01</td><td>2027-01-31</td><td>50000</td><td>400</td><td>800</td><td>4</td><td>2027-01-30T08:00:00Z</td><td>counter-went-back first-reading</td>' \
	"a counter that went back counts no step down, and is flagged"
unlike "$(body)" '<td>fx7000-B1</td>(<td>[^<]*</td>){2}<td>2027-02</td>' "a month without readings has no row"

is "$(web dora GET '/staff/meters.csv?from=2027-01&to=2027-02')" 200 "the CSV export"
like "$(header content-type)" 'text/csv; charset=utf-8; header=present' "is text/csv with a header row"
expected=$(printf '%s\r\n' \
	'terminal,model,serial,month,period_start,period_end,start_count,end_count,pages,readings,last_reading_at,flags' \
	'fx-pro,"FX ""Pro"", 5",SN-P,2027-02,2027-02-01,2027-02-28,10,25,15,2,2027-02-02T00:00:00Z,first-reading' \
	'fx7000-B1,FX-7000,SN-B1,2027-01,2027-01-01,2027-01-31,50000,400,800,4,2027-01-30T08:00:00Z,counter-went-back first-reading' \
	'fx9000-A1,FX-9000,SN-A1,2027-01,2027-01-01,2027-01-31,1000,2000,1000,2,2027-01-31T23:59:00Z,' \
	'fx9000-A1,FX-9000,SN-A1,2027-02,2027-02-01,2027-02-28,2000,2600,600,1,2027-02-15T09:00:00Z,' | od -c)
is "$(od -c "$tmp/body")" "$expected" "one CRLF-ended row per terminal and month, ISO dates"

is "$(web dora GET '/staff/meters.csv?from=2027-02&to=2027-02')" 200 "one month alone"
like "$(body)" 'fx9000-A1,FX-9000,SN-A1,2027-02,2027-02-01,2027-02-28,2000,2600,600,1,' \
	"counts from the last reading before it"
like "$(body)" '^fx-pro,"FX ""Pro"", 5",SN-P,2027-02,2027-02-01,2027-02-28,10,25,15,2,2027-02-02T00:00:00Z,first-reading' \
	"a field with a comma or a quote is quoted, its quotes doubled"

is "$(web dora GET '/staff/meters?from=2027-03&to=2027-01')" 400 "a span that ends before it starts is refused"
is "$(web dora GET '/staff/meters?from=2027-13&to=2027-14')" 400 "so is a month that does not exist"
is "$(web dave GET '/staff/meters')" 403 "dispatch does not see billing"

# --- the JSON API ---
api_token=$(curl -s -X POST -d username=dora --data-urlencode 'password=correct horse battery' \
	"$CENTER_URL/api/v1/session" | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
is "$(curl -s -o "$tmp/body" -w '%{http_code}' -H "Authorization: Bearer $api_token" \
	"$CENTER_URL/api/v1/meters?from=2027-01&to=2027-01")" 200 "the API gives them"
like "$(body)" '"from":"2027-01","to":"2027-01","statements":\[\{"terminal":"fx7000-B1",.*"start_count":50000,"end_count":400,"pages":800,"readings":4,"last_reading_at":"2027-01-30T08:00:00Z","flags":"counter-went-back first-reading"\}' \
	"as JSON, counts as numbers"
like "$(body)" '"terminal":"fx9000-A1","model":"FX-9000","serial":"SN-A1","month":"2027-01","period_start":"2027-01-01","period_end":"2027-01-31","start_count":1000,"end_count":2000,"pages":1000' \
	"each terminal's month"
done_testing
