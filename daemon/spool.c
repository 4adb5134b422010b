/* SPDX-License-Identifier: ISC */
/*
 * The durable spool (see spool.h). Invariant: every file in queue/ is a
 * complete message whose directory entry is on disk; a crash at any point
 * leaves either the old state or the new one, plus at most a stale tmp/ file,
 * which spool_open() removes.
 */
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/types.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "spool.h"

#define SEQ_FILE	"seq"
#define SEQ_DIGITS	20

void (*spool_crash_hook)(int step);

static void
crash_point(int step)
{
	if (spool_crash_hook != NULL)
		spool_crash_hook(step);
}

static int
open_subdir(int dirfd, const char *name)
{
	if (mkdirat(dirfd, name, 0700) == -1 && errno != EEXIST)
		return -1;
	return openat(dirfd, name, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
}

/* A directory stream of its own over dirfd (whose offset stays put). */
static DIR *
open_stream(int dirfd)
{
	DIR *d;
	int fd;

	if ((fd = openat(dirfd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC)) ==
	    -1)
		return NULL;
	if ((d = fdopendir(fd)) == NULL)
		(void)close(fd);
	return d;
}

/* Leftovers in tmp/ were never committed: their content is re-created. */
static int
clean_tmp(struct spool *sp)
{
	struct dirent *de;
	DIR *d;
	int ret = 0;

	if ((d = open_stream(sp->tmpfd)) == NULL)
		return -1;
	while ((de = readdir(d)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		if (unlinkat(sp->tmpfd, de->d_name, 0) == -1)
			ret = -1;
	}
	(void)closedir(d);
	return ret;
}

int
spool_open(struct spool *sp, const char *path, int recover)
{
	int fd;

	memset(sp, 0, sizeof(*sp));
	sp->dirfd = sp->tmpfd = sp->queuefd = sp->failedfd = -1;
	if (strlen(path) >= sizeof(sp->path)) {
		errno = ENAMETOOLONG;
		return -1;
	}
	memcpy(sp->path, path, strlen(path) + 1);
	if (mkdir(path, 0700) == -1 && errno != EEXIST)
		return -1;
	if ((sp->dirfd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) == -1)
		goto fail;
	if ((sp->tmpfd = open_subdir(sp->dirfd, "tmp")) == -1 ||
	    (sp->queuefd = open_subdir(sp->dirfd, "queue")) == -1 ||
	    (sp->failedfd = open_subdir(sp->dirfd, "failed")) == -1)
		goto fail;
	if ((recover && clean_tmp(sp) == -1) || fsync(sp->dirfd) == -1)
		goto fail;
	if (recover) {
		/* The daemon's own, before a faxengctl makes it. */
		fd = openat(sp->dirfd, SEQ_FILE, O_RDONLY | O_CREAT | O_CLOEXEC,
		    0600);
		if (fd != -1)
			(void)close(fd);
		sp->rescan = 1;
	}
	return 0;
fail:
	spool_close(sp);
	return -1;
}

void
spool_close(struct spool *sp)
{
	int *fds[] = { &sp->dirfd, &sp->tmpfd, &sp->queuefd, &sp->failedfd };
	size_t i;

	for (i = 0; i < sizeof(fds) / sizeof(fds[0]); i++) {
		if (*fds[i] != -1)
			(void)close(*fds[i]);
		*fds[i] = -1;
	}
}

static int
write_all(int fd, const void *data, size_t len)
{
	const char *p = data;
	ssize_t n;

	while (len > 0) {
		if ((n = write(fd, p, len)) == -1) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

/* tmp/name <- data, fsync'd; then renamed to todir/toname, todir fsync'd. */
static int
commit(struct spool *sp, const char *name, const void *data, size_t len,
    int todir, const char *toname)
{
	int fd;

	fd = openat(sp->tmpfd, name, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC,
	    0600);
	if (fd == -1)
		return -1;
	if (write_all(fd, data, len) == -1)
		goto fail;
	crash_point(1);
	if (fsync(fd) == -1)
		goto fail;
	crash_point(2);
	if (close(fd) == -1) {
		fd = -1;
		goto fail;
	}
	fd = -1;
	if (renameat(sp->tmpfd, name, todir, toname) == -1)
		goto fail;
	crash_point(3);
	if (fsync(todir) == -1)
		return -1;
	crash_point(4);
	return 0;
fail:
	if (fd != -1)
		(void)close(fd);
	(void)unlinkat(sp->tmpfd, name, 0);
	return -1;
}

/* The sequence number of an entry's name, or 0 for another name. */
static unsigned long long
seq_of(const char *name)
{
	unsigned long long n;
	char *end;

	if (name[0] != 's' || strspn(name + 1, "0123456789") != SEQ_DIGITS ||
	    name[1 + SEQ_DIGITS] != '-')
		return 0;
	n = strtoull(name + 1, &end, 10);
	return end == name + 1 + SEQ_DIGITS ? n : 0;
}

/* The highest sequence number among the entries of a directory. */
static int
max_seq_in(int dirfd, unsigned long long *max)
{
	struct dirent *de;
	unsigned long long n;
	DIR *d;

	if ((d = open_stream(dirfd)) == NULL)
		return -1;
	while ((de = readdir(d)) != NULL) {
		if ((n = seq_of(de->d_name)) > *max)
			*max = n;
	}
	(void)closedir(d);
	return 0;
}

/*
 * The next number from SPOOL/seq, taken under its lock (faxengctl and the
 * daemon both queue) and on disk before the entry that uses it. A seq file
 * lost or garbled (a crash, a technician) starts above every entry.
 */
static int
next_seq(struct spool *sp, int rescan, unsigned long long *seq)
{
	char buf[32], *end;
	unsigned long long n = 0, max = 0;
	ssize_t got;
	int fd, len, ret = -1;

	fd = openat(sp->dirfd, SEQ_FILE, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
	if (fd == -1)
		return -1;
	if (flock(fd, LOCK_EX) == -1 ||
	    (got = pread(fd, buf, sizeof(buf) - 1, 0)) == -1)
		goto out;
	buf[got] = '\0';
	errno = 0;
	if (got > 0 && buf[0] >= '0' && buf[0] <= '9')
		n = strtoull(buf, &end, 10);
	if (got == 0 || n == 0 || errno != 0 || *end != '\n')
		rescan = 1;
	if (rescan) {
		if (max_seq_in(sp->queuefd, &max) == -1 ||
		    max_seq_in(sp->failedfd, &max) == -1)
			goto out;
		if (n <= max)
			n = max + 1;
	}
	len = snprintf(buf, sizeof(buf), "%llu\n", n + 1);
	if (pwrite(fd, buf, (size_t)len, 0) != len ||
	    ftruncate(fd, len) == -1 || fdatasync(fd) == -1)
		goto out;
	*seq = n;
	ret = 0;
out:
	(void)close(fd);	/* also lets go of the lock */
	return ret;
}

int
spool_put(struct spool *sp, const char *tag, const void *data, size_t len,
    char name[SPOOL_NAME_MAX])
{
	unsigned long long seq;
	const char *c;

	for (c = tag; *c; c++) {
		if (*c == '/' || *c == '.' || *c <= ' ' || *c >= 127) {
			errno = EINVAL;
			return -1;
		}
	}
	if (next_seq(sp, sp->rescan, &seq) == -1)
		return -1;
	sp->rescan = 0;
	/* Names sort as they were queued, whatever the wall clock did. */
	if (snprintf(name, SPOOL_NAME_MAX, "s%0*llu-%s", SEQ_DIGITS, seq,
	    tag) >= SPOOL_NAME_MAX) {
		errno = ENAMETOOLONG;
		return -1;
	}
	return commit(sp, name, data, len, sp->queuefd, name);
}

static int
cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int
spool_list(struct spool *sp, int failed, char ***names, size_t *n)
{
	struct dirent *de;
	char **v = NULL, **nv;
	size_t cnt = 0;
	DIR *d;

	*names = NULL;
	*n = 0;
	if ((d = open_stream(failed ? sp->failedfd : sp->queuefd)) == NULL)
		return -1;
	while ((de = readdir(d)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		if ((nv = realloc(v, (cnt + 1) * sizeof(*v))) == NULL)
			goto fail;
		v = nv;
		if ((v[cnt] = strdup(de->d_name)) == NULL)
			goto fail;
		cnt++;
	}
	(void)closedir(d);
	if (cnt > 0)
		qsort(v, cnt, sizeof(*v), cmp_names);
	*names = v;
	*n = cnt;
	return 0;
fail:
	(void)closedir(d);
	spool_free_list(v, cnt);
	return -1;
}

void
spool_free_list(char **names, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
}

int
spool_open_entry(struct spool *sp, int failed, const char *name)
{
	return openat(failed ? sp->failedfd : sp->queuefd, name,
	    O_RDONLY | O_CLOEXEC);
}

int
spool_done(struct spool *sp, const char *name)
{
	if (unlinkat(sp->queuefd, name, 0) == -1)
		return -1;
	return fsync(sp->queuefd);
}

/* failed/ gets the entry before queue/ loses it: a crash keeps one copy. */
int
spool_set_aside(struct spool *sp, const char *name)
{
	if (renameat(sp->queuefd, name, sp->failedfd, name) == -1)
		return -1;
	if (fsync(sp->failedfd) == -1)
		return -1;
	return fsync(sp->queuefd);
}

/* queue/ gets the entry before failed/ loses it, as above. */
int
spool_requeue(struct spool *sp, const char *name)
{
	if (renameat(sp->failedfd, name, sp->queuefd, name) == -1)
		return -1;
	if (fsync(sp->queuefd) == -1)
		return -1;
	return fsync(sp->failedfd);
}

int
spool_replace_file(struct spool *sp, const char *file, const void *data,
    size_t len)
{
	char tmp[SPOOL_NAME_MAX];

	if (snprintf(tmp, sizeof(tmp), "%s.%u", file, (unsigned)getpid()) >=
	    (int)sizeof(tmp)) {
		errno = ENAMETOOLONG;
		return -1;
	}
	return commit(sp, tmp, data, len, sp->dirfd, file);
}

char *
spool_read_file(struct spool *sp, const char *file, size_t *len)
{
	struct stat st;
	char *buf;
	ssize_t n;
	size_t got = 0;
	int fd, saved;

	if ((fd = openat(sp->dirfd, file, O_RDONLY | O_CLOEXEC)) == -1)
		return NULL;
	if (fstat(fd, &st) == -1 || (buf = malloc((size_t)st.st_size + 1)) ==
	    NULL) {
		saved = errno;
		(void)close(fd);
		errno = saved;
		return NULL;
	}
	while (got < (size_t)st.st_size) {
		n = read(fd, buf + got, (size_t)st.st_size - got);
		if (n == -1 && errno == EINTR)
			continue;
		if (n <= 0) {
			saved = n == 0 ? EIO : errno;
			free(buf);
			(void)close(fd);
			errno = saved;
			return NULL;
		}
		got += (size_t)n;
	}
	(void)close(fd);
	buf[got] = '\0';
	if (len != NULL)
		*len = got;
	return buf;
}
