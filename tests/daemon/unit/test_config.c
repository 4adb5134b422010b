/* SPDX-License-Identifier: ISC */
/* faxcared.conf: a good file parses; each bad line is reported by number. */
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

#include "config.h"
#include "tap.h"

static char dir[] = "/tmp/faxcare-conf-test.XXXXXX";

static const char *
write_file(const char *name, const char *text)
{
	static char path[256];
	FILE *f;

	(void)snprintf(path, sizeof(path), "%s/%s", dir, name);
	if ((f = fopen(path, "w")) == NULL)
		return NULL;
	(void)fputs(text, f);
	(void)fclose(f);
	return path;
}

/* Runs config_load with stderr captured; returns the error count. */
static int
load_capturing(const char *path, struct config *c, char *out, size_t len)
{
	char errpath[256];
	FILE *f;
	int saved, fd, n;
	size_t got;

	(void)snprintf(errpath, sizeof(errpath), "%s/stderr", dir);
	(void)fflush(stderr);
	saved = dup(2);
	if ((fd = open(errpath, O_WRONLY | O_CREAT | O_TRUNC, 0600)) == -1)
		return -100;
	(void)dup2(fd, 2);
	(void)close(fd);
	n = config_load(path, c);
	(void)fflush(stderr);
	(void)dup2(saved, 2);
	(void)close(saved);
	f = fopen(errpath, "r");
	got = f != NULL ? fread(out, 1, len - 1, f) : 0;
	out[got] = '\0';
	if (f != NULL)
		(void)fclose(f);
	return n;
}

int
main(void)
{
	char good[2048], bad[2048], errs[4096], expect[256];
	const char *key, *path;
	char *line, *save;
	struct config c;
	int64_t ms;

	if (mkdtemp(dir) == NULL)
		return 1;
	key = write_file("key",
	    "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff\n");
	(void)snprintf(good, sizeof(good),
	    "# a terminal in the front office\n"
	    "manager   office.admin@example.com\n"
	    "center    service@center.example.net\n"
	    "terminal-id FRONT-1\n"
	    "relay     127.0.0.1   # the office relay\n"
	    "relay-port 2525\n"
	    "starttls  required\n"
	    "key-file  %s\n"
	    "spool     /var/lib/faxcared\n"
	    "hold 30s\n"
	    "clear-hold 2m\n"
	    "hysteresis 7\n"
	    "reminder diminishing 1d\n"
	    "meter-report 7d\n"
	    "retry-min 500ms\n"
	    "retry-max 1h\n", key);
	path = write_file("good.conf", good);
	is_int(load_capturing(path, &c, errs, sizeof(errs)), 0,
	    "a complete file has no errors");
	is_str(errs, "", "and prints nothing");
	is_str(c.manager, "office.admin@example.com", "manager");
	is_str(c.center, "service@center.example.net", "center");
	is_str(c.terminal_id, "FRONT-1", "terminal-id override");
	is_str(c.relay_host, "127.0.0.1", "relay, comment stripped");
	is_int(c.relay_port, 2525, "relay-port");
	is_int(c.starttls, FC_STARTTLS_REQUIRED, "starttls required");
	is_int(c.damping.hold_ms, 30000, "hold 30s");
	is_int(c.damping.clear_hold_ms, 120000, "clear-hold 2m");
	is_int(c.damping.hysteresis, 7, "hysteresis");
	is_int(c.damping.reminder, REMIND_DIMINISHING, "reminder schedule");
	is_int(c.damping.reminder_ms, 86400000, "reminder interval 1d");
	is_int(c.meter_ms, 7 * 86400000LL, "meter-report 7d");
	is_int(c.retry_min_ms, 500, "retry-min 500ms");

	(void)snprintf(bad, sizeof(bad),
	    "manager not-an-address\n"			/* 1 */
	    "center service@center.example.net\n"	/* 2 */
	    "relay mail.example.com\n"			/* 3 */
	    "relay-port 99999\n"			/* 4 */
	    "starttls sometimes\n"			/* 5 */
	    "\n"					/* 6 */
	    "key-file %s\n"				/* 7 */
	    "hold soon\n"				/* 8 */
	    "colour blue\n"				/* 9 */
	    "reminder weekly 1d\n"			/* 10 */
	    "spool relative/dir\n"			/* 11 */
	    "terminal-id has/slash\n"			/* 12 */
	    "auth-user bob\n"				/* 13 */
	    "key-file /nonexistent/key\n",		/* 14 */
	    key);
	path = write_file("bad.conf", bad);
	is_int(load_capturing(path, &c, errs, sizeof(errs)), 10,
	    "ten problems counted, one per bad line or missing setting");
	for (line = strtok_r(errs, "\n", &save); line != NULL;
	    line = strtok_r(NULL, "\n", &save))
		diag("  %s", line);
	(void)load_capturing(path, &c, errs, sizeof(errs));
#define LINE(n, what) do {						\
	(void)snprintf(expect, sizeof(expect), "%s:%d: ", path, n);	\
	ok(strstr(errs, expect) != NULL, "line " #n ": " what);		\
} while (0)
	LINE(1, "bad manager address");
	LINE(4, "port out of range");
	LINE(5, "unknown starttls mode");
	LINE(8, "not a duration");
	LINE(9, "unknown keyword");
	LINE(10, "unknown reminder schedule");
	LINE(11, "relative spool");
	LINE(12, "bad terminal id");
	LINE(14, "unreadable key file");
	ok(strstr(errs, ":0: 'auth-user' needs 'auth-password-file'") != NULL,
	    "a missing companion setting is reported");
	ok(strstr(errs, ":2: ") == NULL && strstr(errs, ":3: ") == NULL &&
	    strstr(errs, ":7: ") == NULL, "good lines are not blamed");

	path = write_file("empty.conf", "# nothing\n");
	(void)load_capturing(path, &c, errs, sizeof(errs));
	ok(strstr(errs, "'manager' is missing") != NULL &&
	    strstr(errs, "'center' is missing") != NULL &&
	    strstr(errs, "'relay' is missing") != NULL &&
	    strstr(errs, "'key-file' is missing") != NULL,
	    "an empty file names each missing setting");
	ok(config_load("/nonexistent/faxcared.conf", &c) == -1,
	    "a missing file is -1");

	ok(config_parse_duration("90", &ms) == 0 && ms == 90000,
	    "a bare number is seconds");
	ok(config_parse_duration("off", &ms) == 0 && ms == 0, "off is 0");
	ok(config_parse_duration("5x", &ms) == -1, "5x is refused");
	ok(config_parse_duration("-5s", &ms) == -1, "negative refused");

	/* The 100-year limit applies after the unit (it overflowed). */
	(void)snprintf(bad, sizeof(bad),
	    "manager office.admin@example.com\n"	/* 1 */
	    "center service@center.example.net\n"	/* 2 */
	    "relay mail.example.com\n"			/* 3 */
	    "key-file %s\n"				/* 4 */
	    "hold 3153600000000d\n"			/* 5 */
	    "clear-hold 36500d\n",			/* 6 */
	    key);
	path = write_file("long.conf", bad);
	is_int(load_capturing(path, &c, errs, sizeof(errs)), 1,
	    "hold 3153600000000d: one problem");
	diag("  %s", errs);
	LINE(5, "hold 3153600000000d is refused with its line");
	ok(strstr(errs, "hold: '3153600000000d' is longer than 100 years") !=
	    NULL, "it says the duration is too long");
	is_int(c.damping.clear_hold_ms, 36500 * 86400000LL,
	    "clear-hold 36500d (100 years) is taken");
	ok(config_parse_duration("106751991167d", &ms) == -2,
	    "a duration whose milliseconds overflow 64 bits is too long");
	ok(config_parse_duration("3153600000001ms", &ms) == -2,
	    "one millisecond over 100 years is too long");
	ok(config_parse_duration("18446744073709551616", &ms) == -2,
	    "a number beyond 64 bits is too long");
	/* One key per engine: %e is the engine's name, known at start. */
	(void)snprintf(good, sizeof(good), "manager a@example.com\n"
	    "center b@example.net\nrelay 127.0.0.1\n"
	    "key-file %s/%%e.key\n", dir);
	path = write_file("engines.conf", good);
	is_int(load_capturing(path, &c, errs, sizeof(errs)), 0,
	    "key-file with %%e: no error, though no such file yet");
	(void)snprintf(good, sizeof(good), "%s/faxeng1.key", dir);
	ok(config_key_path(&c, "faxeng1", errs, sizeof(errs)) == 0 &&
	    strcmp(errs, good) == 0, "faxeng1 reads %s", errs);
	ok(config_key_path(&c, "faxeng1", errs, 8) == -1,
	    "a key path too long for its buffer is refused");

	(void)snprintf(errs, sizeof(errs), "rm -rf '%s'", dir);
	ok(system(errs) == 0, "cleanup");
	return done_testing();
}
