/* SPDX-License-Identifier: ISC */
/* faxcare daemon: one engine's whole state, as generic netlink reports it. */
#ifndef FAXCARE_ENGINE_STATE_H
#define FAXCARE_ENGINE_STATE_H

#include <stdint.h>

#include <linux/faxeng.h>

struct engine_tray {
	unsigned	 number;	/* 1.. */
	int		 state;		/* enum faxeng_supply_state */
};

/* Numbers absent from the message stay -1. */
struct engine_state {
	unsigned	 id;		/* N of faxengN */
	char		 name[32];
	char		 model[FAXENG_ID_LEN + 1];
	char		 serial[FAXENG_ID_LEN + 1];
	int		 ntrays;
	struct engine_tray trays[FAXENG_MAX_TRAYS];
	/*
	 * Every property and setting of <linux/faxeng_props.h>, by its
	 * name: toner_level, drum_pages, toner_low_threshold, ...
	 */
#define FAXENG_PROP(name, NAME, nl, show, uevent)	long long name;
#define FAXENG_KNOB(name, NAME, min, max, def)		long long name;
#include <linux/faxeng_props.h>
	uint64_t	 conditions;	/* bit n: enum faxeng_condition n */
	/* Events only: the transition that caused it, else -1. */
	int		 ev_condition;	/* enum faxeng_condition */
	int		 ev_active;	/* 1 raised, 0 cleared */
	int		 ev_tray;	/* tray number, -1 none */
};

/* Every field absent. */
void	engine_state_init(struct engine_state *st);
/*
 * 1 if st is not to be applied after applied, the state last acted on. The
 * kernel's rule (docs/netlink/faxeng.rst, "Sequence numbers"): a GET reply
 * numbered N includes every event up to N, and every event numbered above N
 * carries a state no older than the reply. So an event is applied only if
 * numbered above the state applied last; a GET reply unless numbered below
 * it (an event N's state may be older than a reply N, never newer). A state
 * without a seqnum, or with nothing applied yet, is never stale.
 */
int	engine_state_is_stale(const struct engine_state *st,
	    const struct engine_state *applied);

#endif
