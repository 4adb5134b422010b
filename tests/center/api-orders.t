#!/usr/bin/env bash
# usage: tests/center/api-orders.t
# The JSON API and /metrics through HTTP: a client signs in for a bearer
# token (wrong passwords refused and rate limited), lists open orders and
# sets a delivery date the manager then sees, written to the audit log as
# on the staff page, with the staff roles' authorization; /metrics counts
# the fleet in Prometheus' text format.
# SPDX-License-Identifier: ISC
set -uo pipefail
. "$(dirname "$0")/../lib/tap.sh"
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/portal-lib.sh"
in_db "$0" "$@"

# The manager must see staff changes at once, not within the cache's life.
export FAXCENTER_HOME_CACHE=0
portal_begin
portal_seed
staff_add erp desk 'the erp password' || bail "account"
staff_add dave dispatch 'another long password' || bail "account"
web alice GET "$LINK_ALICE" >/dev/null
web alice POST /home/order -d "csrf=$(csrf)" -d notice=1 -d consumable=1 -d quantity=2 >/dev/null
order=$(sql 'SELECT id FROM orders')

# api METHOD PATH TOKEN [curl args]: status; the body in $tmp/body.
api() {
	local method=$1 path=$2 token=$3
	shift 3
	curl -s -X "$method" -H "Authorization: Bearer $token" -o "$tmp/body" \
		-w '%{http_code}' "$@" "$CENTER_URL$path"
}
json() { python3 -c "import json,sys; d=json.load(open('$tmp/body')); print($1)"; }

is "$(api POST /api/v1/session x -d username=erp -d 'password=wrong one')" 401 \
	"a wrong password gets no token"
is "$(json "d['error']")" "wrong username or password" "and says so in JSON"
is "$(api POST /api/v1/session x -d username=erp -d 'password=the erp password')" 200 \
	"the right one gets a token"
token=$(json "d['token']")
like "$token" '^[0-9a-f]{64}$' "a 64-digit token"
is "$(json "d['expires_in']")" 28800 "valid for 8 hours"

is "$(api GET /api/v1/orders '')" 401 "the orders need a token"
is "$(api GET /api/v1/orders "$(printf '0%.0s' {1..64})")" 401 "a valid one"
is "$(api GET /api/v1/orders "$token")" 200 "the ERP lists open orders"
is "$(json "[(o['id'], o['terminal'], o['sku'], o['quantity'], o['state'], o['manager']) for o in d['orders']]")" \
	"[($order, 'fx9000-A1', 'TN-9000', 2, 'placed', 'alice@example.com')]" \
	"each with its terminal, item, quantity, state and manager"
is "$(api POST /api/v1/orders/delivery "$token" -d "order=$order" -d delivery=soon)" 400 \
	"a malformed delivery date is refused"
is "$(api POST /api/v1/orders/delivery "$token" -d order=999 \
	--data-urlencode 'delivery=2030-12-02 09:00')" 404 "an unknown order is 404"
is "$(sql "SELECT COUNT(*) FROM audit_log WHERE action = 'order.delivery'")" 0 \
	"refused deliveries leave no audit entry"
is "$(api POST /api/v1/orders/delivery "$token" -d "order=$order" \
	--data-urlencode 'delivery=2030-12-02 09:00')" 200 "the ERP sets the delivery date"
is "$(json "(d['id'], d['state'], d['delivery_at'])")" \
	"($order, 'scheduled', '2030-12-02 09:00')" "and gets the order back"
is "$(sql "SELECT actor, action, subject, detail FROM audit_log WHERE action = 'order.delivery'")" \
	"$(printf 'erp\torder.delivery\t%s\tdelivery 2030-12-02 09:00 UTC, through the API' "$order")" \
	"the audit log says which account set it, through the API"
web alice GET /home >/dev/null
like "$(body)" 'Delivery: <strong class="delivery">2030-12-02 09:00 UTC</strong>' \
	"the manager sees it"
api GET /api/v1/orders "$token" >/dev/null
is "$(json "d['orders'][0]['delivery_at']")" "2030-12-02T09:00:00Z" "the list shows it in UTC"

api POST /api/v1/session x -d username=dave -d 'password=another long password' >/dev/null
dtoken=$(json "d['token']")
is "$(api GET /api/v1/orders "$dtoken")" 403 "a dispatcher's token cannot list orders"
is "$(api POST /api/v1/orders/delivery "$dtoken" -d "order=$order" \
	--data-urlencode 'delivery=2030-12-03 09:00')" 403 "nor set deliveries"
is "$(sql "SELECT COUNT(*) FROM audit_log WHERE action = 'order.delivery'")" 1 \
	"the refused one leaves no audit entry"
is "$(api GET /api/v1/fleet "$dtoken")" 200 "but reads the fleet"
is "$(json "sorted(d['terminals'].items())")" \
	"[('error', 1), ('not_reporting', 0), ('warning', 1)]" "terminals by state"
is "$(api GET '/api/v1/terminals?limit=1' "$dtoken")" 200 "terminals, a page at a time"
is "$(json "([(t['id'], t['terminal'], t['state'], t['open_notices']) for t in d['terminals']], d['next'], d['total'])")" \
	"([(1, 'fx9000-A1', 'warning', ['toner-low'])], 'n1', 2)" "the first, with its state and open notices, the cursor of the next page and the total"
api GET "/api/v1/terminals?cursor=$(json "d['next']")&limit=10" "$dtoken" >/dev/null
is "$(json "([(t['terminal'], t['model'], t['manager'], t['state'], t['open_notices']) for t in d['terminals']], d['next'], d['previous'])")" \
	"([('fx7000-B1', 'FX-7000', 'bob@example.com', 'error', ['media-jam'])], None, 'p2')" "then the next, the last"
api GET '/api/v1/terminals?cursor=n2' "$dtoken" >/dev/null
is "$(json "(d['terminals'], d['next'])")" "([], None)" "and then none"
is "$(api GET '/api/v1/terminals?limit=5000' "$dtoken")" 400 "a page of over 1000 is refused"
manager_cookie=$(awk '$6 == "fc_home" { print $7 }' "$tmp/alice.jar")
is "$(api GET /api/v1/orders "$manager_cookie")" 401 "a manager's session is no API token"

# --- /metrics ---
is "$(http_status "$CENTER_URL/metrics")" 200 "/metrics answers"
m=$(curl -s "$CENTER_URL/metrics")
like "$m" '^# TYPE faxcare_terminals gauge$' "in Prometheus' text format"
like "$m" '^faxcare_terminals 2$' "counting terminals"
like "$m" '^faxcare_notices_open\{severity="error"\} 1$' "open notices by severity"
like "$m" '^faxcare_orders\{state="scheduled"\} 1$' "orders by state"
like "$m" '^faxcare_database_up 1$' "and the database is up"

# --- rate limit ---
limited=0
for i in $(seq 30); do
	[ "$(api POST /api/v1/session x -d username=erp -d "password=guess$i")" = 429 ] &&
		{ limited=1; break; }
done
is "$limited" 1 "guessing API passwords is rate limited"
is "$(sql "SELECT COUNT(*) > 0 FROM audit_log WHERE action = 'api.login.failed'")" 1 \
	"failed API sign-ins are in the audit log"
done_testing
