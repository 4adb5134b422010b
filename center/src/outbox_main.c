/*
 * faxcenter-outbox: sends what the center's outbox holds (libESMTP blocks,
 * so this runs beside the Kore app, not in it), polling every -p
 * milliseconds. One instance works at a time (a database lock); others
 * wait their turn, so a standby can run on a second host.
 *
 * usage: faxcenter-outbox [-c CONFIG] [-p POLL_MS] [-1]
 *   -1  one pass over what is due now, then exit
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <gmime/gmime.h>

#include "config.h"
#include "db.h"
#include "outbox_sender.h"

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
	fprintf(stderr, "usage: faxcenter-outbox [-c CONFIG] [-p POLL_MS] "
	    "[-1]\n");
	exit(2);
}

static void
nap(long ms)
{
	struct timespec	ts = { ms / 1000, (ms % 1000) * 1000000L };

	while (!quit && nanosleep(&ts, &ts) == -1)
		;
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
	long			 poll_ms = 500;
	int			 ch, once = 0, n, complained = 0;

	while ((ch = getopt(argc, argv, "c:p:1")) != -1) {
		switch (ch) {
		case 'c': path = optarg; break;
		case 'p': poll_ms = atol(optarg); break;
		case '1': once = 1; break;
		default: usage();
		}
	}
	if (optind != argc || poll_ms < 10)
		usage();
	if (center_config_load(&cfg, path, err, sizeof(err))) {
		fprintf(stderr, "faxcenter-outbox: %s\n", err);
		return 1;
	}
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
	snprintf(s.domain, sizeof(s.domain), "%s",
	    strchr(cfg.sender, '@') ? strchr(cfg.sender, '@') + 1 : "localhost");
	while (!quit) {
		if (db.mysql == NULL && connect_locked(&db, &cfg)) {
			if (!complained++)
				fprintf(stderr, "faxcenter-outbox: waiting for "
				    "the database: %s\n", db.err);
			if (once)
				return 75;
			nap(poll_ms);
			continue;
		}
		complained = 0;
		if ((n = outbox_run_once(&s)) < 0) {
			fprintf(stderr, "faxcenter-outbox: %s\n", db.err);
			db_close(&db);
		} else if (n > 0)
			fprintf(stderr, "faxcenter-outbox: sent %d\n", n);
		if (once)
			break;
		nap(poll_ms);
	}
	db_close(&db);
	return 0;
}
