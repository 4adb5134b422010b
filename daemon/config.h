/* SPDX-License-Identifier: ISC */
/* faxcare daemon: faxcared.conf(5), parsed and checked. */
#ifndef FAXCARE_CONFIG_H
#define FAXCARE_CONFIG_H

#include <limits.h>
#include <stddef.h>
#include <stdint.h>

#include <faxcare/report.h>
#include <faxcare/smtp.h>

#include "damping.h"

#define FAXCARED_CONF	"/etc/faxcare/faxcared.conf"

struct config {
	char		 manager[FC_ADDRESS_MAX + 1];
	char		 center[FC_ADDRESS_MAX + 1];
	char		 sender[FC_ADDRESS_MAX + 1];	/* envelope and From */
	/* Empty: taken from the engine. */
	char		 terminal_id[FC_TERMINAL_ID_MAX + 1];
	char		 model[FC_MODEL_MAX + 1];
	char		 serial[FC_SERIAL_MAX + 1];

	char		 relay_host[256];
	unsigned	 relay_port;
	enum fc_starttls starttls;
	char		 auth_user[128];
	char		 auth_password_file[PATH_MAX];
	char		 relay_ca_file[PATH_MAX];	/* "": the system's CAs */

	char		 key_file[PATH_MAX];	/* %e: the engine's name */
	char		 spool[PATH_MAX];

	struct damping	 damping;
	int64_t		 meter_ms;	/* 0: no meter reports */
	int64_t		 retry_min_ms;
	int64_t		 retry_max_ms;
	int64_t		 smtp_timeout_ms;
};

/*
 * Reads path into conf (defaults first). Each problem is printed to stderr as
 * "path:line: message" (line 0 for a missing setting); returns the number of
 * problems, or -1 with errno set when the file cannot be read.
 */
int	config_load(const char *path, struct config *conf);
void	config_defaults(struct config *conf);
/* The longest duration taken, so that deadlines never overflow. */
#define DURATION_MAX_MS	(100LL * 365 * 86400 * 1000)

/* 0, or -1 when s is not a duration, -2 when it is too long. */
int	config_parse_duration(const char *s, int64_t *ms);
/* key-file for engine ("faxeng1"), %e replaced; -1 when too long. */
int	config_key_path(const struct config *conf, const char *engine,
	    char *buf, size_t len);

#endif
