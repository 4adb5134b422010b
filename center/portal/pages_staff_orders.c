/* SPDX-License-Identifier: ISC */
/*
 * The orders queue (order desk and admins).
 *   GET  /staff/orders           open orders, oldest first, each with a
 *                                form for its delivery date and time
 *   POST /staff/orders/delivery  order, delivery (YYYY-MM-DD HH:MM, UTC):
 *                                the manager's homepage then shows it
 */
#include <stdio.h>

#include "app.h"
#include "html.h"
#include "order_delivery.h"
#include "staff.h"

int	page_staff_orders(struct http_request *);
int	page_staff_delivery(struct http_request *);

enum queue_col {
	QUEUE_ID,
	QUEUE_TERMINAL,
	QUEUE_MODEL,
	QUEUE_MANAGER,
	QUEUE_ITEM,
	QUEUE_SKU,
	QUEUE_QUANTITY,
	QUEUE_STATE,
	QUEUE_DELIVERY,			/* as the form takes it, or NULL */
	QUEUE_PLACED,
	QUEUE_NOTICE,			/* its summary */
};

static const char sql_queue[] =
	"SELECT o.id, t.terminal_uid, md.name, m.email, c.name, c.sku, "
	"o.quantity, o.state, DATE_FORMAT(o.delivery_at, '%Y-%m-%d %H:%i'), "
	"DATE_FORMAT(o.created_at, '%Y-%m-%d %H:%i UTC'), n.summary "
	"FROM orders o JOIN terminals t ON t.id = o.terminal_id "
	"JOIN models md ON md.id = t.model_id "
	"JOIN managers m ON m.id = o.manager_id "
	"JOIN consumables c ON c.id = o.consumable_id "
	"LEFT JOIN notices n ON n.id = o.notice_id "
	"WHERE o.state IN ('placed', 'scheduled') "
	"ORDER BY o.created_at LIMIT 500";

static int
queue_start(struct http_request *req, struct portal *p)
{
	db_async_start(&p->q, req, sql_queue, NULL, 0);
	return PAGE_QUERY;
}

static void
cell(struct kore_buf *buf, struct portal *p, unsigned int r,
    enum queue_col c)
{
	html_wrap(buf, "<td>", db_async_cell(&p->q, r, c), "</td>");
}

static void
queue_render(struct kore_buf *buf, struct portal *p)
{
	const char	*id;
	unsigned int	 r;

	kore_buf_appendf(buf, "<table class=\"orders\"><thead><tr><th>Order"
	    "</th><th>Terminal</th><th>Model</th><th>Manager</th><th>Item</th>"
	    "<th>Part number</th><th>Qty</th><th>State</th><th>Placed</th>"
	    "<th>Delivery (UTC)</th></tr></thead><tbody>\n");
	for (r = 0; r < p->q.rows; r++) {
		id = db_async_cell(&p->q, r, QUEUE_ID);
		html_wrap(buf, "<tr id=\"order-", id, "\">");
		cell(buf, p, r, QUEUE_ID);
		cell(buf, p, r, QUEUE_TERMINAL);
		cell(buf, p, r, QUEUE_MODEL);
		cell(buf, p, r, QUEUE_MANAGER);
		cell(buf, p, r, QUEUE_ITEM);
		cell(buf, p, r, QUEUE_SKU);
		cell(buf, p, r, QUEUE_QUANTITY);
		cell(buf, p, r, QUEUE_STATE);
		cell(buf, p, r, QUEUE_PLACED);
		kore_buf_appendf(buf, "<td><form method=\"post\" "
		    "action=\"/staff/orders/delivery\">");
		portal_csrf_field(buf, p->cookie);
		kore_buf_appendf(buf, "<input type=\"hidden\" name=\"order\" "
		    "value=\"");
		html_text(buf, id);
		/* Plain text: typed the same in every browser and locale. */
		html_wrap(buf, "\"><input name=\"delivery\" required "
		    "size=\"16\" placeholder=\"YYYY-MM-DD HH:MM\" "
		    "pattern=\"20[0-9]{2}-[01][0-9]-[0-3][0-9] "
		    "[0-2][0-9]:[0-5][0-9]\" value=\"",
		    db_async_cell(&p->q, r, QUEUE_DELIVERY), "\"> "
		    "<button type=\"submit\">"
		    "Set delivery</button></form></td></tr>\n");
	}
	if (p->q.rows == 0)
		kore_buf_appendf(buf, "<tr><td colspan=\"10\">No open orders."
		    "</td></tr>\n");
	kore_buf_appendf(buf, "</tbody></table>\n");
}

static int
delivery_start(struct http_request *req, struct portal *p)
{
	if (order_delivery_start(req, p, "") == NULL) {
		html_message(req, 400, "Cannot do that", "An order and a "
		    "delivery date and time (YYYY-MM-DD HH:MM), please.");
		return PAGE_DONE;
	}
	/* page_run() writes the entry order_delivery_start() worded. */
	return PAGE_QUERY;
}

static const struct page queue_page = {
	.who = PAGE_STAFF, .title = "Orders", .roles = ROLE_DESK,
	.query = queue_start,
	.render = queue_render,
};

static const struct page delivery_page = {
	.who = PAGE_STAFF, .title = "Delivery", .roles = ROLE_DESK,
	.query = delivery_start,
	.audit = ORDER_DELIVERY_AUDIT, .next = "/staff/orders",
	STAFF_ACTION_WORDS,
};

int
page_staff_orders(struct http_request *req)
{
	return page_run(req, &queue_page);
}

int
page_staff_delivery(struct http_request *req)
{
	return page_run(req, &delivery_page);
}
