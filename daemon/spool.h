/* SPDX-License-Identifier: ISC */
/*
 * faxcare daemon: the durable spool, in nullmailer's manner.
 *
 *   SPOOL/tmp/     a message being written; never sent, removed on recovery
 *   SPOOL/queue/   committed messages, sent oldest first, removed once the
 *                  relay accepted them; each named sSEQ-TAG, SEQ 20 digits
 *                  from SPOOL/seq, so names sort in queueing order whatever
 *                  the wall clock did
 *   SPOOL/failed/  messages the relay refused for good (5xx), and queue
 *                  entries that could not be sent (unreadable, not a whole
 *                  report, too old for the center), kept for a human
 *   SPOOL/state    the daemon's memory of open conditions (atomic replace)
 *   SPOOL/seq      the next sequence number (under flock; never reused)
 *
 * A message reaches queue/ only whole: written to tmp/, fsync'd, renamed into
 * queue/, and queue/ fsync'd before spool_put() returns.
 */
#ifndef FAXCARE_SPOOL_H
#define FAXCARE_SPOOL_H

#include <limits.h>
#include <stddef.h>

#define SPOOL_NAME_MAX	128

struct spool {
	char	 path[PATH_MAX];
	int	 dirfd, tmpfd, queuefd, failedfd;
	int	 rescan;	/* the next put checks seq against the entries */
};

/* Test hook: called after each step of a commit (1..4), to simulate crashes. */
extern void (*spool_crash_hook)(int step);

/* recover: remove what a crash left in tmp/ (the daemon, holding the lock). */
int	spool_open(struct spool *sp, const char *path, int recover);
void	spool_close(struct spool *sp);

/*
 * Commits data as a new queue entry named after tag (no '/', '.', blank or
 * control character); name gets the entry's name.
 */
int	spool_put(struct spool *sp, const char *tag, const void *data,
	    size_t len, char name[SPOOL_NAME_MAX]);
/* Queue entries, oldest first; free with spool_free_list(). */
int	spool_list(struct spool *sp, int failed, char ***names, size_t *n);
void	spool_free_list(char **names, size_t n);
int	spool_open_entry(struct spool *sp, int failed, const char *name);
int	spool_done(struct spool *sp, const char *name);
int	spool_set_aside(struct spool *sp, const char *name);
/* Back from failed/ to queue/ (faxengctl spool requeue). */
int	spool_requeue(struct spool *sp, const char *name);

/* Atomically replaces, or reads (NUL-terminated, malloc'd), SPOOL/file. */
int	spool_replace_file(struct spool *sp, const char *file,
	    const void *data, size_t len);
char	*spool_read_file(struct spool *sp, const char *file, size_t *len);

#endif
