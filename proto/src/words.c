/* SPDX-License-Identifier: ISC */
/* Word tables: the protocol's words for enums whose 0 means "none". */
#include <string.h>
#include "internal.h"

int fc_word_index(const char *const *words, int n, const char *word)
{
	for (int i = 1; word && i < n; i++)
		if (words[i] && !strcmp(words[i], word))
			return i;
	return -1;
}

const char *fc_word_at(const char *const *words, int n, int i)
{
	return i > 0 && i < n ? words[i] : NULL;
}
