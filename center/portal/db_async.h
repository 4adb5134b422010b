/* SPDX-License-Identifier: ISC */
/*
 * MariaDB on Kore's event loop, through Connector/C's non-blocking API
 * (as Kore's own pgsql.c drives libpq): a request starts a prepared
 * statement, sleeps, and is woken when the rows are in. Each worker keeps a
 * small pool of connections, prepared statements cached per connection;
 * requests beyond the pool wait in line.
 *
 * In a handler (an http_state machine):
 *	db_async_start(&st->q, req, SQL, params, n);
 *	next state; return db_async_next(&st->q)
 *	while db_async_pending(&st->q)			return RETRY
 *	then read st->q.rows / st->q.error; db_async_clear(&st->q).
 * The request's onfree must call db_async_clear(): a query still running
 * then finishes on its own and its rows are dropped.
 *
 * A statement that lost a race (db_retry.h: a Galera certification
 * failure, a lock wait timeout, a node not ready) runs again after a
 * jittered pause, up to DB_RETRY_TRIES times, before it fails: each query
 * is one autocommit statement, so running it again is the whole
 * transaction again.
 */
#ifndef FAXCENTER_DB_ASYNC_H
#define FAXCENTER_DB_ASYNC_H

#include <kore/kore.h>
#include <kore/http.h>

#include "config.h"
#include "db.h"

#define DB_ASYNC_PARAMS_MAX	16

enum db_async_status {
	DB_ASYNC_IDLE = 0,
	DB_ASYNC_PENDING,
	DB_ASYNC_DONE,
	DB_ASYNC_ERROR,
};

struct db_async_conn;

struct db_async_query {
	enum db_async_status	 status;
	struct http_request	*req;
	struct db_async_conn	*conn;		/* while running */
	const char		*sql;		/* a string constant */
	struct db_val		 params[DB_ASYNC_PARAMS_MAX];
	unsigned int		 nparams;
	TAILQ_ENTRY(db_async_query) list;	/* waiting for a connection */
	unsigned int		 tries;		/* lost races so far */
	struct kore_timer	*retry;		/* waiting to try again */
	/* Called when the query is done or failed, instead of waking req
	 * (NULL then): for a statement several requests share. Set before
	 * db_async_start (which keeps it); q is not touched after. */
	void			(*done)(struct db_async_query *);

	/* results: rows * cols cells, NULL for SQL NULL */
	char			**cells;
	unsigned int		 rows, cols;
	unsigned long long	 affected;
	char			 error[160];
};

/* Once per worker, before the first query. */
void	db_async_init(const struct center_config *cfg, int max_conns);

/*
 * Start sql with params (copied: the caller's buffers may go away).
 * The request sleeps until the query is done or failed.
 */
void	db_async_start(struct db_async_query *q, struct http_request *req,
	    const char *sql, const struct db_val *params, unsigned int n);

int	db_async_pending(const struct db_async_query *q);

/*
 * What a state returns after db_async_start: RETRY while the query runs
 * (the request sleeps until woken), CONTINUE when it already failed (Kore
 * would not run a request woken from inside its own handler until the next
 * timer tick).
 */
int	db_async_next(const struct db_async_query *q);

/* Cell (row, col), or NULL. */
const char	*db_async_cell(const struct db_async_query *q,
		    unsigned int row, unsigned int col);

/* Frees the rows; detaches a query still running. */
void	db_async_clear(struct db_async_query *q);

#endif
