/* SPDX-License-Identifier: ISC */
/*
 * The relay side of the spool. A message leaves queue/ only after the relay
 * answered 2xx to its DATA (removed) or 5xx (moved to failed/ and logged);
 * anything else (no connection, 4xx, a timeout) leaves it queued for the next
 * run, so a crash anywhere at most sends a message twice. A relay that
 * refused the credentials or asks for them, or refuses the envelope (a 5xx to
 * MAIL or RCPT: our sender and the center are the same for every report),
 * is misconfigured, not refusing the message: the message stays queued until
 * the configuration is fixed. Only a 5xx to DATA refuses one message. What
 * the relay's answers mean is <faxcare/smtp.h>'s, shared with the center.
 */
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <faxcare/smtp.h>

#include "log.h"
#include "sender.h"

struct outgoing {
	char			 name[SPOOL_NAME_MAX];
	FILE			*fp;
	struct fc_smtp_message	*m;
};

static void
relay_of(const struct config *conf, struct fc_smtp_relay *r)
{
	memset(r, 0, sizeof(*r));
	r->host = conf->relay_host;
	r->port = conf->relay_port;
	r->starttls = conf->starttls;
	r->auth_user = conf->auth_user;
	r->password_file = conf->auth_password_file;
	r->timeout_ms = (long)conf->smtp_timeout_ms;
	r->ca_file = conf->relay_ca_file;
	r->words = (struct fc_smtp_words){ .user = "auth-user",
	    .password_file = "auth-password-file", .starttls = "starttls",
	    .ca_file = "relay-ca-file", .assign = " " };
}

static int
add_message(struct fc_smtp_session *s, const struct identity *id,
    struct batch_entry *be, struct outgoing *o)
{
	(void)snprintf(o->name, sizeof(o->name), "%s", be->name);
	if ((o->fp = fdopen(be->fd, "r")) == NULL)
		return -1;
	be->fd = -1;		/* o->fp's now */
	o->m = fc_smtp_add_file(s, id->sender, id->center, o->fp);
	return o->m != NULL ? 0 : -1;
}

/* Why a run kept reports queued that the configuration must release. */
struct held {
	int		 auth_code;	/* 530/535: the credentials */
	unsigned	 auth_kept;
	char		 envelope[256];	/* a 5xx to MAIL or RCPT: its reply */
	unsigned	 envelope_kept;
};

/* What the relay said about one message, and what the spool does with it. */
static void
settle(struct fc_smtp_session *s, struct spool *sp, struct outgoing *o,
    struct send_result *res, struct held *h)
{
	struct fc_smtp_outcome out;

	fc_smtp_outcome(s, o->m, &out);
	if (out.verdict == FC_SMTP_REFUSED && out.envelope) {
		/* Our sender and the center never change: the relay's rules. */
		res->deferred++;
		h->envelope_kept++;
		(void)snprintf(h->envelope, sizeof(h->envelope), "%s",
		    out.text);
		log_debug("kept %s: relay refused the envelope (%s)", o->name,
		    out.text);
		return;
	}
	switch (out.verdict) {
	case FC_SMTP_ACCEPTED:
		if (spool_done(sp, o->name) == -1)
			log_warn("spool: remove %s", o->name);
		res->sent++;
		log_debug("sent %s", o->name);
		break;
	case FC_SMTP_REFUSED:
		log_warnx("relay refused %s for good (%s): set aside in "
		    "%s/failed", o->name, out.text, sp->path);
		if (spool_set_aside(sp, o->name) == -1)
			log_warn("spool: set aside %s", o->name);
		res->refused++;
		break;
	case FC_SMTP_RETRY:
		res->deferred++;
		if (out.auth_code != 0) {
			h->auth_code = out.auth_code;
			h->auth_kept++;
			log_debug("kept %s: relay refused the authentication "
			    "(%d)", o->name, out.auth_code);
		} else if (out.code != 0)
			log_info("relay deferred %s (%d): will retry", o->name,
			    out.code);
		break;
	}
}

/* The loud lines: the configuration, not the reports, needs a human. */
static void
log_held(const struct config *conf, const struct identity *id,
    struct fc_smtp_session *s, const struct held *h)
{
	char what[400];

	if (h->auth_kept > 0 || fc_smtp_auth_refused(s) != 0) {
		fc_smtp_auth_trouble(s, h->auth_code, what, sizeof(what));
		log_warnx("relay %s:%u %s: %u report(s) kept in the queue; "
		    "fix auth-user/auth-password-file and reload (SIGHUP)",
		    conf->relay_host, conf->relay_port, what, h->auth_kept);
	}
	if (h->envelope_kept > 0)
		log_warnx("relay %s:%u refused sender %s or center %s (%s): "
		    "%u report(s) kept in the queue; fix the relay's access "
		    "rules, or relay/sender/center, and reload (SIGHUP)",
		    conf->relay_host, conf->relay_port, id->sender,
		    id->center, h->envelope, h->envelope_kept);
}

int
sender_run(const struct config *conf, const struct identity *id,
    struct spool *sp, struct batch *b, struct send_result *res)
{
	struct outgoing *out = NULL;
	struct fc_smtp_relay relay;
	struct fc_smtp_session *s = NULL;
	struct fc_error err;
	char why[256];
	size_t n = b->n, i;
	struct held held;
	int ret = SEND_ERROR;

	memset(res, 0, sizeof(*res));
	memset(&held, 0, sizeof(held));
	if (n == 0)
		return SEND_DONE;
	relay_of(conf, &relay);
	if ((out = calloc(n, sizeof(*out))) == NULL)
		goto done;
	if (fc_smtp_open(&s, &relay, &err) == -1) {
		log_warnx("%s", err.text);
		goto done;
	}
	for (i = 0; i < n; i++) {
		if (add_message(s, id, &b->e[i], &out[i]) == -1) {
			log_warn("spool: %s", out[i].name);
			goto done;
		}
	}
	switch (fc_smtp_run(s, why, sizeof(why))) {
	case FC_SMTP_NO_STARTTLS:
	case FC_SMTP_UNTRUSTED:
		log_warnx("%s", why);
		break;
	case FC_SMTP_UNREACHED:
		log_info("%s", why);
		break;
	case FC_SMTP_RAN:
		break;
	}
	for (i = 0; i < n; i++)
		settle(s, sp, &out[i], res, &held);
	log_held(conf, id, s, &held);
	ret = res->deferred > 0 ? SEND_RETRY : SEND_DONE;
done:
	fc_smtp_close(s);
	for (i = 0; out != NULL && i < n; i++) {
		if (out[i].fp != NULL)
			(void)fclose(out[i].fp);
	}
	free(out);
	batch_release(b);
	return ret;
}

pid_t
sender_spawn(const struct config *conf, const struct identity *id,
    struct spool *sp, struct batch *b, int *pidfd)
{
	struct send_result res;
	sigset_t none;
	pid_t pid;
	int code;

	pid = fork();
	if (pid != 0)
		batch_release(b);	/* the child's, or nobody's */
	if (pid == -1)
		return -1;
	if (pid == 0) {
		/* Never outlive the daemon: a restarted one owns the queue. */
		if (prctl(PR_SET_PDEATHSIG, SIGKILL) == -1 ||
		    getppid() == 1)
			_exit(SEND_ERROR);
		(void)sigemptyset(&none);
		(void)sigprocmask(SIG_SETMASK, &none, NULL);
		(void)signal(SIGPIPE, SIG_IGN);
		code = sender_run(conf, id, sp, b, &res);
		if (res.sent + res.refused + res.deferred > 0)
			log_info("relay run: %u sent, %u refused, %u deferred",
			    res.sent, res.refused, res.deferred);
		_exit(code);
	}
	if ((*pidfd = (int)syscall(SYS_pidfd_open, pid, 0)) == -1) {
		(void)kill(pid, SIGKILL);
		(void)waitpid(pid, NULL, 0);
		return -1;
	}
	return pid;
}
