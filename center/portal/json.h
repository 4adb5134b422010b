/* SPDX-License-Identifier: ISC */
/* JSON output for the API: values are appended, strings escaped. */
#ifndef FAXCENTER_JSON_H
#define FAXCENTER_JSON_H

#include <kore/kore.h>
#include <kore/http.h>

#include "db_async.h"

/* Append s as a JSON string ("..."), or null for NULL. */
void	json_string(struct kore_buf *buf, const char *s);

/* Append s as a JSON number when it is one (a database integer), else
 * null. */
void	json_number(struct kore_buf *buf, const char *s);

/* Send buf as application/json with status, and free it. */
void	json_send(struct http_request *req, int status, struct kore_buf *buf);

/* {"error": text} with status. */
void	json_error(struct http_request *req, int status, const char *text);

/*
 * Row r's first n columns as JSON members named keys[0..n-1] (keys are
 * indexed by the statement's column enum): a column whose bit
 * (JSON_COL(column)) is set in numbers is a number, the others strings.
 */
#define JSON_COL(col)	(1u << (col))
void	json_members(struct kore_buf *buf, const struct db_async_query *q,
	    unsigned int r, const char *const *keys, unsigned int n,
	    unsigned int numbers);

#endif
