/*
 * The manager's homepage, drawn from the tagged rows of home_query.h: per
 * terminal its state and toner chart, per open notice what remedies it
 * (consumables and ordering, or a service visit and product guides), then
 * the history. Every value goes through html_text.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "home.h"
#include "home_query.h"
#include "html.h"
#include "portal.h"

#define C(r, i)	db_async_cell(q, (r), (i))

static int
is(const struct db_async_query *q, unsigned int r, char sect)
{
	const char	*s = C(r, 0);

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
		if (is(q, r, HOME_NOTICE) && same(C(r, 1), id))
			return 1;
	}
	return 0;
}

/* The worst severity of the terminal's open notices, NULL for none. */
static const char *
worst_severity(const struct db_async_query *q, const char *terminal)
{
	const char	*worst = NULL;
	unsigned int	 r;

	for (r = 0; r < q->rows; r++) {
		if (!is(q, r, HOME_NOTICE) || !same(C(r, 2), terminal))
			continue;
		if (same(C(r, 4), "error"))
			return "error";
		if (same(C(r, 4), "warning") || worst == NULL)
			worst = C(r, 4);
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
	const char	*state = C(r, 6), *delivery = C(r, 7);

	html_wrap(buf, "<li class=\"order\">Order ", C(r, 1), ": ");
	html_text(buf, C(r, 4));
	html_wrap(buf, " &times; ", C(r, 5), ", placed ");
	html_text(buf, C(r, 8));
	kore_buf_appendf(buf, ". <span class=\"state\">");
	/* Ingest marks the order delivered when the terminal reports the
	 * refill. */
	if (same(state, "delivered")) {
		kore_buf_appendf(buf, "Delivered");
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
	unsigned int	r, n = 0, open_order = 0;

	kore_buf_appendf(buf, "<ul class=\"orders\">");
	for (r = 0; r < q->rows; r++) {
		if (!is(q, r, HOME_ORDER) || !same(C(r, 2), notice))
			continue;
		order_status(buf, q, r);
		if (same(C(r, 6), "placed") || same(C(r, 6), "scheduled"))
			open_order = 1;
	}
	kore_buf_appendf(buf, "</ul>\n");
	if (open_order)
		return;
	kore_buf_appendf(buf, "<form class=\"order\" method=\"post\" "
	    "action=\"/home/order\">");
	portal_csrf_field(buf, session);
	html_wrap(buf, "<input type=\"hidden\" name=\"notice\" "
	    "value=\"", notice, "\"><table class=\"consumables\"><thead><tr>"
	    "<th></th><th>Consumable</th><th>Part number</th><th>Yield</th>"
	    "<th>Price</th></tr></thead><tbody>\n");
	for (r = 0; r < q->rows; r++) {
		if (!is(q, r, HOME_CONSUMABLE) || !same(C(r, 1), notice))
			continue;
		html_wrap(buf, "<tr><td><input type=\"radio\" "
		    "name=\"consumable\" required id=\"c", notice, "-");
		html_text(buf, C(r, 2));
		kore_buf_appendf(buf, "\" value=\"");
		html_text(buf, C(r, 2));
		kore_buf_appendf(buf, "\"%s></td><td>",
		    n == 0 ? " checked" : "");
		html_wrap(buf, "<label for=\"c", notice, "-");
		html_text(buf, C(r, 2));
		kore_buf_appendf(buf, "\">");
		picture(buf, C(r, 7));
		html_text(buf, C(r, 3));
		html_wrap(buf, "</label></td><td class=\"sku\">", C(r, 4),
		    "</td><td>");
		html_text(buf, C(r, 5));
		kore_buf_appendf(buf, " pages</td><td>");
		price(buf, C(r, 6));
		kore_buf_appendf(buf, "</td></tr>\n");
		n++;
	}
	kore_buf_appendf(buf, "</tbody></table>");
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
	unsigned int	r, n = 0, booked = 0;

	for (r = 0; r < q->rows; r++) {
		if (!is(q, r, HOME_VISIT) || !same(C(r, 2), notice))
			continue;
		html_wrap(buf, "<p class=\"visit\">Service visit "
		    "booked: <strong>", C(r, 5), "</strong> with ");
		html_text(buf, C(r, 6));
		html_wrap(buf, " (", C(r, 4), ")</p>\n");
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
			    "value=\"", C(r, 1), "\"> ");
			html_text(buf, C(r, 3));
			html_wrap(buf, " to ", C(r, 4), " (");
			html_text(buf, C(r, 2));
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
		if (!is(q, r, HOME_GUIDE) || !same(C(r, 1), terminal))
			continue;
		if (n++ == 0)
			kore_buf_appendf(buf, "<div class=\"guides\"><h4>"
			    "Newer products for this model</h4><ul>");
		kore_buf_appendf(buf, "<li>");
		if (C(r, 3) != NULL && strncmp(C(r, 3), "https://", 8) == 0) {
			html_wrap(buf, "<a href=\"", C(r, 3), "\">");
			html_text(buf, C(r, 2));
			kore_buf_appendf(buf, "</a>");
		} else {
			html_text(buf, C(r, 2));
		}
		html_wrap(buf, ": ", C(r, 4), "</li>");
	}
	if (n > 0)
		kore_buf_appendf(buf, "</ul></div>\n");
}

static void
notice_block(struct kore_buf *buf, const struct db_async_query *q,
    unsigned int r, const char *terminal, const char *session)
{
	const char	*id = C(r, 1), *kind = C(r, 3);

	html_wrap(buf, "<li class=\"notice ", C(r, 4), "\" id=\"notice-");
	html_text(buf, id);
	html_wrap(buf, "\"><h3><span class=\"severity\">", C(r, 4), "</span> ");
	html_text(buf, C(r, 5));
	html_wrap(buf, " <span class=\"since\">since ", C(r, 6),
	    "</span></h3>\n");
	if (same(kind, "supply"))
		supply_part(buf, q, id, session);
	else
		service_part(buf, q, id, terminal, session);
	kore_buf_appendf(buf, "</li>\n");
}

static void
terminal_block(struct kore_buf *buf, const struct db_async_query *q,
    unsigned int t, const char *session)
{
	const char	*id = C(t, 1), *worst = worst_severity(q, id);
	unsigned int	 r, n = 0;

	html_wrap(buf, "<section class=\"term\"><h2>", C(t, 3),
	    " <span class=\"serial\">serial ");
	html_text(buf, C(t, 4));
	kore_buf_appendf(buf, "</span> <span class=\"uid\">(");
	html_text(buf, C(t, 2));
	kore_buf_appendf(buf, ")</span></h2>\n<p class=\"state\">State: "
	    "<strong class=\"%s\">%s</strong>",
	    worst == NULL ? "ok" : same(worst, "error") ? "error" : "warning",
	    worst == NULL ? "working" : same(worst, "error") ?
	    "needs attention now" : "needs attention soon");
	if (C(t, 6) != NULL) {
		kore_buf_appendf(buf, "; toner ");
		html_text(buf, C(t, 6));
		kore_buf_appendf(buf, "%%");
	}
	kore_buf_appendf(buf, "; last report ");
	html_text(buf, C(t, 5) != NULL ? C(t, 5) : "none yet");
	if (same(C(t, 8), "1"))
		kore_buf_appendf(buf, " <strong class=\"stale\">(not "
		    "reporting)</strong>");
	html_wrap(buf, "</p>\n<img class=\"chart\" width=\"480\" "
	    "height=\"160\" alt=\"Toner level over time\" "
	    "src=\"/home/toner/", id, "\">\n<ul class=\"notices\">\n");
	for (r = 0; r < q->rows; r++) {
		if (!is(q, r, HOME_NOTICE) || !same(C(r, 2), id))
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

	kore_buf_appendf(buf, "<section class=\"history\"><h2>History</h2>"
	    "<table><thead><tr><th>Notice</th><th>Opened</th><th>Resolved"
	    "</th></tr></thead><tbody>\n");
	/* Rows come oldest first: newest at the top. */
	for (r = q->rows; r-- > 0;) {
		if (!is(q, r, HOME_HISTORY))
			continue;
		html_wrap(buf, "<tr class=\"closed\"><td>", C(r, 3),
		    "</td><td>");
		html_text(buf, C(r, 5));
		html_wrap(buf, "</td><td>", C(r, 6), "</td></tr>\n");
		n++;
	}
	for (r = q->rows; r-- > 0;) {
		if (is(q, r, HOME_ORDER) && !notice_open(q, C(r, 2))) {
			html_wrap(buf, "<tr class=\"order\"><td>", C(r, 4),
			    " &times; ");
			html_text(buf, C(r, 5));
			html_wrap(buf, " (order ", C(r, 1), ", ");
			html_text(buf, C(r, 6));
			html_wrap(buf, ")</td><td>", C(r, 8), "</td><td>");
			html_text(buf, C(r, 7));
			kore_buf_appendf(buf, "</td></tr>\n");
			n++;
		} else if (is(q, r, HOME_VISIT) && !notice_open(q, C(r, 2))) {
			html_wrap(buf, "<tr class=\"visit\"><td>Service "
			    "visit by ", C(r, 6), " (");
			html_text(buf, C(r, 4));
			html_wrap(buf, ")</td><td>", C(r, 5),
			    "</td><td></td></tr>\n");
			n++;
		}
	}
	if (n == 0)
		kore_buf_appendf(buf, "<tr><td colspan=\"3\">Nothing yet."
		    "</td></tr>\n");
	kore_buf_appendf(buf, "</tbody></table></section>\n");
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
		html_wrap(buf, "<p class=\"manager\">Manager: ", C(r, 1),
		    "</p>\n");
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
