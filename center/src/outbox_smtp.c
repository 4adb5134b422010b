/*
 * libESMTP, one session per message (the relay is on the same host or
 * network; a session is cheap next to the wait for a 250). STARTTLS and
 * AUTH as the terminal daemon does them (faxcared.conf(5)): a password
 * goes only over a connection TLS protects, unless smtp_starttls = off
 * says the link itself is trusted.
 */
#include <stdio.h>
#include <string.h>

#include <glib.h>
#include <auth-client.h>
#include <libesmtp.h>

#include "outbox_smtp.h"

struct session_ctx {
	const struct center_config	*cfg;
	char				 pass[256];
	int				 no_starttls;	/* the relay lacked it */
};

/* libESMTP asks for the name and the password (PLAIN or LOGIN). */
static int
auth_interact(auth_client_request_t req, char **result, int fields,
    void *arg)
{
	struct session_ctx	*sc = arg;
	int			 i;

	for (i = 0; i < fields; i++) {
		result[i] = req[i].flags & AUTH_USER ?
		    (char *)sc->cfg->smtp_auth_user :
		    req[i].flags & AUTH_PASS ? sc->pass : NULL;
		if (result[i] == NULL)
			return 0;
	}
	return 1;
}

/* The first line of the file, read for each session (rotation works). */
static int
read_password(const char *path, char *buf, size_t len, char *err,
    size_t errlen)
{
	GError	*gerr = NULL;
	gchar	*text;
	gsize	 n;

	if (!g_file_get_contents(path, &text, &n, &gerr)) {
		snprintf(err, errlen, "smtp_auth_password_file: %s",
		    gerr->message);
		g_error_free(gerr);
		return -1;
	}
	text[strcspn(text, "\r\n")] = '\0';
	snprintf(buf, len, "%s", text);
	explicit_bzero(text, n);
	g_free(text);
	return 0;
}

static void
on_event(smtp_session_t s, int event, void *arg, ...)
{
	struct session_ctx	*sc = arg;

	(void)s;
	if (event == SMTP_EV_EXTNA_STARTTLS)
		sc->no_starttls = 1;
}

/* With a user, "optional" means "required": no password in clear. */
static enum starttls_option
starttls_mode(const struct center_config *cfg)
{
	if (!strcmp(cfg->smtp_starttls, "off"))
		return Starttls_DISABLED;
	if (!strcmp(cfg->smtp_starttls, "required") ||
	    cfg->smtp_auth_user[0] != '\0')
		return Starttls_REQUIRED;
	return Starttls_ENABLED;
}

static int
setup_security(smtp_session_t s, struct session_ctx *sc,
    auth_context_t *auth, char *err, size_t errlen)
{
	const struct center_config	*cfg = sc->cfg;

	if (!smtp_set_eventcb(s, on_event, sc) ||
	    !smtp_starttls_enable(s, starttls_mode(cfg))) {
		snprintf(err, errlen, "libesmtp: cannot set up STARTTLS");
		return -1;
	}
	if (cfg->smtp_auth_user[0] == '\0')
		return 0;
	if (read_password(cfg->smtp_auth_password_file, sc->pass,
	    sizeof(sc->pass), err, errlen))
		return -1;
	auth_client_init();
	if ((*auth = auth_create_context()) == NULL) {
		snprintf(err, errlen, "libesmtp: no auth context");
		return -1;
	}
	/* PLAIN and LOGIN: the session is under TLS, or trusted (above). */
	(void)auth_set_mechanism_flags(*auth, AUTH_PLUGIN_PLAIN, 0);
	(void)auth_set_interact_cb(*auth, auth_interact, sc);
	if (!smtp_auth_set_context(s, *auth)) {
		snprintf(err, errlen, "libesmtp: cannot set up AUTH");
		return -1;
	}
	return 0;
}

/* A status of 0 means the dialogue never reached that point. */
static enum smtp_result
classify(const smtp_status_t *st, const char *what, char *err, size_t errlen)
{
	if (st != NULL && st->code >= 200 && st->code < 300)
		return SMTP_SENT;
	snprintf(err, errlen, "%s: %d %s", what, st != NULL ? st->code : 0,
	    st != NULL && st->text != NULL ? st->text : "no answer");
	err[strcspn(err, "\r\n")] = '\0';
	return st != NULL && st->code >= 500 ? SMTP_REFUSED : SMTP_RETRY;
}

enum smtp_result
smtp_send(const struct center_config *cfg, const char *rcpt,
    const char *text, char *err, size_t errlen)
{
	struct session_ctx	 sc = { .cfg = cfg };
	auth_context_t		 auth = NULL;
	smtp_session_t		 s;
	smtp_message_t		 m;
	smtp_recipient_t	 r;
	enum smtp_result	 res = SMTP_RETRY;
	char			 server[CENTER_STR_MAX + 16], ebuf[128];

	snprintf(server, sizeof(server), "%s:%d", cfg->smtp_host,
	    cfg->smtp_port);
	if ((s = smtp_create_session()) == NULL) {
		snprintf(err, errlen, "libesmtp: %s",
		    smtp_strerror(smtp_errno(), ebuf, sizeof(ebuf)));
		return SMTP_RETRY;
	}
	if (!smtp_set_server(s, server) ||
	    (m = smtp_add_message(s)) == NULL ||
	    !smtp_set_reverse_path(m, cfg->sender) ||
	    (r = smtp_add_recipient(m, rcpt)) == NULL ||
	    !smtp_set_message_str(m, (void *)text)) {
		snprintf(err, errlen, "libesmtp: %s",
		    smtp_strerror(smtp_errno(), ebuf, sizeof(ebuf)));
		goto done;
	}
	if (setup_security(s, &sc, &auth, err, errlen))
		goto done;
	if (!smtp_start_session(s)) {
		snprintf(err, errlen, "smtp %s: %s", server,
		    smtp_strerror(smtp_errno(), ebuf, sizeof(ebuf)));
		goto done;
	}
	if (sc.no_starttls) {
		snprintf(err, errlen, "smtp %s does not offer STARTTLS: "
		    "nothing sent (%s)", server, cfg->smtp_auth_user[0] &&
		    strcmp(cfg->smtp_starttls, "required") ?
		    "smtp_auth_user without smtp_starttls = off" :
		    "smtp_starttls = required");
		goto done;
	}
	/* The recipient first: refused at RCPT, the message's status is only
	 * the relay's complaint that no recipient was left for DATA. */
	res = classify(smtp_recipient_status(r), "recipient", err, errlen);
	if (res == SMTP_SENT)
		res = classify(smtp_message_transfer_status(m), "message", err,
		    errlen);
done:
	smtp_destroy_session(s);
	if (auth != NULL)
		auth_destroy_context(auth);
	explicit_bzero(sc.pass, sizeof(sc.pass));
	return res;
}
