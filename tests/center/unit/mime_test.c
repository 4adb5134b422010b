/* SPDX-License-Identifier: ISC */
/* objects: mime */
/*
 * GMime extraction on the fixtures: whatever the transfer encoding or
 * wrapping, the report block comes out as the terminal wrote it.
 * usage: mime_test FIXTURES-DIR
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mime.h"
#include "tap.h"

static char *
slurp(const char *dir, const char *name, size_t *len)
{
	char	 path[512], *buf;
	FILE	*f;
	long	 n;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	if ((f = fopen(path, "rb")) == NULL || fseek(f, 0, SEEK_END) ||
	    (n = ftell(f)) < 0 || fseek(f, 0, SEEK_SET) ||
	    (buf = malloc((size_t)n + 1)) == NULL ||
	    fread(buf, 1, (size_t)n, f) != (size_t)n) {
		fprintf(stderr, "cannot read %s\n", path);
		exit(1);
	}
	fclose(f);
	buf[n] = '\0';
	*len = (size_t)n;
	return buf;
}

static void
check(const char *dir, const char *name, const char *mid)
{
	struct mime_text	mt;
	char			err[160], *raw;
	size_t			len;

	raw = slurp(dir, name, &len);
	ok(mime_extract(raw, len, &mt, err, sizeof(err)) == 0, "%s parses",
	    name);
	ok(mt.text != NULL && strstr(mt.text, "-----BEGIN FAXCARE REPORT-----")
	    && strstr(mt.text, "-----END FAXCARE REPORT-----"),
	    "%s: the block is in the decoded text", name);
	ok(mt.text != NULL && strstr(mt.text, "=3D") == NULL &&
	    strstr(mt.text, "Signature: hmac-sha256:") != NULL,
	    "%s: no transfer encoding left", name);
	ok(mt.message_id != NULL && strcmp(mt.message_id, mid) == 0,
	    "%s: Message-ID without brackets, unfolded", name);
	mime_text_free(&mt);
	free(raw);
}

int
main(int argc, char **argv)
{
	struct mime_text	mt;
	char			err[160];

	if (argc != 2)
		return 2;
	check(argv[1], "registration-received.eml",
	    "0f000000000000000000000000000001@fixture-1.faxcare");
	check(argv[1], "status-qp.eml",
	    "0f000000000000000000000000000002@fixture-1.faxcare");
	check(argv[1], "status-base64.eml",
	    "0f000000000000000000000000000003@fixture-1.faxcare");
	check(argv[1], "status-folded.eml",
	    "0f000000000000000000000000000004@fixture-1.faxcare");
	check(argv[1], "status-multipart.eml",
	    "0f000000000000000000000000000005@fixture-1.faxcare");
	ok(mime_extract("", 0, &mt, err, sizeof(err)) == -1 ||
	    mt.text == NULL || strstr(mt.text, "BEGIN FAXCARE") == NULL,
	    "an empty message yields no report");
	mime_text_free(&mt);
	return done_testing();
}
