#!/usr/bin/env bash
# usage: tests/harness/galera.t
#
# scripts/with-galera 3 gives a test a private three-node Galera cluster:
# the joiners came in by SST, a row written on node 1 is read on node 3, a
# node killed with -9 and started again catches up by IST (not a whole
# copy) and counts in wsrep_cluster_size again; nothing of it remains
# afterwards, even when interrupted.
# SPDX-License-Identifier: ISC
cd "$(dirname "$0")/../.." || exit 1
. tests/lib/tap.sh
. scripts/harness/tap-wrapped.sh
. scripts/harness/service.sh

# sql I QUERY: QUERY on node I.
sql() {
	local sock=FAXCARE_DB_SOCKET_$1
	mariadb --no-defaults --socket="${!sock}" --user="$FAXCARE_DB_USER" \
		-N -B "$FAXCARE_DB_NAME" -e "$2"
}
cluster_size() { sql "$1" "SHOW GLOBAL STATUS LIKE 'wsrep_cluster_size'" | cut -f2; }
size_is() { [ "$(cluster_size "$1")" = "$2" ]; }
log_of() { local d=FAXCARE_DB_DIR_$1; echo "${!d}/../mariadbd.err"; }
pid_of() { local d=FAXCARE_DB_DIR_$1; cat "${!d}/../mariadbd.pid"; }

# Runs inside the wrapper.
inside() {
	local i n
	is "$FAXCARE_GALERA_NODES" 3 "three nodes"
	for i in 1 2 3; do
		is "$(cluster_size "$i")" 3 "node $i sees wsrep_cluster_size 3"
	done
	grep -q 'SST succeeded' "$(log_of 3)"; ok $? "node 3 joined by SST"
	is "$FAXCARE_DB_SOCKET" "$FAXCARE_DB_SOCKET_1" "FAXCARE_DB_SOCKET is node 1's"

	sql 1 'CREATE TABLE t (id INT PRIMARY KEY, note VARCHAR(40))'; ok $? "CREATE TABLE on node 1"
	sql 1 "INSERT INTO t VALUES (1, 'toner-low')"; ok $? "INSERT on node 1"
	# wsrep_sync_wait: the read waits until node 3 applied what the
	# cluster committed before it, as a reader after a writer expects.
	is "$(sql 3 'SET SESSION wsrep_sync_wait = 1; SELECT note FROM t WHERE id = 1')" \
		toner-low "node 3 reads the row written on node 1"

	"$FAXCARE_GALERA_CTL" kill 2; ok $? "kill -9 node 2"
	start=$(date +%s.%N)
	wait_for 60 "node 1 to count 2 nodes" size_is 1 2
	is "$(cluster_size 1)" 2 "node 1 sees the cluster shrink to 2"
	diag "kill -9 to the cluster shrinking: $(echo "$(date +%s.%N) - $start" | bc) s"
	sql 1 "INSERT INTO t VALUES (2, 'media-jam'), (3, 'door-open')"; ok $? "node 1 writes while node 2 is down"
	n=$(wc -l <"$(log_of 2)")
	start=$(date +%s.%N)
	"$FAXCARE_GALERA_CTL" start 2; ok $? "node 2 starts again"
	diag "kill -9 to Synced again: $(echo "$(date +%s.%N) - $start" | bc) s"
	"$FAXCARE_GALERA_CTL" wait; ok $? "the cluster settles"
	since=$(tail -n +"$((n + 1))" "$(log_of 2)")
	like "$since" 'Receiving IST: [0-9]+ writesets' "node 2's log: it caught up by IST"
	! grep -q 'rsync SST completed' <<<"$since"; ok $? "node 2's log: no whole copy (SST) this time"
	for i in 1 2 3; do
		is "$(cluster_size "$i")" 3 "node $i sees wsrep_cluster_size 3 again"
	done
	is "$(sql 2 'SELECT GROUP_CONCAT(note ORDER BY id) FROM t')" \
		toner-low,media-jam,door-open "node 2 has the rows written while it was down"
	found=("$FAXCARE_DB_DIR_1" "$(pid_of 1)" "$(pid_of 2)" "$(pid_of 3)")
	return 5
}

tap_wrapped scripts/with-galera 3 --
is "$wrapped_rc" 5 "with-galera exits with the command's status"
[ -n "${found[0]}" ] && [ ! -e "${found[0]}" ]; ok $? "the datadirs are removed"
for i in 1 2 3; do
	[ -n "${found[$i]:-}" ] && ! pid_running "${found[$i]}"; ok $? "node $i is stopped"
done

tap_interrupted FAXCARE_DB_DIR ../mariadbd.pid scripts/with-galera 1 --
done_testing
