#!/usr/bin/env bash
# usage: tests/center/manager-switch.t
# A stranger's homepage link does not swap a manager's session without a
# word (login CSRF): with alice signed in, bob's link asks whether to
# switch, naming both, and alice's homepage stays hers; switching needs
# the form's CSRF token of the session held (another site cannot post it,
# nor can a browser without that session); once alice says so she is on
# bob's homepage and her old session is ended. Her own link, or a link in
# a browser without a session, opens at once as before.
# SPDX-License-Identifier: ISC
set -uo pipefail
. "$(dirname "$0")/../lib/tap.sh"
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/portal-lib.sh"
in_db "$0" "$@"

export FAXCENTER_HOME_CACHE=0
portal_begin
portal_seed

is "$(web alice GET "$LINK_ALICE")" 200 "alice's link opens her homepage"
like "$(body)" 'fx9000-A1' "with her terminal"
is "$(web alice GET "$LINK_ALICE")" 200 "her own link again opens it at once"
like "$(body)" 'fx9000-A1' "... without asking"
sessions_of() { sql "SELECT COUNT(*) FROM manager_sessions WHERE manager_id = $1 AND expires_at > NOW(6)"; }
before=$(sessions_of 1)

is "$(web alice GET "$LINK_BOB")" 200 "bob's link in alice's browser answers"
like "$(body)" 'Switch to another homepage' "it asks before switching"
like "$(body)" 'signed in to the homepage of <b>alice@example.com</b>' "naming the session held"
like "$(body)" 'opens the homepage of <b>bob@example.com</b>' "and the link's manager"
is "$(header set-cookie)" "" "no cookie is set"
is "$(sessions_of 2)" 0 "no session of bob's is opened"
ask_csrf=$(csrf)
is "$(web alice GET /home)" 200 "alice's homepage"
like "$(body)" 'fx9000-A1' "is still hers"
body | grep -q 'fx7000-B1'
is $? 1 "without bob's terminal"

is "$(web alice POST "$LINK_BOB" -d '')" 400 "switching without the CSRF token is refused"
is "$(web alice POST "$LINK_BOB" -d "csrf=$(printf '0%.0s' {1..64})")" 400 "so is a wrong one"
is "$(web other POST "$LINK_BOB" -d "csrf=$ask_csrf")" 400 \
	"and a post without the session held (as from another site: SameSite keeps the cookie back)"
is "$(sessions_of 2)" 0 "still no session of bob's"

is "$(web alice POST "$LINK_BOB" -d "csrf=$ask_csrf")" 200 "alice chooses to switch"
like "$(body)" 'fx7000-B1' "and sees bob's homepage"
like "$(header set-cookie)" 'fc_home=[0-9a-f]{64}' "with a new session cookie"
is "$(sessions_of 1)" "$((before - 1))" "the session she held is ended"
is "$(web alice GET /home)" 200 "her browser now"
like "$(body)" 'fx7000-B1' "shows bob's homepage"

is "$(web fresh GET "$LINK_BOB")" 200 "a browser without a session"
like "$(body)" 'fx7000-B1' "opens the link at once, as before"
done_testing
