/* SPDX-License-Identifier: ISC */
/* Writing outbox rows (inside the caller's transaction). */
#include <string.h>

#include "outbox_enqueue.h"

int
outbox_enqueue_notice(struct db *db, unsigned long long terminal,
    unsigned long long notice)
{
	struct db_val	p[] = {
		DB_INT((long long)terminal), DB_INT((long long)notice),
	};

	return db_exec(db, "INSERT INTO outbox (kind, terminal_id, notice_id) "
	    "VALUES ('notice', ?, ?)", p, 2, NULL, NULL);
}

int
outbox_enqueue_confirm(struct db *db, unsigned long long terminal,
    unsigned long long confirmation, const char *recipient, const char *line)
{
	struct db_val	p[] = {
		DB_INT((long long)terminal), DB_INT((long long)confirmation),
		DB_STR(recipient), DB_STR(line),
	};

	return db_exec(db, "INSERT INTO outbox (kind, terminal_id, "
	    "confirmation_id, recipient, body) VALUES ('confirm', ?, ?, ?, ?)",
	    p, 4, NULL, NULL);
}
