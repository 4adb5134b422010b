/* SPDX-License-Identifier: ISC */
/*
 * The homepage's shared checks; see home_check.h. A worker has at most
 * BATCHES_RUNNING check statements running; requests arriving meanwhile
 * join the open batch, which starts when one finishes (or when it is
 * full). A statement takes 1, 4 or HOME_CHECK_MAX token hashes (the last
 * repeated to fill it), so each connection prepares three statements.
 * A finished batch is freed on the next timer tick, never inside the
 * database code that reported it.
 */
#include <string.h>

#include "home_check.h"
#include "portal.h"

#define HOME_CHECK_MAX		16
#define BATCHES_RUNNING		2

struct home_wait {
	struct home_batch	*batch;		/* while waiting */
	unsigned int		 slot;		/* its place there */
	enum home_check_state	 state;
	struct home_stamp	 stamp;
};

struct home_batch {
	struct db_async_query	 q;		/* first: batch_done's cast */
	struct http_request	*req[HOME_CHECK_MAX];
	struct home_wait	*wait[HOME_CHECK_MAX];	/* NULL: gone */
	unsigned char		 hash[HOME_CHECK_MAX][TOKEN_HASH_LEN];
	char			 hex[HOME_CHECK_MAX][TOKEN_HASH_LEN * 2 + 1];
	unsigned int		 n;
	TAILQ_ENTRY(home_batch)	 list;
};

TAILQ_HEAD(batch_list, home_batch);

static struct home_batch	*open_batch;	/* not started yet */
static struct batch_list	 finished = TAILQ_HEAD_INITIALIZER(finished);
static unsigned int		 running;
static int			 tick_set;

#define CHECK_SQL(in)							\
	"SELECT HEX(s.token_hash), COALESCE(v.version, 0), "		\
	"COALESCE(g.version, 0), UNIX_TIMESTAMP() "			\
	"FROM manager_sessions s "					\
	"LEFT JOIN home_versions v ON v.scope = s.manager_id "		\
	"LEFT JOIN home_versions g ON g.scope = 0 "			\
	"WHERE s.token_hash IN (" in ") AND s.expires_at > NOW(6)"
enum { CHECK_HASH, CHECK_MINE, CHECK_SHARED, CHECK_NOW };

static const char sql_1[] = CHECK_SQL("?");
static const char sql_4[] = CHECK_SQL("?, ?, ?, ?");
static const char sql_16[] = CHECK_SQL("?, ?, ?, ?, ?, ?, ?, ?, "
    "?, ?, ?, ?, ?, ?, ?, ?");

static void	tick(void *, u_int64_t);

static void
tick_soon(void)
{
	if (!tick_set) {
		tick_set = 1;
		(void)kore_timer_add(tick, 1, NULL, KORE_TIMER_ONESHOT);
	}
}

/* w's row in the batch's result. */
static void
take_row(struct home_batch *b, unsigned int i, struct home_wait *w)
{
	const struct db_async_query	*q = &b->q;
	const char			*hex;
	unsigned int			 r;

	if (q->status != DB_ASYNC_DONE) {
		w->state = HOME_CHECK_FAILED;
		return;
	}
	w->state = HOME_CHECK_NO_SESSION;
	for (r = 0; r < q->rows; r++) {
		hex = db_async_cell(q, r, CHECK_HASH);
		if (hex == NULL || strcasecmp(hex, b->hex[i]) != 0)
			continue;
		w->state = home_stamp_parse(db_async_cell(q, r, CHECK_MINE),
		    db_async_cell(q, r, CHECK_SHARED),
		    db_async_cell(q, r, CHECK_NOW), &w->stamp) == 0 ?
		    HOME_CHECK_CURRENT : HOME_CHECK_FAILED;
		return;
	}
}

/* The statement is done or failed: every request still there gets its
 * row and is woken. The batch is freed on the next tick. */
static void
batch_done(struct db_async_query *q)
{
	struct home_batch	*b = (struct home_batch *)q;
	unsigned int		 i;

	for (i = 0; i < b->n; i++) {
		if (b->wait[i] == NULL)
			continue;
		take_row(b, i, b->wait[i]);
		b->wait[i]->batch = NULL;
		http_request_wakeup(b->req[i]);
	}
	running--;
	TAILQ_INSERT_TAIL(&finished, b, list);
	/* Kore looks at woken requests after its next wait: keep it short. */
	tick_soon();
}

static void
batch_start(struct home_batch *b)
{
	struct db_val	 arg[HOME_CHECK_MAX];
	const char	*sql;
	unsigned int	 i, n;

	if (b == open_batch)
		open_batch = NULL;
	n = b->n == 1 ? 1 : b->n <= 4 ? 4 : HOME_CHECK_MAX;
	sql = n == 1 ? sql_1 : n == 4 ? sql_4 : sql_16;
	for (i = 0; i < n; i++)
		arg[i] = DB_BLOB(b->hash[i < b->n ? i : b->n - 1],
		    TOKEN_HASH_LEN);
	running++;
	b->q.done = batch_done;
	db_async_start(&b->q, NULL, sql, arg, n);
}

/* Start the open batch if the worker may run another statement. */
static void
pump(void)
{
	if (open_batch != NULL && running < BATCHES_RUNNING)
		batch_start(open_batch);
}

static void
tick(void *arg, u_int64_t now)
{
	struct home_batch	*b;

	(void)arg;
	(void)now;
	tick_set = 0;
	while ((b = TAILQ_FIRST(&finished)) != NULL) {
		TAILQ_REMOVE(&finished, b, list);
		db_async_clear(&b->q);
		kore_free(b);
	}
	pump();
}

void
home_check_start(struct http_request *req, struct portal *p)
{
	struct home_batch	*b;
	struct home_wait	*w;
	unsigned int		 i, k;

	if (p->home == NULL)
		p->home = kore_calloc(1, sizeof(*p->home));
	w = p->home;
	if ((b = open_batch) == NULL)
		b = open_batch = kore_calloc(1, sizeof(*b));
	i = b->n++;
	b->req[i] = req;
	b->wait[i] = w;
	memcpy(b->hash[i], p->cookie_hash, TOKEN_HASH_LEN);
	for (k = 0; k < TOKEN_HASH_LEN; k++)
		(void)snprintf(b->hex[i] + 2 * k, 3, "%02X",
		    p->cookie_hash[k]);
	w->batch = b;
	w->slot = i;
	w->state = HOME_CHECK_WAITING;
	http_request_sleep(req);
	if (b->n == HOME_CHECK_MAX)
		batch_start(b);		/* full: it goes now */
	else
		pump();
}

enum home_check_state
home_check_result(struct http_request *req, struct portal *p,
    struct home_stamp *now)
{
	struct home_wait	*w = p->home;

	if (w == NULL)
		return HOME_CHECK_FAILED;
	if (w->state == HOME_CHECK_WAITING)
		http_request_sleep(req);
	else if (w->state == HOME_CHECK_CURRENT)
		*now = w->stamp;
	return w->state;
}

void
home_check_free(struct portal *p)
{
	struct home_wait	*w = p->home;

	if (w == NULL)
		return;
	if (w->batch != NULL)
		w->batch->wait[w->slot] = NULL;
	kore_free(w);
	p->home = NULL;
}
