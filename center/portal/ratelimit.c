/* SPDX-License-Identifier: ISC */
/* Token buckets per client address; see ratelimit.h. */
#include <stdlib.h>
#include <string.h>

#include "portal.h"
#include "ratelimit.h"

#define BUCKETS		1024

struct bucket {
	char		addr[48];
	double		tokens;
	u_int64_t	at;		/* ms of the last refill */
};

static const struct {
	double	per_minute;
	double	burst;
} rates[RATELIMIT_CLASSES] = {
	[RATELIMIT_TOKEN] = { 30, 30 },
	[RATELIMIT_LOGIN] = { 10, 10 },
};

static struct bucket	table[RATELIMIT_CLASSES][BUCKETS];

static double
scale(void)
{
	static double	s = -1;
	const char	*e;

	if (s < 0) {
		e = getenv("RATELIMIT_SCALE");
		s = e != NULL ? strtod(e, NULL) : 1;
		if (s <= 0)
			s = 1;
	}
	return s;
}

static unsigned int
slot_of(const char *addr)
{
	unsigned int	h = 2166136261u;

	for (; *addr != '\0'; addr++)
		h = (h ^ (unsigned char)*addr) * 16777619u;
	return h % BUCKETS;
}

int
ratelimit_allow(struct http_request *req, enum ratelimit_class cls)
{
	struct bucket	*b;
	char		 addr[48];
	u_int64_t	 now = kore_time_ms();
	double		 burst = rates[cls].burst * scale();

	if (cls == RATELIMIT_NONE)
		return 1;
	portal_client_addr(req, addr, sizeof(addr));
	b = &table[cls][slot_of(addr)];
	if (strcmp(b->addr, addr) != 0) {
		memcpy(b->addr, addr, sizeof(b->addr));
		b->tokens = burst;
		b->at = now;
	}
	b->tokens += (double)(now - b->at) * rates[cls].per_minute * scale() /
	    60000.0;
	if (b->tokens > burst)
		b->tokens = burst;
	b->at = now;
	if (b->tokens < 1)
		return 0;
	b->tokens -= 1;
	return 1;
}
