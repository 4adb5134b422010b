/* SPDX-License-Identifier: ISC */
/* Blocking MariaDB helpers: connect, prepared statements, transactions. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <mysql.h>

#include "db.h"
#include "db_bind.h"

static void
set_err(struct db *db, const char *what, const char *msg)
{
	(void)snprintf(db->err, sizeof(db->err), "%s: %s", what, msg);
	db->errnum = db->mysql != NULL ? mysql_errno(db->mysql) : 0;
}

static void
set_stmt_err(struct db *db, const char *what, MYSQL_STMT *stmt)
{
	(void)snprintf(db->err, sizeof(db->err), "%s: %s", what,
	    mysql_stmt_error(stmt));
	db->errnum = mysql_stmt_errno(stmt);
}

int
db_options(MYSQL *mysql, unsigned int timeout_s, int nonblock)
{
	return mysql_optionsv(mysql, MYSQL_OPT_CONNECT_TIMEOUT, &timeout_s) ||
	    mysql_optionsv(mysql, MYSQL_OPT_READ_TIMEOUT, &timeout_s) ||
	    mysql_optionsv(mysql, MYSQL_OPT_WRITE_TIMEOUT, &timeout_s) ||
	    (nonblock && mysql_optionsv(mysql, MYSQL_OPT_NONBLOCK, 0)) ||
	    mysql_optionsv(mysql, MYSQL_SET_CHARSET_NAME, "utf8mb4") ||
	    mysql_optionsv(mysql, MYSQL_INIT_COMMAND, DB_SESSION_INIT) ? -1 : 0;
}

void
db_server(const struct center_config *cfg, const char **host,
    const char **sock)
{
	*host = NULL;
	*sock = NULL;
	if (cfg->db_host[0] != '\0')
		*host = cfg->db_host;
	else if (cfg->db_socket[0] != '\0')
		*sock = cfg->db_socket;
}

int
db_open(struct db *db, const struct center_config *cfg)
{
	const char	*host, *sock;

	memset(db, 0, sizeof(*db));
	if ((db->mysql = mysql_init(NULL)) == NULL) {
		set_err(db, "mysql_init", "out of memory");
		return -1;
	}
	/*
	 * A dead server must fail fast: the MTA retries, it need not wait.
	 * On a Galera node, a read first waits until this node applied what
	 * the cluster committed before it: a completion report reaching this
	 * ingester finds the status report another node stored a moment ago
	 * (without Galera the setting does nothing; docs/scale.md).
	 */
	if (db_options(db->mysql, 5, 0) || mysql_optionsv(db->mysql,
	    MYSQL_INIT_COMMAND, "SET SESSION wsrep_sync_wait = 1")) {
		set_err(db, "mysql_options", mysql_error(db->mysql));
		db_close(db);
		return -1;
	}
	db_server(cfg, &host, &sock);
	if (mysql_real_connect(db->mysql, host, cfg->db_user,
	    cfg->db_password, cfg->db_name, (unsigned int)cfg->db_port, sock,
	    0) == NULL) {
		set_err(db, "connect", mysql_error(db->mysql));
		db_close(db);
		return -1;
	}
	return 0;
}

void
db_close(struct db *db)
{
	if (db->mysql != NULL)
		mysql_close(db->mysql);
	db->mysql = NULL;
}

static MYSQL_STMT *
prepare_bind(struct db *db, const char *sql, const struct db_val *params,
    unsigned int n)
{
	MYSQL_STMT	*stmt;
	MYSQL_BIND	 bind[32];

	if (n > sizeof(bind) / sizeof(bind[0])) {
		set_err(db, "prepare", "too many parameters");
		return NULL;
	}
	if ((stmt = mysql_stmt_init(db->mysql)) == NULL) {
		set_err(db, "stmt_init", mysql_error(db->mysql));
		return NULL;
	}
	/* Bound before the statement is prepared: prepare and execute then
	 * travel together, one round trip instead of two. */
	if (mysql_stmt_attr_set(stmt, STMT_ATTR_PREBIND_PARAMS, &n)) {
		set_stmt_err(db, "prebind", stmt);
		mysql_stmt_close(stmt);
		return NULL;
	}
	db_bind_params(bind, params, n);
	if (n > 0 && mysql_stmt_bind_param(stmt, bind)) {
		set_stmt_err(db, "bind", stmt);
		mysql_stmt_close(stmt);
		return NULL;
	}
	if (mariadb_stmt_execute_direct(stmt, sql, strlen(sql))) {
		set_stmt_err(db, "execute", stmt);
		mysql_stmt_close(stmt);
		return NULL;
	}
	return stmt;
}

int
db_exec(struct db *db, const char *sql, const struct db_val *params,
    unsigned int n, unsigned long long *affected,
    unsigned long long *insert_id)
{
	MYSQL_STMT	*stmt;

	if ((stmt = prepare_bind(db, sql, params, n)) == NULL)
		return -1;
	if (affected != NULL)
		*affected = mysql_stmt_affected_rows(stmt);
	if (insert_id != NULL)
		*insert_id = mysql_stmt_insert_id(stmt);
	mysql_stmt_close(stmt);
	return 0;
}

int
db_select(struct db *db, const char *sql, const struct db_val *params,
    unsigned int n, db_row_cb cb, void *arg)
{
	MYSQL_STMT		*stmt;
	struct db_bind_row	 row;
	char			*vals[DB_COLS_MAX];
	my_bool			 on = 1;
	unsigned int		 i, ncols;
	int			 rows = -1, r, stop = 0;

	if ((stmt = prepare_bind(db, sql, params, n)) == NULL)
		return -1;
	memset(&row, 0, sizeof(row));
	if (mysql_stmt_attr_set(stmt, STMT_ATTR_UPDATE_MAX_LENGTH, &on) ||
	    mysql_stmt_store_result(stmt)) {
		set_stmt_err(db, "store", stmt);
		goto out;
	}
	if (db_bind_row(stmt, &row)) {
		set_stmt_err(db, "bind_result", stmt);
		goto out;
	}
	if (row.ncols == 0) {
		set_err(db, "metadata", "statement returns no rows");
		goto out;
	}
	ncols = row.ncols < DB_COLS_MAX ? row.ncols : DB_COLS_MAX;
	rows = 0;
	while ((r = mysql_stmt_fetch(stmt)) == 0) {
		rows++;
		if (stop)
			continue;
		for (i = 0; i < ncols; i++)
			vals[i] = db_bind_cell(&row, i);
		stop = cb(arg, ncols, vals, row.lens);
	}
	if (r != MYSQL_NO_DATA) {
		set_stmt_err(db, "fetch", stmt);
		rows = -1;
	}
out:
	db_bind_row_free(&row);
	mysql_stmt_close(stmt);
	return rows;
}

static int
first_int(void *arg, unsigned int ncols, char **vals, unsigned long *lens)
{
	(void)lens;
	if (ncols > 0 && vals[0] != NULL)
		*(long long *)arg = strtoll(vals[0], NULL, 10);
	return 1;
}

int
db_select_int(struct db *db, const char *sql, const struct db_val *params,
    unsigned int n, long long *value)
{
	return db_select(db, sql, params, n, first_int, value);
}

int
db_begin(struct db *db)
{
	if (mysql_autocommit(db->mysql, 0)) {
		set_err(db, "begin", mysql_error(db->mysql));
		return -1;
	}
	return 0;
}

int
db_commit(struct db *db)
{
	if (mysql_commit(db->mysql) || mysql_autocommit(db->mysql, 1)) {
		set_err(db, "commit", mysql_error(db->mysql));
		return -1;
	}
	return 0;
}

void
db_rollback(struct db *db)
{
	/* Nothing more to do when this fails: the connection is going away. */
	if (mysql_rollback(db->mysql) == 0)
		(void)mysql_autocommit(db->mysql, 1);
}

int
db_savepoint(struct db *db)
{
	if (mysql_query(db->mysql, "SAVEPOINT fc_sp")) {
		set_err(db, "savepoint", mysql_error(db->mysql));
		return -1;
	}
	return 0;
}

int
db_rollback_savepoint(struct db *db)
{
	if (mysql_query(db->mysql, "ROLLBACK TO SAVEPOINT fc_sp")) {
		set_err(db, "rollback to savepoint", mysql_error(db->mysql));
		return -1;
	}
	return 0;
}
