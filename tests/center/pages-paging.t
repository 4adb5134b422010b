#!/usr/bin/env bash
# usage: tests/center/pages-paging.t
# Staff lists page by keyset (paging.c), as a staff member sees them: the
# terminals page shows a total and 50 rows, the next page starts right
# after the first, terminals added between two page loads neither hide
# nor repeat a row, previous leads back, filters (state, model, manager)
# combine and stay in the links, a search by terminal id or serial finds
# the one terminal, and a cursor that no page gave is a clear 400, on the
# page and in the JSON API.
# SPDX-License-Identifier: ISC
set -uo pipefail
. "$(dirname "$0")/../lib/tap.sh"
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/portal-lib.sh"
in_db "$0" "$@"

portal_begin
portal_seed
# 120 more terminals, ids 3-122: even ones Alice's FX-9000, odd ones Bob's
# FX-7000; every tenth has a paper jam.
sql "INSERT INTO terminals (id, terminal_uid, model_id, serial, manager_id,
	last_report_at) SELECT seq, CONCAT('bulk-', seq), 1 + seq % 2,
	CONCAT('BS-', seq), 1 + seq % 2, NOW(6) FROM seq_3_to_122;
	INSERT INTO reports (id, report_uid, terminal_id, type, condition_kw,
	received_at, parsed, raw) SELECT 100 + seq, CONCAT('r-', seq), seq,
	'status', 'media-jam', NOW(6), '', '' FROM seq_10_to_120_step_10;
	INSERT INTO notices (terminal_id, condition_kw, kind, severity,
	alert_code, summary, opened_report_id) SELECT seq, 'media-jam',
	'fault', 'error', 8, 'Paper is jammed', 100 + seq
	FROM seq_10_to_120_step_10" || bail "seeding"
staff_add sam staff 'a staff password' || bail "account"
is "$(staff_login sam sam 'a staff password')" 303 "a staff member signs in"

# The terminal ids in the table of the last page, one a line.
rows() { grep -o '^<tr><td>[^<]*</td>' "$tmp/body" | sed 's/<tr><td>//; s/<\/td>//'; }
# The href of the page's link rel=$1, unescaped.
href() { grep -o "rel=\"$1\" href=\"[^\"]*\"" "$tmp/body" | sed 's/.*href="//; s/"$//; s/&amp;/\&/g'; }

is "$(web sam GET /staff/terminals)" 200 "the terminals page"
like "$(body)" '<p class="total">Total: 122</p>' "says how many terminals there are"
rows >"$tmp/page1"
is "$(wc -l <"$tmp/page1")" 50 "and shows 50 of them"
is "$(head -1 "$tmp/page1")/$(tail -1 "$tmp/page1")" "fx9000-A1/bulk-50" "in the order they registered"
is "$(href prev)" "" "the first page has no previous page"
next=$(href next)
is "$next" "/staff/terminals?cursor=n50" "and links the next"

# Terminals register while the staff member reads page 1.
sql "INSERT INTO terminals (id, terminal_uid, model_id, serial, manager_id,
	last_report_at) SELECT seq, CONCAT('late-', seq), 1, CONCAT('LS-', seq),
	1, NOW(6) FROM seq_123_to_130"
is "$(web sam GET "$next")" 200 "the second page"
rows >"$tmp/page2"
is "$(head -1 "$tmp/page2")" "bulk-51" "starts right after the first page's last terminal"
is "$(tail -1 "$tmp/page2")" "bulk-100" "and shows the next 50"
like "$(body)" '<p class="total">Total: 130</p>' "the total counts the new terminals"
prev=$(href prev)
is "$(web sam GET "$(href next)")" 200 "the third page"
rows >"$tmp/page3"
is "$(head -1 "$tmp/page3")/$(tail -1 "$tmp/page3")" "bulk-101/late-130" \
	"ends with the terminals registered meanwhile"
is "$(href next)" "" "and is the last"
all=$(cat "$tmp/page1" "$tmp/page2" "$tmp/page3")
is "$(echo "$all" | wc -l)/$(echo "$all" | sort -u | wc -l)" "130/130" \
	"the three pages show every terminal once: none skipped, none twice"
is "$(web sam GET "$prev")" 200 "previous, from the second page"
is "$(rows | tr '\n' ' ')" "$(tr '\n' ' ' <"$tmp/page1")" "is the first page again"

# --- filters ---
is "$(web sam GET '/staff/terminals?state=error')" 200 "terminals in error"
like "$(body)" 'Total: 13<' "all 13 (bulk every tenth, and fx7000-B1)"
is "$(web sam GET '/staff/terminals?state=error&model=FX-9000')" 200 "in error and of one model"
is "$(rows | tr '\n' ' ')" "bulk-10 bulk-20 bulk-30 bulk-40 bulk-50 bulk-60 bulk-70 bulk-80 bulk-90 bulk-100 bulk-110 bulk-120 " \
	"filters combine"
is "$(web sam GET '/staff/terminals?state=error&model=FX-9000&manager=bob%40example.com')" 200 \
	"and another manager's"
like "$(body)" 'Total: 0<' "none: the FX-9000s in error are Alice's"
like "$(body)" '<td colspan="7">None.</td>' "and the page says so"
is "$(web sam GET '/staff/terminals?model=FX-7000&manager=bob%40example.com')" 200 "Bob's FX-7000s"
like "$(body)" 'Total: 61<' "all 61"
like "$(href next)" '^/staff/terminals\?model=FX-7000&manager=bob%40example\.com&cursor=n[0-9]+$' \
	"the next page keeps the filters"
web sam GET "$(href next)" >/dev/null
is "$(rows | grep -cv '^bulk-[0-9]*[13579]$')" 0 "and shows only Bob's FX-7000s"
is "$(web sam GET '/staff/terminals?state=broken')" 400 "an unknown state is refused"
like "$(body)" 'must be ok, warning, error or not_reporting' "saying which there are"

# --- search ---
is "$(web sam GET '/staff/terminals?q=BS-77')" 200 "a search by serial"
is "$(rows)" "bulk-77" "finds that terminal"
is "$(web sam GET '/staff/terminals?q=fx7000-B1')" 200 "a search by terminal id"
is "$(rows)" "fx7000-B1" "finds that one"
like "$(body)" 'Total: 1<' "alone"

# --- bad cursors ---
for c in x50 n50x n0 p-1 n99999999999999999999; do
	is "$(web sam GET "/staff/terminals?cursor=$c")" 400 "cursor $c is refused"
done
like "$(body)" 'cursor: not one of this list' "saying what is wrong"

# --- the API pages the same way ---
is "$(curl -s -d username=sam -d 'password=a staff password' -o "$tmp/body" \
	-w '%{http_code}' "$CENTER_URL/api/v1/session")" 200 "an API token"
token=$(python3 -c "import json; print(json.load(open('$tmp/body'))['token'])")
api() { curl -s -H "Authorization: Bearer $token" -o "$tmp/body" -w '%{http_code}' "$CENTER_URL$1"; }
json() { python3 -c "import json,sys; d=json.load(open('$tmp/body')); print($1)"; }
is "$(api '/api/v1/terminals?limit=100&model=FX-9000&state=error')" 200 "the API's terminals, filtered"
is "$(json "(len(d['terminals']), d['total'], d['total_exact'], d['next'])")" "(12, 12, True, None)" \
	"one page of 12, the total, no next page"
is "$(api '/api/v1/terminals?limit=60')" 200 "a page of 60"
is "$(json "(d['terminals'][-1]['terminal'], d['next'], d['previous'])")" "('bulk-60', 'n60', None)" \
	"its next cursor names its last row"
is "$(api "/api/v1/terminals?limit=60&cursor=$(json "d['next']")")" 200 "the next page"
is "$(json "(d['terminals'][0]['terminal'], d['previous'])")" "('bulk-61', 'p61')" "starts after it"
is "$(api '/api/v1/terminals?cursor=bogus')" 400 "a bad cursor"
like "$(json "d['error']")" '^cursor: ' "is a JSON error naming the cursor"

# --- the audit log: newest first ---
staff_add ada admin 'an admin password' || bail "account"
is "$(staff_login ada ada 'an admin password')" 303 "an admin signs in"
sql "INSERT INTO audit_log (actor, action, subject) SELECT 'seed',
	IF(seq % 3 = 0, 'slot.add', 'guide.add'), CONCAT('entry-', seq)
	FROM seq_1_to_120"
subjects() { grep -o '<td>entry-[0-9]*</td>' "$tmp/body" | sed 's/<td>//; s/<\/td>//'; }
is "$(web ada GET /staff/audit)" 200 "the audit log"
subjects >"$tmp/audit1"
is "$(head -1 "$tmp/audit1")" "entry-120" "the newest entry first"
next=$(href next)
sql "INSERT INTO audit_log (actor, action, subject) SELECT 'seed', 'slot.add',
	CONCAT('entry-', seq) FROM seq_121_to_125"
is "$(web ada GET "$next")" 200 "its second page, after five more entries were written"
subjects >"$tmp/audit2"
is "$(head -1 "$tmp/audit2")" "entry-$(($(tail -1 "$tmp/audit1" | sed 's/entry-//') - 1))" \
	"starts right after the first page's last entry"
is "$(sort "$tmp/audit1" "$tmp/audit2" | uniq -d | wc -l)" 0 "repeating none of it"
is "$(web ada GET '/staff/audit?action=slot.add&actor=seed')" 200 "the entries of one action by one actor"
like "$(body)" 'Total: 45<' "counted: 40, and the 5 written since"
is "$(subjects | head -1)" "entry-125" "newest first"

# --- orders: oldest first ---
staff_add dora desk 'the desk password' || bail "account"
is "$(staff_login dora dora 'the desk password')" 303 "the order desk signs in"
sql "INSERT INTO orders (id, terminal_id, manager_id, consumable_id, state)
	SELECT seq, 1 + seq % 2, 1 + seq % 2, IF(seq % 2, 3, 1),
	IF(seq % 4 = 0, 'scheduled', 'placed') FROM seq_1_to_70"
orders() { grep -o '<tr id="order-[0-9]*">' "$tmp/body" | grep -o '[0-9]*'; }
is "$(web dora GET /staff/orders)" 200 "the orders queue"
like "$(body)" 'Total: 70<' "all 70 open orders"
is "$(orders | head -1)/$(orders | tail -1)" "1/50" "the oldest 50 first"
is "$(web dora GET "$(href next)")" 200 "the next page"
is "$(orders | head -1)/$(orders | tail -1)" "51/70" "the other 20"
is "$(web dora GET '/staff/orders?state=scheduled&manager=alice%40example.com')" 200 \
	"Alice's scheduled orders"
is "$(orders | tr '\n' ' ')" "4 8 12 16 20 24 28 32 36 40 44 48 52 56 60 64 68 " "filters combine"
is "$(web dora GET '/staff/orders?state=delivered')" 400 "a finished state is no open order's"
is "$(curl -s -d username=dora -d 'password=the desk password' -o "$tmp/body" \
	"$CENTER_URL/api/v1/session")" "" "the desk's API token"
token=$(python3 -c "import json; print(json.load(open('$tmp/body'))['token'])")
is "$(api '/api/v1/orders?limit=30&model=FX-7000')" 200 "the API's orders of one model"
is "$(json "([o['id'] for o in d['orders']][:3], d['total'], d['next'])")" "([1, 3, 5], 35, 'n59')" \
	"paged like the page"

# --- the catalogue ---
sql "INSERT INTO consumables (model_id, condition_kw, sku, name)
	SELECT 2, 'media-low', CONCAT('PP-', seq), 'Paper' FROM seq_1_to_60"
is "$(web dora GET '/staff/catalogue')" 200 "the catalogue"
like "$(body)" 'Total: 63<' "counts every consumable"
is "$(grep -c '<td>PP-' "$tmp/body")" 47 "and shows 50 (3 from before, 47 new)"
like "$(body)" '<option value="2">FX-7000</option>' "its form still offers the models"
is "$(web dora GET "$(href next)")" 200 "the next page"
is "$(grep -o '<td>PP-[0-9]*</td>' "$tmp/body" | head -1)" "<td>PP-48</td>" "goes on after the first"
is "$(web dora GET '/staff/catalogue?model=FX-9000')" 200 "one model's consumables"
like "$(body)" 'Total: 2<' "its two"
done_testing
