/* SPDX-License-Identifier: ISC */
/*
 * faxcenter: Kore hooks. The parent loads the settings (and applies the
 * schema migrations when asked); each worker sets up its database pool.
 */
#include <stdio.h>
#include <string.h>

#include "app.h"
#include "db.h"
#include "migrate.h"

struct center_config	app_config;

/* Connections per worker: a handful keeps MariaDB busy without a herd. */
#define APP_DB_CONNS	4

void	kore_parent_configure(int, char **);
void	kore_worker_configure(void);

static void
migrate_now(void)
{
	struct db	db;

	if (db_open(&db, &app_config))
		fatal("migrations: %s", db.err);
	if (migrate_apply(&db, stderr))
		fatal("migrations: %s", db.err);
	db_close(&db);
}

void
kore_parent_configure(int argc, char **argv)
{
	char	err[256];

	(void)argc;
	(void)argv;
	if (center_config_load(&app_config, NULL, err, sizeof(err)))
		fatal("faxcenter settings: %s", err);
	if (app_config.migrate_on_start)
		migrate_now();
}

void
kore_worker_configure(void)
{
	db_async_init(&app_config, APP_DB_CONNS);
}
