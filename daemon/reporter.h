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
};

/*
 * Loads the saved state and reconciles it with the queue (crash repair);
 * -1 when the state could not be read (the daemon exits, to be retried).
 */
int	reporter_init(struct reporter *rp, const struct config *conf,
	    const struct fc_key *key, struct spool *sp,
	    const struct engine_state *st);
/* Identity from conf and the engine; a registration if it changed. */
int	reporter_register(struct reporter *rp);
/* A new engine state; one older than the last applied changes nothing. */
int	reporter_observe(struct reporter *rp, const struct engine_state *st,
	    int64_t now);
/* The engine (re)appeared: its sequence numbers may start again. */
void	reporter_engine_added(struct reporter *rp);
/* Deadlines: damping, reminders, meter reports. */
int	reporter_step(struct reporter *rp, int64_t now);
int64_t	reporter_deadline(const struct reporter *rp);
/* 1 if reports were spooled since the last call. */
int	reporter_take_spooled(struct reporter *rp);

#endif
