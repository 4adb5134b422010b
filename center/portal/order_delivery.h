/* SPDX-License-Identifier: ISC */
/*
 * Setting an open order's delivery date and time, one way for the staff
 * page and the API: the same arguments, the same checks, the same
 * statement and the same audit entry. Each caller answers in its own
 * format.
 */
#ifndef FAXCENTER_ORDER_DELIVERY_H
#define FAXCENTER_ORDER_DELIVERY_H

#include <kore/kore.h>
#include <kore/http.h>

#include "portal.h"

/* The audit log's action for a delivery date set, through either door. */
#define ORDER_DELIVERY_AUDIT	"order.delivery"

/*
 * Reads the request's "order" (an id, into p->obj) and "delivery"
 * ("YYYY-MM-DD HH:MM", UTC) and starts the UPDATE; p->q.affected is then
 * 0 when no open order has that id. The audit entry's words (page.h)
 * end in via ("" for the staff page). Returns the delivery
 * time, or NULL when an argument is missing or malformed: nothing is
 * started, and the caller answers the bad request.
 */
const char	*order_delivery_start(struct http_request *req,
		    struct portal *p, const char *via);

#endif
