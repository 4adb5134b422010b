# shellcheck shell=bash
# Shared by the tests of the manager's homepage and the staff pages: HTTP
# with a cookie jar per user, CSRF tokens scraped from the page a user was
# shown, and the portal's fixture. Source after tests/center/lib.sh.
# SPDX-License-Identifier: ISC

# portal_begin: a temporary directory $tmp and the app on a migrated
# database, both removed when the test ends however it ends. Set
# FAXCENTER_HOME_CACHE and the like before.
portal_begin() {
	tmp=$(mktemp -d) || bail "mktemp"
	trap 'center_stop; rm -rf "$tmp"' EXIT
	trap 'exit 130' INT
	trap 'exit 143' TERM
	export FAXCENTER_MIGRATE_ON_START=yes
	center_start "$tmp" || bail "kore did not start"
}

LINK_ALICE=/m/$(printf 'a%.0s' {1..64})
LINK_BOB=/m/$(printf 'b%.0s' {1..64})

# portal_seed: two managers, their terminals, notices, catalogue, slots.
portal_seed() { sql "$(cat "$CENTER_FIXTURES/portal-seed.sql")"; }

# web JAR METHOD PATH [curl args]: request with JAR's cookies; the body
# goes to $tmp/body, headers to $tmp/headers; prints the status.
web() {
	local jar=$tmp/$1.jar method=$2 path=$3
	shift 3
	curl -s -b "$jar" -c "$jar" -X "$method" -D "$tmp/headers" \
		-o "$tmp/body" -w '%{http_code}' "$@" "$CENTER_URL$path"
}

# csrf: the CSRF token of the last page fetched (its first form).
csrf() {
	grep -o 'name="csrf" value="[0-9a-f]*"' "$tmp/body" | head -1 |
		sed 's/.*value="//; s/"$//'
}

body() { cat "$tmp/body"; }
header() { grep -i "^$1:" "$tmp/headers" | tr -d '\r'; }

# staff_add USER ROLE PASSWORD: an account, made with faxcenter-staff.
staff_add() {
	echo "$3" | "$CENTER_BUILD/faxcenter-staff" add "$1" "$2"
}

# staff_login JAR USER PASSWORD: sign in through the form; prints the
# status of the POST.
staff_login() {
	web "$1" GET /staff/login >/dev/null
	web "$1" POST /staff/login --data-urlencode "csrf=$(csrf)" \
		--data-urlencode "username=$2" --data-urlencode "password=$3"
}

# staff_team: dora (desk), dave (dispatch) and ada (admin), each signed
# in with a cookie jar of their name.
staff_team() {
	staff_add dora desk 'correct horse battery' || bail "account"
	staff_add dave dispatch 'another long password' || bail "account"
	staff_add ada admin 'the admin password' || bail "account"
	staff_login dora dora 'correct horse battery' >/dev/null
	staff_login dave dave 'another long password' >/dev/null
	staff_login ada ada 'the admin password' >/dev/null
}
