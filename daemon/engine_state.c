/* SPDX-License-Identifier: ISC */
/* Engine states: one with nothing known yet, and which of two is newer. */
#include <string.h>

#include "engine_state.h"

void
engine_state_init(struct engine_state *st)
{
	memset(st, 0, sizeof(*st));
#define FAXENG_PROP(name, NAME, nl, show, uevent)	st->name = -1;
#define FAXENG_KNOB(name, NAME, min, max, def)		st->name = -1;
#include <linux/faxeng_props.h>
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
