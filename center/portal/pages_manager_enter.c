/* SPDX-License-Identifier: ISC */
/*
 * The link in the center's e-mails.
 *   GET  /m/TOKEN  opens a session (cookie) for the token's manager and
 *                  shows the homepage; but when this browser holds another
 *                  manager's session, asks first
 *   POST /m/TOKEN  csrf (of the session held): the answer "switch"; ends
 *                  the session held and opens the token's
 * Asking keeps a stranger's link from swapping the manager's session for
 * the stranger's without a word (login CSRF): the manager would then
 * order and book on the stranger's homepage. The POST needs the held
 * session's CSRF token, so another site cannot answer for the manager.
 *
 * Steps (p->step):
 *	GET, no session held --------------------------> OPEN -> HOME
 *	GET, a session held --> WHO --same manager-----> OPEN -> HOME
 *	                             \--another: ask (a form), done
 *	POST, csrf of the held session --> END_HELD --> OPEN -> HOME
 */
#include <string.h>

#include "home.h"
#include "html.h"
#include "page.h"

int	page_manager_enter(struct http_request *);

enum { STEP_WHO, STEP_END_HELD, STEP_OPEN, STEP_HOME };

static const char sql_open_session[] =
	"INSERT INTO manager_sessions (manager_id, token_hash, expires_at) "
	"SELECT manager_id, ?, NOW(6) + INTERVAL ? DAY FROM manager_tokens "
	"WHERE token_hash = ? AND expires_at > NOW(6)";

/* The link's manager, and the held session's if it is another. */
static const char sql_who[] =
	"SELECT m.email, hm.email FROM manager_tokens t "
	"JOIN managers m ON m.id = t.manager_id "
	"LEFT JOIN manager_sessions h ON h.token_hash = ? "
	"AND h.expires_at > NOW(6) AND h.manager_id <> t.manager_id "
	"LEFT JOIN managers hm ON hm.id = h.manager_id "
	"WHERE t.token_hash = ? AND t.expires_at > NOW(6)";
enum { WHO_LINK_EMAIL, WHO_HELD_EMAIL };

static const char sql_end_held[] =
	"DELETE FROM manager_sessions WHERE token_hash = ?";

static int
open_session(struct http_request *req, struct portal *p)
{
	struct db_val	arg[3];

	if (token_new(p->new_token, p->new_hash))
		return page_not_found(req, p);
	arg[0] = DB_BLOB(p->new_hash, TOKEN_HASH_LEN);
	arg[1] = DB_INT(MANAGER_SESSION_DAYS);
	arg[2] = DB_BLOB(p->link_hash, TOKEN_HASH_LEN);
	db_async_start(&p->q, req, sql_open_session, arg, 3);
	p->step = STEP_OPEN;
	return PAGE_QUERY;
}

static int
enter_query(struct http_request *req, struct portal *p)
{
	struct db_val	arg[2];
	int		held = portal_cookie(req, p, COOKIE_MANAGER) == 0;

	if (req->method == HTTP_METHOD_POST) {
		if (!held || !csrf_valid(req, p->cookie)) {
			html_message(req, 400, "Cannot do that", "This form "
			    "has expired: follow the link in the e-mail "
			    "again.");
			return PAGE_DONE;
		}
		arg[0] = DB_BLOB(p->cookie_hash, TOKEN_HASH_LEN);
		db_async_start(&p->q, req, sql_end_held, arg, 1);
		p->step = STEP_END_HELD;
		return PAGE_QUERY;
	}
	if (!held)
		return open_session(req, p);
	arg[0] = DB_BLOB(p->cookie_hash, TOKEN_HASH_LEN);
	arg[1] = DB_BLOB(p->link_hash, TOKEN_HASH_LEN);
	db_async_start(&p->q, req, sql_who, arg, 2);
	p->step = STEP_WHO;
	return PAGE_QUERY;
}

/* Another manager's session is open here: switch only if asked to. */
static int
ask(struct http_request *req, struct portal *p)
{
	struct kore_buf	*buf = kore_buf_alloc(2048);

	html_begin(buf, "Switch to another homepage?");
	html_wrap(buf, "<p>This browser is signed in to the homepage of <b>",
	    db_async_cell(&p->q, 0, WHO_HELD_EMAIL), "</b>.</p>\n");
	html_wrap(buf, "<p>The link you followed opens the homepage of <b>",
	    db_async_cell(&p->q, 0, WHO_LINK_EMAIL), "</b>. If you did not "
	    "expect this, someone else may have sent you their link: stay "
	    "on your own homepage.</p>\n");
	kore_buf_appendf(buf, "<form method=\"post\" action=\"%s\">",
	    req->path);
	portal_csrf_field(buf, p->cookie);
	html_wrap(buf, "<button type=\"submit\">Switch to ",
	    db_async_cell(&p->q, 0, WHO_LINK_EMAIL), "</button></form>\n");
	kore_buf_appendf(buf, "<p><a href=\"/home\">Stay on my homepage</a>"
	    "</p>\n");
	html_end(buf);
	http_response_header(req, "cache-control", "no-store");
	html_send(req, 200, buf);
	return PAGE_DONE;
}

static int
enter_answer(struct http_request *req, struct portal *p)
{
	switch (p->step) {
	case STEP_WHO:
		if (p->q.rows == 0)
			return page_not_found(req, p);
		if (db_async_cell(&p->q, 0, WHO_HELD_EMAIL) != NULL)
			return ask(req, p);
		return open_session(req, p);
	case STEP_END_HELD:
		return open_session(req, p);
	case STEP_OPEN:
		if (p->q.affected == 0)
			return page_not_found(req, p);
		portal_set_cookie(req, COOKIE_MANAGER, p->new_token,
		    MANAGER_SESSION_DAYS * 86400L);
		p->cookie = p->new_token;
		memcpy(p->cookie_hash, p->new_hash, TOKEN_HASH_LEN);
		p->step = STEP_HOME;
		return home_page_query(req, p);
	default:
		return home_page_show(req, p);
	}
}

static const struct page enter_page = {
	.who = PAGE_LINK, .title = "home session", .limit = RATELIMIT_TOKEN,
	.query = enter_query, .answer = enter_answer,
	.not_found = { "Not found", "This link is not valid or has expired; "
	    "the next e-mail from the service center carries a new one." },
};

int
page_manager_enter(struct http_request *req)
{
	return page_run(req, &enter_page);
}
