/* SPDX-License-Identifier: ISC */
/*
 * faxcenter-migrate: brings the center's database to the schema this
 * build knows.
 *
 * usage: faxcenter-migrate [-c CONFIG] [-n | -s]
 *   -n  check the configuration and exit (0 and "configuration OK")
 *   -s  only show each migration and whether it is applied (exit 1 when
 *       some are pending)
 */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "config.h"
#include "db.h"
#include "log.h"
#include "migrate.h"

static void
usage(void)
{
	(void)fprintf(stderr, "usage: faxcenter-migrate [-c CONFIG] "
	    "[-n | -s]\n");
	exit(2);
}

int
main(int argc, char **argv)
{
	struct center_config	cfg;
	struct db		db;
	const char		*path = NULL;
	char			err[256];
	int			ch, check = 0, status_only = 0, rc;

	log_init("faxcenter-migrate");
	while ((ch = getopt(argc, argv, "c:ns")) != -1) {
		switch (ch) {
		case 'c':
			path = optarg;
			break;
		case 'n':
			check = 1;
			break;
		case 's':
			status_only = 1;
			break;
		default:
			usage();
		}
	}
	if (optind != argc)
		usage();
	if (center_config_load(&cfg, path, err, sizeof(err)))
		fatalx("%s", err);
	if (check) {
		log_info("configuration OK");
		return 0;
	}
	if (db_open(&db, &cfg))
		fatalx("%s", db.err);
	rc = status_only ? migrate_status(&db, stdout) :
	    migrate_apply(&db, stdout);
	if (rc < 0)
		warnx("%s", db.err);
	db_close(&db);
	return rc < 0 ? 1 : rc;
}
