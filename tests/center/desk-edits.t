#!/usr/bin/env bash
# usage: tests/center/desk-edits.t
# The desk's everyday edits (issue 18, point 4), each audited: a
# consumable changed and retired (no longer offered to the manager, the
# order that named it keeps it), a product guide changed and removed, an
# order cancelled (the manager's e-mail is queued, the homepage says
# cancelled, the manager may order again), a visit moved and cancelled
# (the manager's e-mail is queued, the freed slot can be booked again),
# a free slot removed and a booked one refused. Each form needs its CSRF
# token and its role.
# SPDX-License-Identifier: ISC
set -uo pipefail
. "$(dirname "$0")/../lib/tap.sh"
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/portal-lib.sh"
in_db "$0" "$@"

portal_begin
portal_seed
staff_team
web alice GET "$LINK_ALICE" >/dev/null
web bob GET "$LINK_BOB" >/dev/null

# --- consumables: changed, then retired ---
web dora GET /staff/catalogue >/dev/null
tok=$(csrf)
like "$(body)" 'action="/staff/consumables/retire"' "each consumable has a form to retire it"
is "$(web dora POST /staff/consumables/edit -d "csrf=$tok" -d consumable=2 \
	--data-urlencode 'name=High-yield toner (new box)' -d price_cents=7990 -d yield_pages=16000)" \
	303 "the desk changes a consumable's name, price and yield"
is "$(web dora POST /staff/consumables/edit -d consumable=2 -d name=X -d price_cents=1 \
	-d yield_pages=1)" 400 "not without the CSRF token"
web alice GET "/home?fresh" >/dev/null
like "$(body)" 'High-yield toner \(new box\)</label></td><td class="sku">TN-9000XL</td><td>16000 pages</td><td>79.90' \
	"the manager is offered it as changed"
atok=$(csrf)
is "$(web alice POST /home/order -d "csrf=$atok" -d notice=1 -d consumable=1 -d quantity=1)" 303 \
	"the manager orders the standard cartridge"
is "$(web dora POST /staff/consumables/retire -d "csrf=$tok" -d consumable=1)" 303 \
	"the desk retires that cartridge"
is "$(web dora POST /staff/consumables/retire -d "csrf=$tok" -d consumable=1)" 404 \
	"retiring it twice finds nothing to retire"
web dora GET /staff/catalogue >/dev/null
like "$(body)" '<td>TN-9000</td>.*<td class="retired">retired [0-9-]+</td>' "the catalogue shows it retired"
is "$(web dave POST /staff/consumables/retire -d "csrf=$tok" -d consumable=2)" 403 \
	"dispatch cannot retire consumables"

# --- orders: cancelled by the desk ---
web dora GET /staff/orders >/dev/null
like "$(body)" 'action="/staff/orders/cancel"' "each open order has a form to cancel it"
order=$(sql "SELECT MAX(id) FROM orders")
tok=$(csrf)
is "$(web dora POST /staff/orders/cancel -d "csrf=$tok" -d "order=$order")" 303 "the desk cancels the order"
is "$(sql "SELECT state FROM orders WHERE id = $order")" cancelled "it is cancelled"
is "$(sql "SELECT COUNT(*) FROM outbox WHERE kind = 'desk' AND order_id = $order AND subject = 'order-cancelled' AND manager_id = 1")" \
	1 "the manager's e-mail is in the outbox"
is "$(web dora POST /staff/orders/cancel -d "csrf=$tok" -d "order=$order")" 404 \
	"a cancelled order cannot be cancelled again"
web alice GET "/home?fresh" >/dev/null
like "$(body)" "Order $order: Toner cartridge &lt;black&gt; &times; 1, placed [^<]*<span class=\"state\"><strong class=\"cancelled\">Cancelled by the service center" \
	"the homepage says it was cancelled, and still names the retired cartridge"
like "$(body)" 'action="/home/order"' "the manager may order again"
like "$(body)" 'id="c1-2"' "the other cartridge is offered"
unlike "$(body)" 'id="c1-1"' "the retired cartridge is no longer offered"

# --- guides: changed, then removed ---
web dora GET /staff/guides >/dev/null
guide=$(sql "SELECT id FROM product_guides WHERE title = 'FX-8000 series'")
is "$(web dora POST /staff/guides/edit -d "csrf=$(csrf)" -d "guide=$guide" -d 'title=FX-8500 series' \
	-d url=https://example.com/fx8500 -d 'summary=Even faster.')" 303 "the desk changes a guide"
web bob GET "/home?fresh" >/dev/null
like "$(body)" '<a href="https://example.com/fx8500">FX-8500 series</a>: Even faster.' "the manager sees it changed"
web dora GET /staff/guides >/dev/null
is "$(web dora POST /staff/guides/remove -d "csrf=$(csrf)" -d "guide=$guide")" 303 "the desk removes it"
web bob GET "/home?fresh" >/dev/null
unlike "$(body)" 'FX-8500' "the manager no longer sees it"

# --- visits and slots ---
btok=$(csrf)
is "$(web bob POST /home/book -d "csrf=$btok" -d notice=2 -d slot=1)" 303 "bob books slot 1"
visit=$(sql "SELECT id FROM visits WHERE slot_id = 1")
web dave GET /staff/technicians >/dev/null
dtok=$(csrf)
is "$(web dave POST /staff/slots/remove -d "csrf=$dtok" -d slot=1)" 404 "a booked slot is not removed"
like "$(body)" 'cancel or move the visit first' "and dispatch is told why"
is "$(web dave POST /staff/visits/move -d "csrf=$dtok" -d "visit=$visit" -d slot=2)" 303 \
	"dispatch moves the visit to slot 2"
is "$(sql "SELECT COUNT(*) FROM outbox WHERE kind = 'desk' AND visit_id = $visit AND subject = 'visit-moved' AND body LIKE '% 09:00 UTC'")" \
	1 "the manager's e-mail (with the earlier time) is in the outbox"
is "$(web dave POST /staff/slots/remove -d "csrf=$dtok" -d slot=1)" 303 "the freed slot 1 can now be removed"
web dave GET /staff/technicians >/dev/null
unlike "$(body)" 'id="slot-1"' "and is no longer listed"
like "$(body)" 'id="slot-2"><form class="row" method="post" action="/staff/visits/cancel"' \
	"slot 2 is listed with the forms of the visit moved into it"
is "$(web dave POST /staff/visits/cancel -d "csrf=$dtok" -d "visit=$visit")" 303 "dispatch cancels the visit"
is "$(sql "SELECT COUNT(*) FROM outbox WHERE kind = 'desk' AND visit_id = $visit AND subject = 'visit-cancelled'")" \
	1 "the manager's e-mail is in the outbox"
web bob GET "/home?fresh" >/dev/null
like "$(body)" 'The service visit of [0-9-]+ 14:00 UTC was cancelled by the service center' \
	"the homepage says the visit was cancelled"
like "$(body)" 'name="slot" required value="2"' "its slot is offered again"
unlike "$(body)" 'name="slot" required value="1"' "the removed slot is not"
is "$(web bob POST /home/book -d "csrf=$(csrf)" -d notice=2 -d slot=2)" 303 "and bob books slot 2 again"
is "$(web dora POST /staff/visits/cancel -d "csrf=$tok" -d "visit=$visit")" 403 "the desk cannot cancel visits"

# --- the audit log ---
web ada GET '/staff/audit' >/dev/null
for a in consumable.edit consumable.retire order.cancel guide.edit guide.remove \
	visit.move slot.remove visit.cancel; do
	like "$(body)" "<td>$a</td>" "the audit log records $a"
done
like "$(body)" "<td>dave</td><td>visit.move</td><td>$visit</td><td>visit $visit to slot 2</td>" \
	"with who did it and what"
done_testing
