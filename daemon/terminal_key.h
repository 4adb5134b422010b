/* SPDX-License-Identifier: ISC */
/*
 * faxcare daemon: this engine's signing key. key-file may name one key per
 * engine ("/etc/faxcare/%e.key": faxeng1 reads faxeng1.key), since the
 * center derives each terminal's key from its terminal id. The file stays
 * open: a daemon that dropped root can still read a root-only key again
 * when SIGHUP finds it rewritten in place.
 */
#ifndef FAXCARE_TERMINAL_KEY_H
#define FAXCARE_TERMINAL_KEY_H

#include <sys/types.h>

#include <limits.h>

#include <faxcare/key.h>

#include "config.h"

struct terminal_key {
	char		 path[PATH_MAX];
	int		 fd;		/* -1: none */
	uid_t		 user;		/* may own the file besides root, us */
	struct fc_key	 key;
};

/* Opens and reads engine's key; -1 with why. user: 0 or the one to be. */
int	terminal_key_open(struct terminal_key *tk, const struct config *conf,
	    const char *engine, uid_t user, char *why, size_t len);
/* SIGHUP: the file anew, else the open one; on error the key stays. */
int	terminal_key_reload(struct terminal_key *tk);
void	terminal_key_close(struct terminal_key *tk);

#endif
