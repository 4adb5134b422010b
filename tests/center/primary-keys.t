#!/usr/bin/env bash
# usage: tests/center/primary-keys.t
#
# The schema every migration makes is fit for a Galera cluster: every
# table is InnoDB (Galera replicates nothing else) and has a primary key
# (without one, Galera cannot replicate a DELETE, and rows may differ in
# order between nodes). Read from information_schema after all migrations,
# so a table a later migration adds is checked too.
# SPDX-License-Identifier: ISC
set -uo pipefail
. "$(dirname "$0")/../lib/tap.sh"
. "$(dirname "$0")/lib.sh"
in_db "$0" "$@"

"$CENTER_BUILD/faxcenter-migrate" >/dev/null; ok $? "faxcenter-migrate applies every migration"
n=$(sql "SELECT COUNT(*) FROM information_schema.tables
	WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE'")
((n >= 20)); ok $? "the schema has its tables ($n)"
is "$(sql "SELECT GROUP_CONCAT(t.table_name) FROM information_schema.tables t
	LEFT JOIN information_schema.table_constraints c
	ON c.table_schema = t.table_schema AND c.table_name = t.table_name
	AND c.constraint_type = 'PRIMARY KEY'
	WHERE t.table_schema = DATABASE() AND t.table_type = 'BASE TABLE'
	AND c.constraint_name IS NULL")" NULL "every table has a primary key"
is "$(sql "SELECT GROUP_CONCAT(table_name, ' ', engine) FROM information_schema.tables
	WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE'
	AND engine <> 'InnoDB'")" NULL "every table is InnoDB"
done_testing
