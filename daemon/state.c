/* SPDX-License-Identifier: ISC */
/* The daemon's durable memory (state.h), replaced atomically in the spool. */
#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "log.h"
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

	n = snprintf(buf, len, "%sregistration %s\nmeter %" PRId64 "\n"
	    "clock %s %" PRId64 "\n", STATE_MAGIC,
	    s->registration[0] ? s->registration : "-", s->meter_ms,
	    s->boot_id[0] ? s->boot_id : "-", s->wall_offset_ms);
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

/*
 * Reading it back. Every field is one space-separated token and every number
 * goes through strtoll, which (unlike sscanf) reports overflow and trailing
 * junk; each refusal says why, for the log.
 */

/* The next field of *p into buf; -1 when missing or too long for buf. */
static int
next_field(const char **p, char *buf, size_t size)
{
	const char *s = *p;
	size_t n;

	while (*s == ' ')
		s++;
	n = strcspn(s, " \n");
	if (n == 0 || n >= size)
		return -1;
	memcpy(buf, s, n);
	buf[n] = '\0';
	*p = s + n;
	return 0;
}

/* The next field as a decimal integer within [min, max]. */
static int
next_number(const char **p, long long min, long long max, long long *out)
{
	char field[24], *end;
	long long v;

	if (next_field(p, field, sizeof(field)) == -1)
		return -1;
	errno = 0;
	v = strtoll(field, &end, 10);
	if (errno != 0 || end == field || *end != '\0' || v < min || v > max)
		return -1;
	*out = v;
	return 0;
}

static const char *
parse_registration(const char *p, struct saved_state *s)
{
	char fp[IDENTITY_FP_LEN + 1];

	if (next_field(&p, fp, sizeof(fp)) == -1 ||
	    (strlen(fp) != IDENTITY_FP_LEN && strcmp(fp, "-") != 0))
		return "registration: not a fingerprint or \"-\"";
	if (*p != '\n')
		return "registration: trailing characters";
	if (strcmp(fp, "-") != 0)
		memcpy(s->registration, fp, sizeof(s->registration));
	return NULL;
}

static const char *
parse_meter(const char *p, struct saved_state *s)
{
	long long v;

	if (next_number(&p, INT64_MIN, INT64_MAX, &v) == -1)
		return "meter: not a 64-bit integer";
	if (*p != '\n')
		return "meter: trailing characters";
	s->meter_ms = v;
	return NULL;
}

static const char *
parse_clock(const char *p, struct saved_state *s)
{
	char id[CLOCK_BOOT_ID_LEN + 1];
	long long v;

	if (next_field(&p, id, sizeof(id)) == -1)
		return "clock: no boot id, or too long";
	if (next_number(&p, INT64_MIN, INT64_MAX, &v) == -1)
		return "clock: offset not a 64-bit integer";
	if (*p != '\n')
		return "clock: trailing characters";
	if (strcmp(id, "-") != 0)
		memcpy(s->boot_id, id, sizeof(id));
	s->wall_offset_ms = v;
	return NULL;
}

static const char *
parse_open(const char *p, struct tracker *tr)
{
	char keyword[FC_KEYWORD_MAX + 1], id[FC_REPORT_ID_LEN + 1];
	struct track t = { 0 };
	enum fc_condition cond;
	long long v[4];

	if (next_field(&p, keyword, sizeof(keyword)) == -1)
		return "open: no keyword, or too long";
	if (next_field(&p, id, sizeof(id)) == -1)
		return "open: no report id, or too long";
	if (next_number(&p, INT64_MIN, INT64_MAX, &v[0]) == -1 ||
	    next_number(&p, INT64_MIN, INT64_MAX, &v[1]) == -1)
		return "open: a time is not a 64-bit integer";
	if (next_number(&p, 0, UINT_MAX, &v[2]) == -1)
		return "open: reminders not an unsigned integer";
	if (next_number(&p, INT_MIN, INT_MAX, &v[3]) == -1)
		return "open: level not an integer";
	if (*p != '\n')
		return "open: trailing characters";
	/* A keyword this build lacks: that condition is forgotten. */
	if ((cond = fc_condition_by_keyword(keyword)) == FC_COND_NONE)
		return NULL;
	t.opened_ms = v[0];
	t.remind_ms = v[1];
	t.reminders = (unsigned)v[2];
	t.level_at_open = (int)v[3];
	memcpy(t.report_id, id, sizeof(id));
	tracker_restore(tr, cond, &t);
	return NULL;
}

/* NULL, or why the text was refused and on which line (*lineno). */
static const char *
parse_text(const char *text, struct saved_state *s, struct tracker *tr,
    int *lineno)
{
	const char *line, *nl, *why;

	memset(s, 0, sizeof(*s));
	*lineno = 1;
	if (strncmp(text, STATE_MAGIC, strlen(STATE_MAGIC)) != 0)
		return "not a \"faxcared-state 1\" file";
	for (line = text + strlen(STATE_MAGIC); *line; line = nl + 1) {
		++*lineno;
		if ((nl = strchr(line, '\n')) == NULL)
			return "no newline at the end (truncated)";
		if (strncmp(line, "registration ", 13) == 0)
			why = parse_registration(line + 13, s);
		else if (strncmp(line, "meter ", 6) == 0)
			why = parse_meter(line + 6, s);
		else if (strncmp(line, "clock ", 6) == 0)
			why = parse_clock(line + 6, s);
		else if (strncmp(line, "open ", 5) == 0)
			why = parse_open(line + 5, tr);
		else
			why = "unknown key";
		if (why != NULL)
			return why;
	}
	return NULL;
}

int
state_parse(const char *text, struct saved_state *s, struct tracker *tr)
{
	int lineno;

	return parse_text(text, s, tr, &lineno) == NULL ? 0 : -1;
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

/*
 * Corruption (a text that does not parse) is set aside as state.bad for a
 * technician and reads as a first start; a read that failed (EIO, ENOMEM,
 * EACCES) says nothing about the file, which stays as it is.
 */
int
state_load(struct spool *sp, struct saved_state *s, struct tracker *tr)
{
	const char *why;
	char *text;
	int lineno;

	memset(s, 0, sizeof(*s));
	if ((text = spool_read_file(sp, STATE_FILE, NULL)) == NULL)
		return errno == ENOENT ? 0 : -1;
	why = parse_text(text, s, tr, &lineno);
	free(text);
	if (why == NULL)
		return 0;
	log_warnx("spool %s: %s line %d: %s", sp->path, STATE_FILE, lineno,
	    why);
	memset(s, 0, sizeof(*s));
	tracker_init(tr, tr->damping);
	if (renameat(sp->dirfd, STATE_FILE, sp->dirfd, STATE_BAD) == -1) {
		log_warn("spool %s: keeping %s as %s", sp->path, STATE_FILE,
		    STATE_BAD);
		return -1;
	}
	log_warnx("spool %s: corrupt %s kept as %s for a technician; "
	    "starting afresh", sp->path, STATE_FILE, STATE_BAD);
	return 0;
}
