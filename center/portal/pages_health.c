/* SPDX-License-Identifier: ISC */
/*
 * GET /healthz: 200 "ok" when this worker reaches the database, else 503.
 * For load balancers and the tests.
 */
#include "page.h"

int	page_health(struct http_request *);

static int
health_answer(struct http_request *req, struct portal *p)
{
	static const char	 ok[] = "ok\n", down[] = "database unavailable\n";

	http_response_header(req, "content-type", "text/plain");
	http_response_header(req, "cache-control", "no-store");
	if (p->q.status == DB_ASYNC_DONE)
		http_response(req, 200, ok, sizeof(ok) - 1);
	else
		http_response(req, 503, down, sizeof(down) - 1);
	return PAGE_DONE;
}

static const struct page health_page = {
	.who = PAGE_PUBLIC, .title = "health", .flags = PAGE_OWN_ERRORS,
	.sql = "SELECT 1", .answer = health_answer,
};

int
page_health(struct http_request *req)
{
	return page_run(req, &health_page);
}
