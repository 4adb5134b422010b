/* SPDX-License-Identifier: ISC */
/* A cluster-wide named lock as a row; see db_lock.h. */
#include <string.h>
#include <time.h>

#include <mysqld_error.h>

#include "db_lock.h"
#include "db_retry.h"

static int
ensure_table(struct db *db)
{
	return db_exec(db, "CREATE TABLE IF NOT EXISTS cluster_locks ("
	    "name VARCHAR(64) NOT NULL PRIMARY KEY, "
	    "holder CHAR(36) NOT NULL, "
	    "taken_at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6)"
	    ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4", NULL, 0, NULL, NULL);
}

int
db_lock_take(struct db *db, const char *name, unsigned int wait_s,
    unsigned int stale_s)
{
	struct db_val	pn[] = { DB_STR(name) };
	struct db_val	ps[] = { DB_STR(name), DB_INT(stale_s) };
	struct timespec	start, now;

	if (ensure_table(db) || db_exec(db, "SET @faxcare_lock_holder = UUID()",
	    NULL, 0, NULL, NULL))
		return -1;
	if (clock_gettime(CLOCK_MONOTONIC, &start))
		return -1;
	for (;;) {
		if (db_exec(db, "DELETE FROM cluster_locks WHERE name = ? "
		    "AND taken_at < NOW(6) - INTERVAL ? SECOND", ps, 2, NULL,
		    NULL) == 0 && db_exec(db, "INSERT INTO cluster_locks "
		    "(name, holder) VALUES (?, @faxcare_lock_holder)", pn, 1,
		    NULL, NULL) == 0)
			return 0;
		if (db->errnum != ER_DUP_ENTRY && !db_retry_conflict(db->errnum))
			return -1;
		if (clock_gettime(CLOCK_MONOTONIC, &now))
			return -1;
		if (now.tv_sec - start.tv_sec >= (time_t)wait_s)
			return 1;
		db_retry_nap(50 + db_retry_delay_ms(4));
	}
}

int
db_lock_give(struct db *db, const char *name)
{
	struct db_val	p[] = { DB_STR(name) };

	return db_exec(db, "DELETE FROM cluster_locks WHERE name = ? "
	    "AND holder = @faxcare_lock_holder", p, 1, NULL, NULL);
}
