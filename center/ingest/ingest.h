/* SPDX-License-Identifier: ISC */
/*
 * Ingest: one report e-mail in, its effect on the center's database out, in
 * one transaction. Shared by faxcenter-mailgate (and anything else that
 * receives reports). Order, after docs/protocol.md section 6: decode (GMime),
 * parse and verify (libfaxcare-proto: signature with the key derived from
 * the master secret, time window), then de-duplicate by Report-Id and act.
 */
#ifndef FAXCENTER_INGEST_H
#define FAXCENTER_INGEST_H

#include <stddef.h>
#include <time.h>

#include "faxcare/proto.h"

#include "config.h"
#include "db.h"
#include "mime.h"

enum ingest_outcome {
	INGEST_STORED,		/* new report, acted upon */
	INGEST_DUPLICATE,	/* report id known: redelivery or replay */
	INGEST_INVALID,		/* not a valid report: malformed, forged, stale */
	INGEST_UNKNOWN_TERMINAL,/* valid, but its terminal never registered
				   (and the report is past the grace time) */
	INGEST_TEMPFAIL,	/* database trouble: try again later */
};

struct ingest {
	const struct center_config	*cfg;
	struct db			*db;
	struct fc_key			 master;
	time_t				 now;
};

struct ingest_result {
	enum ingest_outcome	outcome;
	char			reason[320];	/* for the log and the bounce */
	char			report_id[FC_REPORT_ID_LEN + 1];
	int			mail_queued;	/* outbox rows committed */
	char			note[160];	/* stored, but: why it did less */
	const char		*drop;		/* INVALID, UNKNOWN_TERMINAL: the
						   reason's word for metrics */
};

/* What the type handlers work on. */
struct ingest_report {
	struct fc_report	 r;
	const char		*raw;
	size_t			 rawlen;
	const char		*message_id;	/* may be NULL */
	unsigned long long	 terminal_row;	/* terminals.id */
	unsigned long long	 report_row;	/* reports.id */
};

/*
 * One message in its own transaction: verify first (no database needed),
 * then apply; deadlocks are retried.
 */
void	ingest_message(struct ingest *ig, const char *raw, size_t len,
	    struct ingest_result *res);

/*
 * ingest_message in steps, for a caller that puts several messages in one
 * transaction (batch.h). ingest_verify: 0 and ir, mt set (ir points into
 * raw and mt: keep both, then mime_text_free(mt)), or -1 with res INVALID.
 * ingest_apply: inside the caller's transaction, as a type handler
 * returns. ingest_settle: once the transaction is over, rc the apply's (or
 * -1 when the commit failed): res's final outcome and reason.
 */
int	ingest_verify(struct ingest *ig, const char *raw, size_t len,
	    struct ingest_report *ir, struct mime_text *mt,
	    struct ingest_result *res);
int	ingest_apply(struct ingest *ig, struct ingest_report *ir,
	    struct ingest_result *res);
void	ingest_settle(struct ingest *ig, const struct ingest_report *ir,
	    int rc, struct ingest_result *res);

/*
 * The type handlers, inside the caller's transaction. Each returns 0, -1 on
 * a database failure (ig->db->err), or an outcome other than STORED through
 * res (and then 1).
 */
int	ingest_registration(struct ingest *ig, struct ingest_report *ir,
	    struct ingest_result *res);
int	ingest_status(struct ingest *ig, struct ingest_report *ir,
	    struct ingest_result *res);
int	ingest_completion(struct ingest *ig, struct ingest_report *ir,
	    struct ingest_result *res);
int	ingest_meter(struct ingest *ig, struct ingest_report *ir,
	    struct ingest_result *res);

/* reports row for ir (1 with DUPLICATE when its id is known). */
int	report_store(struct ingest *ig, struct ingest_report *ir,
	    struct ingest_result *res);

/* The terminal's row, last_report_at updated (1 with UNKNOWN_TERMINAL). */
int	report_terminal(struct ingest *ig, struct ingest_report *ir,
	    struct ingest_result *res);

#endif
