/* SPDX-License-Identifier: ISC */
/* Engine states: one with nothing known yet, and which of two is newer. */
#include <string.h>

#include "engine_state.h"

void
engine_state_init(struct engine_state *st)
{
	memset(st, 0, sizeof(*st));
	st->toner_level = st->toner_state = -1;
	st->drum_life = st->drum_state = -1;
	st->drum_pages = st->drum_rated_pages = st->faults = -1;
	st->maintenance_due = -1;
	st->maintenance_pages = st->maintenance_interval = -1;
	st->page_count = st->toner_low_threshold = st->toner_hysteresis = -1;
	st->drum_near_end_threshold = st->drum_hysteresis = st->seqnum = -1;
	st->ev_condition = st->ev_active = st->ev_tray = -1;
}

int
engine_state_is_stale(const struct engine_state *st,
    const struct engine_state *applied)
{
	if (st->seqnum < 0 || applied->seqnum < 0)
		return 0;
	/* Events carry the transition that caused them; GET replies do not. */
	if (st->ev_condition >= 0)
		return st->seqnum <= applied->seqnum;
	return st->seqnum < applied->seqnum;
}
