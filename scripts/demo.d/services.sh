# shellcheck shell=bash
# The services of the demo and of tests/e2e. Source after scripts/lib.sh.
#
#   in_services SCRIPT [ARGS]   unless they already run, re-run SCRIPT under
#                               a throwaway MariaDB (TCP: Postfix's pipe runs
#                               as nobody, who cannot enter the socket's
#                               directory) and a throwaway Postfix that pipes
#                               $CENTER_ADDRESS to faxcenter-mailgate and
#                               keeps the manager's mail in a Maildir; the
#                               center's master secret is made for the run,
#                               its port chosen ($CENTER_PORT).
#                               Returns (0) only in the innermost run.
#   sql "STATEMENT"             run it in the center's database, rows
#                               tab-separated
# Mail addresses of the walk: the Postfix instance owns faxcare.test.
# SPDX-License-Identifier: ISC

MANAGER_ADDRESS=manager@faxcare.test
CENTER_ADDRESS=reports@faxcare.test
CENTER_BUILD=$FAXCARE_TOP/center/build

in_services() {
	local keydir rc
	if [ -z "${FAXCARE_DB_HOST:-}" ]; then
		exec "$FAXCARE_TOP/scripts/with-mariadb" --tcp -- "$@"
	fi
	[ -n "${FAXCARE_SMTP_PORT:-}" ] && return 0
	unset FAXCARE_DB_SOCKET
	keydir=$(mktemp -d "${TMPDIR:-/tmp}/fxkey.XXXXXX") || die "mktemp failed"
	chmod 755 "$keydir"
	# The mailgate (as nobody) verifies reports with keys derived from it.
	if ! "$FAXCARE_TOP/proto/build/faxcare-keygen" -n >"$keydir/master.key" ||
		! chown nobody "$keydir/master.key" || ! chmod 600 "$keydir/master.key"; then
		rm -rf "$keydir"
		die "cannot make the center's master secret"
	fi
	export FAXCENTER_MASTER_SECRET_FILE=$keydir/master.key
	# pipe(8) runs the mailgate as nobody, who may not reach the checkout
	# (a clone under /root): it gets a copy of its own.
	install -m 755 "$CENTER_BUILD/faxcenter-mailgate" "$keydir/faxcenter-mailgate" || {
		rm -rf "$keydir"
		die "cannot copy the mailgate for nobody"
	}
	# The mailgate writes the center's URLs into the mail it queues, so the
	# center's port is chosen now, before Postfix takes our environment.
	CENTER_PORT=$(free_port)
	export CENTER_PORT FAXCENTER_BASE_URL=http://127.0.0.1:$CENTER_PORT
	"$FAXCARE_TOP/scripts/with-postfix" \
		--pipe "${CENTER_ADDRESS%@*}=$keydir/faxcenter-mailgate" \
		--maildir "${MANAGER_ADDRESS%@*}" -- "$@"
	rc=$?
	rm -rf "$keydir"
	exit "$rc"
}

sql() {
	mariadb --no-defaults --host="$FAXCARE_DB_HOST" --port="$FAXCARE_DB_PORT" \
		--user="$FAXCARE_DB_USER" --batch --skip-column-names \
		"$FAXCARE_DB_NAME" -e "$1"
}
