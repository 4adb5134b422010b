/* The staff pages' common run: session, role, CSRF, statement, audit. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "html.h"
#include "staff.h"

enum { S_AUTH, S_AUTHED, S_DONE, S_AUDITED };

static const char sql_session[] =
	"SELECT u.id, u.username, u.role FROM sessions s "
	"JOIN staff_users u ON u.id = s.staff_user_id "
	"WHERE s.token_hash = ? AND s.expires_at > NOW(6) "
	"AND u.disabled_at IS NULL";

static const char sql_audit[] =
	"INSERT INTO audit_log (actor, action, subject, detail) "
	"VALUES (?, ?, ?, ?)";

struct audit_detail {
	char	subject[64];
	char	detail[512];
};

unsigned int
staff_role_bit(const char *role)
{
	if (role == NULL)
		return 0;
	if (!strcmp(role, "admin"))
		return ROLE_ADMIN | ROLE_DESK | ROLE_DISPATCH | ROLE_STAFF;
	if (!strcmp(role, "desk"))
		return ROLE_DESK | ROLE_STAFF;
	if (!strcmp(role, "dispatch"))
		return ROLE_DISPATCH | ROLE_STAFF;
	if (!strcmp(role, "staff"))
		return ROLE_STAFF;
	return 0;
}

void
staff_nav(struct kore_buf *buf, struct portal *p)
{
	unsigned int	roles = staff_role_bit(p->staff_role);

	kore_buf_appendf(buf, "<nav class=\"staff\"><a href=\"/staff\">Fleet"
	    "</a>");
	if (roles & ROLE_DESK)
		kore_buf_appendf(buf, " <a href=\"/staff/orders\">Orders</a> "
		    "<a href=\"/staff/catalogue\">Consumables</a> "
		    "<a href=\"/staff/guides\">Product guides</a>");
	if (roles & ROLE_DISPATCH)
		kore_buf_appendf(buf, " <a href=\"/staff/technicians\">"
		    "Technicians</a>");
	if (roles & ROLE_ADMIN)
		kore_buf_appendf(buf, " <a href=\"/staff/audit\">Audit log"
		    "</a>");
	kore_buf_appendf(buf, " <form class=\"logout\" method=\"post\" "
	    "action=\"/staff/logout\">");
	portal_csrf_field(buf, p->cookie);
	html_wrap(buf, "<span class=\"who\">", p->staff_name, " (");
	html_text(buf, p->staff_role);
	kore_buf_appendf(buf, ")</span> <button type=\"submit\">Sign out"
	    "</button></form></nav>\n");
}

void
staff_audit_detail(struct portal *p, const char *fmt, ...)
{
	struct audit_detail	*a;
	va_list			 ap;
	int			 n;

	if (p->page == NULL)
		p->page = kore_calloc(1, sizeof(*a));
	a = p->page;
	va_start(ap, fmt);
	n = vsnprintf(a->detail, sizeof(a->detail), fmt, ap);
	va_end(ap);
	/* The action is done either way: say in the log that text is cut. */
	if (n < 0)
		a->detail[0] = '\0';
	else if ((size_t)n >= sizeof(a->detail))
		memcpy(a->detail + sizeof(a->detail) - 4, "...", 4);
	(void)snprintf(a->subject, sizeof(a->subject), "%lld", p->obj);
}

static int
auth_start(struct http_request *req, struct portal *p)
{
	struct db_val	arg[1];

	if (portal_cookie(req, p, COOKIE_STAFF)) {
		if (req->method == HTTP_METHOD_GET)
			return portal_redirect(req, "/staff/login");
		html_message(req, 403, "Signed out", "Sign in again.");
		return HTTP_STATE_COMPLETE;
	}
	arg[0] = DB_BLOB(p->cookie_hash, TOKEN_HASH_LEN);
	db_async_start(&p->q, req, sql_session, arg, 1);
	req->fsm_state = S_AUTHED;
	return HTTP_STATE_RETRY;
}

static int
authed(struct http_request *req, struct portal *p,
    const struct staff_page *page)
{
	if (p->q.status != DB_ASYNC_DONE)
		return portal_db_error(req, "staff session");
	if (p->q.rows == 0) {
		portal_set_cookie(req, COOKIE_STAFF, NULL, 0);
		if (req->method == HTTP_METHOD_GET)
			return portal_redirect(req, "/staff/login");
		html_message(req, 403, "Signed out", "Sign in again.");
		return HTTP_STATE_COMPLETE;
	}
	p->staff_id = strtoll(db_async_cell(&p->q, 0, 0), NULL, 10);
	(void)snprintf(p->staff_name, sizeof(p->staff_name), "%s",
	    db_async_cell(&p->q, 0, 1));
	(void)snprintf(p->staff_role, sizeof(p->staff_role), "%s",
	    db_async_cell(&p->q, 0, 2));
	if (!(staff_role_bit(p->staff_role) & page->roles)) {
		html_message(req, 403, "Not allowed", "Your role does not "
		    "include this page.");
		return HTTP_STATE_COMPLETE;
	}
	if (req->method == HTTP_METHOD_POST && !csrf_valid(req, p->cookie)) {
		html_message(req, 400, "Cannot do that", "This form has "
		    "expired: reload the page and try again.");
		return HTTP_STATE_COMPLETE;
	}
	req->fsm_state = S_DONE;
	if (page->start(req, p))
		return HTTP_STATE_COMPLETE;
	return HTTP_STATE_RETRY;
}

static int
done(struct http_request *req, struct portal *p,
    const struct staff_page *page)
{
	struct audit_detail	*a = p->page;
	struct kore_buf		*buf;
	struct db_val		 arg[4];

	if (p->q.status != DB_ASYNC_DONE) {
		if (page->audit != NULL &&
		    strstr(p->q.error, "Duplicate entry") != NULL) {
			html_message(req, 409, "Already there",
			    "That entry exists already.");
			return HTTP_STATE_COMPLETE;
		}
		return portal_db_error(req, page->title);
	}
	if (page->audit == NULL) {
		buf = kore_buf_alloc(16384);
		html_begin(buf, page->title);
		staff_nav(buf, p);
		page->render(buf, p);
		html_end(buf);
		html_send(req, 200, buf);
		return HTTP_STATE_COMPLETE;
	}
	if (p->q.affected == 0) {
		html_message(req, 404, "Not found", "Nothing matched: the "
		    "entry does not exist or is closed.");
		return HTTP_STATE_COMPLETE;
	}
	arg[0] = DB_STR(p->staff_name);
	arg[1] = DB_STR(page->audit);
	arg[2] = DB_STR(a != NULL ? a->subject : "");
	arg[3] = DB_STR(a != NULL ? a->detail : "");
	db_async_start(&p->q, req, sql_audit, arg, 4);
	req->fsm_state = S_AUDITED;
	return HTTP_STATE_RETRY;
}

int
staff_run(struct http_request *req, const struct staff_page *page)
{
	struct portal	*p = portal_get(req);

	if (req->fsm_state != S_AUTH && db_async_pending(&p->q))
		return KORE_RESULT_RETRY;
	switch (req->fsm_state) {
	case S_AUTH:
		if (auth_start(req, p) == HTTP_STATE_RETRY)
			return KORE_RESULT_RETRY;
		return KORE_RESULT_OK;
	case S_AUTHED:
		if (authed(req, p, page) == HTTP_STATE_RETRY)
			return KORE_RESULT_RETRY;
		return KORE_RESULT_OK;
	case S_DONE:
		if (done(req, p, page) == HTTP_STATE_RETRY)
			return KORE_RESULT_RETRY;
		return KORE_RESULT_OK;
	default:
		/* The audit row is written; a failure there is only logged. */
		if (p->q.status != DB_ASYNC_DONE)
			kore_log(LOG_WARNING, "audit: %s", p->q.error);
		portal_redirect(req, page->next);
		return KORE_RESULT_OK;
	}
}
