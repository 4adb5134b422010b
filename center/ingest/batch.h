/* SPDX-License-Identifier: ISC */
/*
 * Several messages delivered in one transaction (faxcenter-ingestd): one
 * commit, the costly part of a delivery, for the batch instead of one per
 * message. Each message is verified as it arrives (batch_add: parsing and
 * the signature need no database); batch_commit then applies them in
 * order, each behind a savepoint, and commits once. After it, every item
 * has the verdict deliver_message() would have given it alone:
 *   - one message that fails (a statement refused, a lock wait that timed
 *     out) is rolled back to its savepoint and deferred; the others are
 *     stored all the same;
 *   - a deadlock (InnoDB rolls the whole transaction back) retries the
 *     whole batch; a lost connection or a failed commit defers them all:
 *     nothing of the batch was committed;
 *   - mail that is not a valid report is counted and quarantined inside
 *     the same transaction, so it too is done only once committed.
 * A verdict is final only after batch_commit: the receiver answers no one
 * before, so a crash anywhere leaves every message with the MTA.
 */
#ifndef FAXCENTER_BATCH_H
#define FAXCENTER_BATCH_H

#include <stddef.h>

#include "deliver.h"
#include "ingest.h"

struct batch_item {
	const char		*raw;		/* the caller's until answered */
	size_t			 len;
	void			*owner;		/* the caller's: whom to answer */
	int			 verified;	/* else res says why not */
	int			 dropped;	/* counted and quarantined */
	struct ingest_report	 ir;
	struct mime_text	 mt;
	struct ingest_result	 res;
	struct deliver_result	 dr;		/* set by batch_commit */
};

/* What one batch_commit did, for the log. */
struct batch_stats {
	unsigned int	stored, duplicate, dropped, deferred;
	unsigned int	tries;		/* transactions begun */
	int		failed;		/* none committed: reconnect */
};

struct batch {
	struct batch_item	*items;
	size_t			 n, max;
};

/* 0, or -1 when out of memory. */
int	batch_init(struct batch *b, size_t max);
void	batch_free(struct batch *b);

/* Verify raw and queue it (b->n < b->max). The item, for the caller. */
struct batch_item *batch_add(struct batch *b, struct ingest *ig,
	    const char *raw, size_t len, void *owner);

/*
 * Apply and commit every item (ig->db open, or closed after a failed
 * db_open; ig->now set), then wake the outbox if mail was queued. The
 * items' dr hold the verdicts until batch_clear().
 */
void	batch_commit(struct batch *b, struct ingest *ig,
	    struct batch_stats *st);
void	batch_clear(struct batch *b);

#endif
