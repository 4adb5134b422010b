/* SPDX-License-Identifier: ISC */
/* Damping with a fake clock: hold, blips, hysteresis, reminders, retries. */
#include <stdint.h>
#include <stdio.h>

#include "tracker.h"
#include "tap.h"

#define S	1000LL
#define TONER	(1ULL << FC_COND_TONER_LOW)
#define JAM	(1ULL << FC_COND_JAM)

struct log {
	int	 reports, reminders, completions;
	int	 fail;		/* make the next callback fail */
	int	 last_cond;
	char	 completed[FC_REPORT_ID_LEN + 1];
	int64_t	 remind_at[8];
};

static int
record(void *arg, enum fc_condition cond, enum track_action a,
    struct track *t)
{
	struct log *l = arg;

	if (l->fail) {
		l->fail = 0;
		return -1;
	}
	l->last_cond = cond;
	switch (a) {
	case TRACK_REPORT:
		l->reports++;
		(void)snprintf(t->report_id, sizeof(t->report_id), "r%d",
		    l->reports);
		break;
	case TRACK_REMIND:
		if (l->reminders < 8)
			l->remind_at[l->reminders] = t->remind_ms;
		l->reminders++;
		break;
	case TRACK_COMPLETE:
		l->completions++;
		(void)snprintf(l->completed, sizeof(l->completed), "%s",
		    t->report_id);
		break;
	}
	return 0;
}

static int lv[FC_COND_COUNT];

static int *
toner_at(int pct)
{
	int i;

	for (i = 0; i < FC_COND_COUNT; i++)
		lv[i] = -1;
	lv[FC_COND_TONER_LOW] = pct;
	return lv;
}

int
main(void)
{
	struct damping d = { .hold_ms = 10 * S, .clear_hold_ms = 30 * S,
	    .hysteresis = 5, .reminder = REMIND_DIMINISHING,
	    .reminder_ms = 100 * S };
	struct tracker tr;
	struct log l = { 0 };
	int64_t t = 1000000 * S;

	tracker_init(&tr, &d);
	is_int(tracker_deadline(&tr), TRACK_NEVER, "idle: no deadline");

	/* A blip shorter than the hold time sends nothing. */
	tracker_observe(&tr, TONER, toner_at(9), t, record, &l);
	is_int(tracker_deadline(&tr), t + 10 * S, "rising: deadline at hold");
	tracker_observe(&tr, 0, toner_at(9), t + 5 * S, record, &l);
	tracker_step(&tr, t + 20 * S, record, &l);
	is_int(l.reports, 0, "a 5 s blip under a 10 s hold: no report");

	/* Held long enough: one report, only one. */
	t += 100 * S;
	tracker_observe(&tr, TONER, toner_at(9), t, record, &l);
	tracker_step(&tr, t + 9 * S, record, &l);
	is_int(l.reports, 0, "not before the hold time");
	tracker_step(&tr, t + 10 * S, record, &l);
	is_int(l.reports, 1, "reported once the hold time passed");
	is_int(l.last_cond, FC_COND_TONER_LOW, "the report names toner-low");
	tracker_observe(&tr, TONER, toner_at(8), t + 11 * S, record, &l);
	tracker_observe(&tr, TONER, toner_at(7), t + 12 * S, record, &l);
	is_int(l.reports, 1, "no second report for an unchanged condition");

	/* Diminishing reminders: after 100 s, then 200 s, then 400 s. */
	is_int(tracker_deadline(&tr), t + 110 * S, "first reminder due");
	tracker_step(&tr, t + 110 * S, record, &l);
	is_int(l.reminders, 1, "first reminder sent");
	is_int(tracker_deadline(&tr), t + 310 * S, "second after 200 s");
	tracker_step(&tr, t + 310 * S, record, &l);
	is_int(tracker_deadline(&tr), t + 710 * S, "third after 400 s");
	tracker_step(&tr, t + 500 * S, record, &l);
	is_int(l.reminders, 2, "nothing between reminders");

	/* Cleared without enough of a rise: hysteresis keeps it open. */
	tracker_observe(&tr, 0, toner_at(10), t + 520 * S, record, &l);
	tracker_step(&tr, t + 600 * S, record, &l);
	is_int(l.completions, 0, "9%% -> 10%% is within the 5-point hysteresis");

	/* A refill: cleared, held clear, one completion naming the report. */
	t += 700 * S;
	tracker_observe(&tr, 0, toner_at(100), t, record, &l);
	is_int(tracker_deadline(&tr), t + 30 * S, "falling: clear-hold");
	tracker_observe(&tr, TONER, toner_at(100), t + 5 * S, record, &l);
	tracker_observe(&tr, 0, toner_at(100), t + 6 * S, record, &l);
	tracker_step(&tr, t + 35 * S, record, &l);
	is_int(l.completions, 0, "a flicker restarts the clear hold");
	tracker_step(&tr, t + 36 * S, record, &l);
	is_int(l.completions, 1, "one completion");
	is_str(l.completed, "r1", "the completion names report r1");
	tracker_step(&tr, t + 10000 * S, record, &l);
	is_int(l.completions + l.reports, 2, "nothing more once clear");
	is_int(tracker_deadline(&tr), TRACK_NEVER, "idle again: no deadline");

	/* A failing spool write is retried, not lost. */
	t += 20000 * S;
	l.fail = 1;
	tracker_observe(&tr, JAM, NULL, t, record, &l);
	tracker_step(&tr, t + 10 * S, record, &l);
	is_int(l.reports, 1, "spool failure: not counted as reported");
	tracker_step(&tr, t + 11 * S, record, &l);
	is_int(l.reports, 2, "retried at the next step");
	is_int(l.last_cond, FC_COND_JAM, "the jam is reported");

	/* Zero hold: immediate; once: no reminders. */
	d.hold_ms = 0;
	d.clear_hold_ms = 0;
	d.reminder = REMIND_ONCE;
	tracker_init(&tr, &d);
	l = (struct log){ 0 };
	tracker_observe(&tr, TONER, toner_at(5), t, record, &l);
	is_int(l.reports, 1, "hold 0: reported at once");
	is_int(tracker_deadline(&tr), TRACK_NEVER, "reminder once: none due");
	tracker_observe(&tr, 0, toner_at(80), t + 1, record, &l);
	is_int(l.completions, 1, "clear-hold 0: completed at once");

	/* Interval reminders. */
	d.reminder = REMIND_INTERVAL;
	tracker_init(&tr, &d);
	tracker_observe(&tr, JAM, NULL, t, record, &l);
	tracker_step(&tr, t + 100 * S, record, &l);
	is_int(tracker_deadline(&tr), t + 200 * S, "interval: same gap");

	/* Doubling a huge interval ends at "never" instead of overflowing. */
	d.reminder = REMIND_DIMINISHING;
	d.reminder_ms = INT64_MAX / 2 - t;
	tracker_init(&tr, &d);
	l = (struct log){ 0 };
	tracker_observe(&tr, JAM, NULL, t, record, &l);
	is_int(tracker_deadline(&tr), INT64_MAX / 2,
	    "diminishing, huge interval: the first reminder when due");
	tracker_step(&tr, INT64_MAX / 2, record, &l);
	is_int(l.reminders, 1, "it is sent");
	is_int(tracker_deadline(&tr), TRACK_NEVER,
	    "the doubled gap is beyond int64: no further reminder");
	d.reminder = REMIND_INTERVAL;
	tracker_step(&tr, INT64_MAX - 1, record, &l);
	is_int(l.reminders, 1, "nothing more due");
	tracker_init(&tr, &d);
	tracker_observe(&tr, JAM, NULL, INT64_MAX - 5, record, &l);
	is_int(tracker_deadline(&tr), TRACK_NEVER,
	    "interval: a reminder beyond int64 is never due");

	return done_testing();
}
