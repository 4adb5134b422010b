/* SPDX-License-Identifier: ISC */
/*
 * faxcare daemon: from engine states to spooled reports. Holds the tracker,
 * the saved state and the composer for one engine; every report is in the
 * spool, and the state that remembers it saved, before the sender is told.
 */
#ifndef FAXCARE_REPORTER_H
#define FAXCARE_REPORTER_H

#include <faxcare/key.h>

#include "compose.h"
#include "config.h"
#include "engine_state.h"
#include "identity.h"
#include "spool.h"
#include "state.h"
#include "tracker.h"

struct reporter {
	const struct config	*conf;
	struct identity		 id;
	struct composer		 composer;
	struct tracker		 tracker;
	struct saved_state	 saved;
	struct engine_state	 last;		/* the latest state seen */
	int			 spooled;	/* reports since last asked */
	int			 dirty;		/* state to save */
	int			 unsaved;	/* a save failed: try again */
	int			 unregistered;	/* registration still to write */
	int64_t			 now;		/* of the current call */
	/* Writing failed: nothing is tried before retry_at (reporter.c). */
	int64_t			 backoff_ms;	/* 0: writing works */
	int64_t			 retry_at;
};

/*
 * Loads the saved state and reconciles it with the queue (crash repair);
 * -1 when the state could not be read (the daemon exits, to be retried).
 */
int	reporter_init(struct reporter *rp, const struct config *conf,
	    const struct fc_key *key, struct spool *sp,
	    const struct engine_state *st);
/*
 * Identity from conf and the engine; a registration if it changed. -1 only
 * when the identity cannot be made; a registration that cannot be written
 * yet is retried at the steps.
 */
int	reporter_register(struct reporter *rp);
/* A new engine state; one older than the last applied changes nothing. */
int	reporter_observe(struct reporter *rp, const struct engine_state *st,
	    int64_t now);
/* The engine (re)appeared: its sequence numbers may start again. */
void	reporter_engine_added(struct reporter *rp);
/*
 * Deadlines: damping, reminders, meter reports, and writes to try again.
 * Times are the daemon's clock (clock.h). When a report or the state cannot
 * be written the deadline backs off from retry-min to retry-max, and each
 * step is logged once ("reports held back").
 */
int	reporter_step(struct reporter *rp, int64_t now);
int64_t	reporter_deadline(const struct reporter *rp);
/* A technician fixed something (SIGHUP): writing is tried at once. */
void	reporter_retry_now(struct reporter *rp);
/* 1 if reports were spooled since the last call. */
int	reporter_take_spooled(struct reporter *rp);
/*
 * Saves the state if its last save failed: 0 once the state on disk
 * remembers every spooled report. No report may leave before: a crash
 * after its send would report its condition again under a new id.
 */
int	reporter_save_pending(struct reporter *rp);
/*
 * r was set aside as too old for the center: spools one fresh report in
 * its place if what it said still holds (a status whose condition is still
 * open, a completion whose condition is still clear, a registration).
 */
int	reporter_replace(struct reporter *rp, const struct fc_report *r);

#endif
