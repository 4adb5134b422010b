/*
 * The manager's homepage.
 *   GET /m/TOKEN  the e-mailed link: opens a session (cookie) for the
 *                 token's manager and shows the homepage;
 *   GET /home     the homepage for the session cookie (from home_cache.h
 *                 unless it is too old or ?fresh is asked).
 * What the page shows is in home_query.h; how it looks is home_render.c.
 */
#include <string.h>

#include "app.h"
#include "home.h"
#include "home_cache.h"
#include "html.h"
#include "home_query.h"
#include "portal.h"
#include "ratelimit.h"

int	page_manager_enter(struct http_request *);
int	page_manager_home(struct http_request *);

static int	home_start(struct http_request *);
static int	home_session(struct http_request *);
static int	home_show(struct http_request *);

enum { HOME_START, HOME_SESSION, HOME_SHOW };

/* An open homepage looks again now and then: what was taken care of goes. */
#define HOME_REFRESH	"300; url=/home"

static struct http_state home_states[] = {
	{ "HOME_START", home_start },
	{ "HOME_SESSION", home_session },
	{ "HOME_SHOW", home_show },
};

static const char sql_open_session[] =
	"INSERT INTO manager_sessions (manager_id, token_hash, expires_at) "
	"SELECT manager_id, ?, NOW(6) + INTERVAL ? DAY FROM manager_tokens "
	"WHERE token_hash = ? AND expires_at > NOW(6)";

static const char link_invalid[] = "This link is not valid or has "
	"expired; the next e-mail from the service center carries a new one.";

static int
home_signed_out(struct http_request *req)
{
	html_message(req, 403, "Signed out", "To see your terminals, follow "
	    "the link in the latest e-mail from the service center.");
	return HTTP_STATE_COMPLETE;
}

int
page_manager_enter(struct http_request *req)
{
	return http_state_run(home_states, 3, req);
}

int
page_manager_home(struct http_request *req)
{
	return http_state_run(home_states, 3, req);
}

static int
query_home(struct http_request *req, struct portal *p)
{
	struct db_val	arg[1];

	arg[0] = DB_BLOB(p->cookie_hash, TOKEN_HASH_LEN);
	db_async_start(&p->q, req, home_sql, arg, 1);
	req->fsm_state = HOME_SHOW;
	return db_async_next(&p->q);
}

static int
home_start(struct http_request *req)
{
	struct portal	*p = portal_get(req);
	unsigned char	 link_hash[TOKEN_HASH_LEN];
	const char	*slash = strrchr(req->path, '/');
	const void	*cached;
	struct kore_buf	*buf;
	struct db_val	 arg[3];
	size_t		 len;

	if (strcmp(req->path, "/home") == 0) {
		if (portal_cookie(req, p, COOKIE_MANAGER))
			return home_signed_out(req);
		if (req->query_string == NULL &&
		    (cached = home_cache_get(p->cookie_hash, &len)) != NULL) {
			buf = kore_buf_alloc(len);
			kore_buf_append(buf, cached, len);
			http_response_header(req, "x-cache", "hit");
			http_response_header(req, "refresh", HOME_REFRESH);
			html_send(req, 200, buf);
			return HTTP_STATE_COMPLETE;
		}
		return query_home(req, p);
	}
	if (!ratelimit_allow(req, RATELIMIT_TOKEN)) {
		html_message(req, 429, "Too many requests",
		    "Please wait a minute and try again.");
		return HTTP_STATE_COMPLETE;
	}
	if (slash == NULL || token_hash(slash + 1, strlen(slash + 1),
	    link_hash) || token_new(p->new_token, p->new_hash)) {
		html_message(req, 404, "Not found", link_invalid);
		return HTTP_STATE_COMPLETE;
	}
	arg[0] = DB_BLOB(p->new_hash, TOKEN_HASH_LEN);
	arg[1] = DB_INT(MANAGER_SESSION_DAYS);
	arg[2] = DB_BLOB(link_hash, TOKEN_HASH_LEN);
	db_async_start(&p->q, req, sql_open_session, arg, 3);
	req->fsm_state = HOME_SESSION;
	return db_async_next(&p->q);
}

static int
home_session(struct http_request *req)
{
	struct portal	*p = portal_get(req);

	if (db_async_pending(&p->q))
		return HTTP_STATE_RETRY;
	if (p->q.status != DB_ASYNC_DONE)
		return portal_db_error(req, "home session");
	if (p->q.affected == 0) {
		html_message(req, 404, "Not found", link_invalid);
		return HTTP_STATE_COMPLETE;
	}
	portal_set_cookie(req, COOKIE_MANAGER, p->new_token,
	    MANAGER_SESSION_DAYS * 86400L);
	p->cookie = p->new_token;
	memcpy(p->cookie_hash, p->new_hash, TOKEN_HASH_LEN);
	return query_home(req, p);
}

static int
home_show(struct http_request *req)
{
	struct portal	*p = portal_get(req);
	struct kore_buf	*buf;

	if (db_async_pending(&p->q))
		return HTTP_STATE_RETRY;
	if (p->q.status != DB_ASYNC_DONE)
		return portal_db_error(req, "home");
	if (p->q.rows == 0) {
		/* The session expired or was ended. */
		portal_set_cookie(req, COOKIE_MANAGER, NULL, 0);
		return home_signed_out(req);
	}
	buf = kore_buf_alloc(16384);
	home_render(buf, &p->q, p->cookie);
	home_cache_put(p->cookie_hash, buf->data, buf->offset);
	http_response_header(req, "refresh", HOME_REFRESH);
	html_send(req, 200, buf);
	return HTTP_STATE_COMPLETE;
}
