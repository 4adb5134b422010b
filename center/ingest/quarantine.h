/* SPDX-License-Identifier: ISC */
/*
 * Mail the mailgate accepts and drops: unsigned, forged, malformed, stale,
 * too large, from a terminal that never registered. The MTA is told it
 * was delivered (exit 0), for a bounce would go to an envelope sender
 * nobody verified (backscatter). Instead the drop is counted by reason
 * (mail_dropped, for /metrics) and the message's head kept in a bounded
 * quarantine (the newest quarantine_keep, the oldest dropped) that staff
 * read on /staff/quarantine. Neither is an audit-log row.
 */
#ifndef FAXCENTER_QUARANTINE_H
#define FAXCENTER_QUARANTINE_H

#include <stddef.h>

#include "config.h"
#include "db.h"
#include "ingest.h"

/* The head of a message the quarantine keeps (a report is under 8 KiB). */
#define QUARANTINE_HEAD	(64 * 1024)

/*
 * Count and keep res's dropped message raw in one transaction. 0, or -1
 * (db->err says why: the MTA must then retry, the message is not lost).
 */
int	quarantine_drop(struct db *db, const struct center_config *cfg,
	    const struct ingest_result *res, const char *raw, size_t len);

/* The same inside the caller's transaction. 0, or -1 (db->err). */
int	quarantine_keep(struct db *db, const struct center_config *cfg,
	    const struct ingest_result *res, const char *raw, size_t len);

#endif
