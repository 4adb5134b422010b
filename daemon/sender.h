/* SPDX-License-Identifier: ISC */
/*
 * faxcare daemon: hands the spool's queue to the relay with libESMTP.
 * libESMTP blocks, so the daemon runs sender_run() in a child process
 * (sender_spawn()) and keeps its own loop free; the child's exit status says
 * how the run went.
 */
#ifndef FAXCARE_SENDER_H
#define FAXCARE_SENDER_H

#include <sys/types.h>

#include "batch.h"
#include "config.h"
#include "identity.h"
#include "spool.h"

/* Exit statuses of a sender child. */
#define SEND_DONE	0	/* every message it took was accepted or refused */
#define SEND_RETRY	75	/* EX_TEMPFAIL: relay down, or a 4xx; try later */
#define SEND_ERROR	1	/* a local problem (spool, memory) */

struct send_result {
	unsigned	 sent, refused, deferred;
};

/* One SMTP session over the batch's entries (batch_take()); closes them. */
int	sender_run(const struct config *conf, const struct identity *id,
	    struct spool *sp, struct batch *b, struct send_result *res);
/* sender_run() in a child that dies with its parent; *pidfd to poll. The
 * batch's entries are the child's: the caller's copies are closed. */
pid_t	sender_spawn(const struct config *conf, const struct identity *id,
	    struct spool *sp, struct batch *b, int *pidfd);

#endif
