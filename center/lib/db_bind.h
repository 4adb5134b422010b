/* SPDX-License-Identifier: ISC */
/*
 * Values to and from prepared statements: the one place a struct db_val
 * becomes a MYSQL_BIND and a result column becomes text, for both the
 * blocking helpers (db.c) and the Kore app's non-blocking ones
 * (portal/db_async.c).
 */
#ifndef FAXCENTER_DB_BIND_H
#define FAXCENTER_DB_BIND_H

#include <mysql.h>

#include "db.h"

/* bind[0..n) for params[0..n); params must outlive the execution. */
void	db_bind_params(MYSQL_BIND *bind, const struct db_val *params,
	    unsigned int n);

/* Every column of a stored result fetched as text, sized to fit. */
struct db_bind_row {
	unsigned int	 ncols;
	MYSQL_BIND	*bind;
	unsigned long	*lens;
	my_bool		*nulls;
};

/*
 * Bind the result of stmt, whose rows are stored client-side with
 * STMT_ATTR_UPDATE_MAX_LENGTH on. 0 (ncols 0: no result set), or -1 (out
 * of memory, or the library refused; mysql_stmt_error() may say why).
 * Free with db_bind_row_free() either way.
 */
int	db_bind_row(MYSQL_STMT *stmt, struct db_bind_row *row);

/* Column i of the row just fetched, NUL-terminated, or NULL for SQL NULL. */
char	*db_bind_cell(struct db_bind_row *row, unsigned int i);

void	db_bind_row_free(struct db_bind_row *row);

#endif
