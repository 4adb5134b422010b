/*
 * GET /healthz: 200 "ok" when this worker reaches the database, else 503.
 * For load balancers and the tests.
 */
#include "app.h"

int	page_health(struct http_request *);

static int	health_query(struct http_request *);
static int	health_reply(struct http_request *);

enum { HEALTH_QUERY, HEALTH_REPLY };

static struct http_state health_states[] = {
	{ "HEALTH_QUERY", health_query },
	{ "HEALTH_REPLY", health_reply },
};

int
page_health(struct http_request *req)
{
	return http_state_run(health_states, 2, req);
}

static int
health_query(struct http_request *req)
{
	struct page_state	*st = page_state(req);

	db_async_start(&st->q, req, "SELECT 1", NULL, 0);
	req->fsm_state = HEALTH_REPLY;
	return db_async_next(&st->q);
}

static int
health_reply(struct http_request *req)
{
	struct page_state	*st = page_state(req);
	static const char	 ok[] = "ok\n", down[] = "database unavailable\n";

	if (db_async_pending(&st->q))
		return HTTP_STATE_RETRY;
	http_response_header(req, "content-type", "text/plain");
	http_response_header(req, "cache-control", "no-store");
	if (st->q.status == DB_ASYNC_DONE)
		http_response(req, 200, ok, sizeof(ok) - 1);
	else
		http_response(req, 503, down, sizeof(down) - 1);
	return HTTP_STATE_COMPLETE;
}
