/* SPDX-License-Identifier: ISC */
/*
 * A named lock every node of a Galera cluster sees, for the rare work that
 * one process at a time must do (schema migrations). GET_LOCK() holds on
 * one node only; this lock is a row: taking it is an INSERT of its name,
 * which two nodes cannot both commit (the second fails certification or
 * meets the duplicate). A holder that died leaves the row behind: after
 * stale_s seconds another may take it.
 */
#ifndef FAXCENTER_DB_LOCK_H
#define FAXCENTER_DB_LOCK_H

#include "db.h"

/*
 * Take lock name, waiting up to wait_s seconds. 0, 1 when another holds it
 * still, or -1 (db->err says why). The session remembers its claim, so
 * give it back on the same connection.
 */
int	db_lock_take(struct db *db, const char *name, unsigned int wait_s,
	    unsigned int stale_s);

/* Give back what db_lock_take took on this connection. 0 or -1. */
int	db_lock_give(struct db *db, const char *name);

#endif
