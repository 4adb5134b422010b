/* SPDX-License-Identifier: ISC */
/*
 * What a manager does on the homepage, each one POST with the session
 * cookie and the page's CSRF token, each one statement that checks the
 * object belongs to the session's manager (no match changes nothing):
 *   POST /home/order   notice, consumable, quantity: order for a shortage
 *   POST /home/book    notice, slot: book a service visit (once per slot)
 *   POST /home/logout  end the session
 *   POST /home/rotate  rotate access: the links in earlier e-mails and the
 *                      manager's other sessions stop working (the next
 *                      e-mail brings a new link)
 * What changed something goes into the audit log, as the manager.
 */
#include <stdio.h>
#include <string.h>

#include "home_cache.h"
#include "html.h"
#include "page.h"

int	page_manager_order(struct http_request *);
int	page_manager_book(struct http_request *);
int	page_manager_logout(struct http_request *);
int	page_manager_rotate(struct http_request *);

/* At most one open order per notice: the NOT EXISTS answers 404 to a
 * second order, orders_one_open (migration 0060) 409 to a racing one. */
static const char sql_order[] =
	"INSERT INTO orders (notice_id, terminal_id, manager_id, "
	"consumable_id, quantity) "
	"SELECT n.id, t.id, s.manager_id, c.id, ? "
	"FROM manager_sessions s "
	"JOIN terminals t ON t.manager_id = s.manager_id "
	"JOIN notices n ON n.terminal_id = t.id AND n.closed_at IS NULL "
	"  AND n.kind = 'supply' "
	"JOIN consumables c ON c.model_id = t.model_id "
	"WHERE s.token_hash = ? AND s.expires_at > NOW(6) AND n.id = ? "
	"AND c.id = ? AND c.retired_at IS NULL AND NOT EXISTS (SELECT 1 FROM orders o "
	"  WHERE o.notice_id = n.id AND o.state IN ('placed', 'scheduled'))";

/* A slot is held by one visit (visits_slot_held): the second booking of
 * a slot fails (409), on another Galera node too; a cancelled visit's
 * slot can be booked again; visits_one_booked keeps one per notice. */
static const char sql_book[] =
	"INSERT INTO visits (notice_id, terminal_id, manager_id, slot_id) "
	"SELECT n.id, t.id, s.manager_id, sl.id "
	"FROM manager_sessions s "
	"JOIN terminals t ON t.manager_id = s.manager_id "
	"JOIN notices n ON n.terminal_id = t.id AND n.closed_at IS NULL "
	"  AND n.kind IN ('fault', 'service') "
	"JOIN technician_slots sl ON sl.starts_at > NOW() "
	"  AND sl.removed_at IS NULL "
	"WHERE s.token_hash = ? AND s.expires_at > NOW(6) AND n.id = ? "
	"AND sl.id = ? AND NOT EXISTS (SELECT 1 FROM visits v "
	"  WHERE v.notice_id = n.id AND v.state = 'booked')";

static const char sql_logout[] =
	"DELETE FROM manager_sessions WHERE token_hash = ?";

static const char sql_rotate[] =
	"DELETE mt, o FROM manager_sessions s "
	"LEFT JOIN manager_tokens mt ON mt.manager_id = s.manager_id "
	"LEFT JOIN manager_sessions o ON o.manager_id = s.manager_id "
	"  AND o.id <> s.id "
	"WHERE s.token_hash = ? AND s.expires_at > NOW(6)";

static int
bad_request(struct http_request *req, const char *why)
{
	html_message(req, 400, "Cannot do that", why);
	return PAGE_DONE;
}

static int
session_query(struct http_request *req, struct portal *p)
{
	struct db_val	arg[1];

	arg[0] = DB_BLOB(p->cookie_hash, TOKEN_HASH_LEN);
	db_async_start(&p->q, req, strcmp(req->path, "/home/logout") == 0 ?
	    sql_logout : sql_rotate, arg, 1);
	return PAGE_QUERY;
}

static int
order_query(struct http_request *req, struct portal *p)
{
	long long	notice = portal_arg_id(req, "notice");
	long long	item = portal_arg_id(req, "consumable");
	long long	qty = portal_arg_id(req, "quantity");
	struct db_val	arg[4];

	if (notice < 0)
		return bad_request(req, "Which notice is this about?");
	if (item < 0 || qty < 1 || qty > 99)
		return bad_request(req, "Choose a consumable and a quantity "
		    "from 1 to 99.");
	arg[0] = DB_INT(qty);
	arg[1] = DB_BLOB(p->cookie_hash, TOKEN_HASH_LEN);
	arg[2] = DB_INT(notice);
	arg[3] = DB_INT(item);
	(void)snprintf(p->detail, sizeof(p->detail), "consumable %lld, "
	    "quantity %lld", item, qty);
	(void)snprintf(p->subject, sizeof(p->subject), "notice %lld", notice);
	/* Remembered for the redirect back to the notice. */
	p->obj = notice;
	db_async_start(&p->q, req, sql_order, arg, 4);
	return PAGE_QUERY;
}

static int
book_query(struct http_request *req, struct portal *p)
{
	long long	notice = portal_arg_id(req, "notice");
	long long	slot = portal_arg_id(req, "slot");
	struct db_val	arg[3];

	if (notice < 0)
		return bad_request(req, "Which notice is this about?");
	if (slot < 0)
		return bad_request(req, "Choose a time for the visit.");
	arg[0] = DB_BLOB(p->cookie_hash, TOKEN_HASH_LEN);
	arg[1] = DB_INT(notice);
	arg[2] = DB_INT(slot);
	(void)snprintf(p->detail, sizeof(p->detail), "slot %lld", slot);
	(void)snprintf(p->subject, sizeof(p->subject), "notice %lld", notice);
	p->obj = notice;
	db_async_start(&p->q, req, sql_book, arg, 3);
	return PAGE_QUERY;
}

/* Whatever came of it, the kept page is of no more use (the versions
 * moved, or the session ended). */
static int
action_answer(struct http_request *req, struct portal *p)
{
	home_cache_drop(p->cookie_hash);
	if (strcmp(req->path, "/home/logout") == 0) {
		portal_set_cookie(req, COOKIE_MANAGER, NULL, 0);
		html_message(req, 200, "Signed out", "You are signed out. The "
		    "link in the service center's e-mail signs you in again.");
		return PAGE_DONE;
	}
	if (p->q.status != DB_ASYNC_DONE)
		return page_failed(req, p);
	if (strcmp(req->path, "/home/rotate") == 0) {
		(void)snprintf(p->detail, sizeof(p->detail),
		    "links and other sessions stopped");
		return PAGE_AUDIT;
	}
	if (p->q.affected == 0)
		return page_not_found(req, p);
	return PAGE_AUDIT;
}

static int
rotated(struct http_request *req, struct portal *p)
{
	(void)p;
	html_message(req, 200, "Old links stopped", "The links in earlier "
	    "e-mails and your other sessions no longer work. This browser "
	    "stays signed in; the next e-mail from the service center brings "
	    "a new link.");
	return PAGE_DONE;
}

/* Fresh: another worker may hold an older copy of the page. */
static int
back_to_notice(struct http_request *req, struct portal *p)
{
	char	where[64];

	(void)snprintf(where, sizeof(where), "/home?fresh#notice-%lld", p->obj);
	portal_redirect(req, where);
	return PAGE_DONE;
}

#define MANAGER_ACTION							\
	.who = PAGE_MANAGER, .flags = PAGE_OWN_ERRORS,			\
	.answer = action_answer,					\
	.not_found = { "Not found", "That notice is not open on one of "	\
	    "your terminals, the choice does not fit it, or it is already "	\
	    "taken care of." }

static const struct page order_page = {
	MANAGER_ACTION, .title = "home action", .query = order_query,
	.audit = "order.place", .audited = back_to_notice,
	.duplicate = { "Already ordered", "An order for this notice was "
	    "placed a moment ago; it shows on your homepage." },
};
static const struct page book_page = {
	MANAGER_ACTION, .title = "home action", .query = book_query,
	.audit = "visit.book", .audited = back_to_notice,
	.duplicate = { "Already taken", "Somebody booked that time a moment "
	    "ago: choose another." },
};
static const struct page logout_page = {
	MANAGER_ACTION, .title = "home action", .query = session_query,
};
static const struct page rotate_page = {
	MANAGER_ACTION, .title = "home action", .query = session_query,
	.audit = "access.rotate", .audited = rotated,
};

int
page_manager_order(struct http_request *req)
{
	return page_run(req, &order_page);
}

int
page_manager_book(struct http_request *req)
{
	return page_run(req, &book_page);
}

int
page_manager_logout(struct http_request *req)
{
	return page_run(req, &logout_page);
}

int
page_manager_rotate(struct http_request *req)
{
	return page_run(req, &rotate_page);
}
