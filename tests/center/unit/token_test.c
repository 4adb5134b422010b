/* SPDX-License-Identifier: ISC */
/* objects: token */
/* Tokens: 64 lowercase hex digits, unique, hashed the same way twice. */
#include <string.h>

#include "tap.h"
#include "token.h"

int
main(void)
{
	char		a[TOKEN_HEX_LEN + 1], b[TOKEN_HEX_LEN + 1];
	unsigned char	ha[TOKEN_HASH_LEN], hb[TOKEN_HASH_LEN], h[TOKEN_HASH_LEN];

	ok(token_new(a, ha) == 0 && token_new(b, hb) == 0, "tokens are made");
	ok(strlen(a) == TOKEN_HEX_LEN && strspn(a, "0123456789abcdef") ==
	    TOKEN_HEX_LEN, "a token is 64 lowercase hex digits");
	ok(strcmp(a, b) != 0 && memcmp(ha, hb, sizeof(ha)) != 0,
	    "two tokens differ");
	ok(token_hash(a, strlen(a), h) == 0 && memcmp(h, ha, sizeof(h)) == 0,
	    "a presented token hashes to the stored hash");
	a[3] = 'A';
	ok(token_hash(a, strlen(a), h) == -1, "upper case is refused");
	ok(token_hash(b, strlen(b) - 1, h) == -1, "a short token is refused");
	ok(token_hash("", 0, h) == -1, "an empty token is refused");
	return done_testing();
}
