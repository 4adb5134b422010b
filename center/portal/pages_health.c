/* SPDX-License-Identifier: ISC */
/*
 * GET /healthz: 200 "ok" when this worker reaches its database node and that
 * node accepts queries, else 503. For load balancers and the tests.
 *
 * On a Galera node "accepts queries" is wsrep_ready: a node cut off from the
 * primary component, or still joining, answers OFF (or refuses the query
 * outright), and a balancer should send its requests elsewhere. A server
 * without wsrep (wsrep_on = 0) reports wsrep_ready OFF too, so it counts as
 * ready whenever it answers.
 */
#include <string.h>

#include "page.h"

int	page_health(struct http_request *);

static int
health_answer(struct http_request *req, struct portal *p)
{
	static const char	 ok[] = "ok\n", down[] = "database unavailable\n",
				 unready[] = "database node not ready (wsrep)\n";
	const char		*ready;

	http_response_header(req, "content-type", "text/plain");
	http_response_header(req, "cache-control", "no-store");
	if (p->q.status != DB_ASYNC_DONE) {
		http_response(req, 503, down, sizeof(down) - 1);
		return PAGE_DONE;
	}
	ready = db_async_cell(&p->q, 0, 0);
	if (ready == NULL || strcmp(ready, "ON") != 0)
		http_response(req, 503, unready, sizeof(unready) - 1);
	else
		http_response(req, 200, ok, sizeof(ok) - 1);
	return PAGE_DONE;
}

static const struct page health_page = {
	.who = PAGE_PUBLIC, .title = "health", .flags = PAGE_OWN_ERRORS,
	.sql = "SELECT IF(@@global.wsrep_on, (SELECT VARIABLE_VALUE FROM "
	    "information_schema.GLOBAL_STATUS WHERE VARIABLE_NAME = "
	    "'WSREP_READY'), 'ON')",
	.answer = health_answer,
};

int
page_health(struct http_request *req)
{
	return page_run(req, &health_page);
}
