/* SPDX-License-Identifier: ISC */
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
#include "page.h"
#include "outbox_wake.h"

int	page_confirm(struct http_request *);

static const char sql_pending[] =
	"SELECT m.email, t.terminal_uid, md.name, t.serial "
	"FROM manager_confirmations c "
	"JOIN managers m ON m.id = c.manager_id "
	"JOIN terminals t ON t.id = c.terminal_id "
	"JOIN models md ON md.id = t.model_id "
	"WHERE c.token_hash = ? AND c.confirmed_at IS NULL "
	"AND c.superseded_at IS NULL AND c.expires_at > NOW(6) "
	"AND t.manager_locked_at IS NULL";
enum { PENDING_EMAIL, PENDING_TERMINAL, PENDING_MODEL, PENDING_SERIAL };

/*
 * Only a pending, current, unexpired confirmation takes effect, and none
 * while the previous manager's undo locks the terminal's manager. A
 * change of manager mails the previous one and is audited by the
 * terminals' triggers (sql/migrations/0013_manager_changes.sql).
 */
static const char sql_confirm[] =
	"UPDATE manager_confirmations c "
	"JOIN terminals t ON t.id = c.terminal_id "
	"JOIN managers m ON m.id = c.manager_id "
	"SET c.confirmed_at = NOW(6), t.manager_id = c.manager_id, "
	"m.confirmed_at = COALESCE(m.confirmed_at, NOW(6)) "
	"WHERE c.token_hash = ? AND c.confirmed_at IS NULL "
	"AND c.superseded_at IS NULL AND c.expires_at > NOW(6) "
	"AND t.manager_locked_at IS NULL";

/* Staff can see who took charge of which terminal, and when. */
static const char sql_audit[] =
	"INSERT INTO audit_log (actor, action, subject) "
	"SELECT m.email, 'manager confirmed', t.terminal_uid "
	"FROM manager_confirmations c "
	"JOIN managers m ON m.id = c.manager_id "
	"JOIN terminals t ON t.id = c.terminal_id WHERE c.token_hash = ?";

enum { CONFIRM_STATEMENT, CONFIRM_AUDIT };

static int
confirm_query(struct http_request *req, struct portal *p)
{
	p->step = CONFIRM_STATEMENT;
	return page_link_query(req, p, sql_pending, sql_confirm);
}

static int
show(struct http_request *req, struct portal *p)
{
	struct kore_buf	*buf;

	if (p->q.rows == 0)
		return page_not_found(req, p);
	buf = kore_buf_alloc(2048);
	html_begin(buf, "Confirm your address");
	kore_buf_appendf(buf, "<p>Terminal <strong>");
	html_text(buf, db_async_cell(&p->q, 0, PENDING_TERMINAL));
	kore_buf_appendf(buf, "</strong> (it says it is model &ldquo;");
	html_text(buf, db_async_cell(&p->q, 0, PENDING_MODEL));
	kore_buf_appendf(buf, "&rdquo;, serial &ldquo;");
	html_text(buf, db_async_cell(&p->q, 0, PENDING_SERIAL));
	kore_buf_appendf(buf, "&rdquo;: its own words, not checked by the "
	    "service center) names <strong>");
	html_text(buf, db_async_cell(&p->q, 0, PENDING_EMAIL));
	kore_buf_appendf(buf, "</strong> as its manager.</p>\n"
	    "<form method=\"post\"><button type=\"submit\">"
	    "Yes, I manage this terminal</button></form>\n"
	    "<p>If this is not you, ignore this page: nothing changes.</p>\n");
	html_end(buf);
	html_send(req, 200, buf);
	return PAGE_DONE;
}

static int
confirmed(struct http_request *req, struct portal *p)
{
	struct db_val	arg[1];

	if (p->q.affected == 0)
		return page_not_found(req, p);
	/* Notices held for this manager are due now: the sender need not
	 * wait for its sweep. */
	if (outbox_wake(&app_config) == -1)
		kore_log(LOG_NOTICE, "waking the outbox sender at %s: %s",
		    app_config.outbox_wake_socket, strerror(errno));
	arg[0] = DB_BLOB(p->link_hash, TOKEN_HASH_LEN);
	db_async_start(&p->q, req, sql_audit, arg, 1);
	p->step = CONFIRM_AUDIT;
	return PAGE_QUERY;
}

static int
confirm_answer(struct http_request *req, struct portal *p)
{
	if (p->step == CONFIRM_AUDIT) {
		/* The confirmation stands whatever became of its audit line. */
		if (p->q.status != DB_ASYNC_DONE)
			kore_log(LOG_NOTICE, "confirm audit: %s", p->q.error);
		html_message(req, 200, "Address confirmed", "Thank you. You "
		    "are now this terminal's manager: the service center will "
		    "e-mail you when it needs attention, with a link to your "
		    "homepage.");
		return PAGE_DONE;
	}
	if (p->q.status != DB_ASYNC_DONE)
		return page_failed(req, p);
	return req->method == HTTP_METHOD_POST ? confirmed(req, p) :
	    show(req, p);
}

/* Guessing links is slowed like guessing homepage links. */
static const struct page confirm_page = {
	.who = PAGE_LINK, .title = "confirm", .limit = RATELIMIT_TOKEN,
	.flags = PAGE_OWN_ERRORS, .query = confirm_query,
	.answer = confirm_answer,
	.not_found = { "Not found", "This confirmation link is not valid: "
	    "it was already used, replaced by a newer one, or it expired." },
};

int
page_confirm(struct http_request *req)
{
	return page_run(req, &confirm_page);
}
