/* SPDX-License-Identifier: ISC */
/* Applies the compiled-in schema migrations that a database lacks. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <mysql.h>

#include "db_lock.h"
#include "migrate.h"

/* Several hosts may start at once, on several Galera nodes: one migrates,
 * the others wait for it (a migration of a large table may take minutes;
 * a holder silent for an hour is taken for dead). */
#define LOCK_NAME	"faxcare_migrate"
#define LOCK_WAIT_S	60
#define LOCK_STALE_S	3600

static int
is_applied(struct db *db, unsigned int version, int *applied)
{
	struct db_val	p[] = { DB_INT(version) };
	long long	n = 0;

	if (db_select_int(db, "SELECT COUNT(*) FROM schema_migrations "
	    "WHERE version = ?", p, 1, &n) < 0)
		return -1;
	*applied = n > 0;
	return 0;
}

/* A migration is a script of DDL: run it whole, then drain every result. */
static int
run_script(struct db *db, const char *sql)
{
	MYSQL		*m = db->mysql;
	MYSQL_RES	*res;
	int		 r;

	if (mysql_set_server_option(m, MYSQL_OPTION_MULTI_STATEMENTS_ON) ||
	    mysql_real_query(m, sql, strlen(sql)))
		goto fail;
	do {
		if ((res = mysql_store_result(m)) != NULL)
			mysql_free_result(res);
		else if (mysql_errno(m))
			goto fail;
	} while ((r = mysql_next_result(m)) == 0);
	if (r > 0)
		goto fail;
	if (mysql_set_server_option(m, MYSQL_OPTION_MULTI_STATEMENTS_OFF))
		goto fail;
	return 0;
fail:
	snprintf(db->err, sizeof(db->err), "migration: %s", mysql_error(m));
	return -1;
}

static int
ensure_table(struct db *db)
{
	return db_exec(db, "CREATE TABLE IF NOT EXISTS schema_migrations ("
	    "version INT UNSIGNED NOT NULL PRIMARY KEY, "
	    "name VARCHAR(128) NOT NULL, "
	    "applied_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6)"
	    ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4", NULL, 0, NULL, NULL);
}

int
migrate_apply(struct db *db, FILE *log)
{
	unsigned int	 i;
	int		 applied, got, rc = -1;

	if (ensure_table(db))
		return -1;
	if ((got = db_lock_take(db, LOCK_NAME, LOCK_WAIT_S, LOCK_STALE_S)) < 0)
		return -1;
	if (got > 0) {
		(void)snprintf(db->err, sizeof(db->err),
		    "migration lock not granted");
		return -1;
	}
	for (i = 0; i < center_migrations_count; i++) {
		const struct migration	*mg = &center_migrations[i];
		struct db_val		 p[] = {
			DB_INT(mg->version), DB_STR(mg->name)
		};

		if (is_applied(db, mg->version, &applied))
			goto out;
		if (applied)
			continue;
		if (run_script(db, mg->sql))
			goto out;
		if (db_exec(db, "INSERT INTO schema_migrations (version, name) "
		    "VALUES (?, ?)", p, 2, NULL, NULL))
			goto out;
		(void)fprintf(log, "applied %04u %s\n", mg->version, mg->name);
	}
	rc = 0;
out:
	if (db_lock_give(db, LOCK_NAME))
		rc = -1;
	return rc;
}

int
migrate_status(struct db *db, FILE *out)
{
	unsigned int	i;
	int		applied, pending = 0;

	if (ensure_table(db))
		return -1;
	for (i = 0; i < center_migrations_count; i++) {
		if (is_applied(db, center_migrations[i].version, &applied))
			return -1;
		pending += !applied;
		(void)fprintf(out, "%04u %s %s\n", center_migrations[i].version,
		    center_migrations[i].name, applied ? "applied" : "pending");
	}
	return pending ? 1 : 0;
}
