/* SPDX-License-Identifier: ISC */
/*
 * faxcare daemon: each e-mail the terminal sends, as a report of
 * docs/protocol.md encoded and signed by the protocol library, committed to
 * the spool. Nothing here talks SMTP.
 */
#ifndef FAXCARE_COMPOSE_H
#define FAXCARE_COMPOSE_H

#include <faxcare/key.h>
#include <faxcare/report.h>

#include "engine_state.h"
#include "identity.h"
#include "spool.h"

struct composer {
	const struct identity	*id;
	const struct fc_key	*key;
	struct spool		*spool;
};

/*
 * Each builds the report from the engine's state st, signs, encodes and
 * spools it; report_id (may be NULL) receives the new report's id. ref is
 * the first report of a reminder (or NULL) and the report a completion
 * completes. -1 with why filled on failure (nothing spooled).
 */
int	compose_registration(struct composer *c, const struct engine_state *st,
	    char *report_id, char *why, size_t whylen);
int	compose_status(struct composer *c, const struct engine_state *st,
	    enum fc_condition cond, const char *ref, char *report_id,
	    char *why, size_t whylen);
int	compose_completion(struct composer *c, const struct engine_state *st,
	    enum fc_condition cond, const char *ref, char *report_id,
	    char *why, size_t whylen);
int	compose_meter(struct composer *c, const struct engine_state *st,
	    char *report_id, char *why, size_t whylen);

/* The report of a status or completion, without encoding (for tests). */
int	compose_report(struct composer *c, const struct engine_state *st,
	    enum fc_report_type type, enum fc_condition cond, const char *ref,
	    struct fc_report *r, struct fc_error *err);

#endif
