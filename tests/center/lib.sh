# shellcheck shell=bash
# Shared by the center's tests: paths, and a mariadb client for the
# throwaway server scripts/with-mariadb started. Source after tests/lib/tap.sh.
CENTER_TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
CENTER_BUILD=$CENTER_TOP/center/build
CENTER_FIXTURES=$CENTER_TOP/tests/center/fixtures
. "$CENTER_TOP/scripts/lib.sh"

# sql "STATEMENT": run it in the test database, print rows tab-separated.
sql() {
	mariadb --no-defaults --socket="$FAXCARE_DB_SOCKET" --user=root \
		--batch --skip-column-names "$FAXCARE_DB_NAME" -e "$1"
}

# in_db CMD...: re-run the calling test under scripts/with-mariadb unless
# a database is already there. Use as: in_db "$0" "$@" || exit $?
in_db() {
	if [ -z "${FAXCARE_DB_SOCKET:-}" ]; then
		exec "$CENTER_TOP/scripts/with-mariadb" -- "$@"
	fi
}
