/* SPDX-License-Identifier: ISC */
/*
 * Blocking MariaDB access for the command-line tools (mailgate, outbox
 * sender, migrations): every statement is prepared, every value bound.
 * The Kore app uses db_async.h instead, except for migrations at start.
 */
#ifndef FAXCENTER_DB_H
#define FAXCENTER_DB_H

#include <stddef.h>

#include <mysql.h>

#include "config.h"

/* Every session works in UTC, so stored times mean one thing. */
#define DB_SESSION_INIT	"SET time_zone = '+00:00'"

struct db {
	MYSQL	*mysql;
	char	 err[256];	/* the last failure, for the log */
	unsigned int errnum;	/* its MariaDB error number */
};

enum db_val_type { DB_VAL_NULL, DB_VAL_STR, DB_VAL_BLOB, DB_VAL_INT };

struct db_val {
	enum db_val_type	 type;
	const void		*p;
	unsigned long		 len;
	long long		 i;
};

#define DB_NULL()	((struct db_val){ DB_VAL_NULL, NULL, 0, 0 })
#define DB_STR(s)	((struct db_val){ DB_VAL_STR, (s), strlen(s), 0 })
#define DB_BLOB(b, n)	((struct db_val){ DB_VAL_BLOB, (b), (n), 0 })
#define DB_INT(v)	((struct db_val){ DB_VAL_INT, NULL, 0, (v) })

/* One result row: vals[i] is NUL-terminated, or NULL for SQL NULL. */
typedef int	(*db_row_cb)(void *arg, unsigned int ncols, char **vals,
		    unsigned long *lens);

/* Columns a db_select() callback sees at most. */
#define DB_COLS_MAX	32

/*
 * What every session of the center's is opened with, blocking or not:
 * timeouts, utf8mb4, DB_SESSION_INIT. 0, or -1 (mysql_error() says why).
 */
int	db_options(MYSQL *mysql, unsigned int timeout_s, int nonblock);

/* Where cfg puts the server: host (TCP), else sock, else the default. */
void	db_server(const struct center_config *cfg, const char **host,
	    const char **sock);

int	db_open(struct db *db, const struct center_config *cfg);
void	db_close(struct db *db);

/* Returns 0 or -1 (db->err says why). affected/insert_id may be NULL. */
int	db_exec(struct db *db, const char *sql, const struct db_val *params,
	    unsigned int n, unsigned long long *affected,
	    unsigned long long *insert_id);

/*
 * Runs a SELECT; cb sees each row until it returns non-zero. Returns the
 * number of rows seen, or -1.
 */
int	db_select(struct db *db, const char *sql, const struct db_val *params,
	    unsigned int n, db_row_cb cb, void *arg);

/* The first column of the first row as a number; *value is left alone
 * when there is no row. Returns the number of rows, or -1. */
int	db_select_int(struct db *db, const char *sql,
	    const struct db_val *params, unsigned int n, long long *value);

int	db_begin(struct db *db);
int	db_commit(struct db *db);
void	db_rollback(struct db *db);

/*
 * One savepoint inside a transaction (a new one replaces the last), and
 * undoing what came after it. 0, or -1 (db->err): a failed rollback to
 * it means the transaction itself is gone (a deadlock rolls it all back).
 */
int	db_savepoint(struct db *db);
int	db_rollback_savepoint(struct db *db);

#endif
