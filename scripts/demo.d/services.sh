# shellcheck shell=bash
# The services of the demo and of tests/e2e. Source after scripts/lib.sh.
#
#   in_services SCRIPT [ARGS]   unless they already run, re-run SCRIPT under
#                               a throwaway MariaDB (TCP) and a throwaway
#                               Postfix that delivers $CENTER_ADDRESS over
#                               LMTP to faxcenter-ingestd, the resident
#                               ingester (started here, its log in
#                               $FAXCARE_INGESTD_LOG), and keeps the
#                               manager's mail in a Maildir; the center's
#                               master secret is made for the run, its port
#                               chosen ($CENTER_PORT).
#                               Returns (0) only in the innermost run.
#   sql "STATEMENT"             run it in the center's database, rows
#                               tab-separated
# Mail addresses of the walk: the Postfix instance owns faxcare.test.
# SPDX-License-Identifier: ISC

MANAGER_ADDRESS=manager@faxcare.test
CENTER_ADDRESS=reports@faxcare.test
CENTER_BUILD=$FAXCARE_TOP/center/build

in_services() {
	local keydir rc ingestd
	if [ -z "${FAXCARE_DB_HOST:-}" ]; then
		exec "$FAXCARE_TOP/scripts/with-mariadb" --tcp -- "$@"
	fi
	[ -n "${FAXCARE_SMTP_PORT:-}" ] && return 0
	unset FAXCARE_DB_SOCKET
	# Postfix's lmtp (user postfix) reaches the ingester's socket here.
	keydir=$(mktemp -d "${TMPDIR:-/tmp}/fxkey.XXXXXX") || die "mktemp failed"
	chmod 755 "$keydir"
	# The ingester verifies reports with keys derived from it.
	if ! "$FAXCARE_TOP/proto/build/faxcare-keygen" -n >"$keydir/master.key" ||
		! chmod 600 "$keydir/master.key"; then
		rm -rf "$keydir"
		die "cannot make the center's master secret"
	fi
	export FAXCENTER_MASTER_SECRET_FILE=$keydir/master.key
	# The ingester writes the center's URLs into the mail it queues, so
	# the center's port is chosen now.
	CENTER_PORT=$(free_port)
	export CENTER_PORT FAXCENTER_BASE_URL=http://127.0.0.1:$CENTER_PORT
	export FAXCARE_INGESTD_LOG=$keydir/ingestd.log
	"$CENTER_BUILD/faxcenter-ingestd" -s "$keydir/lmtp.sock" 2>"$FAXCARE_INGESTD_LOG" &
	ingestd=$!
	for _ in $(seq 100); do
		[ -S "$keydir/lmtp.sock" ] || ! kill -0 "$ingestd" 2>/dev/null && break
		sleep 0.1
	done
	if [ ! -S "$keydir/lmtp.sock" ]; then
		cat "$FAXCARE_INGESTD_LOG" >&2
		stop_pid "$ingestd"
		rm -rf "$keydir"
		die "faxcenter-ingestd did not start"
	fi
	"$FAXCARE_TOP/scripts/with-postfix" \
		--lmtp "${CENTER_ADDRESS%@*}=$keydir/lmtp.sock" \
		--maildir "${MANAGER_ADDRESS%@*}" -- "$@"
	rc=$?
	stop_pid "$ingestd"
	rm -rf "$keydir"
	exit "$rc"
}

sql() {
	mariadb --no-defaults --host="$FAXCARE_DB_HOST" --port="$FAXCARE_DB_PORT" \
		--user="$FAXCARE_DB_USER" --batch --skip-column-names \
		"$FAXCARE_DB_NAME" -e "$1"
}
