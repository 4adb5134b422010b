/* SPDX-License-Identifier: ISC */
/*
 * Meter statements (order desk and admins): per terminal and month, the
 * pages printed, from the page counters of the meter reports
 * (meter_readings, schema version 87):
 *   GET /staff/meters?from=YYYY-MM&to=YYYY-MM      a table
 *   GET /staff/meters.csv?from=...&to=...          the same as CSV for a
 *                                                  billing system
 *   GET /api/v1/meters?from=...&to=...             the same as JSON
 * Without from and to: the last complete month. At most MONTHS_MAX months.
 *
 * Pages in a month = the last counter in the month minus the last counter
 * before it: the sum of the steps between consecutive readings whose
 * later reading falls in the month. A step down (a board swapped, a
 * counter reset) counts nothing and flags the month counter-went-back;
 * a terminal's first reading ever starts the count and flags its month
 * first-reading (pages before it are not known). Months without a
 * reading have no row: their pages are counted in the next month that
 * has one.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "app.h"
#include "csv.h"
#include "html.h"
#include "json.h"
#include "staff.h"

int	page_staff_meters(struct http_request *);
int	page_staff_meters_csv(struct http_request *);
int	api_meters(struct http_request *);

#define MONTHS_MAX	36

/* The CSV's and the API's columns, in order. */
enum meter_col {
	METER_TERMINAL,
	METER_MODEL,
	METER_SERIAL,
	METER_MONTH,
	METER_PERIOD_START,
	METER_PERIOD_END,
	METER_START_COUNT,
	METER_END_COUNT,
	METER_PAGES,
	METER_READINGS,
	METER_LAST_READING,
	METER_FLAGS,
	METER_COLS,
};

static const char *const meter_keys[METER_COLS] = {
	[METER_TERMINAL] = "terminal", [METER_MODEL] = "model",
	[METER_SERIAL] = "serial", [METER_MONTH] = "month",
	[METER_PERIOD_START] = "period_start",
	[METER_PERIOD_END] = "period_end",
	[METER_START_COUNT] = "start_count", [METER_END_COUNT] = "end_count",
	[METER_PAGES] = "pages", [METER_READINGS] = "readings",
	[METER_LAST_READING] = "last_reading_at", [METER_FLAGS] = "flags",
};

/*
 * w: the readings from each terminal's last one before the span to the
 * end of the span, each with the one before it; m: per terminal and
 * month in the span, the steps summed. Parameters: from, to (YYYY-MM).
 */
static const char sql_meters[] =
	"WITH span AS (SELECT CAST(CONCAT(?, '-01') AS DATETIME(6)) AS f, "
	"  CAST(CONCAT(?, '-01') AS DATETIME(6)) + INTERVAL 1 MONTH AS t), "
	"w AS (SELECT r.terminal_id, r.at, r.report_id, "
	"  CAST(r.pages AS SIGNED) AS pages, LAG(CAST(r.pages AS SIGNED)) "
	"  OVER (PARTITION BY r.terminal_id ORDER BY r.at, r.report_id) "
	"  AS prev FROM meter_readings r JOIN span "
	"  WHERE r.at < span.t AND r.at >= COALESCE((SELECT MAX(b.at) "
	"  FROM meter_readings b WHERE b.terminal_id = r.terminal_id "
	"  AND b.at < span.f), span.f)), "
	"m AS (SELECT w.terminal_id, DATE_FORMAT(w.at, '%Y-%m') AS month, "
	"  SUBSTRING_INDEX(GROUP_CONCAT(COALESCE(w.prev, w.pages) "
	"  ORDER BY w.at, w.report_id), ',', 1) AS start_count, "
	"  SUBSTRING_INDEX(GROUP_CONCAT(w.pages "
	"  ORDER BY w.at DESC, w.report_id DESC), ',', 1) AS end_count, "
	"  SUM(IF(w.prev IS NULL OR w.pages < w.prev, 0, w.pages - w.prev)) "
	"  AS pages, COUNT(*) AS readings, "
	"  COALESCE(MAX(w.pages < w.prev), 0) AS went_back, "
	"  MAX(w.prev IS NULL) AS first_reading, MAX(w.at) AS last_at "
	"  FROM w JOIN span WHERE w.at >= span.f "
	"  GROUP BY w.terminal_id, month) "
	"SELECT t.terminal_uid, md.name, t.serial, m.month, "
	"  CONCAT(m.month, '-01'), "
	"  DATE_FORMAT(LAST_DAY(CAST(CONCAT(m.month, '-01') AS DATE)), "
	"  '%Y-%m-%d'), m.start_count, m.end_count, m.pages, m.readings, "
	"  DATE_FORMAT(m.last_at, '%Y-%m-%dT%H:%i:%sZ'), "
	"  CONCAT_WS(' ', IF(m.went_back, 'counter-went-back', NULL), "
	"  IF(m.first_reading, 'first-reading', NULL)) "
	"FROM m JOIN terminals t ON t.id = m.terminal_id "
	"JOIN models md ON md.id = t.model_id "
	"ORDER BY t.terminal_uid, m.month";

/* YYYY-MM (validated by v_month) as a count of months. */
static int
month_number(const char *s)
{
	int	y, m;

	if (s == NULL || sscanf(s, "%4d-%2d", &y, &m) != 2)
		return -1;
	return y * 12 + m - 1;
}

/*
 * The span asked for (from and to, the last complete month without
 * them) into from and to; -1 and the reason when it is not one.
 */
static int
span(struct http_request *req, char *from, char *to, const char **why)
{
	const char	*f = portal_arg(req, "from");
	const char	*t = portal_arg(req, "to");
	time_t		 now = time(NULL);
	struct tm	 tm;
	int		 nf, nt;

	/* A field that failed its validator is gone: the query says it
	 * was there. */
	if (f == NULL && t == NULL && req->query_string != NULL &&
	    req->query_string[0] != '\0') {
		*why = "from and to must be months (YYYY-MM)";
		return -1;
	}
	if (f == NULL && t == NULL) {
		if (gmtime_r(&now, &tm) == NULL)
			return -1;
		nf = (tm.tm_year + 1900) * 12 + tm.tm_mon - 1;
		(void)snprintf(from, 8, "%04u-%02u", (unsigned)nf / 12 % 10000,
		    (unsigned)nf % 12 + 1);
		memcpy(to, from, 8);
		return 0;
	}
	if (f == NULL || t == NULL) {
		*why = "from and to (YYYY-MM), both or neither";
		return -1;
	}
	nf = month_number(f);
	nt = month_number(t);
	if (nf < 0 || nt < nf || nt - nf >= MONTHS_MAX) {
		*why = "from must not be after to, and at most 36 months";
		return -1;
	}
	(void)snprintf(from, 8, "%s", f);
	(void)snprintf(to, 8, "%s", t);
	return 0;
}

/* Starts the statement; PAGE_QUERY, or -1 and why. */
static int
meters_query(struct http_request *req, struct portal *p, const char **why)
{
	char		from[8], to[8];
	struct db_val	arg[2];

	*why = "from and to must be months (YYYY-MM)";
	if (span(req, from, to, why) < 0)
		return -1;
	/* The statement keeps no pointer past the call (db_async.h). */
	(void)snprintf(p->detail, sizeof(p->detail), "%s to %s", from, to);
	arg[0] = DB_STR(from);
	arg[1] = DB_STR(to);
	db_async_start(&p->q, req, sql_meters, arg, 2);
	return PAGE_QUERY;
}

static int
html_query(struct http_request *req, struct portal *p)
{
	const char	*why;

	if (meters_query(req, p, &why) < 0) {
		html_message(req, 400, "Cannot do that", why);
		return PAGE_DONE;
	}
	return PAGE_QUERY;
}

static int
api_query(struct http_request *req, struct portal *p)
{
	const char	*why;

	if (meters_query(req, p, &why) < 0) {
		json_error(req, 400, why);
		return PAGE_DONE;
	}
	return PAGE_QUERY;
}

static void
meters_render(struct kore_buf *buf, struct portal *p)
{
	static const char *const heads[METER_COLS] = {
		"Terminal", "Model", "Serial", "Month", "From", "To",
		"Counter before", "Counter at end", "Pages", "Readings",
		"Last reading", "Flags",
	};
	unsigned int	r, c;

	html_wrap(buf, "<h2>Meter statements, ", p->detail, "</h2>\n");
	kore_buf_appendf(buf, "<form method=\"get\" action=\"/staff/meters\">"
	    "<label>From <input name=\"from\" placeholder=\"YYYY-MM\" "
	    "size=\"7\"></label> <label>To <input name=\"to\" "
	    "placeholder=\"YYYY-MM\" size=\"7\"></label> "
	    "<button type=\"submit\">Show</button></form>\n");
	kore_buf_appendf(buf, "<p><a class=\"csv\" href=\"/staff/meters.csv?"
	    "from=%.7s&amp;to=%.7s\">CSV for billing</a></p>\n<table><thead>"
	    "<tr>", p->detail, p->detail + 11);
	for (c = 0; c < METER_COLS; c++)
		html_wrap(buf, "<th>", heads[c], "</th>");
	kore_buf_appendf(buf, "</tr></thead><tbody>\n");
	for (r = 0; r < p->q.rows; r++) {
		kore_buf_appendf(buf, "<tr>");
		for (c = 0; c < METER_COLS; c++)
			html_wrap(buf, "<td>", db_async_cell(&p->q, r, c),
			    "</td>");
		kore_buf_appendf(buf, "</tr>\n");
	}
	if (p->q.rows == 0)
		kore_buf_appendf(buf, "<tr><td colspan=\"%d\">No meter "
		    "readings in these months.</td></tr>\n", METER_COLS);
	kore_buf_appendf(buf, "</tbody></table>\n");
}

static int
csv_answer(struct http_request *req, struct portal *p)
{
	struct kore_buf	*buf = kore_buf_alloc(8192);
	char		 disposition[80];
	unsigned int	 r, c;

	for (c = 0; c < METER_COLS; c++)
		csv_field(buf, meter_keys[c], c == 0);
	csv_end(buf);
	for (r = 0; r < p->q.rows; r++) {
		for (c = 0; c < METER_COLS; c++)
			csv_field(buf, db_async_cell(&p->q, r, c), c == 0);
		csv_end(buf);
	}
	(void)snprintf(disposition, sizeof(disposition), "attachment; "
	    "filename=\"meters-%.7s-%.7s.csv\"", p->detail, p->detail + 11);
	http_response_header(req, "content-type",
	    "text/csv; charset=utf-8; header=present");
	http_response_header(req, "content-disposition", disposition);
	http_response_header(req, "cache-control", "no-store");
	http_response(req, 200, buf->data, buf->offset);
	kore_buf_free(buf);
	return PAGE_DONE;
}

static int
api_answer(struct http_request *req, struct portal *p)
{
	struct kore_buf	*buf = kore_buf_alloc(8192);
	unsigned int	 r;

	kore_buf_appendf(buf, "{\"from\":\"%.7s\",\"to\":\"%.7s\","
	    "\"statements\":[", p->detail, p->detail + 11);
	for (r = 0; r < p->q.rows; r++) {
		kore_buf_appendf(buf, "%s{", r ? "," : "");
		json_members(buf, &p->q, r, meter_keys, METER_COLS,
		    JSON_COL(METER_START_COUNT) | JSON_COL(METER_END_COUNT) |
		    JSON_COL(METER_PAGES) | JSON_COL(METER_READINGS));
		kore_buf_appendf(buf, "}");
	}
	kore_buf_appendf(buf, "]}\n");
	json_send(req, 200, buf);
	return PAGE_DONE;
}

static const struct page meters_page = {
	.who = PAGE_STAFF, .title = "Meter statements", .roles = ROLE_DESK,
	.query = html_query, .render = meters_render,
};
static const struct page meters_csv = {
	.who = PAGE_STAFF, .title = "Meter statements (CSV)",
	.roles = ROLE_DESK, .query = html_query, .answer = csv_answer,
};
static const struct page meters_call = {
	.who = PAGE_API, .title = "api meters", .roles = ROLE_DESK,
	.query = api_query, .answer = api_answer,
};

int
page_staff_meters(struct http_request *req)
{
	return page_run(req, &meters_page);
}

int
page_staff_meters_csv(struct http_request *req)
{
	return page_run(req, &meters_csv);
}

int
api_meters(struct http_request *req)
{
	return page_run(req, &meters_call);
}
