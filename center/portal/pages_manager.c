/* SPDX-License-Identifier: ISC */
/*
 * The manager's homepage.
 *   GET /home     the homepage for the session cookie (from home_cache.h
 *                 unless it is too old or ?fresh is asked).
 * The e-mailed link that opens a session: pages_manager_enter.c. What the
 * page shows and how it looks: home_render.c.
 */
#include <string.h>

#include "home.h"
#include "home_cache.h"
#include "html.h"
#include "page.h"

int	page_manager_home(struct http_request *);

/* An open homepage looks again now and then: what was taken care of goes. */
#define HOME_REFRESH	"300; url=/home"

int
home_page_query(struct http_request *req, struct portal *p)
{
	home_start(&p->q, req, p->cookie_hash);
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
	return home_page_query(req, p);
}

int
home_page_show(struct http_request *req, struct portal *p)
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

static const struct page home_page = {
	.who = PAGE_MANAGER, .title = "home", .query = home_query,
	.answer = home_page_show,
};

int
page_manager_home(struct http_request *req)
{
	return page_run(req, &home_page);
}
