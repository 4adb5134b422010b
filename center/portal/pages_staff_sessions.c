/* SPDX-License-Identifier: ISC */
/*
 * Staff sessions and API tokens.
 *   GET  /staff/sessions         the open ones: one's own, every account's
 *                                for admins; which is this browser
 *   POST /staff/sessions/revoke  session: ends it (one's own, or any for
 *                                admins); its cookie or bearer token stops
 *                                working at once
 * faxcenter-staff passwd and disable end all of an account's.
 */
#include "app.h"
#include "page_auth.h"
#include "staff.h"
#include "staff_table.h"

int	page_staff_sessions(struct http_request *);
int	page_staff_session_revoke(struct http_request *);

enum sessions_col {
	SESSIONS_COL_TAG = 0,		/* 'S' */
	SESSIONS_ID,
	SESSIONS_USER,
	SESSIONS_KIND,
	SESSIONS_CREATED,
	SESSIONS_EXPIRES,
	SESSIONS_THIS,
	SESSIONS_LABEL,			/* the revoke form's choice */
};

static const char sql_sessions[] =
	"SELECT 'S', s.id, u.username, "
	"IF(s.kind = 'api', 'API token', 'browser'), "
	"DATE_FORMAT(s.created_at, '%Y-%m-%d %H:%i UTC'), "
	"DATE_FORMAT(s.expires_at, '%Y-%m-%d %H:%i UTC'), "
	"IF(s.token_hash = ?, 'this browser', ''), "
	"CONCAT(u.username, ': ', IF(s.kind = 'api', 'API token', 'browser'), "
	"' ', s.id) FROM sessions s JOIN staff_users u ON u.id = s.staff_user_id "
	"WHERE s.expires_at > NOW(6) AND (s.staff_user_id = ? OR ? = 1) "
	"ORDER BY s.id DESC LIMIT 500";

static const char sql_revoke[] =
	"DELETE FROM sessions WHERE id = ? AND (staff_user_id = ? OR ? = 1)";

static int
is_admin(struct portal *p)
{
	return (page_role_bits(p->staff_role) & ROLE_ADMIN) != 0;
}

static int
sessions_query(struct http_request *req, struct portal *p)
{
	struct db_val	arg[3];

	arg[0] = DB_BLOB(p->cookie_hash, TOKEN_HASH_LEN);
	arg[1] = DB_INT(p->staff_id);
	arg[2] = DB_INT(is_admin(p));
	db_async_start(&p->q, req, sql_sessions, arg, 3);
	return PAGE_QUERY;
}

static void
sessions_render(struct kore_buf *buf, struct portal *p)
{
	static const struct staff_column cols[] = {
		{ "Id", SESSIONS_ID }, { "Account", SESSIONS_USER },
		{ "Kind", SESSIONS_KIND }, { "Opened", SESSIONS_CREATED },
		{ "Expires", SESSIONS_EXPIRES }, { "Note", SESSIONS_THIS },
		{ NULL, 0 },
	};
	static const struct staff_choice session = { "session",
	    SESSIONS_COL_TAG, 'S', SESSIONS_ID, SESSIONS_LABEL, "Session" };
	static const struct staff_field none[] = { { NULL, NULL, NULL } };

	staff_table(buf, p, SESSIONS_COL_TAG, 'S', cols);
	staff_form(buf, p, &p->q, "/staff/sessions/revoke",
	    "Revoke a session or API token", &session, none);
}

static const struct page sessions_page = {
	.who = PAGE_STAFF, .title = "Sessions and API tokens",
	.roles = ROLE_ANY, .query = sessions_query, .render = sessions_render,
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
