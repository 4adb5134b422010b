/*
 * GET /staff: the fleet at a glance: terminals by state, terminals that
 * stopped reporting, the newest open notices. Every role sees it.
 */
#include "app.h"
#include "html.h"
#include "home_query.h"
#include "staff.h"
#include "staff_sql.h"

int	page_staff_fleet(struct http_request *);

/* 'S' state count | 'Q' uid model serial manager last | 'N' uid model
 * summary severity opened */
static const char sql_fleet[] = STAFF_SQL_STATES("'S', ",
	", NULL, NULL, NULL, st") " "
	"UNION ALL (SELECT 'Q', t.terminal_uid, md.name, t.serial, m.email, "
	"  " HOME_TIME("t.last_report_at") ", "
	"  DATE_FORMAT(t.last_report_at, '%Y%m%d%H%i%s') "
	"  FROM terminals t JOIN models md ON md.id = t.model_id "
	"  LEFT JOIN managers m ON m.id = t.manager_id "
	"  WHERE " STAFF_SQL_STALE " "
	"  ORDER BY t.last_report_at LIMIT 100) "
	"UNION ALL (SELECT 'N', t.terminal_uid, md.name, n.summary, "
	"  n.severity, " HOME_TIME("n.opened_at") ", "
	"  DATE_FORMAT(n.opened_at, '%Y%m%d%H%i%s') "
	"  FROM notices n JOIN terminals t ON t.id = n.terminal_id "
	"  JOIN models md ON md.id = t.model_id WHERE n.closed_at IS NULL "
	"  ORDER BY n.opened_at DESC LIMIT 100) "
	"ORDER BY 1, 7";

static int
fleet_start(struct http_request *req, struct portal *p)
{
	db_async_start(&p->q, req, sql_fleet, NULL, 0);
	return PAGE_QUERY;
}

static void
rows(struct kore_buf *buf, struct portal *p, char tag, unsigned int ncols,
    int reverse)
{
	unsigned int	r, i, k;
	const char	*t;

	for (k = 0; k < p->q.rows; k++) {
		r = reverse ? p->q.rows - 1 - k : k;
		t = db_async_cell(&p->q, r, 0);
		if (t == NULL || t[0] != tag)
			continue;
		kore_buf_appendf(buf, "<tr>");
		for (i = 1; i <= ncols; i++)
			html_wrap(buf, "<td>", db_async_cell(&p->q, r, i),
			    "</td>");
		kore_buf_appendf(buf, "</tr>\n");
	}
}

static void
fleet_render(struct kore_buf *buf, struct portal *p)
{
	kore_buf_appendf(buf, "<h2>Terminals by state</h2><table "
	    "class=\"states\"><thead><tr><th>State</th><th>Terminals</th></tr>"
	    "</thead><tbody>\n");
	rows(buf, p, 'S', 2, 0);
	kore_buf_appendf(buf, "</tbody></table>\n<h2>Stopped reporting "
	    "(nothing for " HOME_STALE_DAYS " days)</h2><table class=\"stale\">"
	    "<thead><tr><th>Terminal</th><th>Model</th><th>Serial</th>"
	    "<th>Manager</th><th>Last report</th></tr></thead><tbody>\n");
	rows(buf, p, 'Q', 5, 0);
	kore_buf_appendf(buf, "</tbody></table>\n<h2>Open notices</h2>"
	    "<table class=\"notices\"><thead><tr><th>Terminal</th><th>Model"
	    "</th><th>Notice</th><th>Severity</th><th>Since</th></tr></thead>"
	    "<tbody>\n");
	rows(buf, p, 'N', 5, 1);
	kore_buf_appendf(buf, "</tbody></table>\n");
}

static const struct page fleet_page = {
	.who = PAGE_STAFF, .title = "Fleet", .roles = ROLE_ANY,
	.query = fleet_start,
	.render = fleet_render,
};

int
page_staff_fleet(struct http_request *req)
{
	return page_run(req, &fleet_page);
}
