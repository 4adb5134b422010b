/* SPDX-License-Identifier: ISC */
/*
 * Who may see a page (page.h): the checks before a page's own query. Each
 * returns PAGE_QUERY (the staff or API session's statement was started),
 * PAGE_DONE (refused and answered) or -1 (nothing to look up: go on).
 */
#ifndef FAXCENTER_PAGE_AUTH_H
#define FAXCENTER_PAGE_AUTH_H

#include "page.h"

int	page_auth_start(struct http_request *req, struct portal *p,
	    const struct page *page);

/* The session's row is in p->q: PAGE_DONE (refused) or -1 (allowed). */
int	page_auth_session(struct http_request *req, struct portal *p,
	    const struct page *page);

/* The staff pages' role bits of a role's name, 0 for none. */
unsigned int	page_role_bits(const char *role);

#endif
