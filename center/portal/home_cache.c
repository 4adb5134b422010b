/* SPDX-License-Identifier: ISC */
/*
 * Rendered homepages per worker; see home_cache.h. A fixed table of sets
 * indexed by the session hash's first bytes (the hash is uniform), each
 * set a few entries: a new page takes the set's empty or oldest entry, so
 * sessions that share a set do not keep evicting each other.
 */
#include <stdlib.h>
#include <string.h>

#include <kore/kore.h>

#include "home_cache.h"

#define SETS		512
#define WAYS		8
#define TTL_DEFAULT	5000

struct entry {
	unsigned char	 hash[TOKEN_HASH_LEN];
	u_int64_t	 at;		/* ms when rendered, 0 when empty */
	void		*page;
	size_t		 len;
};

static struct entry	table[SETS][WAYS];

static u_int64_t
ttl_ms(void)
{
	static long long	ttl = -1;
	const char		*e;

	if (ttl < 0) {
		e = getenv("FAXCENTER_HOME_CACHE_MS");
		ttl = e != NULL ? strtoll(e, NULL, 10) : TTL_DEFAULT;
		if (ttl < 0)
			ttl = 0;
	}
	return (u_int64_t)ttl;
}

static struct entry *
set_of(const unsigned char *hash)
{
	unsigned int	i;

	memcpy(&i, hash, sizeof(i));
	return table[i % SETS];
}

/* hash's entry in its set, or NULL. */
static struct entry *
find(const unsigned char *hash)
{
	struct entry	*set = set_of(hash);
	unsigned int	 w;

	for (w = 0; w < WAYS; w++) {
		if (set[w].at != 0 &&
		    memcmp(set[w].hash, hash, TOKEN_HASH_LEN) == 0)
			return &set[w];
	}
	return NULL;
}

const void *
home_cache_get(const unsigned char *hash, size_t *len)
{
	struct entry	*e = find(hash);

	if (e == NULL || kore_time_ms() - e->at >= ttl_ms())
		return NULL;
	*len = e->len;
	return e->page;
}

void
home_cache_put(const unsigned char *hash, const void *page, size_t len)
{
	struct entry	*set, *e;
	unsigned int	 w;

	if (ttl_ms() == 0)
		return;
	if ((e = find(hash)) == NULL) {
		set = set_of(hash);
		e = &set[0];
		for (w = 1; w < WAYS && e->at != 0; w++) {
			if (set[w].at < e->at)
				e = &set[w];
		}
	}
	kore_free(e->page);
	e->page = kore_malloc(len);
	memcpy(e->page, page, len);
	e->len = len;
	memcpy(e->hash, hash, TOKEN_HASH_LEN);
	e->at = kore_time_ms();
}

void
home_cache_drop(const unsigned char *hash)
{
	struct entry	*e = find(hash);

	if (e != NULL)
		e->at = 0;
}
