/* SPDX-License-Identifier: ISC */
/* Silent terminals' notices; see outbox_silence.h. */
#include <stdlib.h>

#include "outbox_silence.h"

struct ids {
	long long	id[SILENCE_PER_PASS];
	unsigned int	n;
};

static int
collect(void *arg, unsigned int ncols, char **vals, unsigned long *lens)
{
	struct ids	*ids = arg;

	(void)lens;
	if (ncols < 1 || vals[0] == NULL || ids->n >= SILENCE_PER_PASS)
		return 0;
	ids->id[ids->n++] = strtoll(vals[0], NULL, 10);
	return 0;
}

/*
 * One terminal, in its own transaction: its row locked (a report that
 * arrives meanwhile waits, then closes the notice), still silent, the
 * notice (INSERT IGNORE: another runner's open notice stands), its
 * e-mail, and silent_after cleared so the terminal leaves the index.
 */
static int
flag(struct db *db, long long terminal)
{
	struct db_val		p[] = { DB_INT(terminal) };
	unsigned long long	n = 0;
	unsigned long long	notice = 0;
	long long		silent = 0;

	if (db_begin(db))
		return -1;
	if (db_select_int(db, "SELECT silent_after <= NOW(6) FROM terminals "
	    "WHERE id = ? FOR UPDATE", p, 1, &silent) < 0)
		goto fail;
	if (silent == 1 && db_exec(db, "INSERT IGNORE INTO notices "
	    "(terminal_id, condition_kw, kind, severity, alert_code, summary, "
	    "opened_report_id) SELECT id, '" SILENCE_CONDITION "', 'silent', "
	    "'warning', 1, CONCAT('Not heard from since ', "
	    "DATE_FORMAT(heard_at, '%Y-%m-%d %H:%i UTC')), heard_report_id "
	    "FROM terminals WHERE id = ? AND heard_report_id IS NOT NULL",
	    p, 1, &n, &notice))
		goto fail;
	struct db_val pn[] = { DB_INT(terminal), DB_INT(notice) };
	if (n == 1 && db_exec(db, "INSERT IGNORE INTO outbox (kind, "
	    "terminal_id, notice_id) VALUES ('notice', ?, ?)", pn, 2, NULL,
	    NULL))
		goto fail;
	if (db_exec(db, "UPDATE terminals SET silent_after = NULL "
	    "WHERE id = ? AND silent_after <= NOW(6)", p, 1, NULL, NULL))
		goto fail;
	if (db_commit(db))
		goto fail;
	return n == 1;
fail:
	db_rollback(db);
	return -1;
}

int
outbox_silence_pass(struct db *db)
{
	struct ids	ids = { .n = 0 };
	struct db_val	p[] = { DB_INT(SILENCE_PER_PASS) };
	unsigned int	i;
	int		r, opened = 0;

	if (db_select(db, "SELECT id FROM terminals "
	    "WHERE silent_after <= NOW(6) ORDER BY silent_after LIMIT ?",
	    p, 1, collect, &ids) < 0)
		return -1;
	for (i = 0; i < ids.n; i++) {
		if ((r = flag(db, ids.id[i])) < 0)
			return -1;
		opened += r;
	}
	return opened;
}
