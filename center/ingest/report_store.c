/* SPDX-License-Identifier: ISC */
/* The reports table: every accepted report, raw and parsed, once. */
#include <stdio.h>
#include <string.h>

#include <mysqld_error.h>

#include "ingest.h"

int
report_store(struct ingest *ig, struct ingest_report *ir,
    struct ingest_result *res)
{
	struct fc_error		 err;
	struct fc_report	*r = &ir->r;
	char			 parsed[4096];
	size_t			 plen;

	/* The canonical form is the parsed report, one "Key:value" a line. */
	if (fc_report_canonical(r, parsed, sizeof(parsed), &plen, &err)) {
		(void)snprintf(res->reason, sizeof(res->reason), "%s",
		    err.text);
		res->outcome = INGEST_INVALID;
		res->drop = "malformed";
		return 1;
	}
	struct db_val p[] = {
		DB_STR(r->report_id),
		DB_INT((long long)ir->terminal_row),
		DB_STR(fc_report_type_str(r->type)),
		r->keyword[0] ? DB_STR(r->keyword) : DB_NULL(),
		r->completes[0] ? DB_STR(r->completes) : DB_NULL(),
		/* Headers are not signed: a relay's odd Message-ID is dropped
		 * rather than turned into a failure that retries forever. */
		ir->message_id && strlen(ir->message_id) <= 255 ?
		    DB_STR(ir->message_id) : DB_NULL(),
		DB_INT(r->timestamp),
		DB_BLOB(parsed, plen),
		DB_BLOB(ir->raw, ir->rawlen),
	};
	if (db_exec(ig->db, "INSERT INTO reports (report_uid, terminal_id, "
	    "type, condition_kw, completes_uid, message_id, sent_at, parsed, "
	    "raw) VALUES (?, ?, ?, ?, ?, ?, FROM_UNIXTIME(?), ?, ?)",
	    p, 9, NULL, &ir->report_row) == 0)
		return 0;
	if (ig->db->errnum == ER_DUP_ENTRY) {
		res->outcome = INGEST_DUPLICATE;
		(void)snprintf(res->reason, sizeof(res->reason),
		    "report already stored: %s", r->report_id);
		return 1;
	}
	return -1;
}

int
report_terminal(struct ingest *ig, struct ingest_report *ir,
    struct ingest_result *res)
{
	struct db_val	p[] = { DB_STR(ir->r.terminal_id) };
	long long	id = 0;

	if (db_select_int(ig->db, "SELECT id FROM terminals "
	    "WHERE terminal_uid = ?", p, 1, &id) < 0)
		return -1;
	if (id == 0) {
		res->outcome = INGEST_UNKNOWN_TERMINAL;
		res->drop = "unknown_terminal";
		(void)snprintf(res->reason, sizeof(res->reason),
		    "terminal %s is not registered: it must send a "
		    "registration report first", ir->r.terminal_id);
		return 1;
	}
	ir->terminal_row = (unsigned long long)id;
	struct db_val q[] = { DB_INT(id) };
	return db_exec(ig->db, "UPDATE terminals SET last_report_at = NOW(6) "
	    "WHERE id = ?", q, 1, NULL, NULL);
}
