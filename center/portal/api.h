/*
 * The JSON API (/api/v1/...) for ordering and ERP systems: the staff
 * pages' data with the staff pages' authorization. A client signs in with
 * POST /api/v1/session (username, password) and sends the token it gets as
 * "Authorization: Bearer TOKEN"; roles are those of the account.
 */
#ifndef FAXCENTER_API_H
#define FAXCENTER_API_H

#include <kore/kore.h>
#include <kore/http.h>

#include "portal.h"

struct api_call {
	unsigned int	roles;		/* ROLE_* bits (staff.h) */
	/* Start the call's statement, or answer (bad input) and return -1. */
	int		(*start)(struct http_request *, struct portal *);
	/* Answer from p->q, which succeeded. */
	void		(*reply)(struct http_request *, struct portal *);
};

int	api_run(struct http_request *req, const struct api_call *call);

#endif
