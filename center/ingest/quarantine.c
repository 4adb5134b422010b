/* SPDX-License-Identifier: ISC */
/* The bounded quarantine of dropped mail; see quarantine.h. */
#include <string.h>

#include "db_retry.h"
#include "quarantine.h"

struct keep_arg {
	const struct center_config	*cfg;
	const struct ingest_result	*res;
	const char			*raw;
	size_t				 len;
};

int
quarantine_keep(struct db *db, const struct center_config *cfg,
    const struct ingest_result *res, const char *raw, size_t len)
{
	struct db_val	pc[] = { DB_STR(res->drop) };
	char		detail[sizeof(res->reason)];
	size_t		i;

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
	    NULL))
		return -1;
	/* The newest quarantine_keep rows by id, not ids above id - keep:
	 * on a Galera cluster ids step by the number of nodes. */
	struct db_val pd[] = { DB_INT(cfg->quarantine_keep - 1) };
	return db_exec(db, "DELETE FROM mail_quarantine WHERE id < ("
	    "SELECT id FROM (SELECT id FROM mail_quarantine "
	    "ORDER BY id DESC LIMIT 1 OFFSET ?) k)", pd, 1, NULL, NULL);
}

/* Concurrent deliveries trimming the table may conflict: db_txn retries. */
static int
keep(struct db *db, void *arg)
{
	const struct keep_arg	*a = arg;

	return quarantine_keep(db, a->cfg, a->res, a->raw, a->len);
}

int
quarantine_drop(struct db *db, const struct center_config *cfg,
    const struct ingest_result *res, const char *raw, size_t len)
{
	struct keep_arg	a = { cfg, res, raw, len };

	if (db->mysql == NULL)
		return -1;
	return db_txn(db, keep, &a) == 0 ? 0 : -1;
}
