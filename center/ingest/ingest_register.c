/* SPDX-License-Identifier: ISC */
/*
 * Registration reports: create or update the terminal; a manager address
 * that is new for the terminal takes effect only once its owner follows
 * the confirmation link mailed to it (pages_confirm.c).
 */
#include <stdio.h>
#include <string.h>

#include "ingest.h"
#include "outbox_enqueue.h"
#include "token.h"

static int
upsert_terminal(struct ingest *ig, struct ingest_report *ir)
{
	struct fc_report	*r = &ir->r;
	unsigned long long	 model;
	struct db_val		 pm[] = { DB_STR(r->model) };

	if (db_exec(ig->db, "INSERT INTO models (name) VALUES (?) "
	    "ON DUPLICATE KEY UPDATE id = LAST_INSERT_ID(id)", pm, 1, NULL,
	    &model))
		return -1;
	struct db_val pt[] = {
		DB_STR(r->terminal_id), DB_INT((long long)model),
		DB_STR(r->serial),
	};
	return db_exec(ig->db, "INSERT INTO terminals (terminal_uid, model_id, "
	    "serial, last_report_at) VALUES (?, ?, ?, NOW(6)) "
	    "ON DUPLICATE KEY UPDATE id = LAST_INSERT_ID(id), "
	    "model_id = VALUES(model_id), serial = VALUES(serial), "
	    "last_report_at = NOW(6)", pt, 3, NULL, &ir->terminal_row);
}

/* 1 when the address is already the terminal's manager, or a link to it
 * is already on its way; 0 when it needs confirming. */
static int
manager_settled(struct ingest *ig, const struct ingest_report *ir)
{
	struct db_val	p[] = {
		DB_INT((long long)ir->terminal_row), DB_STR(ir->r.manager),
		DB_INT((long long)ir->terminal_row), DB_STR(ir->r.manager),
	};
	long long	n = 0;

	if (db_select_int(ig->db, "SELECT "
	    "(SELECT COUNT(*) FROM terminals t JOIN managers m "
	    " ON m.id = t.manager_id WHERE t.id = ? AND m.email = ?) + "
	    "(SELECT COUNT(*) FROM manager_confirmations c JOIN managers m "
	    " ON m.id = c.manager_id WHERE c.terminal_id = ? AND m.email = ? "
	    " AND c.confirmed_at IS NULL AND c.superseded_at IS NULL "
	    " AND c.expires_at > NOW(6))", p, 4, &n) < 0)
		return -1;
	return n > 0;
}

static int
request_confirmation(struct ingest *ig, const struct ingest_report *ir)
{
	const struct fc_report	*r = &ir->r;
	unsigned long long	 manager;
	unsigned char		 hash[TOKEN_HASH_LEN];
	char			 token[TOKEN_HEX_LEN + 1];
	char			 subject[256], body[1024];
	struct db_val		 pm[] = { DB_STR(r->manager) };

	if (db_exec(ig->db, "INSERT INTO managers (email) VALUES (?) "
	    "ON DUPLICATE KEY UPDATE id = LAST_INSERT_ID(id)", pm, 1, NULL,
	    &manager))
		return -1;
	if (token_new(token, hash)) {
		(void)snprintf(ig->db->err, sizeof(ig->db->err),
		    "getrandom failed");
		return -1;
	}
	struct db_val pc[] = {
		DB_INT((long long)ir->terminal_row), DB_INT((long long)manager),
		DB_BLOB(hash, sizeof(hash)), DB_INT(ig->cfg->confirm_ttl_h),
	};
	if (db_exec(ig->db, "INSERT INTO manager_confirmations (terminal_id, "
	    "manager_id, token_hash, expires_at) VALUES (?, ?, ?, "
	    "NOW(6) + INTERVAL ? HOUR)", pc, 4, NULL, NULL))
		return -1;
	/* The sender puts every link due for one address into one e-mail:
	 * the subject serves when it is alone, the line in any case. */
	(void)snprintf(subject, sizeof(subject),
	    "Please confirm: are you the manager of fax terminal %s %s?",
	    r->model, r->serial);
	(void)snprintf(body, sizeof(body),
	    "  * %s, serial %s (terminal id %s):\n    %s/confirm/%s\n",
	    r->model, r->serial, r->terminal_id, ig->cfg->base_url, token);
	return outbox_enqueue_message(ig->db, ir->terminal_row, r->manager,
	    subject, body);
}

/*
 * The terminal now names this address: a link still pending for any other
 * address of this terminal must no longer take effect (A confirmed, B
 * claimed, A again: B's link is void).
 */
static int
supersede_others(struct ingest *ig, const struct ingest_report *ir)
{
	struct db_val	p[] = {
		DB_INT((long long)ir->terminal_row), DB_STR(ir->r.manager),
	};

	return db_exec(ig->db, "UPDATE manager_confirmations "
	    "SET superseded_at = NOW(6) WHERE terminal_id = ? "
	    "AND confirmed_at IS NULL AND superseded_at IS NULL "
	    "AND manager_id <> COALESCE((SELECT id FROM managers "
	    "WHERE email = ?), 0)", p, 2, NULL, NULL);
}

int
ingest_registration(struct ingest *ig, struct ingest_report *ir,
    struct ingest_result *res)
{
	int	rc;

	if ((rc = upsert_terminal(ig, ir)) != 0)
		return rc;
	if ((rc = report_store(ig, ir, res)) != 0)
		return rc;
	if (supersede_others(ig, ir))
		return -1;
	if ((rc = manager_settled(ig, ir)) != 0)
		return rc < 0 ? -1 : 0;
	res->mail_queued = 1;
	return request_confirmation(ig, ir);
}
