#!/usr/bin/env bash
# usage: tests/center/takeover.t
# No takeover in silence, through the real Postfix, MariaDB, Kore and
# faxcenter-outbox. Alice manages a terminal, has ordered toner (delivered,
# in her history) and booked a visit for its open jam. The terminal names
# bob, who confirms: alice gets an e-mail saying so with an undo link, and
# staff see the change in the audit. Bob's homepage shows the terminal's
# state and open notices, not alice's order, visit or history; alice's no
# longer shows the terminal. Alice undoes: she is its manager again (her
# page shows her order and visit again, bob's nothing), the change and the
# undo are audited, the link is spent, and the terminal's manager is
# locked (a registration naming bob asks nobody) until staff unlock it.
# SPDX-License-Identifier: ISC
set -uo pipefail
. "$(dirname "$0")/../lib/tap.sh"
. "$(dirname "$0")/lib.sh"
export FAXCENTER_OUTBOX_WAKE=${FAXCENTER_OUTBOX_WAKE:-/tmp/faxcenter-wake.$$}
in_db_and_postfix "$0" "$@"

tmp=$(mktemp -d)
cleanup() { outbox_stop; center_stop; rm -rf "$tmp" "$FAXCENTER_OUTBOX_WAKE"; }
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
export FAXCENTER_COALESCE_MS=300 OUTBOX_SWEEP_MS=600000 FAXCENTER_HOME_CACHE=0
center_start "$tmp" || bail "the app did not start"
outbox_start "$tmp"
delivered() { "$FAXCARE_POSTFIX_CTL" wait-empty 20; }
count_is() { [ "$(maildir_count "$1")" -eq "$2" ]; }
n=0
report() {	# TYPE MANAGER [mkreport args]: send one report of shop-1
	local type=$1 manager=$2
	shift 2
	n=$((n + 1))
	mkreport -t "$type" -i shop-1 -m "$manager" -M FX-9000 -S SN1 \
		-r "$(rid $((500 + n)))" "$@" >"$tmp/r$n.eml"
	send_mail "$tmp/r$n.eml"
	delivered
}
last_mail() { mail_body "$(maildir_files "$1" | tail -1)"; }
# subject_mail LOCALPART SUBJECT: the file of its e-mail with that subject.
subject_mail() {
	grep -l "^Subject: $2" "$FAXCARE_MAIL_DIR/$1/new/"* 2>/dev/null | head -1
}
has_subject() { [ -n "$(subject_mail "$1" "$2")" ]; }
# home_link LOCALPART: the homepage link of its latest notice e-mail.
home_link() {
	local f l link=
	for f in $(maildir_files "$1"); do
		l=$(link_in "$(mail_body "$f")" m)
		[ -n "$l" ] && link=$l
	done
	echo "$link"
}
has_home_link() { [ -n "$(home_link "$1")" ]; }
link_in() { printf '%s\n' "$1" | grep -o "http://[^ ]*/$2/[0-9a-f]*" | head -1; }
home() { curl -s -b "$tmp/$1.jar" -c "$tmp/$1.jar" "$FAXCENTER_BASE_URL/home"; }
enter() { curl -s -L -b "$tmp/$1.jar" -c "$tmp/$1.jar" "$2" >/dev/null; }

# Alice takes charge; a toner order of hers is delivered, a jam waits for
# the visit she booked.
report registration alice@faxcare.test
wait_for 20 "alice's confirmation" count_is alice 1
curl -s -d '' "$(link_in "$(last_mail alice)" confirm)" >/dev/null
sql "INSERT INTO consumables (model_id, condition_kw, sku, name)
	SELECT id, 'toner-empty', 'TN-9', 'Toner cartridge TN-9' FROM models;
	INSERT INTO technicians (name) VALUES ('Tess Tech');
	INSERT INTO technician_slots (technician_id, starts_at, ends_at)
	VALUES (1, NOW() + INTERVAL 1 DAY, NOW() + INTERVAL 1 DAY + INTERVAL 1 HOUR)"
report status alice@faxcare.test -c toner-empty -L 3
report status alice@faxcare.test -c media-jam
wait_for 20 "alice's notice e-mail" has_home_link alice
enter alice "$(home_link alice)"
sql "INSERT INTO orders (notice_id, terminal_id, manager_id, consumable_id)
	SELECT n.id, n.terminal_id, 1, 1 FROM notices n WHERE condition_kw = 'toner-empty';
	INSERT INTO visits (notice_id, terminal_id, manager_id, slot_id)
	SELECT n.id, n.terminal_id, 1, 1 FROM notices n WHERE condition_kw = 'media-jam'"
report completion alice@faxcare.test -c toner-empty -C "$(rid 502)"
page=$(home alice)
like "$page" 'Toner cartridge TN-9 &times; 1 \(order 1, delivered\)' \
	"alice's page shows her delivered order in the history"
like "$page" 'Service visit booked' "... and her visit for the jam"
chart() { curl -s -b "$tmp/$1.jar" "$FAXCENTER_BASE_URL/home/toner/1"; }
like "$(chart alice)" '<polyline' "... and her toner chart has readings"

# The terminal names bob, who confirms.
report registration bob@faxcare.test
wait_for 20 "bob's confirmation" count_is bob 1
curl -s -d '' "$(link_in "$(last_mail bob)" confirm)" >/dev/null
is "$(sql "SELECT m.email FROM terminals t JOIN managers m ON m.id = t.manager_id")" \
	bob@faxcare.test "bob's confirmation made him the manager"
wait_for 20 "alice's e-mail about the change" has_subject alice 'Your fax terminal has a new manager'
ok $? "alice, the previous manager, gets an e-mail"
mail=$(mail_body "$(subject_mail alice 'Your fax terminal has a new manager')")
like "$mail" 'Subject: Your fax terminal has a new manager' "... saying so"
like "$mail" 'its manager became.*bob@faxcare.test|^bob@faxcare.test, who confirmed' \
	"... naming the new manager"
undo=$(link_in "$mail" confirm/undo)
like "$undo" "^$FAXCENTER_BASE_URL/confirm/undo/[0-9a-f]{64}\$" "... with an undo link"
like "$mail" 'until [0-9]{4}-[0-9]{2}-[0-9]{2} [0-9:]{5} UTC' "... and until when it works"
is "$(sql "SELECT actor, action, subject, detail FROM audit_log
	WHERE action = 'manager changed'" | tr '\t' '|')" \
	'bob@faxcare.test|manager changed|shop-1|previous manager alice@faxcare.test' \
	"staff see the change in the audit"

# Bob's homepage, through the link of his first notice e-mail.
report status bob@faxcare.test -c media-empty
wait_for 20 "bob's notice e-mail" has_home_link bob
enter bob "$(home_link bob)"
page=$(home bob)
like "$page" 'shop-1' "bob's page shows the terminal"
like "$page" 'needs attention now' "... its state"
like "$page" 'Paper is jammed' "... its open notices: alice's jam"
like "$page" 'Paper is out' "... and the new one"
is "$(printf '%s\n' "$page" | grep -c 'Toner cartridge TN-9 &times;\|Service visit\|Toner is empty')" 0 \
	"... but not alice's order, visit or history"
like "$(chart bob)" 'No toner readings' "... nor her toner chart"
page=$(home alice)
like "$page" 'No terminal names you as its manager yet' \
	"alice's page no longer shows the terminal"

# Alice undoes it.
like "$(curl -s "$undo")" 'Undo: make me its manager again' \
	"the undo link shows the change and a button"
is "$(sql "SELECT m.email FROM terminals t JOIN managers m ON m.id = t.manager_id")" \
	bob@faxcare.test "... looking at it changes nothing"
like "$(curl -s -d '' "$undo")" 'Change undone' "posting it undoes the change"
is "$(sql "SELECT m.email, t.manager_locked_at IS NOT NULL FROM terminals t
	JOIN managers m ON m.id = t.manager_id" | tr '\t' '|')" 'alice@faxcare.test|1' \
	"alice is the manager again, and the manager is locked"
is "$(http_status -d '' "$undo")" 404 "the undo link works once"
is "$(sql "SELECT actor, action, subject FROM audit_log
	WHERE action = 'manager change undone'" | tr '\t' '|')" \
	'alice@faxcare.test|manager change undone|shop-1' "staff see the undo in the audit"
page=$(home alice)
like "$page" 'Toner cartridge TN-9 &times; 1 \(order 1, delivered\)' \
	"alice's page shows her history again"
like "$page" 'Service visit booked' "... and her visit"
like "$(home bob)" 'No terminal names you as its manager yet' \
	"bob's page no longer shows the terminal"

# Locked: a registration naming bob asks nobody until staff unlock it.
confirms=$(sql "SELECT COUNT(*) FROM outbox WHERE kind = 'confirm'")
report registration bob@faxcare.test
is "$(sql "SELECT COUNT(*) FROM outbox WHERE kind = 'confirm'")" "$confirms" \
	"while locked, naming bob again queues no confirmation"
like "$("$CENTER_BUILD/faxcenter-staff" unlock shop-1)" 'may change again' \
	"faxcenter-staff unlock lifts the lock"
is "$(sql "SELECT COUNT(*) FROM audit_log WHERE action = 'manager unlocked'
	AND subject = 'shop-1'")" 1 "... on the record"
report registration bob@faxcare.test
is "$(sql "SELECT COUNT(*) FROM outbox WHERE kind = 'confirm'")" "$((confirms + 1))" \
	"unlocked, naming bob asks for his confirmation again"
done_testing
