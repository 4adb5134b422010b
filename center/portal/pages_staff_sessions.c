/* SPDX-License-Identifier: ISC */
/*
 * Staff sessions and API tokens.
 *   GET  /staff/sessions         the open ones, newest first, paged
 *                                (paging.h) and filtered by kind (web, api)
 *                                and account: one's own, every account's
 *                                for admins; which is this browser; a
 *                                button to revoke each
 *   POST /staff/sessions/revoke  session: ends it (one's own, or any for
 *                                admins); its cookie or bearer token stops
 *                                working at once
 * faxcenter-staff passwd and disable end all of an account's.
 */
#include <string.h>

#include "app.h"
#include "html.h"
#include "page_auth.h"
#include "paging.h"
#include "staff.h"
#include "staff_table.h"

int	page_staff_sessions(struct http_request *);
int	page_staff_session_revoke(struct http_request *);

enum sessions_col {
	SESSIONS_ID,
	SESSIONS_USER,
	SESSIONS_KIND,
	SESSIONS_CREATED,
	SESSIONS_EXPIRES,
	SESSIONS_THIS,
};

/* One's own sessions, or an admin's every account's (sessions_user). */
#define SESSIONS_WHERE							\
	"FROM sessions s JOIN staff_users u ON u.id = s.staff_user_id "	\
	"WHERE s.expires_at > NOW(6) AND (s.staff_user_id = ? OR ? = 1) " \
	"AND (? IS NULL OR s.kind = ?) AND (? IS NULL OR u.username = ?) "

/* The first parameter tells this browser's session. */
#define SESSIONS_SELECT							\
	"SELECT STRAIGHT_JOIN s.id, u.username, "			\
	"IF(s.kind = 'api', 'API token', 'browser'), "			\
	"DATE_FORMAT(s.created_at, '%Y-%m-%d %H:%i UTC'), "		\
	"DATE_FORMAT(s.expires_at, '%Y-%m-%d %H:%i UTC'), "		\
	"IF(s.token_hash = ?, 'this browser', '') "

static const char *const sessions_filter_names[] = { "kind", "account", NULL };

static const char sql_revoke[] =
	"DELETE FROM sessions WHERE id = ? AND (staff_user_id = ? OR ? = 1)";

static int
is_admin(struct portal *p)
{
	return (page_role_bits(p->staff_role) & ROLE_ADMIN) != 0;
}

static int
sessions_filters(struct http_request *req, struct portal *p,
    struct db_val *v, unsigned int *n)
{
	const char	*kind = portal_arg(req, "kind");
	const char	*account = portal_arg(req, "account");

	if (kind != NULL && strcmp(kind, "web") != 0 &&
	    strcmp(kind, "api") != 0) {
		(void)paging_refuse(req, p, "kind must be web or api");
		return -1;
	}
	v[0] = DB_BLOB(p->cookie_hash, TOKEN_HASH_LEN);
	v[1] = DB_INT(p->staff_id);
	v[2] = DB_INT(is_admin(p));
	v[3] = v[4] = kind != NULL ? DB_STR(kind) : DB_NULL();
	v[5] = v[6] = account != NULL ? DB_STR(account) : DB_NULL();
	*n = 7;
	return 0;
}

static const struct paging_list sessions_list = {
	.count = "SELECT COUNT(*) FROM (SELECT s.token_hash = ? "
	    SESSIONS_WHERE "LIMIT " PAGING_COUNT_FETCH ") x",
	.forward = SESSIONS_SELECT SESSIONS_WHERE
	    "AND s.id < ? ORDER BY s.id DESC LIMIT ?",
	.backward = SESSIONS_SELECT SESSIONS_WHERE
	    "AND s.id > ? ORDER BY s.id LIMIT ?",
	.descending = 1,
	.key_col = SESSIONS_ID,
	.filters = sessions_filters,
	.names = sessions_filter_names,
};

/* A button that revokes the row's session. */
static void
revoke_button(struct kore_buf *buf, struct portal *p, unsigned int r)
{
	kore_buf_appendf(buf, "<td><form method=\"post\" "
	    "action=\"/staff/sessions/revoke\">");
	portal_csrf_field(buf, p->cookie);
	html_wrap(buf, "<input type=\"hidden\" name=\"session\" value=\"",
	    db_async_cell(&p->q, r, SESSIONS_ID), "\">"
	    "<button type=\"submit\">Revoke</button></form></td>");
}

static void
sessions_render(struct kore_buf *buf, struct portal *p)
{
	static const struct staff_column cols[] = {
		{ "Id", SESSIONS_ID }, { "Account", SESSIONS_USER },
		{ "Kind", SESSIONS_KIND }, { "Opened", SESSIONS_CREATED },
		{ "Expires", SESSIONS_EXPIRES }, { "Note", SESSIONS_THIS },
		{ "Revoke", SESSIONS_ID }, { NULL, 0 },
	};

	html_wrap(buf, "<form method=\"get\" action=\"/staff/sessions\" "
	    "class=\"filters\"><label>Kind (web, api) <input name=\"kind\" "
	    "value=\"", portal_arg(p->q.req, "kind"), "\"></label>\n");
	html_wrap(buf, "<label>Account <input name=\"account\" value=\"",
	    portal_arg(p->q.req, "account"), "\"></label>\n"
	    "<button type=\"submit\">Find</button></form>\n");
	paging_table_tail(buf, p, cols, revoke_button);
}

static const struct page sessions_page = {
	.who = PAGE_STAFF, .title = "Sessions and API tokens",
	.roles = ROLE_ANY, .paging = &sessions_list, .render = sessions_render,
};

int
page_staff_sessions(struct http_request *req)
{
	return page_run(req, &sessions_page);
}

static int
revoke_query(struct http_request *req, struct portal *p)
{
	struct db_val	arg[3];

	if ((p->obj = portal_arg_id(req, "session")) < 0)
		return page_not_found(req, p);
	arg[0] = DB_INT(p->obj);
	arg[1] = DB_INT(p->staff_id);
	arg[2] = DB_INT(is_admin(p));
	staff_audit_detail(p, "session revoked");
	db_async_start(&p->q, req, sql_revoke, arg, 3);
	return PAGE_QUERY;
}

static const struct page revoke_page = {
	.who = PAGE_STAFF, .title = "Revoke", .roles = ROLE_ANY,
	.query = revoke_query, .audit = "session.revoke",
	.next = "/staff/sessions", STAFF_ACTION_WORDS,
};

int
page_staff_session_revoke(struct http_request *req)
{
	return page_run(req, &revoke_page);
}
