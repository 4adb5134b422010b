/* SPDX-License-Identifier: ISC */
/*
 * One message's delivery, whoever received it: faxcenter-mailgate (a
 * process per message, exit status) and faxcenter-ingestd (LMTP, a reply
 * per recipient) call this and only translate its verdict.
 *   DELIVER_DONE      stored, duplicate, or not a valid report and then
 *                     counted and quarantined (quarantine.h): never bounced
 *   DELIVER_TEMPFAIL  the database is unavailable: the MTA keeps the
 *                     message and retries; nothing was committed for it
 */
#ifndef FAXCENTER_DELIVER_H
#define FAXCENTER_DELIVER_H

#include <stddef.h>

#include "db.h"
#include "ingest.h"

enum deliver_verdict { DELIVER_DONE, DELIVER_TEMPFAIL };

struct deliver_result {
	enum deliver_verdict	verdict;
	char			text[640];	/* for the MTA's log */
	int			mail_queued;	/* outbox rows committed */
};

/*
 * ig->cfg, ig->db (open, or closed after a failed db_open), ig->master
 * and ig->now set by the caller. Wakes the outbox when rows were queued.
 */
void	deliver_message(struct ingest *ig, const char *msg, size_t len,
	    struct deliver_result *dr);

/*
 * The verdict on res once its transaction is over. dropped: a message
 * that is not a valid report was counted and quarantined (else the MTA
 * must retry); dberr the database's last failure.
 */
void	deliver_verdict(struct deliver_result *dr,
	    const struct ingest_result *res, int dropped, const char *dberr);

/* Tell faxcenter-outbox that committed rows wait (a failure is logged). */
void	deliver_wake(const struct center_config *cfg);

#endif
