/* SPDX-License-Identifier: ISC */
/*
 * The saved state when it cannot be trusted, as a restart meets it: a
 * corrupt file is kept aside as state.bad for a technician and the daemon
 * starts afresh (it registers again); a read that fails (EIO, ENOMEM) is
 * not corruption: the file stays byte for byte, nothing is queued, and
 * reporter_init() fails so that the daemon exits for its supervisor.
 * Reads fail on demand through the linker's --wrap=read.
 */
#include <errno.h>
#include <stdlib.h>
#include <unistd.h>

#include "reporter.h"
#include "tap.h"

static struct spool sp;
static int read_fails;		/* errno for the next reads, 0: none */

ssize_t	__real_read(int, void *, size_t);
ssize_t	__wrap_read(int, void *, size_t);

ssize_t
__wrap_read(int fd, void *buf, size_t n)
{
	if (read_fails != 0) {
		errno = read_fails;
		return -1;
	}
	return __real_read(fd, buf, n);
}

/* How many reports the queue held; they are gone after. */
static long long
drain_queue(void)
{
	char **names;
	size_t n, i;

	if (spool_list(&sp, 0, &names, &n) == -1)
		return -1;
	for (i = 0; i < n; i++)
		(void)spool_done(&sp, names[i]);
	spool_free_list(names, n);
	return (long long)n;
}

/* Whether SPOOL/file holds exactly text. */
static int
holds(const char *file, const char *text)
{
	char *got;
	int same;

	if ((got = spool_read_file(&sp, file, NULL)) == NULL)
		return 0;
	same = strcmp(got, text) == 0;
	free(got);
	return same;
}

/* text without its "clock" line (the boot's offset moves by the ms). */
static void
drop_clock_line(char *text)
{
	char *p = strstr(text, "\nclock "), *end;

	if (p == NULL)
		return;
	end = strchr(p + 1, '\n');
	memmove(p, end != NULL ? end : p + strlen(p),
	    strlen(end != NULL ? end : p + strlen(p)) + 1);
}

/* Whether file holds the state text does, as of another instant. */
static int
holds_state(const char *file, const char *text)
{
	char *got, *want;
	int same = 0;

	if ((got = spool_read_file(&sp, file, NULL)) == NULL)
		return 0;
	if ((want = strdup(text)) != NULL) {
		drop_clock_line(got);
		drop_clock_line(want);
		same = strcmp(got, want) == 0;
		free(want);
	}
	free(got);
	return same;
}

/* A restart: reporter_init() and, if it succeeded, the registration. */
static int
restart(const struct config *conf, const struct fc_key *key,
    const struct engine_state *st, int fails, int *err)
{
	struct reporter rp;
	int ret;

	read_fails = fails;
	ret = reporter_init(&rp, conf, key, &sp, st);
	*err = errno;
	read_fails = 0;
	if (ret == 0)
		ret = reporter_register(&rp);
	return ret;
}

static void
unreadable(const struct config *conf, const struct fc_key *key,
    const struct engine_state *st, const char *good, int fails,
    const char *what)
{
	int err;

	(void)drain_queue();
	(void)unlinkat(sp.dirfd, STATE_BAD, 0);
	ok(restart(conf, key, st, fails, &err) == -1 && err == fails,
	    "%s reading the state: the restart fails (exit, to be retried)",
	    what);
	ok(holds(STATE_FILE, good), "%s: the state file is kept as it was",
	    what);
	ok(faccessat(sp.dirfd, STATE_BAD, F_OK, 0) == -1,
	    "%s: nothing is set aside as corrupt", what);
	is_int(drain_queue(), 0,
	    "%s: no registration is queued (no fresh start)", what);
}

int
main(void)
{
	char dir[] = "/tmp/faxcare-state-test.XXXXXX", cmd[128];
	const char *junk = "faxcared-state 1\nmeter 12x4\n";
	struct config conf;
	struct engine_state st;
	struct fc_key key;
	char *good;
	int err;

	if (mkdtemp(dir) == NULL || spool_open(&sp, dir, 1) == -1)
		return 1;
	config_defaults(&conf);
	(void)snprintf(conf.manager, sizeof(conf.manager), "boss@example.com");
	(void)snprintf(conf.center, sizeof(conf.center), "center@example.net");
	if (fc_key_generate(&key, NULL) == -1)
		return 1;
	engine_state_init(&st);
	(void)snprintf(st.name, sizeof(st.name), "faxeng0");
	(void)snprintf(st.model, sizeof(st.model), "FX-SIM 100");
	(void)snprintf(st.serial, sizeof(st.serial), "SIM0000");

	ok(restart(&conf, &key, &st, 0, &err) == 0 && drain_queue() == 1,
	    "a first start registers");
	good = spool_read_file(&sp, STATE_FILE, NULL);
	ok(good != NULL, "and saves its state");
	if (good == NULL)
		return done_testing();
	ok(restart(&conf, &key, &st, 0, &err) == 0 && drain_queue() == 0,
	    "a restart on that state does not register again");

	unreadable(&conf, &key, &st, good, EIO, "EIO");
	unreadable(&conf, &key, &st, good, ENOMEM, "ENOMEM");

	ok(spool_replace_file(&sp, STATE_FILE, junk, strlen(junk)) == 0,
	    "the state file corrupted");
	ok(restart(&conf, &key, &st, 0, &err) == 0,
	    "a restart on a corrupt state goes on");
	ok(holds(STATE_BAD, junk),
	    "the corrupt file is kept as state.bad, as it was");
	is_int(drain_queue(), 1, "starting afresh: it registers again");
	ok(holds_state(STATE_FILE, good), "and saves a good state anew");
	free(good);

	spool_close(&sp);
	(void)snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	ok(system(cmd) == 0, "cleanup");
	return done_testing();
}
