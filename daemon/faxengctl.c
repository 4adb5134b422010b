/* SPDX-License-Identifier: ISC */
/*
 * faxengctl: the technicians' view of the fax engines and of faxcared
 * (faxengctl(8)): status, live events, settings and service actions over
 * generic netlink; the daemon's spool; a test e-mail through the spool.
 */
#include <sys/stat.h>

#include <grp.h>
#include <pwd.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
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
#include "entry.h"
#include "identity.h"
#include "spool.h"
#include "terminal_key.h"

static int json;
static const char *conf_path = FAXCARED_CONF;

/*
 * The knobs by their sysfs names, with their netlink attributes; faxengctl
 * set spells them with dashes (dashed()).
 */
static const struct setting_key {
	const char	*key;
	int		 attr;
	size_t		 off;
} setting_keys[] = {
#define FAXENG_KNOB(name, NAME, min, max, def)	\
	{ #name, FAXENG_A_##NAME, offsetof(struct engine_settings, name) },
#include <linux/faxeng_props.h>
	{ "the action", FAXENG_A_ACTION, 0 },
};
#define NKEYS (sizeof(setting_keys) / sizeof(setting_keys[0]))

/* A knob's name as faxengctl set spells it: "toner-low-threshold". */
static const char *
dashed(const char *key)
{
	static char word[64];
	size_t i;

	for (i = 0; key[i] != '\0' && i < sizeof(word) - 1; i++)
		word[i] = key[i] == '_' ? '-' : key[i];
	word[i] = '\0';
	return word;
}

static void __attribute__((noreturn))
usage(void)
{
	size_t i;

	(void)fprintf(stderr,
	    "usage: faxengctl [-j] [-c file] command [args]\n"
	    "  status [faxengN...]         state of every engine (or those)\n"
	    "  watch                       live events, one line each\n"
	    "  set faxengN key=value|action...");
	for (i = 0; i < NKEYS - 1; i++)
		(void)fprintf(stderr, "%s%s=", i % 3 ? " " : "\n      ",
		    dashed(setting_keys[i].key));
	(void)fprintf(stderr, "\n"
	    "      drum-reset maintenance-done\n"
	    "  spool [faxengN]             faxcared's queued and failed mail\n"
	    "  spool requeue ID|--all [faxengN]\n"
	    "                              failed reports back into the queue\n"
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

/* The faults of @v in words, each in @quote, between @sep; how many. */
static int
print_faults(long long v, const char *sep, const char *quote)
{
	int i, n = 0;

	for (i = 0; i <= FAXENG_FAULT_MAX; i++) {
		if (v > 0 && (v >> i) & 1)
			printf("%s%s%s%s", n++ ? sep : "", quote,
			    fc_fault_str(i), quote);
	}
	return n;
}

/* How faxeng_props.h's show column becomes JSON. */
enum prop_show { SHOW_NUM, SHOW_LEVEL, SHOW_FLAG, SHOW_SUPPLY, SHOW_DRUM,
    SHOW_FAULTS };

static void
json_prop(const char *key, enum prop_show show, long long v)
{
	switch (show) {
	case SHOW_SUPPLY:
		printf("\"%s\":\"%s\",", key, supply_word((int)v));
		break;
	case SHOW_DRUM:
		printf("\"%s\":\"%s\",", key, drum_word((int)v));
		break;
	case SHOW_FLAG:
		printf("\"%s\":%s,", key, v == 1 ? "true" : "false");
		break;
	case SHOW_FAULTS:
		printf("\"%s\":[", key);
		(void)print_faults(v, ",", "\"");
		printf("],");
		break;
	default:
		json_num(key, v, 1);
	}
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
	printf(",\"trays\":[");
	for (i = 0; i < st->ntrays; i++)
		printf("%s{\"number\":%u,\"state\":\"%s\"}", i ? "," : "",
		    st->trays[i].number, supply_word(st->trays[i].state));
	printf("],");
#define FAXENG_PROP(name, NAME, nl, show, uevent)	\
	json_prop(#name, SHOW_##show, st->name);
#define FAXENG_KNOB(name, NAME, min, max, def)		\
	json_num(#name, st->name, 1);
#include <linux/faxeng_props.h>
	printf("\"reasons\":[");
	print_reasons(st, 1);
	printf("]}");
}

static void
print_human(const struct engine_state *st)
{
	int i;

	printf("%s: %s, serial %s\n", st->name, st->model, st->serial);
	if (st->toner_level >= 0)
		printf("  toner        %s, %lld%%\n", supply_word(st->toner_state),
		    st->toner_level);
	else
		printf("  toner        %s\n", supply_word(st->toner_state));
	for (i = 0; i < st->ntrays; i++)
		printf("  tray %-7u %s\n", st->trays[i].number,
		    supply_word(st->trays[i].state));
	printf("  drum         %s, %lld%% life left (%lld of %lld pages)\n",
	    drum_word(st->drum_state), st->drum_life, st->drum_pages,
	    st->drum_rated_pages);
	printf("  faults       ");
	printf("%s\n", print_faults(st->faults, ", ", "") ? "" : "none");
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
		printf("; toner %s %lld%%, drum %lld%%, reasons: ",
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

static int
parse_setting(struct engine_settings *set, const char *arg)
{
	const char *eq = strchr(arg, '='), *key;
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
		key = dashed(setting_keys[i].key);
		if (strlen(key) != (size_t)(eq - arg) ||
		    strncmp(arg, key, (size_t)(eq - arg)) != 0)
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
			key = dashed(setting_keys[i].key);
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

/* What faxengctl spool counts per engine. */
struct spool_count {
	unsigned	 queued, failed, too_old, bad;
};

struct show {
	const struct fc_key *key;	/* the engine's; NULL: unchecked */
	int		 first;
};

static void
list_entries(struct spool *sp, const char *engine, int failed,
    struct show *sh, struct spool_count *cnt)
{
	struct entry e;
	const char *what = failed ? "failed" : "queued", *type;
	char **names, when[32];
	size_t n, i;
	time_t t;

	if (spool_list(sp, failed, &names, &n) == -1)
		return;
	for (i = 0; i < n; i++) {
		/* As the daemon judges it (the signature if the key reads). */
		if (entry_judge(sp, failed, names[i], sh->key, time(NULL),
		    &e) == -1 || e.verdict == ENTRY_GONE)
			continue;
		if (e.fd != -1)
			(void)close(e.fd);
		*(failed ? &cnt->failed : &cnt->queued) += 1;
		cnt->too_old += e.verdict == ENTRY_TOO_OLD;
		cnt->bad += e.verdict == ENTRY_BAD;
		type = fc_report_type_str(e.r.type) ?
		    fc_report_type_str(e.r.type) : "unreadable";
		t = (time_t)(e.verdict == ENTRY_BAD ? 0 : e.r.timestamp);
		(void)strftime(when, sizeof(when), "%Y-%m-%dT%H:%M:%SZ",
		    gmtime(&t));
		if (json) {
			printf("%s{\"engine\":", sh->first ? "" : ",");
			json_str(engine);
			printf(",\"where\":\"%s\",\"file\":", what);
			json_str(names[i]);
			printf(",\"type\":");
			json_str(type);
			printf(",\"report_id\":");
			json_str(e.r.report_id);
			printf(",\"keyword\":");
			json_str(e.r.keyword);
			printf(",\"time\":\"%s\",\"verdict\":\"%s\",\"why\":",
			    when, entry_verdict_str(e.verdict));
			json_str(e.verdict == ENTRY_OK ? "" : e.why);
			printf("}");
		} else {
			printf("%-8s %-7s %-12s %-20s %s %s\n", engine, what,
			    type, e.r.keyword[0] ? e.r.keyword : "-", when,
			    e.r.report_id);
		}
		sh->first = 0;
	}
	spool_free_list(names, n);
}

/* The engine's line under its entries, when it has any. */
static void
print_count(const char *engine, const struct spool_count *c)
{
	if (json || c->queued + c->failed == 0)
		return;
	printf("%s: %u queued, %u failed", engine, c->queued, c->failed);
	if (c->too_old + c->bad > 0)
		printf(" (%u too old for the center, %u unreadable or not a "
		    "report)", c->too_old, c->bad);
	printf("\n");
}

/*
 * Calls fn for each engine's spool under conf's, or only engine's, with
 * that engine's key (key-file may name one per engine), or NULL when it
 * cannot be read: then signatures go unchecked.
 */
static int
each_spool(const struct config *conf, const char *engine,
    void (*fn)(void *, struct spool *, const char *, const struct fc_key *),
    void *arg)
{
	struct dirent *de;
	struct spool sp;
	struct fc_key key;
	char path[PATH_MAX * 2], kpath[PATH_MAX];
	int have_key;
	DIR *d;

	if ((d = opendir(conf->spool)) == NULL) {
		(void)fprintf(stderr, "faxengctl: %s: %s\n", conf->spool,
		    strerror(errno));
		return -1;
	}
	while ((de = readdir(d)) != NULL) {
		if (engine_id_of(de->d_name) < 0 ||
		    (engine != NULL && strcmp(engine, de->d_name) != 0))
			continue;
		(void)snprintf(path, sizeof(path), "%s/%s", conf->spool,
		    de->d_name);
		if (spool_open(&sp, path, 0) == -1) {
			(void)fprintf(stderr, "faxengctl: %s: %s\n", path,
			    strerror(errno));
			continue;
		}
		have_key = config_key_path(conf, de->d_name, kpath,
		    sizeof(kpath)) == 0 &&
		    fc_key_load_file(kpath, &key, NULL) == 0;
		fn(arg, &sp, de->d_name, have_key ? &key : NULL);
		if (have_key)
			fc_key_wipe(&key);
		spool_close(&sp);
	}
	(void)closedir(d);
	return 0;
}

static void
show_spool(void *arg, struct spool *sp, const char *engine,
    const struct fc_key *key)
{
	struct spool_count cnt = { 0 };
	struct show *sh = arg;

	sh->key = key;
	list_entries(sp, engine, 0, arg, &cnt);
	list_entries(sp, engine, 1, arg, &cnt);
	print_count(engine, &cnt);
}

struct requeue {
	const char	*what;		/* a report id, a file name, or NULL */
	unsigned	 done, refused;
};

/*
 * An entry root gives back goes to the spool's owner (the daemon's user):
 * faxengctl run by root once queued files only root could read.
 */
static void
give_to_owner(struct spool *sp, const char *name)
{
	struct stat dir, st;

	if (geteuid() != 0 || fstat(sp->dirfd, &dir) == -1 ||
	    fstatat(sp->failedfd, name, &st, AT_SYMLINK_NOFOLLOW) == -1 ||
	    !S_ISREG(st.st_mode) || st.st_uid == dir.st_uid)
		return;
	if (fchownat(sp->failedfd, name, dir.st_uid, dir.st_gid,
	    AT_SYMLINK_NOFOLLOW) == -1)
		(void)fprintf(stderr, "faxengctl: %s/failed/%s: chown: %s\n",
		    sp->path, name, strerror(errno));
}

static void
requeue_spool(void *arg, struct spool *sp, const char *engine,
    const struct fc_key *key)
{
	struct requeue *rq = arg;
	struct entry e;
	char **names;
	size_t n, i;

	if (spool_list(sp, 1, &names, &n) == -1)
		return;
	for (i = 0; i < n; i++) {
		if (rq->what != NULL && strstr(names[i], rq->what) == NULL)
			continue;
		give_to_owner(sp, names[i]);
		if (entry_judge(sp, 1, names[i], key, time(NULL),
		    &e) == -1 || e.verdict == ENTRY_GONE)
			continue;
		if (e.fd != -1)
			(void)close(e.fd);
		if (e.verdict != ENTRY_OK) {
			(void)fprintf(stderr, "faxengctl: %s: %s: not "
			    "requeued: %s\n", engine, names[i], e.why);
			rq->refused++;
		} else if (spool_requeue(sp, names[i]) == -1) {
			(void)fprintf(stderr, "faxengctl: %s: %s: %s\n",
			    engine, names[i], strerror(errno));
			rq->refused++;
		} else {
			printf("%s: requeued %s report %s\n", engine,
			    fc_report_type_str(e.r.type), e.r.report_id);
			rq->done++;
		}
	}
	spool_free_list(names, n);
}

/* faxengctl spool requeue ID|--all [faxengN]: failed reports back. */
static int
cmd_requeue(const struct config *conf, int argc, char **argv)
{
	struct requeue rq = { 0 };

	if (argc < 3 || argc > 4 || (argc == 4 && engine_id_of(argv[3]) < 0))
		usage();
	if (strcmp(argv[2], "--all") != 0) {
		/* A report id (as faxengctl spool shows it) or a file name. */
		if (strlen(argv[2]) < 8 || strchr(argv[2], '/') != NULL)
			usage();
		rq.what = argv[2];
	}
	if (each_spool(conf, argc == 4 ? argv[3] : NULL, requeue_spool,
	    &rq) == -1)
		return 1;
	if (rq.done + rq.refused == 0) {
		(void)fprintf(stderr, "faxengctl: no failed report %s\n",
		    rq.what != NULL ? rq.what : "to requeue");
		return 1;
	}
	return rq.refused > 0 ? 1 : 0;
}

static int
cmd_spool(int argc, char **argv)
{
	struct show sh = { .first = 1 };
	struct config conf;
	int ret;

	load_config(&conf);
	if (argc >= 2 && strcmp(argv[1], "requeue") == 0)
		return cmd_requeue(&conf, argc, argv);
	if (argc > 2 || (argc == 2 && engine_id_of(argv[1]) < 0))
		usage();
	if (json)
		printf("{\"entries\":[");
	else
		printf("%-8s %-7s %-12s %-20s %-20s %s\n", "ENGINE", "WHERE",
		    "TYPE", "CONDITION", "TIME", "REPORT");
	ret = each_spool(&conf, argc == 2 ? argv[1] : NULL, show_spool, &sh);
	if (ret == -1)
		return 1;
	if (json)
		printf("]}\n");
	return 0;
}

/*
 * The daemon must read what is queued: faxengctl writes as the spool's
 * owner (the daemon's user: systemd's User=, or faxcared -u). Root reads
 * the key first (root's or that user's, as the daemon takes it), then
 * becomes that user for the write; another user is refused.
 */
static uid_t
spool_owner(const char *spool, const char *path)
{
	struct stat st;

	if (stat(path, &st) == -1 && stat(spool, &st) == -1)
		return 0;
	return st.st_uid;
}

static int
become_spool_owner(const char *spool, const char *path)
{
	struct passwd *pw;
	struct stat st;

	if (stat(path, &st) == -1 && stat(spool, &st) == -1)
		return errno == ENOENT ? 0 : -1;
	if (st.st_uid == geteuid())
		return 0;
	pw = getpwuid(st.st_uid);
	if (geteuid() != 0) {
		(void)fprintf(stderr, "faxengctl: %s belongs to %s (uid %u), "
		    "the daemon's user: it could not read a report queued by "
		    "uid %u; run faxengctl as %s or root\n", path,
		    pw != NULL ? pw->pw_name : "another user",
		    (unsigned)st.st_uid, (unsigned)geteuid(),
		    pw != NULL ? pw->pw_name : "that user");
		errno = EPERM;
		return -1;
	}
	if (setgroups(1, &st.st_gid) == -1 || setgid(st.st_gid) == -1 ||
	    setuid(st.st_uid) == -1) {
		(void)fprintf(stderr, "faxengctl: becoming uid %u: %s\n",
		    (unsigned)st.st_uid, strerror(errno));
		return -1;
	}
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
	/* Another user is refused before the key; root becomes the owner after. */
	if (geteuid() != 0 && become_spool_owner(conf.spool, path) == -1)
		return 1;
	if (terminal_key_open(&key, &conf, argv[1], geteuid() == 0 ?
	    spool_owner(conf.spool, path) : 0, why, sizeof(why)) == -1) {
		(void)fprintf(stderr, "faxengctl: %s\n", why);
		return 1;
	}
	if ((mkdir(conf.spool, 0700) == -1 && errno != EEXIST) ||
	    become_spool_owner(conf.spool, path) == -1 ||
	    spool_open(&sp, path, 0) == -1) {
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
	if (strcmp(argv[0], "spool") == 0)
		return cmd_spool(argc, argv);
	if (strcmp(argv[0], "test-mail") == 0)
		return cmd_test_mail(argc, argv);
	usage();
}
