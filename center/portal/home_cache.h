/* SPDX-License-Identifier: ISC */
/*
 * A short-lived cache of rendered homepages, per worker, keyed by the
 * session's hash. A manager's page changes when a terminal reports or the
 * center acts, so a page up to FAXCENTER_HOME_CACHE_MS old (default 5000;
 * 0 turns the cache off) is as good as a fresh one, and reloads cost no
 * database round trip. What the manager does (order, book, sign out) drops
 * the entry, and the redirect after it asks for a fresh page (/home?fresh)
 * in case another worker answers.
 */
#ifndef FAXCENTER_HOME_CACHE_H
#define FAXCENTER_HOME_CACHE_H

#include <stddef.h>

#include "token.h"

/* The cached page for hash, if fresh enough; NULL otherwise. */
const void	*home_cache_get(const unsigned char *hash, size_t *len);

/* Keep a copy of the page rendered for hash. */
void		 home_cache_put(const unsigned char *hash, const void *page,
		    size_t len);

/* Forget hash's page. */
void		 home_cache_drop(const unsigned char *hash);

#endif
