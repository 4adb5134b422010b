/* SPDX-License-Identifier: ISC */
/*
 * Waking faxcenter-outbox: whoever commits outbox rows sends an empty
 * datagram to the sender's unix socket (outbox_wake_socket), so mail goes
 * out when it is due rather than at the next sweep. A wake-up is a hint
 * only: a lost one (sender down, socket full) costs at most a sweep.
 */
#ifndef FAXCENTER_OUTBOX_WAKE_H
#define FAXCENTER_OUTBOX_WAKE_H

#include <stddef.h>

#include "config.h"

/*
 * Best effort, never blocks: 0, also when nobody listens; -1 (errno set)
 * when the datagram could not be sent for another reason, for the
 * caller's log.
 */
int	outbox_wake(const struct center_config *cfg);

/*
 * The sender's end: a datagram socket bound at path (a stale one is
 * replaced), writable by everyone (its directory decides who reaches it).
 * Returns the descriptor, or -1 with the reason in err.
 */
int	outbox_wake_listen(const char *path, char *err, size_t errlen);

/* Read every queued wake-up: one pass answers them all. */
void	outbox_wake_drain(int fd);

#endif
