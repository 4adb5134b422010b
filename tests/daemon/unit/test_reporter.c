/* SPDX-License-Identifier: ISC */
/*
 * From engine states to signed e-mails in the spool, with a fake clock:
 * identity, one status report per condition, the completion naming it,
 * the registration, what a restart remembers and what a crash repairs, and
 * states that arrive out of order (events and GET replies crossing).
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include <faxcare/message.h>
#include <faxcare/signature.h>

#include "repair.h"
#include "reporter.h"
#include "tap.h"

#define S	1000LL

static struct spool sp;

/* The queue's reports, parsed and verified; returns how many. */
static int
queued(struct fc_report *out, int max, const struct fc_key *key,
    int *verified)
{
	char **names, *text, path[SPOOL_NAME_MAX + 8];
	size_t n, i, len;
	int got = 0;

	*verified = 1;
	if (spool_list(&sp, 0, &names, &n) == -1)
		return -1;
	for (i = 0; i < n && got < max; i++) {
		(void)snprintf(path, sizeof(path), "queue/%s", names[i]);
		text = spool_read_file(&sp, path, &len);
		if (text == NULL || fc_report_parse_body(text, len, &out[got],
		    NULL) == -1 || fc_report_verify(&out[got], key, NULL) == -1)
			*verified = 0;
		if (text != NULL && (strstr(text, "\r\n") == NULL ||
		    strstr(text, "Message-ID: <") == NULL))
			*verified = 0;
		free(text);
		got++;
	}
	spool_free_list(names, n);
	return got;
}

static void
empty_queue(void)
{
	char **names;
	size_t n, i;

	if (spool_list(&sp, 0, &names, &n) == -1)
		return;
	for (i = 0; i < n; i++)
		(void)spool_done(&sp, names[i]);
	spool_free_list(names, n);
}

static void
engine(struct engine_state *st, int toner, uint64_t conds)
{
	engine_state_init(st);
	(void)snprintf(st->name, sizeof(st->name), "faxeng0");
	(void)snprintf(st->model, sizeof(st->model), "FX-SIM 100");
	(void)snprintf(st->serial, sizeof(st->serial), "SIM0000");
	st->toner_level = toner;
	st->toner_state = toner <= 10 ? FAXENG_SUPPLY_LOW : FAXENG_SUPPLY_OK;
	st->drum_life = 90;
	st->drum_state = FAXENG_DRUM_OK;
	st->page_count = 1234;
	st->ntrays = 1;
	st->trays[0].number = 1;
	st->trays[0].state = FAXENG_SUPPLY_OK;
	st->conditions = conds;
}

/*
 * The engine's state #seqnum (an event of ev, or a GET reply if ev is
 * FC_COND_NONE) at time at; the reports queued once the hold has passed.
 */
static int
feed(struct reporter *rp, struct fc_report *r, const struct fc_key *key,
    uint64_t conds, long long seqnum, int ev, int64_t at)
{
	struct engine_state st;
	int good;

	engine(&st, 5, conds);
	st.seqnum = seqnum;
	st.ev_condition = ev;
	st.ev_active = ev >= 0 ? (int)((conds >> ev) & 1) : -1;
	(void)reporter_observe(rp, &st, at);
	(void)reporter_step(rp, at + 19 * S);
	return queued(r, 8, key, &good);
}

/* Whether state_parse() takes text. */
static int
parses(const char *text, const struct damping *d)
{
	struct saved_state s;
	struct tracker tr;

	tracker_init(&tr, d);
	return state_parse(text, &s, &tr) == 0;
}

/*
 * A restart on the state file text, with the registration it names:
 * how many e-mails the reporter queues (a fresh start re-registers).
 */
static int
restart_on(const char *meter, struct reporter *rp, const struct config *conf,
    const struct fc_key *key, const struct engine_state *st)
{
	char text[256], fp[IDENTITY_FP_LEN + 1];
	struct fc_report r[8];
	int good, n;

	memcpy(fp, rp->saved.registration, sizeof(fp));
	n = snprintf(text, sizeof(text),
	    "faxcared-state 1\nregistration %s\nmeter %s\n", fp, meter);
	empty_queue();
	if (n < 0 || spool_replace_file(&sp, STATE_FILE, text, (size_t)n) == -1 ||
	    reporter_init(rp, conf, key, &sp, st) == -1 ||
	    reporter_register(rp) == -1)
		return -1;
	return queued(r, 8, key, &good);
}

/*
 * The state file's times are wall time with the boot and offset they were
 * saved with: the same boot gets the daemon-clock deadline back exactly,
 * however the wall clock moved since; another boot goes by the wall clock.
 */
static void
saved_times(struct config *conf, const struct fc_key *key,
    struct engine_state *st)
{
	char text[512], boot[CLOCK_BOOT_ID_LEN + 1];
	struct reporter rp;
	int64_t when[2] = { -1, -1 };
	int n, i;

	clock_boot_id(boot);
	conf->damping.reminder = REMIND_INTERVAL;
	conf->meter_ms = 0;
	engine(st, 5, 1ULL << FC_COND_JAM);
	empty_queue();
	for (i = 0; i < 2; i++) {
		n = snprintf(text, sizeof(text), "faxcared-state 1\n"
		    "registration -\nmeter 0\nclock %s 1000000\nopen media-jam "
		    "0123456789abcdef0123456789abcdef 5000000 9000000 1 -1\n",
		    i == 0 ? boot : "00000000-0000-0000-0000-000000000000");
		if (n < 0 || spool_replace_file(&sp, STATE_FILE, text,
		    (size_t)n) == -1 || reporter_init(&rp, conf, key, &sp,
		    st) == -1)
			break;
		when[i] = reporter_deadline(&rp);
	}
	is_int(when[0], 8000000,
	    "same boot: the reminder is due at its daemon-clock time");
	ok(llabs(when[1] - (9000000 - clock_wall_offset_ms())) < 10 * S,
	    "another boot: the reminder is due at its wall time");
	conf->damping.reminder = REMIND_ONCE;
	(void)unlinkat(sp.dirfd, STATE_FILE, 0);
	empty_queue();
}

/*
 * A spool that cannot be written (its tmp/ swapped for /proc, where nothing
 * is created): the deadline backs off instead of staying in the past, the
 * meter report too; once it can be written, the report is queued once.
 */
static void
backoff(struct config *conf, const struct fc_key *key,
    struct engine_state *st, int64_t t)
{
	struct reporter rp;
	struct fc_report r[8];
	int64_t d1, d2, d3;
	int good, tmpfd = sp.tmpfd, procfd;

	empty_queue();
	conf->meter_ms = 0;
	conf->damping.reminder = REMIND_ONCE;
	conf->retry_min_ms = 2 * S;
	conf->retry_max_ms = 5 * S;
	engine(st, 50, 0);
	if (reporter_init(&rp, conf, key, &sp, st) == -1 ||
	    reporter_register(&rp) == -1 ||
	    (procfd = open("/proc", O_RDONLY | O_DIRECTORY)) == -1) {
		ok(0, "backoff: set up");
		return;
	}
	empty_queue();
	sp.tmpfd = procfd;
	engine(st, 5, 1ULL << FC_COND_JAM);
	(void)reporter_observe(&rp, st, t);
	(void)reporter_step(&rp, t + 10 * S);
	d1 = reporter_deadline(&rp);
	is_int(d1, t + 12 * S, "unwritable spool: the next try after retry-min");
	(void)reporter_step(&rp, t + 11 * S);
	is_int(reporter_deadline(&rp), d1, "a step before it changes nothing");
	(void)reporter_step(&rp, d1);
	d2 = reporter_deadline(&rp);
	is_int(d2, d1 + 4 * S, "failed again: the backoff doubles");
	(void)reporter_step(&rp, d2);
	d3 = reporter_deadline(&rp);
	is_int(d3, d2 + 5 * S, "and stops at retry-max");
	conf->meter_ms = 1 * S;
	(void)reporter_step(&rp, d3);
	(void)reporter_step(&rp, d3 + 1);
	ok(reporter_deadline(&rp) > d3 + 1,
	    "a failing meter report also leaves the deadline ahead");
	conf->meter_ms = 0;
	is_int(queued(r, 8, key, &good), 0, "nothing queued meanwhile");
	sp.tmpfd = tmpfd;
	(void)close(procfd);
	(void)reporter_step(&rp, reporter_deadline(&rp));
	ok(queued(r, 8, key, &good) == 1 && r[0].type == FC_REPORT_STATUS &&
	    strcmp(r[0].keyword, "media-jam") == 0,
	    "writable again: the jam report is queued once");
	is_int(reporter_deadline(&rp), TRACK_NEVER, "and nothing is due");
	empty_queue();
	engine(st, 50, 0);
	(void)reporter_observe(&rp, st, t + 100 * S);
	(void)reporter_step(&rp, t + 120 * S);
	empty_queue();
}

/*
 * The status and its completion both queued (the relay down), their names
 * in the other order (as wall-clock names were after the clock was set
 * back): a restart changes nothing and sends no second completion.
 */
static void
repair_by_content(struct config *conf, const struct fc_key *key,
    struct engine_state *st, int64_t t)
{
	struct reporter rp;
	struct fc_report r[8];
	struct tracker tr;
	char **names, later[SPOOL_NAME_MAX + 8], what[64];
	size_t n;
	int good, completions, i;

	empty_queue();
	engine(st, 50, 0);
	(void)reporter_init(&rp, conf, key, &sp, st);
	(void)reporter_register(&rp);
	empty_queue();
	engine(st, 5, 1ULL << FC_COND_DOOR_OPEN);
	(void)reporter_observe(&rp, st, t);
	(void)reporter_step(&rp, t + 10 * S);
	engine(st, 50, 0);
	(void)reporter_observe(&rp, st, t + 20 * S);
	(void)reporter_step(&rp, t + 30 * S);
	if (spool_list(&sp, 0, &names, &n) == -1 || n != 2) {
		ok(0, "repair: a status and a completion queued");
		return;
	}
	(void)snprintf(later, sizeof(later), "zz-%s", names[0]);
	ok(renameat(sp.queuefd, names[0], sp.queuefd, later) == 0,
	    "the status now sorts after its completion");
	spool_free_list(names, n);
	tr = rp.tracker;
	is_int(repair_from_queue(&sp, &tr, 0, what, sizeof(what)), 0,
	    "the queue agrees with the state: nothing to repair (no line)");
	(void)reporter_init(&rp, conf, key, &sp, st);
	(void)reporter_register(&rp);
	(void)reporter_observe(&rp, st, t + 40 * S);
	(void)reporter_step(&rp, t + 60 * S);
	n = (size_t)queued(r, 8, key, &good);
	for (i = 0, completions = 0; i < (int)n; i++)
		completions += r[i].type == FC_REPORT_COMPLETION;
	is_int(completions, 1, "after a restart: still one completion");
	empty_queue();
}

int
main(void)
{
	char dir[] = "/tmp/faxcare-reporter-test.XXXXXX", cmd[128];
	char first_id[FC_REPORT_ID_LEN + 1];
	struct config conf;
	struct engine_state st;
	struct reporter rp;
	struct fc_report r[8];
	struct fc_key key;
	int64_t t = 1700000000 * S;
	int n, good;
	uint64_t low = 1ULL << FC_COND_TONER_LOW;
	uint64_t door = 1ULL << FC_COND_DOOR_OPEN;

	if (mkdtemp(dir) == NULL || spool_open(&sp, dir, 1) == -1)
		return 1;
	config_defaults(&conf);
	(void)snprintf(conf.manager, sizeof(conf.manager), "boss@example.com");
	(void)snprintf(conf.center, sizeof(conf.center), "center@example.net");
	conf.damping.hold_ms = 10 * S;
	conf.damping.clear_hold_ms = 10 * S;
	conf.damping.reminder = REMIND_ONCE;
	if (fc_key_generate(&key, NULL) == -1)
		return 1;

	engine(&st, 50, 0);
	ok(reporter_init(&rp, &conf, &key, &sp, &st) == 0, "reporter starts");
	ok(reporter_register(&rp) == 0, "registers");
	is_str(rp.id.terminal_id, "FX-SIM-100-SIM0000",
	    "terminal id derived from model and serial");
	is_str(rp.id.sender, "faxcare-FX-SIM-100-SIM0000@example.com",
	    "default sender in the manager's domain");
	n = queued(r, 8, &key, &good);
	ok(n == 1 && r[0].type == FC_REPORT_REGISTRATION,
	    "first start: one registration e-mail");
	ok(good, "signed, CRLF, with a Message-ID");
	ok(n == 1 && strcmp(r[0].manager, "boss@example.com") == 0 &&
	    strcmp(r[0].serial, "SIM0000") == 0, "it names manager and serial");
	empty_queue();
	ok(reporter_register(&rp) == 0 && queued(r, 8, &key, &good) == 0,
	    "unchanged registration: no second e-mail");

	engine(&st, 8, low);
	(void)reporter_observe(&rp, &st, t);
	is_int(queued(r, 8, &key, &good), 0, "nothing during the hold time");
	is_int(reporter_deadline(&rp), t + 10 * S, "deadline at the hold");
	(void)reporter_step(&rp, t + 10 * S);
	n = queued(r, 8, &key, &good);
	ok(n == 1 && r[0].type == FC_REPORT_STATUS &&
	    strcmp(r[0].keyword, "toner-low") == 0,
	    "one toner-low status e-mail after the hold");
	ok(good, "signature verifies");
	ok(n == 1 && r[0].severity == FC_SEVERITY_WARNING &&
	    r[0].toner_level == 8 && r[0].page_count == 1234 &&
	    r[0].alert_code == 1104, "severity, level, counter, alert code");
	memcpy(first_id, r[0].report_id, sizeof(first_id));
	ok(reporter_take_spooled(&rp) == 1, "the sender is to be told");
	empty_queue();

	/* Restart: the open condition is remembered, not reported again. */
	ok(reporter_init(&rp, &conf, &key, &sp, &st) == 0 &&
	    reporter_register(&rp) == 0, "restart");
	(void)reporter_observe(&rp, &st, t + 20 * S);
	(void)reporter_step(&rp, t + 40 * S);
	is_int(queued(r, 8, &key, &good), 0,
	    "after a restart the open condition is not reported again");

	/* The refill. */
	engine(&st, 100, 0);
	(void)reporter_observe(&rp, &st, t + 50 * S);
	(void)reporter_step(&rp, t + 60 * S);
	n = queued(r, 8, &key, &good);
	ok(n == 1 && r[0].type == FC_REPORT_COMPLETION &&
	    strcmp(r[0].completes, first_id) == 0,
	    "one completion naming the status report");
	ok(good, "completion signature verifies");
	empty_queue();

	/* Crash between spool and state: the queue repairs the state. */
	engine(&st, 5, low);
	(void)reporter_observe(&rp, &st, t + 100 * S);
	(void)reporter_step(&rp, t + 110 * S);
	n = queued(r, 8, &key, &good);
	ok(n == 1, "a new shortage spooled");
	(void)unlinkat(sp.dirfd, STATE_FILE, 0);	/* the lost save */
	ok(reporter_init(&rp, &conf, &key, &sp, &st) == 0,
	    "restart after the crash");
	(void)reporter_observe(&rp, &st, t + 120 * S);
	(void)reporter_step(&rp, t + 140 * S);
	n = queued(r, 8, &key, &good);
	/* The registration is re-sent (its record was lost too): harmless. */
	ok(n >= 1 && r[0].type == FC_REPORT_STATUS &&
	    (n == 1 || r[1].type != FC_REPORT_STATUS),
	    "the queued report is adopted, not duplicated");

	/* A changed manager: a new registration. */
	empty_queue();
	(void)reporter_register(&rp);
	empty_queue();
	(void)snprintf(conf.manager, sizeof(conf.manager), "new@example.com");
	ok(reporter_register(&rp) == 0, "re-register");
	n = queued(r, 8, &key, &good);
	ok(n == 1 && r[0].type == FC_REPORT_REGISTRATION &&
	    strcmp(r[0].manager, "new@example.com") == 0,
	    "a changed manager sends a new registration");

	/*
	 * Out of order: a GET reply older than an event already applied must
	 * not undo it; a late event must not undo a newer GET reply.
	 */
	empty_queue();
	n = feed(&rp, r, &key, low | door, 20, FC_COND_DOOR_OPEN, t + 300 * S);
	ok(n == 1 && strcmp(r[0].keyword, "door-open") == 0,
	    "event #20: one door-open status e-mail");
	empty_queue();
	is_int(feed(&rp, r, &key, low, 19, FC_COND_NONE, t + 320 * S), 0,
	    "a GET reply older than the event (#19) completes nothing");
	n = feed(&rp, r, &key, low, 20, FC_COND_NONE, t + 340 * S);
	ok(n == 1 && r[0].type == FC_REPORT_COMPLETION &&
	    strcmp(r[0].keyword, "door-open") == 0,
	    "a GET reply of the event's seqnum is newer: the door closed");
	empty_queue();
	is_int(feed(&rp, r, &key, low | door, 20, FC_COND_DOOR_OPEN,
	    t + 360 * S), 0, "event #20 arriving after that reply reopens nothing");
	n = feed(&rp, r, &key, low | door, 21, FC_COND_DOOR_OPEN, t + 362 * S);
	ok(n == 1 && r[0].type == FC_REPORT_STATUS &&
	    strcmp(r[0].keyword, "door-open") == 0,
	    "event #21, above the reply's #20: applied (the door opened again)");
	empty_queue();
	is_int(feed(&rp, r, &key, low, 21, FC_COND_DOOR_OPEN, t + 364 * S), 0,
	    "a second event #21 is not above the one applied: ignored");
	n = feed(&rp, r, &key, low, 21, FC_COND_NONE, t + 366 * S);
	ok(n == 1 && r[0].type == FC_REPORT_COMPLETION,
	    "a GET reply #21 after event #21 is no older: applied");
	empty_queue();
	reporter_engine_added(&rp);
	n = feed(&rp, r, &key, low | door, 0, FC_COND_NONE, t + 380 * S);
	ok(n == 1 && r[0].type == FC_REPORT_STATUS &&
	    strcmp(r[0].keyword, "door-open") == 0,
	    "a re-added engine's state #0 is taken");
	(void)feed(&rp, r, &key, low, 1, FC_COND_NONE, t + 400 * S);

	/* Meter reports. */
	empty_queue();
	conf.meter_ms = 3600 * S;
	(void)reporter_step(&rp, t + 200 * S);
	is_int(queued(r, 8, &key, &good), 0, "no meter report at once");
	(void)reporter_step(&rp, t + 200 * S + 3600 * S);
	n = queued(r, 8, &key, &good);
	ok(n == 1 && r[0].type == FC_REPORT_METER && r[0].page_count == 1234,
	    "a meter report after the period, with the page counter");

	/* The state file read back: numbers that overflow or are garbled. */
	ok(parses("faxcared-state 1\nmeter 9223372036854775807\n"
	    "open toner-low 0123456789abcdef0123456789abcdef 5 "
	    "9223372036854775807 4294967295 -1\n", &conf.damping),
	    "state: the largest values read back");
	ok(!parses("faxcared-state 1\nmeter 9223372036854775808\n",
	    &conf.damping), "state: a meter time past 64 bits is refused");
	ok(!parses("faxcared-state 1\nopen toner-low "
	    "0123456789abcdef0123456789abcdef 99999999999999999999 0 0 -1\n",
	    &conf.damping), "state: an open time past 64 bits is refused");
	ok(!parses("faxcared-state 1\nopen toner-low "
	    "0123456789abcdef0123456789abcdef 5 0 4294967296 -1\n",
	    &conf.damping), "state: a reminder count past unsigned is refused");
	ok(!parses("faxcared-state 1\nopen toner-low "
	    "0123456789abcdef0123456789abcdef 5 0 -1 -1\n",
	    &conf.damping), "state: a negative reminder count is refused");
	ok(!parses("faxcared-state 1\nmeter 12x4\n", &conf.damping),
	    "state: a garbled number is refused");
	ok(!parses("faxcared-state 1\nmeter 12 34\n", &conf.damping),
	    "state: trailing characters are refused");
	ok(!parses("faxcared-state 1\nmeter \n", &conf.damping),
	    "state: a missing number is refused");
	ok(!parses("faxcared-state 1\nmeter 12", &conf.damping),
	    "state: a truncated file is refused");
	is_int(restart_on("0", &rp, &conf, &key, &st), 0,
	    "a restart on a good state file remembers the registration");
	is_int(restart_on("99999999999999999999", &rp, &conf, &key, &st), 1,
	    "a restart on a corrupt state file starts afresh: it registers");

	saved_times(&conf, &key, &st);
	backoff(&conf, &key, &st, t + 1000 * S);
	repair_by_content(&conf, &key, &st, t + 2000 * S);

	spool_close(&sp);
	(void)snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	ok(system(cmd) == 0, "cleanup");
	return done_testing();
}
