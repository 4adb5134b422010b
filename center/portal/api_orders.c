/* SPDX-License-Identifier: ISC */
/*
 * Orders over the API (order desk and admins).
 *   GET  /api/v1/orders           open orders, oldest first
 *   POST /api/v1/orders/delivery  order, delivery ("YYYY-MM-DD HH:MM", UTC)
 * GET /api/v1/fleet is with the staff's fleet page (pages_staff_fleet.c),
 * /api/v1/terminals with the staff's list of terminals (pages_terminals.c).
 */
#include <string.h>

#include "json.h"
#include "page.h"
#include "order_delivery.h"
#include "staff.h"

int	api_orders(struct http_request *);
int	api_order_delivery(struct http_request *);

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
	ORDERS_COLS
};

static const char sql_orders[] =
	"SELECT o.id, o.notice_id, t.terminal_uid, md.name, m.email, c.sku, "
	"c.name, o.quantity, o.state, "
	"DATE_FORMAT(o.delivery_at, '%Y-%m-%dT%H:%i:00Z'), "
	"DATE_FORMAT(o.created_at, '%Y-%m-%dT%H:%i:%sZ') "
	"FROM orders o JOIN terminals t ON t.id = o.terminal_id "
	"JOIN models md ON md.id = t.model_id "
	"JOIN managers m ON m.id = o.manager_id "
	"JOIN consumables c ON c.id = o.consumable_id "
	"WHERE o.state IN ('placed', 'scheduled') "
	"ORDER BY o.created_at LIMIT 1000";

static int
orders_reply(struct http_request *req, struct portal *p)
{
	static const char *const keys[ORDERS_COLS] = {
		[ORDERS_ID] = "id", [ORDERS_NOTICE] = "notice",
		[ORDERS_TERMINAL] = "terminal", [ORDERS_MODEL] = "model",
		[ORDERS_MANAGER] = "manager", [ORDERS_SKU] = "sku",
		[ORDERS_ITEM] = "item", [ORDERS_QUANTITY] = "quantity",
		[ORDERS_STATE] = "state", [ORDERS_DELIVERY] = "delivery_at",
		[ORDERS_CREATED] = "created_at",
	};
	struct kore_buf	*buf = kore_buf_alloc(4096);
	unsigned int	 r;

	kore_buf_appendf(buf, "{\"orders\":[");
	for (r = 0; r < p->q.rows; r++) {
		kore_buf_appendf(buf, "%s{", r ? "," : "");
		json_members(buf, &p->q, r, keys, ORDERS_COLS,
		    JSON_COL(ORDERS_ID) | JSON_COL(ORDERS_NOTICE) |
		    JSON_COL(ORDERS_QUANTITY));
		kore_buf_appendf(buf, "}");
	}
	kore_buf_appendf(buf, "]}\n");
	json_send(req, 200, buf);
	return PAGE_DONE;
}

static int
delivery_start(struct http_request *req, struct portal *p)
{
	if (order_delivery_start(req, p, ", through the API") == NULL) {
		json_error(req, 400, "order and delivery (YYYY-MM-DD HH:MM) "
		    "are needed");
		return PAGE_DONE;
	}
	return PAGE_QUERY;
}

/* After the audit entry: the order as it is now. */
static int
delivery_audited(struct http_request *req, struct portal *p)
{
	struct kore_buf	*buf = kore_buf_alloc(128);

	kore_buf_appendf(buf, "{\"id\":%lld,\"state\":\"scheduled\","
	    "\"delivery_at\":", p->obj);
	json_string(buf, portal_arg(req, "delivery"));
	kore_buf_appendf(buf, "}\n");
	json_send(req, 200, buf);
	return PAGE_DONE;
}

static const struct page orders_call = {
	.who = PAGE_API, .title = "api orders", .roles = ROLE_DESK,
	.sql = sql_orders, .answer = orders_reply,
};
static const struct page delivery_call = {
	.who = PAGE_API, .title = "api delivery", .roles = ROLE_DESK,
	.query = delivery_start, .audit = ORDER_DELIVERY_AUDIT,
	.audited = delivery_audited,
	.not_found = { NULL, "no open order with that id" },
};
int
api_orders(struct http_request *req)
{
	return page_run(req, &orders_call);
}

int
api_order_delivery(struct http_request *req)
{
	return page_run(req, &delivery_call);
}
