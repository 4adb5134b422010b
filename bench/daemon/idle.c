/* SPDX-License-Identifier: ISC */
/*
 * The baselines of bench/daemon/run's memory figures: a process that does
 * nothing, built with libc alone, with some or all of faxcared's libraries,
 * and (-DONE_HMAC) with all of them after one HMAC-SHA256, what OpenSSL
 * costs once used, so the daemon's resident memory reads against each.
 */
#include <unistd.h>

#ifdef ONE_HMAC
#include <openssl/evp.h>
#include <openssl/hmac.h>
#endif

int
main(void)
{
#ifdef ONE_HMAC
	unsigned char key[32] = { 0 }, md[32];
	unsigned int len;

	if (HMAC(EVP_sha256(), key, sizeof(key), (const unsigned char *)"x", 1,
	    md, &len) == NULL)
		return 1;
#endif
	for (;;)
		(void)pause();
}
