/* SPDX-License-Identifier: ISC */
/*
 * Draining the outbox: confirmation links batched per address, notices
 * per manager (everything due for one in one e-mail, once nothing new came
 * for coalesce_ms, at the latest ten times that after the first: ten
 * terminals registering or failing together make one e-mail). A batch is
 * claimed ('sending', a Message-ID derived from the batch) and its
 * homepage token created in one transaction before SMTP, and marked 'sent'
 * after the relay's 250: a notice is never mailed twice,
 * except when the process dies between those two points, and then the
 * retry carries the same Message-ID.
 */
#ifndef FAXCENTER_OUTBOX_SENDER_H
#define FAXCENTER_OUTBOX_SENDER_H

#include "config.h"
#include "db.h"

#define OUTBOX_MAX_ATTEMPTS	12	/* about a day with the backoff */

struct outbox_sender {
	const struct center_config	*cfg;
	struct db			*db;
	char				 domain[128];	/* for Message-IDs */
};

/* One pass over what is due. Returns the number of e-mails the relay
 * accepted, or -1 on a database failure (db->err). */
int	outbox_run_once(struct outbox_sender *s);

/* Milliseconds until something becomes due (0: now), or -1 in *ms when
 * nothing waits. Returns 0, or -1 on a database failure. */
int	outbox_next_due(struct outbox_sender *s, long long *ms);

#endif
