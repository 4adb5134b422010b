/* SPDX-License-Identifier: ISC */
/* Condition tracking with damping; the state diagram is in tracker.h. */
#include <string.h>

#include "tracker.h"

static void
track_reset(struct track *t)
{
	memset(t, 0, sizeof(*t));
	t->phase = TRACK_CLEAR;
	t->remind_ms = TRACK_NEVER;
	t->level_at_open = -1;
}

void
tracker_init(struct tracker *tr, const struct damping *d)
{
	int i;

	memset(tr, 0, sizeof(*tr));
	tr->damping = d;
	for (i = 0; i < FC_COND_COUNT; i++) {
		track_reset(&tr->track[i]);
		tr->level[i] = -1;
	}
}

void
tracker_forget(struct tracker *tr, enum fc_condition cond)
{
	if (cond >= 0 && cond < FC_COND_COUNT)
		track_reset(&tr->track[cond]);
}

void
tracker_restore(struct tracker *tr, enum fc_condition cond,
    const struct track *t)
{
	if (cond < 0 || cond >= FC_COND_COUNT)
		return;
	tr->track[cond] = *t;
	tr->track[cond].phase = TRACK_OPEN;
}

/*
 * Gap before reminder number n+1, n reminders having been sent; the
 * doubling stops at TRACK_NEVER rather than overflow.
 */
static int64_t
reminder_gap(const struct damping *d, unsigned n)
{
	int64_t gap;

	switch (d->reminder) {
	case REMIND_INTERVAL:
		return d->reminder_ms;
	case REMIND_DIMINISHING:
		for (gap = d->reminder_ms; n > 0 && gap > 0 &&
		    gap < TRACK_NEVER; n--)
			gap = gap > TRACK_NEVER / 2 ? TRACK_NEVER : gap * 2;
		return gap;
	case REMIND_ONCE:
	default:
		return TRACK_NEVER;
	}
}

/* now + gap, or TRACK_NEVER when that is beyond int64. */
static int64_t
after(int64_t now, int64_t gap)
{
	if (gap == TRACK_NEVER || (now > 0 && gap > TRACK_NEVER - now))
		return TRACK_NEVER;
	return now + gap;
}

static int
cleared_enough(const struct tracker *tr, int c)
{
	const struct track *t = &tr->track[c];

	if (t->level_at_open < 0 || tr->level[c] < 0)
		return 1;
	return tr->level[c] >= t->level_at_open + tr->damping->hysteresis;
}

static int
step_one(struct tracker *tr, int c, int64_t now, track_cb cb, void *arg)
{
	const struct damping *d = tr->damping;
	struct track *t = &tr->track[c], next = *t;
	int active = (tr->active >> c) & 1;

	switch (t->phase) {
	case TRACK_CLEAR:
		if (!active)
			return 0;
		t->phase = TRACK_RISING;
		t->since_ms = now;
		/* FALLTHROUGH */
	case TRACK_RISING:
		if (!active) {
			t->phase = TRACK_CLEAR;
			return 0;
		}
		if (now - t->since_ms < d->hold_ms)
			return 0;
		next = *t;
		next.phase = TRACK_OPEN;
		next.opened_ms = now;
		next.reminders = 0;
		next.level_at_open = tr->level[c];
		next.remind_ms = after(now, reminder_gap(d, 0));
		if (cb(arg, (enum fc_condition)c, TRACK_REPORT, &next) == -1)
			return -1;
		*t = next;
		return 0;
	case TRACK_OPEN:
		if (!active && cleared_enough(tr, c)) {
			t->phase = TRACK_FALLING;
			t->since_ms = now;
			return step_one(tr, c, now, cb, arg);
		}
		if (now < t->remind_ms)
			return 0;
		next.reminders++;
		next.remind_ms = after(now, reminder_gap(d, next.reminders));
		if (cb(arg, (enum fc_condition)c, TRACK_REMIND, &next) == -1)
			return -1;
		*t = next;
		return 0;
	case TRACK_FALLING:
		if (active || !cleared_enough(tr, c)) {
			t->phase = TRACK_OPEN;
			return 0;
		}
		if (now - t->since_ms < d->clear_hold_ms)
			return 0;
		if (cb(arg, (enum fc_condition)c, TRACK_COMPLETE, &next) == -1)
			return -1;
		track_reset(t);
		return 0;
	}
	return 0;
}

int
tracker_step(struct tracker *tr, int64_t now, track_cb cb, void *arg)
{
	int c, ret = 0;

	for (c = 0; c < FC_COND_COUNT; c++) {
		if (step_one(tr, c, now, cb, arg) == -1)
			ret = -1;
	}
	return ret;
}

int
tracker_observe(struct tracker *tr, uint64_t active,
    const int level[FC_COND_COUNT], int64_t now, track_cb cb, void *arg)
{
	int c;

	tr->active = active;
	for (c = 0; c < FC_COND_COUNT; c++)
		tr->level[c] = level != NULL ? level[c] : -1;
	return tracker_step(tr, now, cb, arg);
}

int64_t
tracker_deadline(const struct tracker *tr)
{
	const struct track *t;
	int64_t when, best = TRACK_NEVER;
	int c;

	for (c = 0; c < FC_COND_COUNT; c++) {
		t = &tr->track[c];
		switch (t->phase) {
		case TRACK_RISING:
			when = t->since_ms + tr->damping->hold_ms;
			break;
		case TRACK_FALLING:
			when = t->since_ms + tr->damping->clear_hold_ms;
			break;
		case TRACK_OPEN:
			when = t->remind_ms;
			break;
		case TRACK_CLEAR:
		default:
			continue;
		}
		if (when < best)
			best = when;
	}
	return best;
}
