/* SPDX-License-Identifier: ISC */
/*
 * faxcare daemon: who this terminal is. The terminal id, model and serial
 * come from the engine unless faxcared.conf(5) overrides them; the
 * registration fingerprint changes whenever anything the center registers
 * changes, which triggers a new registration e-mail.
 */
#ifndef FAXCARE_IDENTITY_H
#define FAXCARE_IDENTITY_H

#include <faxcare/report.h>

#include "config.h"
#include "engine_state.h"

#define IDENTITY_FP_LEN	64	/* SHA-256, hex */

struct identity {
	char	 terminal_id[FC_TERMINAL_ID_MAX + 1];
	char	 model[FC_MODEL_MAX + 1];
	char	 serial[FC_SERIAL_MAX + 1];
	char	 manager[FC_ADDRESS_MAX + 1];
	char	 center[FC_ADDRESS_MAX + 1];
	char	 sender[FC_ADDRESS_MAX + 1];
};

/* -1 (with a message in why) when no valid terminal id results. */
int	identity_make(const struct config *conf, const struct engine_state *st,
	    struct identity *id, char *why, size_t whylen);
void	identity_fingerprint(const struct identity *id,
	    char fp[IDENTITY_FP_LEN + 1]);

#endif
