/* SPDX-License-Identifier: ISC */
/* faxcare daemon: the damping policy, as set in faxcared.conf(5). */
#ifndef FAXCARE_DAMPING_H
#define FAXCARE_DAMPING_H

#include <stdint.h>

/* smartd's -M once|daily|diminishing, with a configurable base interval. */
enum reminder_mode {
	REMIND_ONCE,		/* no reminders */
	REMIND_INTERVAL,	/* every interval */
	REMIND_DIMINISHING,	/* after interval, then 2x, 4x, ... */
};

struct damping {
	int64_t		 hold_ms;	/* a condition must hold this long */
	int64_t		 clear_hold_ms;	/* ... and stay clear this long */
	int		 hysteresis;	/* level points above the report's */
	enum reminder_mode reminder;
	int64_t		 reminder_ms;	/* base reminder interval */
};

#endif
