/* SPDX-License-Identifier: ISC */
/*
 * The center's form and query validators: any bytes as a field's value (up
 * to its first NUL, as Kore hands it over) go through every regex validator
 * of center/conf/faxcenter.conf, compiled as Kore compiles them, then
 * through the checks the handlers add (center/portal/field.c) and the
 * protocol's address check. What a validator lets through must be what its
 * handler can use.
 */
#include <regex.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "faxcare/proto.h"
#include "field.h"

#define VALIDATORS_MAX	32

static struct validator {
	char	 name[32];
	regex_t	 re;
} validators[VALIDATORS_MAX];
static int nvalidators;

/* "validator NAME regex RE" lines of FAXCENTER_CONF (set by tests.mk). */
static void
load(void)
{
	char	 line[1024], name[32], re[1000];
	FILE	*f;

	if ((f = fopen(FAXCENTER_CONF, "r")) == NULL) {
		perror(FAXCENTER_CONF);
		abort();
	}
	while (fgets(line, sizeof(line), f) != NULL) {
		if (sscanf(line, "validator %31s regex %999[^\n]", name, re) != 2)
			continue;
		if (nvalidators == VALIDATORS_MAX ||
		    regcomp(&validators[nvalidators].re, re,
		    REG_EXTENDED | REG_NOSUB) != 0)
			abort();
		(void)snprintf(validators[nvalidators].name,
		    sizeof(validators[nvalidators].name), "%s", name);
		nvalidators++;
	}
	(void)fclose(f);
	if (nvalidators == 0)
		abort();
}

static int
passes(const char *name, const char *v)
{
	int	 i;

	for (i = 0; i < nvalidators; i++)
		if (strcmp(validators[i].name, name) == 0)
			return regexec(&validators[i].re, v, 0, NULL, 0) == 0;
	abort();
}

static void __attribute__((noreturn))
fail(const char *what, const char *v)
{
	(void)fprintf(stderr, "validators: %s: '%s'\n", what, v);
	abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char		*v, again[32];
	long long	 n;
	struct tm	 tm;
	int		 i;

	if (nvalidators == 0)
		load();
	if ((v = strndup((const char *)data, size)) == NULL)
		abort();
	for (i = 0; i < nvalidators; i++)
		(void)regexec(&validators[i].re, v, 0, NULL, 0);

	n = field_num(v);
	if (n >= 0 && strspn(v, "0123456789") != strlen(v))
		fail("a number of more than digits", v);
	if (passes("v_id", v) && n <= 0)
		fail("v_id passed, not an id", v);
	if (passes("v_number", v) && n < 0)
		fail("v_number passed, not a number", v);
	if (passes("v_qty", v) && (n < 1 || n > 99))
		fail("v_qty passed, not a quantity", v);

	/* A date past validator and handler is written back the same. */
	if (passes("v_datetime", v) && field_datetime(v)) {
		memset(&tm, 0, sizeof(tm));
		if (strptime(v, "%Y-%m-%d %H:%M", &tm) == NULL ||
		    strftime(again, sizeof(again), "%Y-%m-%d %H:%M",
		    &tm) == 0 || strcmp(again, v) != 0)
			fail("a date-time that reads back differently", v);
	}

	/* An address the protocol takes is safe in a mail header. */
	if (fc_check_address(v, NULL) == 0 &&
	    strpbrk(v, " \t\r\n<>,;\"()\\") != NULL)
		fail("an address with a header's separators", v);
	free(v);
	return 0;
}
