/* SPDX-License-Identifier: ISC */
/*
 * faxcenter-outbox: sends what the center's outbox holds (libESMTP blocks,
 * so this runs beside the Kore app, not in it). It sleeps until woken: by
 * a datagram on outbox_wake_socket (the mailgate sends one after committing
 * outbox rows), by the moment the next batch becomes due (quiet period,
 * retry), or by the safety sweep every -p milliseconds, which also finds
 * what a lost wake-up or another writer left. One instance works at a time
 * (a database lock); others wait their turn, so a standby can run on a
 * second host.
 *
 * usage: faxcenter-outbox [-c CONFIG] [-n] [-p SWEEP_MS] [-1]
 *   -n  check the configuration and exit (0 and "configuration OK")
 *   -p  the safety sweep (default 30000)
 *   -1  one pass over what is due now, then exit
 */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <gmime/gmime.h>

#include "config.h"
#include "db.h"
#include "log.h"
#include "outbox_sender.h"
#include "outbox_wake.h"

#define SWEEP_MS_MIN	10
#define SWEEP_MS_MAX	3600000

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
	    "usage: faxcenter-outbox [-c CONFIG] [-n] [-p SWEEP_MS] "
	    "[-1]\n");
	exit(2);
}

/* Sleep ms, or until a wake-up datagram (fd, when not -1) or a signal. */
static void
nap(long ms, int fd)
{
	struct pollfd	pfd = { fd, POLLIN, 0 };

	if (quit)
		return;
	if (poll(&pfd, 1, (int)ms) > 0)
		outbox_wake_drain(fd);
}

/* How long to sleep after a pass: until the next batch is due, at most a
 * sweep; never less than a moment, so a row that stays due cannot spin. */
static long
next_nap(struct outbox_sender *s, long sweep_ms)
{
	long long	due;

	if (outbox_next_due(s, &due) < 0) {
		warnx("%s", s->db->err);
		db_close(s->db);
		return 1000;
	}
	if (due < 0 || due >= sweep_ms)
		return sweep_ms;
	return due < 50 ? 50 : (long)due;
}

/* Connected and holding the sender's lock, or -1 (retry later). */
static int
connect_locked(struct db *db, const struct center_config *cfg)
{
	struct db_val	p[] = { DB_STR("faxcare_outbox") };
	long long	got = 0;

	if (db_open(db, cfg))
		return -1;
	if (db_select_int(db, "SELECT GET_LOCK(?, 5)", p, 1, &got) < 0 ||
	    got != 1) {
		db_close(db);
		return -1;
	}
	return 0;
}

int
main(int argc, char **argv)
{
	struct center_config	cfg;
	struct outbox_sender	s;
	struct db		db;
	struct sigaction	sa;
	const char		*path = NULL;
	char			 err[256];
	const char		*at;
	char			*end;
	long			 sweep_ms = 30000, wait_ms;
	int			 ch, check = 0, once = 0, n, complained = 0;
	int			 wake = -1;

	log_init("faxcenter-outbox");
	while ((ch = getopt(argc, argv, "c:np:1")) != -1) {
		switch (ch) {
		case 'c': path = optarg; break;
		case 'n': check = 1; break;
		case 'p':
			errno = 0;
			sweep_ms = strtol(optarg, &end, 10);
			if (end == optarg || *end != '\0' || errno != 0 ||
			    sweep_ms < SWEEP_MS_MIN || sweep_ms > SWEEP_MS_MAX) {
				warnx("-p: a sweep of %d to %d ms, not %s",
				    SWEEP_MS_MIN, SWEEP_MS_MAX, optarg);
				usage();
			}
			break;
		case '1': once = 1; break;
		default: usage();
		}
	}
	if (optind != argc)
		usage();
	if (center_config_load(&cfg, path, err, sizeof(err)))
		fatalx("%s", err);
	g_mime_init();
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	if (sigaction(SIGTERM, &sa, NULL) || sigaction(SIGINT, &sa, NULL))
		return 1;
	memset(&s, 0, sizeof(s));
	memset(&db, 0, sizeof(db));
	s.cfg = &cfg;
	s.db = &db;
	/* Message-IDs in the sender's domain. */
	at = strchr(cfg.sender, '@');
	if ((size_t)snprintf(s.domain, sizeof(s.domain), "%s",
	    at != NULL ? at + 1 : "localhost") >= sizeof(s.domain))
		fatalx("sender: the domain is longer than %zu characters",
		    sizeof(s.domain) - 1);
	if (check) {
		log_info("configuration OK");
		return 0;
	}
	while (!quit) {
		if (db.mysql == NULL && connect_locked(&db, &cfg)) {
			if (!complained++)
				warnx("waiting for the database: %s",
				    db.err);
			if (once)
				return 75;
			nap(sweep_ms < 5000 ? sweep_ms : 5000, wake);
			continue;
		}
		complained = 0;
		/* Bound once this instance holds the lock, before the pass
		 * (a row committed meanwhile still wakes it). Without the
		 * socket, the sweep alone sends. */
		if (!once && wake == -1 && cfg.outbox_wake_socket[0] != '\0' &&
		    (wake = outbox_wake_listen(cfg.outbox_wake_socket, err,
		    sizeof(err))) == -1) {
			warnx("no wake-ups, a sweep every %ld ms: %s",
			    sweep_ms, err);
			cfg.outbox_wake_socket[0] = '\0';
		}
		if ((n = outbox_run_once(&s)) < 0) {
			warnx("%s", db.err);
			db_close(&db);
		} else if (n > 0)
			log_info("sent %d", n);
		if (once)
			break;
		wait_ms = db.mysql != NULL ? next_nap(&s, sweep_ms) : 1000;
		nap(wait_ms, wake);
	}
	db_close(&db);
	/* The socket file stays: a standby may have bound its own there. */
	if (wake != -1)
		(void)close(wake);
	return 0;
}
