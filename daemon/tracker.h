/* SPDX-License-Identifier: ISC */
/*
 * faxcare daemon: each condition's life from the engine's raw bits to
 * reports, with damping (faxcared.conf(5)). Pure: time comes in as an
 * argument, actions go out through a callback, so a fake clock tests it.
 *
 *   CLEAR --active--> RISING --held `hold`--> OPEN (report)
 *   RISING --inactive--> CLEAR (nothing sent: a blip)
 *   OPEN --inactive, level >= level at report + hysteresis--> FALLING
 *   FALLING --active--> OPEN (nothing sent)
 *   FALLING --stayed clear `clear-hold`--> CLEAR (completion)
 *   OPEN --reminder due--> OPEN (reminder; next one per the schedule)
 */
#ifndef FAXCARE_TRACKER_H
#define FAXCARE_TRACKER_H

#include <stdint.h>

#include <faxcare/conditions.h>
#include <faxcare/report.h>

#include "damping.h"

#define TRACK_NEVER	INT64_MAX

enum track_phase { TRACK_CLEAR, TRACK_RISING, TRACK_OPEN, TRACK_FALLING };
enum track_action { TRACK_REPORT, TRACK_REMIND, TRACK_COMPLETE };

struct track {
	enum track_phase phase;
	int64_t		 since_ms;	/* RISING/FALLING: entered at */
	int64_t		 opened_ms;	/* OPEN/FALLING: reported at */
	int64_t		 remind_ms;	/* next reminder, TRACK_NEVER: none */
	unsigned	 reminders;	/* sent so far */
	int		 level_at_open;	/* -1 unknown */
	char		 report_id[FC_REPORT_ID_LEN + 1];
};

struct tracker {
	const struct damping *damping;
	struct track	 track[FC_COND_COUNT];
	uint64_t	 active;		/* last observation */
	int		 level[FC_COND_COUNT];	/* -1 unknown */
};

/*
 * Called for each action. For TRACK_REPORT it fills t->report_id. Returns 0
 * once the e-mail is safely spooled; -1 leaves the track as it was, so the
 * action is tried again at the next step.
 */
typedef int (*track_cb)(void *arg, enum fc_condition cond,
    enum track_action action, struct track *t);

void	tracker_init(struct tracker *tr, const struct damping *d);
/* A new observation: active conditions (bit n = condition n) and levels. */
int	tracker_observe(struct tracker *tr, uint64_t active,
	    const int level[FC_COND_COUNT], int64_t now, track_cb cb,
	    void *arg);
/* Re-evaluates the last observation at time now (a deadline passed). */
int	tracker_step(struct tracker *tr, int64_t now, track_cb cb, void *arg);
/* The earliest time tracker_step() has something to do; TRACK_NEVER. */
int64_t	tracker_deadline(const struct tracker *tr);
/* Marks cond as reported earlier (restored state). */
void	tracker_restore(struct tracker *tr, enum fc_condition cond,
	    const struct track *t);
/* Back to CLEAR without an action (its completion is already spooled). */
void	tracker_forget(struct tracker *tr, enum fc_condition cond);

#endif
