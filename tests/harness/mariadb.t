#!/usr/bin/env bash
# usage: tests/harness/mariadb.t
#
# scripts/with-mariadb gives a test a private MariaDB whose data survives
# being taken down and brought back with $FAXCARE_DB_CTL; nothing of it
# remains afterwards, even when interrupted.
# SPDX-License-Identifier: ISC
cd "$(dirname "$0")/../.." || exit 1
. tests/lib/tap.sh
. scripts/harness/tap-wrapped.sh
. scripts/harness/service.sh

sql() {
	mariadb --no-defaults --socket="$FAXCARE_DB_SOCKET" \
		--user="$FAXCARE_DB_USER" --password="$FAXCARE_DB_PASSWORD" \
		-N -B "$FAXCARE_DB_NAME" -e "$1"
}

# Runs inside the wrapper.
inside() {
	is "$FAXCARE_DB_NAME" faxcare "database name is faxcare"
	[ -S "$FAXCARE_DB_SOCKET" ]; ok $? "socket $FAXCARE_DB_SOCKET exists"
	((${#FAXCARE_DB_SOCKET} < 100)); ok $? "socket path is under 100 characters"
	sql 'CREATE TABLE t (id INT PRIMARY KEY, note VARCHAR(40))'; ok $? "CREATE TABLE"
	sql "INSERT INTO t VALUES (1, 'toner-low')"; ok $? "INSERT"
	is "$(sql 'SELECT note FROM t WHERE id = 1')" toner-low "SELECT reads the row"
	is "$("$FAXCARE_DB_CTL" status)" running "ctl status: running"
	start=$(date +%s.%N)
	"$FAXCARE_DB_CTL" stop; ok $? "ctl stop"
	is "$("$FAXCARE_DB_CTL" status)" stopped "ctl status: stopped"
	! sql 'SELECT 1' 2>/dev/null; ok $? "queries fail while the server is down"
	"$FAXCARE_DB_CTL" start; ok $? "ctl start"
	diag "stop and start: $(echo "$(date +%s.%N) - $start" | bc) s"
	is "$(sql 'SELECT note FROM t WHERE id = 1')" toner-low "the row survived stop/start"
	is "$(mariadb --no-defaults -h "$FAXCARE_DB_HOST" -P "$FAXCARE_DB_PORT" \
		--user="$FAXCARE_DB_USER" -N -B -e 'SELECT 42' 2>&1)" 42 \
		"--tcp: answers on $FAXCARE_DB_HOST:$FAXCARE_DB_PORT"
	found=("$FAXCARE_DB_DIR" "$(cat "$FAXCARE_DB_DIR/../mariadbd.pid")")
	return 5
}

tap_wrapped scripts/with-mariadb --tcp --
datadir=${found[0]} pid=${found[1]}
is "$wrapped_rc" 5 "with-mariadb exits with the command's status"
[ -n "$datadir" ] && [ ! -e "$datadir" ]; ok $? "the datadir is removed"
[ -n "$pid" ] && ! pid_running "$pid"; ok $? "the server is stopped"

tap_interrupted FAXCARE_DB_DIR ../mariadbd.pid scripts/with-mariadb --
done_testing
