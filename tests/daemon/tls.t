#!/usr/bin/env bash
# usage: tests/daemon/tls.t  (prove runs it; needs `make check-build`)
# faxcared relaying through a real Postfix that offers STARTTLS
# (scripts/with-postfix --tls): with starttls required and relay-ca-file
# naming the CA that signed the relay's certificate, a report goes over TLS
# and lands once; with a CA that did not sign it, or the system's trust
# store, the session ends right after the handshake: no AUTH, no mail, the
# report waits and the log says why.
# SPDX-License-Identifier: ISC
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
if [ -z "${FAXCARE_SMTP_PORT:-}" ]; then
	exec "$here/../../scripts/with-postfix" --tls --maildir center -- "$here/${0##*/}" "$@"
fi
. "$here/../lib/tap.sh"
. "$here/../lib/postfix-tls.sh"
. "$here/lib/setup.sh"
. "$TOP/scripts/lib.sh"

daemon_setup
inbox=$FAXCARE_MAIL_DIR/center/new
"$TOP/scripts/harness/make-tls-certs" "$work/other" || bail "make-tls-certs failed"
printf 'secret\n' >"$work/password"
chmod 600 "$work/password"
tls_conf() {
	FAXCARE_SINK_HOST=$FAXCARE_SMTP_HOST FAXCARE_SINK_PORT=$FAXCARE_SMTP_PORT \
		write_conf "center center@faxcare.test" "starttls required" "$@"
}
flush() { "$FAXCARED" -c "$conf" -q faxeng0 2>>"$work/log"; }
inbox_count() { find "$inbox" -type f | wc -l; }

tls_conf "relay-ca-file $FAXCARE_SMTP_TLS_CA"
"$FAXENGCTL" -c "$conf" test-mail faxeng0 >"$work/queued" 2>/dev/null
ok $? "faxengctl test-mail queued a report"
rid=$(grep -Eo '[0-9a-f]{32}' "$work/queued")
flush
is "$?" 0 "starttls required, relay-ca-file the relay's CA: accepted (exit 0)"
is "$(queue_count)" 0 "and it left the spool"
is "$(maildir_wait "$inbox")" 1 "one message in center@faxcare.test's Maildir"
msg=$(find "$inbox" -type f | head -1)
like "$(cat "$msg")" "^Message-ID: <$rid@TEST-1\.faxcare>" "the report"
came_over_tls "$msg"
like "$(smtpd_sessions | tail -1)" "^ehlo=2 starttls=1 mail=1 rcpt=1 (data=1|bdat=[0-9]+) quit=1" \
	"STARTTLS, then EHLO again, then the mail"

# untrusted WHAT CA-LINE...: with the certificate not trusted, the report
# and the password stay home.
untrusted() {
	local what=$1 before
	shift
	tls_conf "auth-user fax" "auth-password-file $work/password" "$@"
	"$FAXENGCTL" -c "$conf" test-mail faxeng0 >/dev/null 2>&1
	before=$(smtpd_sessions | wc -l)
	: >"$work/log"
	flush
	is "$?" 75 "$what: try later (exit 75)"
	is "$(queue_count)" 1 "$what: the report waits in the queue"
	is "$(smtpd_sessions | wc -l)" "$((before + 1))" "$what: one session"
	like "$(smtpd_sessions | tail -1)" "^ehlo=1 starttls=1 (quit=1 )?commands=[23]\$" \
		"$what: it ended after STARTTLS: no AUTH, no MAIL"
	is "$(inbox_count)" 1 "$what: nothing more in the Maildir"
}
untrusted "relay-ca-file another CA" "relay-ca-file $work/other/ca.pem"
like "$(cat "$work/log")" "relay 127\.0\.0\.1:$FAXCARE_SMTP_PORT: certificate not trusted \(unable to get local issuer certificate; relay-ca-file $work/other/ca\.pem\): nothing sent" \
	"the log says why, naming the CA file"
rm -f "$spool"/faxeng0/queue/*

untrusted "no relay-ca-file (the system's trust store)"
like "$(cat "$work/log")" "certificate not trusted \(unable to get local issuer certificate; the system's trust store\): nothing sent" \
	"the log says why, naming the system's trust store"

# Trusted again: the waiting report goes.
tls_conf "relay-ca-file $FAXCARE_SMTP_TLS_CA"
flush
is "$?" 0 "with the right CA again the waiting report goes (exit 0)"
is "$(maildir_wait "$inbox" 2)" 2 "and lands"
done_testing
