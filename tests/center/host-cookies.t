#!/usr/bin/env bash
# usage: tests/center/host-cookies.t
# With an https base_url (nginx terminating TLS in front) every session
# cookie is named __Host-NAME, Secure, Path=/ and without Domain, so that
# neither a sibling domain nor a plain-http answer can plant one; the app
# reads only the prefixed name. The browser would send these only over
# https: the test sends them itself to the app on loopback.
# SPDX-License-Identifier: ISC
set -uo pipefail
. "$(dirname "$0")/../lib/tap.sh"
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/portal-lib.sh"
in_db "$0" "$@"

CENTER_BASE_URL=https://center.faxcare.test
portal_begin
portal_seed
staff_add dora desk 'correct horse battery'

# get PATH [curl args]: the status; headers in $tmp/headers, body in $tmp/body.
get() {
	local path=$1
	shift
	curl -s -D "$tmp/headers" -o "$tmp/body" -w '%{http_code}' "$@" "$CENTER_URL$path"
}
cookie_of() { header set-cookie | sed -n "s/^set-cookie: $1=\([0-9a-f]*\);.*/\1/p"; }

is "$(get /staff/login)" 200 "the sign-in form"
like "$(header set-cookie)" '^set-cookie: __Host-fc_login=[0-9a-f]{64}; Path=/; Max-Age=1800; HttpOnly; SameSite=Lax; Secure$' \
	"its cookie is __Host-fc_login, Secure, Path=/, no Domain"
login=$(cookie_of __Host-fc_login)
tok=$(csrf)
is "$(get /staff/login -H "Cookie: fc_login=$login" -d "csrf=$tok" -d username=dora \
	--data-urlencode 'password=correct horse battery')" 400 \
	"the same value under the unprefixed name is not read"
is "$(get /staff/login -H "Cookie: __Host-fc_login=$login" -d "csrf=$tok" -d username=dora \
	--data-urlencode 'password=correct horse battery')" 303 "under __Host-fc_login it signs in"
like "$(header set-cookie | grep fc_staff)" '^set-cookie: __Host-fc_staff=[0-9a-f]{64}; Path=/; Max-Age=28800; HttpOnly; SameSite=Lax; Secure$' \
	"the session cookie is __Host-fc_staff"
staff=$(cookie_of __Host-fc_staff)
is "$(get /staff -H "Cookie: __Host-fc_staff=$staff")" 200 "and opens the staff pages"
is "$(get /staff -H "Cookie: fc_staff=$staff")" 303 "the unprefixed name does not"

is "$(get "$LINK_ALICE")" 200 "the manager's link"
like "$(header set-cookie)" '^set-cookie: __Host-fc_home=[0-9a-f]{64}; Path=/; Max-Age=2592000; HttpOnly; SameSite=Lax; Secure$' \
	"sets __Host-fc_home"
home=$(cookie_of __Host-fc_home)
is "$(get /home -H "Cookie: __Host-fc_home=$home")" 200 "which opens the homepage"
is "$(get /home -H "Cookie: fc_home=$home")" 403 "the unprefixed name does not"
done_testing
