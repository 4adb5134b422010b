/* The daemon's durable memory (state.h), replaced atomically in the spool. */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "state.h"

#define STATE_MAGIC	"faxcared-state 1\n"

int
state_format(const struct saved_state *s, const struct tracker *tr,
    char *buf, size_t len)
{
	const struct fc_condition_info *ci;
	const struct track *t;
	size_t off;
	int c, n;

	n = snprintf(buf, len, "%sregistration %s\nmeter %" PRId64 "\n",
	    STATE_MAGIC, s->registration[0] ? s->registration : "-",
	    s->meter_ms);
	if (n < 0 || (size_t)n >= len)
		return -1;
	off = (size_t)n;
	for (c = 0; c < FC_COND_COUNT; c++) {
		t = &tr->track[c];
		if (t->phase != TRACK_OPEN && t->phase != TRACK_FALLING)
			continue;
		ci = fc_condition_info((enum fc_condition)c);
		n = snprintf(buf + off, len - off,
		    "open %s %s %" PRId64 " %" PRId64 " %u %d\n", ci->keyword,
		    t->report_id, t->opened_ms, t->remind_ms, t->reminders,
		    t->level_at_open);
		if (n < 0 || (size_t)n >= len - off)
			return -1;
		off += (size_t)n;
	}
	return (int)off;
}

static int
parse_open(const char *line, struct tracker *tr)
{
	char keyword[FC_KEYWORD_MAX + 1], id[FC_REPORT_ID_LEN + 1];
	struct track t = { 0 };
	enum fc_condition cond;

	if (sscanf(line, "open %40s %32s %" SCNd64 " %" SCNd64 " %u %d",
	    keyword, id, &t.opened_ms, &t.remind_ms, &t.reminders,
	    &t.level_at_open) != 6)
		return -1;
	/* A keyword this build lacks: that condition is forgotten. */
	if ((cond = fc_condition_by_keyword(keyword)) == FC_COND_NONE)
		return 0;
	memcpy(t.report_id, id, sizeof(id));
	tracker_restore(tr, cond, &t);
	return 0;
}

int
state_parse(const char *text, struct saved_state *s, struct tracker *tr)
{
	const char *line, *nl;
	char fp[IDENTITY_FP_LEN + 2];

	memset(s, 0, sizeof(*s));
	if (strncmp(text, STATE_MAGIC, strlen(STATE_MAGIC)) != 0)
		return -1;
	for (line = text + strlen(STATE_MAGIC); *line; line = nl + 1) {
		if ((nl = strchr(line, '\n')) == NULL)
			return -1;
		if (strncmp(line, "registration ", 13) == 0) {
			if (sscanf(line, "registration %65s", fp) != 1 ||
			    (strlen(fp) != IDENTITY_FP_LEN &&
			    strcmp(fp, "-") != 0))
				return -1;
			if (strcmp(fp, "-") != 0)
				memcpy(s->registration, fp, sizeof(s->registration));
		} else if (strncmp(line, "meter ", 6) == 0) {
			if (sscanf(line, "meter %" SCNd64, &s->meter_ms) != 1)
				return -1;
		} else if (strncmp(line, "open ", 5) == 0) {
			if (parse_open(line, tr) == -1)
				return -1;
		} else {
			return -1;
		}
	}
	return 0;
}

int
state_save(struct spool *sp, const struct saved_state *s,
    const struct tracker *tr)
{
	char buf[4096];
	int n;

	if ((n = state_format(s, tr, buf, sizeof(buf))) == -1) {
		errno = ENOSPC;
		return -1;
	}
	return spool_replace_file(sp, STATE_FILE, buf, (size_t)n);
}

int
state_load(struct spool *sp, struct saved_state *s, struct tracker *tr)
{
	char *text;
	int ret;

	memset(s, 0, sizeof(*s));
	if ((text = spool_read_file(sp, STATE_FILE, NULL)) == NULL)
		return errno == ENOENT ? 0 : -1;
	ret = state_parse(text, s, tr);
	free(text);
	if (ret == -1)
		errno = EINVAL;
	return ret;
}
