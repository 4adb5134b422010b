#!/usr/bin/env bash
# usage: tests/center/silence.t
# A terminal that goes silent (issue 18, point 5): the center learns each
# terminal's meter interval from the spacing of its meter reports; two
# intervals after the last report, faxcenter-outbox opens a "not heard
# from since ..." notice (shown to the desk and on the homepage) and
# queues the manager's e-mail once, however often and however many
# passes run; the terminal's next report closes it. Fixed times: the
# reports are stored as the mailgate stores them, hours in the past.
# SPDX-License-Identifier: ISC
set -uo pipefail
. "$(dirname "$0")/../lib/tap.sh"
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/portal-lib.sh"
in_db "$0" "$@"

portal_begin
portal_seed
web alice GET "$LINK_ALICE" >/dev/null

# meter TERMINAL N MINUTES_AGO: a meter report sent and received then
# (minutes before one fixed now).
now=$(sql "SELECT NOW()")
meter() {
	sql "INSERT INTO reports (report_uid, terminal_id, type, sent_at, received_at, parsed, raw)
		VALUES ('s-$1-$2', $1, 'meter', TIMESTAMP '$now' - INTERVAL $3 MINUTE,
		TIMESTAMP '$now' - INTERVAL $3 MINUTE, 'Type: meter\nPage-Count: $2\n', '')"
}
# pass: one pass of faxcenter-outbox (no mail leaves: nothing is due yet).
pass() {
	FAXCENTER_SENDER=center@faxcare.test FAXCARE_SMTP_PORT=1 \
		"$CENTER_BUILD/faxcenter-outbox" -1 >>"$tmp/outbox.log" 2>&1
}
silent() { sql "SELECT COUNT(*) FROM notices WHERE terminal_id = 1 AND condition_kw = 'terminal-silent' AND closed_at IS NULL"; }

# Hourly meter reports, one an hour late (an outage): the interval is the
# median gap, an hour. fx7000-B1's last came 90 minutes ago: not yet
# silent; fx9000-A1's 150 minutes ago: silent.
meter 2 1 270; meter 2 2 210; meter 2 3 90; meter 2 4 30
meter 1 1 390; meter 1 2 330; meter 1 3 210; meter 1 4 150
is "$(sql "SELECT meter_interval_s FROM terminals WHERE id = 1")" 3600 \
	"the interval is learnt from the spacing of meter reports (one late gap ignored)"
pass
is "$(sql "SELECT COUNT(*) FROM notices WHERE terminal_id = 2 AND condition_kw = 'terminal-silent'")" 0 \
	"within two intervals nothing opens"
is "$(silent)" 1 "after two intervals without a report, a notice opens"
pass
like "$(sql "SELECT summary FROM notices WHERE condition_kw = 'terminal-silent'")" \
	'^Not heard from since [0-9-]+ [0-9:]+ UTC$' "\"not heard from since ...\""
is "$(sql "SELECT COUNT(*) FROM outbox o JOIN notices n ON n.id = o.notice_id WHERE n.condition_kw = 'terminal-silent' AND o.kind = 'notice'")" \
	1 "the manager's e-mail is queued"
pass & p1=$!
pass & p2=$!
wait "$p1" "$p2"
pass
is "$(sql "SELECT COUNT(*) FROM notices WHERE condition_kw = 'terminal-silent'")" 1 \
	"more passes, two at once, open no second notice"
is "$(sql "SELECT COUNT(*) FROM outbox o JOIN notices n ON n.id = o.notice_id WHERE n.condition_kw = 'terminal-silent'")" \
	1 "and queue no second e-mail"
staff_add dora desk 'correct horse battery' || bail "account"
staff_login dora dora 'correct horse battery' >/dev/null
web dora GET /staff >/dev/null
like "$(body)" '<td>fx9000-A1</td><td>FX-9000</td><td>Not heard from since [0-9-]+ [0-9:]+ UTC</td>' \
	"the desk sees the notice on the fleet page"
web alice GET "/home?fresh" >/dev/null
like "$(body)" 'Not heard from since [^<]* <span class="since">' "the homepage shows the notice"
like "$(body)" 'missed two of them' "and what to check"

# The terminal reports again.
sql "INSERT INTO reports (report_uid, terminal_id, type, parsed, raw)
	VALUES ('s-7', 1, 'meter', 'Type: meter\nPage-Count: 7\n', '')"
is "$(silent)" 0 "its next report closes the notice"
pass
is "$(silent)" 0 "and it stays closed"
web alice GET "/home?fresh" >/dev/null
like "$(body)" '<tr class="closed"><td>Not heard from since [^<]*</td><td>[^<]*</td><td>[0-9-]+ [0-9:]+ UTC</td>' \
	"the homepage's history says it was resolved"
is "$(sql "SELECT silent_after > NOW() FROM terminals WHERE id = 1")" 1 \
	"the clock runs again from this report"
sql "INSERT INTO terminals (id, terminal_uid, model_id, serial) VALUES (3, 'fx-C1', 1, 'SN-C1')"
sql "INSERT INTO reports (report_uid, terminal_id, type, received_at, parsed, raw)
	VALUES ('s-c', 3, 'status', NOW() - INTERVAL 9 DAY, 'Condition: media-jam\n', '')"
pass
is "$(sql "SELECT COUNT(*) FROM notices WHERE terminal_id = 3")" 0 \
	"a terminal that sends no meter reports has no interval and is not flagged"
done_testing
