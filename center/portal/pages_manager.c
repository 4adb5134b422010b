/* SPDX-License-Identifier: ISC */
/*
 * The manager's homepage.
 *   GET /home     the homepage for the session cookie.
 * Every request first reads the session and the versions its page is
 * drawn from (home_check.c: key reads, shared with the requests that
 * arrive while the worker's checks run); a page this
 * worker drew at those versions, whose clock-bound parts still hold, is
 * sent again (x-cache: hit), else the page's statement runs and the page
 * is kept (home_cache.h). So a page shows every change committed before
 * the request began. The e-mailed link that opens a session:
 * pages_manager_enter.c. What the page shows and how it looks:
 * home_render.c.
 */
#include <string.h>

#include "home.h"
#include "home_cache.h"
#include "home_check.h"
#include "html.h"
#include "page.h"

int	page_manager_home(struct http_request *);

/* An open homepage looks again now and then: what was taken care of goes. */
#define HOME_REFRESH	"300; url=/home"

enum { STEP_CHECK, STEP_PAGE };

int
home_page_query(struct http_request *req, struct portal *p)
{
	home_start(&p->q, req, p->cookie_hash);
	return PAGE_QUERY;
}

static int
signed_out(struct http_request *req)
{
	portal_set_cookie(req, COOKIE_MANAGER, NULL, 0);
	html_message(req, 403, "Signed out", "To see your terminals, "
	    "follow the link in the latest e-mail from the service center.");
	return PAGE_DONE;
}

static int
home_query(struct http_request *req, struct portal *p)
{
	home_check_start(req, p);
	p->step = STEP_CHECK;
	return PAGE_WAIT;
}

/* The kept page if it is current, else the page's statement. */
static int
home_checked(struct http_request *req, struct portal *p)
{
	struct home_stamp	 now;	/* its until: the database's clock */
	struct kore_buf		*buf;
	const void		*cached;
	size_t			 len;

	switch (home_check_result(req, p, &now)) {
	case HOME_CHECK_WAITING:
		return PAGE_WAIT;
	case HOME_CHECK_NO_SESSION:
		return signed_out(req);
	case HOME_CHECK_FAILED:
		return page_failed(req, p);
	case HOME_CHECK_CURRENT:
		break;
	}
	if ((cached = home_cache_get(p->cookie_hash, &now, now.until,
	    &len)) != NULL) {
		buf = kore_buf_alloc(len);
		kore_buf_append(buf, cached, len);
		http_response_header(req, "x-cache", "hit");
		http_response_header(req, "refresh", HOME_REFRESH);
		html_send(req, 200, buf);
		return PAGE_DONE;
	}
	p->step = STEP_PAGE;
	return home_page_query(req, p);
}

int
home_page_show(struct http_request *req, struct portal *p)
{
	struct home_stamp	 stamp;
	struct kore_buf		*buf;

	if (p->q.rows == 0)		/* the session expired or was ended */
		return signed_out(req);
	buf = kore_buf_alloc(16384);
	home_render(buf, &p->q, p->cookie);
	if (home_stamp(&p->q, &stamp) == 0)
		home_cache_put(p->cookie_hash, &stamp, buf->data, buf->offset);
	http_response_header(req, "refresh", HOME_REFRESH);
	html_send(req, 200, buf);
	return PAGE_DONE;
}

static int
home_answer(struct http_request *req, struct portal *p)
{
	if (p->step == STEP_CHECK)
		return home_checked(req, p);
	if (p->q.status != DB_ASYNC_DONE)
		return page_failed(req, p);
	return home_page_show(req, p);
}

/* Its own errors: the check is not p->q. */
static const struct page home_page = {
	.who = PAGE_MANAGER, .title = "home", .query = home_query,
	.answer = home_answer, .flags = PAGE_OWN_ERRORS,
};

int
page_manager_home(struct http_request *req)
{
	return page_run(req, &home_page);
}
