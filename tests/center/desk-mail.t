#!/usr/bin/env bash
# usage: tests/center/desk-mail.t
# The manager's e-mails of issue 18 as faxcenter-outbox sends them (to
# smtp-sink): an order the desk cancelled, a visit moved and one
# cancelled, each one e-mail to the order's or visit's manager, and a
# terminal not heard from, mailed once with the other notices.
# SPDX-License-Identifier: ISC
set -uo pipefail
. "$(dirname "$0")/../lib/tap.sh"
. "$(dirname "$0")/lib.sh"
in_db "$0" "$@"
if [ -z "${FAXCARE_SINK_PORT:-}" ]; then
	exec "$CENTER_TOP/scripts/with-smtp-sink" -- "$0" "$@"
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$CENTER_BUILD/faxcenter-migrate" >/dev/null || bail "migration failed"
sql "$(cat "$CENTER_FIXTURES/portal-seed.sql")"
export FAXCARE_SMTP_HOST=$FAXCARE_SINK_HOST FAXCARE_SMTP_PORT=$FAXCARE_SINK_PORT \
	FAXCENTER_SENDER=center@faxcare.test FAXCENTER_COALESCE_MS=0 \
	FAXCARE_SMTP_STARTTLS=off
outbox_pass() { "$CENTER_BUILD/faxcenter-outbox" -1 2>>"$tmp/outbox.log"; }
# mail_with WORDS: the decoded text of the caught e-mails that say WORDS.
mail_with() {
	local f
	for f in $(grep -rl "$1" "$FAXCARE_SINK_DIR"); do mail_body "$f"; done
}
caught() { find "$FAXCARE_SINK_DIR" -type f | wc -l; }

# What the desk pages do (tests/center/desk-edits.t), as statements.
sql "INSERT INTO orders (id, notice_id, terminal_id, manager_id, consumable_id, quantity)
	VALUES (7, 1, 1, 1, 2, 2)"
sql "UPDATE orders SET state = 'cancelled', closed_at = NOW(6) WHERE id = 7"
sql "INSERT INTO visits (id, notice_id, terminal_id, manager_id, slot_id) VALUES (5, 2, 2, 2, 1)"
sql "UPDATE visits SET slot_id = 2 WHERE id = 5"
sql "UPDATE visits SET state = 'cancelled' WHERE id = 5"
# fx9000-A1 stopped its hourly meter reports three hours ago.
for m in 360 300 240 180; do
	sql "INSERT INTO reports (report_uid, terminal_id, type, sent_at, received_at, parsed, raw)
		VALUES ('q-$m', 1, 'meter', NOW() - INTERVAL $m MINUTE,
		NOW() - INTERVAL $m MINUTE, 'Page-Count: $m\n', '')"
done
outbox_pass
outbox_pass
is "$(sql "SELECT COUNT(*) FROM outbox WHERE state = 'sent'")" 4 "four e-mails sent"
is "$(caught)" 4 "and caught once each"
got=$(mail_with 'Order 7 cancelled')
like "$got" 'To: alice@example.com' "the order's manager is told of the cancelled order"
like "$got" 'cancelled your order 7: High-yield toner cartridge x 2' "naming the order"
got=$(mail_with 'Service visit moved')
like "$got" 'To: bob@example.com' "the visit's manager is told it moved"
like "$got" 'from [0-9-]+ 09:00 UTC to [0-9-]+ 14:00 UTC' "from its earlier time to the new one"
got=$(mail_with 'cancelled the service visit')
like "$got" 'Subject: Service visit of [0-9-]+ 14:00 UTC cancelled' "and told it was cancelled"
got=$(mail_with 'Not heard from since')
like "$got" 'To: alice@example.com' "the silent terminal's manager is mailed"
like "$got" 'stopped reporting may be switched off' "with what to check"
outbox_pass
is "$(caught)" 4 "once: another pass mails nothing more"
done_testing
