/* SPDX-License-Identifier: ISC */
/*
 * The orders queue (order desk and admins), through either door, paged
 * (paging.h) and filtered by state (placed, scheduled), model and manager:
 *   GET  /staff/orders           open orders, oldest first, each with a
 *                                form for its delivery date and time
 *   GET  /api/v1/orders          the same as JSON
 *   POST /staff/orders/delivery  order, delivery (YYYY-MM-DD HH:MM, UTC):
 *                                the manager's homepage then shows it
 * Each open order also has a form to cancel it (pages_staff_cancel.c).
 */
#include <stdio.h>
#include <string.h>

#include "app.h"
#include "html.h"
#include "json.h"
#include "paging.h"
#include "order_delivery.h"
#include "staff.h"
#include "staff_forms.h"

int	page_staff_orders(struct http_request *);
int	page_staff_delivery(struct http_request *);
int	api_orders(struct http_request *);

/* The API's members first, in order (json_members), then the page's. */
enum orders_col {
	ORDERS_ID,
	ORDERS_NOTICE,
	ORDERS_TERMINAL,
	ORDERS_MODEL,
	ORDERS_MANAGER,
	ORDERS_SKU,
	ORDERS_ITEM,
	ORDERS_QUANTITY,
	ORDERS_STATE,
	ORDERS_DELIVERY,
	ORDERS_CREATED,
	ORDERS_API_COLS,
	ORDERS_DELIVERY_FORM = ORDERS_API_COLS,	/* as the form takes it */
	ORDERS_PLACED,
};

/* As the terminals' list (pages_terminals.c): orders first, and a
 * model or manager filtered on the ids. */
#define ORDERS_WHERE							\
	"FROM orders o JOIN terminals t ON t.id = o.terminal_id "	\
	"JOIN models md ON md.id = t.model_id "				\
	"JOIN managers m ON m.id = o.manager_id "			\
	"JOIN consumables c ON c.id = o.consumable_id "			\
	"WHERE o.state IN ('placed', 'scheduled') "			\
	"AND (? IS NULL OR o.state = ?) "				\
	"AND (? IS NULL OR t.model_id = "				\
	"  (SELECT id FROM models WHERE name = ?)) "			\
	"AND (? IS NULL OR o.manager_id = "				\
	"  (SELECT id FROM managers WHERE email = ?)) "

#define ORDERS_SELECT							\
	"SELECT STRAIGHT_JOIN o.id, o.notice_id, t.terminal_uid, "	\
	"md.name, m.email, c.sku, c.name, o.quantity, o.state, "	\
	"DATE_FORMAT(o.delivery_at, '%Y-%m-%dT%H:%i:00Z'), "		\
	"DATE_FORMAT(o.created_at, '%Y-%m-%dT%H:%i:%sZ'), "		\
	"DATE_FORMAT(o.delivery_at, '%Y-%m-%d %H:%i'), "		\
	"DATE_FORMAT(o.created_at, '%Y-%m-%d %H:%i UTC') "

static const char *const orders_filter_names[] = {
	"state", "model", "manager", NULL,
};

static int
orders_filters(struct http_request *req, struct portal *p, struct db_val *v,
    unsigned int *n)
{
	const char	*state = portal_arg(req, "state");
	const char	*model = portal_arg(req, "model");
	const char	*manager = portal_arg(req, "manager");

	if (state != NULL && strcmp(state, "placed") != 0 &&
	    strcmp(state, "scheduled") != 0) {
		(void)paging_refuse(req, p, "state must be placed or "
		    "scheduled (open orders)");
		return -1;
	}
	v[0] = v[1] = state != NULL ? DB_STR(state) : DB_NULL();
	v[2] = v[3] = model != NULL ? DB_STR(model) : DB_NULL();
	v[4] = v[5] = manager != NULL ? DB_STR(manager) : DB_NULL();
	*n = 6;
	return 0;
}

/* Open orders, oldest first (their ids). */
static const struct paging_list orders_list = {
	.count = "SELECT COUNT(*) FROM (SELECT STRAIGHT_JOIN 1 " ORDERS_WHERE
	    "LIMIT " PAGING_COUNT_FETCH ") x",
	.forward = ORDERS_SELECT ORDERS_WHERE
	    "AND o.id > ? ORDER BY o.id LIMIT ?",
	.backward = ORDERS_SELECT ORDERS_WHERE
	    "AND o.id < ? ORDER BY o.id DESC LIMIT ?",
	.key_col = ORDERS_ID,
	.filters = orders_filters,
	.names = orders_filter_names,
};

static void
cell(struct kore_buf *buf, struct portal *p, unsigned int r,
    enum orders_col c)
{
	html_wrap(buf, "<td>", db_async_cell(&p->q, r, c), "</td>");
}

static void
queue_render(struct kore_buf *buf, struct portal *p)
{
	const char	*id;
	unsigned int	 k, r;

	paging_total(buf, p);
	html_table_begin(buf, "orders", "Open orders");
	kore_buf_appendf(buf, "<thead><tr><th>Order"
	    "</th><th>Terminal</th><th>Model</th><th>Manager</th><th>Item</th>"
	    "<th>Part number</th><th>Qty</th><th>State</th><th>Placed</th>"
	    "<th>Delivery (UTC)</th><th>Cancel</th></tr></thead><tbody>\n");
	for (k = 0; k < paging_shown(p); k++) {
		r = paging_row(p, k);
		id = db_async_cell(&p->q, r, ORDERS_ID);
		html_wrap(buf, "<tr id=\"order-", id, "\">");
		cell(buf, p, r, ORDERS_ID);
		cell(buf, p, r, ORDERS_TERMINAL);
		cell(buf, p, r, ORDERS_MODEL);
		cell(buf, p, r, ORDERS_MANAGER);
		cell(buf, p, r, ORDERS_ITEM);
		cell(buf, p, r, ORDERS_SKU);
		cell(buf, p, r, ORDERS_QUANTITY);
		cell(buf, p, r, ORDERS_STATE);
		cell(buf, p, r, ORDERS_PLACED);
		kore_buf_appendf(buf, "<td><form method=\"post\" "
		    "action=\"/staff/orders/delivery\">");
		portal_csrf_field(buf, p->cookie);
		kore_buf_appendf(buf, "<input type=\"hidden\" name=\"order\" "
		    "value=\"");
		html_text(buf, id);
		/* Plain text: typed the same in every browser and locale. */
		/* The column's heading names the field; the label names
		 * it to a screen reader too, for this order. */
		html_wrap(buf, "\"><label class=\"vh\" for=\"delivery-", id,
		    "\">Delivery date and time (UTC) of order ");
		html_text(buf, id);
		kore_buf_appendf(buf, "</label>");
		html_wrap(buf, "<input id=\"delivery-", id, "\" ");
		html_wrap(buf, "name=\"delivery\" required "
		    "size=\"16\" placeholder=\"YYYY-MM-DD HH:MM\" "
		    "pattern=\"20[0-9]{2}-[01][0-9]-[0-3][0-9] "
		    "[0-2][0-9]:[0-5][0-9]\" value=\"",
		    db_async_cell(&p->q, r, ORDERS_DELIVERY_FORM), "\"> "
		    "<button type=\"submit\">"
		    "Set delivery</button></form></td><td>");
		staff_row_form(buf, p, "/staff/orders/cancel", "order", id,
		    NULL, 0, "Cancel the order");
		kore_buf_appendf(buf, "</td></tr>\n");
	}
	if (paging_shown(p) == 0)
		kore_buf_appendf(buf, "<tr><td colspan=\"11\">No open orders."
		    "</td></tr>\n");
	kore_buf_appendf(buf, "</tbody>");
	html_table_end(buf);
	paging_nav(buf, p);
}

static int
orders_reply(struct http_request *req, struct portal *p)
{
	static const char *const keys[ORDERS_API_COLS] = {
		[ORDERS_ID] = "id", [ORDERS_NOTICE] = "notice",
		[ORDERS_TERMINAL] = "terminal", [ORDERS_MODEL] = "model",
		[ORDERS_MANAGER] = "manager", [ORDERS_SKU] = "sku",
		[ORDERS_ITEM] = "item", [ORDERS_QUANTITY] = "quantity",
		[ORDERS_STATE] = "state", [ORDERS_DELIVERY] = "delivery_at",
		[ORDERS_CREATED] = "created_at",
	};

	return paging_json_list(req, p, "orders", keys, ORDERS_API_COLS,
	    JSON_COL(ORDERS_ID) | JSON_COL(ORDERS_NOTICE) |
	    JSON_COL(ORDERS_QUANTITY));
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
	.paging = &orders_list,
	.render = queue_render,
};

static const struct page orders_call = {
	.who = PAGE_API, .title = "api orders", .roles = ROLE_DESK,
	.paging = &orders_list, .answer = orders_reply,
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
api_orders(struct http_request *req)
{
	return page_run(req, &orders_call);
}

int
page_staff_delivery(struct http_request *req)
{
	return page_run(req, &delivery_page);
}
