/* SPDX-License-Identifier: ISC */
/* objects: password */
/* Staff passwords: scrypt hashes that verify the right password only. */
#include <stdio.h>
#include <string.h>

#include "password.h"
#include "tap.h"

int
main(void)
{
	char	a[PASSWORD_HASH_MAX], b[PASSWORD_HASH_MAX], bad[PASSWORD_HASH_MAX];
	char	forged[PASSWORD_HASH_MAX + 16];

	ok(password_hash("correct horse", a, sizeof(a)) == 0 &&
	    password_hash("correct horse", b, sizeof(b)) == 0,
	    "a password is hashed");
	ok(strncmp(a, "scrypt$15$8$1$", 14) == 0 && strlen(a) == 14 + 32 + 1 + 64,
	    "as scrypt with N=2^15, r=8, p=1, salt and key in hex: %s", a);
	ok(strstr(a, "correct") == NULL, "the password is not in the hash");
	ok(strcmp(a, b) != 0, "the same password hashes differently (salt)");
	ok(password_verify("correct horse", a) == 1, "the right password verifies");
	ok(password_verify("correct horsf", a) == 0, "a wrong one does not");
	ok(password_verify("", a) == 0, "nor an empty one");
	ok(password_verify("correct horse", NULL) == 0,
	    "an unknown user (no hash) never verifies");
	ok(password_verify("x", "plain text") == 0, "a malformed hash never verifies");
	snprintf(bad, sizeof(bad), "%s", a);
	bad[sizeof("scrypt$") - 1] = '9';	/* N=2^95: refused, not run */
	ok(password_verify("correct horse", bad) == 0,
	    "absurd parameters are refused");
	/* scanf's %u took -4294967281 as 15: the right key, a forged form. */
	snprintf(forged, sizeof(forged), "scrypt$-4294967281%s",
	    a + strlen("scrypt$15"));
	ok(password_verify("correct horse", forged) == 0,
	    "a parameter that is not plain digits is refused");
	snprintf(forged, sizeof(forged), "%sX", a);
	ok(password_verify("correct horse", forged) == 0,
	    "trailing text after the key is refused");
	ok(password_hash("x", a, 20) == -1, "a too small buffer fails");
	return done_testing();
}
