/* SPDX-License-Identifier: ISC */
/* The state repaired from the queue's content (repair.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <faxcare/message.h>

#include "clock.h"
#include "repair.h"

/* Per condition, what the queue holds. */
struct held {
	char	 open[FC_REPORT_ID_LEN + 1];	/* latest first report */
	int64_t	 opened;			/* its time, wall seconds */
};

/* The completions of cond queued; ids separated by spaces. */
struct completions {
	char	*ids;
	size_t	 len, cap;
};

static int
remember(struct completions *c, const char *id)
{
	size_t n = strlen(id) + 1;
	char *p;

	if (c->len + n + 1 > c->cap) {
		if ((p = realloc(c->ids, c->cap * 2 + n + 1)) == NULL)
			return -1;
		c->ids = p;
		c->cap = c->cap * 2 + n + 1;
	}
	(void)snprintf(c->ids + c->len, c->cap - c->len, " %s", id);
	c->len += n;
	return 0;
}

static int
completed(const struct completions *c, const char *id)
{
	const char *p;
	size_t n = strlen(id);

	for (p = c->ids; p != NULL && (p = strstr(p, id)) != NULL; p += n) {
		if (p > c->ids && p[-1] == ' ' && (p[n] == ' ' ||
		    p[n] == '\0'))
			return 1;
	}
	return 0;
}

/* One queued report into held/done; other kinds are not the state's. */
static int
note(const struct fc_report *r, struct held *held,
    struct completions *done)
{
	if (r->condition <= FC_COND_NONE || r->condition >= FC_COND_COUNT)
		return 0;
	if (r->type == FC_REPORT_COMPLETION)
		return remember(&done[r->condition], r->completes);
	if (r->type == FC_REPORT_STATUS && !r->reminder_of[0]) {
		/* Listed in queueing order: the last is the latest. */
		memcpy(held[r->condition].open, r->report_id,
		    sizeof(held[r->condition].open));
		held[r->condition].opened = r->timestamp;
	}
	return 0;
}

static int
read_queue(struct spool *sp, struct held *held, struct completions *done)
{
	struct fc_report r;
	char **names, *text, path[SPOOL_NAME_MAX + 8];
	size_t n, i, len;
	int ret = 0;

	if (spool_list(sp, 0, &names, &n) == -1)
		return -1;
	for (i = 0; i < n && ret == 0; i++) {
		(void)snprintf(path, sizeof(path), "queue/%s", names[i]);
		if ((text = spool_read_file(sp, path, &len)) == NULL)
			continue;
		if (fc_report_parse_body(text, len, &r, NULL) == 0)
			ret = note(&r, held, done);
		free(text);
	}
	spool_free_list(names, n);
	return ret;
}

static void
append(char *what, size_t len, const char *word)
{
	size_t used = strlen(what);

	(void)snprintf(what + used, len - used, "%s%s", used ? " " : "",
	    word);
}

int
repair_from_queue(struct spool *sp, struct tracker *tr,
    int64_t wall_offset_ms, char *what, size_t whatlen)
{
	struct held held[FC_COND_COUNT];
	struct completions done[FC_COND_COUNT];
	struct track *t, adopt;
	int c, changed = 0;

	memset(held, 0, sizeof(held));
	memset(done, 0, sizeof(done));
	if (whatlen > 0)
		what[0] = '\0';
	if (read_queue(sp, held, done) == -1)
		changed = -1;
	for (c = 0; c < FC_COND_COUNT && changed >= 0; c++) {
		t = &tr->track[c];
		if (held[c].open[0] && completed(&done[c], held[c].open))
			held[c].open[0] = '\0';
		if (held[c].open[0] && (t->phase == TRACK_CLEAR ||
		    strcmp(t->report_id, held[c].open) != 0)) {
			/* Spooled, and the save that knew it lost. */
			memset(&adopt, 0, sizeof(adopt));
			memcpy(adopt.report_id, held[c].open,
			    sizeof(adopt.report_id));
			adopt.opened_ms = clock_add(held[c].opened * 1000,
			    -wall_offset_ms);
			adopt.remind_ms = TRACK_NEVER;
			adopt.level_at_open = -1;
			tracker_restore(tr, (enum fc_condition)c, &adopt);
		} else if (!held[c].open[0] && t->phase != TRACK_CLEAR &&
		    completed(&done[c], t->report_id)) {
			/* Its completion spooled, and the save lost. */
			tracker_forget(tr, (enum fc_condition)c);
		} else
			continue;
		append(what, whatlen,
		    fc_condition_info((enum fc_condition)c)->keyword);
		changed++;
	}
	for (c = 0; c < FC_COND_COUNT; c++)
		free(done[c].ids);
	return changed;
}
