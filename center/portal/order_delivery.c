/* SPDX-License-Identifier: ISC */
/* An open order's delivery date and time; see order_delivery.h. */
#include <stdio.h>

#include "order_delivery.h"
#include "staff.h"

static const char sql_delivery[] =
	"UPDATE orders SET delivery_at = STR_TO_DATE(?, '%Y-%m-%d %H:%i'), "
	"state = 'scheduled' WHERE id = ? AND state IN ('placed', 'scheduled')";

const char *
order_delivery_start(struct http_request *req, struct portal *p,
    const char *via)
{
	const char	*when = portal_arg_datetime(req, "delivery");
	struct db_val	 arg[2];

	p->obj = portal_arg_id(req, "order");
	if (p->obj < 0 || when == NULL)
		return NULL;
	staff_audit_detail(p, "delivery %s UTC%s", when, via);
	arg[0] = DB_STR(when);
	arg[1] = DB_INT(p->obj);
	db_async_start(&p->q, req, sql_delivery, arg, 2);
	return when;
}
