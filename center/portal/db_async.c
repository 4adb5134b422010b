/* SPDX-License-Identifier: ISC */
/*
 * Non-blocking MariaDB for the Kore workers; see db_async.h.
 *
 * Invariants: a connection slot is never freed (an event for it may still
 * sit in the batch epoll_wait returned), only reset; a connection serves one
 * query at a time; a query is either waiting in line, running on exactly
 * one connection, waiting to try again (q->retry set), or finished.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>

#include <mysql.h>
#include <errmsg.h>

#include "db_async.h"
#include "db_bind.h"
#include "db_retry.h"

#define STMT_CACHE_MAX	16
/* A server that stops answering fails the query after this long. */
#define DB_ASYNC_TIMEOUT_S	5
#define CONNS_MAX	16
/* Not one of Kore's KORE_TYPE_* values. */
#define DB_ASYNC_EVENT_TYPE	100

enum conn_state {
	CONN_UNUSED = 0,	/* no connection in this slot */
	CONN_CONNECTING,
	CONN_IDLE,
	CONN_PREPARE,
	CONN_EXECUTE,
	CONN_STORE,
};

struct stmt_cache {
	const char	*sql;
	MYSQL_STMT	*stmt;
};

struct db_async_conn {
	struct kore_event	 evt;		/* first: epoll hands us this */
	enum conn_state		 state;
	int			 inflight;	/* a _start awaits its _cont */
	int			 fd;
	MYSQL			 mysql;
	MYSQL			*mret;
	int			 iret;
	struct db_async_query	*q;
	struct kore_timer	*timer;		/* while a timeout is asked */
	MYSQL_STMT		*stmt;		/* of the running query */
	struct stmt_cache	 cache[STMT_CACHE_MAX];
	unsigned int		 ncache;
};

static const struct center_config	*cfg;
static struct db_async_conn		 conns[CONNS_MAX];
static int				 conns_max;
static TAILQ_HEAD(, db_async_query)	 waiting;

static void	conn_step(struct db_async_conn *, int);
static void	conn_timeout(void *, u_int64_t);
static void	dispatch(struct db_async_query *);
static void	conn_handle(void *, int);

void
db_async_init(const struct center_config *config, int max_conns)
{
	cfg = config;
	conns_max = max_conns < 1 ? 1 :
	    (max_conns > CONNS_MAX ? CONNS_MAX : max_conns);
	TAILQ_INIT(&waiting);
}

static void
timer_cancel(struct db_async_conn *c)
{
	if (c->timer != NULL)
		kore_timer_remove(c->timer);
	c->timer = NULL;
}

static void
wait_for(struct db_async_conn *c, int status)
{
	int	events = EPOLLRDHUP;

	timer_cancel(c);
	if (status & MYSQL_WAIT_TIMEOUT)
		c->timer = kore_timer_add(conn_timeout,
		    mysql_get_timeout_value_ms(&c->mysql), c,
		    KORE_TIMER_ONESHOT);
	if (status & MYSQL_WAIT_READ)
		events |= EPOLLIN;
	if (status & MYSQL_WAIT_WRITE)
		events |= EPOLLOUT;
	c->inflight = 1;
	c->fd = mysql_get_socket(&c->mysql);
	kore_platform_event_schedule(c->fd, events, 0, c);
}

/* Idle: only a closing server can make the socket readable. */
static void
watch_idle(struct db_async_conn *c)
{
	timer_cancel(c);
	c->state = CONN_IDLE;
	c->inflight = 0;
	kore_platform_event_schedule(c->fd, EPOLLIN | EPOLLRDHUP, 0, c);
}

/* Set while db_async_start runs inside a request's handler. */
static struct db_async_query	*starting;

static void
nudge(void *arg, u_int64_t now)
{
	(void)arg;
	(void)now;
}

static void
query_finish(struct db_async_query *q, enum db_async_status status,
    const char *error)
{
	q->conn = NULL;
	q->status = status;
	if (error != NULL)
		(void)snprintf(q->error, sizeof(q->error), "%s", error);
	if (q->done != NULL) {
		q->done(q);
		return;
	}
	if (q->req == NULL)
		return;
	http_request_wakeup(q->req);
	/*
	 * Another request finished from inside this one's handler (a queued
	 * query failing at once with the server gone): Kore looks at woken
	 * requests after its next epoll_wait, so make that wait short.
	 */
	if (starting != NULL && starting != q)
		(void)kore_timer_add(nudge, 1, NULL, KORE_TIMER_ONESHOT);
}

/* Closing the socket also takes it out of the epoll set. */
static void
conn_reset(struct db_async_conn *c)
{
	unsigned int	i;

	timer_cancel(c);
	for (i = 0; i < c->ncache; i++)
		mysql_stmt_close(c->cache[i].stmt);
	if (c->state != CONN_UNUSED)
		mysql_close(&c->mysql);
	c->ncache = 0;
	c->stmt = NULL;
	c->state = CONN_UNUSED;
	c->inflight = 0;
	c->fd = -1;
}

static void	conn_take_next(struct db_async_conn *);

/* Kore frees a one-shot timer after this returns: forget it first. */
static void
retry_fire(void *arg, u_int64_t now)
{
	struct db_async_query	*q = arg;

	(void)now;
	q->retry = NULL;
	dispatch(q);
}

/* A lost race: 1 when q will run again (the request sleeps on), else 0. */
static int
retry_later(struct db_async_query *q, unsigned int err)
{
	if (!db_retry_conflict(err) || ++q->tries >= DB_RETRY_TRIES)
		return 0;
	q->conn = NULL;
	q->retry = kore_timer_add(retry_fire, db_retry_delay_ms(q->tries), q,
	    KORE_TIMER_ONESHOT);
	return 1;
}

/* The connection or its statement failed: fail the query, maybe the conn. */
static void
conn_fail(struct db_async_conn *c, unsigned int err, const char *msg)
{
	struct db_async_query	*q = c->q;
	unsigned int		 i;

	c->q = NULL;
	if (q != NULL && !retry_later(q, err))
		query_finish(q, DB_ASYNC_ERROR, msg);
	if (c->state == CONN_CONNECTING || err == 0 ||
	    (err >= CR_MIN_ERROR && err <= CR_MAX_ERROR)) {
		kore_log(LOG_NOTICE, "database connection dropped: %s", msg);
		conn_reset(c);
	} else {
		/* A server-side error: the connection is fine, the cached
		 * statement may not be. */
		for (i = 0; i < c->ncache; i++) {
			if (c->cache[i].stmt == c->stmt) {
				mysql_stmt_close(c->stmt);
				c->cache[i] = c->cache[--c->ncache];
				break;
			}
		}
		c->stmt = NULL;
		watch_idle(c);
	}
	conn_take_next(c);
}

static void
stmt_fail(struct db_async_conn *c)
{
	char	msg[160];

	(void)snprintf(msg, sizeof(msg), "%s", mysql_stmt_error(c->stmt));
	conn_fail(c, mysql_stmt_errno(c->stmt), msg);
}

static void
conn_connect(struct db_async_conn *c)
{
	const char	*host, *sock;
	int		 status;

	if (mysql_init(&c->mysql) == NULL) {
		conn_fail(c, 0, "mysql_init failed");
		return;
	}
	c->state = CONN_CONNECTING;
	/* With timeouts set, the library asks us to wait for them too. */
	if (db_options(&c->mysql, DB_ASYNC_TIMEOUT_S, 1)) {
		conn_fail(c, 0, "mysql_options failed");
		return;
	}
	db_server(cfg, &host, &sock);
	status = mysql_real_connect_start(&c->mret, &c->mysql, host,
	    cfg->db_user, cfg->db_password, cfg->db_name,
	    (unsigned int)cfg->db_port, sock, 0);
	if (status)
		wait_for(c, status);
	else
		conn_step(c, 0);
}

static MYSQL_STMT *
cached_stmt(struct db_async_conn *c, const char *sql, int *fresh)
{
	unsigned int	i;

	*fresh = 0;
	for (i = 0; i < c->ncache; i++) {
		if (c->cache[i].sql == sql)
			return c->cache[i].stmt;
	}
	if (c->ncache == STMT_CACHE_MAX) {
		mysql_stmt_close(c->cache[0].stmt);
		c->cache[0] = c->cache[--c->ncache];
	}
	c->cache[c->ncache].sql = sql;
	c->cache[c->ncache].stmt = mysql_stmt_init(&c->mysql);
	if (c->cache[c->ncache].stmt == NULL)
		return NULL;
	*fresh = 1;
	return c->cache[c->ncache++].stmt;
}

/* Begin the query assigned to an idle connection. */
static void
conn_begin(struct db_async_conn *c)
{
	int	fresh;

	if ((c->stmt = cached_stmt(c, c->q->sql, &fresh)) == NULL) {
		conn_fail(c, CR_OUT_OF_MEMORY, "mysql_stmt_init failed");
		return;
	}
	c->state = fresh ? CONN_PREPARE : CONN_EXECUTE;
	c->inflight = 0;
	conn_step(c, 0);
}

static void
conn_take_next(struct db_async_conn *c)
{
	struct db_async_query	*q;

	if (c->q != NULL || (q = TAILQ_FIRST(&waiting)) == NULL)
		return;
	if (c->state != CONN_IDLE && c->state != CONN_UNUSED)
		return;
	TAILQ_REMOVE(&waiting, q, list);
	q->conn = c;
	c->q = q;
	if (c->state == CONN_IDLE)
		conn_begin(c);
	else
		conn_connect(c);
}

static int
bind_params(struct db_async_conn *c)
{
	MYSQL_BIND		 bind[DB_ASYNC_PARAMS_MAX];
	struct db_async_query	*q = c->q;

	if (q->nparams == 0)
		return 0;
	db_bind_params(bind, q->params, q->nparams);
	return mysql_stmt_bind_param(c->stmt, bind) ? -1 : 0;
}

/* All rows are stored client-side now: copy them out as strings. */
static int
collect_rows(struct db_async_conn *c, struct db_async_query *q)
{
	struct db_bind_row	 row;
	unsigned int		 i, nrows, r = 0;
	const char		*v;
	int			 rc = -1;

	if (db_bind_row(c->stmt, &row))
		goto out;
	if (row.ncols == 0) {		/* no result set: nothing to free */
		db_bind_row_free(&row);
		return 0;
	}
	nrows = (unsigned int)mysql_stmt_num_rows(c->stmt);
	q->cols = row.ncols;
	q->cells = kore_calloc((size_t)nrows * row.ncols + 1, sizeof(char *));
	while (r < nrows && mysql_stmt_fetch(c->stmt) == 0) {
		for (i = 0; i < row.ncols; i++) {
			if ((v = db_bind_cell(&row, i)) != NULL)
				q->cells[r * row.ncols + i] = kore_strdup(v);
		}
		r++;
	}
	q->rows = r;
	rc = 0;
out:
	db_bind_row_free(&row);
	(void)mysql_stmt_free_result(c->stmt);
	return rc;
}

static void
conn_done(struct db_async_conn *c)
{
	struct db_async_query	*q = c->q;

	c->q = NULL;
	c->stmt = NULL;
	watch_idle(c);
	if (q != NULL)
		query_finish(q, DB_ASYNC_DONE, NULL);
	conn_take_next(c);
}

/*
 * After a statement call: 1 while it waits for the socket (scheduled), -1
 * when it failed (the query is failed too), 0 when it is done.
 */
static int
stmt_settled(struct db_async_conn *c, int status)
{
	if (status) {
		wait_for(c, status);
		return 1;
	}
	if (c->iret) {
		stmt_fail(c);
		return -1;
	}
	c->inflight = 0;
	return 0;
}

/* Drive the connection's current operation; ready is MYSQL_WAIT_*. */
static void
conn_step(struct db_async_conn *c, int ready)
{
	my_bool	on = 1;
	int	status;

	for (;;) {
		switch (c->state) {
		case CONN_UNUSED:
		case CONN_IDLE:
			return;
		case CONN_CONNECTING:
			status = c->inflight ?
			    mysql_real_connect_cont(&c->mret, &c->mysql, ready) :
			    0;
			if (status) {
				wait_for(c, status);
				return;
			}
			if (c->mret == NULL) {
				conn_fail(c, mysql_errno(&c->mysql),
				    mysql_error(&c->mysql));
				return;
			}
			c->fd = mysql_get_socket(&c->mysql);
			watch_idle(c);
			if (c->q == NULL) {
				conn_take_next(c);
				return;
			}
			conn_begin(c);
			return;
		case CONN_PREPARE:
			status = c->inflight ?
			    mysql_stmt_prepare_cont(&c->iret, c->stmt, ready) :
			    mysql_stmt_prepare_start(&c->iret, c->stmt,
			    c->q->sql, (unsigned long)strlen(c->q->sql));
			if (stmt_settled(c, status))
				return;
			c->state = CONN_EXECUTE;
			break;
		case CONN_EXECUTE:
			if (!c->inflight) {
				/* The request went away before we began. */
				if (c->q == NULL) {
					conn_done(c);
					return;
				}
				if (bind_params(c)) {
					stmt_fail(c);
					return;
				}
				if (mysql_stmt_attr_set(c->stmt,
				    STMT_ATTR_UPDATE_MAX_LENGTH, &on)) {
					stmt_fail(c);
					return;
				}
			}
			status = c->inflight ?
			    mysql_stmt_execute_cont(&c->iret, c->stmt, ready) :
			    mysql_stmt_execute_start(&c->iret, c->stmt);
			if (stmt_settled(c, status))
				return;
			if (c->q != NULL)
				c->q->affected =
				    mysql_stmt_affected_rows(c->stmt);
			c->state = CONN_STORE;
			break;
		case CONN_STORE:
			if (mysql_stmt_field_count(c->stmt) == 0) {
				conn_done(c);
				return;
			}
			status = c->inflight ?
			    mysql_stmt_store_result_cont(&c->iret, c->stmt,
			    ready) :
			    mysql_stmt_store_result_start(&c->iret, c->stmt);
			if (stmt_settled(c, status))
				return;
			if (c->q != NULL && collect_rows(c, c->q)) {
				stmt_fail(c);
				return;
			}
			if (c->q == NULL)
				(void)mysql_stmt_free_result(c->stmt);
			conn_done(c);
			return;
		}
	}
}

/* Kore frees a one-shot timer after this returns: forget it first. */
static void
conn_timeout(void *arg, u_int64_t now)
{
	struct db_async_conn	*c = arg;

	(void)now;
	c->timer = NULL;
	if (c->state != CONN_UNUSED && c->inflight)
		conn_step(c, MYSQL_WAIT_TIMEOUT);
}

static void
conn_handle(void *arg, int err)
{
	struct db_async_conn	*c = arg;
	int			 ready = 0;

	if (c->evt.flags & KORE_EVENT_READ)
		ready |= MYSQL_WAIT_READ;
	if (c->evt.flags & KORE_EVENT_WRITE)
		ready |= MYSQL_WAIT_WRITE;
	c->evt.flags = 0;
	if (c->state == CONN_UNUSED)
		return;
	if (!c->inflight) {
		/* Nothing asked for: the server hung up on an idle link. */
		conn_fail(c, CR_SERVER_LOST, "server closed the connection");
		return;
	}
	/* On a hang-up let the library find the error itself. */
	if (err && ready == 0)
		ready = MYSQL_WAIT_READ | MYSQL_WAIT_WRITE;
	timer_cancel(c);
	conn_step(c, ready);
}

void
db_async_start(struct db_async_query *q, struct http_request *req,
    const char *sql, const struct db_val *params, unsigned int n)
{
	void		(*done)(struct db_async_query *) = q->done;
	unsigned int	i;

	db_async_clear(q);
	q->done = done;
	q->req = req;
	q->sql = sql;
	q->status = DB_ASYNC_PENDING;
	if (n > DB_ASYNC_PARAMS_MAX) {
		query_finish(q, DB_ASYNC_ERROR, "too many parameters");
		return;
	}
	q->nparams = n;
	for (i = 0; i < n; i++) {
		q->params[i] = params[i];
		if (params[i].type == DB_VAL_STR ||
		    params[i].type == DB_VAL_BLOB) {
			void *copy = kore_malloc(params[i].len + 1);

			memcpy(copy, params[i].p, params[i].len);
			q->params[i].p = copy;
		}
	}
	starting = q;
	dispatch(q);
	starting = NULL;
	/*
	 * Sleep only while the query runs: a query that failed at once (no
	 * server) must leave the request runnable, or it would sit until the
	 * next timer tick.
	 */
	if (q->status == DB_ASYNC_PENDING && req != NULL)
		http_request_sleep(req);
}

static void
dispatch(struct db_async_query *q)
{
	struct db_async_conn	*c, *unused = NULL;
	int			 k;

	for (k = 0; k < conns_max; k++) {
		c = &conns[k];
		c->evt.type = DB_ASYNC_EVENT_TYPE;
		c->evt.handle = conn_handle;
		if (c->state == CONN_IDLE && c->q == NULL) {
			q->conn = c;
			c->q = q;
			conn_begin(c);
			return;
		}
		if (c->state == CONN_UNUSED && unused == NULL)
			unused = c;
	}
	TAILQ_INSERT_TAIL(&waiting, q, list);
	if (unused != NULL)
		conn_take_next(unused);
}

int
db_async_pending(const struct db_async_query *q)
{
	return q->status == DB_ASYNC_PENDING;
}

int
db_async_next(const struct db_async_query *q)
{
	return db_async_pending(q) ? HTTP_STATE_RETRY : HTTP_STATE_CONTINUE;
}

const char *
db_async_cell(const struct db_async_query *q, unsigned int row,
    unsigned int col)
{
	if (q->cells == NULL || row >= q->rows || col >= q->cols)
		return NULL;
	return q->cells[row * q->cols + col];
}

void
db_async_clear(struct db_async_query *q)
{
	unsigned int	i;

	if (q->status == DB_ASYNC_PENDING) {
		if (q->retry != NULL)
			kore_timer_remove(q->retry);
		else if (q->conn != NULL)
			q->conn->q = NULL;	/* it finishes on its own */
		else
			TAILQ_REMOVE(&waiting, q, list);
	}
	if (q->cells != NULL) {
		for (i = 0; i < q->rows * q->cols; i++)
			kore_free(q->cells[i]);
		kore_free(q->cells);
	}
	for (i = 0; i < q->nparams; i++) {
		if (q->params[i].type == DB_VAL_STR ||
		    q->params[i].type == DB_VAL_BLOB)
			kore_free((void *)q->params[i].p);
	}
	memset(q, 0, sizeof(*q));
}
