#!/usr/bin/env bash
# usage: tests/center/pages-staff.t
# The staff pages through HTTP: accounts made with faxcenter-staff keep an
# scrypt hash; sign-in needs the form's CSRF token and the right password
# (failures are logged and rate limited); the fleet overview shows
# terminals by state and those that stopped reporting; the order desk sets
# a delivery date and time that the manager then sees on the homepage;
# roles keep other staff out; sign-out ends the session.
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
sql "INSERT INTO terminals (id, terminal_uid, model_id, serial, manager_id,
	last_report_at) VALUES (3, 'fx9000-A2', 1, 'SN-A2', 1,
	NOW(6) - INTERVAL 30 DAY), (4, 'x<img src=x onerror=alert(1)>', 2, 'SN-X', 2,
	NULL)"

# --- accounts ---
staff_add dora desk 'correct horse battery'
ok $? "faxcenter-staff adds an order-desk account"
staff_add dave dispatch 'another long password'
ok $? "and a dispatcher"
echo short | "$CENTER_BUILD/faxcenter-staff" add eve staff 2>/dev/null
is $? 1 "a password under 8 characters is refused"
like "$(sql "SELECT password_hash FROM staff_users WHERE username = 'dora'")" \
	'^scrypt\$15\$8\$1\$[0-9a-f]{32}\$[0-9a-f]{64}$' "the password is stored as an scrypt hash"
sql "SELECT password_hash FROM staff_users" | grep -q 'correct horse'
is $? 1 "never as the password"

# --- sign-in ---
is "$(web dora GET /staff)" 303 "the staff pages need a sign-in"
is "$(header location)" "location: /staff/login" "and lead to the form"
is "$(web dora GET /staff/login)" 200 "the sign-in form"
like "$(header set-cookie)" 'fc_login=[0-9a-f]{64}' "binds its CSRF token to a cookie"
is "$(web dora POST /staff/login -d username=dora -d 'password=correct horse battery')" 400 \
	"signing in without the CSRF token is refused"
is "$(staff_login dora dora 'wrong password')" 401 "a wrong password is refused"
like "$(body)" 'Wrong user name or password' "and says so"
is "$(staff_login dora nobody 'correct horse battery')" 401 "an unknown user is refused alike"
is "$(sql "SELECT COUNT(*) FROM audit_log WHERE action = 'login.failed'")" 2 \
	"failed sign-ins are in the audit log"
is "$(sql 'SELECT COUNT(*) FROM sessions')" 0 "no session was opened"
is "$(staff_login dora dora 'correct horse battery')" 303 "the right password signs in"
is "$(header location)" "location: /staff" "and leads to the fleet"

# --- fleet ---
is "$(web dora GET /staff)" 200 "the fleet overview"
like "$(body)" '<tr><td>error</td><td>1</td></tr>' "counts terminals in error"
like "$(body)" '<tr><td>warning</td><td>1</td></tr>' "and with warnings"
like "$(body)" '<tr><td>ok</td><td>2</td></tr>' "and those that are fine"
like "$(body)" '<td>fx9000-A2</td><td>FX-9000</td><td>SN-A2</td><td>alice@example.com</td>' \
	"lists the terminal that stopped reporting"
like "$(body)" '<td>fx7000-B1</td><td>FX-7000</td><td>Paper is jammed</td><td>error</td>' \
	"and the open notices"
like "$(body)" '<td>x&lt;img src=x onerror=alert\(1\)&gt;</td>' "what terminals report is escaped"
body | grep -q '<img'
is $? 1 "no markup gets through"

# --- orders: the manager orders, the desk sets the delivery date ---
web alice GET "$LINK_ALICE" >/dev/null
web alice POST /home/order -d "csrf=$(csrf)" -d notice=1 -d consumable=1 -d quantity=3 >/dev/null
order=$(sql 'SELECT id FROM orders')
is "$(web dora GET /staff/orders)" 200 "the orders queue"
like "$(body)" "<tr id=\"order-$order\"><td>$order</td><td>fx9000-A1</td>" "lists the new order"
like "$(body)" '<td>TN-9000</td><td>3</td><td>placed</td>' "with its item, quantity and state"
tok=$(csrf)
is "$(web dora POST /staff/orders/delivery -d "order=$order" \
	--data-urlencode "delivery=2030-12-01 10:30")" 400 \
	"setting a delivery without the CSRF token is refused"
is "$(web dora POST /staff/orders/delivery -d "csrf=$tok" -d "order=$order" \
	-d delivery=tomorrow)" 400 "a malformed date is refused"
is "$(web dora POST /staff/orders/delivery -d "csrf=$tok" -d "order=$order" \
	--data-urlencode "delivery=2030-02-31 10:30")" 400 "an impossible date is refused"
is "$(web dora POST /staff/orders/delivery -d "csrf=$tok" -d order=999 \
	--data-urlencode "delivery=2030-12-01 10:30")" 404 "an unknown order is 404"
is "$(web dora POST /staff/orders/delivery -d "csrf=$tok" -d "order=$order" \
	--data-urlencode "delivery=2030-12-01 10:30")" 303 "the desk sets the delivery date and time"
is "$(sql "SELECT state, delivery_at FROM orders WHERE id = $order")" \
	"$(printf 'scheduled\t2030-12-01 10:30:00')" "the order is scheduled"
is "$(sql "SELECT actor, action, subject, detail FROM audit_log WHERE action = 'order.delivery'")" \
	"$(printf 'dora\torder.delivery\t%s\tdelivery 2030-12-01 10:30 UTC' "$order")" \
	"the audit log says who set it"
web alice GET /home >/dev/null
like "$(body)" 'Delivery: <strong class="delivery">2030-12-01 10:30 UTC</strong>' \
	"the manager sees the delivery date and time"

# --- roles ---
is "$(staff_login dave dave 'another long password')" 303 "the dispatcher signs in"
is "$(web dave GET /staff)" 200 "and sees the fleet"
body | grep -q 'href="/staff/orders"'
is $? 1 "his menu has no orders"
is "$(web dave GET /staff/orders)" 403 "the orders queue is not his"
is "$(web dave POST /staff/orders/delivery -d "csrf=$(csrf)" -d "order=$order" \
	--data-urlencode "delivery=2031-01-01 08:00")" 403 "nor setting deliveries"
is "$(web alice GET /staff)" 303 "a manager's session does not open staff pages"

# --- without a session ---
is "$(web nobody POST /staff/orders/delivery -d "csrf=$tok" -d "order=$order" \
	--data-urlencode "delivery=2031-01-01 08:00")" 403 "a POST without a session is refused"
is "$(web nobody GET /staff/audit)" 303 "a page without a session leads to the sign-in"

# --- sign-out ---
web dora GET /staff >/dev/null
tok=$(csrf)
is "$(web dora POST /staff/logout -d csrf=)" 400 "signing out needs the CSRF token"
is "$(web dora POST /staff/logout -d "csrf=$tok")" 303 "dora signs out"
is "$(sql "SELECT COUNT(*) FROM sessions s JOIN staff_users u ON u.id = s.staff_user_id WHERE u.username = 'dora'")" \
	0 "her session is gone"
is "$(web dora GET /staff)" 303 "the staff pages need a sign-in again"
echo 'new long password' | "$CENTER_BUILD/faxcenter-staff" disable dave
web dave GET /staff >/dev/null
is "$(web dave GET /staff/orders)" 303 "a disabled account's session stops working"

# --- purging what expired ---
sql "UPDATE sessions SET expires_at = NOW(6) - INTERVAL 1 SECOND WHERE staff_user_id =
	(SELECT id FROM staff_users WHERE username = 'dave')"
sql "UPDATE manager_tokens SET expires_at = NOW(6) - INTERVAL 1 SECOND WHERE manager_id = 2"

like "$("$CENTER_BUILD/faxcenter-staff" purge)" '^purged [1-9][0-9]* expired sessions and links$' \
	"faxcenter-staff purge deletes expired sessions and links"
is "$(sql "SELECT COUNT(*) FROM sessions WHERE expires_at < NOW(6)") $(sql "SELECT COUNT(*) FROM manager_tokens WHERE expires_at < NOW(6)")" \
	"0 0" "none is left"
is "$(sql "SELECT COUNT(*) FROM manager_tokens WHERE manager_id = 1")" 1 "valid links stay"

# --- rate limit on sign-in ---
limited=0
web mallory GET /staff/login >/dev/null
tok=$(csrf)
for i in $(seq 30); do
	[ "$(web mallory POST /staff/login -d "csrf=$tok" -d username=dora \
		-d "password=guess$i")" = 429 ] && { limited=1; break; }
done
is "$limited" 1 "guessing passwords is rate limited"
done_testing
