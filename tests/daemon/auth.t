#!/usr/bin/env bash
# usage: tests/daemon/auth.t  (prove runs it; needs `make -C daemon` built)
# SMTP AUTH against a real smtp-sink (it offers AUTH PLAIN LOGIN and no
# STARTTLS), watched on the wire through a socat relay that logs the session:
# the daemon authenticates with the configured name and password only when
# configured, and never sends the password over a connection TLS does not
# protect unless the configuration says "starttls off".
# SPDX-License-Identifier: ISC
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib/sink-test.sh"

daemon_setup
wire=$work/wire
socat_service FAXCARE_SINK_PORT "TCP:127.0.0.1:$FAXCARE_SINK_PORT" "$wire" -v

user=fax-front-office
pass='correct horse battery'
printf '%s\n' "$pass" >"$work/password"
chmod 600 "$work/password"
secret=$(printf '\0%s\0%s' "$user" "$pass" | base64 -w0)
auth_conf() { write_conf "auth-user $user" "auth-password-file $work/password" "$@"; }

queue_test() { "$FAXENGCTL" -c "$conf" test-mail faxeng0 >/dev/null 2>&1; }
flush() { : >"$wire"; "$FAXCARED" -c "$conf" -q faxeng0 2>>"$work/log"; }
# What the daemon said on the wire (socat -v marks its lines with "> ").
said() { sed 's/\\r$//' "$wire" | awk '/^> /{ d = 1; next } /^< /{ d = 0; next } d'; }

write_conf "starttls off"
queue_test
flush
is "$?" 0 "no auth-user: delivered"
said | grep -q '^AUTH'
is "$?" 1 "no auth-user: no AUTH command"

auth_conf "starttls off"
queue_test
flush
is "$?" 0 "auth-user, starttls off: delivered (exit 0)"
is "$(sink_count)" 2 "the relay caught it"
like "$(said)" "^AUTH PLAIN $secret\$" \
	"auth-user, starttls off: AUTH PLAIN with the configured name and password"
is "$(said | grep -n -e '^AUTH' -e '^MAIL' | cut -d: -f2 | cut -c1-4 | tr '\n' ' ')" \
	"AUTH MAIL " "authenticated before MAIL FROM"

auth_conf "starttls required"
queue_test
flush
is "$?" 75 "auth-user, starttls required, relay without STARTTLS: try later"
like "$(said)" "^EHLO " "it did talk to the relay"
said | grep -q -e '^AUTH' -e "$secret"
is "$?" 1 "the password did not go over the clear connection"
is "$(queue_count)" 1 "the report waits"
like "$(tail -n 3 "$work/log")" "does not offer STARTTLS: nothing sent \(starttls required\)" \
	"the log says why"

auth_conf
flush
is "$?" 75 "auth-user, starttls optional (the default), relay without STARTTLS: try later"
like "$(said)" "^EHLO " "it did talk to the relay"
said | grep -q -e '^AUTH' -e "$secret"
is "$?" 1 "the password did not go over the clear connection"
said | grep -q '^MAIL'
is "$?" 1 "nor did the report go unauthenticated"
is "$(queue_count)" 1 "the report waits for a relay with TLS"
like "$(tail -n 3 "$work/log")" "does not offer STARTTLS: nothing sent \(auth-user without starttls off\)" \
	"the log says why"
is "$(sink_count)" 2 "the relay caught nothing more"

# A password file someone else may change: refused, the report waits.
chmod 620 "$work/password"
auth_conf "starttls off"
flush
[ "$?" -ne 0 ]; ok $? "a group-writable password file: not delivered"
is "$(queue_count)" 1 "the report waits"
like "$(tail -n 3 "$work/log")" "auth-password-file $work/password: group or others may write it \(mode 0620\); chmod go-w it" \
	"the log names the file and the fix"
said | grep -q -e '^AUTH' -e "$secret"
is "$?" 1 "the password was not used"
chmod 600 "$work/password"
if [ "$(id -u)" -eq 0 ]; then
	chown nobody "$work/password"
	flush
	[ "$?" -ne 0 ]; ok $? "a password file owned by another user: not delivered"
	like "$(tail -n 3 "$work/log")" "auth-password-file $work/password: owned by nobody, not by root; chown it" \
		"the log names the owner"
	chown root "$work/password"
fi
flush
is "$?" 0 "the file put right: delivered"
is "$(sink_count)" 3 "the relay caught the waiting report"
done_testing
