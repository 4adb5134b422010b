/* SPDX-License-Identifier: ISC */
/*
 * GET /home/toner/ID: the toner level of one of the session's terminals
 * over time, as SVG (the homepage's <img>). Another manager's terminal is
 * 404, as is a terminal that does not exist.
 */
#include <stdlib.h>
#include <string.h>

#include "chart_svg.h"
#include "page.h"

int	page_toner_chart(struct http_request *);

#define CHART_POINTS	200

/* A LEFT JOIN: a terminal of ours without readings still gives one row.
 * The readings start when this manager took charge of it. */
static const char sql_readings[] =
	"SELECT t.terminal_uid, UNIX_TIMESTAMP(r.at), r.level "
	"FROM manager_sessions s "
	"JOIN terminals t ON t.manager_id = s.manager_id "
	"LEFT JOIN toner_readings r ON r.terminal_id = t.id "
	"AND r.at >= COALESCE(t.manager_since, r.at) "
	"WHERE s.token_hash = ? AND s.expires_at > NOW(6) AND t.id = ? "
	"ORDER BY r.at DESC LIMIT 200";

enum { READING_TERMINAL, READING_AT, READING_LEVEL };

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

static int
chart_query(struct http_request *req, struct portal *p)
{
	struct db_val	 arg[2];
	const char	*slash = strrchr(req->path, '/');
	long long	 id = slash != NULL ? strtoll(slash + 1, NULL, 10) : 0;

	if (id <= 0)
		return page_not_found(req, p);
	arg[0] = DB_BLOB(p->cookie_hash, TOKEN_HASH_LEN);
	arg[1] = DB_INT(id);
	db_async_start(&p->q, req, sql_readings, arg, 2);
	return PAGE_QUERY;
}

static int
chart_draw(struct http_request *req, struct portal *p)
{
	struct chart_point	 pts[CHART_POINTS];
	struct kore_buf		*buf;
	unsigned int		 r, n = 0;

	if (p->q.rows == 0)
		return page_not_found(req, p);
	/* Rows come newest first; the chart runs left to right. */
	for (r = p->q.rows; r-- > 0 && n < CHART_POINTS;) {
		if (percent(db_async_cell(&p->q, r, READING_LEVEL),
		    &pts[n].level))
			continue;
		pts[n].at = (time_t)strtoll(db_async_cell(&p->q, r,
		    READING_AT), NULL, 10);
		n++;
	}
	buf = kore_buf_alloc(8192);
	chart_svg(buf, db_async_cell(&p->q, 0, READING_TERMINAL), pts, n);
	http_response_header(req, "content-type", "image/svg+xml");
	http_response_header(req, "cache-control", "private, max-age=60");
	http_response_header(req, "x-content-type-options", "nosniff");
	http_response_header(req, "content-security-policy",
	    "default-src 'none'; style-src 'unsafe-inline'");
	http_response(req, 200, buf->data, buf->offset);
	kore_buf_free(buf);
	return PAGE_DONE;
}

/* Another manager's terminal is not found, as is no session at all. */
static const struct page chart_page = {
	.who = PAGE_MANAGER, .title = "chart", .query = chart_query,
	.answer = chart_draw, .not_found = { "Not found", "No such chart." },
};

int
page_toner_chart(struct http_request *req)
{
	return page_run(req, &chart_page);
}
