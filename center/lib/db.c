/* Blocking MariaDB helpers: connect, prepared statements, transactions. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <mysql.h>

#include "db.h"

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
db_open(struct db *db, const struct center_config *cfg)
{
	unsigned int	timeout = 5;
	const char	*host = NULL, *sock = NULL;

	memset(db, 0, sizeof(*db));
	if ((db->mysql = mysql_init(NULL)) == NULL) {
		set_err(db, "mysql_init", "out of memory");
		return -1;
	}
	/* A dead server must fail fast: the MTA retries, it need not wait. */
	if (mysql_optionsv(db->mysql, MYSQL_OPT_CONNECT_TIMEOUT, &timeout) ||
	    mysql_optionsv(db->mysql, MYSQL_OPT_READ_TIMEOUT, &timeout) ||
	    mysql_optionsv(db->mysql, MYSQL_OPT_WRITE_TIMEOUT, &timeout) ||
	    mysql_optionsv(db->mysql, MYSQL_SET_CHARSET_NAME, "utf8mb4") ||
	    mysql_optionsv(db->mysql, MYSQL_INIT_COMMAND, DB_SESSION_INIT)) {
		set_err(db, "mysql_options", mysql_error(db->mysql));
		db_close(db);
		return -1;
	}
	if (cfg->db_host[0] != '\0')
		host = cfg->db_host;
	else if (cfg->db_socket[0] != '\0')
		sock = cfg->db_socket;
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
	unsigned int	 i;

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
	memset(bind, 0, sizeof(bind));
	for (i = 0; i < n; i++) {
		switch (params[i].type) {
		case DB_VAL_NULL:
			bind[i].buffer_type = MYSQL_TYPE_NULL;
			break;
		case DB_VAL_STR:
		case DB_VAL_BLOB:
			bind[i].buffer_type = params[i].type == DB_VAL_STR ?
			    MYSQL_TYPE_STRING : MYSQL_TYPE_BLOB;
			bind[i].buffer = (void *)params[i].p;
			bind[i].buffer_length = params[i].len;
			bind[i].length = (unsigned long *)&params[i].len;
			break;
		case DB_VAL_INT:
			bind[i].buffer_type = MYSQL_TYPE_LONGLONG;
			bind[i].buffer = (void *)&params[i].i;
			break;
		}
	}
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
	MYSQL_STMT	*stmt;
	MYSQL_RES	*meta;
	MYSQL_BIND	*bind = NULL;
	char		**vals = NULL;
	unsigned long	*lens = NULL;
	my_bool		*nulls = NULL, on = 1;
	unsigned int	 i, ncols = 0;
	int		 rows = -1, r, stop = 0;

	if ((stmt = prepare_bind(db, sql, params, n)) == NULL)
		return -1;
	if (mysql_stmt_attr_set(stmt, STMT_ATTR_UPDATE_MAX_LENGTH, &on) ||
	    mysql_stmt_store_result(stmt)) {
		set_stmt_err(db, "store", stmt);
		goto out;
	}
	if ((meta = mysql_stmt_result_metadata(stmt)) == NULL) {
		set_err(db, "metadata", "statement returns no rows");
		goto out;
	}
	ncols = mysql_num_fields(meta);
	bind = calloc(ncols, sizeof(*bind));
	vals = calloc(ncols, sizeof(*vals));
	lens = calloc(ncols, sizeof(*lens));
	nulls = calloc(ncols, sizeof(*nulls));
	if (bind == NULL || vals == NULL || lens == NULL || nulls == NULL) {
		mysql_free_result(meta);
		set_err(db, "select", "out of memory");
		goto out;
	}
	for (i = 0; i < ncols; i++) {
		/* Numbers are at most 64 digits as text; the rest is known. */
		unsigned long size = mysql_fetch_field_direct(meta, i)->max_length;

		size = (size < 64 ? 64 : size) + 1;
		if ((vals[i] = malloc(size)) == NULL) {
			mysql_free_result(meta);
			set_err(db, "select", "out of memory");
			goto out;
		}
		bind[i].buffer_type = MYSQL_TYPE_STRING;
		bind[i].buffer = vals[i];
		bind[i].buffer_length = size;
		bind[i].length = &lens[i];
		bind[i].is_null = &nulls[i];
	}
	mysql_free_result(meta);
	if (mysql_stmt_bind_result(stmt, bind)) {
		set_stmt_err(db, "bind_result", stmt);
		goto out;
	}
	rows = 0;
	while ((r = mysql_stmt_fetch(stmt)) == 0) {
		char *row[32];

		rows++;
		if (stop)
			continue;
		for (i = 0; i < ncols && i < 32; i++) {
			vals[i][lens[i] < bind[i].buffer_length ? lens[i] :
			    bind[i].buffer_length - 1] = '\0';
			row[i] = nulls[i] ? NULL : vals[i];
		}
		stop = cb(arg, ncols < 32 ? ncols : 32, row, lens);
	}
	if (r != MYSQL_NO_DATA) {
		set_stmt_err(db, "fetch", stmt);
		rows = -1;
	}
out:
	if (vals != NULL) {
		for (i = 0; i < ncols; i++)
			free(vals[i]);
	}
	free(vals);
	free(lens);
	free(nulls);
	free(bind);
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
