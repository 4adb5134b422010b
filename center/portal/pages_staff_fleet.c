/* SPDX-License-Identifier: ISC */
/*
 * The fleet at a glance, for every role, through either door:
 *   GET /staff          terminals by state, terminals that stopped
 *                       reporting, the newest open notices
 *   GET /api/v1/fleet   terminals by state, and how many stopped
 *                       reporting, as JSON
 * Both count the states with the same statement part.
 */
#include "app.h"
#include "html.h"
#include "json.h"
#include "staff.h"
#include "staff_table.h"

int	page_staff_fleet(struct http_request *);
int	api_fleet(struct http_request *);

/* Terminals by state (their worst open notice): head, state, count, tail. */
#define FLEET_STATES(head, tail)					\
	"SELECT " head "st, COUNT(*)" tail " FROM ("			\
	"  SELECT CASE MAX(FIELD(n.severity, 'report', 'warning', "	\
	"  'error')) WHEN 3 THEN 'error' WHEN 2 THEN 'warning' "	\
	"  ELSE 'ok' END st FROM terminals t LEFT JOIN notices n "	\
	"  ON n.terminal_id = t.id AND n.closed_at IS NULL "		\
	"  GROUP BY t.id) x GROUP BY st"

/* Terminals without a report for STALE_DAYS. */
#define FLEET_STALE							\
	"(last_report_at IS NULL OR last_report_at < "			\
	"NOW(6) - INTERVAL " STALE_DAYS " DAY)"

enum fleet_col {
	FLEET_COL_TAG = 0,	/* 'S' a state, 'Q' quiet, 'N' a notice */
	FLEET_COL_SORT = 6,	/* the order within a section */

	FLEET_STATE = 1,
	FLEET_STATE_COUNT,

	FLEET_QUIET_TERMINAL = 1,
	FLEET_QUIET_MODEL,
	FLEET_QUIET_SERIAL,
	FLEET_QUIET_MANAGER,
	FLEET_QUIET_LAST_REPORT,

	FLEET_NOTICE_TERMINAL = 1,
	FLEET_NOTICE_MODEL,
	FLEET_NOTICE_SUMMARY,
	FLEET_NOTICE_SEVERITY,
	FLEET_NOTICE_OPENED,
};

static const char sql_fleet[] = FLEET_STATES("'S', ",
	", NULL, NULL, NULL, st") " "
	"UNION ALL (SELECT 'Q', t.terminal_uid, md.name, t.serial, m.email, "
	"  DATE_FORMAT(t.last_report_at, '%Y-%m-%d %H:%i UTC'), "
	"  DATE_FORMAT(t.last_report_at, '%Y%m%d%H%i%s') "
	"  FROM terminals t JOIN models md ON md.id = t.model_id "
	"  LEFT JOIN managers m ON m.id = t.manager_id "
	"  WHERE " FLEET_STALE " "
	"  ORDER BY t.last_report_at LIMIT 100) "
	"UNION ALL (SELECT 'N', t.terminal_uid, md.name, n.summary, "
	"  n.severity, DATE_FORMAT(n.opened_at, '%Y-%m-%d %H:%i UTC'), "
	"  DATE_FORMAT(n.opened_at, '%Y%m%d%H%i%s') "
	"  FROM notices n JOIN terminals t ON t.id = n.terminal_id "
	"  JOIN models md ON md.id = t.model_id WHERE n.closed_at IS NULL "
	"  ORDER BY n.opened_at DESC LIMIT 100) "
	"ORDER BY 1, 7";	/* FLEET_COL_TAG, FLEET_COL_SORT */

enum api_fleet_col { API_FLEET_STATE, API_FLEET_COUNT };

/* The states, then "not_reporting" and its count. */
static const char sql_api_fleet[] = FLEET_STATES("", "") " "
	"UNION ALL SELECT 'not_reporting', COUNT(*) FROM terminals "
	"WHERE " FLEET_STALE;

/* One of the page's tables, named label: the rows tagged tag, under
 * cols' heads. */
static void
table(struct kore_buf *buf, struct portal *p, const char *class,
    const char *label, char tag, const struct staff_column *cols, int reverse)
{
	html_table_begin(buf, class, label);
	staff_heads(buf, cols);
	staff_rows(buf, p, FLEET_COL_TAG, tag, cols, reverse);
	kore_buf_appendf(buf, "</tbody>");
	html_table_end(buf);
}

static void
fleet_render(struct kore_buf *buf, struct portal *p)
{
	static const struct staff_column state_cols[] = {
		{ "State", FLEET_STATE }, { "Terminals", FLEET_STATE_COUNT },
		{ NULL, 0 },
	};
	static const struct staff_column quiet_cols[] = {
		{ "Terminal", FLEET_QUIET_TERMINAL },
		{ "Model", FLEET_QUIET_MODEL },
		{ "Serial", FLEET_QUIET_SERIAL },
		{ "Manager", FLEET_QUIET_MANAGER },
		{ "Last report", FLEET_QUIET_LAST_REPORT }, { NULL, 0 },
	};
	static const struct staff_column notice_cols[] = {
		{ "Terminal", FLEET_NOTICE_TERMINAL },
		{ "Model", FLEET_NOTICE_MODEL },
		{ "Notice", FLEET_NOTICE_SUMMARY },
		{ "Severity", FLEET_NOTICE_SEVERITY },
		{ "Since", FLEET_NOTICE_OPENED }, { NULL, 0 },
	};

	kore_buf_appendf(buf, "<h2>Terminals by state</h2>");
	table(buf, p, "states", "Terminals by state", 'S', state_cols, 0);
	kore_buf_appendf(buf, "<h2>Stopped reporting (nothing for "
	    STALE_DAYS " days)</h2>");
	table(buf, p, "stale", "Stopped reporting", 'Q', quiet_cols, 0);
	kore_buf_appendf(buf, "<h2>Open notices</h2>");
	/* Oldest first in the rows: the newest at the top. */
	table(buf, p, "notices", "Open notices", 'N', notice_cols, 1);
}

static int
api_fleet_reply(struct http_request *req, struct portal *p)
{
	struct kore_buf	*buf = kore_buf_alloc(256);
	unsigned int	 r;

	kore_buf_appendf(buf, "{\"terminals\":{");
	for (r = 0; r < p->q.rows; r++) {
		kore_buf_appendf(buf, "%s", r ? "," : "");
		json_string(buf, db_async_cell(&p->q, r, API_FLEET_STATE));
		kore_buf_appendf(buf, ":");
		json_number(buf, db_async_cell(&p->q, r, API_FLEET_COUNT));
	}
	kore_buf_appendf(buf, "}}\n");
	json_send(req, 200, buf);
	return PAGE_DONE;
}

static const struct page fleet_page = {
	.who = PAGE_STAFF, .title = "Fleet", .roles = ROLE_ANY,
	.sql = sql_fleet,
	.render = fleet_render,
};

static const struct page fleet_call = {
	.who = PAGE_API, .title = "api fleet", .roles = ROLE_ANY,
	.sql = sql_api_fleet, .answer = api_fleet_reply,
};

int
page_staff_fleet(struct http_request *req)
{
	return page_run(req, &fleet_page);
}

int
api_fleet(struct http_request *req)
{
	return page_run(req, &fleet_call);
}
