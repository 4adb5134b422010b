/* SPDX-License-Identifier: ISC */
/*
 * faxcare daemon: the state repaired from the queue after a crash. A crash
 * between spooling a report and saving the state leaves the report queued
 * (the sender runs only after the save) while the saved state does not know
 * it; the queue says what happened.
 */
#ifndef FAXCARE_REPAIR_H
#define FAXCARE_REPAIR_H

#include <stddef.h>
#include <stdint.h>

#include "spool.h"
#include "tracker.h"

/*
 * Adopts into tr what the queued reports say, read by their content and not
 * by the order of their names: per condition, a first status report that no
 * queued completion names is the open one; the open report of tr that a
 * queued completion names is closed. Report times become the daemon's clock
 * through wall_offset_ms (clock.h). Returns how many conditions changed (0:
 * the state already agreed, as after a clean stop), their keywords in what.
 */
int	repair_from_queue(struct spool *sp, struct tracker *tr,
	    int64_t wall_offset_ms, char *what, size_t whatlen);

#endif
