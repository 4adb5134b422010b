/* SPDX-License-Identifier: ISC */
/* Ingest a report e-mail: verify it, then apply it in one transaction. */
#include <stdio.h>
#include <string.h>

#include "db_retry.h"
#include "ingest.h"
#include "mime.h"

static void
result(struct ingest_result *res, enum ingest_outcome outcome,
    const char *what, const char *detail)
{
	res->outcome = outcome;
	res->drop = "malformed";
	(void)snprintf(res->reason, sizeof(res->reason), "%s%s%s", what,
	    detail != NULL ? ": " : "", detail != NULL ? detail : "");
}

/* Steps 1..4 of docs/protocol.md section 6: all permanent failures. */
static int
verify(struct ingest *ig, struct ingest_report *ir, const char *text,
    size_t len, struct ingest_result *res)
{
	struct fc_error	err;
	struct fc_key	key;
	int		rc;

	if (fc_report_parse_body(text, len, &ir->r, &err)) {
		result(res, INGEST_INVALID, "malformed report", err.text);
		return -1;
	}
	(void)snprintf(res->report_id, sizeof(res->report_id), "%s",
	    ir->r.report_id);
	rc = fc_key_derive(&ig->master, ir->r.terminal_id, &key, &err);
	if (rc == 0)
		rc = fc_report_verify(&ir->r, &key, &err);
	fc_key_wipe(&key);
	if (rc) {
		result(res, INGEST_INVALID, "signature refused", err.text);
		res->drop = "forged";
		return -1;
	}
	if (fc_report_check_time(&ir->r, ig->now, ig->cfg->time_window_s,
	    FC_MAX_AHEAD_DEFAULT, &err)) {
		result(res, INGEST_INVALID, "report time refused", err.text);
		res->drop = "stale";
		return -1;
	}
	return 0;
}

/*
 * Cheap early exit for a redelivery; report_store catches a race. A
 * Report-Id is the terminal's own: another terminal's report carrying it
 * is no redelivery of it.
 */
static int
known_report(struct ingest *ig, const struct ingest_report *ir,
    struct ingest_result *res)
{
	struct db_val	p[] = {
		DB_STR(ir->r.terminal_id), DB_STR(ir->r.report_id),
	};
	long long	n = 0;

	if (db_select_int(ig->db, "SELECT COUNT(*) FROM reports r "
	    "JOIN terminals t ON t.id = r.terminal_id "
	    "WHERE t.terminal_uid = ? AND r.report_uid = ?", p, 2, &n) < 0)
		return -1;
	if (n == 0)
		return 0;
	result(res, INGEST_DUPLICATE, "report already stored", ir->r.report_id);
	return 1;
}

struct apply_arg {
	struct ingest		*ig;
	struct ingest_report	*ir;
	struct ingest_result	*res;
};

/*
 * One try of the transaction: a delivery racing this one (another
 * ingester, maybe on another Galera node) makes it run again from the
 * start, and then it finds the report stored.
 */
static int
apply(struct db *db, void *arg)
{
	struct apply_arg	*a = arg;
	struct ingest		*ig = a->ig;
	struct ingest_report	*ir = a->ir;
	struct ingest_result	*res = a->res;
	int			 rc;

	(void)db;
	res->outcome = INGEST_STORED;
	res->mail_queued = 0;
	res->note[0] = '\0';
	if ((rc = known_report(ig, ir, res)) != 0)
		return rc;
	switch (ir->r.type) {
	case FC_REPORT_REGISTRATION:
		return ingest_registration(ig, ir, res);
	case FC_REPORT_STATUS:
		return ingest_status(ig, ir, res);
	case FC_REPORT_COMPLETION:
		return ingest_completion(ig, ir, res);
	case FC_REPORT_METER:
		return ingest_meter(ig, ir, res);
	default:
		result(res, INGEST_INVALID, "unknown report type", NULL);
		return 1;
	}
}

int
ingest_verify(struct ingest *ig, const char *raw, size_t len,
    struct ingest_report *ir, struct mime_text *mt, struct ingest_result *res)
{
	char	err[160];

	memset(res, 0, sizeof(*res));
	memset(ir, 0, sizeof(*ir));
	memset(mt, 0, sizeof(*mt));
	if ((long)len > ig->cfg->max_message_bytes) {
		(void)snprintf(err, sizeof(err), "%zu bytes, the limit is %ld",
		    len, ig->cfg->max_message_bytes);
		result(res, INGEST_INVALID, "message too large", err);
		res->drop = "too_large";
		return -1;
	}
	if (mime_extract(raw, len, mt, err, sizeof(err))) {
		result(res, INGEST_INVALID, "malformed mail", err);
		return -1;
	}
	if (verify(ig, ir, mt->text, mt->len, res)) {
		mime_text_free(mt);
		return -1;
	}
	ir->raw = raw;
	ir->rawlen = len;
	ir->message_id = mt->message_id;
	return 0;
}

int
ingest_apply(struct ingest *ig, struct ingest_report *ir,
    struct ingest_result *res)
{
	struct apply_arg	a = { ig, ir, res };

	return apply(ig->db, &a);
}

void
ingest_settle(struct ingest *ig, const struct ingest_report *ir, int rc,
    struct ingest_result *res)
{
	if (rc != 0)
		res->mail_queued = 0;
	/*
	 * MTAs deliver in parallel: a status report may overtake its
	 * terminal's registration. While the report is young, ask the MTA to
	 * retry; after that the terminal really is unknown.
	 */
	if (rc > 0 && res->outcome == INGEST_UNKNOWN_TERMINAL &&
	    ig->now - ir->r.timestamp < ig->cfg->unknown_grace_s) {
		result(res, INGEST_TEMPFAIL, "terminal not registered yet, "
		    "waiting for its registration report", ir->r.terminal_id);
		return;
	}
	if (rc < 0)
		result(res, INGEST_TEMPFAIL, "database unavailable",
		    ig->db->err);
	else if (rc == 0)
		(void)snprintf(res->reason, sizeof(res->reason),
		    "stored %s report %s%s", fc_report_type_str(ir->r.type),
		    ir->r.report_id, res->note);
}

void
ingest_message(struct ingest *ig, const char *raw, size_t len,
    struct ingest_result *res)
{
	struct ingest_report	ir;
	struct mime_text	mt;
	struct apply_arg	a = { ig, &ir, res };
	int			rc;

	if (ingest_verify(ig, raw, len, &ir, &mt, res))
		return;
	if (ig->db->mysql == NULL) {
		result(res, INGEST_TEMPFAIL, "database unavailable",
		    ig->db->err);
		mime_text_free(&mt);
		return;
	}
	rc = db_txn(ig->db, apply, &a);
	mime_text_free(&mt);
	ingest_settle(ig, &ir, rc, res);
}
