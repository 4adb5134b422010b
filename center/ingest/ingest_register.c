/* SPDX-License-Identifier: ISC */
/*
 * Registration reports: create or update the terminal; a manager address
 * that is new for the terminal takes effect only once its owner follows
 * the confirmation link mailed to it (pages_confirm.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "ingest.h"
#include "confirm_limits.h"
#include "log.h"
#include "outbox_enqueue.h"
#include "token.h"

/*
 * The model a terminal names is its own word: a model row it leaves that
 * nothing else uses goes, so renaming its model again and again cannot
 * grow the table.
 */
static int
drop_unused_model(struct ingest *ig, long long model)
{
	struct db_val	p[] = { DB_INT(model), DB_INT(model), DB_INT(model),
		DB_INT(model) };

	return db_exec(ig->db, "DELETE FROM models WHERE id = ? "
	    "AND NOT EXISTS (SELECT 1 FROM terminals WHERE model_id = ?) "
	    "AND NOT EXISTS (SELECT 1 FROM consumables WHERE model_id = ?) "
	    "AND NOT EXISTS (SELECT 1 FROM product_guides "
	    "WHERE model_id = ?)", p, 4, NULL, NULL);
}

static int
upsert_terminal(struct ingest *ig, struct ingest_report *ir)
{
	struct fc_report	*r = &ir->r;
	unsigned long long	 model;
	long long		 old = 0;
	struct db_val		 pm[] = { DB_STR(r->model) };
	struct db_val		 pu[] = { DB_STR(r->terminal_id) };

	if (db_select_int(ig->db, "SELECT model_id FROM terminals "
	    "WHERE terminal_uid = ? FOR UPDATE", pu, 1, &old) < 0)
		return -1;
	if (db_exec(ig->db, "INSERT INTO models (name) VALUES (?) "
	    "ON DUPLICATE KEY UPDATE id = LAST_INSERT_ID(id)", pm, 1, NULL,
	    &model))
		return -1;
	struct db_val pt[] = {
		DB_STR(r->terminal_id), DB_INT((long long)model),
		DB_STR(r->serial),
	};
	if (db_exec(ig->db, "INSERT INTO terminals (terminal_uid, model_id, "
	    "serial, last_report_at) VALUES (?, ?, ?, NOW(6)) "
	    "ON DUPLICATE KEY UPDATE id = LAST_INSERT_ID(id), "
	    "model_id = VALUES(model_id), serial = VALUES(serial), "
	    "last_report_at = NOW(6)", pt, 3, NULL, &ir->terminal_row))
		return -1;
	if (old != 0 && old != (long long)model)
		return drop_unused_model(ig, old);
	return 0;
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

/*
 * 1 when the terminal may not ask for another address: its manager was
 * locked by an undo (until staff unlock it), or it asked for
 * CONFIRM_PER_TERMINAL addresses in the last day. Its report is stored,
 * and the claim it made before stands.
 */
static int
claims_refused(struct ingest *ig, const struct ingest_report *ir)
{
	struct db_val	p[] = { DB_INT((long long)ir->terminal_row) };
	long long	locked = 0, n = 0;

	/* Locking reads: the latest rows, not the transaction's snapshot
	 * (taken before the terminal's row lock serialised its reports). */
	if (db_select_int(ig->db, "SELECT manager_locked_at IS NOT NULL "
	    "FROM terminals WHERE id = ? FOR UPDATE", p, 1, &locked) < 0 ||
	    db_select_int(ig->db, "SELECT COUNT(*) FROM manager_confirmations "
	    "WHERE terminal_id = ? AND created_at > NOW(6) - INTERVAL 1 DAY "
	    "FOR UPDATE", p, 1, &n) < 0)
		return -1;
	return locked || n >= CONFIRM_PER_TERMINAL;
}

static int
request_confirmation(struct ingest *ig, const struct ingest_report *ir)
{
	const struct fc_report	*r = &ir->r;
	unsigned long long	 manager, confirmation;
	unsigned char		 hash[TOKEN_HASH_LEN];
	char			 token[TOKEN_HEX_LEN + 1];
	char			 line[1024];
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
	    "NOW(6) + INTERVAL ? HOUR)", pc, 4, NULL, &confirmation))
		return -1;
	/*
	 * The sender puts every link due for one address into one e-mail,
	 * under a subject of its own: what the terminal says of itself
	 * (model, serial) is only ever in the body, labelled as its claim.
	 * The terminal id is the one its key was made for.
	 */
	(void)snprintf(line, sizeof(line),
	    "  * Terminal %s, which says it is model \"%s\", serial \"%s\"\n"
	    "    (its own words, not checked by the service center):\n"
	    "    %s/confirm/%s\n",
	    r->terminal_id, r->model, r->serial, ig->cfg->base_url, token);
	return outbox_enqueue_confirm(ig->db, ir->terminal_row, confirmation,
	    r->manager, line);
}

/*
 * The terminal now names this address: a link still pending for any other
 * address of this terminal must no longer take effect (A confirmed, B
 * claimed, A again: B's link is void), and is not mailed if it still
 * waits in the outbox.
 */
static int
supersede_others(struct ingest *ig, const struct ingest_report *ir)
{
	struct db_val	p[] = {
		DB_STR(ir->r.manager), DB_INT((long long)ir->terminal_row),
	};

	return db_exec(ig->db, "UPDATE manager_confirmations c "
	    "LEFT JOIN outbox o ON o.confirmation_id = c.id "
	    "AND o.state = 'pending' "
	    "SET c.superseded_at = NOW(6), o.state = 'skipped', o.body = NULL "
	    "WHERE c.manager_id <> COALESCE((SELECT id FROM managers "
	    "WHERE email = ?), 0) AND c.terminal_id = ? "
	    "AND c.confirmed_at IS NULL AND c.superseded_at IS NULL",
	    p, 2, NULL, NULL);
}

/* Collects the ids a SELECT returns. */
static int
collect_id(void *arg, unsigned int ncols, char **vals, unsigned long *lens)
{
	GArray		*ids = arg;
	long long	 id;

	(void)ncols;
	(void)lens;
	id = vals[0] != NULL ? strtoll(vals[0], NULL, 10) : 0;
	g_array_append_val(ids, id);
	return 0;
}

/*
 * Claims of this terminal that died (voided or expired) more than a day
 * ago no longer count against its limit: they go, with the addresses only
 * they named (never confirmed, so nothing else holds them). The managers
 * table thus holds at most CONFIRM_PER_TERMINAL unconfirmed addresses a
 * day per terminal, and none older.
 */
static int
purge_dead_claims(struct ingest *ig, const struct ingest_report *ir)
{
	GArray		*ids = g_array_new(FALSE, FALSE, sizeof(long long));
	struct db_val	 p[] = { DB_INT((long long)ir->terminal_row) };
	const char	*dead = "WHERE terminal_id = ? AND confirmed_at IS NULL "
	    "AND (superseded_at IS NOT NULL OR expires_at <= NOW(6)) "
	    "AND created_at <= NOW(6) - INTERVAL 1 DAY";
	char		 sql[512];
	unsigned int	 i;
	int		 rc = -1;

	(void)snprintf(sql, sizeof(sql), "SELECT DISTINCT manager_id "
	    "FROM manager_confirmations %s", dead);
	if (db_select(ig->db, sql, p, 1, collect_id, ids) < 0)
		goto out;
	(void)snprintf(sql, sizeof(sql), "DELETE FROM manager_confirmations "
	    "%s", dead);
	if (db_exec(ig->db, sql, p, 1, NULL, NULL))
		goto out;
	for (i = 0; i < ids->len; i++) {
		long long id = g_array_index(ids, long long, i);
		struct db_val pm[] = { DB_INT(id), DB_INT(id) };

		if (db_exec(ig->db, "DELETE FROM managers WHERE id = ? "
		    "AND confirmed_at IS NULL AND NOT EXISTS (SELECT 1 "
		    "FROM manager_confirmations WHERE manager_id = ?)",
		    pm, 2, NULL, NULL))
			goto out;
	}
	rc = 0;
out:
	g_array_free(ids, TRUE);
	return rc;
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
	if ((rc = manager_settled(ig, ir)) != 0)
		return rc < 0 || supersede_others(ig, ir) ? -1 : 0;
	if ((rc = claims_refused(ig, ir)) != 0) {
		if (rc > 0)
			log_info("terminal %s names %s: not asked, its manager "
			    "is locked or it asked for %d addresses today",
			    ir->r.terminal_id, ir->r.manager,
			    CONFIRM_PER_TERMINAL);
		return rc < 0 ? -1 : 0;
	}
	if (supersede_others(ig, ir) || purge_dead_claims(ig, ir))
		return -1;
	res->mail_queued = 1;
	return request_confirmation(ig, ir);
}
