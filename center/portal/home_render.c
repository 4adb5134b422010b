/* SPDX-License-Identifier: ISC */
/*
 * The manager's homepage: its one statement and how the page is drawn
 * from its rows. Per terminal its state and toner chart, per open notice
 * what remedies it (consumables and ordering, or a service visit and
 * product guides), then the history. Every value goes through html_text.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "home.h"
#include "home_cache.h"
#include "html.h"
#include "portal.h"

/*
 * The whole page in one statement: every section (manager, terminals,
 * open notices, consumables, orders, slots, visits, guides, history) as
 * rows of one UNION, tagged by their first column, so the page costs one
 * round trip to the database. Parameter: the session's hash. The M row
 * also carries what the page is drawn from (home_cache.h), read in the
 * same snapshot as the rest: the versions, and when the clock alone would
 * change the page (a listed slot starts, a terminal turns "not
 * reporting"). A terminal
 * that changed hands shows its state and open notices; orders and visits
 * are the session manager's own, the history starts when they took
 * charge (terminals.manager_since). What follows
 * from other rows (a terminal's worst open notice, whether an order's
 * notice is still open) is worked out below.
 */

/* HOME_COL_TAG of each row: its section. */
#define HOME_MANAGER	'M'
#define HOME_TERMINAL	'T'
#define HOME_NOTICE	'N'
#define HOME_CONSUMABLE	'C'
#define HOME_ORDER	'O'
#define HOME_SLOT	'S'
#define HOME_VISIT	'V'
#define HOME_GUIDE	'G'
#define HOME_HISTORY	'H'

/* The columns, section by section (the others are NULL). */
enum home_col {
	HOME_COL_TAG = 0,
	HOME_COL_SORT = 10,		/* the order within a section */

	HOME_MANAGER_EMAIL = 1,
	HOME_MANAGER_MINE,		/* home_versions of the manager, */
	HOME_MANAGER_SHARED,		/* of what every page shares, */
	HOME_MANAGER_UNTIL,		/* and when the page stops holding */

	HOME_TERMINAL_ID = 1,
	HOME_TERMINAL_UID,
	HOME_TERMINAL_MODEL,
	HOME_TERMINAL_SERIAL,
	HOME_TERMINAL_LAST_REPORT,
	HOME_TERMINAL_TONER,		/* the last level, or NULL */
	HOME_TERMINAL_STALE = 8,	/* "1": not reporting */

	HOME_NOTICE_ID = 1,
	HOME_NOTICE_TERMINAL,
	HOME_NOTICE_KIND,
	HOME_NOTICE_SEVERITY,
	HOME_NOTICE_SUMMARY,
	HOME_NOTICE_OPENED,

	HOME_CONSUMABLE_NOTICE = 1,	/* the open supply notice it remedies */
	HOME_CONSUMABLE_ID,
	HOME_CONSUMABLE_NAME,
	HOME_CONSUMABLE_SKU,
	HOME_CONSUMABLE_YIELD,
	HOME_CONSUMABLE_PRICE,		/* cents */
	HOME_CONSUMABLE_PICTURE,

	HOME_ORDER_ID = 1,
	HOME_ORDER_NOTICE,
	HOME_ORDER_TERMINAL,
	HOME_ORDER_ITEM,
	HOME_ORDER_QUANTITY,
	HOME_ORDER_STATE,
	HOME_ORDER_DELIVERY,		/* when closed: when it was closed */
	HOME_ORDER_PLACED,

	HOME_SLOT_ID = 1,
	HOME_SLOT_TECHNICIAN,
	HOME_SLOT_STARTS,
	HOME_SLOT_ENDS,

	HOME_VISIT_ID = 1,
	HOME_VISIT_NOTICE,
	HOME_VISIT_TERMINAL,
	HOME_VISIT_STATE,
	HOME_VISIT_STARTS,
	HOME_VISIT_TECHNICIAN,

	HOME_GUIDE_TERMINAL = 1,
	HOME_GUIDE_TITLE,
	HOME_GUIDE_URL,
	HOME_GUIDE_SUMMARY,

	HOME_HISTORY_ID = 1,
	HOME_HISTORY_TERMINAL,
	HOME_HISTORY_SUMMARY,
	HOME_HISTORY_SEVERITY,
	HOME_HISTORY_OPENED,
	HOME_HISTORY_CLOSED,
};

#define HOME_TIME(col)	"DATE_FORMAT(" col ", '%Y-%m-%d %H:%i UTC')"

static const char home_sql[] =
	"WITH me AS (SELECT manager_id FROM manager_sessions "
	"  WHERE token_hash = ? AND expires_at > NOW(6)), "
	"term AS (SELECT t.id, t.terminal_uid, t.serial, t.model_id, "
	"  t.last_report_at, t.manager_since FROM terminals t JOIN me "
	"  ON t.manager_id = me.manager_id), "
	"opn AS (SELECT n.id, n.terminal_id, n.kind, n.severity, n.summary, "
	"  n.opened_at FROM notices n JOIN term ON n.terminal_id = term.id "
	"  WHERE n.closed_at IS NULL) "
	"SELECT 'M', m.email, COALESCE(v.version, 0), COALESCE(g.version, 0), "
	"  FLOOR(UNIX_TIMESTAMP(LEAST("
	"  COALESCE((SELECT MIN(s.starts_at) FROM technician_slots s "
	"   WHERE s.starts_at > NOW()), '2100-01-01'), "
	"  COALESCE((SELECT MIN(t.last_report_at) FROM term t "
	"   WHERE t.last_report_at >= NOW(6) - INTERVAL " STALE_DAYS " DAY) "
	"   + INTERVAL " STALE_DAYS " DAY, '2100-01-01')))), "
	"  NULL, NULL, NULL, NULL, NULL, "
	"  '' FROM managers m JOIN me ON m.id = me.manager_id "
	"  LEFT JOIN home_versions v ON v.scope = m.id "
	"  LEFT JOIN home_versions g ON g.scope = 0 "
	"UNION ALL SELECT 'T', t.id, t.terminal_uid, md.name, t.serial, "
	"  " HOME_TIME("t.last_report_at") ", "
	"  (SELECT r.level FROM toner_readings r WHERE r.terminal_id = t.id "
	"   ORDER BY r.at DESC LIMIT 1), "
	"  NULL, "
	"  t.last_report_at IS NULL OR t.last_report_at < "
	"   NOW(6) - INTERVAL " STALE_DAYS " DAY, NULL, t.terminal_uid "
	"  FROM term t JOIN models md ON md.id = t.model_id "
	"UNION ALL SELECT 'N', n.id, n.terminal_id, n.kind, n.severity, "
	"  n.summary, " HOME_TIME("n.opened_at") ", NULL, NULL, NULL, "
	"  DATE_FORMAT(n.opened_at, '%Y%m%d%H%i%s%f') FROM opn n "
	"UNION ALL SELECT 'C', n.id, c.id, c.name, c.sku, c.yield_pages, "
	"  c.price_cents, c.picture, NULL, NULL, c.sku FROM opn n "
	"  JOIN term t ON t.id = n.terminal_id "
	"  JOIN consumables c ON c.model_id = t.model_id "
	"  WHERE n.kind = 'supply' AND c.retired_at IS NULL "
	"UNION ALL SELECT 'O', o.id, o.notice_id, o.terminal_id, c.name, "
	"  o.quantity, o.state, IF(o.closed_at IS NULL, "
	"  " HOME_TIME("o.delivery_at") ", " HOME_TIME("o.closed_at") "), "
	"  " HOME_TIME("o.created_at") ", "
	"  NULL, LPAD(o.id, 20, '0') "
	"  FROM orders o JOIN term t ON t.id = o.terminal_id "
	"  JOIN me ON o.manager_id = me.manager_id "
	"  JOIN consumables c ON c.id = o.consumable_id "
	"UNION ALL (SELECT 'S', s.id, tc.name, " HOME_TIME("s.starts_at") ", "
	"  " HOME_TIME("s.ends_at") ", NULL, NULL, NULL, NULL, NULL, "
	"  DATE_FORMAT(s.starts_at, '%Y%m%d%H%i%s') "
	"  FROM technician_slots s JOIN technicians tc "
	"  ON tc.id = s.technician_id "
	"  WHERE s.starts_at > NOW() AND s.removed_at IS NULL "
	"  AND NOT EXISTS (SELECT 1 FROM visits v WHERE v.slot_held = s.id) "
	"  AND EXISTS (SELECT 1 FROM opn WHERE kind IN ('fault', 'service')) "
	"  ORDER BY s.starts_at LIMIT 12) "
	"UNION ALL SELECT 'V', v.id, v.notice_id, v.terminal_id, v.state, "
	"  " HOME_TIME("s.starts_at") ", tc.name, "
	"  NULL, NULL, NULL, "
	"  LPAD(v.id, 20, '0') "
	"  FROM visits v JOIN term t ON t.id = v.terminal_id "
	"  JOIN me ON v.manager_id = me.manager_id "
	"  JOIN technician_slots s ON s.id = v.slot_id "
	"  JOIN technicians tc ON tc.id = s.technician_id "
	"UNION ALL SELECT 'G', t.id, g.title, g.url, "
	"  CAST(g.summary AS CHAR(1000)), NULL, NULL, "
	"  NULL, NULL, NULL, LPAD(g.id, 20, '0') FROM term t "
	"  JOIN product_guides g ON g.model_id = t.model_id "
	"  WHERE EXISTS (SELECT 1 FROM opn WHERE opn.terminal_id = t.id "
	"  AND opn.kind IN ('fault', 'service')) "
	"UNION ALL (SELECT 'H', n.id, n.terminal_id, n.summary, n.severity, "
	"  " HOME_TIME("n.opened_at") ", " HOME_TIME("n.closed_at") ", NULL, "
	"  NULL, NULL, DATE_FORMAT(n.closed_at, '%Y%m%d%H%i%s%f') "
	"  FROM notices n JOIN term t ON t.id = n.terminal_id "
	"  WHERE n.closed_at >= COALESCE(t.manager_since, n.closed_at) "
	"  ORDER BY n.closed_at DESC LIMIT 20) "
	"ORDER BY 1, 11";	/* HOME_COL_TAG, HOME_COL_SORT */

void
home_start(struct db_async_query *q, struct http_request *req,
    const unsigned char *session_hash)
{
	struct db_val	arg[1];

	arg[0] = DB_BLOB(session_hash, TOKEN_HASH_LEN);
	db_async_start(q, req, home_sql, arg, 1);
}

#define C(r, col)	db_async_cell(q, (r), (col))

static int
is(const struct db_async_query *q, unsigned int r, char sect)
{
	const char	*s = C(r, HOME_COL_TAG);

	return s != NULL && s[0] == sect;
}

static int
same(const char *a, const char *b)
{
	return a != NULL && b != NULL && strcmp(a, b) == 0;
}

/* 1 when an open notice (an N row) has this id. */
static int
notice_open(const struct db_async_query *q, const char *id)
{
	unsigned int	r;

	for (r = 0; r < q->rows; r++) {
		if (is(q, r, HOME_NOTICE) && same(C(r, HOME_NOTICE_ID), id))
			return 1;
	}
	return 0;
}

/* The worst severity of the terminal's open notices, NULL for none. */
static const char *
worst_severity(const struct db_async_query *q, const char *terminal)
{
	const char	*worst = NULL, *severity;
	unsigned int	 r;

	for (r = 0; r < q->rows; r++) {
		if (!is(q, r, HOME_NOTICE) ||
		    !same(C(r, HOME_NOTICE_TERMINAL), terminal))
			continue;
		severity = C(r, HOME_NOTICE_SEVERITY);
		if (same(severity, "error"))
			return "error";
		if (same(severity, "warning") || worst == NULL)
			worst = severity;
	}
	return worst;
}

/* A picture path is shown only when it names one of our assets. */
static void
picture(struct kore_buf *buf, const char *path)
{
	if (path == NULL || strncmp(path, "/assets/", 8) != 0 ||
	    strstr(path, "..") != NULL)
		return;
	html_wrap(buf, "<img class=\"picture\" alt=\"\" src=\"", path, "\">");
}

static void
price(struct kore_buf *buf, const char *cents)
{
	long long	v = cents != NULL ? strtoll(cents, NULL, 10) : 0;

	kore_buf_appendf(buf, "%lld.%02lld", v / 100, v % 100);
}

static void
order_status(struct kore_buf *buf, const struct db_async_query *q,
    unsigned int r)
{
	const char	*state = C(r, HOME_ORDER_STATE);
	const char	*delivery = C(r, HOME_ORDER_DELIVERY);

	html_wrap(buf, "<li class=\"order\">Order ", C(r, HOME_ORDER_ID), ": ");
	html_text(buf, C(r, HOME_ORDER_ITEM));
	html_wrap(buf, " &times; ", C(r, HOME_ORDER_QUANTITY), ", placed ");
	html_text(buf, C(r, HOME_ORDER_PLACED));
	kore_buf_appendf(buf, ". <span class=\"state\">");
	/* Ingest marks the order delivered when the terminal reports the
	 * refill. */
	if (same(state, "delivered")) {
		kore_buf_appendf(buf, "Delivered");
	} else if (same(state, "cancelled")) {
		kore_buf_appendf(buf, "<strong class=\"cancelled\">Cancelled "
		    "by the service center</strong>");
	} else if (delivery != NULL) {
		html_wrap(buf, "Delivery: <strong class=\"delivery\">",
		    delivery, "</strong>");
	} else {
		kore_buf_appendf(buf, "Received; the delivery date follows "
		    "shortly");
	}
	kore_buf_appendf(buf, "</span></li>\n");
}

/* Consumables of the terminal's model, the order form, orders placed. */
static void
supply_part(struct kore_buf *buf, const struct db_async_query *q,
    const char *notice, const char *session)
{
	const char	*state;
	unsigned int	 r, n = 0, open_order = 0;

	kore_buf_appendf(buf, "<ul class=\"orders\">");
	for (r = 0; r < q->rows; r++) {
		if (!is(q, r, HOME_ORDER) ||
		    !same(C(r, HOME_ORDER_NOTICE), notice))
			continue;
		order_status(buf, q, r);
		state = C(r, HOME_ORDER_STATE);
		if (same(state, "placed") || same(state, "scheduled"))
			open_order = 1;
	}
	kore_buf_appendf(buf, "</ul>\n");
	if (open_order)
		return;
	kore_buf_appendf(buf, "<form class=\"order\" method=\"post\" "
	    "action=\"/home/order\">");
	portal_csrf_field(buf, session);
	html_wrap(buf, "<input type=\"hidden\" name=\"notice\" "
	    "value=\"", notice, "\">");
	html_table_begin(buf, "consumables", "Consumables to order");
	kore_buf_appendf(buf, "<thead><tr><th><span class=\"vh\">Choice"
	    "</span></th><th>Consumable</th><th>Part number</th><th>Yield</th>"
	    "<th>Price</th></tr></thead><tbody>\n");
	for (r = 0; r < q->rows; r++) {
		if (!is(q, r, HOME_CONSUMABLE) ||
		    !same(C(r, HOME_CONSUMABLE_NOTICE), notice))
			continue;
		html_wrap(buf, "<tr><td><input type=\"radio\" "
		    "name=\"consumable\" required id=\"c", notice, "-");
		html_text(buf, C(r, HOME_CONSUMABLE_ID));
		kore_buf_appendf(buf, "\" value=\"");
		html_text(buf, C(r, HOME_CONSUMABLE_ID));
		kore_buf_appendf(buf, "\"%s></td><td>",
		    n == 0 ? " checked" : "");
		html_wrap(buf, "<label for=\"c", notice, "-");
		html_text(buf, C(r, HOME_CONSUMABLE_ID));
		kore_buf_appendf(buf, "\">");
		picture(buf, C(r, HOME_CONSUMABLE_PICTURE));
		html_text(buf, C(r, HOME_CONSUMABLE_NAME));
		html_wrap(buf, "</label></td><td class=\"sku\">",
		    C(r, HOME_CONSUMABLE_SKU), "</td><td>");
		html_text(buf, C(r, HOME_CONSUMABLE_YIELD));
		kore_buf_appendf(buf, " pages</td><td>");
		price(buf, C(r, HOME_CONSUMABLE_PRICE));
		kore_buf_appendf(buf, "</td></tr>\n");
		n++;
	}
	kore_buf_appendf(buf, "</tbody>");
	html_table_end(buf);
	if (n == 0) {
		kore_buf_appendf(buf, "<p>The service center has no "
		    "consumables listed for this model yet; it has been told."
		    "</p></form>\n");
		return;
	}
	kore_buf_appendf(buf, "<label>Quantity <input type=\"number\" "
	    "name=\"quantity\" min=\"1\" max=\"99\" value=\"1\"></label> "
	    "<button type=\"submit\">Order</button></form>\n");
}

/* A booked visit, or the slots to book one; then the product guides. */
static void
service_part(struct kore_buf *buf, const struct db_async_query *q,
    const char *notice, const char *terminal, const char *session)
{
	const char	*url;
	unsigned int	 r, n = 0, booked = 0;

	for (r = 0; r < q->rows; r++) {
		if (!is(q, r, HOME_VISIT) ||
		    !same(C(r, HOME_VISIT_NOTICE), notice))
			continue;
		/* A cancelled visit is told; another can be booked. */
		if (same(C(r, HOME_VISIT_STATE), "cancelled")) {
			html_wrap(buf, "<p class=\"visit cancelled\">The "
			    "service visit of ", C(r, HOME_VISIT_STARTS),
			    " was cancelled by the service center.</p>\n");
			continue;
		}
		html_wrap(buf, "<p class=\"visit\">Service visit booked: "
		    "<strong>", C(r, HOME_VISIT_STARTS), "</strong> with ");
		html_text(buf, C(r, HOME_VISIT_TECHNICIAN));
		html_wrap(buf, " (", C(r, HOME_VISIT_STATE), ")</p>\n");
		booked = 1;
	}
	if (!booked) {
		kore_buf_appendf(buf, "<form class=\"book\" method=\"post\" "
		    "action=\"/home/book\">");
		portal_csrf_field(buf, session);
		html_wrap(buf, "<input type=\"hidden\" name=\"notice\" "
		    "value=\"", notice, "\"><fieldset><legend>A service person "
		    "is available</legend>\n");
		for (r = 0; r < q->rows; r++) {
			if (!is(q, r, HOME_SLOT))
				continue;
			html_wrap(buf, "<label class=\"slot\">"
			    "<input type=\"radio\" name=\"slot\" required "
			    "value=\"", C(r, HOME_SLOT_ID), "\"> ");
			html_text(buf, C(r, HOME_SLOT_STARTS));
			html_wrap(buf, " to ", C(r, HOME_SLOT_ENDS), " (");
			html_text(buf, C(r, HOME_SLOT_TECHNICIAN));
			kore_buf_appendf(buf, ")</label><br>\n");
			n++;
		}
		if (n == 0)
			kore_buf_appendf(buf, "<p>No free time is listed "
			    "right now; the service center will call you.</p>");
		else
			kore_buf_appendf(buf, "<button type=\"submit\">"
			    "Book this visit</button>");
		kore_buf_appendf(buf, "</fieldset></form>\n");
	}
	n = 0;
	for (r = 0; r < q->rows; r++) {
		if (!is(q, r, HOME_GUIDE) ||
		    !same(C(r, HOME_GUIDE_TERMINAL), terminal))
			continue;
		url = C(r, HOME_GUIDE_URL);
		if (n++ == 0)
			kore_buf_appendf(buf, "<div class=\"guides\"><h4>"
			    "Newer products for this model</h4><ul>");
		kore_buf_appendf(buf, "<li>");
		if (url != NULL && strncmp(url, "https://", 8) == 0) {
			html_wrap(buf, "<a href=\"", url, "\">");
			html_text(buf, C(r, HOME_GUIDE_TITLE));
			kore_buf_appendf(buf, "</a>");
		} else {
			html_text(buf, C(r, HOME_GUIDE_TITLE));
		}
		html_wrap(buf, ": ", C(r, HOME_GUIDE_SUMMARY), "</li>");
	}
	if (n > 0)
		kore_buf_appendf(buf, "</ul></div>\n");
}

static void
notice_block(struct kore_buf *buf, const struct db_async_query *q,
    unsigned int r, const char *terminal, const char *session)
{
	const char	*id = C(r, HOME_NOTICE_ID);
	const char	*kind = C(r, HOME_NOTICE_KIND);
	const char	*severity = C(r, HOME_NOTICE_SEVERITY);

	html_wrap(buf, "<li class=\"notice ", severity, "\" id=\"notice-");
	html_text(buf, id);
	html_wrap(buf, "\"><h3><span class=\"severity\">", severity,
	    "</span> ");
	html_text(buf, C(r, HOME_NOTICE_SUMMARY));
	html_wrap(buf, " <span class=\"since\">since ",
	    C(r, HOME_NOTICE_OPENED), "</span></h3>\n");
	if (same(kind, "supply"))
		supply_part(buf, q, id, session);
	else if (same(kind, "silent"))
		kore_buf_appendf(buf, "<p class=\"silent\">The terminal "
		    "sends its meter readings regularly and has missed two of "
		    "them. Please check that it is switched on and connected. "
		    "This notice closes when it reports again.</p>\n");
	else
		service_part(buf, q, id, terminal, session);
	kore_buf_appendf(buf, "</li>\n");
}

static void
terminal_block(struct kore_buf *buf, const struct db_async_query *q,
    unsigned int t, const char *session)
{
	const char	*id = C(t, HOME_TERMINAL_ID);
	const char	*worst = worst_severity(q, id);
	const char	*last = C(t, HOME_TERMINAL_LAST_REPORT);
	unsigned int	 r, n = 0;

	html_wrap(buf, "<section class=\"term\"><h2>",
	    C(t, HOME_TERMINAL_MODEL), " <span class=\"serial\">serial ");
	html_text(buf, C(t, HOME_TERMINAL_SERIAL));
	kore_buf_appendf(buf, "</span> <span class=\"uid\">(");
	html_text(buf, C(t, HOME_TERMINAL_UID));
	kore_buf_appendf(buf, ")</span></h2>\n<p class=\"state\">State: "
	    "<strong class=\"%s\">%s</strong>",
	    worst == NULL ? "ok" : same(worst, "error") ? "error" : "warning",
	    worst == NULL ? "working" : same(worst, "error") ?
	    "needs attention now" : "needs attention soon");
	if (C(t, HOME_TERMINAL_TONER) != NULL) {
		kore_buf_appendf(buf, "; toner ");
		html_text(buf, C(t, HOME_TERMINAL_TONER));
		kore_buf_appendf(buf, "%%");
	}
	kore_buf_appendf(buf, "; last report ");
	html_text(buf, last != NULL ? last : "none yet");
	if (same(C(t, HOME_TERMINAL_STALE), "1"))
		kore_buf_appendf(buf, " <strong class=\"stale\">(not "
		    "reporting)</strong>");
	html_wrap(buf, "</p>\n<img class=\"chart\" width=\"480\" "
	    "height=\"160\" alt=\"Toner level over time\" "
	    "src=\"/home/toner/", id, "\">\n<ul class=\"notices\">\n");
	for (r = 0; r < q->rows; r++) {
		if (!is(q, r, HOME_NOTICE) ||
		    !same(C(r, HOME_NOTICE_TERMINAL), id))
			continue;
		notice_block(buf, q, r, id, session);
		n++;
	}
	if (n == 0)
		kore_buf_appendf(buf, "<li class=\"ok\">Nothing needs "
		    "attention.</li>\n");
	kore_buf_appendf(buf, "</ul></section>\n");
}

static void
history(struct kore_buf *buf, const struct db_async_query *q)
{
	unsigned int	r, n = 0;

	kore_buf_appendf(buf, "<section class=\"history\"><h2>History</h2>");
	html_table_begin(buf, NULL, "History");
	kore_buf_appendf(buf, "<thead><tr><th>Notice</th><th>Opened</th><th>Resolved"
	    "</th></tr></thead><tbody>\n");
	/* Rows come oldest first: newest at the top. */
	for (r = q->rows; r-- > 0;) {
		if (!is(q, r, HOME_HISTORY))
			continue;
		html_wrap(buf, "<tr class=\"closed\"><td>",
		    C(r, HOME_HISTORY_SUMMARY), "</td><td>");
		html_text(buf, C(r, HOME_HISTORY_OPENED));
		html_wrap(buf, "</td><td>", C(r, HOME_HISTORY_CLOSED),
		    "</td></tr>\n");
		n++;
	}
	for (r = q->rows; r-- > 0;) {
		if (is(q, r, HOME_ORDER) &&
		    !notice_open(q, C(r, HOME_ORDER_NOTICE))) {
			html_wrap(buf, "<tr class=\"order\"><td>",
			    C(r, HOME_ORDER_ITEM), " &times; ");
			html_text(buf, C(r, HOME_ORDER_QUANTITY));
			html_wrap(buf, " (order ", C(r, HOME_ORDER_ID), ", ");
			html_text(buf, C(r, HOME_ORDER_STATE));
			html_wrap(buf, ")</td><td>", C(r, HOME_ORDER_PLACED),
			    "</td><td>");
			html_text(buf, C(r, HOME_ORDER_DELIVERY));
			kore_buf_appendf(buf, "</td></tr>\n");
			n++;
		} else if (is(q, r, HOME_VISIT) &&
		    !notice_open(q, C(r, HOME_VISIT_NOTICE))) {
			html_wrap(buf, "<tr class=\"visit\"><td>Service "
			    "visit by ", C(r, HOME_VISIT_TECHNICIAN), " (");
			html_text(buf, C(r, HOME_VISIT_STATE));
			html_wrap(buf, ")</td><td>", C(r, HOME_VISIT_STARTS),
			    "</td><td></td></tr>\n");
			n++;
		}
	}
	if (n == 0)
		kore_buf_appendf(buf, "<tr><td colspan=\"3\">Nothing yet."
		    "</td></tr>\n");
	kore_buf_appendf(buf, "</tbody>");
	html_table_end(buf);
	kore_buf_appendf(buf, "</section>\n");
}

int
home_stamp(const struct db_async_query *q, struct home_stamp *stamp)
{
	unsigned int	r;

	for (r = 0; r < q->rows; r++) {
		if (!is(q, r, HOME_MANAGER))
			continue;
		return home_stamp_parse(C(r, HOME_MANAGER_MINE),
		    C(r, HOME_MANAGER_SHARED), C(r, HOME_MANAGER_UNTIL), stamp);
	}
	return -1;
}

void
home_render(struct kore_buf *buf, const struct db_async_query *q,
    const char *session)
{
	unsigned int	r, n = 0;

	html_begin(buf, "Your terminals");
	for (r = 0; r < q->rows; r++) {
		if (!is(q, r, HOME_MANAGER))
			continue;
		html_wrap(buf, "<p class=\"manager\">Manager: ",
		    C(r, HOME_MANAGER_EMAIL), "</p>\n");
	}
	for (r = 0; r < q->rows; r++) {
		if (!is(q, r, HOME_TERMINAL))
			continue;
		terminal_block(buf, q, r, session);
		n++;
	}
	if (n == 0)
		kore_buf_appendf(buf, "<p>No terminal names you as its "
		    "manager yet.</p>\n");
	history(buf, q);
	kore_buf_appendf(buf, "<section class=\"access\"><h2>Access</h2>"
	    "<form method=\"post\" action=\"/home/rotate\">");
	portal_csrf_field(buf, session);
	kore_buf_appendf(buf, "<button type=\"submit\">Stop the links in "
	    "earlier e-mails</button> (and your other sessions)</form> "
	    "<form method=\"post\" action=\"/home/logout\">");
	portal_csrf_field(buf, session);
	kore_buf_appendf(buf, "<button type=\"submit\">Sign out</button>"
	    "</form></section>\n");
	html_end(buf);
}
