/* SPDX-License-Identifier: ISC */
/*
 * What a sender run takes from the queue (batch.c, entry.c), and what the
 * reporter does about a report too old for the center or a state it could
 * not save: bad entries are set aside and the good ones behind them taken,
 * in order, open; an old status report whose condition is still open is
 * replaced once, and the completion then names the fresh one.
 */
#include <sys/stat.h>

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include <faxcare/message.h>

#include "batch.h"
#include "entry.h"
#include "reporter.h"
#include "tap.h"

#define S	1000LL
#define DAY	(24L * 3600)

static struct spool sp;
static struct fc_report old_seen[4];
static int nold;

static void
on_old(void *arg, const struct fc_report *r)
{
	(void)arg;
	if (nold < 4)
		old_seen[nold++] = *r;
}

static int
count(int failed)
{
	char **names;
	size_t n;

	if (spool_list(&sp, failed, &names, &n) == -1)
		return -1;
	spool_free_list(names, n);
	return (int)n;
}

static int
put(const char *name, const char *text)
{
	int fd = openat(sp.queuefd, name, O_WRONLY | O_CREAT | O_EXCL, 0600);
	ssize_t n;

	if (fd == -1)
		return -1;
	n = write(fd, text, strlen(text));
	return close(fd) == 0 && n == (ssize_t)strlen(text) ? 0 : -1;
}

/* The report a batch entry holds, read from its open descriptor. */
static int
report_of(struct batch_entry *be, struct fc_report *r)
{
	char buf[FC_MESSAGE_MAX + 1];
	ssize_t n = read(be->fd, buf, sizeof(buf) - 1);

	if (n <= 0)
		return -1;
	buf[n] = '\0';
	return fc_report_parse_body(buf, (size_t)n, r, NULL);
}

static void
engine(struct engine_state *st, uint64_t conds)
{
	engine_state_init(st);
	(void)snprintf(st->name, sizeof(st->name), "faxeng0");
	(void)snprintf(st->model, sizeof(st->model), "FX-SIM 100");
	(void)snprintf(st->serial, sizeof(st->serial), "SIM0000");
	st->toner_level = 50;
	st->drum_life = 90;
	st->page_count = 1234;
	st->conditions = conds;
}

int
main(void)
{
	char dir[] = "/tmp/faxcare-batch-test.XXXXXX", cmd[128];
	char first_id[FC_REPORT_ID_LEN + 1], fresh_id[FC_REPORT_ID_LEN + 1];
	struct config conf;
	struct engine_state st;
	struct reporter rp;
	struct fc_report r;
	struct batch b;
	struct fc_key key, other;
	struct entry e;
	time_t now = time(NULL);
	int64_t t = (int64_t)now * S;
	uint64_t door = 1ULL << FC_COND_DOOR_OPEN;

	if (mkdtemp(dir) == NULL || spool_open(&sp, dir, 1) == -1)
		return 1;
	config_defaults(&conf);
	(void)snprintf(conf.manager, sizeof(conf.manager), "boss@example.com");
	(void)snprintf(conf.center, sizeof(conf.center), "center@example.net");
	conf.damping.hold_ms = 0;
	conf.damping.clear_hold_ms = 0;
	conf.damping.reminder = REMIND_ONCE;
	if (fc_key_generate(&key, NULL) == -1 ||
	    fc_key_generate(&other, NULL) == -1)
		return 1;

	/* Bad entries first, then the registration and a door report. */
	ok(put("0000000001.0.0.0-garbage", "no report here\n") == 0 &&
	    symlinkat("/nonexistent", sp.queuefd,
	    "0000000002.0.0.0-dangling") == 0 &&
	    put("0000000003.0.0.0-truncated", "-----BEGIN FAXCARE REPORT-----\n"
	    "Version: 1\nType: meter\n") == 0, "three bad entries queued");
	engine(&st, 0);
	ok(reporter_init(&rp, &conf, &key, &sp, &st) == 0 &&
	    reporter_register(&rp) == 0, "the reporter registers");
	engine(&st, door);
	(void)reporter_observe(&rp, &st, t);
	(void)reporter_step(&rp, t);
	(void)reporter_take_spooled(&rp);
	is_int(count(0), 5, "five entries queued");

	ok(batch_take(&b, &sp, &key, now, on_old, NULL) == 0, "batch_take");
	is_int((int)b.n, 2, "it takes the two reports");
	ok(b.n == 2 && report_of(&b.e[0], &r) == 0 &&
	    r.type == FC_REPORT_REGISTRATION, "the registration first, open");
	ok(b.n == 2 && report_of(&b.e[1], &r) == 0 &&
	    r.type == FC_REPORT_STATUS && r.condition == FC_COND_DOOR_OPEN,
	    "then the door report");
	memcpy(first_id, r.report_id, sizeof(first_id));
	batch_release(&b);
	is_int(count(1), 3, "the three bad entries are in failed/");
	is_int(count(0), 2, "the reports stay queued until sent");

	/* Judged as the daemon does, and as faxengctl shows them. */
	ok(entry_judge(&sp, 1, "0000000002.0.0.0-dangling", NULL, now, &e) == 0 &&
	    e.verdict == ENTRY_BAD && strstr(e.why, "symbolic link") != NULL,
	    "a link: bad, and why");
	ok(entry_judge(&sp, 1, "0000000003.0.0.0-truncated", NULL, now,
	    &e) == 0 && e.verdict == ENTRY_BAD &&
	    strstr(e.why, "not a whole report") != NULL, "truncated: bad");
	ok(entry_judge(&sp, 1, "0000000404.0.0.0-none", NULL, now, &e) == 0 &&
	    e.verdict == ENTRY_GONE, "a vanished entry: gone, left alone");
	ok(batch_take(&b, &sp, &other, now, NULL, NULL) == 0 && b.n == 0 &&
	    count(1) == 5, "with another terminal's key both are forged: set "
	    "aside");
	ok(spool_requeue(&sp, "0000000002.0.0.0-dangling") == 0 &&
	    count(0) == 1, "spool_requeue puts an entry back");
	batch_release(&b);
	(void)batch_take(&b, &sp, &key, now, NULL, NULL);
	batch_release(&b);

	/* Back the good ones: eleven days later they are too old. */
	{
		char **names;
		size_t n, i;

		if (spool_list(&sp, 1, &names, &n) == 0) {
			for (i = 0; i < n; i++)
				if (names[i][0] != '0')
					(void)spool_requeue(&sp, names[i]);
			spool_free_list(names, n);
		}
	}
	is_int(count(0), 2, "the two reports requeued");
	ok(batch_take(&b, &sp, &key, now + 11 * DAY, on_old, NULL) == 0 &&
	    b.n == 0, "eleven days on: nothing to send");
	is_int(nold, 2, "both handed back as too old");
	ok(nold == 2 && reporter_replace(&rp, &old_seen[1]) == 0,
	    "the door report replaced");
	memcpy(fresh_id, rp.tracker.track[FC_COND_DOOR_OPEN].report_id,
	    sizeof(fresh_id));
	ok(strcmp(fresh_id, first_id) != 0, "the tracker holds the fresh id");
	ok(reporter_replace(&rp, &old_seen[1]) == 0 && count(0) == 1,
	    "a second old copy of it: nothing more");
	ok(reporter_take_spooled(&rp) == 1, "the sender is to be told");

	/* The state cannot be saved: nothing may leave. */
	ok(renameat(sp.dirfd, STATE_FILE, sp.dirfd, "state.kept") == 0 &&
	    mkdirat(sp.dirfd, STATE_FILE, 0700) == 0 &&
	    mkdirat(sp.dirfd, STATE_FILE "/x", 0700) == 0,
	    "the state file replaced by a directory");
	engine(&st, 0);
	(void)reporter_observe(&rp, &st, t + 10 * S);
	(void)reporter_step(&rp, t + 20 * S);
	ok(reporter_save_pending(&rp) == -1, "a completion spooled, its state "
	    "unsaved: reporter_save_pending says no");
	ok(unlinkat(sp.dirfd, STATE_FILE "/x", AT_REMOVEDIR) == 0 &&
	    unlinkat(sp.dirfd, STATE_FILE, AT_REMOVEDIR) == 0 &&
	    renameat(sp.dirfd, "state.kept", sp.dirfd, STATE_FILE) == 0 &&
	    reporter_save_pending(&rp) == 0,
	    "the state back: saved, the queue may go");
	ok(batch_take(&b, &sp, &key, now, NULL, NULL) == 0 && b.n == 2 &&
	    report_of(&b.e[1], &r) == 0 && r.type == FC_REPORT_COMPLETION &&
	    strcmp(r.completes, fresh_id) == 0,
	    "the completion names the fresh report, not the old one");
	batch_release(&b);

	spool_close(&sp);
	(void)snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	ok(system(cmd) == 0, "cleanup");
	return done_testing();
}
