/* SPDX-License-Identifier: ISC */
/*
 * The center's settings: one file (GLib key file, group [center]) and
 * environment overrides, shared by the Kore app and the command-line tools.
 * docs/center.md lists every key.
 */
#ifndef FAXCENTER_CONFIG_H
#define FAXCENTER_CONFIG_H

#include <stddef.h>

#define CENTER_STR_MAX 512

struct center_config {
	char	db_socket[CENTER_STR_MAX];
	char	db_host[CENTER_STR_MAX];
	int	db_port;
	char	db_user[CENTER_STR_MAX];
	char	db_password[CENTER_STR_MAX];
	char	db_name[CENTER_STR_MAX];
	char	master_secret_file[CENTER_STR_MAX];
	char	base_url[CENTER_STR_MAX];	/* public URL, no trailing / */
	char	smtp_host[CENTER_STR_MAX];
	int	smtp_port;
	char	sender[CENTER_STR_MAX];		/* From: of the center's mail */
	long	max_message_bytes;		/* larger mail is refused */
	int	time_window_s;			/* oldest report accepted */
	int	unknown_grace_s;		/* unregistered terminal: retry */
	int	coalesce_ms;			/* outbox: wait for more notices */
	int	confirm_ttl_h;			/* confirmation link lifetime */
	int	token_ttl_d;			/* homepage token lifetime */
	int	migrate_on_start;		/* app applies migrations */
	int	extension_conditions;		/* unknown keywords a terminal
						   may open notices for */
	int	quarantine_keep;		/* dropped mail kept for staff */
	char	outbox_wake_socket[CENTER_STR_MAX];	/* wakes faxcenter-outbox */
	char	smtp_starttls[CENTER_STR_MAX];	/* required, optional or off */
	char	smtp_auth_user[CENTER_STR_MAX];	/* SMTP AUTH, when set */
	char	smtp_auth_password_file[CENTER_STR_MAX];
	char	smtp_ca_file[CENTER_STR_MAX];	/* relay's CAs; "": system's */
	int	ingest_batch;			/* ingestd: messages a commit */
	int	ingest_batch_wait_ms;		/* ingestd: longest wait */
};

/*
 * center_config_load: defaults, then the file (path, or $FAXCENTER_CONFIG
 * when path is NULL; none is fine), then the environment. Returns 0, or -1
 * with a reason in err.
 */
int	center_config_load(struct center_config *cfg, const char *path,
	    char *err, size_t errlen);

#endif
