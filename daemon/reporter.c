/* SPDX-License-Identifier: ISC */
/* Engine states to reports (reporter.h). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <faxcare/message.h>

#include "log.h"
#include "reporter.h"

static int
save(struct reporter *rp)
{
	if (state_save(rp->composer.spool, &rp->saved, &rp->tracker) == -1) {
		log_warn("spool %s: saving state", rp->composer.spool->path);
		return -1;
	}
	return 0;
}

/* Tracker actions become reports; a failure leaves the action pending. */
static int
on_action(void *arg, enum fc_condition cond, enum track_action action,
    struct track *t)
{
	struct reporter *rp = arg;
	const char *kw = fc_condition_info(cond)->keyword;
	char why[512], id[FC_REPORT_ID_LEN + 1];
	int ret = -1;

	switch (action) {
	case TRACK_REPORT:
		ret = compose_status(&rp->composer, &rp->last, cond, NULL,
		    t->report_id, why, sizeof(why));
		if (ret == 0)
			log_info("%s: %s: status report %s", rp->last.name,
			    kw, t->report_id);
		break;
	case TRACK_REMIND:
		ret = compose_status(&rp->composer, &rp->last, cond,
		    t->report_id, id, why, sizeof(why));
		if (ret == 0)
			log_info("%s: %s: reminder %s of report %s",
			    rp->last.name, kw, id, t->report_id);
		break;
	case TRACK_COMPLETE:
		ret = compose_completion(&rp->composer, &rp->last, cond,
		    t->report_id, id, why, sizeof(why));
		if (ret == 0)
			log_info("%s: %s: completion %s of report %s",
			    rp->last.name, kw, id, t->report_id);
		break;
	}
	if (ret == -1) {
		log_warnx("%s: %s: %s", rp->last.name, kw, why);
		return -1;
	}
	rp->spooled = rp->dirty = 1;
	return 0;
}

/*
 * A crash between spooling a report and saving the state leaves the report
 * queued (the sender only runs after the save): adopt what the queue says,
 * so the condition is not reported again under a new id.
 */
static void
reconcile_queue(struct reporter *rp, struct spool *sp)
{
	struct fc_report r;
	struct track t;
	char **names, *text, path[SPOOL_NAME_MAX + 8];
	size_t n, i, len;
	int changed = 0;

	if (spool_list(sp, 0, &names, &n) == -1)
		return;
	for (i = 0; i < n; i++) {
		(void)snprintf(path, sizeof(path), "queue/%s", names[i]);
		if ((text = spool_read_file(sp, path, &len)) == NULL)
			continue;
		if (fc_report_parse_body(text, len, &r, NULL) == 0 &&
		    r.condition != FC_COND_NONE) {
			t = rp->tracker.track[r.condition];
			if (r.type == FC_REPORT_STATUS && !r.reminder_of[0] &&
			    t.phase == TRACK_CLEAR) {
				memset(&t, 0, sizeof(t));
				memcpy(t.report_id, r.report_id,
				    sizeof(t.report_id));
				t.opened_ms = r.timestamp * 1000;
				t.remind_ms = TRACK_NEVER;
				t.level_at_open = -1;
				tracker_restore(&rp->tracker, r.condition, &t);
				changed = 1;
			} else if (r.type == FC_REPORT_COMPLETION &&
			    t.phase != TRACK_CLEAR &&
			    strcmp(t.report_id, r.completes) == 0) {
				tracker_forget(&rp->tracker, r.condition);
				changed = 1;
			}
		}
		free(text);
	}
	spool_free_list(names, n);
	if (changed) {
		log_info("state repaired from the queue after a crash");
		(void)save(rp);
	}
}

int
reporter_init(struct reporter *rp, const struct config *conf,
    const struct fc_key *key, struct spool *sp,
    const struct engine_state *st)
{
	memset(rp, 0, sizeof(*rp));
	rp->conf = conf;
	rp->last = *st;
	rp->composer.id = &rp->id;
	rp->composer.key = key;
	rp->composer.spool = sp;
	tracker_init(&rp->tracker, &conf->damping);
	/* Afresh would re-register and forget open conditions: not on EIO. */
	if (state_load(sp, &rp->saved, &rp->tracker) == -1) {
		log_warn("spool %s: %s unreadable; kept as it is", sp->path,
		    STATE_FILE);
		return -1;
	}
	reconcile_queue(rp, sp);
	return 0;
}

int
reporter_register(struct reporter *rp)
{
	char why[512], fp[IDENTITY_FP_LEN + 1], id[FC_REPORT_ID_LEN + 1];

	if (identity_make(rp->conf, &rp->last, &rp->id, why,
	    sizeof(why)) == -1) {
		log_warnx("%s: %s", rp->last.name, why);
		return -1;
	}
	identity_fingerprint(&rp->id, fp);
	if (strcmp(fp, rp->saved.registration) == 0)
		return 0;
	if (compose_registration(&rp->composer, &rp->last, id, why,
	    sizeof(why)) == -1) {
		log_warnx("%s: registration: %s", rp->last.name, why);
		return -1;
	}
	log_info("%s: registration %s as %s for %s", rp->last.name, id,
	    rp->id.terminal_id, rp->id.manager);
	memcpy(rp->saved.registration, fp, sizeof(fp));
	rp->spooled = 1;
	return save(rp);
}

/* Which level each condition's hysteresis watches. */
static void
levels_of(const struct engine_state *st, int level[FC_COND_COUNT])
{
	int c;

	for (c = 0; c < FC_COND_COUNT; c++)
		level[c] = -1;
	level[FC_COND_TONER_LOW] = st->toner_level;
	level[FC_COND_TONER_EMPTY] = st->toner_level;
	level[FC_COND_DRUM_NEAR_END] = st->drum_life;
	level[FC_COND_DRUM_END] = st->drum_life;
}

int
reporter_observe(struct reporter *rp, const struct engine_state *st,
    int64_t now)
{
	int level[FC_COND_COUNT], ret;
	uint64_t mask = FC_COND_COUNT >= 64 ? ~0ULL :
	    (1ULL << FC_COND_COUNT) - 1;

	/* E.g. an event queued before a GET whose reply already said more. */
	if (engine_state_is_stale(st, &rp->last)) {
		log_debug("%s: state #%lld older than #%lld: ignored",
		    st->name, st->seqnum, rp->last.seqnum);
		return 0;
	}
	rp->last = *st;
	levels_of(st, level);
	rp->dirty = 0;
	ret = tracker_observe(&rp->tracker, st->conditions & mask, level, now,
	    on_action, rp);
	if (rp->dirty && save(rp) == -1)
		ret = -1;
	return ret;
}

void
reporter_engine_added(struct reporter *rp)
{
	rp->last.seqnum = -1;
}

int
reporter_step(struct reporter *rp, int64_t now)
{
	char why[512], id[FC_REPORT_ID_LEN + 1];
	int ret;

	rp->dirty = 0;
	ret = tracker_step(&rp->tracker, now, on_action, rp);
	if (rp->conf->meter_ms > 0) {
		if (rp->saved.meter_ms == 0) {
			rp->saved.meter_ms = now;	/* first one a period on */
			rp->dirty = 1;
		} else if (now >= rp->saved.meter_ms + rp->conf->meter_ms) {
			if (compose_meter(&rp->composer, &rp->last, id, why,
			    sizeof(why)) == 0) {
				log_info("%s: meter report %s", rp->last.name,
				    id);
				rp->saved.meter_ms = now;
				rp->spooled = rp->dirty = 1;
			} else {
				log_warnx("%s: meter report: %s",
				    rp->last.name, why);
			}
		}
	}
	if (rp->dirty && save(rp) == -1)
		ret = -1;
	return ret;
}

int64_t
reporter_deadline(const struct reporter *rp)
{
	int64_t when = tracker_deadline(&rp->tracker), meter;

	if (rp->conf->meter_ms > 0) {
		meter = rp->saved.meter_ms + rp->conf->meter_ms;
		if (meter < when)
			when = meter;
	}
	return when;
}

int
reporter_take_spooled(struct reporter *rp)
{
	int s = rp->spooled;

	rp->spooled = 0;
	return s;
}
