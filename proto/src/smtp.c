/* SPDX-License-Identifier: ISC */
/*
 * The relay policy on libESMTP: one session per run, the password read at
 * open (so a rotated file is picked up) and wiped at close, the AUTH replies
 * watched on the wire, each message's replies classified by smtp_policy.c.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <auth-client.h>
#include "smtp_tls.h"	/* before libesmtp.h: smtp_starttls_set_ctx() */
#include <libesmtp.h>
#include "faxcare/smtp.h"
#include "internal.h"

struct fc_smtp_message {
	smtp_message_t msg;
	smtp_recipient_t rcpt;
	struct fc_smtp_message *next;
};

struct fc_smtp_session {
	const struct fc_smtp_relay *relay;
	smtp_session_t smtp;
	auth_context_t auth;
	SSL_CTX *tls;		/* whom STARTTLS trusts; NULL: no TLS */
	char untrusted[160];	/* why the relay's certificate was refused */
	struct fc_smtp_auth_watch watch;
	struct fc_smtp_message *messages;
	enum fc_smtp_run run;
	char why[256];		/* the run's trouble, unless FC_SMTP_RAN */
	int no_starttls;	/* the relay lacks the STARTTLS needed */
	char pass[256];
};

static int has_user(const struct fc_smtp_relay *relay)
{
	return relay->auth_user && relay->auth_user[0];
}

/* libESMTP asks for the name and the password (PLAIN or LOGIN). */
static int auth_interact(auth_client_request_t req, char **result, int fields,
			 void *arg)
{
	struct fc_smtp_session *s = arg;

	for (int i = 0; i < fields; i++) {
		if (req[i].flags & AUTH_USER)
			result[i] = (char *)s->relay->auth_user;
		else if (req[i].flags & AUTH_PASS)
			result[i] = s->pass;
		else
			return 0;
	}
	return 1;
}

/* The first line of the file, which only root or we may own and write. */
static int read_password(struct fc_smtp_session *s, struct fc_error *err)
{
	const struct fc_smtp_relay *r = s->relay;
	struct fc_error why;
	struct stat st;
	FILE *f = NULL;
	int fd, e;

	fd = open(r->password_file, O_RDONLY | O_CLOEXEC | O_NOCTTY);
	if (fd < 0) {
		e = errno;
		return fc_error_set(err, FC_ERR_SYSTEM, 0, "%s %s: %s",
				    r->words.password_file, r->password_file,
				    strerror(e));
	}
	if (fc_secret_check(r->password_file, fd, r->user, &st, &why)) {
		(void)close(fd);
		return fc_error_set(err, why.code, 0, "%s %s",
				    r->words.password_file, why.text);
	}
	f = fdopen(fd, "r");
	if (!f || !fgets(s->pass, sizeof(s->pass), f)) {
		e = f ? EINVAL : errno;
		if (f)
			(void)fclose(f);
		else
			(void)close(fd);
		return fc_error_set(err, FC_ERR_SYSTEM, 0, "%s %s: %s",
				    r->words.password_file, r->password_file,
				    e == EINVAL ? "empty" : strerror(e));
	}
	(void)fclose(f);
	s->pass[strcspn(s->pass, "\r\n")] = '\0';
	return 0;
}

static void on_event(smtp_session_t smtp, int event, void *arg, ...)
{
	struct fc_smtp_session *s = arg;
	va_list ap;

	(void)smtp;
	if (event == SMTP_EV_EXTNA_STARTTLS)
		s->no_starttls = 1;
	va_start(ap, arg);
	(void)fc_smtp_tls_event(event, ap, s->untrusted, sizeof(s->untrusted));
	va_end(ap);
}

/* The EHLO name as is: no resolver lookup of our own name. */
static int set_ehlo_name(smtp_session_t smtp)
{
	char host[256];

	if (gethostname(host, sizeof(host)) == 0 && strchr(host, '.'))
		return smtp_set_hostname(smtp, host);
	return smtp_set_hostname(smtp, "localhost");
}

static int set_timeouts(smtp_session_t smtp, long ms)
{
	static const int which[] = { Timeout_GREETING, Timeout_ENVELOPE,
		Timeout_DATA, Timeout_TRANSFER, Timeout_DATA2 };

	for (int i = 0; ms > 0 && i < FC_ARRAY_SIZE(which); i++)
		(void)smtp_set_timeout(smtp,
				       which[i] | Timeout_OVERRIDE_RFC2822_MINIMUM,
				       ms);
	return 1;
}

static int setup(struct fc_smtp_session *s, struct fc_error *err)
{
	static const enum starttls_option tls[] = {
		[FC_STARTTLS_OFF] = Starttls_DISABLED,
		[FC_STARTTLS_OPTIONAL] = Starttls_ENABLED,
		[FC_STARTTLS_REQUIRED] = Starttls_REQUIRED,
	};
	const struct fc_smtp_relay *r = s->relay;
	enum fc_starttls needed = fc_smtp_tls_needed(r->starttls, r->auth_user);
	char server[300];

	if (needed != FC_STARTTLS_OFF) {
		s->tls = fc_smtp_tls_ctx(r, err);
		if (!s->tls)
			return -1;
		if (!smtp_starttls_set_ctx(s->smtp, s->tls))
			return fc_error_set(err, FC_ERR_SYSTEM, 0,
					    "libesmtp: cannot set up TLS");
	}
	(void)snprintf(server, sizeof(server), "%s:%u", r->host, r->port);
	if (!smtp_set_server(s->smtp, server) || !set_ehlo_name(s->smtp) ||
	    !set_timeouts(s->smtp, r->timeout_ms) ||
	    !smtp_set_eventcb(s->smtp, on_event, s) ||
	    !smtp_starttls_enable(s->smtp, tls[needed]) ||
	    !smtp_set_monitorcb(s->smtp, fc_smtp_watch_auth, &s->watch, 0))
		return fc_error_set(err, FC_ERR_SYSTEM, 0,
				    "libesmtp: cannot set up the session");
	if (!has_user(r))
		return 0;
	if (read_password(s, err))
		return -1;
	auth_client_init();
	s->auth = auth_create_context();
	if (!s->auth)
		return fc_error_set(err, FC_ERR_SYSTEM, 0,
				    "libesmtp: no auth context");
	/* PLAIN and LOGIN: the session is under TLS, or trusted (above). */
	(void)auth_set_mechanism_flags(s->auth, AUTH_PLUGIN_PLAIN, 0);
	(void)auth_set_interact_cb(s->auth, auth_interact, s);
	if (!smtp_auth_set_context(s->smtp, s->auth))
		return fc_error_set(err, FC_ERR_SYSTEM, 0,
				    "libesmtp: cannot set up AUTH");
	return 0;
}

int fc_smtp_open(struct fc_smtp_session **sp, const struct fc_smtp_relay *relay,
		 struct fc_error *err)
{
	struct fc_smtp_session *s = calloc(1, sizeof(*s));

	*sp = NULL;
	if (!s)
		return fc_error_set(err, FC_ERR_SYSTEM, 0, "out of memory");
	s->relay = relay;
	s->smtp = smtp_create_session();
	if (!s->smtp) {
		free(s);
		return fc_error_set(err, FC_ERR_SYSTEM, 0,
				    "libesmtp: no session");
	}
	if (setup(s, err)) {
		fc_smtp_close(s);
		return -1;
	}
	*sp = s;
	return 0;
}

static struct fc_smtp_message *add(struct fc_smtp_session *s,
				   const char *sender, const char *rcpt)
{
	struct fc_smtp_message *m = calloc(1, sizeof(*m));

	if (!m)
		return NULL;
	m->next = s->messages;
	s->messages = m;
	m->msg = smtp_add_message(s->smtp);
	if (!m->msg || !smtp_set_reverse_path(m->msg, sender))
		return NULL;
	m->rcpt = smtp_add_recipient(m->msg, rcpt);
	return m->rcpt ? m : NULL;
}

struct fc_smtp_message *fc_smtp_add_file(struct fc_smtp_session *s,
					 const char *sender, const char *rcpt,
					 FILE *fp)
{
	struct fc_smtp_message *m = add(s, sender, rcpt);

	return m && smtp_set_message_fp(m->msg, fp) ? m : NULL;
}

struct fc_smtp_message *fc_smtp_add_text(struct fc_smtp_session *s,
					 const char *sender, const char *rcpt,
					 const char *text)
{
	struct fc_smtp_message *m = add(s, sender, rcpt);

	return m && smtp_set_message_str(m->msg, (void *)text) ? m : NULL;
}

enum fc_smtp_run fc_smtp_run(struct fc_smtp_session *s, char *why, size_t len)
{
	const struct fc_smtp_relay *r = s->relay;
	int started = smtp_start_session(s->smtp);
	char reason[128];

	s->run = FC_SMTP_RAN;
	s->why[0] = '\0';
	if (s->no_starttls) {
		fc_smtp_no_tls_reason(r, reason, sizeof(reason));
		(void)snprintf(s->why, sizeof(s->why),
			       "relay %s:%u does not offer STARTTLS: nothing sent (%s)",
			       r->host, r->port, reason);
		s->run = FC_SMTP_NO_STARTTLS;
	} else if (s->untrusted[0]) {
		fc_smtp_untrusted_reason(r, s->untrusted, s->why,
					 sizeof(s->why));
		s->run = FC_SMTP_UNTRUSTED;
	} else if (!started) {
		(void)snprintf(s->why, sizeof(s->why), "relay %s:%u: %s",
			       r->host, r->port,
			       smtp_strerror(smtp_errno(), reason,
					     sizeof(reason)));
		s->run = FC_SMTP_UNREACHED;
	}
	if (why)
		(void)snprintf(why, len, "%s", s->why);
	return s->run;
}

static int code_of(const smtp_status_t *st, const char **text)
{
	*text = st ? st->text : NULL;
	return st ? st->code : 0;
}

void fc_smtp_outcome(const struct fc_smtp_session *s,
		     const struct fc_smtp_message *m,
		     struct fc_smtp_outcome *out)
{
	const struct fc_smtp_relay *r = s->relay;
	struct fc_smtp_replies rep = { .auth = s->watch.code };
	char trouble[200];

	rep.mail = code_of(smtp_reverse_path_status(m->msg), &rep.mail_text);
	rep.rcpt = code_of(smtp_recipient_status(m->rcpt), &rep.rcpt_text);
	rep.data = code_of(smtp_message_transfer_status(m->msg),
			   &rep.data_text);
	fc_smtp_classify(&rep, out);
	if (out->verdict == FC_SMTP_ACCEPTED)
		return;
	if (out->auth_code) {
		fc_smtp_auth_trouble(s, out->auth_code, trouble,
				     sizeof(trouble));
		(void)snprintf(out->text, sizeof(out->text), "relay %s:%u %s",
			       r->host, r->port, trouble);
	} else if (!out->code && s->why[0]) {
		(void)snprintf(out->text, sizeof(out->text), "%s", s->why);
	}
}

int fc_smtp_auth_refused(const struct fc_smtp_session *s)
{
	return s->watch.code;
}

void fc_smtp_auth_trouble(const struct fc_smtp_session *s, int code,
			  char *buf, size_t len)
{
	fc_smtp_auth_sentence(s->relay, &s->watch, code, buf, len);
}

void fc_smtp_close(struct fc_smtp_session *s)
{
	struct fc_smtp_message *m, *next;

	if (!s)
		return;
	if (s->smtp)
		smtp_destroy_session(s->smtp);
	if (s->auth)
		auth_destroy_context(s->auth);
	SSL_CTX_free(s->tls);
	for (m = s->messages; m; m = next) {
		next = m->next;
		free(m);
	}
	explicit_bzero(s->pass, sizeof(s->pass));
	free(s);
}
