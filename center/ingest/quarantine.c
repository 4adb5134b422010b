/* SPDX-License-Identifier: ISC */
/* The bounded quarantine of dropped mail; see quarantine.h. */
#include <string.h>

#include <mysqld_error.h>

#include "quarantine.h"

/* Concurrent deliveries trimming the table may deadlock: retry. */
#define QUARANTINE_TRIES	3

int
quarantine_keep(struct db *db, const struct center_config *cfg,
    const struct ingest_result *res, const char *raw, size_t len)
{
	unsigned long long	id;
	struct db_val		pc[] = { DB_STR(res->drop) };
	char			detail[sizeof(res->reason)];
	size_t			i;

	if (db_exec(db, "INSERT INTO mail_dropped (reason, dropped) "
	    "VALUES (?, 1) ON DUPLICATE KEY UPDATE dropped = dropped + 1",
	    pc, 1, NULL, NULL))
		return -1;
	if (cfg->quarantine_keep == 0)
		return 0;
	/* The column is text: whatever the reason quotes stays ASCII. */
	for (i = 0; res->reason[i] != '\0'; i++)
		detail[i] = res->reason[i] >= ' ' && res->reason[i] <= '~' ?
		    res->reason[i] : '?';
	detail[i] = '\0';
	struct db_val pq[] = {
		DB_STR(res->drop), DB_STR(detail),
		res->report_id[0] ? DB_STR(res->report_id) : DB_NULL(),
		DB_INT((long long)len),
		DB_BLOB(raw, len < QUARANTINE_HEAD ? len : QUARANTINE_HEAD),
	};
	if (db_exec(db, "INSERT INTO mail_quarantine (reason, detail, "
	    "report_uid, bytes, raw) VALUES (?, ?, ?, ?, ?)", pq, 5, NULL,
	    &id))
		return -1;
	struct db_val pd[] = {
		DB_INT((long long)id - cfg->quarantine_keep),
	};
	return db_exec(db, "DELETE FROM mail_quarantine WHERE id <= ?", pd, 1,
	    NULL, NULL);
}

int
quarantine_drop(struct db *db, const struct center_config *cfg,
    const struct ingest_result *res, const char *raw, size_t len)
{
	int	tries;

	if (db->mysql == NULL)
		return -1;
	for (tries = 0; tries < QUARANTINE_TRIES; tries++) {
		if (db_begin(db))
			return -1;
		if (quarantine_keep(db, cfg, res, raw, len) == 0 && db_commit(db) == 0)
			return 0;
		db_rollback(db);
		if (db->errnum != ER_LOCK_DEADLOCK &&
		    db->errnum != ER_LOCK_WAIT_TIMEOUT)
			break;
	}
	return -1;
}
