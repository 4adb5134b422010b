#!/usr/bin/env bash
# usage: tests/center/migrate.t
# faxcenter-migrate creates the whole schema on an empty database, records
# each version, and a second run changes nothing; version 3 converts the
# finished orders' and visits' states.
# SPDX-License-Identifier: ISC
set -uo pipefail
. "$(dirname "$0")/../lib/tap.sh"
. "$(dirname "$0")/lib.sh"
in_db "$0" "$@"
migrations=$(find "$CENTER_TOP/center/sql/migrations" -name "*.sql" | wc -l)

migrate=$CENTER_BUILD/faxcenter-migrate
out=$("$migrate" -s 2>&1)
is "$?" 1 "before the first run, migrations are pending"
like "$out" '^0001 initial pending$' "status names the pending migration"

out=$("$migrate" 2>&1)
ok $? "migrate applies the schema"
like "$out" 'applied 0001 initial' "migrate says what it applied"

tables=$(sql "SHOW TABLES" | sort | tr '\n' ' ')
for t in terminals models managers reports notices consumables orders \
	technicians technician_slots visits product_guides outbox staff_users sessions \
	audit_log manager_confirmations manager_tokens schema_migrations; do
	[[ " $tables" == *" $t "* ]]
	ok $? "table $t exists"
done

out=$("$migrate" 2>&1)
ok $? "a second run succeeds"
is "$out" "" "a second run applies nothing"
is "$(sql 'SELECT COUNT(*) FROM schema_migrations')" "$migrations" \
	"each version recorded once"
"$migrate" -s >/dev/null
ok $? "status reports everything applied"

# The schema enforces one open notice per terminal and condition.
sql "INSERT INTO models (name) VALUES ('FX-1');
INSERT INTO terminals (terminal_uid, model_id, serial) VALUES ('t1', 1, 's1');
INSERT INTO reports (report_uid, terminal_id, type, parsed, raw)
	VALUES ('r1', 1, 'status', '', '');
INSERT INTO notices (terminal_id, condition_kw, kind, severity, alert_code,
	summary, opened_report_id) VALUES (1, 'toner-low', 'supply', 'warning', 1104,
	'Toner is low', 1)"
sql "INSERT INTO notices (terminal_id, condition_kw, kind, severity, alert_code,
	summary, opened_report_id) VALUES (1, 'toner-low', 'supply', 'warning', 1104,
	'Toner is low', 1)" 2>/dev/null
is "$?" 1 "a second open notice for the same condition is refused"
sql "UPDATE notices SET closed_at = NOW(6);
INSERT INTO notices (terminal_id, condition_kw, kind, severity, alert_code,
	summary, opened_report_id) VALUES (1, 'toner-low', 'supply', 'warning', 1104,
	'Toner is low', 1)"
ok $? "once closed, the condition may open again"

# Version 3 renames what a completion finished: rows stored by an older
# build under the old words read as delivered and completed.
sql "INSERT INTO managers (email) VALUES ('m@example.com');
INSERT INTO consumables (model_id, condition_kw, sku, name) VALUES (1, 'toner-low', 'TN', 'Toner');
INSERT INTO orders (notice_id, terminal_id, manager_id, consumable_id, state)
	VALUES (1, 1, 1, 1, 'closed'), (1, 1, 1, 1, 'scheduled');
INSERT INTO technicians (name) VALUES ('Tom');
INSERT INTO technician_slots (technician_id, starts_at, ends_at) VALUES (1, NOW(), NOW());
INSERT INTO visits (notice_id, terminal_id, manager_id, slot_id, state)
	VALUES (1, 1, 1, 1, 'done');
DELETE FROM schema_migrations WHERE version = 3"
out=$("$migrate" 2>&1)
like "$out" 'applied 0003 finished_states' "an older database gets version 3"
is "$(sql 'SELECT state FROM orders ORDER BY id' | tr '\n' ' ')" "delivered scheduled " \
	"a closed order becomes delivered, an open one stays as it was"
is "$(sql 'SELECT state FROM visits')" completed "a done visit becomes completed"

FAXCARE_DB_SOCKET=/nonexistent/sock "$migrate" >/dev/null 2>&1
is "$?" 1 "an unreachable database fails the command"
done_testing
