/* SPDX-License-Identifier: ISC */
/*
 * Orders over the API (order desk and admins).
 *   GET  /api/v1/orders           open orders, oldest first
 *   POST /api/v1/orders/delivery  order, delivery ("YYYY-MM-DD HH:MM", UTC)
 *   GET  /api/v1/terminals        ?after=ID&limit=N (1-1000, default 100):
 *                                 terminals by id with their state and open
 *                                 notices, and the "after" of the next page
 *                                 (every role)
 * GET /api/v1/fleet is with the staff's fleet page (pages_staff_fleet.c).
 */
#include <string.h>

#include "json.h"
#include "page.h"
#include "order_delivery.h"
#include "staff.h"

int	api_orders(struct http_request *);
int	api_order_delivery(struct http_request *);
int	api_terminals(struct http_request *);

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

enum terminals_col {
	TERMINALS_ID,
	TERMINALS_UID,
	TERMINALS_MODEL,
	TERMINALS_SERIAL,
	TERMINALS_MANAGER,
	TERMINALS_LAST_REPORT,
	TERMINALS_STATE,
	TERMINALS_OPEN_NOTICES,		/* their keywords, space-separated */
};

static const char sql_terminals[] =
	"SELECT t.id, t.terminal_uid, md.name, t.serial, m.email, "
	"DATE_FORMAT(t.last_report_at, '%Y-%m-%dT%H:%i:%sZ'), "
	"(SELECT CASE MAX(FIELD(n.severity, 'report', 'warning', 'error')) "
	"  WHEN 3 THEN 'error' WHEN 2 THEN 'warning' ELSE 'ok' END "
	"  FROM notices n WHERE n.terminal_id = t.id AND n.closed_at IS NULL), "
	"(SELECT GROUP_CONCAT(n.condition_kw ORDER BY n.id SEPARATOR ' ') "
	"  FROM notices n WHERE n.terminal_id = t.id AND n.closed_at IS NULL) "
	"FROM terminals t JOIN models md ON md.id = t.model_id "
	"LEFT JOIN managers m ON m.id = t.manager_id "
	"WHERE t.id > ? ORDER BY t.id LIMIT ?";

/*
 * Row r's first n columns as JSON members named keys[0..n-1] (keys are
 * indexed by the statement's column enum): a column whose bit
 * (COL_BIT(column)) is set in numbers is a number, the others are strings.
 */
#define COL_BIT(col)	(1u << (col))

static void
members(struct kore_buf *buf, struct db_async_query *q, unsigned int r,
    const char *const *keys, unsigned int n, unsigned int numbers)
{
	unsigned int	c;

	for (c = 0; c < n; c++) {
		kore_buf_appendf(buf, "%s\"%s\":", c ? "," : "", keys[c]);
		if (numbers & COL_BIT(c))
			json_number(buf, db_async_cell(q, r, c));
		else
			json_string(buf, db_async_cell(q, r, c));
	}
}

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
		members(buf, &p->q, r, keys, ORDERS_COLS,
		    COL_BIT(ORDERS_ID) | COL_BIT(ORDERS_NOTICE) |
		    COL_BIT(ORDERS_QUANTITY));
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

static int
terminals_start(struct http_request *req, struct portal *p)
{
	long long	after = portal_arg_num(req, "after");
	long long	limit = portal_arg_num(req, "limit");
	struct db_val	arg[2];

	if (portal_arg(req, "after") != NULL && after < 0) {
		json_error(req, 400, "after must be a terminal id");
		return PAGE_DONE;
	}
	if (portal_arg(req, "limit") != NULL && (limit < 1 || limit > 1000)) {
		json_error(req, 400, "limit must be 1 to 1000");
		return PAGE_DONE;
	}
	arg[0] = DB_INT(after > 0 ? after : 0);
	arg[1] = DB_INT(limit > 0 ? limit : 100);
	db_async_start(&p->q, req, sql_terminals, arg, 2);
	return PAGE_QUERY;
}

/* Open notices' keywords, space-separated, as a JSON array. */
static void
keywords(struct kore_buf *buf, const char *list)
{
	const char	*end;
	char		 kw[65];
	size_t		 n;
	int		 first = 1;

	kore_buf_appendf(buf, "[");
	while (list != NULL && *list != '\0') {
		end = strchr(list, ' ');
		n = end != NULL ? (size_t)(end - list) : strlen(list);
		if (n > 0 && n < sizeof(kw)) {
			memcpy(kw, list, n);
			kw[n] = '\0';
			kore_buf_appendf(buf, "%s", first ? "" : ",");
			json_string(buf, kw);
			first = 0;
		}
		list = end != NULL ? end + 1 : NULL;
	}
	kore_buf_appendf(buf, "]");
}

static int
terminals_reply(struct http_request *req, struct portal *p)
{
	/* The columns up to the state; then the notices, as an array. */
	static const char *const keys[TERMINALS_OPEN_NOTICES] = {
		[TERMINALS_ID] = "id", [TERMINALS_UID] = "terminal",
		[TERMINALS_MODEL] = "model", [TERMINALS_SERIAL] = "serial",
		[TERMINALS_MANAGER] = "manager",
		[TERMINALS_LAST_REPORT] = "last_report_at",
		[TERMINALS_STATE] = "state",
	};
	struct kore_buf	*buf = kore_buf_alloc(8192);
	unsigned int	 r;

	kore_buf_appendf(buf, "{\"terminals\":[");
	for (r = 0; r < p->q.rows; r++) {
		kore_buf_appendf(buf, "%s{", r ? "," : "");
		members(buf, &p->q, r, keys, TERMINALS_OPEN_NOTICES,
		    COL_BIT(TERMINALS_ID));
		kore_buf_appendf(buf, ",\"open_notices\":");
		keywords(buf, db_async_cell(&p->q, r,
		    TERMINALS_OPEN_NOTICES));
		kore_buf_appendf(buf, "}");
	}
	kore_buf_appendf(buf, "],\"after\":");
	json_number(buf, p->q.rows > 0 ?
	    db_async_cell(&p->q, p->q.rows - 1, TERMINALS_ID) : NULL);
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
static const struct page terminals_call = {
	.who = PAGE_API, .title = "api terminals", .roles = ROLE_ANY,
	.query = terminals_start, .answer = terminals_reply,
};

int
api_terminals(struct http_request *req)
{
	return page_run(req, &terminals_call);
}

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
