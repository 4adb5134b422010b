/* SPDX-License-Identifier: ISC */
/* struct db_val to MYSQL_BIND and result columns to text; see db_bind.h. */
#include <stdlib.h>
#include <string.h>

#include "db_bind.h"

void
db_bind_params(MYSQL_BIND *bind, const struct db_val *params, unsigned int n)
{
	unsigned int	i;

	memset(bind, 0, n * sizeof(*bind));
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
}

int
db_bind_row(MYSQL_STMT *stmt, struct db_bind_row *row)
{
	MYSQL_RES	*meta;
	unsigned long	 size;
	unsigned int	 i;

	memset(row, 0, sizeof(*row));
	if ((meta = mysql_stmt_result_metadata(stmt)) == NULL)
		return 0;
	row->ncols = mysql_num_fields(meta);
	row->bind = calloc(row->ncols, sizeof(*row->bind));
	row->lens = calloc(row->ncols, sizeof(*row->lens));
	row->nulls = calloc(row->ncols, sizeof(*row->nulls));
	if (row->bind == NULL || row->lens == NULL || row->nulls == NULL) {
		mysql_free_result(meta);
		return -1;
	}
	for (i = 0; i < row->ncols; i++) {
		/* Numbers are at most 64 digits as text; the rest is known. */
		size = mysql_fetch_field_direct(meta, i)->max_length;
		size = (size < 64 ? 64 : size) + 1;
		if ((row->bind[i].buffer = malloc(size)) == NULL) {
			mysql_free_result(meta);
			return -1;
		}
		row->bind[i].buffer_type = MYSQL_TYPE_STRING;
		row->bind[i].buffer_length = size;
		row->bind[i].length = &row->lens[i];
		row->bind[i].is_null = &row->nulls[i];
	}
	mysql_free_result(meta);
	return mysql_stmt_bind_result(stmt, row->bind) ? -1 : 0;
}

char *
db_bind_cell(struct db_bind_row *row, unsigned int i)
{
	char		*v = row->bind[i].buffer;
	unsigned long	 max = row->bind[i].buffer_length - 1;

	if (row->nulls[i])
		return NULL;
	v[row->lens[i] < max ? row->lens[i] : max] = '\0';
	return v;
}

void
db_bind_row_free(struct db_bind_row *row)
{
	unsigned int	i;

	for (i = 0; row->bind != NULL && i < row->ncols; i++)
		free(row->bind[i].buffer);
	free(row->bind);
	free(row->lens);
	free(row->nulls);
	memset(row, 0, sizeof(*row));
}
