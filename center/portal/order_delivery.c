/* An open order's delivery date and time; see order_delivery.h. */
#include <stdio.h>

#include "order_delivery.h"

static const char sql_delivery[] =
	"UPDATE orders SET delivery_at = STR_TO_DATE(?, '%Y-%m-%d %H:%i'), "
	"state = 'scheduled' WHERE id = ? AND state IN ('placed', 'scheduled')";

static const char sql_audit[] =
	"INSERT INTO audit_log (actor, action, subject, detail) "
	"VALUES (?, ?, ?, ?)";

const char *
order_delivery_start(struct http_request *req, struct portal *p,
    const char *via)
{
	const char	*when = portal_arg_datetime(req, "delivery");
	struct db_val	 arg[2];

	p->obj = portal_arg_id(req, "order");
	if (p->obj < 0 || when == NULL)
		return NULL;
	(void)snprintf(p->note, sizeof(p->note), "delivery %s UTC%s", when,
	    via);
	arg[0] = DB_STR(when);
	arg[1] = DB_INT(p->obj);
	db_async_start(&p->q, req, sql_delivery, arg, 2);
	return when;
}

void
order_delivery_audit(struct http_request *req, struct portal *p)
{
	char		subject[24];
	struct db_val	arg[4];

	(void)snprintf(subject, sizeof(subject), "%lld", p->obj);
	arg[0] = DB_STR(p->staff_name);
	arg[1] = DB_STR(ORDER_DELIVERY_AUDIT);
	arg[2] = DB_STR(subject);
	arg[3] = DB_STR(p->note);
	db_async_start(&p->q, req, sql_audit, arg, 4);
}
