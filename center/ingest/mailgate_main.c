/* SPDX-License-Identifier: ISC */
/*
 * faxcenter-mailgate: the MTA pipes one message to it (Postfix pipe
 * transport or an alias "|faxcenter-mailgate"). It stores the report in the
 * center's database and exits per sysexits(3):
 *   0            stored, or already stored (a redelivery changes nothing);
 *                or not a valid report (malformed, oversized, forged,
 *                stale, from a terminal that never registered): dropped,
 *                counted and quarantined (quarantine.h). It is never
 *                bounced: the envelope sender is not verified, and a
 *                bounce to a forged one is backscatter.
 *   75 TEMPFAIL  the database is unavailable: the MTA keeps the message and
 *                retries (a dropped message too, to be counted and kept)
 * The reason goes to stderr (the MTA puts it into its log).
 *
 * usage: faxcenter-mailgate [-c CONFIG] [-n]
 *   -n  check the configuration (settings, master secret, a migrated
 *       database) and exit: 0 and "configuration OK" when a message would
 *       be accepted, else 1 and why
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <time.h>
#include <unistd.h>

#include "config.h"
#include "db.h"
#include "deliver.h"
#include "ingest.h"
#include "log.h"

static void
usage(void)
{
	(void)fprintf(stderr, "usage: faxcenter-mailgate [-c CONFIG] [-n]\n");
	exit(EX_USAGE);
}

/* Read stdin, at most limit + 1 bytes (enough to know it is too big). */
static char *
read_message(size_t limit, size_t *len)
{
	char	*buf;
	size_t	 got = 0;
	ssize_t	 n;

	if ((buf = malloc(limit + 2)) == NULL)
		return NULL;
	while (got < limit + 1) {
		n = read(STDIN_FILENO, buf + got, limit + 1 - got);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			free(buf);
			return NULL;
		}
		if (n == 0)
			break;
		got += (size_t)n;
	}
	buf[got] = '\0';
	*len = got;
	return buf;
}

/* -n: the key was loaded already; can we reach a migrated database? */
static int
check_setup(const struct center_config *cfg)
{
	struct db	db;
	long long	n = 0;

	if (db_open(&db, cfg)) {
		warnx("%s", db.err);
		return 1;
	}
	/* The oldest table and the newest the mailgate writes. */
	if (db_select_int(&db, "SELECT (SELECT COUNT(*) FROM reports "
	    "WHERE id = 0) + (SELECT COUNT(*) FROM mail_quarantine "
	    "WHERE id = 0)", NULL, 0, &n) < 0) {
		warnx("%s (run faxcenter-migrate)", db.err);
		db_close(&db);
		return 1;
	}
	db_close(&db);
	log_info("configuration OK: settings, master secret and database "
	    "are fine");
	return 0;
}

/* Store one message; returns the exit status for the MTA. */
static int
deliver(const struct center_config *cfg, struct ingest *ig, char *msg,
    size_t len)
{
	struct deliver_result	dr;
	struct db		db;

	memset(&db, 0, sizeof(db));
	ig->cfg = cfg;
	ig->db = &db;
	ig->now = time(NULL);
	/* Verification needs no database: a bad report is refused even
	 * while the database is down (ingest then says TEMPFAIL for the rest). */
	(void)db_open(&db, cfg);
	deliver_message(ig, msg, len, &dr);
	fc_key_wipe(&ig->master);
	free(msg);
	db_close(&db);
	if (dr.verdict == DELIVER_DONE) {
		log_info("%s", dr.text);
		return EX_OK;
	}
	warnx("%s", dr.text);
	return EX_TEMPFAIL;
}

int
main(int argc, char **argv)
{
	struct center_config	cfg;
	struct ingest		ig;
	struct fc_error		ferr;
	const char		*path = NULL;
	char			 err[256], *msg;
	size_t			 len;
	int			 ch, check = 0;

	log_init("faxcenter-mailgate");
	while ((ch = getopt(argc, argv, "c:n")) != -1) {
		if (ch == 'c')
			path = optarg;
		else if (ch == 'n')
			check = 1;
		else
			usage();
	}
	if (optind != argc)
		usage();
	/* Our own trouble is temporary too: the message must not be lost. */
	if (center_config_load(&cfg, path, err, sizeof(err))) {
		warnx("%s", err);
		return check ? 1 : EX_TEMPFAIL;
	}
	memset(&ig, 0, sizeof(ig));
	if (fc_key_load_file(cfg.master_secret_file, &ig.master, &ferr)) {
		warnx("%s", ferr.text);
		return check ? 1 : EX_TEMPFAIL;
	}
	if (check)
		return check_setup(&cfg);
	if ((msg = read_message((size_t)cfg.max_message_bytes, &len)) == NULL) {
		warn("reading the message");
		return EX_TEMPFAIL;
	}
	/*
	 * A process per message: what is left to do at exit is the libraries'
	 * teardown (OpenSSL, GLib), a few percent of a delivery for nothing.
	 * stdio is all that holds data.
	 */
	ch = deliver(&cfg, &ig, msg, len);
	(void)fflush(NULL);
	_exit(ch);
}
