/* SPDX-License-Identifier: ISC */
/* Several deliveries in one transaction: batch.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "batch.h"
#include "db_retry.h"
#include "quarantine.h"

int
batch_init(struct batch *b, size_t max)
{
	b->n = 0;
	b->max = max;
	b->items = calloc(max, sizeof(*b->items));
	return b->items == NULL ? -1 : 0;
}

void
batch_free(struct batch *b)
{
	batch_clear(b);
	free(b->items);
	b->items = NULL;
}

struct batch_item *
batch_add(struct batch *b, struct ingest *ig, const char *raw, size_t len,
    void *owner)
{
	struct batch_item	*it = &b->items[b->n++];

	memset(it, 0, sizeof(*it));
	it->raw = raw;
	it->len = len;
	it->owner = owner;
	it->verified = ingest_verify(ig, raw, len, &it->ir, &it->mt,
	    &it->res) == 0;
	return it;
}

/*
 * Undo what came after the savepoint. When that fails the transaction is
 * gone: the failure that caused it stays in db->err and db->errnum, which
 * decide whether the batch is tried again.
 */
static int
undo(struct db *db)
{
	char		err[sizeof(db->err)];
	unsigned int	errnum = db->errnum;

	memcpy(err, db->err, sizeof(err));
	if (db_rollback_savepoint(db) == 0)
		return 0;
	memcpy(db->err, err, sizeof(err));
	db->errnum = errnum;
	return -1;
}

/*
 * One item, behind a savepoint: its outcome in it->res and it->dropped.
 * 0, or -1 when the transaction is gone.
 */
static int
one(struct ingest *ig, struct batch_item *it)
{
	int	rc;

	it->dropped = 0;
	if (db_savepoint(ig->db))
		return -1;
	if (it->verified) {
		rc = ingest_apply(ig, &it->ir, &it->res);
		/* A duplicate or a refusal leaves nothing either. */
		if (rc != 0 && undo(ig->db))
			return -1;
		ingest_settle(ig, &it->ir, rc, &it->res);
	}
	if (it->res.outcome != INGEST_INVALID &&
	    it->res.outcome != INGEST_UNKNOWN_TERMINAL)
		return 0;
	if (quarantine_keep(ig->db, ig->cfg, &it->res, it->raw, it->len) == 0) {
		it->dropped = 1;
		return 0;
	}
	/* Not dropped: deferred, the MTA retries. */
	return undo(ig->db);
}

static int
attempt(struct batch *b, struct ingest *ig)
{
	size_t	i;

	if (db_begin(ig->db))
		return -1;
	for (i = 0; i < b->n; i++)
		if (one(ig, &b->items[i]))
			return -1;
	return db_commit(ig->db);
}

static void
count(struct batch_stats *st, const struct batch_item *it)
{
	if (it->dr.verdict == DELIVER_TEMPFAIL)
		st->deferred++;
	else if (it->dropped)
		st->dropped++;
	else if (it->res.outcome == INGEST_DUPLICATE)
		st->duplicate++;
	else
		st->stored++;
}

void
batch_commit(struct batch *b, struct ingest *ig, struct batch_stats *st)
{
	struct batch_item	*it;
	unsigned int		 errnum;
	size_t			 i;
	int			 rc = -1, queued = 0;

	memset(st, 0, sizeof(*st));
	/* A lost race (a deadlock, a Galera certification failure) rolls
	 * the whole batch back: it is tried again as db_txn would. */
	while (ig->db->mysql != NULL && st->tries < DB_RETRY_TRIES) {
		if (st->tries > 0)
			db_retry_nap(db_retry_delay_ms(st->tries));
		st->tries++;
		if ((rc = attempt(b, ig)) == 0)
			break;
		errnum = ig->db->errnum;
		db_rollback(ig->db);
		if (!db_retry_conflict(errnum))
			break;
	}
	st->failed = rc != 0;
	for (i = 0; i < b->n; i++) {
		it = &b->items[i];
		if (rc != 0) {
			/* Nothing of the batch was committed. */
			if (it->verified)
				ingest_settle(ig, &it->ir, -1, &it->res);
			it->dropped = 0;
		}
		deliver_verdict(&it->dr, &it->res, it->dropped, ig->db->err);
		queued |= it->dr.mail_queued;
		count(st, it);
	}
	if (queued)
		deliver_wake(ig->cfg);
}

void
batch_clear(struct batch *b)
{
	size_t	i;

	for (i = 0; i < b->n; i++)
		if (b->items[i].verified)
			mime_text_free(&b->items[i].mt);
	b->n = 0;
}
