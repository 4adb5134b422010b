/*
 * The faxcenter Kore application: settings shared by every page, and the
 * per-request state every page's http_state machine keeps.
 */
#ifndef FAXCENTER_APP_H
#define FAXCENTER_APP_H

#include <kore/kore.h>
#include <kore/http.h>

#include "config.h"
#include "db_async.h"
#include "token.h"

extern struct center_config	app_config;

struct page_state {
	struct db_async_query	q;
	unsigned char		token_hash[TOKEN_HASH_LEN];
};

/* The request's state, created on first use; freed with the request. */
struct page_state	*page_state(struct http_request *req);

/*
 * The token that ends req's path (the route's regex admits only 64 hex
 * digits), hashed into st->token_hash. 0, or -1 when there is none.
 */
int	page_token(struct http_request *req, struct page_state *st);

#endif
