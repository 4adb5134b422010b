/*
 * The relay side of the spool. A message leaves queue/ only after the relay
 * answered 2xx to its DATA (removed) or 5xx (moved to failed/ and logged);
 * anything else (no connection, 4xx, a timeout) leaves it queued for the next
 * run, so a crash anywhere at most sends a message twice. A relay that
 * refused the credentials or asks for them is misconfigured, not refusing the
 * message: libESMTP carries on without AUTH, and the 5xx that follows keeps
 * the message queued until the configuration is fixed.
 */
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>

#include <ctype.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <auth-client.h>
#include <libesmtp.h>

#include "log.h"
#include "sender.h"

struct outgoing {
	char		 name[SPOOL_NAME_MAX];
	FILE		*fp;
	smtp_message_t	 msg;
	smtp_recipient_t rcpt;
};

struct auth_creds {
	const char	*user;
	char		 pass[256];
};

/*
 * The relay's last answer to AUTH that ended the exchange with a refusal
 * (code 0: none). libESMTP tells nobody (it tries the next mechanism, then
 * MAIL without AUTH), so the session is watched: the replies that follow an
 * AUTH command until one is not a 334 challenge.
 */
struct auth_watch {
	int		 sent;		/* an AUTH command went out */
	int		 in_auth;
	int		 code;
	char		 text[200];
};

static void
watch_auth(const char *buf, int len, int writing, void *arg)
{
	struct auth_watch *w = arg;
	const char *eol;
	int code;

	if (writing) {
		if (len >= 5 && strncmp(buf, "AUTH ", 5) == 0)
			w->sent = w->in_auth = 1;
		return;
	}
	/* buf is not a C string: its reply code and first line by length. */
	if (!w->in_auth || len < 4 || !isdigit((unsigned char)buf[0]) ||
	    !isdigit((unsigned char)buf[1]) || !isdigit((unsigned char)buf[2]))
		return;
	code = (buf[0] - '0') * 100 + (buf[1] - '0') * 10 + (buf[2] - '0');
	if (code == 334)		/* a challenge: the exchange goes on */
		return;
	w->in_auth = 0;
	w->code = code / 100 == 2 ? 0 : code;
	if ((eol = memchr(buf, '\r', (size_t)len)) == NULL)
		eol = memchr(buf, '\n', (size_t)len);
	(void)snprintf(w->text, sizeof(w->text), "%.*s",
	    (int)(eol != NULL ? eol - buf : len), buf);
}

/* 530 (authentication required), 535 (credentials invalid). */
static int
is_auth_code(int code)
{
	return code == 530 || code == 535;
}

static int
auth_interact(auth_client_request_t req, char **result, int fields,
    void *arg)
{
	struct auth_creds *cr = arg;
	int i;

	for (i = 0; i < fields; i++) {
		if (req[i].flags & AUTH_USER)
			result[i] = (char *)cr->user;
		else if (req[i].flags & AUTH_PASS)
			result[i] = cr->pass;
		else
			return 0;
	}
	return 1;
}

static int
read_password(const char *path, char *buf, size_t len)
{
	FILE *f;

	if ((f = fopen(path, "r")) == NULL)
		return -1;
	if (fgets(buf, (int)len, f) == NULL) {
		(void)fclose(f);
		errno = EINVAL;
		return -1;
	}
	(void)fclose(f);
	buf[strcspn(buf, "\r\n")] = '\0';
	return 0;
}

/* Says why a session that must be encrypted sent nothing. */
static void
on_event(smtp_session_t s, int event, void *arg, ...)
{
	const struct config *conf = arg;

	(void)s;
	if (event == SMTP_EV_EXTNA_STARTTLS)
		log_warnx("relay %s:%u does not offer STARTTLS: nothing sent "
		    "(%s)", conf->relay_host, conf->relay_port,
		    conf->starttls == STARTTLS_REQUIRED ? "starttls required" :
		    "auth-user without starttls off");
}

static int
setup_session(smtp_session_t s, const struct config *conf,
    auth_context_t *auth, struct auth_creds *cr, struct auth_watch *aw)
{
	static const int timeouts[] = { Timeout_GREETING, Timeout_ENVELOPE,
	    Timeout_DATA, Timeout_TRANSFER, Timeout_DATA2 };
	static const enum starttls_option tls[] = {
		[STARTTLS_OFF] = Starttls_DISABLED,
		[STARTTLS_OPTIONAL] = Starttls_ENABLED,
		[STARTTLS_REQUIRED] = Starttls_REQUIRED,
	};
	char server[300], host[256];
	size_t i;

	(void)snprintf(server, sizeof(server), "%s:%u", conf->relay_host,
	    conf->relay_port);
	if (!smtp_set_server(s, server))
		return -1;
	/* The EHLO name as is: no resolver lookup of our own name. */
	if (gethostname(host, sizeof(host)) == 0 && strchr(host, '.') != NULL &&
	    !smtp_set_hostname(s, host))
		return -1;
	if (strchr(host, '.') == NULL && !smtp_set_hostname(s, "localhost"))
		return -1;
	for (i = 0; i < sizeof(timeouts) / sizeof(timeouts[0]); i++)
		(void)smtp_set_timeout(s,
		    timeouts[i] | Timeout_OVERRIDE_RFC2822_MINIMUM,
		    conf->smtp_timeout_ms);
	/*
	 * A password goes only where TLS protects it, unless "starttls off"
	 * says the link itself is trusted: with auth-user, "optional" is
	 * "required".
	 */
	if (!smtp_set_eventcb(s, on_event, (void *)conf) ||
	    !smtp_starttls_enable(s, conf->auth_user[0] &&
	    conf->starttls == STARTTLS_OPTIONAL ? Starttls_REQUIRED :
	    tls[conf->starttls]))
		return -1;
	if (!smtp_set_monitorcb(s, watch_auth, aw, 0))
		return -1;
	if (!conf->auth_user[0])
		return 0;
	if (read_password(conf->auth_password_file, cr->pass,
	    sizeof(cr->pass)) == -1) {
		log_warn("auth-password-file %s", conf->auth_password_file);
		return -1;
	}
	cr->user = conf->auth_user;
	auth_client_init();
	if ((*auth = auth_create_context()) == NULL)
		return -1;
	/* PLAIN and LOGIN: the session is under TLS, or trusted (above). */
	(void)auth_set_mechanism_flags(*auth, AUTH_PLUGIN_PLAIN, 0);
	(void)auth_set_interact_cb(*auth, auth_interact, cr);
	return smtp_auth_set_context(s, *auth) ? 0 : -1;
}

static int
add_message(smtp_session_t s, const struct identity *id, struct spool *sp,
    struct outgoing *o)
{
	int fd;

	if ((fd = spool_open_entry(sp, 0, o->name)) == -1)
		return -1;
	if ((o->fp = fdopen(fd, "r")) == NULL) {
		(void)close(fd);
		return -1;
	}
	if ((o->msg = smtp_add_message(s)) == NULL ||
	    !smtp_set_reverse_path(o->msg, id->sender) ||
	    (o->rcpt = smtp_add_recipient(o->msg, id->center)) == NULL ||
	    !smtp_set_message_fp(o->msg, o->fp))
		return -1;
	return 0;
}

/*
 * What the relay said about one message, and what the spool does with it.
 * Returns the code of an authentication refusal that kept it queued, or 0.
 */
static int
settle(struct spool *sp, struct outgoing *o, const struct auth_watch *aw,
    struct send_result *res)
{
	const smtp_status_t *ms = smtp_message_transfer_status(o->msg);
	const smtp_status_t *rs = smtp_recipient_status(o->rcpt);
	const smtp_status_t *ps = smtp_reverse_path_status(o->msg);
	int mcode = ms != NULL ? ms->code : 0, rcode = rs != NULL ? rs->code : 0;
	int pcode = ps != NULL ? ps->code : 0, acode = aw->code;

	if (acode == 0 && (is_auth_code(pcode) || is_auth_code(rcode) ||
	    is_auth_code(mcode)))
		acode = is_auth_code(pcode) ? pcode : is_auth_code(rcode) ?
		    rcode : mcode;
	if (acode != 0 && !(mcode / 100 == 2 && rcode / 100 == 2)) {
		res->deferred++;
		log_debug("kept %s: relay refused the authentication (%d)",
		    o->name, acode);
		return acode;
	}
	if (mcode / 100 == 2 && rcode / 100 == 2) {
		if (spool_done(sp, o->name) == -1)
			log_warn("spool: remove %s", o->name);
		res->sent++;
		log_debug("sent %s", o->name);
	} else if (rcode / 100 == 5 ||
	    (mcode / 100 == 5 && rcode / 100 != 4)) {
		/* A 4xx RCPT makes some relays answer DATA with 5xx: retry. */
		log_warnx("relay refused %s for good (%d %s): set aside in "
		    "%s/failed", o->name, rcode / 100 == 5 ? rcode : mcode,
		    rcode / 100 == 5 && rs->text ? rs->text :
		    ms && ms->text ? ms->text : "", sp->path);
		if (spool_set_aside(sp, o->name) == -1)
			log_warn("spool: set aside %s", o->name);
		res->refused++;
	} else {
		res->deferred++;
		if (mcode != 0)
			log_info("relay deferred %s (%d): will retry", o->name,
			    rcode / 100 == 4 ? rcode : mcode);
	}
	return 0;
}

/* The loud line: the configuration, not the reports, needs a human. */
static void
log_auth_refused(const struct config *conf, const struct auth_watch *aw,
    int code, unsigned kept)
{
	char what[512];

	if (aw->code != 0)
		(void)snprintf(what, sizeof(what), "refused the credentials "
		    "of auth-user %s (%s)", conf->auth_user, aw->text);
	else if (conf->auth_user[0] && !aw->sent)
		(void)snprintf(what, sizeof(what), "wants AUTH (%d), but "
		    "offers no mechanism libESMTP has (PLAIN, LOGIN) for "
		    "auth-user %s", code, conf->auth_user);
	else if (conf->auth_user[0])
		(void)snprintf(what, sizeof(what), "did not accept auth-user "
		    "%s (%d)", conf->auth_user, code);
	else
		(void)snprintf(what, sizeof(what), "requires authentication "
		    "(%d) and no auth-user is configured", code);
	log_warnx("relay %s:%u %s: %u report(s) kept in the queue; fix "
	    "auth-user/auth-password-file and reload (SIGHUP)",
	    conf->relay_host, conf->relay_port, what, kept);
}

int
sender_run(const struct config *conf, const struct identity *id,
    struct spool *sp, struct send_result *res)
{
	struct outgoing *out = NULL;
	struct auth_creds cr = { 0 };
	struct auth_watch aw = { 0 };
	auth_context_t auth = NULL;
	smtp_session_t s = NULL;
	char **names, errbuf[128];
	size_t total, n, i;
	int ret = SEND_ERROR, started, code, auth_code = 0;
	unsigned kept = 0;

	memset(res, 0, sizeof(*res));
	if (spool_list(sp, 0, &names, &total) == -1) {
		log_warn("spool %s", sp->path);
		return SEND_ERROR;
	}
	if (total == 0) {
		spool_free_list(names, total);
		return SEND_DONE;
	}
	n = total > SEND_BATCH ? SEND_BATCH : total;
	if ((out = calloc(n, sizeof(*out))) == NULL ||
	    (s = smtp_create_session()) == NULL ||
	    setup_session(s, conf, &auth, &cr, &aw) == -1)
		goto done;
	for (i = 0; i < n; i++) {
		(void)snprintf(out[i].name, sizeof(out[i].name), "%s",
		    names[i]);
		if (add_message(s, id, sp, &out[i]) == -1) {
			log_warn("spool: %s", out[i].name);
			goto done;
		}
	}
	started = smtp_start_session(s);
	if (!started)
		log_info("relay %s:%u: %s", conf->relay_host, conf->relay_port,
		    smtp_strerror(smtp_errno(), errbuf, sizeof(errbuf)));
	for (i = 0; i < n; i++) {
		if ((code = settle(sp, &out[i], &aw, res)) != 0) {
			auth_code = code;
			kept++;
		}
	}
	if (kept > 0 || aw.code != 0)
		log_auth_refused(conf, &aw, auth_code, kept);
	ret = res->deferred > 0 ? SEND_RETRY : SEND_DONE;
done:
	if (s != NULL)
		smtp_destroy_session(s);
	if (auth != NULL)
		auth_destroy_context(auth);
	explicit_bzero(cr.pass, sizeof(cr.pass));
	for (i = 0; out != NULL && i < n; i++) {
		if (out[i].fp != NULL)
			(void)fclose(out[i].fp);
	}
	free(out);
	spool_free_list(names, total);
	return ret;
}

pid_t
sender_spawn(const struct config *conf, const struct identity *id,
    struct spool *sp, int *pidfd)
{
	struct send_result res;
	sigset_t none;
	pid_t pid;
	int code;

	if ((pid = fork()) == -1)
		return -1;
	if (pid == 0) {
		/* Never outlive the daemon: a restarted one owns the queue. */
		if (prctl(PR_SET_PDEATHSIG, SIGKILL) == -1 ||
		    getppid() == 1)
			_exit(SEND_ERROR);
		(void)sigemptyset(&none);
		(void)sigprocmask(SIG_SETMASK, &none, NULL);
		(void)signal(SIGPIPE, SIG_IGN);
		code = sender_run(conf, id, sp, &res);
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
