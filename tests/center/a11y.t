#!/usr/bin/env bash
# usage: tests/center/a11y.t
# Every page a person looks at, in headless Chromium, on a phone (360 px
# wide) and on a desk screen (1280 px): the manager's homepage, the toner
# chart, the order and booking flows, the confirmation and undo links,
# sign-in, every staff list and form, and an error page. On each, at both
# widths, axe-core finds no serious or critical violation, and at 360 px
# nothing makes the page scroll sideways. Screenshots of whole pages go to
# tests/artifacts/center/a11y/NAME-360.png and NAME-1280.png, and what
# the browser run said (axe's moderate and minor findings too) to NAME.log.
# SPDX-License-Identifier: ISC
set -uo pipefail
. "$(dirname "$0")/../lib/tap.sh"
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/portal-lib.sh"
in_db "$0" "$@"

PHONE=360x740
DESK=1280x800

art=$CENTER_TOP/tests/artifacts/center
mkdir -p "$art"
# This run's screenshots replace the last run's at the end, so runs side
# by side do not take each other's files.
shots=$(mktemp -d "$art/a11y.XXXXXX")
portal_begin
trap 'center_stop; rm -rf "$tmp" "$art/a11y" && mv "$shots" "$art/a11y"' EXIT

portal_seed
staff_add ada admin 'correct horse battery' || bail "staff account"
# A pending confirmation of Bob's address for Alice's terminal, an undo
# link of a manager change, and a quarantined message: the pages that
# show them need rows to show.
sql "INSERT INTO manager_confirmations (terminal_id, manager_id, token_hash,
	expires_at) VALUES (1, 2, UNHEX(SHA2(REPEAT('c', 64), 256)),
	NOW(6) + INTERVAL 1 DAY);
UPDATE terminals SET prev_manager_id = 1, prev_manager_since = NOW(6),
	undo_hash = UNHEX(SHA2(REPEAT('d', 64), 256)),
	undo_expires_at = NOW(6) + INTERVAL 1 DAY WHERE id = 2;
INSERT INTO mail_quarantine (reason, detail, bytes, raw) VALUES
	('bad-signature', 'From: mallory@example.net', 64,
	'Subject: toner-low\r\n\r\nYour terminal needs a new part now.')" ||
	bail "fixture rows"
[ "$(staff_login ada ada 'correct horse battery')" = 303 ] || bail "staff sign-in"
staff_cookie=$(awk '$6 == "fc_staff" { print $7 }' "$tmp/ada.jar")
[ -n "$staff_cookie" ] || bail "no staff session cookie"

# page NAME "description" [STEPS...]: after STEPS (which load the page,
# in a phone-sized window), screenshots at both widths, no sideways
# scrolling on the phone, and axe-core at both widths; one test.
page() {
	local name=$1 what=$2 rc
	shift 2
	{
		printf '%s\n' "$@"
		cat <<-STEPS
		size $PHONE
		screenshot-page $shots/$name-360.png
		expect-no-hscroll
		axe
		size $DESK
		screenshot-page $shots/$name-1280.png
		axe
		STEPS
	} >"$tmp/$name.steps"
	"$CENTER_TOP/scripts/chromium-drive" --size "$PHONE" --keep-going \
		--timeout 120 --wait 20 "$tmp/$name.steps" >/dev/null \
		2>"$shots/$name.log"
	rc=$?
	ok $rc "$what"
	[ $rc = 0 ] || diag "$(grep -v '^chromium-drive: axe on ' "$shots/$name.log")"
}
staff() { page "$1" "$2" "cookie fc_staff=$staff_cookie $CENTER_URL/" \
	"goto $CENTER_URL$3" "expect-status 200"; }

page confirm "the confirmation link's page" \
	"goto $CENTER_URL/confirm/$(printf 'c%.0s' {1..64})" \
	"expect-text names bob@example.com"
page undo "the undo link's page" \
	"goto $CENTER_URL/confirm/undo/$(printf 'd%.0s' {1..64})" \
	"expect-status 200"
page not-found "an error page" \
	"goto $CENTER_URL/confirm/$(printf 'e%.0s' {1..64})" \
	"expect-status 404"
page home "the manager's homepage" \
	"goto $CENTER_URL$LINK_ALICE" "expect-text alice@example.com"
page chart "the toner chart" \
	"goto $CENTER_URL$LINK_ALICE" "goto $CENTER_URL/home/toner/1" \
	"expect-status 200"
page ordered "the homepage after an order, placed on the phone" \
	"goto $CENTER_URL$LINK_ALICE" "click form.order button[type=submit]" \
	"expect-url /home" "expect-status 200"
is "$(sql "SELECT COUNT(*) FROM orders WHERE state = 'placed'")" 1 \
	"the order placed on the phone is in"
page booked "the homepage after booking a visit, on the phone" \
	"goto $CENTER_URL$LINK_BOB" "click form.book input[name=slot]" \
	"click form.book button[type=submit]" "expect-url /home" \
	"expect-status 200"
is "$(sql "SELECT COUNT(*) FROM visits WHERE state = 'booked'")" 1 \
	"the visit booked on the phone is in"
page switch "the question when another manager's link is followed" \
	"goto $CENTER_URL$LINK_ALICE" "goto $CENTER_URL$LINK_BOB" \
	"expect-text Switch to another homepage?"
page signin "the staff sign-in page" "goto $CENTER_URL/staff/login" \
	"expect-status 200"
staff fleet "the fleet overview" /staff
staff terminals "the terminals list" /staff/terminals
staff orders "the orders list and its delivery form" /staff/orders
staff catalogue "the catalogue and its forms" /staff/catalogue
staff guides "the product guides and their form" /staff/guides
staff technicians "the technicians, their slots and forms" /staff/technicians
staff audit "the audit log" /staff/audit
staff quarantine "the quarantine" /staff/quarantine
staff sessions "the staff sessions" /staff/sessions
page delivery "the orders list after setting a delivery date on the phone" \
	"cookie fc_staff=$staff_cookie $CENTER_URL/" \
	"goto $CENTER_URL/staff/orders" \
	"fill input[name=delivery] 2030-12-01 10:30" \
	"submit form[action=\"/staff/orders/delivery\"]" "expect-status 200"
is "$(sql "SELECT DATE_FORMAT(delivery_at, '%Y-%m-%d %H:%i') FROM orders")" \
	"2030-12-01 10:30" "the delivery date set on the phone is stored"
done_testing
