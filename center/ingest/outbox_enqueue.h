/* SPDX-License-Identifier: ISC */
/*
 * The transactional outbox: mail the center owes somebody, written in the
 * transaction that creates the reason for it, sent later by
 * faxcenter-outbox (outbox_sender.c), which marks it done.
 */
#ifndef FAXCENTER_OUTBOX_ENQUEUE_H
#define FAXCENTER_OUTBOX_ENQUEUE_H

#include "db.h"

/* A notice the terminal's manager must hear of (coalesced per manager). */
int	outbox_enqueue_notice(struct db *db, unsigned long long terminal,
	    unsigned long long notice);

/*
 * A confirmation link for one address: subject is used when it is the only
 * one due for that address, line (the terminal and its link) always.
 */
int	outbox_enqueue_message(struct db *db, unsigned long long terminal,
	    const char *recipient, const char *subject, const char *line);

#endif
