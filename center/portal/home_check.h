/* SPDX-License-Identifier: ISC */
/*
 * The homepage's check, read for every request: is the session valid,
 * and at which versions is its manager's page (home_cache.h). Requests
 * that arrive while the worker's checks are already running wait for the
 * next statement and share it (up to HOME_CHECK_MAX sessions, one
 * statement, one key read each): every request is answered from a read
 * that began after it arrived, and under load the database sees a
 * fraction of the statements. A request alone goes at once.
 */
#ifndef FAXCENTER_HOME_CHECK_H
#define FAXCENTER_HOME_CHECK_H

#include <kore/kore.h>
#include <kore/http.h>

#include "home_cache.h"

struct portal;

enum home_check_state {
	HOME_CHECK_WAITING,
	HOME_CHECK_CURRENT,	/* a valid session: its stamp */
	HOME_CHECK_NO_SESSION,
	HOME_CHECK_FAILED,	/* the statement failed */
};

/* Check p->cookie_hash; the request sleeps until home_check_result()
 * says more than HOME_CHECK_WAITING. */
void	home_check_start(struct http_request *req, struct portal *p);

/* Its outcome; for HOME_CHECK_CURRENT, the versions read into now (its
 * until: the database's clock, unix seconds). Puts the request back to
 * sleep while waiting. */
enum home_check_state	home_check_result(struct http_request *req,
			    struct portal *p, struct home_stamp *now);

/* The request goes away (portal_free). */
void	home_check_free(struct portal *p);

#endif
