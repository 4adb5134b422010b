/* SPDX-License-Identifier: ISC */
/*
 * faxcared.conf(5): one "keyword value..." per line, '#' starts a comment.
 * Every problem is reported with its line number and parsing goes on, so one
 * run of `faxcared -n` lists them all.
 */
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <faxcare/report.h>

#include "config.h"

struct parse {
	const char	*path;
	unsigned	 line;
	int		 errors;
	struct config	*conf;
	unsigned	 seen_manager, seen_center, seen_relay, seen_key;
};

static void __attribute__((format(printf, 2, 3)))
perr(struct parse *p, const char *fmt, ...)
{
	va_list ap;

	(void)fprintf(stderr, "%s:%u: ", p->path, p->line);
	va_start(ap, fmt);
	(void)vfprintf(stderr, fmt, ap);
	va_end(ap);
	(void)fputc('\n', stderr);
	p->errors++;
}

void
config_defaults(struct config *conf)
{
	memset(conf, 0, sizeof(*conf));
	conf->relay_port = 25;
	conf->starttls = FC_STARTTLS_OPTIONAL;
	(void)snprintf(conf->spool, sizeof(conf->spool), "/var/lib/faxcared");
	conf->damping.hold_ms = 10 * 1000;
	conf->damping.clear_hold_ms = 10 * 1000;
	conf->damping.hysteresis = 5;
	conf->damping.reminder = REMIND_DIMINISHING;
	conf->damping.reminder_ms = 24 * 3600 * 1000LL;
	conf->retry_min_ms = 30 * 1000;
	conf->retry_max_ms = 3600 * 1000;
	conf->smtp_timeout_ms = 60 * 1000;
}

int
config_parse_duration(const char *s, int64_t *ms)
{
	static const struct { const char *suffix; int64_t ms; } units[] = {
		{ "ms", 1 }, { "s", 1000 }, { "", 1000 }, { "m", 60000 },
		{ "h", 3600000 }, { "d", 86400000 },
	};
	char *end;
	unsigned long long n;
	size_t i;

	if (strcmp(s, "off") == 0) {
		*ms = 0;
		return 0;
	}
	if (!isdigit((unsigned char)*s))
		return -1;
	errno = 0;
	n = strtoull(s, &end, 10);
	if (errno != 0)
		return -2;
	for (i = 0; i < sizeof(units) / sizeof(units[0]); i++) {
		if (strcmp(end, units[i].suffix) != 0)
			continue;
		/* The limit holds in milliseconds, after the unit. */
		if (n > (unsigned long long)(DURATION_MAX_MS / units[i].ms))
			return -2;
		*ms = (int64_t)n * units[i].ms;
		return 0;
	}
	return -1;
}

static int
copy_word(struct parse *p, char *dst, size_t len, const char *val,
    const char *what)
{
	if (strlen(val) >= len) {
		perr(p, "%s too long (at most %zu characters)", what, len - 1);
		return -1;
	}
	memcpy(dst, val, strlen(val) + 1);
	return 0;
}

static void
set_address(struct parse *p, char *dst, const char *val, const char *kw)
{
	struct fc_error err;

	if (fc_check_address(val, &err) == -1)
		perr(p, "%s: %s", kw, err.text);
	else
		(void)copy_word(p, dst, FC_ADDRESS_MAX + 1, val, kw);
}

static void
set_ident(struct parse *p, char *dst, size_t len, const char *val,
    const char *kw)
{
	const char *c;

	for (c = val; *c; c++) {
		if (!isalnum((unsigned char)*c) && !strchr("-_.", *c)) {
			perr(p, "%s: only letters, digits, '-', '_' and '.'",
			    kw);
			return;
		}
	}
	(void)copy_word(p, dst, len, val, kw);
}

static void
set_readable(struct parse *p, char *dst, size_t len, const char *val,
    const char *kw)
{
	if (val[0] != '/') {
		perr(p, "%s: '%s' is not an absolute path", kw, val);
		return;
	}
	if (copy_word(p, dst, len, val, kw) == 0 && access(val, R_OK) == -1)
		perr(p, "%s: %s: %s", kw, val, strerror(errno));
}

static void
set_duration(struct parse *p, int64_t *dst, const char *val, const char *kw)
{
	switch (config_parse_duration(val, dst)) {
	case -1:
		perr(p, "%s: '%s' is not a duration (e.g. 30s, 5m, 2h, 1d)",
		    kw, val);
		break;
	case -2:
		perr(p, "%s: '%s' is longer than 100 years", kw, val);
		break;
	}
}

static void
set_number(struct parse *p, unsigned *dst, const char *val, unsigned lo,
    unsigned hi, const char *kw)
{
	char *end;
	unsigned long n;

	errno = 0;
	n = strtoul(val, &end, 10);
	if (!isdigit((unsigned char)*val) || *end || errno || n < lo ||
	    n > hi)
		perr(p, "%s: '%s' is not a number from %u to %u", kw, val, lo,
		    hi);
	else
		*dst = (unsigned)n;
}

static void
set_reminder(struct parse *p, char **argv, int argc)
{
	struct damping *d = &p->conf->damping;

	if (strcmp(argv[1], "once") == 0 && argc == 2) {
		d->reminder = REMIND_ONCE;
		return;
	}
	if (argc != 3) {
		perr(p, "reminder: expected 'once', 'interval DURATION' or "
		    "'diminishing DURATION'");
		return;
	}
	if (strcmp(argv[1], "interval") == 0)
		d->reminder = REMIND_INTERVAL;
	else if (strcmp(argv[1], "diminishing") == 0)
		d->reminder = REMIND_DIMINISHING;
	else {
		perr(p, "reminder: unknown schedule '%s'", argv[1]);
		return;
	}
	set_duration(p, &d->reminder_ms, argv[2], "reminder");
	if (d->reminder_ms == 0)
		perr(p, "reminder: the interval must not be zero");
}

static void
set_starttls(struct parse *p, const char *val)
{
	if (fc_starttls_from_word(val, &p->conf->starttls) == -1)
		perr(p, "starttls: expected required, optional or off, not "
		    "'%s'", val);
}

/* One line, split into words; argv[0] is the keyword. */
static void
parse_line(struct parse *p, char **argv, int argc)
{
	struct config *c = p->conf;
	const char *kw = argv[0], *val = argv[1];
	struct fc_error err;
	unsigned hyst;

	if (strcmp(kw, "reminder") == 0) {
		if (argc < 2)
			perr(p, "reminder: missing value");
		else
			set_reminder(p, argv, argc);
		return;
	}
	if (argc != 2) {
		perr(p, argc < 2 ? "%s: missing value" :
		    "%s: expected one value", kw);
		return;
	}
	if (strcmp(kw, "manager") == 0) {
		set_address(p, c->manager, val, kw);
		p->seen_manager = p->line;
	} else if (strcmp(kw, "center") == 0) {
		set_address(p, c->center, val, kw);
		p->seen_center = p->line;
	} else if (strcmp(kw, "sender") == 0)
		set_address(p, c->sender, val, kw);
	else if (strcmp(kw, "terminal-id") == 0) {
		if (fc_check_terminal_id(val, &err) == -1)
			perr(p, "%s: %s", kw, err.text);
		else
			(void)copy_word(p, c->terminal_id,
			    sizeof(c->terminal_id), val, kw);
	}
	else if (strcmp(kw, "model") == 0)
		set_ident(p, c->model, sizeof(c->model), val, kw);
	else if (strcmp(kw, "serial") == 0)
		set_ident(p, c->serial, sizeof(c->serial), val, kw);
	else if (strcmp(kw, "relay") == 0) {
		(void)copy_word(p, c->relay_host, sizeof(c->relay_host), val,
		    kw);
		p->seen_relay = p->line;
	} else if (strcmp(kw, "relay-port") == 0)
		set_number(p, &c->relay_port, val, 1, 65535, kw);
	else if (strcmp(kw, "starttls") == 0)
		set_starttls(p, val);
	else if (strcmp(kw, "auth-user") == 0)
		(void)copy_word(p, c->auth_user, sizeof(c->auth_user), val, kw);
	else if (strcmp(kw, "relay-ca-file") == 0)
		set_readable(p, c->relay_ca_file, sizeof(c->relay_ca_file),
		    val, kw);
	else if (strcmp(kw, "auth-password-file") == 0)
		set_readable(p, c->auth_password_file,
		    sizeof(c->auth_password_file), val, kw);
	else if (strcmp(kw, "key-file") == 0) {
		/*
		 * %e: one key per engine, whose name is known at start. A
		 * key only root may read is read before the daemon drops
		 * to its user (and again in place on SIGHUP): not an error.
		 */
		if (val[0] != '/')
			perr(p, "%s: '%s' is not an absolute path", kw, val);
		else if (copy_word(p, c->key_file, sizeof(c->key_file), val,
		    kw) == 0 && strstr(val, "%e") == NULL &&
		    access(val, R_OK) == -1 && errno != EACCES)
			perr(p, "%s: %s: %s", kw, val, strerror(errno));
		p->seen_key = p->line;
	} else if (strcmp(kw, "spool") == 0) {
		if (val[0] != '/')
			perr(p, "spool: '%s' is not an absolute path", val);
		else
			(void)copy_word(p, c->spool, sizeof(c->spool), val, kw);
	} else if (strcmp(kw, "hold") == 0)
		set_duration(p, &c->damping.hold_ms, val, kw);
	else if (strcmp(kw, "clear-hold") == 0)
		set_duration(p, &c->damping.clear_hold_ms, val, kw);
	else if (strcmp(kw, "hysteresis") == 0) {
		hyst = (unsigned)c->damping.hysteresis;
		set_number(p, &hyst, val, 0, 100, kw);
		c->damping.hysteresis = (int)hyst;
	} else if (strcmp(kw, "meter-report") == 0)
		set_duration(p, &c->meter_ms, val, kw);
	else if (strcmp(kw, "retry-min") == 0)
		set_duration(p, &c->retry_min_ms, val, kw);
	else if (strcmp(kw, "retry-max") == 0)
		set_duration(p, &c->retry_max_ms, val, kw);
	else if (strcmp(kw, "smtp-timeout") == 0)
		set_duration(p, &c->smtp_timeout_ms, val, kw);
	else
		perr(p, "unknown keyword '%s'", kw);
}

/* Settings that only make sense together, reported after the last line. */
static void
check_whole(struct parse *p)
{
	struct config *c = p->conf;

	p->line = 0;
	if (!p->seen_manager)
		perr(p, "'manager' is missing");
	if (!p->seen_center)
		perr(p, "'center' is missing");
	if (!p->seen_relay)
		perr(p, "'relay' is missing");
	if (!p->seen_key)
		perr(p, "'key-file' is missing");
	if (c->auth_user[0] && !c->auth_password_file[0])
		perr(p, "'auth-user' needs 'auth-password-file'");
	if (c->retry_min_ms == 0 || c->retry_max_ms < c->retry_min_ms)
		perr(p, "'retry-min' must be positive and at most 'retry-max'");
	if (c->smtp_timeout_ms < 1000)
		perr(p, "'smtp-timeout' must be at least 1s");
}

int
config_key_path(const struct config *conf, const char *engine, char *buf,
    size_t len)
{
	const char *s = conf->key_file, *part;
	size_t n = 0, w;

	while (*s != '\0') {
		if (s[0] == '%' && s[1] == 'e') {
			part = engine;
			w = strlen(engine);
			s += 2;
		} else {
			part = s;
			w = 1;
			s++;
		}
		if (n + w >= len)
			return -1;
		memcpy(buf + n, part, w);
		n += w;
	}
	buf[n] = '\0';
	return 0;
}

int
config_load(const char *path, struct config *conf)
{
	struct parse p = { .path = path, .conf = conf };
	char *line = NULL, *argv[9], *save, *w;
	size_t cap = 0;
	ssize_t len;
	int argc;
	FILE *f;

	config_defaults(conf);
	if ((f = fopen(path, "r")) == NULL)
		return -1;
	while ((len = getline(&line, &cap, f)) != -1) {
		p.line++;
		if ((w = strchr(line, '#')) != NULL)
			*w = '\0';
		if (strlen(line) != (size_t)len && w == NULL) {
			perr(&p, "NUL byte in line");
			continue;
		}
		argc = 0;
		for (w = strtok_r(line, " \t\r\n", &save); w;
		    w = strtok_r(NULL, " \t\r\n", &save)) {
			if (argc == (int)(sizeof(argv) / sizeof(argv[0])) - 1)
				break;
			argv[argc++] = w;
		}
		if (argc == 0)
			continue;
		if (w != NULL) {
			perr(&p, "%s: too many values", argv[0]);
			continue;
		}
		argv[argc] = NULL;
		parse_line(&p, argv, argc);
	}
	free(line);
	if (ferror(f)) {
		(void)fclose(f);
		return -1;
	}
	(void)fclose(f);
	check_whole(&p);
	return p.errors;
}
