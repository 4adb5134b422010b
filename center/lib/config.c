/* SPDX-License-Identifier: ISC */
/* Loads struct center_config from a key file and the environment. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stddef.h>

#include <glib.h>

#include "config.h"

enum setting_type { SETTING_STR, SETTING_INT, SETTING_LONG, SETTING_BOOL };

struct setting {
	const char		*key;	/* in the [center] group */
	const char		*env;	/* overrides the file */
	enum setting_type	 type;
	size_t			 offset;
};

#define S(k, e, t, f) { k, e, t, offsetof(struct center_config, f) }

/* The harness's FAXCARE_DB_* and FAXCARE_SMTP_* names are honoured as is. */
static const struct setting settings[] = {
	S("db_socket", "FAXCARE_DB_SOCKET", SETTING_STR, db_socket),
	S("db_host", "FAXCARE_DB_HOST", SETTING_STR, db_host),
	S("db_port", "FAXCARE_DB_PORT", SETTING_INT, db_port),
	S("db_user", "FAXCARE_DB_USER", SETTING_STR, db_user),
	S("db_password", "FAXCARE_DB_PASSWORD", SETTING_STR, db_password),
	S("db_name", "FAXCARE_DB_NAME", SETTING_STR, db_name),
	S("master_secret_file", "FAXCENTER_MASTER_SECRET_FILE", SETTING_STR,
	    master_secret_file),
	S("base_url", "FAXCENTER_BASE_URL", SETTING_STR, base_url),
	S("smtp_host", "FAXCARE_SMTP_HOST", SETTING_STR, smtp_host),
	S("smtp_port", "FAXCARE_SMTP_PORT", SETTING_INT, smtp_port),
	S("sender", "FAXCENTER_SENDER", SETTING_STR, sender),
	S("max_message_bytes", "FAXCENTER_MAX_MESSAGE_BYTES", SETTING_LONG,
	    max_message_bytes),
	S("time_window_seconds", "FAXCENTER_TIME_WINDOW", SETTING_INT,
	    time_window_s),
	S("unknown_terminal_grace_seconds", "FAXCENTER_UNKNOWN_GRACE",
	    SETTING_INT, unknown_grace_s),
	S("coalesce_ms", "FAXCENTER_COALESCE_MS", SETTING_INT, coalesce_ms),
	S("confirm_ttl_hours", "FAXCENTER_CONFIRM_TTL_HOURS", SETTING_INT,
	    confirm_ttl_h),
	S("token_ttl_days", "FAXCENTER_TOKEN_TTL_DAYS", SETTING_INT,
	    token_ttl_d),
	S("migrate_on_start", "FAXCENTER_MIGRATE_ON_START", SETTING_BOOL,
	    migrate_on_start),
	S("extension_conditions", "FAXCENTER_EXTENSION_CONDITIONS",
	    SETTING_INT, extension_conditions),
	S("quarantine_keep", "FAXCENTER_QUARANTINE_KEEP", SETTING_INT,
	    quarantine_keep),
	S("outbox_wake_socket", "FAXCENTER_OUTBOX_WAKE", SETTING_STR,
	    outbox_wake_socket),
	S("smtp_starttls", "FAXCARE_SMTP_STARTTLS", SETTING_STR, smtp_starttls),
	S("smtp_auth_user", "FAXCARE_SMTP_AUTH_USER", SETTING_STR,
	    smtp_auth_user),
	S("smtp_auth_password_file", "FAXCARE_SMTP_AUTH_PASSWORD_FILE",
	    SETTING_STR, smtp_auth_password_file),
	S("smtp_ca_file", "FAXCARE_SMTP_CA_FILE", SETTING_STR, smtp_ca_file),
	S("ingest_batch", "FAXCENTER_INGEST_BATCH", SETTING_INT, ingest_batch),
	S("ingest_batch_wait_ms", "FAXCENTER_INGEST_BATCH_WAIT_MS",
	    SETTING_INT, ingest_batch_wait_ms),
};

static void
defaults(struct center_config *cfg)
{
	memset(cfg, 0, sizeof(*cfg));
	(void)snprintf(cfg->db_user, sizeof(cfg->db_user), "faxcare");
	(void)snprintf(cfg->db_name, sizeof(cfg->db_name), "faxcare");
	(void)snprintf(cfg->master_secret_file, sizeof(cfg->master_secret_file),
	    "/etc/faxcare/center-secret");
	(void)snprintf(cfg->base_url, sizeof(cfg->base_url),
	    "http://127.0.0.1:8888");
	(void)snprintf(cfg->smtp_host, sizeof(cfg->smtp_host), "127.0.0.1");
	cfg->smtp_port = 25;
	(void)snprintf(cfg->sender, sizeof(cfg->sender),
	    "faxcare-center@localhost");
	cfg->max_message_bytes = 256 * 1024;
	/* FC_MAX_AGE_DEFAULT: spool retries plus MTA queue lifetime. */
	cfg->time_window_s = 10 * 24 * 3600;
	cfg->unknown_grace_s = 3600;
	cfg->coalesce_ms = 2000;
	cfg->confirm_ttl_h = 72;
	cfg->token_ttl_d = 90;
	cfg->extension_conditions = 4;
	cfg->quarantine_keep = 1000;
	cfg->ingest_batch = 32;
	cfg->ingest_batch_wait_ms = 20;
	(void)snprintf(cfg->outbox_wake_socket, sizeof(cfg->outbox_wake_socket),
	    "/run/faxcare/outbox.sock");
	/* Mail leaves this host: in clear only when the operator says so. */
	(void)snprintf(cfg->smtp_starttls, sizeof(cfg->smtp_starttls),
	    "required");
}

/* Settings that depend on each other, once all are read. */
static int
check(const struct center_config *cfg, char *err, size_t errlen)
{
	if (strcmp(cfg->smtp_starttls, "required") &&
	    strcmp(cfg->smtp_starttls, "optional") &&
	    strcmp(cfg->smtp_starttls, "off")) {
		(void)snprintf(err, errlen,
		    "smtp_starttls: required, optional or "
		    "off, not %s", cfg->smtp_starttls);
		return -1;
	}
	if (cfg->ingest_batch < 1 || cfg->ingest_batch > 1000 ||
	    cfg->ingest_batch_wait_ms > 10000) {
		(void)snprintf(err, errlen, "ingest_batch: 1 to 1000 "
		    "messages, ingest_batch_wait_ms: at most 10000");
		return -1;
	}
	if (cfg->smtp_auth_user[0] != '\0' &&
	    cfg->smtp_auth_password_file[0] == '\0') {
		(void)snprintf(err, errlen, "smtp_auth_user needs "
		    "smtp_auth_password_file");
		return -1;
	}
	return 0;
}

static int
set_value(struct center_config *cfg, const struct setting *s, const char *v,
    char *err, size_t errlen)
{
	char	*field = (char *)cfg + s->offset;
	char	*end;
	long	 n;

	switch (s->type) {
	case SETTING_STR:
		if (strlen(v) >= CENTER_STR_MAX) {
			(void)snprintf(err, errlen, "%s: value too long",
			    s->key);
			return -1;
		}
		(void)snprintf(field, CENTER_STR_MAX, "%s", v);
		return 0;
	case SETTING_BOOL:
		if (!strcmp(v, "1") || !strcmp(v, "true") || !strcmp(v, "yes"))
			*(int *)field = 1;
		else if (!strcmp(v, "0") || !strcmp(v, "false") ||
		    !strcmp(v, "no"))
			*(int *)field = 0;
		else {
			(void)snprintf(err, errlen, "%s: not a boolean: %s",
			    s->key, v);
			return -1;
		}
		return 0;
	case SETTING_INT:
	case SETTING_LONG:
		n = strtol(v, &end, 10);
		if (*v == '\0' || *end != '\0' || n < 0 ||
		    (s->type == SETTING_INT && n > 0x7fffffff)) {
			(void)snprintf(err, errlen, "%s: not a count: %s",
			    s->key, v);
			return -1;
		}
		if (s->type == SETTING_INT)
			*(int *)field = (int)n;
		else
			*(long *)field = n;
		return 0;
	}
	return -1;
}

static int
load_file(struct center_config *cfg, const char *path, char *err,
    size_t errlen)
{
	GKeyFile	*kf = g_key_file_new();
	GError		*gerr = NULL;
	gchar		*v;
	size_t		 i;
	int		 rc = 0;

	if (!g_key_file_load_from_file(kf, path, G_KEY_FILE_NONE, &gerr)) {
		(void)snprintf(err, errlen, "%s: %s", path, gerr->message);
		g_error_free(gerr);
		g_key_file_free(kf);
		return -1;
	}
	for (i = 0; i < G_N_ELEMENTS(settings) && rc == 0; i++) {
		v = g_key_file_get_string(kf, "center", settings[i].key, NULL);
		if (v == NULL)
			continue;
		g_strstrip(v);
		rc = set_value(cfg, &settings[i], v, err, errlen);
		g_free(v);
	}
	g_key_file_free(kf);
	return rc;
}

int
center_config_load(struct center_config *cfg, const char *path, char *err,
    size_t errlen)
{
	const char	*v;
	size_t		 i;

	defaults(cfg);
	if (path == NULL)
		path = getenv("FAXCENTER_CONFIG");
	if (path != NULL && *path != '\0' && load_file(cfg, path, err, errlen))
		return -1;
	for (i = 0; i < G_N_ELEMENTS(settings); i++) {
		v = getenv(settings[i].env);
		if (v == NULL)
			continue;
		if (set_value(cfg, &settings[i], v, err, errlen))
			return -1;
	}
	return check(cfg, err, errlen);
}
