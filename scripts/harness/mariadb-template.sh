# shellcheck shell=bash
# Shared by scripts/with-mariadb and scripts/with-galera. Source it after
# scripts/lib.sh.
#
#   mariadb_template   print an initialised datadir for the installed server
#                      version, creating it once under $FAXCARE_CACHE/mariadb
#                      (under a lock: parallel tests share the cache); copy
#                      it, never use it in place
# SPDX-License-Identifier: ISC

mariadb_template() {
	local version tpl tmp
	version=$(mariadbd --version | awk '{ print $3 }')
	tpl=$FAXCARE_CACHE/mariadb/datadir-$version-log4m
	if [ ! -d "$tpl" ]; then
		mkdir -p "$FAXCARE_CACHE/mariadb" || return 1
		(
			flock 9
			[ -d "$tpl" ] && exit 0
			tmp=$(mktemp -d "$tpl.XXXXXX") || exit 1
			if ! mariadb-install-db --no-defaults --datadir="$tmp" \
				--user=root --auth-root-authentication-method=normal \
				--skip-test-db --skip-name-resolve \
				--innodb-log-file-size=4M >"$tmp.log" 2>&1; then
				cat "$tmp.log" >&2
				rm -rf "$tmp" "$tmp.log"
				exit 1
			fi
			rm -f "$tmp.log"
			mv "$tmp" "$tpl"
		) 9>"$FAXCARE_CACHE/mariadb/lock" || return 1
	fi
	echo "$tpl"
}
