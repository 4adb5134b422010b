# shellcheck shell=bash
# Shared by the center's tests: paths, and a mariadb client for the
# throwaway server scripts/with-mariadb started. Source after tests/lib/tap.sh.
# SPDX-License-Identifier: ISC
CENTER_TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
CENTER_BUILD=$CENTER_TOP/center/build
# The test programs (tests/center/tests.mk): unit tests, mkreport.
CENTER_TEST_BUILD=$CENTER_TOP/tests/center/build
CENTER_FIXTURES=$CENTER_TOP/tests/center/fixtures
. "$CENTER_TOP/scripts/lib.sh"

# sql "STATEMENT": run it in the test database, print rows tab-separated.
sql() {
	local where=(--socket="${FAXCARE_DB_SOCKET:-}")
	[ -n "${FAXCARE_DB_HOST:-}" ] &&
		where=(--host="$FAXCARE_DB_HOST" --port="$FAXCARE_DB_PORT")
	mariadb --no-defaults "${where[@]}" --user=root \
		--batch --skip-column-names "$FAXCARE_DB_NAME" -e "$1"
}

# in_db ARGS...: re-run the calling test under scripts/with-mariadb unless
# a database is already there. Use as: in_db "$0" "$@" || exit $?
in_db() {
	if [ -z "${FAXCARE_DB_SOCKET:-}" ]; then
		exec "$CENTER_TOP/scripts/with-mariadb" -- "$@"
	fi
}

# center_start DIR: run the Kore app on a free port with its config
# written into DIR (which must exist). Sets CENTER_PORT, CENTER_PID,
# CENTER_URL; the log is DIR/kore.log. Stop it with center_stop. The
# app's base_url is $CENTER_BASE_URL if set (nginx's https URL), else
# CENTER_URL.
center_start() {
	local dir=$1
	CENTER_PORT=${CENTER_PORT:-$(free_port)}
	CENTER_URL=http://127.0.0.1:$CENTER_PORT
	sed -e "s|bind\t127.0.0.1 8888|bind\t127.0.0.1 $CENTER_PORT|" \
		-e "s|^load\t.*|load\t\t$CENTER_BUILD/faxcenter.so|" \
		-e "s|^root\t.*|root\t\t$CENTER_TOP/center|" \
		-e "s|^runas\t.*||" \
		-e "s|^workers\t.*|workers\t\t${CENTER_WORKERS:-2}|" \
		-e "s|accesslog\t/dev/stdout|accesslog\t$dir/access.log|" \
		-e "s|^seccomp_tracing.*|seccomp_tracing\t${CENTER_SECCOMP_TRACING:-no}|" \
		"$CENTER_TOP/center/conf/faxcenter.conf" >"$dir/faxcenter.conf"
	FAXCENTER_BASE_URL=${CENTER_BASE_URL:-$CENTER_URL} \
		kore -f -n -r -c "$dir/faxcenter.conf" >"$dir/kore.log" 2>&1 &
	CENTER_PID=$!
	# The port opens before the parent's configure hook (migrations) ran:
	# ready is when a worker answers (or Kore is gone: no use waiting).
	if ! wait_for 15 "the app to answer" center_answers ||
		! kill -0 "$CENTER_PID" 2>/dev/null; then
		cat "$dir/kore.log" >&2
		return 1
	fi
}

center_answers() {
	[ "$(http_status "$CENTER_URL/healthz")" != 000 ] ||
		! kill -0 "$CENTER_PID" 2>/dev/null
}

center_stop() {
	[ -n "${CENTER_PID:-}" ] && stop_pid "$CENTER_PID"
	CENTER_PID=
}

# http_get URL: print "STATUS BODY" (body on following lines).
http_status() { curl -s -o /dev/null -w '%{http_code}' "$@"; }

# center_secret DIR: a private copy of the fixtures' master key (key files
# must not be readable by others; git does not keep modes). Exports
# FAXCENTER_MASTER_SECRET_FILE.
center_secret() {
	install -m 600 "$CENTER_FIXTURES/master.key" "$1/master.key"
	export FAXCENTER_MASTER_SECRET_FILE=$1/master.key
}

# mkreport ARGS: a fresh signed report (see tests/center/tools/mkreport.c)
# with the fixtures' key.
mkreport() {
	"$CENTER_TEST_BUILD/mkreport" -k "$FAXCENTER_MASTER_SECRET_FILE" "$@"
}

# mailgate FILE: deliver FILE as the MTA would; prints the exit status,
# stderr goes to $MAILGATE_ERR.
MAILGATE_ERR=/dev/null
mailgate() {
	"$CENTER_BUILD/faxcenter-mailgate" <"$1" 2>"$MAILGATE_ERR"
	echo $?
}

# rid N: a report id for test report number N.
rid() { printf '%032x' "$1"; }

# mailgate_begin: for a test that feeds the mailgate directly: a temporary
# directory $tmp (removed at exit), the fixtures' key, a migrated
# database, the mailgate's messages in $MAILGATE_ERR.
mailgate_begin() {
	tmp=$(mktemp -d) || bail "mktemp"
	trap 'rm -rf "$tmp"' EXIT
	trap 'exit 130' INT
	trap 'exit 143' TERM
	center_secret "$tmp"
	MAILGATE_ERR=$tmp/err
	"$CENTER_BUILD/faxcenter-migrate" >/dev/null || bail "migration failed"
}

# deliver ARGS...: a fresh report (mkreport ARGS, kept as $tmp/last.eml)
# through the mailgate; prints its exit status.
deliver() {
	mkreport "$@" >"$tmp/last.eml" || bail "mkreport $*"
	mailgate "$tmp/last.eml"
}

# in_db_and_postfix ARGS...: re-run the calling test under a throwaway
# MariaDB on TCP (the pipe runs as nobody, who cannot enter the socket's
# directory) and a throwaway Postfix that pipes reports@faxcare.test to
# faxcenter-mailgate and keeps alice@ and bob@ (and each LOCALPART in
# $CENTER_MAILDIRS) in Maildirs. The master key
# and the mailgate are copied for nobody, who may not reach the checkout (a
# clone under /root). Use as: in_db_and_postfix "$0" "$@" || exit $?
in_db_and_postfix() {
	local keydir rc m extra=()
	if [ -z "${FAXCARE_DB_HOST:-}" ]; then
		exec "$CENTER_TOP/scripts/with-mariadb" --tcp -- "$@"
	fi
	[ -n "${FAXCARE_SMTP_PORT:-}" ] && return 0
	"$CENTER_BUILD/faxcenter-migrate" >/dev/null || bail "migration failed"
	keydir=$(mktemp -d) || bail "mktemp"
	chmod 755 "$keydir"
	install -o nobody -m 600 "$CENTER_FIXTURES/master.key" "$keydir/master.key"
	install -m 755 "$CENTER_BUILD/faxcenter-mailgate" "$keydir/faxcenter-mailgate" ||
		bail "cannot copy the mailgate for nobody"
	export FAXCENTER_MASTER_SECRET_FILE=$keydir/master.key
	unset FAXCARE_DB_SOCKET
	# The mailgate writes links to the app: fix its address now.
	CENTER_PORT=$(free_port)
	export CENTER_PORT FAXCENTER_BASE_URL=http://127.0.0.1:$CENTER_PORT
	for m in ${CENTER_MAILDIRS:-}; do extra+=(--maildir "$m"); done
	"$CENTER_TOP/scripts/with-postfix" \
		--pipe "reports=$keydir/faxcenter-mailgate" \
		--maildir alice --maildir bob "${extra[@]}" -- "$@"
	rc=$?
	rm -rf "$keydir"
	exit $rc
}

# send_mail FILE: submit FILE over SMTP to reports@faxcare.test; bounces go
# to postmaster@faxcare.test (a Maildir), so nothing waits on other domains.
send_mail() {
	swaks --silent 2 --server "$FAXCARE_SMTP_HOST" --port "$FAXCARE_SMTP_PORT" \
		--from postmaster@faxcare.test --to reports@faxcare.test \
		--data "@$1" >/dev/null
}

# maildir_count LOCALPART: messages delivered to that Maildir.
maildir_count() {
	find "$FAXCARE_MAIL_DIR/$1/new" -type f 2>/dev/null | wc -l
}

# mail_body FILE: the decoded text of a delivered e-mail (as a mail reader
# shows it), headers Subject/To/Message-ID first.
mail_body() {
	python3 -c 'import sys, email, email.policy
m = email.message_from_binary_file(open(sys.argv[1], "rb"), policy=email.policy.default)
for h in ("Subject", "To", "Message-ID"):
    print(f"{h}: {m[h]}")
print()
print(m.get_body(("plain",)).get_content())' "$1"
}

# maildir_files LOCALPART: its delivered messages, oldest first.
maildir_files() {
	ls -1tr "$FAXCARE_MAIL_DIR/$1/new/"* 2>/dev/null
}

# outbox_start DIR: run faxcenter-outbox against the harness's Postfix,
# sweeping every $OUTBOX_SWEEP_MS (default 200). That Postfix listens on
# loopback without STARTTLS (unless --tls): smtp_starttls = off says so,
# as an operator would for a relay on the same host (the default,
# required, would keep every mail waiting).
outbox_start() {
	FAXCENTER_SENDER=center@faxcare.test \
		FAXCARE_SMTP_STARTTLS=${FAXCARE_SMTP_STARTTLS:-off} \
		"$CENTER_BUILD/faxcenter-outbox" -p "${OUTBOX_SWEEP_MS:-200}" \
		>>"$1/outbox.log" 2>&1 &
	OUTBOX_PID=$!
}

outbox_stop() {
	[ -n "${OUTBOX_PID:-}" ] && stop_pid "$OUTBOX_PID"
	OUTBOX_PID=
}

