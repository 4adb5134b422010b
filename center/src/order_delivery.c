/* An open order's delivery date and time; see order_delivery.h. */
#include "order_delivery.h"
#include "staff_sql.h"

static const char sql_delivery[] = STAFF_SQL_DELIVERY;

const char *
order_delivery_start(struct http_request *req, struct portal *p)
{
	const char	*when = portal_arg_datetime(req, "delivery");
	struct db_val	 arg[2];

	p->obj = portal_arg_id(req, "order");
	if (p->obj < 0 || when == NULL)
		return NULL;
	arg[0] = DB_STR(when);
	arg[1] = DB_INT(p->obj);
	db_async_start(&p->q, req, sql_delivery, arg, 2);
	return when;
}
