/* SPDX-License-Identifier: ISC */
/*
 * faxcenter-ingestd: the resident ingester. Postfix's lmtp(8) delivers
 * report mail to it over a unix socket, on several connections at once
 * (one poll loop serves them all). Each message is verified as it
 * arrives, then stored with the others that arrived meanwhile in one
 * transaction (batch.h: the same steps as faxcenter-mailgate's, over one
 * database connection kept open). The batch is committed when it holds
 * ingest_batch messages, when its first has waited ingest_batch_wait_ms,
 * or at once when no other connection is busy (due()).
 * Only then is each recipient answered:
 *   250  stored, already stored, or not a valid report (counted and
 *        quarantined, never bounced: the sender is not verified)
 *   451  the database is unavailable: Postfix keeps the message, retries
 * Postfix removes a message only after our 250, and the store is
 * idempotent per (terminal, Report-Id): killed at any point, nothing is
 * lost and nothing stored twice. Each batch logs one line ("batch: ...").
 *
 * usage: faxcenter-ingestd [-c CONFIG] [-n] [-s SOCKET]
 *   -s  the socket to listen on (default /run/faxcare/ingest.sock); under
 *       systemd socket activation the socket passed in is used instead
 *   -n  check the configuration and the socket's directory and exit
 */
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "batch.h"
#include "config.h"
#include "db.h"
#include "deliver.h"
#include "ingest.h"
#include "lmtp.h"
#include "log.h"

#define INGESTD_SOCKET	"/run/faxcare/ingest.sock"
#define INGESTD_CLIENTS	64	/* Postfix's lmtp processes, with room */
#define INGESTD_IDLE_S	300	/* a silent client is dropped after this */

struct client {
	int		fd;
	int		waiting;	/* its message is in the batch */
	long long	active_ms;	/* its last input, or our answer */
	struct lmtp	lm;
	char		in[LMTP_LINE_MAX];
	size_t		inlen;
};

struct server {
	struct ingest	*ig;
	struct batch	 batch;
	long long	 opened_ms;	/* when the batch's first came */
	struct client	 clients[INGESTD_CLIENTS];
};

static volatile sig_atomic_t	quit;

static void
on_signal(int sig)
{
	(void)sig;
	quit = 1;
}

static void
usage(void)
{
	(void)fprintf(stderr,
	    "usage: faxcenter-ingestd [-c CONFIG] [-n] [-s SOCKET]\n");
	exit(2);
}

static long long
now_ms(void)
{
	struct timespec	ts;

	if (clock_gettime(CLOCK_MONOTONIC, &ts) == -1)
		fatal("clock_gettime");
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* systemd's socket activation: one stream socket at descriptor 3. */
static int
activated_socket(void)
{
	const char	*pid = getenv("LISTEN_PID"), *fds = getenv("LISTEN_FDS");

	if (pid == NULL || fds == NULL || atol(pid) != (long)getpid() ||
	    strcmp(fds, "1") != 0)
		return -1;
	return 3;
}

static int
listen_unix(const char *path)
{
	struct sockaddr_un	sun;
	int			fd;

	memset(&sun, 0, sizeof(sun));
	sun.sun_family = AF_UNIX;
	if (strlen(path) >= sizeof(sun.sun_path))
		fatalx("socket path too long: %s", path);
	(void)strcpy(sun.sun_path, path);
	if ((fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0)) == -1)
		fatal("socket");
	/* A stale socket from a killed run: ours to replace. */
	if (unlink(path) == -1 && errno != ENOENT)
		fatal("unlink %s", path);
	if (bind(fd, (struct sockaddr *)&sun, sizeof(sun)) == -1)
		fatal("bind %s", path);
	/* Postfix's lmtp runs as postfix: the directory decides who
	 * reaches the socket. */
	if (chmod(path, 0666) == -1)
		fatal("chmod %s", path);
	if (listen(fd, INGESTD_CLIENTS) == -1)
		fatal("listen %s", path);
	return fd;
}

/* Write all of the client's pending replies; -1 when it is gone. */
static int
flush(struct client *c)
{
	size_t	off = 0;
	ssize_t	n;

	while (off < c->lm.outlen) {
		n = send(c->fd, c->lm.out + off, c->lm.outlen - off,
		    MSG_NOSIGNAL);
		if (n == -1 && errno == EINTR)
			continue;
		if (n <= 0)
			return -1;
		off += (size_t)n;
	}
	c->lm.outlen = 0;
	return 0;
}

static void
drop(struct client *c)
{
	(void)close(c->fd);
	lmtp_free(&c->lm);
	c->fd = -1;
	c->waiting = 0;
}

/*
 * Act on the client's buffered input up to its next message, which joins
 * the batch: the client then waits for the commit. -1 when it is done.
 */
static int
process(struct server *sv, struct client *c)
{
	enum lmtp_event	ev;
	char		*nl;
	size_t		used;

	while (!c->waiting) {
		if ((nl = memchr(c->in, '\n', c->inlen)) != NULL) {
			used = (size_t)(nl - c->in) + 1;
			ev = lmtp_input(&c->lm, c->in, used - 1, 1);
		} else if (c->inlen == sizeof(c->in)) {
			used = c->inlen;
			ev = lmtp_input(&c->lm, c->in, used, 0);
		} else
			break;
		memmove(c->in, c->in + used, c->inlen - used);
		c->inlen -= used;
		if (ev == LMTP_MESSAGE) {
			if (sv->batch.n == 0)
				sv->opened_ms = now_ms();
			sv->ig->now = time(NULL);
			(void)batch_add(&sv->batch, sv->ig, c->lm.msg,
			    c->lm.len, c);
			c->waiting = 1;
		}
		if (ev == LMTP_CLOSE) {
			(void)flush(c);
			return -1;
		}
	}
	return flush(c);
}

/* Read what the client sent and act on it; -1 when it is done. */
static int
serve(struct server *sv, struct client *c)
{
	ssize_t	n;

	n = read(c->fd, c->in + c->inlen, sizeof(c->in) - c->inlen);
	if (n == -1 && errno == EINTR)
		return 0;
	if (n <= 0)
		return -1;
	c->inlen += (size_t)n;
	c->active_ms = now_ms();
	return process(sv, c);
}

/* Store the batch, then answer every message in it. */
static void
commit(struct server *sv)
{
	struct ingest		*ig = sv->ig;
	struct batch_stats	 st;
	struct batch_item	*it;
	struct client		*answered[INGESTD_CLIENTS];
	char			 text[700];
	size_t			 i, n = sv->batch.n;
	long long		 now;

	ig->now = time(NULL);
	/* A connection lost (a restart of the server): try again now. */
	if (ig->db->mysql == NULL)
		(void)db_open(ig->db, ig->cfg);
	batch_commit(&sv->batch, ig, &st);
	for (i = 0; i < n; i++) {
		it = &sv->batch.items[i];
		if (it->dr.verdict == DELIVER_DONE) {
			log_info("%s", it->dr.text);
			(void)snprintf(text, sizeof(text), "250 2.0.0 %s",
			    it->dr.text);
		} else {
			warnx("%s", it->dr.text);
			(void)snprintf(text, sizeof(text), "451 4.3.0 %s",
			    it->dr.text);
		}
		answered[i] = it->owner;
		lmtp_answer(&answered[i]->lm, text);
		answered[i]->waiting = 0;
	}
	now = now_ms();
	for (i = 0; i < n; i++)
		answered[i]->active_ms = now;
	log_info("batch: %zu message%s, %u transaction%s, %lld ms: %u stored, "
	    "%u already stored, %u dropped, %u deferred", n, n == 1 ? "" : "s",
	    st.tries, st.tries == 1 ? "" : "s", now - sv->opened_ms, st.stored,
	    st.duplicate, st.dropped, st.deferred);
	/* Whatever failed, the next batch starts afresh. */
	if (st.failed)
		db_close(ig->db);
	batch_clear(&sv->batch);
	/* Answered (the replies in order, after the commit); input that
	 * came meanwhile is acted on now. */
	for (i = 0; i < n; i++)
		if (process(sv, answered[i]))
			drop(answered[i]);
}

/*
 * Commit now: full, waited long enough, or nobody else is likely to add
 * to it: every other connection waits for it too, or has been silent for
 * longer than the wait (a connection Postfix keeps open between
 * deliveries; one answered a moment ago is busy and sends again soon).
 */
static int
due(const struct server *sv)
{
	const struct client	*c;
	long long		 now = now_ms();
	int			 i, wait = sv->ig->cfg->ingest_batch_wait_ms;

	if (sv->batch.n == 0)
		return 0;
	if (sv->batch.n == sv->batch.max || now - sv->opened_ms >= wait)
		return 1;
	for (i = 0; i < INGESTD_CLIENTS; i++) {
		c = &sv->clients[i];
		if (c->fd != -1 && !c->waiting && now - c->active_ms < wait)
			return 0;
	}
	return 1;
}

static void
accept_client(int lfd, struct server *sv)
{
	struct timeval	 tv = { INGESTD_IDLE_S, 0 };
	struct client	*c;
	int		 fd, i;

	if ((fd = accept4(lfd, NULL, NULL, SOCK_CLOEXEC)) == -1) {
		if (errno != EINTR && errno != EAGAIN && errno != ECONNABORTED)
			warn("accept");
		return;
	}
	for (i = 0; i < INGESTD_CLIENTS && sv->clients[i].fd != -1; i++)
		;
	if (i == INGESTD_CLIENTS) {
		/* Postfix retries a refused connection later. */
		(void)send(fd, "421 4.3.2 busy\r\n", 16, MSG_NOSIGNAL);
		(void)close(fd);
		return;
	}
	c = &sv->clients[i];
	if (setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof(tv)) == -1 ||
	    lmtp_init(&c->lm, "faxcenter",
	    (size_t)sv->ig->cfg->max_message_bytes)) {
		warn("a new connection");
		(void)close(fd);
		return;
	}
	c->fd = fd;
	c->inlen = 0;
	c->waiting = 0;
	c->active_ms = now_ms();
	if (flush(c))
		drop(c);
}

/*
 * How long poll may sleep: until the batch is due (its wait is over, or
 * the last connection that may still send falls silent), else a while.
 */
static int
timeout_ms(const struct server *sv)
{
	const struct client	*c;
	long long		 at, left;
	int			 i, wait = sv->ig->cfg->ingest_batch_wait_ms;

	if (sv->batch.n == 0)
		return 60 * 1000;
	/* When the last connection that may send falls silent... */
	at = 0;
	for (i = 0; i < INGESTD_CLIENTS; i++) {
		c = &sv->clients[i];
		if (c->fd != -1 && !c->waiting && c->active_ms + wait > at)
			at = c->active_ms + wait;
	}
	/* ...but no later than the batch's own wait. */
	if (at > sv->opened_ms + wait)
		at = sv->opened_ms + wait;
	left = at - now_ms();
	return left < 0 ? 0 : (int)left;
}

static void
run(int lfd, struct server *sv)
{
	struct pollfd	 pfd[INGESTD_CLIENTS + 1];
	struct client	*c;
	long long	 now;
	int		 i, n;

	for (i = 0; i < INGESTD_CLIENTS; i++)
		sv->clients[i].fd = -1;
	while (!quit) {
		pfd[0].fd = lfd;
		pfd[0].events = POLLIN;
		for (i = 0; i < INGESTD_CLIENTS; i++) {
			c = &sv->clients[i];
			/* A waiting client is not read: its answer first. */
			pfd[i + 1].fd = c->waiting ? -1 : c->fd;
			pfd[i + 1].events = POLLIN;
			pfd[i + 1].revents = 0;
		}
		n = poll(pfd, INGESTD_CLIENTS + 1, timeout_ms(sv));
		if (n == -1 && errno == EINTR)
			continue;
		if (n == -1)
			fatal("poll");
		now = now_ms();
		for (i = 0; i < INGESTD_CLIENTS; i++) {
			c = &sv->clients[i];
			if (c->fd == -1 || c->waiting)
				continue;
			if (pfd[i + 1].revents ? serve(sv, c) == -1 :
			    now - c->active_ms > INGESTD_IDLE_S * 1000LL)
				drop(c);
		}
		if (pfd[0].revents & POLLIN)
			accept_client(lfd, sv);
		if (due(sv))
			commit(sv);
	}
	/* Stopped: what arrived is stored and answered first. */
	if (sv->batch.n > 0)
		commit(sv);
	for (i = 0; i < INGESTD_CLIENTS; i++)
		if (sv->clients[i].fd != -1)
			drop(&sv->clients[i]);
}

int
main(int argc, char **argv)
{
	static struct server	sv;
	struct center_config	cfg;
	struct ingest		ig;
	struct fc_error		ferr;
	struct db		db;
	struct sigaction	sa;
	const char		*path = NULL, *sock = INGESTD_SOCKET;
	char			err[256];
	int			ch, check = 0, lfd;

	log_init("faxcenter-ingestd");
	while ((ch = getopt(argc, argv, "c:ns:")) != -1) {
		if (ch == 'c')
			path = optarg;
		else if (ch == 'n')
			check = 1;
		else if (ch == 's')
			sock = optarg;
		else
			usage();
	}
	if (optind != argc)
		usage();
	if (center_config_load(&cfg, path, err, sizeof(err)))
		fatalx("%s", err);
	memset(&ig, 0, sizeof(ig));
	if (fc_key_load_file(cfg.master_secret_file, &ig.master, &ferr))
		fatalx("%s", ferr.text);
	memset(&db, 0, sizeof(db));
	if (db_open(&db, &cfg)) {
		if (check)
			fatalx("%s", db.err);
		/* Mail waits in Postfix's queue (451) until it is back. */
		warnx("%s; answering 451 until it is back", db.err);
	}
	if (check) {
		db_close(&db);
		log_info("configuration OK");
		return 0;
	}
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	if (sigaction(SIGTERM, &sa, NULL) == -1 ||
	    sigaction(SIGINT, &sa, NULL) == -1)
		fatal("sigaction");
	sa.sa_handler = SIG_IGN;
	if (sigaction(SIGPIPE, &sa, NULL) == -1)
		fatal("sigaction");
	if ((lfd = activated_socket()) == -1)
		lfd = listen_unix(sock);
	ig.cfg = &cfg;
	ig.db = &db;
	sv.ig = &ig;
	/* A client has one message in the batch at a time. */
	if (batch_init(&sv.batch, cfg.ingest_batch < INGESTD_CLIENTS ?
	    (size_t)cfg.ingest_batch : INGESTD_CLIENTS))
		fatal("batch_init");
	log_info("listening for LMTP on %s; batches of up to %zu messages, "
	    "%d ms", lfd == 3 && getenv("LISTEN_FDS") ?
	    "the socket systemd passed" : sock, sv.batch.max,
	    cfg.ingest_batch_wait_ms);
	run(lfd, &sv);
	batch_free(&sv.batch);
	db_close(&db);
	fc_key_wipe(&ig.master);
	return 0;
}
