/* SPDX-License-Identifier: ISC */
/*
 * Rendered homepages per worker; see home_cache.h. A fixed table of sets
 * indexed by the session hash's first bytes (the hash is uniform), each
 * set a few entries: a new page takes the set's empty or oldest entry, so
 * sessions that share a set do not keep evicting each other. Whether a
 * kept page may be served is decided by its stamp alone, never its age.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <kore/kore.h>

#include "home_cache.h"

#define SETS		512
#define WAYS		8

struct entry {
	unsigned char	 hash[TOKEN_HASH_LEN];
	u_int64_t	 at;		/* ms when stored, 0 when empty */
	struct home_stamp stamp;
	void		*page;
	size_t		 len;
};

static struct entry	table[SETS][WAYS];

static int
enabled(void)
{
	static int	 on = -1;
	const char	*e;

	if (on < 0) {
		e = getenv("FAXCENTER_HOME_CACHE");
		on = e == NULL || strcmp(e, "0") != 0;
	}
	return on;
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

static int
number(const char *s, uint64_t *v)
{
	char	*end;

	if (s == NULL || *s < '0' || *s > '9')
		return -1;
	errno = 0;
	*v = strtoull(s, &end, 10);
	return errno != 0 || *end != '\0' ? -1 : 0;
}

int
home_stamp_parse(const char *mine, const char *shared, const char *until,
    struct home_stamp *stamp)
{
	uint64_t	u;

	if (number(mine, &stamp->mine) || number(shared, &stamp->shared) ||
	    number(until, &u) || u > INT64_MAX)
		return -1;
	stamp->until = (int64_t)u;
	return 0;
}

const void *
home_cache_get(const unsigned char *hash, const struct home_stamp *stamp,
    int64_t now, size_t *len)
{
	struct entry	*e = find(hash);

	if (e == NULL || e->stamp.mine != stamp->mine ||
	    e->stamp.shared != stamp->shared || now >= e->stamp.until)
		return NULL;
	*len = e->len;
	return e->page;
}

void
home_cache_put(const unsigned char *hash, const struct home_stamp *stamp,
    const void *page, size_t len)
{
	struct entry	*set, *e;
	unsigned int	 w;

	if (!enabled())
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
	e->stamp = *stamp;
	e->at = kore_time_ms();
}

void
home_cache_drop(const unsigned char *hash)
{
	struct entry	*e = find(hash);

	if (e != NULL)
		e->at = 0;
}
