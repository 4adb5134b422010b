/* SPDX-License-Identifier: ISC */
/*
 * Orders over the API (order desk and admins).
 *   POST /api/v1/orders/delivery  order, delivery ("YYYY-MM-DD HH:MM", UTC)
 * GET /api/v1/orders is with the staff's orders queue (pages_staff_orders.c),
 * /api/v1/fleet with the staff's fleet page (pages_staff_fleet.c),
 * /api/v1/terminals with the staff's list of terminals (pages_terminals.c).
 */
#include <string.h>

#include "json.h"
#include "page.h"
#include "order_delivery.h"
#include "staff.h"

int	api_order_delivery(struct http_request *);

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

static const struct page delivery_call = {
	.who = PAGE_API, .title = "api delivery", .roles = ROLE_DESK,
	.query = delivery_start, .audit = ORDER_DELIVERY_AUDIT,
	.audited = delivery_audited,
	.not_found = { NULL, "no open order with that id" },
};
int
api_order_delivery(struct http_request *req)
{
	return page_run(req, &delivery_call);
}
