/*
 * faxcenter-migrate: brings the center's database to the schema this
 * build knows.
 *
 * usage: faxcenter-migrate [-c CONFIG] [-s]
 *   -s  only show each migration and whether it is applied (exit 1 when
 *       some are pending)
 */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "config.h"
#include "db.h"
#include "migrate.h"

static void
usage(void)
{
	(void)fprintf(stderr, "usage: faxcenter-migrate [-c CONFIG] [-s]\n");
	exit(2);
}

int
main(int argc, char **argv)
{
	struct center_config	cfg;
	struct db		db;
	const char		*path = NULL;
	char			err[256];
	int			ch, status_only = 0, rc;

	while ((ch = getopt(argc, argv, "c:s")) != -1) {
		switch (ch) {
		case 'c':
			path = optarg;
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
	if (center_config_load(&cfg, path, err, sizeof(err))) {
		(void)fprintf(stderr, "faxcenter-migrate: %s\n", err);
		return 1;
	}
	if (db_open(&db, &cfg)) {
		(void)fprintf(stderr, "faxcenter-migrate: %s\n", db.err);
		return 1;
	}
	rc = status_only ? migrate_status(&db, stdout) :
	    migrate_apply(&db, stdout);
	if (rc < 0)
		(void)fprintf(stderr, "faxcenter-migrate: %s\n", db.err);
	db_close(&db);
	return rc < 0 ? 1 : rc;
}
