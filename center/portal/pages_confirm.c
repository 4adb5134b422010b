/*
 * /confirm/TOKEN: a manager confirms the address a terminal reported.
 * GET shows what is being confirmed and a button (so a mail scanner that
 * fetches links confirms nothing); POST makes the address the terminal's
 * manager, in one statement, once, and wakes the outbox sender for the
 * notices that waited on it.
 */
#include <errno.h>
#include <string.h>

#include "app.h"
#include "html.h"
#include "outbox_wake.h"
#include "ratelimit.h"

int	page_confirm(struct http_request *);

static int	confirm_query(struct http_request *);
static int	confirm_reply(struct http_request *);
static int	confirm_done(struct http_request *);

enum { CONFIRM_QUERY, CONFIRM_REPLY, CONFIRM_DONE };

static struct http_state confirm_states[] = {
	{ "CONFIRM_QUERY", confirm_query },
	{ "CONFIRM_REPLY", confirm_reply },
	{ "CONFIRM_DONE", confirm_done },
};

static const char sql_pending[] =
	"SELECT m.email, t.terminal_uid, md.name, t.serial "
	"FROM manager_confirmations c "
	"JOIN managers m ON m.id = c.manager_id "
	"JOIN terminals t ON t.id = c.terminal_id "
	"JOIN models md ON md.id = t.model_id "
	"WHERE c.token_hash = ? AND c.confirmed_at IS NULL "
	"AND c.superseded_at IS NULL AND c.expires_at > NOW(6)";

/* Only a pending, current, unexpired confirmation takes effect. */
static const char sql_confirm[] =
	"UPDATE manager_confirmations c "
	"JOIN terminals t ON t.id = c.terminal_id "
	"JOIN managers m ON m.id = c.manager_id "
	"SET c.confirmed_at = NOW(6), t.manager_id = c.manager_id, "
	"m.confirmed_at = COALESCE(m.confirmed_at, NOW(6)) "
	"WHERE c.token_hash = ? AND c.confirmed_at IS NULL "
	"AND c.superseded_at IS NULL AND c.expires_at > NOW(6)";

/* Staff can see who took charge of which terminal, and when. */
static const char sql_audit[] =
	"INSERT INTO audit_log (actor, action, subject) "
	"SELECT m.email, 'manager confirmed', t.terminal_uid "
	"FROM manager_confirmations c "
	"JOIN managers m ON m.id = c.manager_id "
	"JOIN terminals t ON t.id = c.terminal_id WHERE c.token_hash = ?";

static const char invalid[] = "This confirmation link is not valid: it was "
	"already used, replaced by a newer one, or it expired.";

int
page_confirm(struct http_request *req)
{
	return http_state_run(confirm_states, 3, req);
}

static int
confirm_query(struct http_request *req)
{
	struct page_state	*st = page_state(req);
	struct db_val		 p[1];

	/* Guessing links is slowed like guessing homepage links. */
	if (!ratelimit_allow(req, RATELIMIT_TOKEN)) {
		html_message(req, 429, "Too many requests",
		    "Please wait a minute and try again.");
		return HTTP_STATE_COMPLETE;
	}
	if (page_token(req, st)) {
		html_message(req, 404, "Not found", invalid);
		return HTTP_STATE_COMPLETE;
	}
	p[0] = DB_BLOB(st->token_hash, TOKEN_HASH_LEN);
	db_async_start(&st->q, req, req->method == HTTP_METHOD_POST ?
	    sql_confirm : sql_pending, p, 1);
	req->fsm_state = CONFIRM_REPLY;
	return db_async_next(&st->q);
}

static int
confirm_reply(struct http_request *req)
{
	struct page_state	*st = page_state(req);
	struct kore_buf		*buf;

	if (db_async_pending(&st->q))
		return HTTP_STATE_RETRY;
	if (st->q.status != DB_ASYNC_DONE) {
		kore_log(LOG_NOTICE, "confirm: %s", st->q.error);
		html_message(req, 503, "Try again later",
		    "The service center cannot answer right now.");
		return HTTP_STATE_COMPLETE;
	}
	if (req->method == HTTP_METHOD_POST) {
		if (st->q.affected == 0) {
			html_message(req, 404, "Not found", invalid);
			return HTTP_STATE_COMPLETE;
		}
		/* Notices held for this manager are due now: the sender
		 * need not wait for its sweep. */
		if (outbox_wake(&app_config) == -1)
			kore_log(LOG_NOTICE, "waking the outbox sender at "
			    "%s: %s", app_config.outbox_wake_socket,
			    strerror(errno));
		struct db_val p[] = { DB_BLOB(st->token_hash, TOKEN_HASH_LEN) };
		db_async_start(&st->q, req, sql_audit, p, 1);
		req->fsm_state = CONFIRM_DONE;
		return db_async_next(&st->q);
	}
	if (st->q.rows == 0) {
		html_message(req, 404, "Not found", invalid);
		return HTTP_STATE_COMPLETE;
	}
	buf = kore_buf_alloc(2048);
	html_begin(buf, "Confirm your address");
	kore_buf_appendf(buf, "<p>Terminal <strong>");
	html_text(buf, db_async_cell(&st->q, 0, 1));
	kore_buf_appendf(buf, "</strong> (");
	html_text(buf, db_async_cell(&st->q, 0, 2));
	kore_buf_appendf(buf, ", serial ");
	html_text(buf, db_async_cell(&st->q, 0, 3));
	kore_buf_appendf(buf, ") names <strong>");
	html_text(buf, db_async_cell(&st->q, 0, 0));
	kore_buf_appendf(buf, "</strong> as its manager.</p>\n"
	    "<form method=\"post\"><button type=\"submit\">"
	    "Yes, I manage this terminal</button></form>\n"
	    "<p>If this is not you, ignore this page: nothing changes.</p>\n");
	html_end(buf);
	html_send(req, 200, buf);
	return HTTP_STATE_COMPLETE;
}

/* The confirmation stands whatever became of its audit line. */
static int
confirm_done(struct http_request *req)
{
	struct page_state	*st = page_state(req);

	if (db_async_pending(&st->q))
		return HTTP_STATE_RETRY;
	if (st->q.status != DB_ASYNC_DONE)
		kore_log(LOG_NOTICE, "confirm audit: %s", st->q.error);
	html_message(req, 200, "Address confirmed",
	    "Thank you. You are now this terminal's manager: the service "
	    "center will e-mail you when it needs attention, with a link to "
	    "your homepage.");
	return HTTP_STATE_COMPLETE;
}
