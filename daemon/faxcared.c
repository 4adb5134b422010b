/* SPDX-License-Identifier: ISC */
/*
 * faxcared: the terminal daemon for one fax engine (faxcared(8)).
 *
 * One thread, one epoll loop. Wake-ups come only from the kernel (netlink
 * events, udev events), the spool (inotify: faxengctl queued a message), the
 * sender child exiting (pidfd), signals (signalfd) and one timerfd armed for
 * the earliest real deadline (a hold time, a reminder, a meter report, a
 * retry). Idle, it sleeps in epoll_wait() without a timeout. Deadlines are
 * on CLOCK_BOOTTIME (clock.h): setting the date moves none of them.
 */
#include <sys/epoll.h>
#include <sys/file.h>
#include <sys/inotify.h>
#include <sys/signalfd.h>
#include <sys/stat.h>
#include <sys/timerfd.h>
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <faxcare/key.h>

#include "clock.h"
#include "config.h"
#include "engine.h"
#include "log.h"
#include "monitor.h"
#include "privdrop.h"
#include "reporter.h"
#include "sender.h"
#include "spool.h"
#include "terminal_key.h"

enum source { SRC_SIGNAL, SRC_TIMER, SRC_NETLINK, SRC_UDEV, SRC_SPOOL,
    SRC_SENDER };

struct daemon {
	const char		*conf_path;
	struct config		 conf;
	char			 engine[32];
	unsigned		 engine_id;
	struct terminal_key	 key;
	struct spool		 spool;
	struct reporter		 rp;
	struct batch		 batch;		/* the next sender run's */
	struct engine_nl	*nl;
	struct monitor		*mon;
	int			 epfd, sigfd, timerfd, inotfd, lockfd;
	pid_t			 sender;	/* 0: none running */
	int			 sender_pidfd;
	int64_t			 retry_at;	/* 0: no retry pending */
	int64_t			 backoff_ms;
	int			 quit;
};

static void __attribute__((noreturn))
usage(void)
{
	(void)fprintf(stderr,
	    "usage: faxcared [-dfnq] [-c file] [-u user] faxengN\n"
	    "       faxcared -n [-c file] [faxengN]\n");
	exit(1);
}

static void
watch(struct daemon *d, int fd, enum source src)
{
	struct epoll_event ev = { .events = EPOLLIN, .data.u32 = src };

	if (epoll_ctl(d->epfd, EPOLL_CTL_ADD, fd, &ev) == -1)
		fatal("epoll_ctl");
}

/*
 * The timer fires at the earliest deadline, or never. A deadline in the past
 * fires at once: whatever failed at it has moved it on (reporter_deadline(),
 * retry_at), or the loop would spin.
 */
static void
arm_timer(struct daemon *d)
{
	struct itimerspec its = { 0 };
	int64_t when = reporter_deadline(&d->rp);

	if (d->retry_at > 0 && d->sender == 0 && d->retry_at < when)
		when = d->retry_at;
	if (when != TRACK_NEVER) {
		if (when <= 0)
			when = 1;
		its.it_value.tv_sec = when / 1000;
		its.it_value.tv_nsec = (when % 1000) * 1000000;
	}
	if (timerfd_settime(d->timerfd, TFD_TIMER_ABSTIME, &its, NULL) == -1)
		fatal("timerfd_settime");
}

/*
 * Exponential backoff while the relay is down, says 4xx, or the state
 * cannot be saved.
 */
static void
back_off(struct daemon *d)
{
	d->backoff_ms = d->backoff_ms == 0 ? d->conf.retry_min_ms :
	    d->backoff_ms * 2;
	if (d->backoff_ms > d->conf.retry_max_ms)
		d->backoff_ms = d->conf.retry_max_ms;
	d->retry_at = clock_now_ms() + d->backoff_ms;
}

/* A report the center would refuse as too old: one fresh in its place. */
static void
on_too_old(void *arg, const struct fc_report *r)
{
	struct daemon *d = arg;

	(void)reporter_replace(&d->rp, r);
}

/*
 * Hand the queue to a sender child, unless one runs or a retry waits. The
 * daemon chooses the entries (batch.h), and only once the state that
 * remembers them is saved.
 */
static void
kick_sender(struct daemon *d)
{
	int tries;

	if (d->sender != 0) {
		/* Its exit kicks again (after a failed run: at the retry). */
		log_debug("sender %d busy: again afterwards", (int)d->sender);
		return;
	}
	if (d->retry_at > clock_now_ms()) {
		log_debug("sender: waiting for the retry time");
		return;
	}
	/* Again if all it found was too old and fresh reports replace it. */
	for (tries = 0; tries < 2; tries++) {
		if (reporter_save_pending(&d->rp) == -1) {
			back_off(d);
			log_warnx("%s: the queue waits until the state is "
			    "saved; next try in %lld ms", d->engine,
			    (long long)d->backoff_ms);
			return;
		}
		if (batch_take(&d->batch, &d->spool, &d->key.key, time(NULL),
		    on_too_old, d) == -1 && d->batch.n == 0) {
			back_off(d);
			return;
		}
		if (d->batch.n > 0 || !reporter_take_spooled(&d->rp))
			break;
	}
	if (d->batch.n == 0) {
		/* E.g. emptied by hand while a retry was pending. */
		log_debug("sender: queue empty");
		d->retry_at = 0;
		d->backoff_ms = 0;
		return;
	}
	d->sender = sender_spawn(&d->conf, &d->rp.id, &d->spool, &d->batch,
	    &d->sender_pidfd);
	if (d->sender == -1) {
		log_warn("fork sender");
		d->sender = 0;
		d->retry_at = clock_now_ms() + d->conf.retry_min_ms;
		return;
	}
	log_debug("sender %d started", (int)d->sender);
	watch(d, d->sender_pidfd, SRC_SENDER);
}

static void
sender_exited(struct daemon *d)
{
	int status, code;

	if (waitpid(d->sender, &status, 0) == -1)
		fatal("waitpid");
	(void)close(d->sender_pidfd);	/* also leaves the epoll set */
	d->sender = 0;
	code = WIFEXITED(status) ? WEXITSTATUS(status) : SEND_ERROR;
	log_debug("sender exited with %d", code);
	if (code == SEND_DONE) {
		d->backoff_ms = 0;
		d->retry_at = 0;
		kick_sender(d);		/* more than a batch, or new mail */
		return;
	}
	back_off(d);
	log_info("queue not delivered; next try in %lld ms",
	    (long long)d->backoff_ms);
}

static void
observe(struct daemon *d, const struct engine_state *st)
{
	(void)reporter_observe(&d->rp, st, clock_now_ms());
	if (reporter_take_spooled(&d->rp))
		kick_sender(d);
}

static void
refresh(struct daemon *d)
{
	struct engine_state st;

	if (engine_get(d->nl, d->engine_id, &st) == -1) {
		log_warnx("%s: netlink get: %s", d->engine, engine_strerror());
		return;
	}
	observe(d, &st);
}

static void
on_event(void *arg, const struct engine_state *st, int is_event)
{
	struct daemon *d = arg;

	(void)is_event;
	if (st->id == d->engine_id)
		observe(d, st);
}

static void
on_udev(struct daemon *d)
{
	char action[16], name[64];

	while (monitor_read(d->mon, action, sizeof(action), name,
	    sizeof(name)) == 1) {
		if (strcmp(name, d->engine) != 0)
			continue;
		log_debug("%s: udev %s", name, action);
		if (strcmp(action, "remove") == 0) {
			log_info("%s: removed; exiting", name);
			d->quit = 1;
			return;
		}
		/*
		 * A change's state also comes, whole and in order, as a
		 * netlink event; only a (re)appearing engine is read anew.
		 */
		if (strcmp(action, "add") == 0) {
			reporter_engine_added(&d->rp);
			refresh(d);
		}
	}
}

static void
reload(struct daemon *d)
{
	struct config conf;
	int errors;

	errors = config_load(d->conf_path, &conf);
	if (errors != 0) {
		log_warnx("%s: %d error(s); keeping the running configuration",
		    d->conf_path, errors < 0 ? 1 : errors);
		return;
	}
	if (strcmp(conf.spool, d->conf.spool) != 0 ||
	    strcmp(conf.key_file, d->conf.key_file) != 0)
		log_warnx("spool and key-file change only on restart");
	(void)memcpy(conf.spool, d->conf.spool, sizeof(conf.spool));
	(void)memcpy(conf.key_file, d->conf.key_file, sizeof(conf.key_file));
	d->conf = conf;
	log_info("configuration reloaded");
	(void)terminal_key_reload(&d->key);
	/* The fix a waiting queue may have waited for (relay, credentials). */
	reporter_retry_now(&d->rp);
	(void)reporter_register(&d->rp);
	(void)reporter_take_spooled(&d->rp);
	d->backoff_ms = 0;
	d->retry_at = 0;
	kick_sender(d);
}

static void
on_signal(struct daemon *d)
{
	struct signalfd_siginfo si;

	while (read(d->sigfd, &si, sizeof(si)) == sizeof(si)) {
		if (si.ssi_signo == SIGHUP)
			reload(d);
		else
			d->quit = 1;
	}
}

static void
drain(int fd)
{
	char buf[4096];

	while (read(fd, buf, sizeof(buf)) > 0)
		continue;
}

static void
run(struct daemon *d)
{
	struct epoll_event evs[8];
	int n, i;

	while (!d->quit) {
		arm_timer(d);
		n = epoll_wait(d->epfd, evs, 8, -1);
		if (n == -1) {
			if (errno == EINTR)
				continue;
			fatal("epoll_wait");
		}
		for (i = 0; i < n && !d->quit; i++) {
			switch ((enum source)evs[i].data.u32) {
			case SRC_SIGNAL:
				on_signal(d);
				break;
			case SRC_TIMER:
				drain(d->timerfd);
				(void)reporter_step(&d->rp, clock_now_ms());
				if (reporter_take_spooled(&d->rp) ||
				    (d->retry_at > 0 &&
				    d->retry_at <= clock_now_ms()))
					kick_sender(d);
				break;
			case SRC_NETLINK:
				/* Events lost (the socket overran): read anew. */
				if (engine_read_events(d->nl, on_event, d) ==
				    -1) {
					log_warnx("netlink: %s",
					    engine_strerror());
					refresh(d);
				}
				break;
			case SRC_UDEV:
				on_udev(d);
				break;
			case SRC_SPOOL:
				drain(d->inotfd);
				kick_sender(d);
				break;
			case SRC_SENDER:
				sender_exited(d);
				break;
			}
		}
	}
}

/* One daemon per spool: a second one (or a flush) waits or gives way. */
static int
lock_spool(struct daemon *d, int wait)
{
	char path[PATH_MAX + 8];

	(void)snprintf(path, sizeof(path), "%s/lock", d->spool.path);
	/* Read-only is enough for flock, and lets the spool be remounted so. */
	if ((d->lockfd = open(path, O_RDONLY | O_CREAT | O_CLOEXEC, 0600)) == -1)
		fatal("%s", path);
	if (flock(d->lockfd, LOCK_EX | LOCK_NB) == 0)
		return 0;
	if (!wait)
		return -1;
	log_info("%s: waiting for the previous daemon to let go", path);
	if (flock(d->lockfd, LOCK_EX) == -1)
		fatal("flock %s", path);
	return 0;
}

static void
open_spool(struct daemon *d, int flush)
{
	char path[PATH_MAX];

	if (mkdir(d->conf.spool, 0700) == -1 && errno != EEXIST)
		fatal("spool %s", d->conf.spool);
	if (snprintf(path, sizeof(path), "%s/%s", d->conf.spool, d->engine) >=
	    (int)sizeof(path))
		fatalx("spool path too long");
	/* Opened without recovery first: the lock file lives inside. */
	if (spool_open(&d->spool, path, 0) == -1)
		fatal("spool %s", path);
	if (lock_spool(d, !flush) == -1) {
		log_info("%s: the daemon is running and sends the queue itself",
		    path);
		exit(0);
	}
	spool_close(&d->spool);
	if (spool_open(&d->spool, path, 1) == -1)
		fatal("spool %s", path);
}

/* faxcared -n: the configuration and, for engine (or none), its key. */
static int
check_config(const char *path, const char *engine, struct config *conf)
{
	struct terminal_key tk;
	char key[PATH_MAX], why[PATH_MAX + 256];
	int errors, per_engine;

	errors = config_load(path, conf);
	if (errors == -1) {
		(void)fprintf(stderr, "%s: %s\n", path, strerror(errno));
		return -1;
	}
	per_engine = strstr(conf->key_file, "%e") != NULL;
	if (!conf->key_file[0] || (per_engine && engine == NULL))
		return errors == 0 ? 0 : -1;
	if (config_key_path(conf, engine != NULL ? engine : "", key,
	    sizeof(key)) == -1) {
		(void)fprintf(stderr, "%s: key-file too long for %s\n", path,
		    engine);
		return -1;
	}
	/* Unreadable here may be fine: faxcared may run as another user. */
	if (access(key, R_OK) == -1) {
		if (per_engine && errno != EACCES) {
			(void)fprintf(stderr, "%s: key-file %s: %s\n", path,
			    key, strerror(errno));
			errors++;
		}
	} else if (terminal_key_open(&tk, conf, engine != NULL ? engine : "",
	    0, why, sizeof(why)) == -1) {
		(void)fprintf(stderr, "%s: %s\n", path, why);
		errors++;
	} else
		terminal_key_close(&tk);
	return errors == 0 ? 0 : -1;
}

/*
 * The key, read as whoever starts the daemon. As root, with -u: then the
 * spool given to the user, and root dropped before the first netlink
 * message, udev event or SMTP reply.
 */
static void
drop_root(struct daemon *d, const char *user)
{
	struct privuser pu;
	char why[300];

	if (user == NULL) {
		if (geteuid() == 0)
			log_warnx("running as root: start it with -u faxcare "
			    "(faxcared-start does) or as a systemd unit");
		if (terminal_key_open(&d->key, &d->conf, d->engine, 0, why,
		    sizeof(why)) == -1)
			fatalx("%s", why);
		return;
	}
	if (geteuid() != 0)
		fatalx("-u %s: only root drops to another user", user);
	if (privdrop_lookup(user, &pu, why, sizeof(why)) == -1)
		fatalx("-u: %s", why);
	if (terminal_key_open(&d->key, &d->conf, d->engine, pu.uid, why,
	    sizeof(why)) == -1)
		fatalx("%s", why);
	if (privdrop_give_spool(&pu, d->conf.spool, d->engine) == -1)
		fatal("spool %s/%s: giving it to %s", d->conf.spool, d->engine,
		    user);
	if (privdrop_to(&pu) == -1)
		fatal("dropping root for %s", user);
	log_info("%s: running as %s (uid %u)", d->engine, pu.name,
	    (unsigned)pu.uid);
}

/* faxcared -q: one delivery attempt of the queue, then exit. */
static int
flush_queue(struct daemon *d, const struct engine_state *st)
{
	struct send_result res;
	char why[512];
	struct identity id;
	int code = SEND_DONE;

	if (identity_make(&d->conf, st, &id, why, sizeof(why)) == -1)
		fatalx("%s", why);
	/* Without the reporter, a report too old is only set aside. */
	while (code == SEND_DONE) {
		if (batch_take(&d->batch, &d->spool, &d->key.key, time(NULL), NULL,
		    NULL) == -1 && d->batch.n == 0)
			return SEND_ERROR;
		if (d->batch.n == 0)
			break;
		code = sender_run(&d->conf, &id, &d->spool, &d->batch, &res);
		log_info("%u sent, %u refused, %u deferred", res.sent,
		    res.refused, res.deferred);
		if (res.sent + res.refused == 0)
			break;
	}
	return code;
}

static void
setup_events(struct daemon *d)
{
	char path[PATH_MAX + 8];
	sigset_t mask;

	(void)sigemptyset(&mask);
	(void)sigaddset(&mask, SIGTERM);
	(void)sigaddset(&mask, SIGINT);
	(void)sigaddset(&mask, SIGHUP);
	if (sigprocmask(SIG_BLOCK, &mask, NULL) == -1 ||
	    (d->sigfd = signalfd(-1, &mask, SFD_NONBLOCK | SFD_CLOEXEC)) == -1)
		fatal("signalfd");
	(void)signal(SIGPIPE, SIG_IGN);
	if ((d->epfd = epoll_create1(EPOLL_CLOEXEC)) == -1 ||
	    (d->timerfd = timerfd_create(CLOCK_BOOTTIME,
	    TFD_NONBLOCK | TFD_CLOEXEC)) == -1 ||
	    (d->inotfd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC)) == -1)
		fatal("epoll/timerfd/inotify");
	(void)snprintf(path, sizeof(path), "%s/queue", d->spool.path);
	if (inotify_add_watch(d->inotfd, path, IN_MOVED_TO) == -1)
		fatal("inotify %s", path);
	watch(d, d->sigfd, SRC_SIGNAL);
	watch(d, d->timerfd, SRC_TIMER);
	watch(d, d->inotfd, SRC_SPOOL);
	watch(d, engine_event_fd(d->nl), SRC_NETLINK);
	watch(d, monitor_fd(d->mon), SRC_UDEV);
}

int
main(int argc, char *argv[])
{
	struct daemon d = { .conf_path = FAXCARED_CONF };
	struct engine_state st;
	const char *user = NULL;
	int ch, debug = 0, foreground = 0, check = 0, flush = 0, id;

	while ((ch = getopt(argc, argv, "c:dfnqu:")) != -1) {
		switch (ch) {
		case 'c': d.conf_path = optarg; break;
		case 'u': user = optarg; break;
		case 'd': debug = foreground = 1; break;
		case 'f': foreground = 1; break;
		case 'n': check = 1; break;
		case 'q': flush = foreground = 1; break;
		default: usage();
		}
	}
	argc -= optind;
	argv += optind;
	if (check) {
		if (argc > 1 || (argc == 1 && engine_id_of(argv[0]) < 0))
			usage();
		if (check_config(d.conf_path, argc == 1 ? argv[0] : NULL,
		    &d.conf) == -1)
			return 1;
		(void)fprintf(stderr, "%s: configuration OK\n", d.conf_path);
		return 0;
	}
	if (argc != 1 || (id = engine_id_of(argv[0])) < 0)
		usage();
	(void)snprintf(d.engine, sizeof(d.engine), "%s", argv[0]);
	d.engine_id = (unsigned)id;
	log_init("faxcared", foreground, debug);
	if (check_config(d.conf_path, d.engine, &d.conf) == -1)
		fatalx("%s: fix the configuration (faxcared -n)", d.conf_path);
	drop_root(&d, user);
	open_spool(&d, flush);

	/*
	 * Listening before the first read: an engine removed or re-added in
	 * between is seen. udevd's events when it runs; the kernel's otherwise.
	 */
	if (!flush && (d.mon = monitor_open(access("/run/udev/control",
	    F_OK) == 0 ? "udev" : "kernel")) == NULL)
		fatal("udev monitor");
	engine_state_init(&st);
	(void)snprintf(st.name, sizeof(st.name), "%s", d.engine);
	if ((d.nl = engine_open(!flush)) == NULL ||
	    engine_get(d.nl, d.engine_id, &st) == -1) {
		if (!flush)
			fatalx("%s: netlink: %s", d.engine, engine_strerror());
	}
	if (flush)
		return flush_queue(&d, &st);

	setup_events(&d);
	/* Before any child exists: the sender must be this process's child. */
	if (!foreground && daemon(0, 0) == -1)
		fatal("daemon");
	if (reporter_init(&d.rp, &d.conf, &d.key.key, &d.spool, &st) == -1)
		fatalx("%s: cannot read the saved state; exiting to be "
		    "started again", d.engine);
	if (reporter_register(&d.rp) == -1)
		fatalx("%s: cannot register the terminal", d.engine);
	log_info("%s: serving %s (%s, serial %s) for %s", d.engine,
	    d.rp.id.terminal_id, d.rp.id.model, d.rp.id.serial,
	    d.conf.manager);
	observe(&d, &st);
	kick_sender(&d);
	run(&d);
	if (d.sender != 0) {
		/* The sender may be mid-session: let it finish its batch. */
		if (waitpid(d.sender, NULL, 0) == -1)
			log_warn("waitpid");
	}
	terminal_key_close(&d.key);
	log_info("%s: exiting", d.engine);
	return 0;
}
