/* SPDX-License-Identifier: ISC */
/*
 * faxcare daemon: what survives a restart, in SPOOL/state: the registration
 * last sent, when the last meter report went, and each open condition with
 * its report id, so an unchanged condition is never reported twice and a
 * later completion still names its report.
 */
#ifndef FAXCARE_STATE_H
#define FAXCARE_STATE_H

#include <stddef.h>
#include <stdint.h>

#include "clock.h"
#include "identity.h"
#include "spool.h"
#include "tracker.h"

#define STATE_FILE	"state"
#define STATE_BAD	"state.bad"	/* a corrupt state, for a technician */

/*
 * In memory the times (meter_ms, the tracks') are the daemon's clock; in the
 * file they are wall time, and "clock" says which boot wrote them and the
 * wall clock's offset then (clock.h), so they convert back exactly.
 */
struct saved_state {
	char	 registration[IDENTITY_FP_LEN + 1];	/* "" never sent */
	int64_t	 meter_ms;				/* 0 never */
	char	 boot_id[CLOCK_BOOT_ID_LEN + 1];	/* "" unknown */
	int64_t	 wall_offset_ms;
};

/* Text form: "faxcared-state 1", then one "key values" line each. */
int	state_format(const struct saved_state *s, const struct tracker *tr,
	    char *buf, size_t len);
/* Restores into s and tr (tracker_init()ed); -1 on a malformed text. */
int	state_parse(const char *text, struct saved_state *s,
	    struct tracker *tr);

int	state_save(struct spool *sp, const struct saved_state *s,
	    const struct tracker *tr);
/*
 * A missing file is a first start: 0 with everything empty, and so is a
 * corrupt one, renamed to STATE_BAD. -1 (errno) when it could not be read:
 * the file stays, and the caller must not start afresh.
 */
int	state_load(struct spool *sp, struct saved_state *s, struct tracker *tr);

#endif
