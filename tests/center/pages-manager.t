#!/usr/bin/env bash
# usage: tests/center/pages-manager.t
# The manager's homepage through HTTP: the e-mailed link opens a session,
# the page shows the manager's terminals (never another manager's), open
# notices in plain words, the consumables of the model with an order form,
# the service slots and product guides for a failure, the toner chart and
# the history; ordering and booking check the session, the CSRF token,
# ownership and input; a slot cannot be booked twice; the link endpoint is
# rate limited.
# SPDX-License-Identifier: ISC
set -uo pipefail
. "$(dirname "$0")/../lib/tap.sh"
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/portal-lib.sh"
in_db "$0" "$@"

portal_begin
portal_seed

# --- the e-mailed link ---
is "$(web alice GET "$LINK_ALICE")" 200 "the e-mailed link shows the homepage"
like "$(header set-cookie)" '^set-cookie: fc_home=[0-9a-f]{64}; Path=/; .*HttpOnly; SameSite=Lax' \
	"and opens a session cookie (HttpOnly, SameSite)"
like "$(body)" 'Manager: alice@example.com' "it names the manager"
like "$(body)" 'FX-9000 <span class="serial">serial SN-A1' "it lists her terminal"
like "$(body)" 'needs attention soon' "with its state"
like "$(body)" '<span class="severity">warning</span> Toner is low' \
	"the open notice in plain words with its severity"
body | grep -q 'fx7000-B1\|bob@example.com'
is $? 1 "Bob's terminal is not on Alice's page"
like "$(body)" 'Toner cartridge &lt;black&gt;' "consumable names are escaped"
like "$(body)" '<td class="sku">TN-9000XL</td><td>15000 pages</td><td>89.90</td>' \
	"part number, yield and price of each consumable"
like "$(body)" 'src="/assets/consumables/toner.svg"' "and its picture"
is "$(curl -s -o /dev/null -w '%{http_code} %{content_type}' "$CENTER_URL/assets/consumables/toner.svg")" \
	"200 image/svg+xml" "which is served as an image"
like "$(body)" 'action="/home/order"' "an order form"
like "$(body)" 'src="/home/toner/1"' "the toner chart"
body | grep -q 'TN-7000'
is $? 1 "consumables of other models are not offered"

is "$(web alice GET /home)" 200 "the cookie alone opens /home later"
is "$(header refresh)" "refresh: 300; url=/home" "an open homepage reloads itself now and then"
like "$(body)" 'Toner is low' "with the same notice"
is "$(web nobody GET /home)" 403 "/home without a session is refused"
is "$(web nobody GET "/m/$(printf 'c%.0s' {1..64})")" 404 "an unknown link is 404"
is "$(web nobody GET /m/AAAA)" 404 "a malformed link is not routed"
is "$(curl -s -o /dev/null -w '%{http_code}' "$CENTER_URL/home/order")" 405 \
	"ordering takes POST only"

# --- the chart ---
is "$(web alice GET /home/toner/1)" 200 "the toner chart is served"
like "$(header content-type)" 'image/svg\+xml' "as SVG"
is "$(grep -o '<circle class="reading"' "$tmp/body" | wc -l)" 3 \
	"with one point per toner reading"
like "$(body)" '<polyline' "joined by a line"
is "$(web alice GET /home/toner/2)" 404 "another manager's chart is 404"
is "$(web nobody GET /home/toner/1)" 404 "and so is a chart without a session"

# --- ordering ---
web alice GET /home >/dev/null
tok=$(csrf)
is "$(web alice POST /home/order -d notice=1 -d consumable=2 -d quantity=2)" 400 \
	"an order without the CSRF token is refused"
is "$(web alice POST /home/order -d "csrf=$(printf '0%.0s' {1..64})" -d notice=1 \
	-d consumable=2 -d quantity=2)" 400 "and with a wrong one"
is "$(web alice POST /home/order -d "csrf=$tok" -d notice=1 -d consumable=2 \
	-d quantity=0)" 400 "a quantity of 0 is refused"
is "$(web alice POST /home/order -d "csrf=$tok" -d notice=x -d consumable=2 \
	-d quantity=1)" 400 "a malformed notice id is refused"
is "$(web alice POST /home/order -d "csrf=$tok" -d notice=2 -d consumable=3 \
	-d quantity=1)" 404 "ordering for Bob's notice is refused"
is "$(web alice POST /home/order -d "csrf=$tok" -d notice=1 -d consumable=3 \
	-d quantity=1)" 404 "a consumable of another model is refused"
is "$(sql 'SELECT COUNT(*) FROM orders')" 0 "none of these placed an order"
is "$(web alice POST /home/order -d "csrf=$tok" -d notice=1 -d consumable=2 \
	-d quantity=2)" 303 "a valid order is placed"
is "$(header location)" "location: /home?fresh#notice-1" \
	"and leads back to the notice, freshly drawn"
is "$(sql 'SELECT notice_id, terminal_id, manager_id, consumable_id, quantity, state FROM orders')" \
	"$(printf '1\t1\t1\t2\t2\tplaced')" "the order row names the notice and the item"
web alice GET "/home?fresh" >/dev/null
like "$(body)" 'Order [0-9]+: High-yield toner cartridge &times; 2' "the homepage shows the order"
like "$(body)" 'the delivery date follows shortly' "and its status"
body | grep -q 'action="/home/order"'
is $? 1 "no second order form while one is open"
is "$(web alice POST /home/order -d "csrf=$tok" -d notice=1 -d consumable=1 \
	-d quantity=1)" 404 "a second open order for the notice is refused"
is "$(web bob GET "$LINK_BOB")" 200 "Bob opens his homepage"
is "$(web bob POST /home/order -d "csrf=$tok" -d notice=1 -d consumable=2 \
	-d quantity=1)" 400 "Alice's CSRF token does not work for Bob"

# --- a failure: slots, guides, booking ---
web bob GET /home >/dev/null
like "$(body)" '<span class="severity">error</span> Paper is jammed' "Bob sees the jam"
like "$(body)" 'needs attention now' "his terminal needs attention now"
like "$(body)" 'A service person is available' "with a service person's times"
like "$(body)" '\(Tom Techniker\)' "named"
like "$(body)" '<a href="https://example.com/fx8000">FX-8000 series</a>' \
	"and the newer products for his model"
btok=$(csrf)
is "$(web bob POST /home/book -d "csrf=$btok" -d notice=2)" 400 "booking needs a slot"
is "$(web alice POST /home/book -d "csrf=$tok" -d notice=2 -d slot=1)" 404 \
	"Alice cannot book for Bob's notice"
is "$(web bob POST /home/book -d "csrf=$btok" -d notice=2 -d slot=1)" 303 \
	"Bob books the first slot"
web bob GET "/home?fresh" >/dev/null
like "$(body)" 'Service visit booked: <strong>[0-9-]+ 09:00 UTC</strong> with Tom Techniker' \
	"his homepage shows the visit"
sql "INSERT INTO reports (id, report_uid, terminal_id, type, parsed, raw)
	VALUES (9, 'r-b1-9', 2, 'status', '', '');
INSERT INTO notices (id, terminal_id, condition_kw, kind, severity, alert_code,
	summary, opened_report_id) VALUES (3, 2, 'door-open', 'fault', 'error', 501,
	'A door is open', 9)"
is "$(web bob POST /home/book -d "csrf=$btok" -d notice=3 -d slot=1)" 409 \
	"a slot cannot be booked twice"
is "$(sql 'SELECT COUNT(*) FROM visits WHERE slot_id = 1')" 1 "one visit holds the slot"
web bob GET "/home?fresh" >/dev/null
grep -c 'name="slot" required value="1"' "$tmp/body" >/dev/null
is $? 1 "the booked slot is no longer offered"

# --- escaping of everything the terminal reported ---
sql "UPDATE terminals SET serial = '<script>alert(1)</script>' WHERE id = 2"
# Two requests on one connection reach the same worker.
hits=$(curl -s -b "$tmp/bob.jar" -D - -o /dev/null "$CENTER_URL/home?fresh" \
	-o /dev/null "$CENTER_URL/home" | grep -ci '^x-cache: hit')
is "$hits" 1 "a reload with nothing changed is served from memory"
web bob GET "/home?fresh" >/dev/null
like "$(body)" 'serial &lt;script&gt;alert\(1\)&lt;/script&gt;' "reported values are escaped"
body | grep -q '<script>'
is $? 1 "no markup gets through"

# --- history ---
sql "UPDATE notices SET closed_at = NOW(6), closed_report_id = 9 WHERE id = 3"
web bob GET "/home?fresh" >/dev/null
like "$(body)" '<tr class="closed"><td>A door is open</td>' "a closed notice moves to the history"

# --- signing out ---
is "$(web alice POST /home/logout -d "csrf=$tok")" 200 "Alice signs out"
is "$(web alice GET /home)" 403 "her session is over"
is "$(web alice GET "$LINK_ALICE")" 200 "the e-mailed link signs her in again"

# --- rotating access ---
is "$(web alice2 GET "$LINK_ALICE")" 200 "Alice opens a second session elsewhere"
web alice GET "/home?fresh" >/dev/null
like "$(body)" 'action="/home/rotate"' "her homepage offers to stop old links"
tok=$(csrf)
is "$(web alice POST /home/rotate -d csrf=)" 400 "stopping them needs the CSRF token"
is "$(web alice POST /home/rotate -d "csrf=$tok")" 200 "she stops the old links"
is "$(web nobody GET "$LINK_ALICE")" 404 "the e-mailed link no longer works"
is "$(web alice2 GET "/home?fresh")" 403 "nor her other session"
is "$(web alice GET "/home?fresh")" 200 "this browser stays signed in"
is "$(web bob GET "$LINK_BOB")" 200 "Bob's link is untouched"
is "$(sql "SELECT actor, action, subject, detail FROM audit_log ORDER BY id" | tr '\t' '|')" \
	"$(printf '%s\n' 'manager alice@example.com|order.place|notice 1|consumable 2, quantity 2' \
		'manager bob@example.com|visit.book|notice 2|slot 1' \
		'manager alice@example.com|access.rotate||links and other sessions stopped')" \
	"what managers did is in the audit log"

# --- rate limit on the link endpoint ---
limited=0
for i in $(seq 80); do
	[ "$(web nobody GET "/m/$(printf 'd%.0s' {1..64})")" = 429 ] && limited=1
done
is "$limited" 1 "guessing links is rate limited"
is "$(web nobody GET "/m/$(printf 'd%.0s' {1..64})" -H 'X-Forwarded-For: 10.9.9.9, 192.0.2.7')" 404 \
	"another client behind the proxy is not (nginx's last X-Forwarded-For entry)"
limited=0
for i in $(seq 80); do
	[ "$(web nobody GET "/m/$(printf 'd%.0s' {1..64})" \
		-H "X-Forwarded-For: 10.0.0.$i, 192.0.2.8")" = 429 ] && limited=1
done
is "$limited" 1 "and an address the client puts first does not dodge the limit"
limited=0
for i in $(seq 80); do
	[ "$(web nobody GET "/confirm/$(printf 'e%.0s' {1..64})" \
		-H 'X-Forwarded-For: 192.0.2.9')" = 429 ] && limited=1
done
is "$limited" 1 "guessing confirmation links is rate limited too"
kill -0 "$CENTER_PID"
ok $? "kore is still running"
done_testing
