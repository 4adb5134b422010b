/* An engine state with nothing known yet. */
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
	st->drum_near_end_threshold = st->seqnum = -1;
	st->ev_condition = st->ev_active = st->ev_tray = -1;
}
