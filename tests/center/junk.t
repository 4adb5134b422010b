#!/usr/bin/env bash
# usage: tests/center/junk.t
# No backscatter, no log flood: 1,000 junk mails (no report, a malformed
# block, unsigned, forged) with a forged envelope sender go through the
# real Postfix to faxcenter-mailgate. Postfix delivers every one and
# bounces none (its log has no bounce, nothing waits for the forged
# sender); /metrics counts the 1,000 by reason; the quarantine keeps the
# newest quarantine_keep (100 here) for staff to read; the audit page
# still shows the last real sign-in.
# SPDX-License-Identifier: ISC
set -uo pipefail
. "$(dirname "$0")/../lib/tap.sh"
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/portal-lib.sh"
# The mailgates Postfix starts inherit this environment.
export FAXCENTER_QUARANTINE_KEEP=100
in_db_and_postfix "$0" "$@"

N=1000
portal_begin
F=$CENTER_FIXTURES

# dropped: the sum of faxcare_mail_dropped_total over its reasons, or
# REASON's alone.
dropped() {
	curl -s "$CENTER_URL/metrics" |
		awk -v r="${1:-}" '/^faxcare_mail_dropped_total\{/ &&
			(r == "" || index($0, "reason=\"" r "\"")) { n += $2 }
			END { print n + 0 }'
}

staff_add ada admin 'a long admin password' >/dev/null || bail "faxcenter-staff add"
is "$(staff_login ada ada 'a long admin password')" 303 "an admin signs in"
before=$(dropped)
before_forged=$(dropped forged)

# Four kinds of junk, 250 of each.
mkreport -t status -i fixture-1 -m alice@faxcare.test -c toner-low \
	-r "$(rid 1)" | grep -v '^Signature:' >"$tmp/unsigned.eml"
cp "$F/not-a-report.eml" "$F/malformed-block.eml" "$F/forged-value.eml" "$tmp/"
start=$(date +%s)
python3 - "$FAXCARE_SMTP_HOST" "$FAXCARE_SMTP_PORT" "$N" "$tmp"/not-a-report.eml \
	"$tmp"/malformed-block.eml "$tmp"/unsigned.eml "$tmp"/forged-value.eml <<'PY'
import smtplib, sys
host, port, n, files = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4:]
msgs = [open(f, "rb").read() for f in files]
with smtplib.SMTP(host, port) as s:
    for i in range(n):
        s.sendmail("victim@elsewhere.example", ["reports@faxcare.test"],
                   msgs[i % len(msgs)])
PY
ok $? "Postfix accepts $N junk mails with a forged sender"

# all_delivered: Postfix logged a final status for each of the N.
all_delivered() {
	[ "$(grep -c 'to=<reports@faxcare.test>.*status=\(sent\|bounced\)' \
		"$FAXCARE_POSTFIX_LOG")" -ge "$N" ]
}
wait_for 300 "Postfix to hand all $N to the mailgate" all_delivered
ok $? "Postfix handed all $N to the mailgate"
diag "$N junk mails delivered in $(( $(date +%s) - start )) s"
is "$(grep -c 'status=bounced' "$FAXCARE_POSTFIX_LOG")" 0 "Postfix's log shows no bounce"
is "$(grep -c 'sender non-delivery notification' "$FAXCARE_POSTFIX_LOG")" 0 \
	"... and no non-delivery notice to the forged sender"
"$FAXCARE_POSTFIX_CTL" wait-empty 10
ok $? "nothing waits in Postfix's queue for the forged sender"
is "$(maildir_count postmaster)" 0 "the postmaster got no bounce either"

is "$(( $(dropped) - before ))" "$N" "/metrics counts the $N dropped mails"
is "$(( $(dropped forged) - before_forged ))" $((N / 4)) "... the forged ones under reason=\"forged\""
is "$(sql "SELECT COUNT(*) FROM mail_quarantine")" 100 "the quarantine keeps the newest 100"
is "$(web ada GET /staff/quarantine)" 200 "staff read the quarantine"
like "$(body)" '<td>forged</td><td>signature refused' "... with the reason"
like "$(body)" 'victim@elsewhere.example' "... and the message as Postfix delivered it"
is "$(sql "SELECT COUNT(*) FROM audit_log")" 1 "the audit log holds only the sign-in"
is "$(web ada GET /staff/audit)" 200 "the audit page"
like "$(body)" '<td>ada</td><td>login</td>' "still shows the last real sign-in"
done_testing
