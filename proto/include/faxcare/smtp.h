/* SPDX-License-Identifier: ISC */
/*
 * Handing mail to an SMTP relay with libESMTP: the terminal daemon's reports
 * and the center's outbox go out through this one policy.
 *
 * - STARTTLS required, optional or off; with an AUTH user, optional means
 *   required: the password only goes over TLS, and only "off" (the link
 *   itself is trusted) sends it in clear. A relay that lacks the STARTTLS
 *   the policy needs gets nothing.
 * - Under STARTTLS the relay's certificate must verify against the CA file
 *   configured, or the system's trust store, and name the relay: otherwise
 *   the session ends before AUTH or any mail, to be retried.
 * - Each message ends accepted (2xx), to retry later (4xx, no connection,
 *   a timeout) or refused for good (5xx). A relay that refused the
 *   credentials (535) or asks for them (530) points at the configuration,
 *   not at the message: retry later, never refused for good.
 * - A 5xx to MAIL or RCPT refuses the envelope (e.g. 554 5.7.1 Relay access
 *   denied), not the message: the outcome says so (envelope), and a caller
 *   whose sender and recipient never change (the terminal) keeps its mail
 *   for the fixed configuration; only a 5xx to DATA refuses one message.
 *
 * Link with build/libfaxcare-smtp.a, build/libfaxcare-proto.a and
 * $(pkg-config --libs libesmtp-1.0 openssl).
 */
#ifndef FAXCARE_SMTP_H
#define FAXCARE_SMTP_H

#include <stddef.h>
#include <stdio.h>
#include <sys/types.h>
#include "faxcare/error.h"

enum fc_starttls {
	FC_STARTTLS_OFF,
	FC_STARTTLS_OPTIONAL,
	FC_STARTTLS_REQUIRED,
};

/* How the caller's configuration spells its settings, for messages. */
struct fc_smtp_words {
	const char *user;		/* "auth-user" */
	const char *password_file;	/* "auth-password-file" */
	const char *starttls;		/* "starttls" */
	const char *ca_file;		/* "relay-ca-file" */
	const char *assign;		/* between a setting and its value: " " */
};

struct fc_smtp_relay {
	const char *host;
	unsigned int port;
	enum fc_starttls starttls;
	const char *auth_user;		/* NULL or "": no AUTH */
	const char *password_file;	/* first line: the password; owned by
					   root, us or user, nobody else may
					   write it */
	uid_t user;			/* 0, a user who may own it too, or
					   FC_ANY_OWNER (faxcare/key.h) */
	long timeout_ms;		/* every SMTP timeout; 0: libESMTP's */
	const char *ca_file;		/* PEM CAs; NULL or "": the system's */
	struct fc_smtp_words words;
};

enum fc_smtp_verdict {
	FC_SMTP_ACCEPTED,	/* 2xx to the message: it left our hands */
	FC_SMTP_RETRY,		/* 4xx, no relay, no TLS, AUTH refused/needed */
	FC_SMTP_REFUSED,	/* 5xx: retrying will not help */
};

struct fc_smtp_outcome {
	enum fc_smtp_verdict verdict;
	int code;		/* the reply that decided it; 0: none */
	int auth_code;		/* 530 or 535 when AUTH kept it, else 0 */
	int envelope;		/* REFUSED at MAIL or RCPT, not at DATA */
	char text[256];		/* "550 5.1.1 ..." or a sentence: one line */
};

/* How a run went as a whole. */
enum fc_smtp_run {
	FC_SMTP_RAN,		/* the relay answered: see each message */
	FC_SMTP_UNREACHED,	/* no SMTP dialogue (connection, timeout) */
	FC_SMTP_NO_STARTTLS,	/* TLS needed and not offered: nothing sent */
	FC_SMTP_UNTRUSTED,	/* its certificate did not verify: nothing sent */
};

struct fc_smtp_session;
struct fc_smtp_message;

/* A session to relay (kept by pointer: it must outlive the session). */
int fc_smtp_open(struct fc_smtp_session **sp, const struct fc_smtp_relay *relay,
		 struct fc_error *err);

/*
 * One message to one recipient: the whole text (CRLF or LF lines) from fp
 * or text, which the caller keeps open or alive until fc_smtp_close().
 */
struct fc_smtp_message *fc_smtp_add_file(struct fc_smtp_session *s,
					 const char *sender, const char *rcpt,
					 FILE *fp);
struct fc_smtp_message *fc_smtp_add_text(struct fc_smtp_session *s,
					 const char *sender, const char *rcpt,
					 const char *text);

/* One SMTP session for every message added; why: a sentence unless RAN. */
enum fc_smtp_run fc_smtp_run(struct fc_smtp_session *s, char *why, size_t len);

/* After fc_smtp_run(): what became of m. */
void fc_smtp_outcome(const struct fc_smtp_session *s,
		     const struct fc_smtp_message *m,
		     struct fc_smtp_outcome *out);

/* The relay's refusal of the credentials (e.g. 535), 0 if none. */
int fc_smtp_auth_refused(const struct fc_smtp_session *s);

/*
 * What the relay did about authentication, after "relay HOST:PORT ": e.g.
 * "refused the credentials of auth-user fax (535 5.7.8 ...)"; code is an
 * outcome's auth_code.
 */
void fc_smtp_auth_trouble(const struct fc_smtp_session *s, int code,
			  char *buf, size_t len);

/* Ends the session, wipes the password. s may be NULL. */
void fc_smtp_close(struct fc_smtp_session *s);

/*
 * The policy itself, apart from libESMTP.
 */

/* "required", "optional", "off"; 0, or -1 for another word. */
int fc_starttls_from_word(const char *word, enum fc_starttls *v);

/* The STARTTLS a session uses: with a user, optional becomes required. */
enum fc_starttls fc_smtp_tls_needed(enum fc_starttls configured,
				    const char *auth_user);

/* Why nothing went to a relay without STARTTLS: "starttls required". */
void fc_smtp_no_tls_reason(const struct fc_smtp_relay *relay, char *buf,
			   size_t len);

/* 530 (authentication required) and 535 (credentials invalid). */
int fc_smtp_is_auth_code(int code);

/* The relay's replies about one message; 0: that step was not reached. */
struct fc_smtp_replies {
	int auth;		/* the relay's refusal of AUTH */
	int mail, rcpt, data;
	const char *mail_text, *rcpt_text, *data_text;
};

/* The verdict, code, auth_code and (for a reply) the text for replies. */
void fc_smtp_classify(const struct fc_smtp_replies *r,
		      struct fc_smtp_outcome *out);

/*
 * The replies to AUTH, watched on the wire: libESMTP tells nobody that
 * the relay refused (it tries the next mechanism, then MAIL without AUTH).
 */
struct fc_smtp_auth_watch {
	int sent;		/* an AUTH command went out */
	int in_auth;		/* replies now answer it */
	int code;		/* the final refusal, 0 if none */
	char text[200];		/* its first line */
};

/* A libESMTP monitor callback: buf is len bytes, written or read. */
void fc_smtp_watch_auth(const char *buf, int len, int writing, void *watch);

/* fc_smtp_auth_trouble() from the relay's settings and what was watched. */
void fc_smtp_auth_sentence(const struct fc_smtp_relay *relay,
			   const struct fc_smtp_auth_watch *w, int code,
			   char *buf, size_t len);

#endif /* FAXCARE_SMTP_H */
