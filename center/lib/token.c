/* SPDX-License-Identifier: ISC */
/* Token generation and hashing (getrandom + OpenSSL SHA-256). */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/random.h>

#include <openssl/sha.h>

#include "token.h"

static int
hash_text(const char *hex, unsigned char *hash)
{
	return SHA256((const unsigned char *)hex, TOKEN_HEX_LEN, hash) ==
	    NULL ? -1 : 0;
}

int
token_new(char *hex, unsigned char *hash)
{
	unsigned char	raw[TOKEN_BYTES];
	size_t		got = 0, i;
	ssize_t		n;

	while (got < sizeof(raw)) {
		n = getrandom(raw + got, sizeof(raw) - got, 0);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		got += (size_t)n;
	}
	for (i = 0; i < sizeof(raw); i++)
		(void)snprintf(hex + 2 * i, 3, "%02x", raw[i]);
	return hash_text(hex, hash);
}

int
token_hash(const char *hex, size_t len, unsigned char *hash)
{
	size_t	i;

	if (len != TOKEN_HEX_LEN)
		return -1;
	for (i = 0; i < len; i++) {
		if (!((hex[i] >= '0' && hex[i] <= '9') ||
		    (hex[i] >= 'a' && hex[i] <= 'f')))
			return -1;
	}
	return hash_text(hex, hash);
}
