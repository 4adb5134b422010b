/* SPDX-License-Identifier: ISC */
/*
 * Status, completion and meter reports. A status report opens a notice,
 * one per terminal and open condition (the schema's unique key absorbs
 * duplicates and reminders), and queues the manager's e-mail in the same
 * transaction; a completion closes the notice and what hangs off it.
 */
#include <stdio.h>
#include <string.h>

#include "ingest.h"
#include "outbox_enqueue.h"

/* "Paper is low (tray 2)" in the words of the one vocabulary table. */
static void
summary(const struct fc_report *r, char *buf, size_t len)
{
	const struct fc_condition_info	*ci;

	ci = fc_condition_info(fc_condition_by_keyword(r->keyword));
	if (ci == NULL)
		snprintf(buf, len, "Condition reported: %s", r->keyword);
	else
		snprintf(buf, len, "%s", ci->text);
	if (r->instance > 0)
		snprintf(buf + strlen(buf), len - strlen(buf), " (tray %d)",
		    r->instance);
}

/* Notices are per condition and tray: "media-low" in trays 1 and 2 are two. */
static void
notice_key(const struct fc_report *r, char *buf, size_t len)
{
	if (r->instance > 0)
		snprintf(buf, len, "%s/%d", r->keyword, r->instance);
	else
		snprintf(buf, len, "%s", r->keyword);
}

/*
 * A keyword outside the shared table (a newer terminal's, or invented)
 * opens a notice only as one of the terminal's first extension_conditions
 * such notice keys, so that invented keywords cannot multiply notices and
 * with them orders and visits. report_terminal() updated the terminal's
 * row: its lock serialises the count and the insert per terminal. 1 when
 * the key may open a notice, 0 when not, -1 on a database failure.
 */
static int
extension_admitted(struct ingest *ig, const struct ingest_report *ir,
    const char *key, struct ingest_result *res)
{
	struct db_val	p[] = {
		DB_INT((long long)ir->terminal_row), DB_STR(key),
	};
	long long	n = 0;

	if (fc_condition_info(fc_condition_by_keyword(ir->r.keyword)) != NULL)
		return 1;
	if (db_select_int(ig->db, "SELECT COUNT(*) FROM terminal_extensions "
	    "WHERE terminal_id = ? AND condition_kw = ?", p, 2, &n) < 0)
		return -1;
	if (n > 0)
		return 1;
	if (db_select_int(ig->db, "SELECT COUNT(*) FROM terminal_extensions "
	    "WHERE terminal_id = ?", p, 1, &n) < 0)
		return -1;
	if (n >= ig->cfg->extension_conditions) {
		(void)snprintf(res->note, sizeof(res->note), "; condition "
		    "'%s' is not in the table and the terminal has used its "
		    "%d extension conditions: no notice", key,
		    ig->cfg->extension_conditions);
		return 0;
	}
	struct db_val q[] = {
		DB_INT((long long)ir->terminal_row), DB_STR(key),
		DB_INT((long long)ir->report_row),
	};
	if (db_exec(ig->db, "INSERT INTO terminal_extensions (terminal_id, "
	    "condition_kw, first_report_id) VALUES (?, ?, ?)", q, 3, NULL,
	    NULL))
		return -1;
	return 1;
}

int
ingest_status(struct ingest *ig, struct ingest_report *ir,
    struct ingest_result *res)
{
	const struct fc_report	*r = &ir->r;
	unsigned long long	 affected, notice;
	char			 text[128], key[64];
	int			 rc;

	if ((rc = report_terminal(ig, ir, res)) != 0 ||
	    (rc = report_store(ig, ir, res)) != 0)
		return rc;
	/* Mail may arrive out of order: a completion already here wins,
	 * if it is this terminal's (Report-Ids are per terminal). */
	struct db_val pc[] = {
		DB_INT((long long)ir->terminal_row), DB_STR(r->report_id),
		DB_STR(r->reminder_of[0] ? r->reminder_of : r->report_id),
	};
	long long completed = 0;
	if (db_select_int(ig->db, "SELECT COUNT(*) FROM reports WHERE "
	    "terminal_id = ? AND completes_uid IN (?, ?)", pc, 3,
	    &completed) < 0)
		return -1;
	if (completed > 0)
		return 0;
	summary(r, text, sizeof(text));
	notice_key(r, key, sizeof(key));
	if ((rc = extension_admitted(ig, ir, key, res)) <= 0)
		return rc;
	struct db_val p[] = {
		DB_INT((long long)ir->terminal_row), DB_STR(key),
		DB_STR(fc_kind_str(r->kind)),
		DB_STR(fc_severity_str(r->severity)), DB_INT(r->alert_code),
		DB_STR(text), DB_INT((long long)ir->report_row),
	};
	/* An open notice for the condition already exists: nothing changes. */
	if (db_exec(ig->db, "INSERT INTO notices (terminal_id, condition_kw, "
	    "kind, severity, alert_code, summary, opened_report_id) "
	    "VALUES (?, ?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE id = id",
	    p, 7, &affected, &notice))
		return -1;
	if (affected != 1)
		return 0;
	res->mail_queued = 1;
	return outbox_enqueue_notice(ig->db, ir->terminal_row, notice);
}

int
ingest_completion(struct ingest *ig, struct ingest_report *ir,
    struct ingest_result *res)
{
	char	key[64];
	int	rc;

	if ((rc = report_terminal(ig, ir, res)) != 0 ||
	    (rc = report_store(ig, ir, res)) != 0)
		return rc;
	notice_key(&ir->r, key, sizeof(key));
	struct db_val p[] = {
		DB_INT((long long)ir->report_row),
		DB_INT((long long)ir->terminal_row), DB_STR(key),
	};
	if (db_exec(ig->db, "UPDATE notices SET closed_at = NOW(6), "
	    "closed_report_id = ? WHERE terminal_id = ? AND condition_kw = ? "
	    "AND closed_at IS NULL", p, 3, NULL, NULL))
		return -1;
	/* The order or visit the notice led to is finished with it. */
	struct db_val q[] = { DB_INT((long long)ir->report_row) };
	if (db_exec(ig->db, "UPDATE orders o JOIN notices n "
	    "ON n.id = o.notice_id SET o.state = 'delivered', "
	    "o.closed_at = NOW(6) WHERE n.closed_report_id = ? "
	    "AND o.closed_at IS NULL", q, 1, NULL, NULL))
		return -1;
	return db_exec(ig->db, "UPDATE visits v JOIN notices n "
	    "ON n.id = v.notice_id SET v.state = 'completed', "
	    "v.closed_at = NOW(6) WHERE n.closed_report_id = ? "
	    "AND v.closed_at IS NULL", q, 1, NULL, NULL);
}

int
ingest_meter(struct ingest *ig, struct ingest_report *ir,
    struct ingest_result *res)
{
	int	rc;

	if ((rc = report_terminal(ig, ir, res)) != 0)
		return rc;
	return report_store(ig, ir, res);
}
