#!/usr/bin/env bash
# usage: tests/center/browser-homepage.t
# What a manager sees, in headless Chromium: a terminal registers and
# reports low toner through faxcenter-mailgate, the manager follows the
# e-mailed link, sees the notice, orders toner, sees the delivery date the
# order desk set on the staff pages, and once the terminal's completion
# report arrives the notice is gone by itself and the order delivered.
# Screenshots are kept in tests/artifacts/center/browser-homepage/.
set -uo pipefail
. "$(dirname "$0")/../lib/tap.sh"
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/portal-lib.sh"
in_db "$0" "$@"

tmp=$(mktemp -d)
cleanup() { center_stop; rm -rf "$tmp"; }
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

shots=$CENTER_TOP/tests/artifacts/center/browser-homepage
rm -rf "$shots" && mkdir -p "$shots"
# step NAME "description": run $tmp/NAME.steps in the browser as one test.
step() {
	"$CENTER_TOP/scripts/chromium-drive" --timeout 90 --wait 10 \
		"$tmp/$1.steps" >/dev/null 2>"$tmp/drive.err"
	local rc=$?
	ok $rc "$2"
	[ $rc = 0 ] || diag "$(cat "$tmp/drive.err")"
}

export FAXCENTER_MIGRATE_ON_START=yes
center_secret "$tmp"
center_start "$tmp" || bail "kore did not start"

# The terminal registers; its manager confirms the address.
mkreport -t registration -i fx-br-1 -m alice@example.com -M FX-9000 -S SN-BR1 \
	-r "$(rid 1)" >"$tmp/reg.eml"
is "$(mailgate "$tmp/reg.eml")" 0 "the terminal's registration arrives"
confirm=$(sql "SELECT body FROM outbox WHERE kind = 'confirm'" | grep -o '/confirm/[0-9a-f]\{64\}')
is "$(http_status -d "" "$CENTER_URL$confirm")" 200 "the manager confirms her address"
sql "INSERT INTO consumables (model_id, condition_kw, sku, name, price_cents,
	yield_pages, picture) SELECT id, 'toner-low', 'TN-9000', 'Toner cartridge',
	5990, 8000, '/assets/consumables/toner.svg' FROM models WHERE name = 'FX-9000'"
staff_add dora desk 'correct horse battery' || bail "staff account"

# Low toner; the e-mail to the manager carries her homepage link.
mkreport -t status -i fx-br-1 -m alice@example.com -c toner-low \
	-r "$(rid 2)" >"$tmp/low.eml"
is "$(mailgate "$tmp/low.eml")" 0 "the low-toner report arrives"
link=/m/$(printf 'e%.0s' {1..64})
sql "INSERT INTO manager_tokens (manager_id, token_hash, expires_at)
	SELECT id, UNHEX(SHA2('${link#/m/}', 256)), NOW(6) + INTERVAL 1 DAY
	FROM managers WHERE email = 'alice@example.com'"

cat >"$tmp/order.steps" <<STEPS
goto $CENTER_URL$link
expect-status 200
expect-text Toner is low
expect-text TN-9000
screenshot $shots/1-notice.png
click form.order button[type=submit]
expect-url /home
expect-text the delivery date follows shortly
screenshot $shots/2-ordered.png
STEPS
step order "the manager follows the link, sees the notice and orders toner"
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
goto $CENTER_URL$link
expect-text Delivery: 2030-12-01 10:30 UTC
screenshot $shots/4-delivery.png
STEPS
step delivery "the manager sees the delivery date and time"

# The toner is replaced: the terminal's completion report closes it all.
mkreport -t completion -i fx-br-1 -m alice@example.com -c toner-low \
	-C "$(rid 2)" -r "$(rid 3)" >"$tmp/done.eml"
is "$(mailgate "$tmp/done.eml")" 0 "the completion report arrives"
cat >"$tmp/done.steps" <<STEPS
goto $CENTER_URL$link
expect-text Nothing needs attention.
expect-no-text needs attention soon
expect-no-text Order
expect-text History
screenshot $shots/5-completed.png
STEPS
step done "the notice is gone from the homepage by itself"
curl -s -b "$tmp/x.jar" -c "$tmp/x.jar" "$CENTER_URL$link" >"$tmp/page"
like "$(cat "$tmp/page")" '<tr class="closed"><td>Toner is low</td>' \
	"the history keeps the notice"
like "$(cat "$tmp/page")" '<tr class="order"><td>Toner cartridge &times; 1' \
	"and the order"
like "$(sql 'SELECT state FROM orders')" '^(delivered|closed)$' "the order is closed as delivered"
for f in 1-notice 2-ordered 3-desk 4-delivery 5-completed; do
	[ -s "$shots/$f.png" ]
	ok $? "screenshot $f.png kept"
done
done_testing
