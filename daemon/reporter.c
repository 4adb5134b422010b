/* SPDX-License-Identifier: ISC */
/* Engine states to reports (reporter.h). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <faxcare/message.h>

#include "clock.h"
#include "log.h"
#include "repair.h"
#include "reporter.h"

/*
 * A report or the state could not be written (a full or read-only spool, a
 * clock the protocol refuses): nothing more is tried before the backoff
 * passes, and each step of it is logged once.
 */
static void
held_back(struct reporter *rp, const char *what, const char *why)
{
	const struct config *c = rp->conf;

	if (rp->now < rp->retry_at)
		return;		/* already backing off: a try made anyway */
	rp->backoff_ms = rp->backoff_ms == 0 ? c->retry_min_ms :
	    rp->backoff_ms * 2;
	if (rp->backoff_ms > c->retry_max_ms)
		rp->backoff_ms = c->retry_max_ms;
	rp->retry_at = rp->now + rp->backoff_ms;
	log_warnx("%s: %s: %s: reports held back; next try in %lld ms",
	    rp->last.name, what, why, (long long)rp->backoff_ms);
}

/* Whether writing may be tried now. */
static int
may_write(const struct reporter *rp)
{
	return rp->now >= rp->retry_at;
}

/* A report was written: the spool works again. */
static void
written(struct reporter *rp)
{
	if (rp->backoff_ms != 0)
		log_info("%s: reports are written again", rp->last.name);
	rp->backoff_ms = 0;
	rp->retry_at = 0;
}

/* The saved times moved by delta (daemon clock <-> wall clock). */
static void
shift_times(struct saved_state *s, struct tracker *tr, int64_t delta)
{
	struct track *t;
	int c;

	if (s->meter_ms != 0)
		s->meter_ms = clock_add(s->meter_ms, delta);
	for (c = 0; c < FC_COND_COUNT; c++) {
		t = &tr->track[c];
		t->since_ms = clock_add(t->since_ms, delta);
		t->opened_ms = clock_add(t->opened_ms, delta);
		if (t->remind_ms != TRACK_NEVER)
			t->remind_ms = clock_add(t->remind_ms, delta);
	}
}

/* The state file holds wall time, and the boot and offset it was taken in. */
static int
save(struct reporter *rp)
{
	struct saved_state s = rp->saved;
	struct tracker tr = rp->tracker;

	clock_boot_id(s.boot_id);
	s.wall_offset_ms = clock_wall_offset_ms();
	shift_times(&s, &tr, s.wall_offset_ms);
	if (state_save(rp->composer.spool, &s, &tr) == -1) {
		held_back(rp, "state", strerror(errno));
		rp->unsaved = 1;
		return -1;
	}
	rp->unsaved = 0;
	return 0;
}

/* Back to the daemon's clock: exactly within the boot that saved it. */
static void
load_times(struct reporter *rp)
{
	char boot[CLOCK_BOOT_ID_LEN + 1];
	int64_t offset = clock_wall_offset_ms();

	clock_boot_id(boot);
	if (strcmp(boot, "-") != 0 && strcmp(rp->saved.boot_id, boot) == 0)
		offset = rp->saved.wall_offset_ms;
	shift_times(&rp->saved, &rp->tracker, -offset);
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

	if (!may_write(rp))
		return -1;	/* the track stays as it was, for the retry */
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
		held_back(rp, kw, why);
		return -1;
	}
	written(rp);
	rp->spooled = rp->dirty = 1;
	return 0;
}

/* Only a crash leaves the queue saying more than the state: say so then. */
static void
repair(struct reporter *rp, struct spool *sp)
{
	char what[256];

	if (repair_from_queue(sp, &rp->tracker, clock_wall_offset_ms(), what,
	    sizeof(what)) <= 0)
		return;
	log_info("%s: state repaired from the queue after a crash (%s)",
	    rp->last.name, what);
	(void)save(rp);
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
	load_times(rp);
	repair(rp, sp);
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
	rp->unregistered = strcmp(fp, rp->saved.registration) != 0;
	if (!rp->unregistered || !may_write(rp))
		return 0;
	if (compose_registration(&rp->composer, &rp->last, id, why,
	    sizeof(why)) == -1) {
		held_back(rp, "registration", why);
		return 0;
	}
	written(rp);
	log_info("%s: registration %s as %s for %s", rp->last.name, id,
	    rp->id.terminal_id, rp->id.manager);
	memcpy(rp->saved.registration, fp, sizeof(fp));
	rp->unregistered = 0;
	rp->spooled = 1;
	(void)save(rp);
	return 0;
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
	rp->now = now;
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

static void
meter(struct reporter *rp)
{
	char why[512], id[FC_REPORT_ID_LEN + 1];

	if (rp->saved.meter_ms == 0) {
		rp->saved.meter_ms = rp->now;	/* the first one a period on */
		rp->dirty = 1;
		return;
	}
	if (rp->now < clock_add(rp->saved.meter_ms, rp->conf->meter_ms) ||
	    !may_write(rp))
		return;
	if (compose_meter(&rp->composer, &rp->last, id, why,
	    sizeof(why)) == -1) {
		held_back(rp, "meter report", why);
		return;
	}
	written(rp);
	log_info("%s: meter report %s", rp->last.name, id);
	rp->saved.meter_ms = rp->now;
	rp->spooled = rp->dirty = 1;
}

int
reporter_step(struct reporter *rp, int64_t now)
{
	int ret;

	rp->now = now;
	rp->dirty = 0;
	if (rp->unregistered)
		(void)reporter_register(rp);
	ret = tracker_step(&rp->tracker, now, on_action, rp);
	if (rp->conf->meter_ms > 0)
		meter(rp);
	if ((rp->dirty || (rp->unsaved && may_write(rp))) && save(rp) == -1)
		ret = -1;
	return ret;
}

int64_t
reporter_deadline(const struct reporter *rp)
{
	int64_t when = tracker_deadline(&rp->tracker), meter;

	if (rp->conf->meter_ms > 0) {
		meter = clock_add(rp->saved.meter_ms, rp->conf->meter_ms);
		if (meter < when)
			when = meter;
	}
	if ((rp->unregistered || rp->unsaved) && rp->retry_at < when)
		when = rp->retry_at;
	/* Nothing is tried again before the backoff has passed. */
	return rp->backoff_ms != 0 && when < rp->retry_at ? rp->retry_at : when;
}

void
reporter_retry_now(struct reporter *rp)
{
	rp->backoff_ms = 0;
	rp->retry_at = 0;
}

int
reporter_take_spooled(struct reporter *rp)
{
	int s = rp->spooled;

	rp->spooled = 0;
	return s;
}

int
reporter_save_pending(struct reporter *rp)
{
	return rp->unsaved ? save(rp) : 0;
}

/* The stale report is the one the tracker holds open (or a reminder of it). */
static int
still_open(const struct reporter *rp, const struct fc_report *r)
{
	const struct track *t = &rp->tracker.track[r->condition];

	return t->phase == TRACK_OPEN && (strcmp(t->report_id,
	    r->report_id) == 0 || strcmp(t->report_id, r->reminder_of) == 0);
}

int
reporter_replace(struct reporter *rp, const struct fc_report *r)
{
	const char *kw = r->keyword[0] ? r->keyword : "-";
	char why[512], id[FC_REPORT_ID_LEN + 1];
	struct track t;
	int ret = 0;

	if (r->type == FC_REPORT_REGISTRATION) {
		ret = compose_registration(&rp->composer, &rp->last, id, why,
		    sizeof(why));
	} else if (r->type == FC_REPORT_STATUS &&
	    r->condition != FC_COND_NONE && still_open(rp, r)) {
		t = rp->tracker.track[r->condition];
		ret = compose_status(&rp->composer, &rp->last, r->condition,
		    NULL, id, why, sizeof(why));
		if (ret == 0) {
			/* The completion names the report the center has. */
			memcpy(t.report_id, id, sizeof(t.report_id));
			tracker_restore(&rp->tracker, r->condition, &t);
		}
	} else if (r->type == FC_REPORT_COMPLETION &&
	    r->condition != FC_COND_NONE &&
	    rp->tracker.track[r->condition].phase == TRACK_CLEAR) {
		ret = compose_completion(&rp->composer, &rp->last,
		    r->condition, r->completes, id, why, sizeof(why));
	} else {
		log_info("%s: %s report %s (%s) too old for the center; "
		    "nothing to send in its place", rp->last.name,
		    fc_report_type_str(r->type), r->report_id, kw);
		return 0;
	}
	if (ret == -1) {
		log_warnx("%s: %s report in place of %s: %s", rp->last.name,
		    fc_report_type_str(r->type), r->report_id, why);
		return -1;
	}
	log_info("%s: %s report %s (%s) too old for the center: fresh "
	    "report %s in its place", rp->last.name,
	    fc_report_type_str(r->type), r->report_id, kw, id);
	rp->spooled = 1;
	return save(rp);
}
