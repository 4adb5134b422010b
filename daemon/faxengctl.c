/* SPDX-License-Identifier: ISC */
/*
 * faxengctl: the technicians' view of the fax engines and of faxcared
 * (faxengctl(8)): status, live events, settings and service actions over
 * generic netlink; the daemon's spool; a test e-mail through the spool.
 */
#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <grp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <faxcare/kernel.h>
#include <faxcare/key.h>
#include <faxcare/message.h>

#include "compose.h"
#include "config.h"
#include "engine.h"
#include "identity.h"
#include "spool.h"
#include "terminal_key.h"

static int json;
static const char *conf_path = FAXCARED_CONF;

static void __attribute__((noreturn))
usage(void)
{
	(void)fprintf(stderr,
	    "usage: faxengctl [-j] [-c file] command [args]\n"
	    "  status [faxengN...]         state of every engine (or those)\n"
	    "  watch                       live events, one line each\n"
	    "  set faxengN key=value|action...\n"
	    "      toner-low-threshold= toner-hysteresis= drum-rated-pages=\n"
	    "      drum-near-end-threshold= drum-hysteresis=\n"
	    "      maintenance-interval=\n"
	    "      drum-reset maintenance-done\n"
	    "  spool [faxengN]             faxcared's queued and failed mail\n"
	    "  test-mail faxengN           queue a test (meter) report\n");
	exit(2);
}

/* A kernel supply or drum state in the protocol's words. */
static const char *
state_word(enum fc_state s)
{
	return fc_state_str(s) != NULL ? fc_state_str(s) : "unknown";
}

static const char *
supply_word(int s)
{
	return state_word(fc_state_of_supply(s));
}

static const char *
drum_word(int s)
{
	return state_word(fc_state_of_drum(s));
}

/* A JSON string; our strings are short printable ASCII, escape the rest. */
static void
json_str(const char *s)
{
	(void)putchar('"');
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			printf("\\%c", *s);
		else if ((unsigned char)*s < 0x20 || (unsigned char)*s >= 0x7f)
			printf("\\u%04x", (unsigned char)*s);
		else
			(void)putchar(*s);
	}
	(void)putchar('"');
}

static void
json_num(const char *key, long long v, int comma)
{
	printf("\"%s\":", key);
	if (v < 0)
		printf("null");
	else
		printf("%lld", v);
	if (comma)
		(void)putchar(',');
}

static void
print_reasons(const struct engine_state *st, int as_json)
{
	const struct fc_condition_info *ci;
	int c, first = 1;

	for (c = 0; c < FC_COND_COUNT; c++) {
		if (!((st->conditions >> c) & 1))
			continue;
		ci = fc_condition_info((enum fc_condition)c);
		if (as_json) {
			printf("%s{\"keyword\":", first ? "" : ",");
			json_str(ci->keyword);
			printf(",\"severity\":\"%s\",\"alert_code\":%d,"
			    "\"kind\":\"%s\"}", fc_severity_str(ci->severity),
			    ci->alert_code, fc_kind_str(ci->kind));
		} else {
			printf("%s%s-%s", first ? "" : " ", ci->keyword,
			    fc_severity_str(ci->severity));
		}
		first = 0;
	}
	if (first && !as_json)
		printf("none");
}

static void
print_json(const struct engine_state *st)
{
	int i;

	printf("{\"name\":");
	json_str(st->name);
	printf(",\"model\":");
	json_str(st->model);
	printf(",\"serial\":");
	json_str(st->serial);
	printf(",");
	json_num("toner_level", st->toner_level, 1);
	printf("\"toner_state\":\"%s\",", supply_word(st->toner_state));
	json_num("drum_life", st->drum_life, 1);
	printf("\"drum_state\":\"%s\",", drum_word(st->drum_state));
	json_num("drum_pages", st->drum_pages, 1);
	json_num("drum_rated_pages", st->drum_rated_pages, 1);
	printf("\"trays\":[");
	for (i = 0; i < st->ntrays; i++)
		printf("%s{\"number\":%u,\"state\":\"%s\"}", i ? "," : "",
		    st->trays[i].number, supply_word(st->trays[i].state));
	printf("],\"faults\":[");
	for (i = 0; i <= FAXENG_FAULT_MAX; i++) {
		if (st->faults > 0 && (st->faults >> i) & 1)
			printf("%s\"%s\"", (st->faults & ((1 << i) - 1)) ?
			    "," : "", fc_fault_str(i));
	}
	printf("],");
	printf("\"maintenance_due\":%s,", st->maintenance_due == 1 ? "true" :
	    "false");
	json_num("maintenance_pages", st->maintenance_pages, 1);
	json_num("maintenance_interval", st->maintenance_interval, 1);
	json_num("page_count", st->page_count, 1);
	json_num("toner_low_threshold", st->toner_low_threshold, 1);
	json_num("toner_hysteresis", st->toner_hysteresis, 1);
	json_num("drum_near_end_threshold", st->drum_near_end_threshold, 1);
	json_num("drum_hysteresis", st->drum_hysteresis, 1);
	json_num("seqnum", st->seqnum, 1);
	printf("\"reasons\":[");
	print_reasons(st, 1);
	printf("]}");
}

static void
print_human(const struct engine_state *st)
{
	int i, any = 0;

	printf("%s: %s, serial %s\n", st->name, st->model, st->serial);
	if (st->toner_level >= 0)
		printf("  toner        %s, %d%%\n", supply_word(st->toner_state),
		    st->toner_level);
	else
		printf("  toner        %s\n", supply_word(st->toner_state));
	for (i = 0; i < st->ntrays; i++)
		printf("  tray %-7u %s\n", st->trays[i].number,
		    supply_word(st->trays[i].state));
	printf("  drum         %s, %d%% life left (%lld of %lld pages)\n",
	    drum_word(st->drum_state), st->drum_life, st->drum_pages,
	    st->drum_rated_pages);
	printf("  faults       ");
	for (i = 0; i <= FAXENG_FAULT_MAX; i++) {
		if (st->faults > 0 && (st->faults >> i) & 1) {
			printf("%s%s", any ? ", " : "", fc_fault_str(i));
			any = 1;
		}
	}
	printf("%s\n", any ? "" : "none");
	printf("  maintenance  %s (%lld of %lld pages)\n",
	    st->maintenance_due == 1 ? "DUE" : "not due",
	    st->maintenance_pages, st->maintenance_interval);
	printf("  pages        %lld\n", st->page_count);
	printf("  reasons      ");
	print_reasons(st, 0);
	printf("\n  thresholds   toner low at %lld%% (hysteresis %lld), "
	    "drum near end at %lld%% (hysteresis %lld)\n",
	    st->toner_low_threshold, st->toner_hysteresis,
	    st->drum_near_end_threshold, st->drum_hysteresis);
}

struct status_ctx {
	int		 shown;
};

static void
show_state(void *arg, const struct engine_state *st, int is_event)
{
	struct status_ctx *ctx = arg;

	(void)is_event;
	if (json) {
		printf("%s", ctx->shown ? "," : "");
		print_json(st);
	} else {
		printf("%s", ctx->shown ? "\n" : "");
		print_human(st);
	}
	ctx->shown++;
}

static struct engine_nl *
open_nl(int events)
{
	struct engine_nl *nl = engine_open(events);

	if (nl == NULL) {
		(void)fprintf(stderr, "faxengctl: faxeng netlink: %s (is the "
		    "faxeng module loaded?)\n", engine_strerror());
		exit(1);
	}
	return nl;
}

/* Each named engine, in the order named (one GET each); else all (dump). */
static int
cmd_status(int argc, char **argv)
{
	struct status_ctx ctx = { 0 };
	struct engine_nl *nl;
	struct engine_state st;
	int i, id, ret = 0;

	for (i = 1; i < argc; i++)
		if (engine_id_of(argv[i]) < 0)
			usage();
	nl = open_nl(0);
	if (json)
		printf("{\"engines\":[");
	if (argc == 1 && engine_dump(nl, show_state, &ctx) == -1) {
		(void)fprintf(stderr, "faxengctl: dump: %s\n",
		    engine_strerror());
		ret = 1;
	}
	for (i = 1; i < argc; i++) {
		id = engine_id_of(argv[i]);
		if (engine_get(nl, (unsigned)id, &st) == 0) {
			show_state(&ctx, &st, 0);
			continue;
		}
		(void)fprintf(stderr, "faxengctl: %s: %s\n", argv[i],
		    errno == ENODEV ? "no such engine" : engine_strerror());
		ret = 1;
	}
	if (json)
		printf("]}\n");
	engine_close(nl);
	if (argc == 1 && ctx.shown == 0 && !json)
		printf("no fax engines\n");
	return ret;
}

static void
show_event(void *arg, const struct engine_state *st, int is_event)
{
	const struct fc_condition_info *ci;

	(void)arg;
	(void)is_event;
	ci = fc_condition_info((enum fc_condition)st->ev_condition);
	if (json) {
		printf("{\"event\":{\"name\":");
		json_str(st->name);
		printf(",\"seqnum\":%lld,\"keyword\":", st->seqnum);
		json_str(ci != NULL ? ci->keyword : "");
		printf(",\"active\":%s,\"tray\":%d},\"state\":",
		    st->ev_active == 1 ? "true" : "false", st->ev_tray);
		print_json(st);
		printf("}\n");
	} else {
		printf("%s #%lld %s %s (%s)", st->name, st->seqnum,
		    ci != NULL ? ci->keyword : "?",
		    st->ev_active == 1 ? "raised" : "cleared",
		    ci != NULL ? fc_severity_str(ci->severity) : "?");
		if (st->ev_tray > 0)
			printf(" tray %d", st->ev_tray);
		printf("; toner %s %d%%, drum %d%%, reasons: ",
		    supply_word(st->toner_state), st->toner_level,
		    st->drum_life);
		print_reasons(st, 0);
		printf("\n");
	}
	(void)fflush(stdout);
}

static int
cmd_watch(void)
{
	struct engine_nl *nl = open_nl(1);
	fd_set rd;
	int fd = engine_event_fd(nl);

	for (;;) {
		FD_ZERO(&rd);
		FD_SET(fd, &rd);
		if (select(fd + 1, &rd, NULL, NULL, NULL) == -1) {
			if (errno == EINTR)
				continue;
			perror("faxengctl: select");
			return 1;
		}
		if (engine_read_events(nl, show_event, NULL) == -1) {
			(void)fprintf(stderr, "faxengctl: %s\n",
			    engine_strerror());
			return 1;
		}
	}
}

/* faxengctl set's words for the knobs, and their netlink attributes. */
static const struct setting_key {
	const char	*key;
	int		 attr;
	size_t		 off;
} setting_keys[] = {
	{ "toner-low-threshold", FAXENG_A_TONER_LOW_THRESHOLD,
	    offsetof(struct engine_settings, toner_low_threshold) },
	{ "toner-hysteresis", FAXENG_A_TONER_HYSTERESIS,
	    offsetof(struct engine_settings, toner_hysteresis) },
	{ "drum-near-end-threshold", FAXENG_A_DRUM_NEAR_END_THRESHOLD,
	    offsetof(struct engine_settings, drum_near_end_threshold) },
	{ "drum-hysteresis", FAXENG_A_DRUM_HYSTERESIS,
	    offsetof(struct engine_settings, drum_hysteresis) },
	{ "drum-rated-pages", FAXENG_A_DRUM_RATED_PAGES,
	    offsetof(struct engine_settings, drum_rated_pages) },
	{ "maintenance-interval", FAXENG_A_MAINTENANCE_INTERVAL,
	    offsetof(struct engine_settings, maintenance_interval) },
	{ "the action", FAXENG_A_ACTION, 0 },
};
#define NKEYS (sizeof(setting_keys) / sizeof(setting_keys[0]))

static int
parse_setting(struct engine_settings *set, const char *arg)
{
	const char *eq = strchr(arg, '=');
	char *end;
	long long v;
	size_t i;

	if (strcmp(arg, "drum-reset") == 0) {
		set->action = FAXENG_ACTION_DRUM_RESET;
		return 0;
	}
	if (strcmp(arg, "maintenance-done") == 0) {
		set->action = FAXENG_ACTION_MAINTENANCE_DONE;
		return 0;
	}
	if (eq == NULL)
		return -1;
	for (i = 0; i < NKEYS - 1; i++) {
		if (strlen(setting_keys[i].key) != (size_t)(eq - arg) ||
		    strncmp(arg, setting_keys[i].key, (size_t)(eq - arg)) != 0)
			continue;
		errno = 0;
		v = strtoll(eq + 1, &end, 10);
		if (eq[1] == '\0' || *end || errno || v < 0 || v > UINT32_MAX)
			return -1;
		*(long long *)((char *)set + setting_keys[i].off) = v;
		return 0;
	}
	return -1;
}

/* Why the driver refused: its words, and the setting they are about. */
static void
print_set_error(const char *engine)
{
	int err = errno, attr = engine_error_attr();
	const char *key = NULL;
	size_t i;

	for (i = 0; i < NKEYS; i++)
		if (setting_keys[i].attr == attr)
			key = setting_keys[i].key;
	(void)fprintf(stderr, "faxengctl: set %s: %s%s%s%s\n", engine,
	    key != NULL ? key : "", key != NULL ? ": " : "",
	    engine_strerror(), err == EPERM ?
	    " (needs CAP_NET_ADMIN: run as root)" : "");
	if (err == EINVAL || err == ERANGE)
		(void)fprintf(stderr, "faxengctl: set %s: nothing was "
		    "changed\n", engine);
}

static int
cmd_set(int argc, char **argv)
{
	struct engine_settings set;
	struct engine_nl *nl;
	int id, i;

	if (argc < 3 || (id = engine_id_of(argv[1])) < 0)
		usage();
	engine_settings_init(&set);
	for (i = 2; i < argc; i++) {
		if (parse_setting(&set, argv[i]) == -1) {
			(void)fprintf(stderr, "faxengctl: set: bad setting "
			    "'%s'\n", argv[i]);
			return 2;
		}
	}
	nl = open_nl(0);
	if (engine_set(nl, (unsigned)id, &set) == -1) {
		print_set_error(argv[1]);
		engine_close(nl);
		return 1;
	}
	engine_close(nl);
	printf("%s: done\n", argv[1]);
	return 0;
}

static void
load_config(struct config *conf)
{
	int errors = config_load(conf_path, conf);

	if (errors == -1) {
		(void)fprintf(stderr, "faxengctl: %s: %s\n", conf_path,
		    strerror(errno));
		exit(1);
	}
	if (errors > 0) {
		(void)fprintf(stderr, "faxengctl: %s: %d error(s)\n",
		    conf_path, errors);
		exit(1);
	}
}

static void
list_entries(struct spool *sp, const char *engine, int failed, int *first)
{
	struct fc_report r;
	char **names, *text, path[SPOOL_NAME_MAX + 8], when[32];
	const char *what = failed ? "failed" : "queued";
	size_t n, i, len;
	time_t t;

	if (spool_list(sp, failed, &names, &n) == -1)
		return;
	for (i = 0; i < n; i++) {
		(void)snprintf(path, sizeof(path), "%s/%s",
		    failed ? "failed" : "queue", names[i]);
		text = spool_read_file(sp, path, &len);
		if (text == NULL || fc_report_parse_body(text, len, &r,
		    NULL) == -1) {
			fc_report_init(&r, FC_REPORT_NONE);
			r.timestamp = 0;
		}
		free(text);
		t = (time_t)r.timestamp;
		(void)strftime(when, sizeof(when), "%Y-%m-%dT%H:%M:%SZ",
		    gmtime(&t));
		if (json) {
			printf("%s{\"engine\":", *first ? "" : ",");
			json_str(engine);
			printf(",\"where\":\"%s\",\"file\":", what);
			json_str(names[i]);
			printf(",\"type\":");
			json_str(fc_report_type_str(r.type) ?
			    fc_report_type_str(r.type) : "unreadable");
			printf(",\"report_id\":");
			json_str(r.report_id);
			printf(",\"keyword\":");
			json_str(r.keyword);
			printf(",\"time\":\"%s\"}", when);
		} else {
			printf("%-8s %-7s %-12s %-20s %s %s\n", engine, what,
			    fc_report_type_str(r.type) ?
			    fc_report_type_str(r.type) : "unreadable",
			    r.keyword[0] ? r.keyword : "-", when,
			    r.report_id);
		}
		*first = 0;
	}
	spool_free_list(names, n);
}

static int
cmd_spool(int argc, char **argv)
{
	struct config conf;
	struct spool sp;
	struct dirent *de;
	char path[PATH_MAX * 2];
	DIR *d;
	int first = 1;

	load_config(&conf);
	if (json)
		printf("{\"entries\":[");
	else
		printf("%-8s %-7s %-12s %-20s %-20s %s\n", "ENGINE", "WHERE",
		    "TYPE", "CONDITION", "TIME", "REPORT");
	if ((d = opendir(conf.spool)) == NULL) {
		(void)fprintf(stderr, "faxengctl: %s: %s\n", conf.spool,
		    strerror(errno));
		return 1;
	}
	while ((de = readdir(d)) != NULL) {
		if (engine_id_of(de->d_name) < 0 ||
		    (argc > 1 && strcmp(argv[1], de->d_name) != 0))
			continue;
		(void)snprintf(path, sizeof(path), "%s/%s", conf.spool,
		    de->d_name);
		if (spool_open(&sp, path, 0) == -1)
			continue;
		list_entries(&sp, de->d_name, 0, &first);
		list_entries(&sp, de->d_name, 1, &first);
		spool_close(&sp);
	}
	(void)closedir(d);
	if (json)
		printf("]}\n");
	return 0;
}

/*
 * Run by root for a daemon that runs as its own user (systemd's User=, or
 * faxcared -u), who owns the engine's spool: the key may be that user's,
 * and the entry is written as that user, so the daemon can read it.
 */
static uid_t
spool_owner(const char *path)
{
	struct stat st;

	if (geteuid() != 0 || stat(path, &st) == -1)
		return 0;
	return st.st_uid;
}

static int
as_spool_owner(const char *path)
{
	struct stat st;

	if (spool_owner(path) == 0 || stat(path, &st) == -1)
		return 0;
	if (setgroups(1, &st.st_gid) == -1 || setgid(st.st_gid) == -1 ||
	    setuid(st.st_uid) == -1)
		return -1;
	return 0;
}

static int
cmd_test_mail(int argc, char **argv)
{
	struct config conf;
	struct engine_state st;
	struct engine_nl *nl;
	struct identity id;
	struct composer c;
	struct spool sp;
	struct terminal_key key;
	char path[PATH_MAX * 2], why[PATH_MAX + 256];
	char rid[FC_REPORT_ID_LEN + 1];
	int eid;

	if (argc != 2 || (eid = engine_id_of(argv[1])) < 0)
		usage();
	load_config(&conf);
	engine_state_init(&st);
	(void)snprintf(st.name, sizeof(st.name), "%s", argv[1]);
	/* Without the engine, the configured identity still makes a test. */
	if ((nl = engine_open(0)) == NULL ||
	    engine_get(nl, (unsigned)eid, &st) == -1) {
		(void)fprintf(stderr, "faxengctl: %s not readable (%s): the "
		    "test report carries the configured identity and no "
		    "levels\n", argv[1], engine_strerror());
		st.page_count = 0;
	}
	engine_close(nl);
	if (identity_make(&conf, &st, &id, why, sizeof(why)) == -1) {
		(void)fprintf(stderr, "faxengctl: %s\n", why);
		return 1;
	}
	(void)snprintf(path, sizeof(path), "%s/%s", conf.spool, argv[1]);
	if (terminal_key_open(&key, &conf, argv[1], spool_owner(path), why,
	    sizeof(why)) == -1) {
		(void)fprintf(stderr, "faxengctl: %s\n", why);
		return 1;
	}
	if ((mkdir(conf.spool, 0700) == -1 && errno != EEXIST) ||
	    as_spool_owner(path) == -1 || spool_open(&sp, path, 0) == -1) {
		(void)fprintf(stderr, "faxengctl: spool %s: %s\n", path,
		    strerror(errno));
		return 1;
	}
	c.id = &id;
	c.key = &key.key;
	c.spool = &sp;
	if (compose_meter(&c, &st, rid, why, sizeof(why)) == -1) {
		(void)fprintf(stderr, "faxengctl: %s\n", why);
		return 1;
	}
	terminal_key_close(&key);
	spool_close(&sp);
	printf("queued test report %s for %s in %s\n", rid, id.center, path);
	return 0;
}

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{ "json", no_argument, NULL, 'j' },
		{ "config", required_argument, NULL, 'c' },
		{ NULL, 0, NULL, 0 },
	};
	int ch;

	while ((ch = getopt_long(argc, argv, "+jc:", longopts, NULL)) != -1) {
		switch (ch) {
		case 'j': json = 1; break;
		case 'c': conf_path = optarg; break;
		default: usage();
		}
	}
	argc -= optind;
	argv += optind;
	if (argc < 1)
		usage();
	if (strcmp(argv[0], "status") == 0)
		return cmd_status(argc, argv);
	if (strcmp(argv[0], "watch") == 0 && argc == 1)
		return cmd_watch();
	if (strcmp(argv[0], "set") == 0)
		return cmd_set(argc, argv);
	if (strcmp(argv[0], "spool") == 0 && argc <= 2)
		return cmd_spool(argc, argv);
	if (strcmp(argv[0], "test-mail") == 0)
		return cmd_test_mail(argc, argv);
	usage();
}
