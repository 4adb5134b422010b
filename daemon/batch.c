/* SPDX-License-Identifier: ISC */
/* The entries of one sender run (batch.h). */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "batch.h"
#include "entry.h"
#include "log.h"

static void
set_aside(struct spool *sp, const char *name, const char *why, int too_old)
{
	if (spool_set_aside(sp, name) == -1) {
		log_warn("spool %s: queue entry %s (%s): moving it to failed/",
		    sp->path, name, why);
		return;
	}
	log_warnx("spool %s: queue entry %s: %s: moved to failed/%s", sp->path,
	    name, why, too_old ? "" :
	    " (faxengctl spool requeue puts it back once mended)");
}

int
batch_take(struct batch *b, struct spool *sp, const struct fc_key *key,
    time_t now, batch_too_old_cb too_old, void *arg)
{
	struct entry e;
	char **names;
	size_t n, i;
	int ret = 0;

	b->n = 0;
	if (spool_list(sp, 0, &names, &n) == -1) {
		log_warn("spool %s: listing the queue", sp->path);
		return -1;
	}
	for (i = 0; i < n && b->n < BATCH_MAX; i++) {
		if (entry_judge(sp, 0, names[i], key, now, &e) == -1) {
			log_warn("spool %s: queue entry %s", sp->path,
			    names[i]);
			ret = -1;
			break;
		}
		switch (e.verdict) {
		case ENTRY_OK:
			(void)snprintf(b->e[b->n].name, sizeof(b->e[b->n].name),
			    "%s", names[i]);
			b->e[b->n++].fd = e.fd;
			break;
		case ENTRY_BAD:
			set_aside(sp, names[i], e.why, 0);
			break;
		case ENTRY_TOO_OLD:
			set_aside(sp, names[i], e.why, 1);
			if (too_old != NULL)
				too_old(arg, &e.r);
			break;
		case ENTRY_GONE:
			break;
		}
	}
	spool_free_list(names, n);
	return ret;
}

void
batch_release(struct batch *b)
{
	size_t i;

	for (i = 0; i < b->n; i++) {
		if (b->e[i].fd != -1)
			(void)close(b->e[i].fd);
		b->e[i].fd = -1;
	}
	b->n = 0;
}
