/* SPDX-License-Identifier: ISC */
/*
 * Keys: every terminal signs with its own 256-bit key. The center stores no
 * per-terminal secret: it derives each terminal's key from its master secret,
 *   key = HMAC-SHA256(master, "faxcare-terminal-key-1:" + terminal_id),
 * and the terminal holds only its own key.
 *
 * Key files (the master secret's and a terminal's) hold exactly 64 hex digits
 * and one newline; anything else is rejected with a clear error, and so is
 * a file others may read or group or others may write (whoever can write
 * the key can sign).
 */
#ifndef FAXCARE_KEY_H
#define FAXCARE_KEY_H

#include <stddef.h>
#include <sys/types.h>
#include "faxcare/error.h"

#define FC_KEY_LEN	32
#define FC_KEY_HEX_LEN	(2 * FC_KEY_LEN)
#define FC_ANY_OWNER	((uid_t)-1)

struct fc_key {
	unsigned char bytes[FC_KEY_LEN];
};

/* Read a key file; err names the file and what is wrong with it. */
int fc_key_load_file(const char *path, struct fc_key *key,
		     struct fc_error *err);
/*
 * A daemon's: also refused unless root, this process's user or user owns
 * it (user: the one it drops to after reading; 0: none).
 */
int fc_key_load_file_for(const char *path, uid_t user, struct fc_key *key,
			 struct fc_error *err);
/* The same from fd, open on path, read from its start (a reload). */
int fc_key_load_fd(const char *path, int fd, uid_t user, struct fc_key *key,
		   struct fc_error *err);

/* 64 hex digits (either case), nothing else. */
int fc_key_from_hex(const char *hex, struct fc_key *key, struct fc_error *err);

/* hex must hold FC_KEY_HEX_LEN + 1 bytes; writes lowercase. */
void fc_key_to_hex(const struct fc_key *key, char *hex);

/* A terminal's key from the center's master secret. */
int fc_key_derive(const struct fc_key *master, const char *terminal_id,
		  struct fc_key *key, struct fc_error *err);

/* A new random key (getrandom). */
int fc_key_generate(struct fc_key *key, struct fc_error *err);

/* Overwrite a key in memory once it is no longer needed. */
void fc_key_wipe(struct fc_key *key);

#endif /* FAXCARE_KEY_H */
