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
 * Confirmation link confirmation for one address: line (the terminal and
 * its link) goes into the e-mail the sender writes for every link due for
 * that address; it is not sent once the confirmation is void.
 */
int	outbox_enqueue_confirm(struct db *db, unsigned long long terminal,
	    unsigned long long confirmation, const char *recipient,
	    const char *line);

#endif
