/*
 * Rendered homepages per worker; see home_cache.h. A fixed table indexed
 * by the session hash's first bytes (the hash is uniform): a colliding
 * session simply replaces the entry.
 */
#include <stdlib.h>
#include <string.h>

#include <kore/kore.h>

#include "home_cache.h"

#define SLOTS		4096
#define TTL_DEFAULT	2000

struct entry {
	unsigned char	 hash[TOKEN_HASH_LEN];
	u_int64_t	 at;		/* ms when rendered, 0 when empty */
	void		*page;
	size_t		 len;
};

static struct entry	table[SLOTS];

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
slot(const unsigned char *hash)
{
	unsigned int	i;

	memcpy(&i, hash, sizeof(i));
	return &table[i % SLOTS];
}

const void *
home_cache_get(const unsigned char *hash, size_t *len)
{
	struct entry	*e = slot(hash);

	if (e->at == 0 || memcmp(e->hash, hash, TOKEN_HASH_LEN) != 0 ||
	    kore_time_ms() - e->at >= ttl_ms())
		return NULL;
	*len = e->len;
	return e->page;
}

void
home_cache_put(const unsigned char *hash, const void *page, size_t len)
{
	struct entry	*e = slot(hash);

	if (ttl_ms() == 0)
		return;
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
	struct entry	*e = slot(hash);

	if (memcmp(e->hash, hash, TOKEN_HASH_LEN) == 0)
		e->at = 0;
}
