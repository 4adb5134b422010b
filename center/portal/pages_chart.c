/*
 * GET /home/toner/ID: the toner level of one of the session's terminals
 * over time, as SVG (the homepage's <img>). Another manager's terminal is
 * 404, as is a terminal that does not exist.
 */
#include <stdlib.h>

#include "app.h"
#include "chart_svg.h"
#include "html.h"
#include "portal.h"

int	page_toner_chart(struct http_request *);

#define CHART_POINTS	200

/* A LEFT JOIN: a terminal of ours without readings still gives one row. */
static const char sql_readings[] =
	"SELECT t.terminal_uid, UNIX_TIMESTAMP(r.at), r.level "
	"FROM manager_sessions s "
	"JOIN terminals t ON t.manager_id = s.manager_id "
	"LEFT JOIN toner_readings r ON r.terminal_id = t.id "
	"WHERE s.token_hash = ? AND s.expires_at > NOW(6) AND t.id = ? "
	"ORDER BY r.at DESC LIMIT 200";

static int	chart_start(struct http_request *);
static int	chart_draw(struct http_request *);

enum { CHART_START, CHART_DRAW };

static struct http_state chart_states[] = {
	{ "CHART_START", chart_start },
	{ "CHART_DRAW", chart_draw },
};

/* A reading's level: 0 to 100, or -1 (NULL, the LEFT JOIN's empty row). */
static int
percent(const char *cell, int *level)
{
	char	*end;
	long	 v;

	if (cell == NULL)
		return -1;
	v = strtol(cell, &end, 10);
	if (end == cell || *end != '\0' || v < 0 || v > 100)
		return -1;
	*level = (int)v;
	return 0;
}

int
page_toner_chart(struct http_request *req)
{
	return http_state_run(chart_states, 2, req);
}

static int
chart_start(struct http_request *req)
{
	struct portal	*p = portal_get(req);
	struct db_val	 arg[2];
	const char	*slash = strrchr(req->path, '/');
	long long	 id = slash != NULL ? strtoll(slash + 1, NULL, 10) : 0;

	if (portal_cookie(req, p, COOKIE_MANAGER) || id <= 0) {
		html_message(req, 404, "Not found", "No such chart.");
		return HTTP_STATE_COMPLETE;
	}
	arg[0] = DB_BLOB(p->cookie_hash, TOKEN_HASH_LEN);
	arg[1] = DB_INT(id);
	db_async_start(&p->q, req, sql_readings, arg, 2);
	req->fsm_state = CHART_DRAW;
	return db_async_next(&p->q);
}

static int
chart_draw(struct http_request *req)
{
	struct portal		*p = portal_get(req);
	struct chart_point	 pts[CHART_POINTS];
	struct kore_buf		*buf;
	unsigned int		 r, n = 0;

	if (db_async_pending(&p->q))
		return HTTP_STATE_RETRY;
	if (p->q.status != DB_ASYNC_DONE)
		return portal_db_error(req, "chart");
	if (p->q.rows == 0) {
		html_message(req, 404, "Not found", "No such chart.");
		return HTTP_STATE_COMPLETE;
	}
	/* Rows come newest first; the chart runs left to right. */
	for (r = p->q.rows; r-- > 0 && n < CHART_POINTS;) {
		if (percent(db_async_cell(&p->q, r, 2), &pts[n].level))
			continue;
		pts[n].at = (time_t)strtoll(db_async_cell(&p->q, r, 1),
		    NULL, 10);
		n++;
	}
	buf = kore_buf_alloc(8192);
	chart_svg(buf, db_async_cell(&p->q, 0, 0), pts, n);
	http_response_header(req, "content-type", "image/svg+xml");
	http_response_header(req, "cache-control", "private, max-age=60");
	http_response_header(req, "x-content-type-options", "nosniff");
	http_response_header(req, "content-security-policy",
	    "default-src 'none'; style-src 'unsafe-inline'");
	http_response(req, 200, buf->data, buf->offset);
	kore_buf_free(buf);
	return HTTP_STATE_COMPLETE;
}
