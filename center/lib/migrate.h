/* SPDX-License-Identifier: ISC */
/*
 * Versioned schema migrations (center/sql/migrations/NNNN_name.sql, compiled
 * in). schema_migrations records what was applied; a lock every Galera
 * node sees (db_lock.h) serialises concurrent runs (several hosts
 * starting at once).
 */
#ifndef FAXCENTER_MIGRATE_H
#define FAXCENTER_MIGRATE_H

#include <stdio.h>

#include "db.h"

struct migration {
	unsigned int	 version;
	const char	*name;
	const char	*sql;
};

extern const struct migration	center_migrations[];
extern const unsigned int	center_migrations_count;

/* Applies what is missing, in order; says what it did on log. 0 or -1. */
int	migrate_apply(struct db *db, FILE *log);

/* Prints "version name applied|pending" lines. 0 when all are applied. */
int	migrate_status(struct db *db, FILE *out);

#endif
