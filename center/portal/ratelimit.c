/* SPDX-License-Identifier: ISC */
/* Token buckets per client and per user name; see ratelimit.h. */
#include <sys/random.h>

#include <arpa/inet.h>
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include "portal.h"
#include "ratelimit.h"

#define ENTRIES		1024
#define WAYS		4
#define KEY_MAX		72	/* "xxxx:...:xxxx::/64", a user name (64) */

struct bucket {
	char		key[KEY_MAX];
	double		tokens;
	u_int64_t	at;		/* ms of the last refill */
};

static const struct {
	double	per_minute;
	double	burst;
} rates[RATELIMIT_CLASSES] = {
	[RATELIMIT_TOKEN] = { 30, 30 },
	[RATELIMIT_LOGIN] = { 10, 10 },
	[RATELIMIT_USER] = { 10, 10 },
};

static struct bucket	table[RATELIMIT_CLASSES][ENTRIES];
static unsigned char	hash_key[32];
static size_t		entries, ways;

static double
env_num(const char *name, double dflt)
{
	const char	*e = getenv(name);
	double		 v;

	v = e != NULL ? strtod(e, NULL) : dflt;
	return v > 0 ? v : dflt;
}

static double
scale(void)
{
	static double	s = -1;

	if (s < 0)
		s = env_num("RATELIMIT_SCALE", 1);
	return s;
}

static void
table_init(void)
{
	if (entries != 0)
		return;
	entries = (size_t)env_num("RATELIMIT_ENTRIES", ENTRIES);
	if (entries > ENTRIES)
		entries = ENTRIES;
	ways = entries < WAYS ? entries : WAYS;
	entries -= entries % ways;
	/* Without randomness the sets are only guessable, not shared. */
	if (getrandom(hash_key, sizeof(hash_key), 0) != sizeof(hash_key))
		kore_log(LOG_WARNING, "ratelimit: no random hash key");
}

static size_t
set_of(const char *key)
{
	unsigned char	mac[EVP_MAX_MD_SIZE];
	unsigned int	len = 0;
	u_int32_t	h;

	if (HMAC(EVP_sha256(), hash_key, sizeof(hash_key),
	    (const unsigned char *)key, strlen(key), mac, &len) == NULL ||
	    len < sizeof(h))
		return 0;
	memcpy(&h, mac, sizeof(h));
	return (h % (entries / ways)) * ways;
}

/* The bucket's tokens now; it was last refilled at b->at. */
static void
refill(struct bucket *b, enum ratelimit_class cls, u_int64_t now)
{
	double	burst = rates[cls].burst * scale();

	if (now > b->at)
		b->tokens += (double)(now - b->at) * rates[cls].per_minute *
		    scale() / 60000.0;
	if (b->tokens > burst)
		b->tokens = burst;
	b->at = now;
}

/* key's bucket: its own, a free or idle one of its set, or the emptiest. */
static struct bucket *
bucket_of(enum ratelimit_class cls, const char *key, u_int64_t now)
{
	struct bucket	*set, *b, *free = NULL, *emptiest = NULL;
	double		 burst = rates[cls].burst * scale();
	size_t		 i;

	set = &table[cls][set_of(key)];
	for (i = 0; i < ways; i++) {
		b = &set[i];
		if (b->key[0] == '\0') {
			if (free == NULL)
				free = b;
			continue;
		}
		refill(b, cls, now);
		if (strcmp(b->key, key) == 0)
			return b;
		if (b->tokens >= burst && free == NULL)
			free = b;
		if (emptiest == NULL || b->tokens < emptiest->tokens)
			emptiest = b;
	}
	if (free == NULL)
		return emptiest;
	(void)snprintf(free->key, sizeof(free->key), "%s", key);
	free->tokens = burst;
	free->at = now;
	return free;
}

int
ratelimit_allow_key(enum ratelimit_class cls, const char *key)
{
	struct bucket	*b;
	char		 k[KEY_MAX];
	size_t		 i;

	if (cls == RATELIMIT_NONE)
		return 1;
	table_init();
	/* User names are compared without case, as the database does. */
	for (i = 0; key[i] != '\0' && i < sizeof(k) - 1; i++)
		k[i] = (char)tolower((unsigned char)key[i]);
	k[i] = '\0';
	b = bucket_of(cls, k, kore_time_ms());
	if (b->tokens < 1)
		return 0;
	b->tokens -= 1;
	return 1;
}

void
ratelimit_client_key(const char *addr, char *out, size_t len)
{
	struct in6_addr	a6;
	char		text[INET6_ADDRSTRLEN];

	if (inet_pton(AF_INET6, addr, &a6) != 1) {
		(void)snprintf(out, len, "%s", addr);
		return;
	}
	if (IN6_IS_ADDR_V4MAPPED(&a6)) {
		(void)inet_ntop(AF_INET, &a6.s6_addr[12], text, sizeof(text));
		(void)snprintf(out, len, "%s", text);
		return;
	}
	memset(&a6.s6_addr[8], 0, 8);
	if (inet_ntop(AF_INET6, &a6, text, sizeof(text)) == NULL)
		(void)snprintf(text, sizeof(text), "%s", addr);
	(void)snprintf(out, len, "%s/64", text);
}

int
ratelimit_allow(struct http_request *req, enum ratelimit_class cls)
{
	char	addr[64], key[KEY_MAX];

	if (cls == RATELIMIT_NONE)
		return 1;
	portal_client_addr(req, addr, sizeof(addr));
	ratelimit_client_key(addr, key, sizeof(key));
	return ratelimit_allow_key(cls, key);
}
