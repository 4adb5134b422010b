#!/usr/bin/env bash
# usage: tests/center/browser-homepage.t
# What a manager sees, in headless Chromium, with the real mail path: a
# terminal's reports go through Postfix to faxcenter-mailgate, the outbox
# mails the manager through Postfix. The manager confirms her address by
# the mailed link, follows the homepage link of the notice e-mail, sees the
# notice, orders toner, sees the delivery date and time the order desk set
# on the staff pages, and once the terminal's completion report arrives the
# notice is gone from her homepage by itself and the order is delivered.
# Screenshots are kept in tests/artifacts/center/browser-homepage/ (and
# the app's log next to it when a browser step failed).
# SPDX-License-Identifier: ISC
set -uo pipefail
. "$(dirname "$0")/../lib/tap.sh"
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/portal-lib.sh"
in_db_and_postfix "$0" "$@"

tmp=$(mktemp -d)
art=$CENTER_TOP/tests/artifacts/center
mkdir -p "$art"
# This run's screenshots; they replace the last run's at the end, so runs
# side by side do not take each other's files.
shots=$(mktemp -d "$art/browser-homepage.XXXXXX")
cleanup() {
	outbox_stop; center_stop
	rm -rf "$art/browser-homepage" && mv "$shots" "$art/browser-homepage"
	[ -n "${keep_log:-}" ] &&
		cat "$tmp/kore.log" "$tmp/access.log" >"$art/browser-homepage/kore.log"
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# step NAME "description": run $tmp/NAME.steps in the browser as one test.
step() {
	"$CENTER_TOP/scripts/chromium-drive" --timeout 120 --wait 20 \
		"$tmp/$1.steps" >/dev/null 2>"$tmp/drive.err"
	local rc=$?
	ok $rc "$2"
	[ $rc = 0 ] || { diag "$(cat "$tmp/drive.err")"; keep_log=1; }
}
delivered() { "$FAXCARE_POSTFIX_CTL" wait-empty 20; }
count_is() { [ "$(maildir_count "$1")" -eq "$2" ]; }
# mailed_link N PATTERN: the first URL matching PATTERN in alice's Nth mail.
mailed_link() {
	mail_body "$(maildir_files alice | sed -n "$1p")" | grep -o "$2" | head -1
}

export FAXCENTER_COALESCE_MS=500
center_start "$tmp" || bail "kore did not start"
outbox_start "$tmp"
staff_add dora desk 'correct horse battery' || bail "staff account"

# The terminal registers; its manager confirms by the mailed link.
mkreport -t registration -i fx-br-1 -m alice@faxcare.test -M FX-9000 -S SN-BR1 \
	-r "$(rid 1)" >"$tmp/reg.eml"
send_mail "$tmp/reg.eml" && delivered
wait_for 20 "the confirmation e-mail" count_is alice 1
ok $? "the manager gets the confirmation e-mail"
cat >"$tmp/confirm.steps" <<STEPS
goto $(mailed_link 1 'http://[^ ]*/confirm/[0-9a-f]*')
expect-text Yes, I manage this terminal
click button[type=submit]
expect-text Address confirmed
STEPS
step confirm "she confirms her address in the browser"
sql "INSERT INTO consumables (model_id, condition_kw, sku, name, price_cents,
	yield_pages, picture) SELECT id, 'toner-low', 'TN-9000', 'Toner cartridge',
	5990, 8000, '/assets/consumables/toner.svg' FROM models WHERE name = 'FX-9000'"

# Low toner: the notice e-mail carries her homepage link.
mkreport -t status -i fx-br-1 -m alice@faxcare.test -c toner-low \
	-r "$(rid 2)" >"$tmp/low.eml"
send_mail "$tmp/low.eml" && delivered
wait_for 30 "the notice e-mail" count_is alice 2
ok $? "the manager gets the notice e-mail"
link=$(mailed_link 2 'http://[^ ]*/m/[0-9a-f]*')
like "$link" "^$CENTER_URL/m/[0-9a-f]{64}\$" "it carries her homepage link"

cat >"$tmp/order.steps" <<STEPS
goto $link
expect-status 200
expect-text Toner is low
expect-text TN-9000
screenshot $shots/1-notice.png
click form.order button[type=submit]
expect-url /home
expect-text the delivery date follows shortly
screenshot $shots/2-ordered.png
STEPS
step order "she follows the link, sees the notice and orders toner"
is "$(sql "SELECT c.sku, o.state FROM orders o JOIN consumables c ON c.id = o.consumable_id")" \
	"$(printf 'TN-9000\tplaced')" "the order is in"

cat >"$tmp/desk.steps" <<STEPS
goto $CENTER_URL/staff/orders
expect-url /staff/login
fill input[name=username] dora
fill input[name=password] correct horse battery
submit
expect-text Fleet
goto $CENTER_URL/staff/orders
expect-text TN-9000
fill input[name=delivery] 2030-12-01 10:30
submit form[action="/staff/orders/delivery"]
expect-text scheduled
screenshot $shots/3-desk.png
STEPS
step desk "the order desk signs in and sets the delivery date and time"

cat >"$tmp/delivery.steps" <<STEPS
goto $link
expect-text Delivery: 2030-12-01 10:30 UTC
screenshot $shots/4-delivery.png
STEPS
step delivery "the manager sees the delivery date and time"

# Her browser keeps a session cookie; the toner is replaced and the
# terminal's completion report arrives.
curl -s -c "$tmp/alice.jar" -o /dev/null "$link"
cookie=$(awk '$6 == "fc_home" { print $7 }' "$tmp/alice.jar")
mkreport -t completion -i fx-br-1 -m alice@faxcare.test -c toner-low \
	-C "$(rid 2)" -r "$(rid 3)" >"$tmp/done.eml"
send_mail "$tmp/done.eml" && delivered
closed() { [ "$(sql 'SELECT COUNT(*) FROM notices WHERE closed_at IS NULL')" = 0 ]; }
wait_for 20 "the notice to close" closed
ok $? "the completion report closes the notice"
# A page drawn before may be served from the cache for a few seconds:
# reload (her session) until the homepage is drawn again.
redrawn() {
	curl -s -b "$tmp/alice.jar" "$CENTER_URL/home" |
		grep -q 'Nothing needs attention\.'
}
wait_for 20 "the page to be redrawn" redrawn
ok $? "her homepage is drawn again without the notice"
cat >"$tmp/done.steps" <<STEPS
cookie fc_home=$cookie $CENTER_URL/
goto $CENTER_URL/home
expect-text Nothing needs attention.
expect-no-text needs attention soon
expect-no-text the delivery date follows
expect-text History
screenshot $shots/5-completed.png
STEPS
step done "the notice is gone from her homepage by itself"
curl -s -b "$tmp/alice.jar" "$CENTER_URL/home" >"$tmp/page"
like "$(cat "$tmp/page")" '<tr class="closed"><td>Toner is low</td>' \
	"the history keeps the notice"
like "$(cat "$tmp/page")" "<tr class=\"order\"><td>Toner cartridge &times; 1 \\(order [0-9]+, delivered\\)</td><td>[^<]*</td><td>$(date -u +%Y)-" \
	"and the order, delivered when the refill was reported"
is "$(sql 'SELECT state FROM orders')" delivered "the order is stored as delivered"
for f in 1-notice 2-ordered 3-desk 4-delivery 5-completed; do
	[ -s "$shots/$f.png" ]
	ok $? "screenshot $f.png taken"
done
done_testing
