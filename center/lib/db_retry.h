/* SPDX-License-Identifier: ISC */
/*
 * When a transaction is tried again, for the blocking layer (db_txn) and
 * the Kore app's non-blocking one (portal/db_async.c) alike.
 *
 * On a Galera cluster two nodes may change the same rows at once; the one
 * whose writeset certifies second is rolled back and its client sees
 * ER_LOCK_DEADLOCK (1213), at COMMIT or at any statement (docs/scale.md).
 * A lock wait that timed out (1205) and a node that has left the primary
 * component for a moment (1047, "WSREP has not yet prepared node") are
 * as worth another try. Each try waits a random time of up to
 * DB_RETRY_BASE_MS << try, so that the racers do not meet again; after
 * DB_RETRY_TRIES the caller gives up: the mailgate defers to its MTA
 * (75), a page answers 503.
 */
#ifndef FAXCENTER_DB_RETRY_H
#define FAXCENTER_DB_RETRY_H

#include "db.h"

#define DB_RETRY_TRIES		5
#define DB_RETRY_BASE_MS	8

/* errnum (a MariaDB error number) says: try the transaction again. */
int	db_retry_conflict(unsigned int errnum);

/* How long to wait before try number `tries` (1, 2, ...): jittered. */
unsigned int	db_retry_delay_ms(unsigned int tries);

/*
 * Runs fn in a transaction and commits. fn returns 0 (commit), a
 * positive value (roll back, return it: an outcome, not a failure) or -1
 * (roll back; db->errnum says whether to try again). The whole of fn runs
 * again on a conflict, so it must start from nothing it changed. Returns
 * 0, fn's positive value, or -1 (db->err says why).
 */
int	db_txn(struct db *db, int (*fn)(struct db *, void *), void *arg);

#endif
