/* SPDX-License-Identifier: ISC */
/* objects: config */
/* Settings: defaults, then the key file, then the environment wins. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config.h"
#include "tap.h"

int
main(void)
{
	struct center_config	cfg;
	char			path[] = "/tmp/faxcenter-config-XXXXXX", err[256];
	FILE			*f;
	int			fd;

	unsetenv("FAXCENTER_CONFIG");
	unsetenv("FAXCARE_DB_SOCKET");
	unsetenv("FAXCARE_SMTP_PORT");
	ok(center_config_load(&cfg, NULL, err, sizeof(err)) == 0 &&
	    cfg.smtp_port == 25 && cfg.coalesce_ms == 2000 &&
	    strcmp(cfg.db_name, "faxcare") == 0, "defaults without a file");

	if ((fd = mkstemp(path)) < 0 || (f = fdopen(fd, "w")) == NULL)
		return 1;
	fprintf(f, "[center]\ndb_socket = /run/mysqld/mysqld.sock\n"
	    "smtp_port = 2525\nbase_url = https://center.example\n"
	    "migrate_on_start = yes\n");
	fclose(f);
	ok(center_config_load(&cfg, path, err, sizeof(err)) == 0 &&
	    strcmp(cfg.db_socket, "/run/mysqld/mysqld.sock") == 0 &&
	    cfg.smtp_port == 2525 && cfg.migrate_on_start == 1 &&
	    strcmp(cfg.base_url, "https://center.example") == 0,
	    "the key file sets values");

	setenv("FAXCARE_SMTP_PORT", "2626", 1);
	ok(center_config_load(&cfg, path, err, sizeof(err)) == 0 &&
	    cfg.smtp_port == 2626, "the environment overrides the file");

	setenv("FAXCARE_SMTP_PORT", "25x", 1);
	ok(center_config_load(&cfg, path, err, sizeof(err)) == -1 &&
	    strstr(err, "smtp_port") != NULL, "a bad number is refused, named");
	unsetenv("FAXCARE_SMTP_PORT");

	setenv("FAXCENTER_MIGRATE_ON_START", "perhaps", 1);
	ok(center_config_load(&cfg, path, err, sizeof(err)) == -1,
	    "a bad boolean is refused");
	unsetenv("FAXCENTER_MIGRATE_ON_START");

	ok(center_config_load(&cfg, "/nonexistent/center.conf", err,
	    sizeof(err)) == -1 && strstr(err, "/nonexistent") != NULL,
	    "a missing file is an error naming it");
	unlink(path);
	return done_testing();
}
