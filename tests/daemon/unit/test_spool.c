/* SPDX-License-Identifier: ISC */
/* The spool: order, removal, setting aside, and crashes at every step. */
#include <sys/stat.h>
#include <sys/wait.h>

#include <dirent.h>
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

#include "spool.h"
#include "tap.h"

static int
count(const char *dir)
{
	struct dirent *de;
	DIR *d = opendir(dir);
	int n = 0;

	if (d == NULL)
		return -1;
	while ((de = readdir(d)) != NULL)
		n += de->d_name[0] != '.';
	(void)closedir(d);
	return n;
}

static char *
slurp(struct spool *sp, int failed, const char *name)
{
	static char buf[4096];
	int fd = spool_open_entry(sp, failed, name);
	ssize_t n;

	if (fd == -1)
		return NULL;
	n = read(fd, buf, sizeof(buf) - 1);
	(void)close(fd);
	if (n < 0)
		return NULL;
	buf[n] = '\0';
	return buf;
}

static void
crash_now(int step)
{
	static int at;

	if (step == -1) {
		at = 0;
		return;
	}
	if (at == 0)
		at = atoi(getenv("CRASH_AT"));
	if (step == at)
		_exit(0);
}

/* A child commits a message and dies at step k; what does recovery see? */
static void
crash_at(const char *root, int k)
{
	char path[512], dir[600], name[SPOOL_NAME_MAX], val[16];
	const char *holds = k >= 3 ? "the whole message" : "nothing";
	struct spool sp;
	char **names;
	size_t n;
	pid_t pid;
	int status;

	(void)snprintf(path, sizeof(path), "%s/crash%d", root, k);
	if (spool_open(&sp, path, 1) == -1) {
		ok(0, "spool opens");
		return;
	}
	(void)snprintf(val, sizeof(val), "%d", k);
	(void)setenv("CRASH_AT", val, 1);
	if ((pid = fork()) == 0) {
		spool_crash_hook = crash_now;
		(void)spool_put(&sp, "r1", "whole message\n", 14, name);
		_exit(1);
	}
	(void)waitpid(pid, &status, 0);
	spool_close(&sp);
	ok(WIFEXITED(status) && WEXITSTATUS(status) == 0,
	    "crash after step %d: died there", k);

	if (spool_open(&sp, path, 1) == -1 ||
	    spool_list(&sp, 0, &names, &n) == -1) {
		ok(0, "spool reopens after the crash");
		return;
	}
	(void)snprintf(dir, sizeof(dir), "%s/tmp", path);
	is_int(count(dir), 0, "crash after step %d: recovery empties tmp/", k);
	if (k >= 3)
		ok(n == 1 && strcmp(slurp(&sp, 0, names[0]),
		    "whole message\n") == 0, "crash after step %d: queue holds %s",
		    k, holds);
	else
		is_int((long long)n, 0, "crash after step %d: queue holds %s",
		    k, holds);
	spool_free_list(names, n);
	spool_close(&sp);
}

int
main(void)
{
	char root[] = "/tmp/faxcare-spool-test.XXXXXX", path[600];
	char a[SPOOL_NAME_MAX], b[SPOOL_NAME_MAX], c[SPOOL_NAME_MAX];
	struct spool sp;
	char **names, *state;
	size_t n, len;
	int k;

	if (mkdtemp(root) == NULL)
		return 1;
	(void)snprintf(path, sizeof(path), "%s/s", root);
	ok(spool_open(&sp, path, 1) == 0, "spool_open creates the spool");
	ok(spool_put(&sp, "first", "one\n", 4, a) == 0 &&
	    spool_put(&sp, "second", "two\n", 4, b) == 0 &&
	    spool_put(&sp, "third", "three\n", 6, c) == 0,
	    "three messages committed");
	ok(spool_put(&sp, "../evil", "x", 1, c) == -1,
	    "a tag with a path separator is refused");
	ok(spool_list(&sp, 0, &names, &n) == 0 && n == 3,
	    "the queue lists three entries");
	ok(n == 3 && strcmp(names[0], a) == 0 && strcmp(names[1], b) == 0 &&
	    strstr(names[2], "third") != NULL, "oldest first");
	is_str(slurp(&sp, 0, a), "one\n", "content kept byte for byte");
	spool_free_list(names, n);

	ok(spool_done(&sp, a) == 0, "spool_done removes the first");
	ok(spool_set_aside(&sp, b) == 0, "spool_set_aside moves the second");
	ok(spool_list(&sp, 0, &names, &n) == 0 && n == 1 &&
	    strstr(names[0], "third") != NULL, "only the third is queued");
	spool_free_list(names, n);
	ok(spool_list(&sp, 1, &names, &n) == 0 && n == 1 &&
	    strcmp(names[0], b) == 0, "the second waits in failed/");
	is_str(slurp(&sp, 1, b), "two\n", "set aside whole");
	spool_free_list(names, n);

	ok(spool_replace_file(&sp, "state", "v1\n", 3) == 0 &&
	    spool_replace_file(&sp, "state", "v2\n", 3) == 0,
	    "state file replaced twice");
	state = spool_read_file(&sp, "state", &len);
	is_str(state, "v2\n", "the last state is read back");
	free(state);
	ok(spool_read_file(&sp, "nothing", NULL) == NULL,
	    "a missing file reads as NULL");
	spool_close(&sp);

	/* Queue order is a sequence on disk, not the time of day. */
	ok(spool_open(&sp, path, 1) == 0 && spool_put(&sp, "fourth", "4\n", 2,
	    a) == 0, "reopened: a fourth message");
	ok(strncmp(a, "s00000000000000000004-", 22) == 0,
	    "it carries the next sequence number (4), not a time");
	ok(spool_put(&sp, "fifth", "5\n", 2, b) == 0 &&
	    strcmp(b, a) > 0, "the fifth sorts after the fourth");
	ok(spool_replace_file(&sp, "seq", "garbage", 7) == 0 &&
	    spool_put(&sp, "sixth", "6\n", 2, c) == 0 && strcmp(c, b) > 0,
	    "a garbled seq file: the next name still sorts after the last");
	(void)unlinkat(sp.dirfd, "seq", 0);
	ok(spool_put(&sp, "seventh", "7\n", 2, a) == 0 && strcmp(a, c) > 0,
	    "a lost seq file: the same");
	ok(spool_list(&sp, 0, &names, &n) == 0 && n == 5 &&
	    strstr(names[0], "third") && strstr(names[4], "seventh"),
	    "the queue lists them in the order they were queued");
	spool_free_list(names, n);
	spool_close(&sp);

	for (k = 1; k <= 4; k++)
		crash_at(root, k);

	(void)snprintf(path, sizeof(path), "rm -rf '%s'", root);
	ok(system(path) == 0, "cleanup");
	return done_testing();
}
