/* SPDX-License-Identifier: ISC */
/* Retrying a transaction that lost a race; see db_retry.h. */
#include <stdlib.h>
#include <time.h>

#include <mysqld_error.h>

#include "db_retry.h"

int
db_retry_conflict(unsigned int errnum)
{
	return errnum == ER_LOCK_DEADLOCK || errnum == ER_LOCK_WAIT_TIMEOUT ||
	    errnum == ER_UNKNOWN_COM_ERROR;
}

unsigned int
db_retry_delay_ms(unsigned int tries)
{
	unsigned int	cap = DB_RETRY_BASE_MS << (tries < 8 ? tries : 8);

	/* Full jitter: anywhere from 1 ms up to the doubled cap. */
	return 1 + arc4random_uniform(cap);
}

static void
nap_ms(unsigned int ms)
{
	struct timespec	ts = { ms / 1000, (long)(ms % 1000) * 1000000L };

	while (nanosleep(&ts, &ts) == -1)
		continue;
}

int
db_txn(struct db *db, int (*fn)(struct db *, void *), void *arg)
{
	unsigned int	tries;
	int		rc = -1;

	for (tries = 1; tries <= DB_RETRY_TRIES; tries++) {
		if (tries > 1)
			nap_ms(db_retry_delay_ms(tries - 1));
		db->errnum = 0;
		if (db_begin(db))
			return -1;
		rc = fn(db, arg);
		if (rc == 0 && db_commit(db) == 0)
			return 0;
		db_rollback(db);
		if (rc > 0)
			return rc;
		rc = -1;
		if (!db_retry_conflict(db->errnum))
			break;
	}
	return rc;
}
