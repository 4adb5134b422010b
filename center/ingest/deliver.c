/* SPDX-License-Identifier: ISC */
/* Verify and store one message, or quarantine it: deliver.h. */
#include <stdio.h>
#include <string.h>

#include "deliver.h"
#include "log.h"
#include "outbox_wake.h"
#include "quarantine.h"

static void
verdict(struct deliver_result *dr, enum deliver_verdict v, const char *fmt,
    const char *a, const char *b)
{
	dr->verdict = v;
	(void)snprintf(dr->text, sizeof(dr->text), fmt, a, b);
}

void
deliver_verdict(struct deliver_result *dr, const struct ingest_result *res,
    int dropped, const char *dberr)
{
	memset(dr, 0, sizeof(*dr));
	switch (res->outcome) {
	case INGEST_STORED:
	case INGEST_DUPLICATE:
		verdict(dr, DELIVER_DONE, "%s%s", res->reason, "");
		dr->mail_queued = res->mail_queued;
		return;
	case INGEST_INVALID:
	case INGEST_UNKNOWN_TERMINAL:
		if (dropped) {
			verdict(dr, DELIVER_DONE, "dropped (%s): %s",
			    res->drop, res->reason);
			return;
		}
		verdict(dr, DELIVER_TEMPFAIL, "%s; not dropped yet, for the "
		    "database is unavailable: %s", res->reason, dberr);
		return;
	case INGEST_TEMPFAIL:
		break;
	}
	verdict(dr, DELIVER_TEMPFAIL, "%s%s", res->reason, "");
}

void
deliver_wake(const struct center_config *cfg)
{
	/* Committed: the sender may look now rather than at its next
	 * sweep. */
	if (outbox_wake(cfg) == -1)
		warn("waking the outbox sender at %s",
		    cfg->outbox_wake_socket);
}

void
deliver_message(struct ingest *ig, const char *msg, size_t len,
    struct deliver_result *dr)
{
	struct ingest_result	res;
	int			dropped = 0;

	ingest_message(ig, msg, len, &res);
	if (res.outcome == INGEST_INVALID ||
	    res.outcome == INGEST_UNKNOWN_TERMINAL)
		dropped = quarantine_drop(ig->db, ig->cfg, &res, msg, len) == 0;
	deliver_verdict(dr, &res, dropped, ig->db->err);
	if (dr->mail_queued)
		deliver_wake(ig->cfg);
}
