#!/usr/bin/env bash
# usage: tests/center/staff-sessions.t
# Staff sessions and API tokens, through HTTP: a member lists their API
# tokens (GET /api/v1/session) and revokes the one they hold (DELETE), or
# any of their own on /staff/sessions, where an admin sees and revokes
# everyone's and others only their own; a revoked token or cookie stops
# working at once; and faxcenter-staff passwd ends every session and API
# token of that account, and only of that account.
# SPDX-License-Identifier: ISC
set -uo pipefail
. "$(dirname "$0")/../lib/tap.sh"
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/portal-lib.sh"
in_db "$0" "$@"

portal_begin
staff_add dora desk 'correct horse battery'
staff_add dave dispatch 'another long password'
staff_add ada admin 'the admin password'

# token USER PASSWORD: a new API token.
token() {
	curl -s -d "username=$1" --data-urlencode "password=$2" \
		"$CENTER_URL/api/v1/session" | sed -n 's/.*"token":"\([0-9a-f]*\)".*/\1/p'
}
# api TOKEN METHOD PATH: the status; the body in $tmp/body.
api() {
	curl -s -o "$tmp/body" -w '%{http_code}' -X "$2" \
		-H "Authorization: Bearer $1" "$CENTER_URL$3"
}

t1=$(token dora 'correct horse battery')
t2=$(token dora 'correct horse battery')
td=$(token dave 'another long password')
[ ${#t1} = 64 ] && [ ${#t2} = 64 ] && [ ${#td} = 64 ]
ok $? "dora holds two API tokens, dave one"
is "$(staff_login dora dora 'correct horse battery')" 303 "dora also signs in with a browser"

# --- listing and revoking over the API ---
is "$(api "$t1" GET /api/v1/session)" 200 "GET /api/v1/session lists the caller's tokens"
is "$(grep -o '"id":[0-9]*' "$tmp/body" | wc -l)" 2 "... dora's two, not dave's nor her browser's"
is "$(grep -o '"this":true' "$tmp/body" | wc -l)" 1 "... saying which one is the bearer's"
is "$(api "$t2" DELETE /api/v1/session)" 200 "DELETE /api/v1/session revokes the bearer's token"
like "$(body)" '"revoked":true' "... and says so"
is "$(api "$t2" GET /api/v1/fleet)" 401 "the revoked token no longer works"
is "$(api "$t1" GET /api/v1/fleet)" 200 "the other one still does"
is "$(sql "SELECT COUNT(*) FROM audit_log WHERE action = 'api.logout' AND actor = 'dora'")" 1 \
	"the revocation is in the audit log"

# --- the staff page ---
is "$(web dora GET /staff/sessions)" 200 "/staff/sessions"
like "$(body)" '<td>dora</td><td>API token</td>' "lists dora's API token"
like "$(body)" '<td>dora</td><td>browser</td>.*<td>this browser</td>' "and this browser's session"
body | grep -q '<td>dave</td>'
is $? 1 "not dave's, to a desk member"
id1=$(sql "SELECT s.id FROM sessions s JOIN staff_users u ON u.id = s.staff_user_id
	WHERE u.username = 'dora' AND s.kind = 'api'")
idd=$(sql "SELECT s.id FROM sessions s JOIN staff_users u ON u.id = s.staff_user_id
	WHERE u.username = 'dave'")
tok=$(csrf)
is "$(web dora POST /staff/sessions/revoke -d "csrf=$tok" -d "session=$idd")" 404 \
	"dora cannot revoke dave's token"
is "$(api "$td" GET /api/v1/fleet)" 200 "... it still works"
is "$(web dora POST /staff/sessions/revoke -d "session=$id1")" 400 "revoking needs the CSRF token"
is "$(web dora POST /staff/sessions/revoke -d "csrf=$tok" -d "session=$id1")" 303 \
	"dora revokes her API token on the page"
is "$(api "$t1" GET /api/v1/fleet)" 401 "... and it stops working"
is "$(staff_login ada ada 'the admin password')" 303 "an admin signs in"
is "$(web ada GET /staff/sessions)" 200 "and sees the sessions"
like "$(body)" '<td>dave</td><td>API token</td>' "of every account"
is "$(web ada POST /staff/sessions/revoke -d "csrf=$(csrf)" -d "session=$idd")" 303 \
	"and revokes dave's token"
is "$(api "$td" GET /api/v1/fleet)" 401 "... which stops working"

# --- a new password ends the account's sessions ---
t3=$(token dora 'correct horse battery')
td=$(token dave 'another long password')
is "$(web dora GET /staff)" 200 "dora's browser is signed in"
is "$(api "$t3" GET /api/v1/fleet)" 200 "and her new API token works"
out=$(echo 'a brand new password' | "$CENTER_BUILD/faxcenter-staff" passwd dora)
ok $? "faxcenter-staff passwd dora"
is "$out" "dora: 2 sessions and API tokens ended" "... says what it ended"
is "$(web dora GET /staff)" 303 "dora's browser is signed out"
is "$(api "$t3" GET /api/v1/fleet)" 401 "her API token no longer works"
is "$(api "$td" GET /api/v1/fleet)" 200 "dave's still does"
is "$(web ada GET /staff)" 200 "and so does the admin's session"
is "$(staff_login dora dora 'a brand new password')" 303 "dora signs in with the new password"
kill -0 "$CENTER_PID"
ok $? "kore is still running"
done_testing
