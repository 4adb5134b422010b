/* SPDX-License-Identifier: ISC */
/*
 * faxcare daemon: one queue entry read and judged before it is sent. A file
 * in queue/ that the daemon did not write whole, or cannot read, or that the
 * center would refuse (forged, too old), must not stop the entries behind
 * it: the caller moves it to failed/ with entry.why and goes on.
 */
#ifndef FAXCARE_ENTRY_H
#define FAXCARE_ENTRY_H

#include <time.h>

#include <faxcare/key.h>
#include <faxcare/report.h>

#include "spool.h"

/*
 * The oldest report worth sending: the center refuses reports older than
 * FC_MAX_AGE_DEFAULT when they reach it (docs/protocol.md, section 6), and
 * a day is left for the relay's own queue.
 */
#define ENTRY_MAX_AGE	(FC_MAX_AGE_DEFAULT - 24L * 3600)

enum entry_verdict {
	ENTRY_OK,	/* a report to send; fd open at its start */
	ENTRY_BAD,	/* not a report this terminal can send: set aside */
	ENTRY_TOO_OLD,	/* a report the center would refuse as too old */
	ENTRY_GONE,	/* removed meanwhile (another run sent it) */
};

struct entry {
	enum entry_verdict	 verdict;
	int			 fd;	/* ENTRY_OK: the caller closes it */
	struct fc_report	 r;	/* ENTRY_OK, ENTRY_TOO_OLD */
	char			 why[320];
};

/*
 * Reads queue/ (or failed/) name without following a link, parses it and,
 * with a key, verifies its signature; judges its age at now. -1 only for a
 * local trouble that is not the entry's fault (no memory, no descriptor).
 */
int	entry_judge(struct spool *sp, int failed, const char *name,
	    const struct fc_key *key, time_t now, struct entry *e);
/* A word for e's verdict: "ok", "bad", "too-old", "gone". */
const char *entry_verdict_str(enum entry_verdict v);

#endif
