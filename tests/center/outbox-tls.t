#!/usr/bin/env bash
# usage: tests/center/outbox-tls.t
# faxcenter-outbox through a real Postfix that offers STARTTLS
# (scripts/with-postfix --tls) with smtp_starttls = required: with
# smtp_ca_file naming a CA that did not sign the relay's certificate the
# mail stays pending, nothing reaches the relay after the handshake, and
# last_error says why; with the relay's CA it goes over TLS and lands once.
# SPDX-License-Identifier: ISC
set -uo pipefail
. "$(dirname "$0")/../lib/tap.sh"
. "$(dirname "$0")/../lib/postfix-tls.sh"
. "$(dirname "$0")/lib.sh"
in_db "$0" "$@"
if [ -z "${FAXCARE_SMTP_PORT:-}" ]; then
	exec "$CENTER_TOP/scripts/with-postfix" --tls --maildir alice -- "$0" "$@"
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
"$CENTER_BUILD/faxcenter-migrate" >/dev/null || bail "migration failed"
center_secret "$tmp"
"$CENTER_TOP/scripts/harness/make-tls-certs" "$tmp/other" || bail "make-tls-certs failed"
export FAXCENTER_SENDER=center@faxcare.test FAXCENTER_COALESCE_MS=0 \
	FAXCARE_SMTP_STARTTLS=required
outbox_pass() { "$CENTER_BUILD/faxcenter-outbox" -1 2>>"$tmp/outbox.log"; }
inbox=$FAXCARE_MAIL_DIR/alice/new
inbox_count() { find "$inbox" -type f | wc -l; }

mkreport -t registration -i t1 -m alice@faxcare.test -r "$(rid 1)" >"$tmp/reg.eml"
"$CENTER_BUILD/faxcenter-mailgate" <"$tmp/reg.eml" 2>/dev/null || bail "registration not stored"

FAXCARE_SMTP_CA_FILE=$tmp/other/ca.pem outbox_pass
is "$(sql "SELECT state FROM outbox")" pending "smtp_ca_file another CA: the mail stays pending"
like "$(sql "SELECT last_error FROM outbox")" \
	"^relay 127\\.0\\.0\\.1:$FAXCARE_SMTP_PORT: certificate not trusted \\(unable to get local issuer certificate; smtp_ca_file $tmp/other/ca\\.pem\\): nothing sent\$" \
	"last_error says why, naming smtp_ca_file"
like "$(smtpd_sessions | tail -1)" "^ehlo=1 starttls=1 (quit=1 )?commands=[23]\$" \
	"the session ended after STARTTLS: no MAIL"
is "$(inbox_count)" 0 "nothing reached the Maildir"

sql "UPDATE outbox SET next_attempt_at = NOW(6)"
FAXCARE_SMTP_CA_FILE=$FAXCARE_SMTP_TLS_CA outbox_pass
is "$(sql "SELECT state FROM outbox")" sent "smtp_ca_file the relay's CA: sent"
is "$(maildir_wait "$inbox")" 1 "one e-mail in alice@faxcare.test's Maildir"
msg=$(find "$inbox" -type f | head -1)
like "$(cat "$msg")" 'Message-I[dD]: <faxcare-confirm-1@faxcare\.test>' "the outbox's confirmation e-mail"
came_over_tls "$msg"
done_testing
