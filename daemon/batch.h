/* SPDX-License-Identifier: ISC */
/*
 * faxcare daemon: what one sender run takes from the queue, decided by the
 * daemon before the sender exists. The sender sends exactly these entries
 * and never lists the queue itself: a report spooled after the choice (whose
 * state may not be saved yet) cannot leave with this run, so a crash cannot
 * lose the state that remembers a sent report and report it again under a
 * new id. Entries that cannot be sent are moved to failed/ on the way,
 * logged with the reason, and the ones behind them still go.
 */
#ifndef FAXCARE_BATCH_H
#define FAXCARE_BATCH_H

#include <time.h>

#include <faxcare/key.h>
#include <faxcare/report.h>

#include "spool.h"

#define BATCH_MAX	200	/* messages per SMTP session */

struct batch_entry {
	char	 name[SPOOL_NAME_MAX];
	int	 fd;		/* open, at its start */
};

struct batch {
	size_t			 n;
	struct batch_entry	 e[BATCH_MAX];
};

/* A report set aside as too old: the caller may send a fresh one. */
typedef void (*batch_too_old_cb)(void *arg, const struct fc_report *r);

/*
 * The oldest BATCH_MAX sendable entries of sp's queue, judged at now (with
 * key, signatures too). -1 on a local trouble (memory, descriptors): b then
 * holds what was taken before it.
 */
int	batch_take(struct batch *b, struct spool *sp, const struct fc_key *key,
	    time_t now, batch_too_old_cb too_old, void *arg);
/* Closes what the batch holds open (the daemon's copy after the fork). */
void	batch_release(struct batch *b);

#endif
