/* SPDX-License-Identifier: ISC */
/*
 * Checking a staff password costs tens of milliseconds of scrypt: it runs
 * in one of Kore's task threads, so the worker's event loop keeps serving
 * other requests meanwhile.
 *
 *	password_task_start(req, p, password, stored_hash);  return RETRY
 *	then password_task_result(req, p): -1 still running (RETRY), else
 *	1 when the password matches, 0 when not (stored NULL: never).
 */
#ifndef FAXCENTER_PASSWORD_TASK_H
#define FAXCENTER_PASSWORD_TASK_H

#include "portal.h"

void	password_task_start(struct http_request *req, struct portal *p,
	    const char *password, const char *stored);

int	password_task_result(struct http_request *req, struct portal *p);

#endif
