#!/usr/bin/env bash
# usage: tests/center/pages-staff-catalogue.t
# The staff pages behind the homepage's offers: the order desk keeps the
# consumables per model and the product guides, dispatch keeps technicians
# and the times they are free (which the manager can then book), admins
# read the audit log. Each page checks the role, the CSRF token and the
# input; what staff enter is escaped where it is shown.
# SPDX-License-Identifier: ISC
set -uo pipefail
. "$(dirname "$0")/../lib/tap.sh"
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/portal-lib.sh"
in_db "$0" "$@"

portal_begin
portal_seed
staff_add dora desk 'correct horse battery' || bail "account"
staff_add dave dispatch 'another long password' || bail "account"
staff_add ada admin 'the admin password' || bail "account"
staff_login dora dora 'correct horse battery' >/dev/null
staff_login dave dave 'another long password' >/dev/null
staff_login ada ada 'the admin password' >/dev/null

# --- consumables per model ---
is "$(web dora GET /staff/catalogue)" 200 "the desk sees the catalogue"
like "$(body)" '<td>FX-9000</td><td>TN-9000XL</td><td>High-yield toner cartridge</td><td>toner-low</td><td>15000</td><td>89.90</td>' \
	"each consumable with its model, part number, yield and price"
like "$(body)" 'Toner cartridge &lt;black&gt;' "names are escaped"
tok=$(csrf)
add() {
	web dora POST /staff/consumables -d "csrf=$tok" -d model=2 -d condition=opc-near-eol \
		-d sku=DR-7000 --data-urlencode "name=$1" -d price_cents=12900 \
		-d yield_pages=30000 -d picture=/assets/consumables/drum.svg
}
is "$(add 'Drum unit')" 303 "the desk adds a drum unit for the FX-7000"
is "$(sql "SELECT name, price_cents, yield_pages FROM consumables WHERE sku = 'DR-7000'")" \
	"$(printf 'Drum unit\t12900\t30000')" "it is in the catalogue"
is "$(add 'Drum unit')" 409 "the same part number twice is refused"
is "$(web dora POST /staff/consumables -d "csrf=$tok" -d model=2 -d condition=toner-low \
	-d sku=X1 -d name=X -d price_cents=-5 -d yield_pages=1)" 400 "a negative price is refused"
is "$(web dora POST /staff/consumables -d "csrf=$tok" -d model=2 -d condition=toner-low \
	-d sku=X1 -d name=X -d price_cents=5 -d yield_pages=1 \
	-d picture=https://evil.example/x.svg)" 303 "a foreign picture URL is dropped"
is "$(sql "SELECT picture FROM consumables WHERE sku = 'X1'")" "" "and not stored"
is "$(web dora POST /staff/consumables -d model=2 -d condition=toner-low \
	-d sku=X2 -d name=X -d price_cents=5 -d yield_pages=1)" 400 "adding needs the CSRF token"

# --- product guides ---
is "$(web dora GET /staff/guides)" 200 "the desk sees the product guides"
like "$(body)" '<td>FX-7000</td><td>FX-8000 series</td><td>https://example.com/fx8000</td>' \
	"with their model and link"
tok=$(csrf)
is "$(web dora POST /staff/guides -d "csrf=$tok" -d model=2 -d 'title=<b>FX-9500</b>' \
	-d url=https://example.com/fx9500 -d 'summary=Prints faster.')" 303 "the desk adds a guide"
is "$(web dora POST /staff/guides -d "csrf=$tok" -d model=2 -d title=Bad \
	-d 'url=javascript:alert(1)' -d summary=x)" 400 "a link that is not https is refused"
web bob GET "$LINK_BOB" >/dev/null
like "$(body)" '<a href="https://example.com/fx9500">&lt;b&gt;FX-9500&lt;/b&gt;</a>' \
	"the manager with a failure sees the new guide, escaped"

# --- technicians and their slots ---
is "$(web dave GET /staff/technicians)" 200 "dispatch sees the technicians"
like "$(body)" '<td>Tom Techniker</td><td>[0-9-]+ 09:00 UTC</td><td>[0-9-]+ 11:00 UTC</td><td>free</td>' \
	"and their free times"
tok=$(csrf)
is "$(web dave POST /staff/technicians -d "csrf=$tok" -d 'name=Tina Tech' \
	-d email=tina@example.com)" 303 "dispatch adds a technician"
tina=$(sql "SELECT id FROM technicians WHERE name = 'Tina Tech'")
is "$(web dave POST /staff/slots -d "csrf=$tok" -d "technician=$tina" \
	--data-urlencode 'starts=2030-01-02 08:00' --data-urlencode 'ends=2030-01-02 10:00')" \
	303 "and a time she is free"
is "$(web dave POST /staff/slots -d "csrf=$tok" -d "technician=$tina" \
	--data-urlencode 'starts=2030-01-02 10:00' --data-urlencode 'ends=2030-01-02 08:00')" \
	404 "a slot that ends before it starts is refused"
is "$(web dave POST /staff/slots -d "csrf=$tok" -d "technician=$tina" \
	--data-urlencode 'starts=2030-02-30 10:00' --data-urlencode 'ends=2030-02-30 12:00')" \
	400 "an impossible date is refused"
web bob GET "/home?fresh" >/dev/null
like "$(body)" '2030-01-02 08:00 UTC to 2030-01-02 10:00 UTC \(Tina Tech\)' \
	"the manager can book the new slot"
web bob POST /home/book -d "csrf=$(csrf)" -d notice=2 \
	-d "slot=$(sql "SELECT id FROM technician_slots WHERE technician_id = $tina")" >/dev/null
web dave GET /staff/technicians >/dev/null
like "$(body)" '<td>Tina Tech</td><td>2030-01-02 08:00 UTC</td><td>2030-01-02 10:00 UTC</td><td>booked for fx7000-B1 \(booked\)</td>' \
	"dispatch sees which terminal booked it"

# --- roles and the audit log ---
is "$(web dave GET /staff/catalogue)" 403 "dispatch cannot edit the catalogue"
is "$(web dora GET /staff/technicians)" 403 "the desk cannot edit technicians"
is "$(web dora GET /staff/audit)" 403 "only admins read the audit log"
is "$(web ada GET /staff/audit)" 200 "an admin reads it"
for a in login consumable.add guide.add technician.add slot.add; do
	like "$(body)" "<td>$a</td>" "it records $a"
done
like "$(body)" '<td>dave</td><td>slot.add</td><td>[0-9]+</td><td>slot 2030-01-02 08:00 to 2030-01-02 10:00 UTC</td>' \
	"with who did it and what"
is "$(web ada GET /staff/catalogue)" 200 "an admin may use every page"
done_testing
