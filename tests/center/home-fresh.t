#!/usr/bin/env bash
# usage: tests/center/home-fresh.t
# The homepage is never stale: whatever was committed before a request is
# on the page that request gets, though the app keeps drawn pages in
# memory. One worker, so every request meets the page it kept. The
# changes come from each kind of writer: reports through
# faxcenter-mailgate (a status, a refill, a meter reading), the manager's
# own order, the desk scheduling it, the catalogue, a slot taken by
# another manager's booking, and the clock (a slot that starts).
# SPDX-License-Identifier: ISC
set -uo pipefail
. "$(dirname "$0")/../lib/tap.sh"
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/portal-lib.sh"
in_db "$0" "$@"

export CENTER_WORKERS=1
portal_begin
center_secret "$tmp"
report() { mkreport -i lobby-1 -m carol@example.com -M FX-9000 -S L1 "$@" >"$tmp/r.eml" &&
	mailgate "$tmp/r.eml"; }

is "$(report -t registration -r "$(rid 1)")" 0 "the terminal registers"
confirm=$(sql "SELECT body FROM outbox WHERE kind = 'confirm'" | grep -o '/confirm/[0-9a-f]\{64\}')
is "$(http_status -d '' "$CENTER_URL$confirm")" 200 "its manager confirms"
is "$(report -t status -c toner-low -L 5 -r "$(rid 2)")" 0 "toner low is reported"
sql "INSERT INTO consumables (id, model_id, condition_kw, sku, name,
	price_cents, yield_pages) SELECT 1, id, 'toner-low', 'TN-1', 'Toner', 5000,
	8000 FROM models WHERE name = 'FX-9000';
INSERT INTO manager_tokens (manager_id, token_hash, expires_at)
	SELECT id, UNHEX(SHA2(REPEAT('c', 64), 256)), NOW(6) + INTERVAL 1 DAY
	FROM managers WHERE email = 'carol@example.com'"

# seen WHAT: /home now; prints "hit" when it came from memory.
seen() {
	web carol GET /home >/dev/null
	header x-cache | sed 's/^x-cache: //'
}

is "$(web carol GET "/m/$(printf 'c%.0s' {1..64})")" 200 "the manager opens her homepage"
like "$(body)" 'Toner is low' "it shows the notice"
like "$(body)" 'toner 5%' "and the level"
is "$(seen)" hit "a reload with nothing changed is served from memory"
is "$(seen)" hit "and again"

# --- the manager's order and the desk's delivery date ---
notice=$(sql "SELECT id FROM notices WHERE closed_at IS NULL")
is "$(web carol POST /home/order -d "csrf=$(csrf)" -d "notice=$notice" \
	-d consumable=1 -d quantity=1)" 303 "she orders toner"
seen >/dev/null
like "$(body)" 'the delivery date follows shortly' "her page shows the order"
is "$(seen)" hit "and is kept"
sql "UPDATE orders SET state = 'scheduled', delivery_at = '2031-05-06 07:08:00'"
is "$(seen)" "" "the desk's delivery date, committed just now, redraws the page"
like "$(body)" 'Delivery: <strong class="delivery">2031-05-06 07:08 UTC' \
	"which shows it"

# --- the catalogue (what every page shares) ---
is "$(seen)" hit "kept again"
sql "UPDATE consumables SET name = 'Toner, now recycled' WHERE id = 1"
seen >/dev/null
like "$(body)" 'Toner, now recycled' "a consumable renamed just now is on the page"

# --- the refill: reports through the mailgate ---
is "$(seen)" hit "kept again"
is "$(report -t completion -c toner-low -C "$(rid 2)" -r "$(rid 3)" -L 100)" 0 \
	"the terminal reports the refill"
seen >/dev/null
like "$(body)" 'Nothing needs attention.' "the page right after it shows nothing to do"
like "$(body)" 'toner 100%' "and the full cartridge"
like "$(body)" '<tr class="closed"><td>Toner is low</td>' "the notice is in the history"
is "$(seen)" hit "kept again"
is "$(report -t meter -r "$(rid 4)" -L 97)" 0 "a meter reading arrives"
seen >/dev/null
like "$(body)" 'toner 97%' "and is on the next page"

# --- slots: another manager's booking, and the clock ---
is "$(report -t status -c media-jam -r "$(rid 5)")" 0 "a paper jam is reported"
sql "INSERT INTO technicians (id, name) VALUES (1, 'Tom');
INSERT INTO technician_slots (id, technician_id, starts_at, ends_at) VALUES
	(1, 1, NOW() + INTERVAL 1 DAY, NOW() + INTERVAL 1 DAY + INTERVAL 1 HOUR),
	(2, 1, NOW() + INTERVAL 2 DAY, NOW() + INTERVAL 2 DAY + INTERVAL 1 HOUR)"
seen >/dev/null
like "$(body)" 'name="slot" required value="1"' "the jam offers slot 1"
is "$(seen)" hit "kept"
sql "INSERT INTO managers (id, email, confirmed_at) VALUES (99, 'dan@example.com', NOW(6));
INSERT INTO terminals (id, terminal_uid, model_id, serial, manager_id)
	SELECT 99, 'dan-1', id, 'D1', 99 FROM models WHERE name = 'FX-9000';
INSERT INTO reports (id, report_uid, terminal_id, type, parsed, raw)
	VALUES (99, 'dan-r', 99, 'status', '', '');
INSERT INTO notices (id, terminal_id, condition_kw, kind, severity, alert_code,
	summary, opened_report_id) VALUES (99, 99, 'media-jam', 'fault', 'error', 8,
	'Paper is jammed', 99);
INSERT INTO visits (notice_id, terminal_id, manager_id, slot_id)
	VALUES (99, 99, 99, 1)"
seen >/dev/null
body | grep -q 'name="slot" required value="1"'
is $? 1 "a slot another manager booked just now is no longer offered"
like "$(body)" 'name="slot" required value="2"' "the other one still is"
sql "INSERT INTO technician_slots (id, technician_id, starts_at, ends_at)
	VALUES (3, 1, NOW() + INTERVAL 2 SECOND, NOW() + INTERVAL 1 HOUR)"
seen >/dev/null
like "$(body)" 'name="slot" required value="3"' "a slot starting in 2 seconds is offered"
# gone_3: 0 once slot 3 is off the page.
gone_3() { seen >/dev/null; ! grep -q 'name="slot" required value="3"' "$tmp/body"; }
wait_for 10 "slot 3 to leave the page" gone_3
ok $? "once it has started it is not, with nothing committed"
is "$(sql "SELECT COUNT(*) FROM technician_slots WHERE id = 3 AND starts_at <= NOW()")" 1 \
	"(it has started)"

# --- the session ---
sql "DELETE FROM manager_sessions"
is "$(web carol GET /home)" 403 "a session ended just now gets no kept page"
done_testing
