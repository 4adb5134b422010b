/* SPDX-License-Identifier: ISC */
/*
 * The manager's homepage: its one statement, and the page as HTML from
 * its rows (both in home_render.c).
 */
#ifndef FAXCENTER_HOME_H
#define FAXCENTER_HOME_H

#include <kore/kore.h>
#include <kore/http.h>

#include "db_async.h"

/* Start the page's statement for the manager session whose token hashes
 * to session_hash (TOKEN_HASH_LEN bytes). */
void	home_start(struct db_async_query *q, struct http_request *req,
	    const unsigned char *session_hash);

struct home_stamp;

/* What the page in q's rows was drawn from (home_cache.h): 0, or -1 when
 * the rows have none. */
int	home_stamp(const struct db_async_query *q, struct home_stamp *stamp);

/* Append the whole page from q's rows; session_token signs its forms. */
void	home_render(struct kore_buf *buf, const struct db_async_query *q,
	    const char *session_token);

struct portal;

/* The homepage of the session in p->cookie_hash: start its statement
 * (PAGE_QUERY), then answer with its rows (pages_manager.c). */
int	home_page_query(struct http_request *req, struct portal *p);
int	home_page_show(struct http_request *req, struct portal *p);

#endif
