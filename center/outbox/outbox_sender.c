/* SPDX-License-Identifier: ISC */
/* The outbox's state machine: pending -> sending -> sent | failed. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "outbox_compose.h"
#include "outbox_sender.h"
#include "outbox_silence.h"
#include "confirm_limits.h"
#include "db_retry.h"
#include "log.h"
#include "outbox_smtp.h"
#include "token.h"

/*
 * A claim is a lease: claiming rows moves their next_attempt_at this far
 * ahead, and only rows whose next_attempt_at has come are claimed. Two
 * senders (on two Galera nodes, where no lock is cluster-wide) claiming
 * the same pending rows write the same rows, so one of the two claims
 * fails certification and is retried (db_txn), and then finds them taken;
 * and a batch being sent is not claimed again until the lease ran out,
 * which is when its sender must have died. Longer than an SMTP session.
 */
#define OUTBOX_LEASE_S	600

/* Rows as strings, for the few queries that return more than a number. */
struct rows {
	GPtrArray	*cells;
	unsigned int	 cols;
};

static int
collect(void *arg, unsigned int ncols, char **vals, unsigned long *lens)
{
	struct rows	*rs = arg;
	unsigned int	 i;

	(void)lens;
	rs->cols = ncols;
	for (i = 0; i < ncols; i++)
		g_ptr_array_add(rs->cells, g_strdup(vals[i] ? vals[i] : ""));
	return 0;
}

static int
select_rows(struct db *db, const char *sql, const struct db_val *p,
    unsigned int n, struct rows *rs)
{
	rs->cells = g_ptr_array_new_with_free_func(g_free);
	rs->cols = 0;
	return db_select(db, sql, p, n, collect, rs);
}

static const char *
cell(const struct rows *rs, unsigned int row, unsigned int col)
{
	return g_ptr_array_index(rs->cells, row * rs->cols + col);
}

static void
rows_free(struct rows *rs)
{
	if (rs->cells != NULL)
		g_ptr_array_free(rs->cells, TRUE);
	rs->cells = NULL;
}

/* A new link's token and its hash; the reason in s->db->err if none. */
static int
link_token(struct outbox_sender *s, char *token, unsigned char *hash)
{
	if (token_new(token, hash) == 0)
		return 0;
	(void)snprintf(s->db->err, sizeof(s->db->err), "getrandom failed");
	return -1;
}

/*
 * After a failed attempt: retry the batch with backoff, or give up. A relay
 * refusing our credentials or asking for them is a configuration error, not
 * the mail's: such a try is not counted (the claim counted it), so the mail
 * waits until the configuration is fixed, and the wait grows with the mail's
 * age (at least 5 s, at most an hour), since the count cannot say how long.
 */
static int
attempt_failed(struct outbox_sender *s, long long batch, enum smtp_result res,
    const char *err)
{
	struct db_val	p[] = {
		DB_INT(res == SMTP_AUTH_TROUBLE), DB_INT(res == SMTP_REFUSED),
		DB_INT(OUTBOX_MAX_ATTEMPTS), DB_INT(res == SMTP_AUTH_TROUBLE),
		DB_STR(err), DB_INT(batch),
	};

	warnx("batch %lld: %s", batch, err);
	/* MariaDB assigns left to right: state and the wait see the
	 * corrected count. */
	return db_exec(s->db, "UPDATE outbox SET "
	    "attempts = IF(? AND attempts > 0, attempts - 1, attempts), "
	    "state = IF(? OR attempts >= ?, 'failed', 'pending'), "
	    "next_attempt_at = NOW(6) + INTERVAL IF(?, "
	    "LEAST(3600, GREATEST(5, TIMESTAMPDIFF(SECOND, created_at, "
	    "NOW(6)))), "
	    "LEAST(3600, 5 * POW(2, LEAST(attempts, 12) - 1))) SECOND, "
	    "last_error = LEFT(?, 255) "
	    "WHERE batch_id = ? AND state = 'sending'", p, 6, NULL, NULL);
}

/* The relay took the batch: done, and the links leave our hands. */
static int
batch_sent(struct outbox_sender *s, long long batch)
{
	struct db_val	p[] = { DB_INT(batch) };

	return db_exec(s->db, "UPDATE outbox SET state = 'sent', "
	    "sent_at = NOW(6), body = IF(kind = 'confirm', NULL, body), "
	    "last_error = NULL WHERE batch_id = ? AND state = 'sending'",
	    p, 1, NULL, NULL);
}

/* The end of a batch's try: 1 sent, 0 to be retried (or failed), -1. */
static int
batch_done(struct outbox_sender *s, long long batch, enum smtp_result res,
    const char *err)
{
	if (res != SMTP_SENT)
		return attempt_failed(s, batch, res, err) ? -1 : 0;
	return batch_sent(s, batch) ? -1 : 1;
}

/*
 * Sends what each due row (its first cell: an address or an id) has due,
 * and frees the rows; stops at the first database failure. Returns the
 * e-mails sent, or -1.
 */
static int
send_each(struct outbox_sender *s, struct rows *rs, int n,
    int (*one)(struct outbox_sender *, const char *))
{
	int	i, r, sent = 0;

	for (i = 0; i < n; i++) {
		if ((r = one(s, cell(rs, i, 0))) < 0)
			break;
		sent += r;
	}
	rows_free(rs);
	return n < 0 || i < n ? -1 : sent;
}

/*
 * Claim every confirmation due for one address as one batch. A link that
 * was voided (the terminal named another address), used or expired is
 * never mailed; and an address that had CONFIRM_MAILS_PER_ADDRESS
 * e-mails in the last day waits until the oldest of them is a day old.
 */
/* What a claim (one try of its transaction) works on and gives back. */
struct claim {
	struct outbox_sender	*s;
	const char		*rcpt;		/* confirmations */
	long long		 owner;		/* a manager, a takeover row */
	long long		 batch;
	char			 mid[256];
	char			 token[TOKEN_HEX_LEN + 1];
	int			 linked;
};

static int
claim_confirmations(struct db *db, void *arg)
{
	struct claim	*cl = arg;
	struct outbox_sender *s = cl->s;
	const char	*rcpt = cl->rcpt;
	long long	*batch = &cl->batch;
	char		*mid = cl->mid;
	size_t		 midlen = sizeof(cl->mid);
	struct db_val	pr[] = { DB_STR(rcpt) };
	struct db_val	pl[] = { DB_INT(CONFIRM_MAILS_PER_ADDRESS), DB_STR(rcpt) };
	unsigned long long claimed = 0;
	long long	wait = 0;

	(void)db;
	*batch = 0;
	if (db_exec(s->db, "UPDATE outbox o JOIN manager_confirmations c "
	    "ON c.id = o.confirmation_id SET o.state = 'skipped', "
	    "o.body = NULL WHERE o.recipient = ? AND o.kind = 'confirm' "
	    "AND o.state IN ('pending', 'sending') "
	    "AND (c.confirmed_at IS NOT NULL OR c.superseded_at IS NOT NULL "
	    "OR c.expires_at <= NOW(6))", pr, 1, NULL, NULL))
		return -1;
	if (db_select_int(s->db, "SELECT IF(COUNT(DISTINCT batch_id) >= ?, "
	    "GREATEST(1, TIMESTAMPDIFF(SECOND, NOW(6), "
	    "MIN(sent_at) + INTERVAL 1 DAY)), 0) FROM outbox "
	    "WHERE recipient = ? AND kind = 'confirm' AND state = 'sent' "
	    "AND sent_at > NOW(6) - INTERVAL 1 DAY", pl, 2, &wait) < 0)
		return -1;
	struct db_val pw[] = { DB_INT(wait), DB_STR(rcpt) };
	if (wait > 0 && db_exec(s->db, "UPDATE outbox SET next_attempt_at = "
	    "NOW(6) + INTERVAL ? SECOND, last_error = 'waiting: this "
	    "address had its confirmation e-mails for the day' "
	    "WHERE recipient = ? AND kind = 'confirm' "
	    "AND state IN ('pending', 'sending')", pw, 2, NULL, NULL))
		return -1;
	if (wait == 0 && db_select_int(s->db, "SELECT MIN(id) FROM outbox "
	    "WHERE recipient = ? AND kind = 'confirm' "
	    "AND state IN ('pending', 'sending') "
	    "AND next_attempt_at <= NOW(6)", pr, 1, batch) < 0)
		return -1;
	(void)snprintf(mid, midlen, "faxcare-confirm-%lld@%s", *batch,
	    s->domain);
	struct db_val pc[] = {
		DB_INT(*batch), DB_STR(mid), DB_INT(OUTBOX_LEASE_S), DB_STR(rcpt),
	};
	if (*batch != 0 && db_exec(s->db, "UPDATE outbox SET "
	    "state = 'sending', batch_id = ?, message_id = ?, "
	    "attempts = attempts + 1, "
	    "next_attempt_at = NOW(6) + INTERVAL ? SECOND "
	    "WHERE recipient = ? AND kind = 'confirm' "
	    "AND state IN ('pending', 'sending') "
	    "AND next_attempt_at <= NOW(6)", pc, 4, &claimed, NULL))
		return -1;
	/* Another sender claimed them since we looked: not ours to send. */
	if (claimed == 0)
		*batch = 0;
	return 0;
}

static int
send_confirm_batch(struct outbox_sender *s, const char *rcpt)
{
	struct rows		 rs;
	const char		**lines;
	long long		 batch;
	char			 mid[256], err[256], *body, *text;
	enum smtp_result	 res;
	int			 n, i;

	struct claim		 cl = { .s = s, .rcpt = rcpt };

	if (db_txn(s->db, claim_confirmations, &cl))
		return -1;
	if ((batch = cl.batch) == 0)
		return 0;
	(void)snprintf(mid, sizeof(mid), "%s", cl.mid);
	struct db_val pb[] = { DB_INT(batch) };
	enum { CONFIRM_LINE };
	if ((n = select_rows(s->db, "SELECT body FROM outbox "
	    "WHERE batch_id = ? ORDER BY id", pb, 1, &rs)) <= 0) {
		rows_free(&rs);
		return -1;
	}
	lines = g_new0(const char *, n);
	for (i = 0; i < n; i++)
		lines[i] = cell(&rs, i, CONFIRM_LINE);
	body = compose_confirm_mail(lines, (size_t)n, rcpt,
	    s->cfg->confirm_ttl_h);
	/* Nothing a terminal chose goes into the subject. */
	text = compose_message(s->cfg->sender, rcpt, n == 1 ?
	    "Please confirm: are you the manager of a fax terminal?" :
	    "Please confirm: are you the manager of these fax terminals?",
	    body, mid);
	res = smtp_send(s->cfg, rcpt, text, err, sizeof(err));
	g_free(text);
	g_free(body);
	g_free(lines);
	rows_free(&rs);
	return batch_done(s, batch, res, err);
}

/* Addresses whose links stopped coming for coalesce_ms (or waited ten
 * times that): a fleet registering at once asks its manager once. */
static int
send_confirmations(struct outbox_sender *s)
{
	struct rows	rs;
	int		n;

	struct db_val p[] = {
		DB_INT((long long)s->cfg->coalesce_ms * 1000),
		DB_INT((long long)s->cfg->coalesce_ms * 1000 * 10),
	};
	n = select_rows(s->db, "SELECT recipient FROM outbox "
	    "WHERE kind = 'confirm' AND state IN ('pending', 'sending') "
	    "AND next_attempt_at <= NOW(6) GROUP BY recipient "
	    "HAVING MAX(created_at) <= NOW(6) - INTERVAL ? MICROSECOND "
	    "OR MIN(created_at) <= NOW(6) - INTERVAL ? MICROSECOND "
	    "LIMIT 20", p, 2, &rs);
	return send_each(s, &rs, n, send_confirm_batch);
}

/* Claim everything due for one manager as one batch; make the token. */
static int
claim_batch(struct db *db, void *arg)
{
	struct claim	*cl = arg;
	struct outbox_sender *s = cl->s;
	long long	 manager = cl->owner, *batch = &cl->batch;
	char		*mid = cl->mid, *token = cl->token;
	size_t		 midlen = sizeof(cl->mid);
	unsigned char	hash[TOKEN_HASH_LEN];
	unsigned long long claimed = 0;
	struct db_val	pm[] = { DB_INT(manager) };

	(void)db;
	*batch = 0;
	if (db_select_int(s->db, "SELECT MIN(o.id) FROM outbox o "
	    "JOIN terminals t ON t.id = o.terminal_id WHERE t.manager_id = ? "
	    "AND o.kind = 'notice' AND o.state IN ('pending', 'sending') "
	    "AND o.next_attempt_at <= NOW(6)", pm, 1, batch) < 0)
		return -1;
	if (*batch == 0)
		return 0;
	(void)snprintf(mid, midlen, "faxcare-notices-%lld@%s", *batch,
	    s->domain);
	struct db_val pc[] = {
		DB_INT(*batch), DB_STR(mid), DB_INT(OUTBOX_LEASE_S),
		DB_INT(manager),
	};
	if (db_exec(s->db, "UPDATE outbox o JOIN terminals t "
	    "ON t.id = o.terminal_id SET o.state = 'sending', o.batch_id = ?, "
	    "o.message_id = ?, o.attempts = o.attempts + 1, "
	    "o.next_attempt_at = NOW(6) + INTERVAL ? SECOND "
	    "WHERE t.manager_id = ? AND o.kind = 'notice' "
	    "AND o.state IN ('pending', 'sending') "
	    "AND o.next_attempt_at <= NOW(6)", pc, 4, &claimed, NULL))
		return -1;
	/* Another sender claimed them since we looked: not ours to send. */
	if (claimed == 0) {
		*batch = 0;
		return 0;
	}
	if (link_token(s, token, hash))
		return -1;
	struct db_val pt[] = {
		DB_INT(manager), DB_BLOB(hash, sizeof(hash)),
		DB_INT(s->cfg->token_ttl_d),
	};
	return db_exec(s->db, "INSERT INTO manager_tokens (manager_id, "
	    "token_hash, expires_at) VALUES (?, ?, NOW(6) + INTERVAL ? DAY)",
	    pt, 3, NULL, NULL);
}

static int
send_batch(struct outbox_sender *s, const char *manager_id)
{
	long long		 manager = strtoll(manager_id, NULL, 10);
	struct notice_line	*lines;
	struct rows		 rs, em = { NULL, 0 };
	long long		 batch;
	char			 mid[256], token[TOKEN_HEX_LEN + 1], err[256];
	char			 url[CENTER_STR_MAX + 80], *subject, *body, *text;
	const char		*rcpt;
	enum smtp_result	 res;
	int			 n, i;

	struct claim		 cl = { .s = s, .owner = manager };

	if (db_txn(s->db, claim_batch, &cl))
		return -1;
	if ((batch = cl.batch) == 0)
		return 0;
	(void)snprintf(mid, sizeof(mid), "%s", cl.mid);
	(void)snprintf(token, sizeof(token), "%s", cl.token);
	struct db_val pb[] = { DB_INT(batch) };
	enum { LINE_MODEL, LINE_SERIAL, LINE_TERMINAL, LINE_SUMMARY,
	    LINE_SEVERITY, LINE_KIND, LINE_OPENED };
	n = select_rows(s->db, "SELECT md.name, t.serial, t.terminal_uid, "
	    "n.summary, n.severity, n.kind, "
	    "DATE_FORMAT(n.opened_at, '%Y-%m-%d %H:%i UTC') "
	    "FROM outbox o JOIN notices n ON n.id = o.notice_id "
	    "JOIN terminals t ON t.id = n.terminal_id "
	    "JOIN models md ON md.id = t.model_id "
	    "WHERE o.batch_id = ? ORDER BY t.terminal_uid, n.opened_at, n.id",
	    pb, 1, &rs);
	struct db_val pm[] = { DB_INT(manager) };
	enum { MANAGER_EMAIL };
	if (n <= 0 || select_rows(s->db, "SELECT email FROM managers "
	    "WHERE id = ?", pm, 1, &em) != 1) {
		rows_free(&em);
		rows_free(&rs);
		return -1;
	}
	lines = g_new0(struct notice_line, n);
	for (i = 0; i < n; i++) {
		lines[i].model = cell(&rs, i, LINE_MODEL);
		lines[i].serial = cell(&rs, i, LINE_SERIAL);
		lines[i].terminal = cell(&rs, i, LINE_TERMINAL);
		lines[i].summary = cell(&rs, i, LINE_SUMMARY);
		lines[i].severity = cell(&rs, i, LINE_SEVERITY);
		lines[i].kind = cell(&rs, i, LINE_KIND);
		lines[i].opened = cell(&rs, i, LINE_OPENED);
	}
	(void)snprintf(url, sizeof(url), "%s/m/%s", s->cfg->base_url, token);
	compose_notice_mail(lines, (size_t)n, url, s->cfg->token_ttl_d,
	    &subject, &body);
	rcpt = cell(&em, 0, MANAGER_EMAIL);
	text = compose_message(s->cfg->sender, rcpt, subject, body, mid);
	res = smtp_send(s->cfg, rcpt, text, err, sizeof(err));
	g_free(text);
	g_free(subject);
	g_free(body);
	g_free(lines);
	rows_free(&rs);
	rows_free(&em);
	return batch_done(s, batch, res, err);
}

static int
send_notices(struct outbox_sender *s)
{
	struct rows	rs;
	int		n;

	/* A notice closed before its e-mail left needs no e-mail. */
	if (db_exec(s->db, "UPDATE outbox o JOIN notices n "
	    "ON n.id = o.notice_id SET o.state = 'skipped' "
	    "WHERE o.kind = 'notice' AND o.state = 'pending' "
	    "AND n.closed_at IS NOT NULL", NULL, 0, NULL, NULL))
		return -1;
	/*
	 * A manager's notices go out once none came for coalesce_ms (a burst
	 * of failures is one e-mail however long it lasts), or once the
	 * oldest has waited ten times that (a steady trickle still goes out).
	 */
	struct db_val p[] = {
		DB_INT((long long)s->cfg->coalesce_ms * 1000),
		DB_INT((long long)s->cfg->coalesce_ms * 1000 * 10),
	};
	n = select_rows(s->db, "SELECT t.manager_id FROM outbox o "
	    "JOIN terminals t ON t.id = o.terminal_id "
	    "WHERE o.kind = 'notice' AND o.state IN ('pending', 'sending') "
	    "AND o.next_attempt_at <= NOW(6) AND t.manager_id IS NOT NULL "
	    "GROUP BY t.manager_id "
	    "HAVING MAX(o.created_at) <= NOW(6) - INTERVAL ? MICROSECOND "
	    "OR MIN(o.created_at) <= NOW(6) - INTERVAL ? MICROSECOND "
	    "LIMIT 20", p, 2, &rs);
	return send_each(s, &rs, n, send_batch);
}

/* Claim row id of kind, due now, as its own batch: 1 claimed, 0 not (sent
 * or claimed by another sender meanwhile), -1. */
static int
claim_row(struct outbox_sender *s, long long id, const char *kind,
    char *mid, size_t midlen)
{
	unsigned long long	n = 0;

	(void)snprintf(mid, midlen, "faxcare-%s-%lld@%s", kind, id,
	    s->domain);
	/* A lease, not a lock: a sender on another Galera node sees the
	 * row not due until the lease ends (docs/scale.md). */
	struct db_val pc[] = { DB_INT(id), DB_STR(mid),
	    DB_INT(OUTBOX_LEASE_S), DB_INT(id), DB_STR(kind) };
	if (db_exec(s->db, "UPDATE outbox SET state = 'sending', "
	    "batch_id = ?, message_id = ?, attempts = attempts + 1, "
	    "next_attempt_at = NOW(6) + INTERVAL ? SECOND "
	    "WHERE id = ? AND kind = ? AND state IN ('pending', 'sending') "
	    "AND next_attempt_at <= NOW(6)", pc, 5, &n, NULL))
		return -1;
	return n > 0;
}

/* The rows of kind due now, oldest first, each sent by one(). */
static int
send_due(struct outbox_sender *s, const char *kind,
    int (*one)(struct outbox_sender *, const char *))
{
	struct rows	rs;
	struct db_val	p[] = { DB_STR(kind) };
	int		n;

	n = select_rows(s->db, "SELECT id FROM outbox WHERE kind = ? "
	    "AND state IN ('pending', 'sending') AND next_attempt_at <= NOW(6) "
	    "ORDER BY id LIMIT 20", p, 1, &rs);
	return send_each(s, &rs, n, one);
}

/*
 * Claim one 'takeover' row and, while the change can still be undone,
 * make its undo link (the terminal keeps the hash; a retry makes a new
 * one, as the earlier never left).
 */
static int
claim_takeover(struct db *db, void *arg)
{
	struct claim		*cl = arg;
	struct outbox_sender	*s = cl->s;
	long long		 id = cl->owner;
	char			*mid = cl->mid, *token = cl->token;
	size_t			 midlen = sizeof(cl->mid);
	int			*linked = &cl->linked;
	unsigned char		hash[TOKEN_HASH_LEN];
	unsigned long long	n = 0;
	long long		terminal = 0, manager = 0;
	struct db_val		pi[] = { DB_INT(id) };
	int			r;

	(void)db;
	*linked = 0;
	if ((r = claim_row(s, id, "takeover", mid, midlen)) <= 0)
		return r < 0 ? -1 : 1;
	if (db_select_int(s->db, "SELECT terminal_id FROM outbox WHERE id = ?",
	    pi, 1, &terminal) < 0 || db_select_int(s->db, "SELECT manager_id "
	    "FROM outbox WHERE id = ?", pi, 1, &manager) < 0)
		return -1;
	if (link_token(s, token, hash))
		return -1;
	struct db_val pt[] = {
		DB_BLOB(hash, sizeof(hash)), DB_INT(terminal), DB_INT(manager),
	};
	if (db_exec(s->db, "UPDATE terminals SET undo_hash = ? WHERE id = ? "
	    "AND prev_manager_id = ? AND undo_expires_at > NOW(6) "
	    "AND manager_locked_at IS NULL", pt, 3, &n, NULL))
		return -1;
	*linked = n > 0;
	return 0;
}

/* Tell a previous manager that their terminal has another manager. */
static int
send_takeover(struct outbox_sender *s, const char *row)
{
	long long		 id = strtoll(row, NULL, 10);
	struct takeover_mail	 tm;
	struct rows		 rs;
	char			 mid[256], token[TOKEN_HEX_LEN + 1], err[256];
	char			 url[CENTER_STR_MAX + 80], *body, *text;
	enum smtp_result	 res;
	int			 linked, r;

	struct claim		 cl = { .s = s, .owner = id };

	if ((r = db_txn(s->db, claim_takeover, &cl)) < 0)
		return -1;
	if (r > 0)
		return 0;
	linked = cl.linked;
	(void)snprintf(mid, sizeof(mid), "%s", cl.mid);
	(void)snprintf(token, sizeof(token), "%s", cl.token);
	struct db_val pi[] = { DB_INT(id) };
	enum { TAKEOVER_TO, TAKEOVER_TERMINAL, TAKEOVER_MODEL,
	    TAKEOVER_SERIAL, TAKEOVER_NEW, TAKEOVER_AT, TAKEOVER_UNTIL };
	if (select_rows(s->db, "SELECT m.email, t.terminal_uid, md.name, "
	    "t.serial, COALESCE(nm.email, 'nobody'), "
	    "DATE_FORMAT(t.manager_changed_at, '%Y-%m-%d %H:%i UTC'), "
	    "DATE_FORMAT(t.undo_expires_at, '%Y-%m-%d %H:%i UTC') "
	    "FROM outbox o JOIN managers m ON m.id = o.manager_id "
	    "JOIN terminals t ON t.id = o.terminal_id "
	    "JOIN models md ON md.id = t.model_id "
	    "LEFT JOIN managers nm ON nm.id = t.manager_id WHERE o.id = ?",
	    pi, 1, &rs) != 1) {
		rows_free(&rs);
		return -1;
	}
	(void)snprintf(url, sizeof(url), "%s/confirm/undo/%s",
	    s->cfg->base_url, token);
	tm.terminal = cell(&rs, 0, TAKEOVER_TERMINAL);
	tm.model = cell(&rs, 0, TAKEOVER_MODEL);
	tm.serial = cell(&rs, 0, TAKEOVER_SERIAL);
	tm.new_manager = cell(&rs, 0, TAKEOVER_NEW);
	tm.changed = cell(&rs, 0, TAKEOVER_AT);
	tm.until = cell(&rs, 0, TAKEOVER_UNTIL);
	tm.undo_url = linked ? url : NULL;
	body = compose_takeover_mail(&tm);
	text = compose_message(s->cfg->sender, cell(&rs, 0, TAKEOVER_TO),
	    "Your fax terminal has a new manager", body, mid);
	res = smtp_send(s->cfg, cell(&rs, 0, TAKEOVER_TO), text, err,
	    sizeof(err));
	explicit_bzero(url, sizeof(url));
	g_free(text);
	g_free(body);
	rows_free(&rs);
	return batch_done(s, id, res, err);
}

/* A change of manager is told at once, without waiting for others. */
static int
send_takeovers(struct outbox_sender *s)
{
	return send_due(s, "takeover", send_takeover);
}

/* Tell a manager what the desk changed (schema version 85's triggers
 * write the row); one e-mail per change, at once. */
static int
send_desk_mail(struct outbox_sender *s, const char *row)
{
	long long		 id = strtoll(row, NULL, 10);
	struct desk_mail	 dm;
	struct rows		 rs;
	char			 mid[256], err[256], *subject, *body, *text;
	enum smtp_result	 res;
	int			 r;

	if ((r = claim_row(s, id, "desk", mid, sizeof(mid))) <= 0)
		return r;
	struct db_val pi[] = { DB_INT(id) };
	enum { DESK_TO, DESK_EVENT, DESK_TERMINAL, DESK_MODEL, DESK_SERIAL,
	    DESK_ITEM, DESK_QUANTITY, DESK_ID, DESK_TECHNICIAN, DESK_WHEN,
	    DESK_BEFORE };
	if (select_rows(s->db, "SELECT m.email, x.subject, t.terminal_uid, "
	    "md.name, t.serial, c.name, o.quantity, COALESCE(o.id, v.id), "
	    "tc.name, DATE_FORMAT(sl.starts_at, '%Y-%m-%d %H:%i UTC'), "
	    "x.body FROM outbox x JOIN managers m ON m.id = x.manager_id "
	    "JOIN terminals t ON t.id = x.terminal_id "
	    "JOIN models md ON md.id = t.model_id "
	    "LEFT JOIN orders o ON o.id = x.order_id "
	    "LEFT JOIN consumables c ON c.id = o.consumable_id "
	    "LEFT JOIN visits v ON v.id = x.visit_id "
	    "LEFT JOIN technician_slots sl ON sl.id = v.slot_id "
	    "LEFT JOIN technicians tc ON tc.id = sl.technician_id "
	    "WHERE x.id = ?", pi, 1, &rs) != 1) {
		rows_free(&rs);
		return -1;
	}
	dm.event = cell(&rs, 0, DESK_EVENT);
	dm.terminal = cell(&rs, 0, DESK_TERMINAL);
	dm.model = cell(&rs, 0, DESK_MODEL);
	dm.serial = cell(&rs, 0, DESK_SERIAL);
	dm.item = cell(&rs, 0, DESK_ITEM);
	dm.quantity = cell(&rs, 0, DESK_QUANTITY);
	dm.id = cell(&rs, 0, DESK_ID);
	dm.technician = cell(&rs, 0, DESK_TECHNICIAN);
	dm.when = cell(&rs, 0, DESK_WHEN);
	dm.before = cell(&rs, 0, DESK_BEFORE);
	compose_desk_mail(&dm, &subject, &body);
	text = compose_message(s->cfg->sender, cell(&rs, 0, DESK_TO), subject,
	    body, mid);
	res = smtp_send(s->cfg, cell(&rs, 0, DESK_TO), text, err,
	    sizeof(err));
	g_free(text);
	g_free(subject);
	g_free(body);
	rows_free(&rs);
	return batch_done(s, id, res, err);
}

static int
send_desk_mails(struct outbox_sender *s)
{
	return send_due(s, "desk", send_desk_mail);
}

int
outbox_run_once(struct outbox_sender *s)
{
	int	a, b, c, d;

	if (outbox_silence_pass(s->db) < 0)
		return -1;
	if ((d = send_desk_mails(s)) < 0)
		return -1;
	if ((a = send_takeovers(s)) < 0)
		return -1;
	if ((b = send_confirmations(s)) < 0)
		return -1;
	if ((c = send_notices(s)) < 0)
		return -1;
	return a + b + c + d;
}

int
outbox_next_due(struct outbox_sender *s, long long *ms)
{
	/* The moment the passes' own conditions next hold: a group's quiet
	 * period or cap runs out, or a retry's backoff ends. */
	struct db_val	p[] = {
		DB_INT((long long)s->cfg->coalesce_ms * 1000),
		DB_INT((long long)s->cfg->coalesce_ms * 1000 * 10),
	};

	*ms = -1;
	return db_select_int(s->db, "SELECT GREATEST(0, CEIL(TIMESTAMPDIFF("
	    "MICROSECOND, NOW(6), MIN(due)) / 1000)) FROM ("
	    "SELECT LEAST(MAX(o.created_at) + INTERVAL ? MICROSECOND, "
	    "MIN(o.created_at) + INTERVAL ? MICROSECOND) AS due "
	    "FROM outbox o JOIN terminals t ON t.id = o.terminal_id "
	    "WHERE o.state IN ('pending', 'sending') "
	    "AND o.next_attempt_at <= NOW(6) AND (o.kind = 'confirm' OR "
	    "(o.kind = 'notice' AND t.manager_id IS NOT NULL)) "
	    "GROUP BY o.kind, IF(o.kind = 'confirm', o.recipient, "
	    "t.manager_id) "
	    "UNION ALL SELECT MIN(next_attempt_at) FROM outbox "
	    "WHERE kind IN ('confirm', 'notice') "
	    "AND state IN ('pending', 'sending') "
	    "AND next_attempt_at > NOW(6) "
	    "UNION ALL SELECT MIN(next_attempt_at) FROM outbox "
	    "WHERE kind IN ('takeover', 'desk') "
	    "AND state IN ('pending', 'sending') "
	    "UNION ALL SELECT MIN(silent_after) FROM terminals) d",
	    p, 2, ms) < 0 ? -1 : 0;
}
