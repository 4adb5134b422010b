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
	int		 toner_level;	/* percent, -1 unknown */
	int		 toner_state;	/* enum faxeng_supply_state */
	int		 ntrays;
	struct engine_tray trays[FAXENG_MAX_TRAYS];
	int		 drum_life;
	int		 drum_state;	/* enum faxeng_drum_state */
	long long	 drum_pages;
	long long	 drum_rated_pages;
	long long	 faults;	/* bits of enum faxeng_fault */
	int		 maintenance_due;
	long long	 maintenance_pages;
	long long	 maintenance_interval;
	long long	 page_count;
	long long	 toner_low_threshold;
	long long	 toner_hysteresis;
	long long	 drum_near_end_threshold;
	long long	 drum_hysteresis;
	long long	 seqnum;
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
