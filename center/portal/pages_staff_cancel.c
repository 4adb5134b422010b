/* SPDX-License-Identifier: ISC */
/*
 * What the desk and dispatch take back, each one audited statement; the
 * manager is mailed through the outbox (triggers of schema version 85
 * write the row with the change):
 *   POST /staff/orders/cancel   order: an open order (desk)
 *   POST /api/v1/orders/cancel  the same over the API
 *   POST /staff/visits/cancel   visit: a booked visit; its slot is free
 *                               again (dispatch)
 *   POST /staff/visits/move     visit, slot: to another free slot
 *   POST /staff/slots/remove    slot: a free slot; a booked one is
 *                               refused (cancel or move its visit first)
 */
#include "app.h"
#include "html.h"
#include "json.h"
#include "staff.h"

int	page_staff_order_cancel(struct http_request *);
int	api_order_cancel(struct http_request *);
int	page_staff_visit_cancel(struct http_request *);
int	page_staff_visit_move(struct http_request *);
int	page_staff_slot_remove(struct http_request *);

static const char sql_order_cancel[] =
	"UPDATE orders SET state = 'cancelled', closed_at = NOW(6) "
	"WHERE id = ? AND state IN ('placed', 'scheduled')";

static const char sql_visit_cancel[] =
	"UPDATE visits SET state = 'cancelled', closed_at = NOW(6) "
	"WHERE id = ? AND state = 'booked'";

/* A slot held by another visit fails on visits_slot_held (409). */
static const char sql_visit_move[] =
	"UPDATE visits v JOIN technician_slots s ON s.id = ? "
	"AND s.removed_at IS NULL AND s.starts_at > NOW() "
	"SET v.slot_id = s.id WHERE v.id = ? AND v.state = 'booked' "
	"AND v.slot_id <> s.id";

static const char sql_slot_remove[] =
	"UPDATE technician_slots s SET s.removed_at = NOW(6) "
	"WHERE s.id = ? AND s.removed_at IS NULL AND NOT EXISTS "
	"(SELECT 1 FROM visits v WHERE v.slot_id = s.id "
	"AND v.state = 'booked')";

/* A statement whose one parameter is the id in field; -1 without it. */
static int
by_id(struct http_request *req, struct portal *p, const char *field,
    const char *sql, const char *via)
{
	struct db_val	arg[1];

	p->obj = portal_arg_id(req, field);
	if (p->obj < 0)
		return -1;
	staff_audit_detail(p, "%s %lld%s", field, p->obj, via);
	arg[0] = DB_INT(p->obj);
	db_async_start(&p->q, req, sql, arg, 1);
	return PAGE_QUERY;
}

static int
refuse(struct http_request *req, const char *why)
{
	html_message(req, 400, "Cannot do that", why);
	return PAGE_DONE;
}

static int
order_cancel_start(struct http_request *req, struct portal *p)
{
	if (by_id(req, p, "order", sql_order_cancel, "") < 0)
		return refuse(req, "Which order, please?");
	return PAGE_QUERY;
}

static int
api_cancel_start(struct http_request *req, struct portal *p)
{
	if (by_id(req, p, "order", sql_order_cancel, ", through the API") < 0) {
		json_error(req, 400, "order is needed");
		return PAGE_DONE;
	}
	return PAGE_QUERY;
}

static int
api_cancel_audited(struct http_request *req, struct portal *p)
{
	struct kore_buf	*buf = kore_buf_alloc(64);

	kore_buf_appendf(buf, "{\"id\":%lld,\"state\":\"cancelled\"}\n",
	    p->obj);
	json_send(req, 200, buf);
	return PAGE_DONE;
}

static int
visit_cancel_start(struct http_request *req, struct portal *p)
{
	if (by_id(req, p, "visit", sql_visit_cancel, "") < 0)
		return refuse(req, "Which visit, please?");
	return PAGE_QUERY;
}

static int
visit_move_start(struct http_request *req, struct portal *p)
{
	long long	slot = portal_arg_id(req, "slot");
	struct db_val	arg[2];

	p->obj = portal_arg_id(req, "visit");
	if (p->obj < 0 || slot < 0)
		return refuse(req, "A visit and the slot to move it to, "
		    "please.");
	staff_audit_detail(p, "visit %lld to slot %lld", p->obj, slot);
	arg[0] = DB_INT(slot);
	arg[1] = DB_INT(p->obj);
	db_async_start(&p->q, req, sql_visit_move, arg, 2);
	return PAGE_QUERY;
}

static int
slot_remove_start(struct http_request *req, struct portal *p)
{
	if (by_id(req, p, "slot", sql_slot_remove, "") < 0)
		return refuse(req, "Which slot, please?");
	return PAGE_QUERY;
}

static const struct page order_cancel_page = {
	.who = PAGE_STAFF, .title = "Cancel an order", .roles = ROLE_DESK,
	.query = order_cancel_start, .audit = "order.cancel",
	.next = "/staff/orders",
	.not_found = { "Not cancelled", "No open order has that number: "
	    "it was delivered or cancelled already." },
};
static const struct page order_cancel_call = {
	.who = PAGE_API, .title = "api cancel", .roles = ROLE_DESK,
	.query = api_cancel_start, .audit = "order.cancel",
	.audited = api_cancel_audited,
	.not_found = { NULL, "no open order with that id" },
};
static const struct page visit_cancel_page = {
	.who = PAGE_STAFF, .title = "Cancel a visit", .roles = ROLE_DISPATCH,
	.query = visit_cancel_start, .audit = "visit.cancel",
	.next = "/staff/technicians",
	.not_found = { "Not cancelled", "No booked visit has that number: "
	    "it was completed or cancelled already." },
};
static const struct page visit_move_page = {
	.who = PAGE_STAFF, .title = "Move a visit", .roles = ROLE_DISPATCH,
	.query = visit_move_start, .audit = "visit.move",
	.next = "/staff/technicians",
	.duplicate = { "Slot taken", "Another visit holds that slot: "
	    "choose a free one." },
	.not_found = { "Not moved", "Either the visit is no longer booked "
	    "or that slot is not a future, listed slot." },
};
static const struct page slot_remove_page = {
	.who = PAGE_STAFF, .title = "Remove a slot", .roles = ROLE_DISPATCH,
	.query = slot_remove_start, .audit = "slot.remove",
	.next = "/staff/technicians",
	.not_found = { "Not removed", "A visit is booked in that slot: "
	    "cancel or move the visit first (the manager is told). Or the "
	    "slot was removed already." },
};

int
page_staff_order_cancel(struct http_request *req)
{
	return page_run(req, &order_cancel_page);
}

int
api_order_cancel(struct http_request *req)
{
	return page_run(req, &order_cancel_call);
}

int
page_staff_visit_cancel(struct http_request *req)
{
	return page_run(req, &visit_cancel_page);
}

int
page_staff_visit_move(struct http_request *req)
{
	return page_run(req, &visit_move_page);
}

int
page_staff_slot_remove(struct http_request *req)
{
	return page_run(req, &slot_remove_page);
}
