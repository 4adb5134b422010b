/* SPDX-License-Identifier: ISC */
/*
 * report-read KEYFILE MESSAGE: reads one delivered e-mail with the proto
 * library's parser, as the center would after its MIME decoding (the
 * daemon's mail is 7-bit, so the raw file is the body), and checks the
 * signature with the terminal's key. Prints "TYPE REPORT-ID TERMINAL-ID
 * verified" or the reason; exits 0 only when the signature verifies.
 */
#include <stdio.h>
#include <stdlib.h>

#include <faxcare/key.h>
#include <faxcare/message.h>
#include <faxcare/signature.h>

int
main(int argc, char *argv[])
{
	static char text[256 * 1024];
	struct fc_report r;
	struct fc_error err;
	struct fc_key key;
	FILE *f;
	size_t len;

	if (argc != 3) {
		(void)fprintf(stderr, "usage: report-read KEYFILE MESSAGE\n");
		return 2;
	}
	if (fc_key_load_file(argv[1], &key, &err) == -1) {
		printf("key: %s\n", err.text);
		return 1;
	}
	if ((f = fopen(argv[2], "r")) == NULL) {
		perror(argv[2]);
		return 1;
	}
	len = fread(text, 1, sizeof(text), f);
	if (ferror(f) || fclose(f) != 0) {
		perror(argv[2]);
		return 1;
	}
	if (fc_report_parse_body(text, len, &r, &err) == -1) {
		printf("unparsable: %s\n", err.text);
		return 1;
	}
	if (fc_report_verify(&r, &key, &err) == -1) {
		printf("%s %s %s not verified: %s\n",
		    fc_report_type_str(r.type), r.report_id, r.terminal_id,
		    err.text);
		return 1;
	}
	printf("%s %s %s verified\n", fc_report_type_str(r.type), r.report_id,
	    r.terminal_id);
	return 0;
}
