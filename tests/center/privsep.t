#!/usr/bin/env bash
# usage: tests/center/privsep.t
# The web app and the mailgate run as different users, and only the
# mailgate's may read the master secret: the shipped Kore configuration,
# Postfix pipe service and sender's unit name three users; the sysusers
# file makes them (applied to a scratch root), the tmpfiles file gives the
# secret mode 0640 and the mailgate's group, and then the app's user cannot
# read it while the mailgate's can; the app's and the sender's units hide
# it altogether (InaccessiblePaths=).
# SPDX-License-Identifier: ISC
set -uo pipefail
. "$(dirname "$0")/../lib/tap.sh"
. "$(dirname "$0")/lib.sh"

conf=$CENTER_TOP/center/conf
tmp=$(mktemp -d) || bail "mktemp"
trap 'rm -rf "$tmp"' EXIT
chmod 755 "$tmp"

app=$(awk '$1 == "runas" { print $2 }' "$conf/faxcenter.conf")
gate=$(sed -n 's/.*flags=[A-Za-z]* user=\([^ ]*\) .*faxcenter-mailgate.*/\1/p' \
	"$conf/postfix-mailgate.example")
sender=$(sed -n 's/^User=//p' "$conf/faxcenter-outbox.service")
is "$app" faxcare "the app (Kore's runas) runs as faxcare"
is "$gate" faxcare-mailgate "the mailgate (Postfix's pipe) as faxcare-mailgate"
is "$sender" faxcare-outbox "the sender (its unit) as faxcare-outbox"

# Make the users and put the secret right, as a host's boot would.
root=$tmp/root
mkdir -p "$root/etc/faxcare"
systemd-sysusers --root="$root" - <"$conf/faxcare-center.sysusers" >/dev/null 2>&1
ok $? "systemd-sysusers makes the users"
for u in "$app" "$gate" "$sender"; do
	grep -q "^$u:" "$root/etc/passwd"
	ok $? "... $u"
done
id_of() { awk -F: -v u="$1" '$1 == u { print $3 ":" $4 }' "$root/etc/passwd"; }
gid_of() { awk -F: -v g="$1" '$1 == g { print $3 }' "$root/etc/group"; }
like "$(awk -F: -v g="$gate" '$1 == g { print $4 }' "$root/etc/group")" '^$' \
	"nobody else is in the mailgate's group"

secret=$root/etc/faxcare/center-secret
install -m 644 "$CENTER_FIXTURES/master.key" "$secret"
systemd-tmpfiles --root="$root" --create - <"$conf/faxcare-center.tmpfiles" 2>/dev/null
ok $? "systemd-tmpfiles applies the secrets' modes"
is "$(stat -c '%a %u %g' "$secret")" "640 0 $(gid_of "$gate")" \
	"the master secret: mode 0640, root's, the mailgate's group"

as() {
	local ids
	ids=$(id_of "$1")
	shift
	setpriv --reuid="${ids%:*}" --regid="${ids#*:}" --clear-groups "$@"
}
as "$app" cat "$secret" >/dev/null 2>&1
is $? 1 "the app's user cannot read the master secret"
as "$sender" cat "$secret" >/dev/null 2>&1
is $? 1 "nor can the sender's"
is "$(as "$gate" cat "$secret" 2>/dev/null | wc -c)" "$(wc -c <"$CENTER_FIXTURES/master.key")" \
	"the mailgate's user reads it"

# The units hide it from the app (whose parent stays root) and the sender.
like "$(cat "$conf/faxcenter.service")" '^InaccessiblePaths=.*-/etc/faxcare/center-secret( |$)' \
	"the app's unit makes the secret inaccessible"
like "$(cat "$conf/faxcenter-outbox.service")" '^InaccessiblePaths=.*-/etc/faxcare/center-secret( |$)' \
	"so does the sender's"
# notify.t runs systemd-analyze verify on both units.
done_testing
