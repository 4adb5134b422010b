/* SPDX-License-Identifier: ISC */
/*
 * The manager's homepage.
 *   GET /m/TOKEN  the e-mailed link: opens a session (cookie) for the
 *                 token's manager and shows the homepage;
 *   GET /home     the homepage for the session cookie (from home_cache.h
 *                 unless it is too old or ?fresh is asked).
 * What the page shows and how it looks: home_render.c.
 */
#include <string.h>

#include "home.h"
#include "home_cache.h"
#include "html.h"
#include "page.h"

int	page_manager_enter(struct http_request *);
int	page_manager_home(struct http_request *);

/* An open homepage looks again now and then: what was taken care of goes. */
#define HOME_REFRESH	"300; url=/home"

static const char sql_open_session[] =
	"INSERT INTO manager_sessions (manager_id, token_hash, expires_at) "
	"SELECT manager_id, ?, NOW(6) + INTERVAL ? DAY FROM manager_tokens "
	"WHERE token_hash = ? AND expires_at > NOW(6)";

enum { HOME_SESSION, HOME_ROWS };

static int
query_home(struct http_request *req, struct portal *p)
{
	home_start(&p->q, req, p->cookie_hash);
	p->step = HOME_ROWS;
	return PAGE_QUERY;
}

static int
home_query(struct http_request *req, struct portal *p)
{
	const void	*cached;
	struct kore_buf	*buf;
	size_t		 len;

	if (req->query_string == NULL &&
	    (cached = home_cache_get(p->cookie_hash, &len)) != NULL) {
		buf = kore_buf_alloc(len);
		kore_buf_append(buf, cached, len);
		http_response_header(req, "x-cache", "hit");
		http_response_header(req, "refresh", HOME_REFRESH);
		html_send(req, 200, buf);
		return PAGE_DONE;
	}
	return query_home(req, p);
}

static int
enter_query(struct http_request *req, struct portal *p)
{
	struct db_val	arg[3];

	if (token_new(p->new_token, p->new_hash))
		return page_not_found(req, p);
	arg[0] = DB_BLOB(p->new_hash, TOKEN_HASH_LEN);
	arg[1] = DB_INT(MANAGER_SESSION_DAYS);
	arg[2] = DB_BLOB(p->link_hash, TOKEN_HASH_LEN);
	db_async_start(&p->q, req, sql_open_session, arg, 3);
	p->step = HOME_SESSION;
	return PAGE_QUERY;
}

static int
home_show(struct http_request *req, struct portal *p)
{
	struct kore_buf	*buf;

	if (p->q.rows == 0) {
		/* The session expired or was ended. */
		portal_set_cookie(req, COOKIE_MANAGER, NULL, 0);
		html_message(req, 403, "Signed out", "To see your terminals, "
		    "follow the link in the latest e-mail from the service "
		    "center.");
		return PAGE_DONE;
	}
	buf = kore_buf_alloc(16384);
	home_render(buf, &p->q, p->cookie);
	home_cache_put(p->cookie_hash, buf->data, buf->offset);
	http_response_header(req, "refresh", HOME_REFRESH);
	html_send(req, 200, buf);
	return PAGE_DONE;
}

static int
home_answer(struct http_request *req, struct portal *p)
{
	if (p->step == HOME_ROWS)
		return home_show(req, p);
	if (p->q.affected == 0)
		return page_not_found(req, p);
	portal_set_cookie(req, COOKIE_MANAGER, p->new_token,
	    MANAGER_SESSION_DAYS * 86400L);
	p->cookie = p->new_token;
	memcpy(p->cookie_hash, p->new_hash, TOKEN_HASH_LEN);
	return query_home(req, p);
}

static const struct page enter_page = {
	.who = PAGE_LINK, .title = "home session", .limit = RATELIMIT_TOKEN,
	.query = enter_query, .answer = home_answer,
	.not_found = { "Not found", "This link is not valid or has expired; "
	    "the next e-mail from the service center carries a new one." },
};

static const struct page home_page = {
	.who = PAGE_MANAGER, .title = "home", .query = home_query,
	.answer = home_answer,
};

int
page_manager_enter(struct http_request *req)
{
	return page_run(req, &enter_page);
}

int
page_manager_home(struct http_request *req)
{
	return page_run(req, &home_page);
}
