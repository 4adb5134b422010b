/* SPDX-License-Identifier: ISC */
/*
 * Rate limits for the endpoints that guess-and-check secrets (homepage
 * links, sign-in): a token bucket per key and class, kept per worker.
 *
 * Keys: a client is its address, an IPv6 client its /64 (one host holds a
 * whole /64); sign-in also counts per user name, so that many addresses
 * guessing one account are slowed as one.
 *
 * The table: sets of RATELIMIT_WAYS buckets, a key's set chosen by a keyed
 * hash (a random key per worker: nobody can aim at another's set). A
 * newcomer takes a bucket only if it is empty or idle (refilled to its
 * burst, so forgetting it loses nothing); when none is, the newcomer
 * shares its set's emptiest bucket. A bucket is thus never reset while it
 * holds a debt: clients that collide cannot start afresh by taking turns,
 * they can only slow each other.
 *
 * RATELIMIT_SCALE in the environment multiplies the rates (tests and
 * benchmarks); RATELIMIT_ENTRIES shrinks the table (tests: 1 makes every
 * key collide).
 */
#ifndef FAXCENTER_RATELIMIT_H
#define FAXCENTER_RATELIMIT_H

#include <kore/kore.h>
#include <kore/http.h>

enum ratelimit_class {
	RATELIMIT_NONE,		/* no limit */
	RATELIMIT_TOKEN,	/* /m/TOKEN: 30 a minute, bursts of 30 */
	RATELIMIT_LOGIN,	/* sign-in per client: 10 a minute, bursts of 10 */
	RATELIMIT_USER,		/* sign-in per user name: 10 a minute, of 10 */
	RATELIMIT_CLASSES
};

/* 1 when the request's client may go ahead (and takes one token), else 0. */
int	ratelimit_allow(struct http_request *req, enum ratelimit_class cls);

/* The same for another key (a user name: compared without case). */
int	ratelimit_allow_key(enum ratelimit_class cls, const char *key);

/* The client's key: its address, an IPv6 address as its /64. */
void	ratelimit_client_key(const char *addr, char *out, size_t len);

#endif
