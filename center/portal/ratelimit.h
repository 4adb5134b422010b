/* SPDX-License-Identifier: ISC */
/*
 * Rate limits per client address for the endpoints that guess-and-check
 * secrets (homepage links, staff login): a token bucket per address and
 * class, kept per worker in a small table (an address evicted early only
 * gets a fresh bucket). RATELIMIT_SCALE in the environment multiplies the
 * rates (tests and benchmarks).
 */
#ifndef FAXCENTER_RATELIMIT_H
#define FAXCENTER_RATELIMIT_H

#include <kore/kore.h>
#include <kore/http.h>

enum ratelimit_class {
	RATELIMIT_NONE,		/* no limit */
	RATELIMIT_TOKEN,	/* /m/TOKEN: 30 a minute, bursts of 30 */
	RATELIMIT_LOGIN,	/* staff login: 10 a minute, bursts of 10 */
	RATELIMIT_CLASSES
};

/* 1 when the request may go ahead (and takes one token), else 0. */
int	ratelimit_allow(struct http_request *req, enum ratelimit_class cls);

#endif
