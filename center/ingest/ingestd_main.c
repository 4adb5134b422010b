/* SPDX-License-Identifier: ISC */
/*
 * faxcenter-ingestd: the resident ingester. Postfix's lmtp(8) delivers
 * report mail to it over a unix socket; each message is verified and
 * stored by the same code as faxcenter-mailgate's (deliver.h), over one
 * database connection kept open, and answered once per recipient after
 * its transaction committed:
 *   250  stored, already stored, or not a valid report (counted and
 *        quarantined, never bounced: the sender is not verified)
 *   451  the database is unavailable: Postfix keeps the message, retries
 * Postfix removes a message only after our 250, and the store is
 * idempotent per (terminal, Report-Id): killed at any point, nothing is
 * lost and nothing stored twice.
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

#include "config.h"
#include "db.h"
#include "deliver.h"
#include "ingest.h"
#include "lmtp.h"
#include "log.h"

#define INGESTD_SOCKET	"/run/faxcare/ingest.sock"
#define INGESTD_CLIENTS	32	/* Postfix's lmtp processes, with room */
#define INGESTD_IDLE_S	300	/* a silent client is dropped after this */

struct client {
	int		fd;
	struct lmtp	lm;
	char		in[LMTP_LINE_MAX];
	size_t		inlen;
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
deliver(struct ingest *ig, struct client *c)
{
	struct deliver_result	dr;
	char			text[700];

	ig->now = time(NULL);
	/* A connection lost (a restart of the server): try again now. */
	if (ig->db->mysql == NULL)
		(void)db_open(ig->db, ig->cfg);
	deliver_message(ig, c->lm.msg, c->lm.len, &dr);
	if (dr.verdict == DELIVER_DONE) {
		log_info("%s", dr.text);
		(void)snprintf(text, sizeof(text), "250 2.0.0 %s", dr.text);
	} else {
		warnx("%s", dr.text);
		(void)snprintf(text, sizeof(text), "451 4.3.0 %s", dr.text);
		/* Whatever failed, the next message starts afresh. */
		db_close(ig->db);
	}
	lmtp_answer(&c->lm, text);
}

/* Read and act on what the client sent; -1 when it is done. */
static int
serve(struct ingest *ig, struct client *c)
{
	enum lmtp_event	ev;
	ssize_t		n;
	char		*nl;
	size_t		used;

	n = read(c->fd, c->in + c->inlen, sizeof(c->in) - c->inlen);
	if (n == -1 && errno == EINTR)
		return 0;
	if (n <= 0)
		return -1;
	c->inlen += (size_t)n;
	for (;;) {
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
		if (ev == LMTP_MESSAGE)
			deliver(ig, c);
		if (ev == LMTP_CLOSE) {
			(void)flush(c);
			return -1;
		}
	}
	return flush(c);
}

static void
drop(struct client *c)
{
	(void)close(c->fd);
	lmtp_free(&c->lm);
	c->fd = -1;
}

static void
accept_client(int lfd, struct client *clients, const struct center_config *cfg)
{
	struct timeval	tv = { INGESTD_IDLE_S, 0 };
	int		fd, i;

	if ((fd = accept4(lfd, NULL, NULL, SOCK_CLOEXEC)) == -1) {
		if (errno != EINTR && errno != EAGAIN && errno != ECONNABORTED)
			warn("accept");
		return;
	}
	for (i = 0; i < INGESTD_CLIENTS && clients[i].fd != -1; i++)
		;
	if (i == INGESTD_CLIENTS) {
		/* Postfix retries a refused connection later. */
		(void)send(fd, "421 4.3.2 busy\r\n", 16, MSG_NOSIGNAL);
		(void)close(fd);
		return;
	}
	if (setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof(tv)) == -1 ||
	    lmtp_init(&clients[i].lm, "faxcenter", (size_t)cfg->max_message_bytes)) {
		warn("a new connection");
		(void)close(fd);
		return;
	}
	clients[i].fd = fd;
	clients[i].inlen = 0;
	if (flush(&clients[i]))
		drop(&clients[i]);
}

static void
run(int lfd, struct ingest *ig)
{
	struct client	clients[INGESTD_CLIENTS];
	struct pollfd	pfd[INGESTD_CLIENTS + 1];
	int		i, n;

	for (i = 0; i < INGESTD_CLIENTS; i++)
		clients[i].fd = -1;
	while (!quit) {
		pfd[0].fd = lfd;
		pfd[0].events = POLLIN;
		for (i = 0; i < INGESTD_CLIENTS; i++) {
			pfd[i + 1].fd = clients[i].fd;
			pfd[i + 1].events = POLLIN;
		}
		n = poll(pfd, INGESTD_CLIENTS + 1, INGESTD_IDLE_S * 1000);
		if (n == -1 && errno == EINTR)
			continue;
		if (n == -1)
			fatal("poll");
		for (i = 0; i < INGESTD_CLIENTS; i++) {
			if (clients[i].fd == -1)
				continue;
			if (n == 0 || (pfd[i + 1].revents &&
			    serve(ig, &clients[i]) == -1))
				drop(&clients[i]);
		}
		if (pfd[0].revents & POLLIN)
			accept_client(lfd, clients, ig->cfg);
	}
	for (i = 0; i < INGESTD_CLIENTS; i++)
		if (clients[i].fd != -1)
			drop(&clients[i]);
}

int
main(int argc, char **argv)
{
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
	log_info("listening for LMTP on %s", lfd == 3 && getenv("LISTEN_FDS") ?
	    "the socket systemd passed" : sock);
	run(lfd, &ig);
	db_close(&db);
	fc_key_wipe(&ig.master);
	return 0;
}
