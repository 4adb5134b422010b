/* SPDX-License-Identifier: ISC */
/*
 * Rendered homepages per worker, keyed by the session's hash, each kept
 * with what it was drawn from: the versions of its manager's rows and of
 * the rows every page shares (table home_versions, moved by triggers in
 * the transaction of every change the page shows), and the time until
 * which its clock-bound parts hold (the next slot to start, the next
 * terminal to turn "not reporting"). A page is served again only while
 * the versions the request has just read are the same and that time has
 * not come, so it is never older than the database. FAXCENTER_HOME_CACHE=0
 * turns the cache off (every request draws the page).
 */
#ifndef FAXCENTER_HOME_CACHE_H
#define FAXCENTER_HOME_CACHE_H

#include <stddef.h>
#include <stdint.h>

#include "token.h"

/* What a page was drawn from. */
struct home_stamp {
	uint64_t	mine;		/* the manager's version */
	uint64_t	shared;		/* the shared rows' version */
	int64_t		until;		/* unix seconds; the page holds before */
};

/* A stamp from its columns as the database gives them (decimal); 0, or
 * -1 when one is missing or not a number. */
int		 home_stamp_parse(const char *mine, const char *shared,
		    const char *until, struct home_stamp *stamp);

/* The page kept for hash if it was drawn at stamp's versions and still
 * holds at now (unix seconds); NULL otherwise. */
const void	*home_cache_get(const unsigned char *hash,
		    const struct home_stamp *stamp, int64_t now, size_t *len);

/* Keep a copy of the page drawn for hash at stamp. */
void		 home_cache_put(const unsigned char *hash,
		    const struct home_stamp *stamp, const void *page,
		    size_t len);

/* Forget hash's page. */
void		 home_cache_drop(const unsigned char *hash);

#endif
