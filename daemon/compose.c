/* SPDX-License-Identifier: ISC */
/* Reports from engine state, through the protocol library into the spool. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include <faxcare/kernel.h>
#include <faxcare/message.h>
#include <faxcare/signature.h>

#include "compose.h"

/* The tray a paper condition is about: the first in the matching state. */
static int
tray_of(const struct engine_state *st, enum fc_condition cond)
{
	int want, i;

	switch (cond) {
	case FC_COND_PAPER_LOW:		want = FAXENG_SUPPLY_LOW; break;
	case FC_COND_PAPER_EMPTY:	want = FAXENG_SUPPLY_EMPTY; break;
	case FC_COND_PAPER_MISSING:	want = FAXENG_SUPPLY_MISSING; break;
	default:			return 0;
	}
	for (i = 0; i < st->ntrays; i++) {
		if (st->trays[i].state == want && st->trays[i].number >= 1 &&
		    st->trays[i].number <= FC_TRAYS_MAX)
			return (int)st->trays[i].number;
	}
	return 0;
}

static void
fill_levels(struct fc_report *r, const struct engine_state *st)
{
	int i;

	r->toner_level = st->toner_level;
	r->toner_state = fc_state_of_supply(st->toner_state);
	r->drum_life = st->drum_life;
	r->drum_state = fc_state_of_drum(st->drum_state);
	r->page_count = st->page_count > FC_PAGE_COUNT_MAX ? -1 :
	    st->page_count;
	for (i = 0; i < st->ntrays; i++) {
		if (st->trays[i].number >= 1 &&
		    st->trays[i].number <= FC_TRAYS_MAX)
			r->trays[st->trays[i].number - 1] =
			    fc_state_of_supply(st->trays[i].state);
	}
}

int
compose_report(struct composer *c, const struct engine_state *st,
    enum fc_report_type type, enum fc_condition cond, const char *ref,
    struct fc_report *r, struct fc_error *err)
{
	const struct identity *id = c->id;

	fc_report_init(r, type);
	if (fc_report_id_new(r->report_id, err) == -1)
		return -1;
	(void)snprintf(r->terminal_id, sizeof(r->terminal_id), "%s",
	    id->terminal_id);
	(void)snprintf(r->model, sizeof(r->model), "%s", id->model);
	(void)snprintf(r->serial, sizeof(r->serial), "%s", id->serial);
	(void)snprintf(r->manager, sizeof(r->manager), "%s", id->manager);
	r->timestamp = (int64_t)time(NULL);
	if (type == FC_REPORT_STATUS || type == FC_REPORT_COMPLETION) {
		if (fc_report_set_condition(r, cond, tray_of(st, cond),
		    err) == -1)
			return -1;
	}
	if (type == FC_REPORT_STATUS && ref != NULL)
		(void)snprintf(r->reminder_of, sizeof(r->reminder_of), "%s",
		    ref);
	if (type == FC_REPORT_COMPLETION && ref != NULL)
		(void)snprintf(r->completes, sizeof(r->completes), "%s", ref);
	if (type != FC_REPORT_REGISTRATION)
		fill_levels(r, st);
	return 0;
}

static int
encode_and_spool(struct composer *c, const struct engine_state *st,
    enum fc_report_type type, enum fc_condition cond, const char *ref,
    char *report_id, char *why, size_t whylen)
{
	char buf[FC_MESSAGE_MAX], name[SPOOL_NAME_MAX];
	struct fc_report r;
	struct fc_error err;
	size_t len;

	if (compose_report(c, st, type, cond, ref, &r, &err) == -1 ||
	    fc_report_encode_message(&r, c->key, c->id->sender, c->id->center,
	    FC_NEWLINE_CRLF, buf, sizeof(buf), &len, &err) == -1) {
		(void)snprintf(why, whylen, "%s report: %s",
		    fc_report_type_str(type), err.text);
		return -1;
	}
	if (spool_put(c->spool, r.report_id, buf, len, name) == -1) {
		(void)snprintf(why, whylen, "spool %s: %s", c->spool->path,
		    strerror(errno));
		return -1;
	}
	if (report_id != NULL)
		memcpy(report_id, r.report_id, sizeof(r.report_id));
	return 0;
}

int
compose_registration(struct composer *c, const struct engine_state *st,
    char *report_id, char *why, size_t whylen)
{
	return encode_and_spool(c, st, FC_REPORT_REGISTRATION, FC_COND_NONE,
	    NULL, report_id, why, whylen);
}

int
compose_status(struct composer *c, const struct engine_state *st,
    enum fc_condition cond, const char *ref, char *report_id, char *why,
    size_t whylen)
{
	return encode_and_spool(c, st, FC_REPORT_STATUS, cond, ref, report_id,
	    why, whylen);
}

int
compose_completion(struct composer *c, const struct engine_state *st,
    enum fc_condition cond, const char *ref, char *report_id, char *why,
    size_t whylen)
{
	return encode_and_spool(c, st, FC_REPORT_COMPLETION, cond, ref,
	    report_id, why, whylen);
}

int
compose_meter(struct composer *c, const struct engine_state *st,
    char *report_id, char *why, size_t whylen)
{
	return encode_and_spool(c, st, FC_REPORT_METER, FC_COND_NONE, NULL,
	    report_id, why, whylen);
}
