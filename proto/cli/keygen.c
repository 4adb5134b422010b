/* SPDX-License-Identifier: ISC */
/*
 * faxcare-keygen: keys for signed reports.
 *
 *   faxcare-keygen MASTER-KEY-FILE TERMINAL-ID
 *       print the key of a terminal, derived from the center's master secret
 *       (write it to the terminal's key file, mode 0600)
 *   faxcare-keygen -n
 *       print a new random key (a master secret for a center)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "faxcare/key.h"

static const char usage[] =
	"usage: faxcare-keygen MASTER-KEY-FILE TERMINAL-ID\n"
	"       faxcare-keygen -n\n"
	"Prints a terminal's report-signing key (64 hex digits), derived from\n"
	"the service center's master secret, or with -n a new random key.\n";

static int print_key(const struct fc_key *key)
{
	char hex[FC_KEY_HEX_LEN + 1];
	int rc = 0;

	fc_key_to_hex(key, hex);
	if (printf("%s\n", hex) < 0 || fflush(stdout) == EOF) {
		perror("faxcare-keygen: stdout");
		rc = 1;
	}
	memset(hex, 0, sizeof(hex));
	return rc;
}

int main(int argc, char **argv)
{
	struct fc_key master, key;
	struct fc_error err;
	int rc;

	if (argc == 2 && !strcmp(argv[1], "-n")) {
		if (fc_key_generate(&key, &err)) {
			fprintf(stderr, "faxcare-keygen: %s\n", err.text);
			return 1;
		}
	} else if (argc == 3 && argv[1][0] != '-') {
		if (fc_key_load_file(argv[1], &master, &err) ||
		    fc_key_derive(&master, argv[2], &key, &err)) {
			fprintf(stderr, "faxcare-keygen: %s\n", err.text);
			fc_key_wipe(&master);
			return 1;
		}
		fc_key_wipe(&master);
	} else {
		fputs(usage, stderr);
		return 2;
	}
	rc = print_key(&key);
	fc_key_wipe(&key);
	return rc;
}
