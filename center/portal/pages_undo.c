/* SPDX-License-Identifier: ISC */
/*
 * /confirm/undo/TOKEN: the previous manager of a terminal undoes a change
 * of its manager, within the window the e-mail names (faxcenter-outbox
 * mails the link). GET shows the change and a button (a mail scanner
 * fetching links changes nothing); POST restores the previous manager and
 * locks the terminal's manager, so no registration changes it until staff
 * unlock it (faxcenter-staff unlock). The terminals' trigger audits it.
 */
#include "html.h"
#include "page.h"

int	page_undo(struct http_request *);

static const char sql_change[] =
	"SELECT t.terminal_uid, pm.email, COALESCE(nm.email, 'nobody') "
	"FROM terminals t JOIN managers pm ON pm.id = t.prev_manager_id "
	"LEFT JOIN managers nm ON nm.id = t.manager_id "
	"WHERE t.undo_hash = ? AND t.undo_expires_at > NOW(6) "
	"AND t.manager_locked_at IS NULL";
enum { CHANGE_TERMINAL, CHANGE_PREVIOUS, CHANGE_NEW };

/* Left to right: manager_since takes the previous start before the
 * link is spent. */
static const char sql_undo[] =
	"UPDATE terminals SET manager_id = prev_manager_id, "
	"manager_since = prev_manager_since, manager_locked_at = NOW(6), "
	"undo_hash = NULL, undo_expires_at = NULL "
	"WHERE undo_hash = ? AND undo_expires_at > NOW(6) "
	"AND manager_locked_at IS NULL AND prev_manager_id IS NOT NULL";

static int
undo_query(struct http_request *req, struct portal *p)
{
	return page_link_query(req, p, sql_change, sql_undo);
}

static int
show(struct http_request *req, struct portal *p)
{
	struct kore_buf	*buf;

	if (p->q.rows == 0)
		return page_not_found(req, p);
	buf = kore_buf_alloc(2048);
	html_begin(buf, "Undo the change of manager");
	kore_buf_appendf(buf, "<p>Terminal <strong>");
	html_text(buf, db_async_cell(&p->q, 0, CHANGE_TERMINAL));
	kore_buf_appendf(buf, "</strong> now has <strong>");
	html_text(buf, db_async_cell(&p->q, 0, CHANGE_NEW));
	kore_buf_appendf(buf, "</strong> as its manager instead of <strong>");
	html_text(buf, db_async_cell(&p->q, 0, CHANGE_PREVIOUS));
	kore_buf_appendf(buf, "</strong>.</p>\n"
	    "<form method=\"post\"><button type=\"submit\">"
	    "Undo: make me its manager again</button></form>\n"
	    "<p>Undoing also locks its manager: no registration changes it "
	    "until the service center's staff unlock it.</p>\n");
	html_end(buf);
	html_send(req, 200, buf);
	return PAGE_DONE;
}

static int
undo_answer(struct http_request *req, struct portal *p)
{
	if (p->q.status != DB_ASYNC_DONE)
		return page_failed(req, p);
	if (req->method != HTTP_METHOD_POST)
		return show(req, p);
	if (p->q.affected == 0)
		return page_not_found(req, p);
	html_message(req, 200, "Change undone", "You are this terminal's "
	    "manager again, and its manager is locked until the service "
	    "center's staff unlock it.");
	return PAGE_DONE;
}

static const struct page undo_page = {
	.who = PAGE_LINK, .title = "undo", .limit = RATELIMIT_TOKEN,
	.flags = PAGE_OWN_ERRORS, .query = undo_query, .answer = undo_answer,
	.not_found = { "Not found", "This link is not valid: the change was "
	    "already undone, another change followed, or the time to undo "
	    "it is over." },
};

int
page_undo(struct http_request *req)
{
	return page_run(req, &undo_page);
}
