#!/usr/bin/env bash
# usage: tests/center/pages-paging.t
# Staff lists page by keyset (paging.c), as a staff member sees them: the
# terminals page shows a total and 50 rows, the next page starts right
# after the first, terminals added between two page loads neither hide
# nor repeat a row, previous leads back, filters (state, model, manager)
# combine and stay in the links, a search by terminal id or serial finds
# the one terminal, and a cursor that no page gave is a clear 400, on the
# page and in the JSON API. The technicians' slots (by start) and the
# product guides (newest first) page the same way by time and id: rows at
# the same time split between two pages, and rows written between two
# loads, some at the very time of the cursor, are neither skipped nor
# shown twice.
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
# --- the technicians' slots: in the order they start ---
staff_add dave dispatch 'the dispatch password' || bail "account"
is "$(staff_login dave dave 'the dispatch password')" 303 "dispatch signs in"
# Pat (technician 2): 80 slots in 2031, two at each of 40 hours, their ids
# in another order than their times, and one on the last day of 2030, so
# page 1 (Tom's 2, then Pat's) ends between two slots of one hour. Each
# lasts its own number of minutes: From and To name one slot.
sql "INSERT INTO technicians (id, name) VALUES (2, 'Pat');
	INSERT INTO technician_slots (id, technician_id, starts_at, ends_at)
	SELECT 100 + seq, 2, '2031-01-01' + INTERVAL (seq * 37 % 40) HOUR,
	'2031-01-01' + INTERVAL (seq * 37 % 40) HOUR + INTERVAL seq MINUTE
	FROM seq_1_to_80;
	INSERT INTO technician_slots (id, technician_id, starts_at, ends_at)
	VALUES (100, 2, '2030-12-31 00:00', '2030-12-31 02:00')" || bail "slots"
slot_sql() {
	sql "SELECT CONCAT(DATE_FORMAT(starts_at, '%Y-%m-%d %H:%i UTC'), '|',
		DATE_FORMAT(ends_at, '%Y-%m-%d %H:%i UTC')) FROM technician_slots
		WHERE $1 ORDER BY starts_at, id"
}
slots() {
	grep -o '^<tr><td>[^<]*</td><td>[^<]* UTC</td><td>[^<]* UTC</td>' "$tmp/body" |
		sed 's/^<tr><td>[^<]*<\/td><td>//; s/<\/td><td>/|/; s/<\/td>$//'
}
is "$(web dave GET /staff/technicians)" 200 "the technicians page"
like "$(body)" '<p class="total">Total: 83</p>' "counts every slot from yesterday on"
slots >"$tmp/slots1"
is "$(cat "$tmp/slots1")" "$(slot_sql 1 | head -50)" "shows the first 50, in the order they start"
is "$(tail -1 "$tmp/slots1")" "2031-01-01 23:00 UTC|2031-01-01 23:19 UTC" \
	"page 1 ends with the first of two slots that start at 23:00"
next=$(href next)
like "$next" '^/staff/technicians\?cursor=n[0-9]+-119$' "the next page's cursor names its time and row"
# Slots added while dispatch reads page 1: three before its end (not on
# the next page), one at the very hour of its last row, two later.
sql "INSERT INTO technician_slots (id, technician_id, starts_at, ends_at)
	VALUES (200, 2, '2030-12-31 01:00', '2030-12-31 01:01'),
	(201, 2, '2030-12-31 01:00', '2030-12-31 01:02'),
	(202, 2, '2031-01-01 05:00', '2031-01-01 05:03'),
	(203, 2, '2031-01-01 23:00', '2031-01-01 23:58'),
	(204, 2, '2031-01-02 06:00', '2031-01-02 06:59'),
	(205, 2, '2031-02-01 00:00', '2031-02-01 00:30')" || bail "more slots"
is "$(web dave GET "$next")" 200 "the second page"
slots >"$tmp/slots2"
is "$(head -2 "$tmp/slots2" | tr '\n' ' ')" "2031-01-01 23:00 UTC|2031-01-01 23:59 UTC 2031-01-01 23:00 UTC|2031-01-01 23:58 UTC " \
	"starts with the other slot at 23:00, then the one added at that hour"
like "$(body)" 'Total: 89<' "the total counts the six new slots"
is "$(href next)" "" "and is the last"
is "$(cat "$tmp/slots1" "$tmp/slots2")" "$(slot_sql 'id NOT IN (200, 201, 202)')" \
	"the two pages show every slot once, in time order, but those added before the cursor"
is "$(web dave GET "$(href prev)")" 200 "previous, from the second page"
is "$(slots | tail -1)" "$(tail -1 "$tmp/slots1")" "ends where the first page ended"
like "$(body)" '<td>2030-12-31 01:00 UTC</td><td>2030-12-31 01:01 UTC</td>' "and now shows the slots added before it"

# filters: booked or free, one technician's, a manager's visits
sql "INSERT INTO visits (terminal_id, manager_id, slot_id) SELECT
	2 - seq % 2, 2 - seq % 2, 100 + seq FROM seq_1_to_10" || bail "visits"
is "$(web dave GET '/staff/technicians?state=booked')" 200 "the booked slots"
like "$(body)" 'Total: 10<' "all 10"
like "$(body)" '<td>booked for fx9000-A1 \(booked\)</td>' "each saying by which terminal"
is "$(web dave GET '/staff/technicians?state=booked&manager=bob%40example.com')" 200 \
	"those Bob booked"
is "$(slots)" "$(slot_sql 'id IN (102, 104, 106, 108, 110)')" "filters combine"
is "$(web dave GET '/staff/technicians?technician=2&state=free')" 200 "Pat's free slots"
like "$(body)" 'Total: 77<' "all 77"
like "$(href next)" '^/staff/technicians\?state=free&technician=2&cursor=n[0-9]+-[0-9]+$' \
	"the next page keeps the filters"
like "$(body)" '<option value="2" selected>Pat</option>' "the form shows the chosen technician"
is "$(web dave GET '/staff/technicians?technician=1')" 200 "Tom's"
like "$(body)" 'Total: 2<' "his two"
is "$(web dave GET '/staff/technicians?state=cancelled')" 400 "an unknown state is refused"
like "$(body)" 'must be free or booked' "saying which there are"

# bad cursors: a terminal-list cursor, no time, a time past any date,
# leading zeros, trailing junk
for c in n119 n-119 n1-0 n01-5 n253402300800000000-1 p1924992000000000-1x x5-5; do
	is "$(web dave GET "/staff/technicians?cursor=$c")" 400 "slots cursor $c is refused"
done
like "$(body)" 'cursor: not one of this list.*a time' "saying what a cursor holds"

# the API: small pages split the pairs of one hour
is "$(curl -s -d username=dave -d 'password=the dispatch password' -o "$tmp/body" \
	"$CENTER_URL/api/v1/session")" "" "dispatch's API token"
token=$(python3 -c "import json; print(json.load(open('$tmp/body'))['token'])")
# walk URL LIST: follow an API list's next cursors from its first page;
# sets ids (its rows' ids, in order) and pages (how many were read).
walk() {
	local cursor='' page
	ids=() pages=0
	while [ "$(api "$1${cursor:+&cursor=$cursor}")" = 200 ]; do
		read -ra page <<<"$(json "' '.join(str(r['id']) for r in d['$2'])")"
		ids+=("${page[@]}")
		cursor=$(json "d['next'] or ''")
		pages=$((pages + 1))
		[ -n "$cursor" ] && ((pages < 30)) || break
	done
}
walk '/api/v1/slots?technician=2&limit=7' slots
is "${ids[*]}" "$(sql "SELECT id FROM technician_slots WHERE technician_id = 2
	ORDER BY starts_at, id" | tr '\n' ' ' | sed 's/ $//')" \
	"walking the API's pages of 7 gives each of Pat's slots once, in time order"
is "$pages" 13 "in 13 pages"
is "$(api '/api/v1/slots?state=booked&manager=alice%40example.com&limit=2')" 200 "Alice's booked slots"
is "$(json "(d['total'], d['slots'][0]['terminal'], d['slots'][0]['visit'], d['previous'])")" \
	"(5, 'fx9000-A1', 'booked', None)" "with the terminal and the visit"
is "$(api '/api/v1/slots?cursor=n119')" 400 "a cursor without its time"
like "$(json "d['error']")" '^cursor: ' "is a JSON error naming the cursor"

# --- the product guides: the newest first ---
# 60 guides written on 30 days of 2030, two a day, ids in another order;
# one in 2031, so page 1 ends between the two guides of one day.
sql "INSERT INTO product_guides (id, model_id, title, url, summary, created_at)
	SELECT 100 + seq, 1 + seq % 2, CONCAT('G-', seq), 'https://example.com/g',
	'', '2030-01-01' + INTERVAL (seq * 7 % 30) DAY FROM seq_1_to_60;
	INSERT INTO product_guides (id, model_id, title, url, summary, created_at)
	VALUES (100, 1, 'G-new', 'https://example.com/g', '', '2031-01-01')" ||
	bail "guides"
guide_sql() { sql "SELECT title FROM product_guides WHERE $1 ORDER BY created_at DESC, id DESC"; }
titles() { grep -o '^<tr><td>[^<]*</td><td>[^<]*</td>' "$tmp/body" | sed 's/.*<td>//; s/<\/td>$//'; }
is "$(web dora GET /staff/guides)" 200 "the product guides"
like "$(body)" 'Total: 62<' "counts them all"
titles >"$tmp/guides1"
is "$(cat "$tmp/guides1")" "$(guide_sql 1 | head -50)" "shows the newest 50, newest first"
next=$(href next)
# Written while the desk reads page 1: one newer than all, one on the day
# of page 1's last guide with a lower id (it sorts after it).
sql "INSERT INTO product_guides (id, model_id, title, url, summary, created_at)
	VALUES (170, 1, 'G-newer', 'https://example.com/g', '', '2032-01-01');
	INSERT INTO product_guides (id, model_id, title, url, summary, created_at)
	SELECT 99, 1, 'G-tie', 'https://example.com/g', '', created_at
	FROM product_guides WHERE title = '$(tail -1 "$tmp/guides1")'" || bail "more guides"
is "$(web dora GET "$next")" 200 "the second page"
titles >"$tmp/guides2"
is "$(cat "$tmp/guides1" "$tmp/guides2")" "$(guide_sql 'id <> 170')" \
	"the two pages show every guide once, newest first, but the one written above the cursor"
like "$(cat "$tmp/guides2")" 'G-tie' "including the one written at the cursor's very time"
is "$(web dora GET "$(href prev)")" 200 "previous, from the second page"
is "$(titles)" "$(cat "$tmp/guides1")" "is the first page again"
is "$(web dora GET "$(href prev)")" 200 "and its previous"
is "$(titles)" "G-newer" "holds the guide written since, alone"
is "$(web dora GET '/staff/guides?model=FX-7000')" 200 "one model's guides"
like "$(body)" 'Total: 31<' "its 31"
like "$(body)" '<option value="FX-7000" selected>FX-7000</option>' "the filter shows the chosen model"
is "$(web dora GET '/staff/guides?cursor=p7')" 400 "a guides cursor without its time is refused"
is "$(curl -s -d username=dora -d 'password=the desk password' -o "$tmp/body" \
	"$CENTER_URL/api/v1/session")" "" "the desk's API token"
token=$(python3 -c "import json; print(json.load(open('$tmp/body'))['token'])")
walk '/api/v1/guides?model=FX-7000&limit=4' guides
is "${ids[*]}" "$(sql "SELECT id FROM product_guides WHERE model_id = 2
	ORDER BY created_at DESC, id DESC" | tr '\n' ' ' | sed 's/ $//')" \
	"walking the API's pages of 4 gives each of the model's guides once, newest first"
is "$(api '/api/v1/guides?cursor=n5-0')" 400 "a bad cursor"
like "$(json "d['error']")" '^cursor: ' "is a JSON error naming the cursor"
# --- the quarantine: the newest first, by reason ---
sql "INSERT INTO mail_quarantine (id, reason, detail, bytes, raw) SELECT seq,
	IF(seq % 5 = 0, 'forged', 'not-a-report'), CONCAT('drop-', seq), 1, ''
	FROM seq_1_to_70" || bail "quarantine"
drops() { grep -o '<td>drop-[0-9]*</td>' "$tmp/body" | grep -o '[0-9]*'; }
is "$(web ada GET /staff/quarantine)" 200 "the quarantine"
like "$(body)" 'Total: 70<' "counts every dropped mail"
is "$(drops | head -1)/$(drops | tail -1)/$(drops | wc -l)" "70/21/50" "the newest 50 first"
is "$(web ada GET "$(href next)")" 200 "its next page"
is "$(drops | head -1)/$(drops | tail -1)" "20/1" "the oldest 20"
is "$(web ada GET '/staff/quarantine?reason=forged')" 200 "the forged ones"
is "$(drops | tr '\n' ' ')" "70 65 60 55 50 45 40 35 30 25 20 15 10 5 " "only those, newest first"
is "$(web ada GET '/staff/quarantine?cursor=n1-1')" 400 "a timed cursor is not this list's"
# --- sessions: the newest first, by kind and account ---
sql "INSERT INTO sessions (id, staff_user_id, kind, token_hash, csrf_secret,
	expires_at) SELECT 1000 + seq, (SELECT id FROM staff_users WHERE username =
	IF(seq % 2, 'sam', 'dave')), 'api', UNHEX(SHA2(CONCAT('t', seq), 256)),
	UNHEX(SHA2(CONCAT('c', seq), 256)), NOW(6) + INTERVAL 1 DAY
	FROM seq_1_to_60" || bail "sessions"
sessions() { grep -o '<tr><td>[0-9]*</td>' "$tmp/body" | grep -o '[0-9]*'; }
is "$(web ada GET '/staff/sessions?kind=api')" 200 "an admin's API tokens list"
like "$(body)" 'Total: 6[0-9]<' "counts every account's"
is "$(sessions | head -1)/$(sessions | wc -l)" "1060/50" "the newest 50 first"
like "$(body)" '<input type="hidden" name="session" value="1060"><button type="submit">Revoke</button>' \
	"each with its revoke button"
is "$(web ada GET "$(href next)")" 200 "the next page"
is "$(sessions | head -1)" 1010 "goes on after the first"
is "$(web ada GET '/staff/sessions?kind=api&account=dave')" 200 "one account's"
like "$(body)" 'Total: 3[0-9]<' "its 30 and what the test opened"
is "$(sessions | head -3 | tr '\n' ' ')" "1060 1058 1056 " "only dave's"
is "$(web dave GET '/staff/sessions?account=sam')" 200 "a dispatcher asking for sam's"
like "$(body)" 'Total: 0<' "sees none: only their own"
is "$(web ada GET '/staff/sessions?kind=cookie')" 400 "an unknown kind is refused"
done_testing
