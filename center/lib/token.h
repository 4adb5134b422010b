/* SPDX-License-Identifier: ISC */
/*
 * Unguessable tokens for URLs (homepage, confirmation links, sessions):
 * 32 bytes from getrandom(2), written as 64 hex digits; only their SHA-256
 * is stored, so a leaked database does not open anybody's homepage.
 */
#ifndef FAXCENTER_TOKEN_H
#define FAXCENTER_TOKEN_H

#include <stddef.h>

#define TOKEN_BYTES	32
#define TOKEN_HEX_LEN	(TOKEN_BYTES * 2)
#define TOKEN_HASH_LEN	32

/* A new token as text (TOKEN_HEX_LEN + 1 bytes) and its hash. 0 or -1. */
int	token_new(char *hex, unsigned char *hash);

/*
 * The hash of a token presented in a URL. Returns -1 unless text is exactly
 * TOKEN_HEX_LEN lowercase hex digits.
 */
int	token_hash(const char *hex, size_t len, unsigned char *hash);

#endif
