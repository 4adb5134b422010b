/* SPDX-License-Identifier: ISC */
/* A queue entry judged before it is sent (entry.h). */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <faxcare/message.h>
#include <faxcare/signature.h>

#include "entry.h"

static int __attribute__((format(printf, 3, 4)))
judged(struct entry *e, enum entry_verdict v, const char *fmt, ...)
{
	va_list ap;

	e->verdict = v;
	va_start(ap, fmt);
	(void)vsnprintf(e->why, sizeof(e->why), fmt, ap);
	va_end(ap);
	return 0;
}

/* Why openat() failed, in words a technician can act on. */
static int
open_failed(struct entry *e, int dirfd, const char *name)
{
	struct stat st;
	int err = errno;

	switch (err) {
	case ENOENT:
		return judged(e, ENTRY_GONE, "removed meanwhile");
	case ENOMEM:
	case EMFILE:
	case ENFILE:
		return -1;
	case ELOOP:
		return judged(e, ENTRY_BAD, "a symbolic link, not a report "
		    "the daemon wrote");
	case EACCES:
	case EPERM:
		if (fstatat(dirfd, name, &st, AT_SYMLINK_NOFOLLOW) == 0)
			return judged(e, ENTRY_BAD, "not readable by uid %lld "
			    "(owner uid %lld, mode %04o; queued by another "
			    "user than the daemon's)",
			    (long long)geteuid(), (long long)st.st_uid,
			    (unsigned)(st.st_mode & 07777));
		break;
	}
	return judged(e, ENTRY_BAD, "cannot be opened: %s", strerror(err));
}

/* The whole file, at most FC_MESSAGE_MAX bytes; NULL: judged bad, or
 * (e->why empty) no memory. */
static char *
read_text(struct entry *e, size_t *len)
{
	struct stat st;
	char *buf;
	ssize_t n;
	size_t got = 0;

	if (fstat(e->fd, &st) == -1) {
		(void)judged(e, ENTRY_BAD, "fstat: %s", strerror(errno));
		return NULL;
	}
	if (!S_ISREG(st.st_mode)) {
		(void)judged(e, ENTRY_BAD, "not a regular file");
		return NULL;
	}
	if (st.st_size > FC_MESSAGE_MAX) {
		(void)judged(e, ENTRY_BAD, "%lld bytes: larger than any "
		    "report (%d)", (long long)st.st_size, FC_MESSAGE_MAX);
		return NULL;
	}
	if ((buf = malloc((size_t)st.st_size + 1)) == NULL)
		return NULL;
	while (got < (size_t)st.st_size) {
		n = read(e->fd, buf + got, (size_t)st.st_size - got);
		if (n == -1 && errno == EINTR)
			continue;
		if (n <= 0) {
			(void)judged(e, ENTRY_BAD, "read: %s", n == 0 ?
			    "shorter than its size" : strerror(errno));
			free(buf);
			return NULL;
		}
		got += (size_t)n;
	}
	buf[got] = '\0';
	*len = got;
	return buf;
}

static int
judge_text(struct entry *e, const char *text, size_t len,
    const struct fc_key *key, time_t now)
{
	struct fc_error err;
	char when[32];
	time_t t;

	if (fc_report_parse_body(text, len, &e->r, &err) == -1) {
		return judged(e, ENTRY_BAD, "not a whole report (%s)",
		    err.text);
	}
	if (key != NULL && fc_report_verify(&e->r, key, &err) == -1) {
		return judged(e, ENTRY_BAD, "the center would refuse it as "
		    "forged: not signed with this terminal's key (%s)",
		    err.text);
	}
	/* Reports from ahead of now are the clock's problem, not the entry's. */
	if (e->r.timestamp < (int64_t)now - ENTRY_MAX_AGE) {
		t = (time_t)e->r.timestamp;
		(void)strftime(when, sizeof(when), "%Y-%m-%dT%H:%M:%SZ",
		    gmtime(&t));
		return judged(e, ENTRY_TOO_OLD, "written %s, %lld days ago: "
		    "older than the center accepts (%ld days, less a day for "
		    "the relay)", when, (long long)(now - t) / 86400,
		    FC_MAX_AGE_DEFAULT / 86400);
	}
	return judged(e, ENTRY_OK, "a report");
}

int
entry_judge(struct spool *sp, int failed, const char *name,
    const struct fc_key *key, time_t now, struct entry *e)
{
	int dirfd = failed ? sp->failedfd : sp->queuefd;
	char *text;
	size_t len = 0;

	memset(e, 0, sizeof(*e));
	fc_report_init(&e->r, FC_REPORT_NONE);
	/* No link followed, no FIFO waited on: only files it wrote itself. */
	e->fd = openat(dirfd, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK |
	    O_CLOEXEC);
	if (e->fd == -1)
		return open_failed(e, dirfd, name);
	if ((text = read_text(e, &len)) == NULL) {
		if (e->why[0] == '\0')
			goto fail;
	} else {
		(void)judge_text(e, text, len, key, now);
		free(text);
	}
	if (e->verdict == ENTRY_OK && lseek(e->fd, 0, SEEK_SET) == 0)
		return 0;
	if (e->verdict == ENTRY_OK)
		goto fail;
	(void)close(e->fd);
	e->fd = -1;
	return 0;
fail:
	(void)close(e->fd);
	e->fd = -1;
	return -1;
}

const char *
entry_verdict_str(enum entry_verdict v)
{
	switch (v) {
	case ENTRY_OK:		return "ok";
	case ENTRY_BAD:		return "bad";
	case ENTRY_TOO_OLD:	return "too-old";
	case ENTRY_GONE:	return "gone";
	}
	return "?";
}
