/* SPDX-License-Identifier: ISC */
/* Helpers shared inside the library; not part of its API. */
#ifndef FAXCARE_INTERNAL_H
#define FAXCARE_INTERNAL_H

#include <stddef.h>
#include <sys/stat.h>
#include <sys/types.h>
#include "faxcare/error.h"

#define FC_ARRAY_SIZE(a) ((int)(sizeof(a) / sizeof((a)[0])))

/* Put "line N: " in front of an error raised without knowing the line. */
int fc_error_at_line(struct fc_error *err, unsigned int line);

/* Word tables indexed by an enum whose 0 means "none". */
int fc_word_index(const char *const *words, int n, const char *word);
const char *fc_word_at(const char *const *words, int n, int i);

/* Define TYPE's to-word and from-word functions over a word table. */
#define FC_WORD_FUNCTIONS(type, to_word, from_word, words)		\
const char *to_word(type v)						\
{									\
	return fc_word_at(words, FC_ARRAY_SIZE(words), (int)v);		\
}									\
int from_word(const char *word, type *v)				\
{									\
	int i = fc_word_index(words, FC_ARRAY_SIZE(words), word);	\
									\
	if (i < 0)							\
		return -1;						\
	*v = (type)i;							\
	return 0;							\
}

/*
 * A secret's open file (fstat'd into st): a regular file nobody but its
 * owner may write, owned by root, this process's user or user (0: nobody
 * else; FC_ANY_OWNER: anyone).
 */
int fc_secret_check(const char *path, int fd, uid_t user, struct stat *st,
		    struct fc_error *err);

/* n bytes from getrandom(), retried on EINTR. */
int fc_random_bytes(unsigned char *buf, size_t n, struct fc_error *err);

#endif /* FAXCARE_INTERNAL_H */
