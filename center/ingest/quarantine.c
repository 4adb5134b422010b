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

/* Concurrent deliveries trimming the table may conflict: db_txn retries. */
static int
keep(struct db *db, void *arg)
{
	const struct keep_arg		*a = arg;
	const struct center_config	*cfg = a->cfg;
	const struct ingest_result	*res = a->res;
	const char			*raw = a->raw;
	size_t				 len = a->len;
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
	struct keep_arg	a = { cfg, res, raw, len };

	if (db->mysql == NULL)
		return -1;
	return db_txn(db, keep, &a) == 0 ? 0 : -1;
}
