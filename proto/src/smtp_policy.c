/* SPDX-License-Identifier: ISC */
/*
 * The relay policy apart from libESMTP: which STARTTLS a session needs,
 * what the relay's replies mean for a message, and what it said to AUTH.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include "faxcare/smtp.h"
#include "internal.h"

int fc_starttls_from_word(const char *word, enum fc_starttls *v)
{
	static const char *const words[] = {
		[FC_STARTTLS_OFF] = "off",
		[FC_STARTTLS_OPTIONAL] = "optional",
		[FC_STARTTLS_REQUIRED] = "required",
	};

	for (int i = 0; word && i < FC_ARRAY_SIZE(words); i++) {
		if (!strcmp(words[i], word)) {
			*v = (enum fc_starttls)i;
			return 0;
		}
	}
	return -1;
}

static int has_user(const char *auth_user)
{
	return auth_user && auth_user[0];
}

enum fc_starttls fc_smtp_tls_needed(enum fc_starttls configured,
				    const char *auth_user)
{
	if (configured == FC_STARTTLS_OPTIONAL && has_user(auth_user))
		return FC_STARTTLS_REQUIRED;
	return configured;
}

void fc_smtp_no_tls_reason(const struct fc_smtp_relay *relay, char *buf,
			   size_t len)
{
	const struct fc_smtp_words *w = &relay->words;

	if (relay->starttls == FC_STARTTLS_REQUIRED)
		(void)snprintf(buf, len, "%s%srequired", w->starttls,
			       w->assign);
	else
		(void)snprintf(buf, len, "%s without %s%soff", w->user,
			       w->starttls, w->assign);
}

int fc_smtp_is_auth_code(int code)
{
	return code == 530 || code == 535;
}

static int is_2xx(int code)
{
	return code / 100 == 2;
}

/* "550 5.1.1 <x>: Recipient address rejected", one line. */
static void reply_text(struct fc_smtp_outcome *out, const char *text)
{
	if (text && text[0])
		(void)snprintf(out->text, sizeof(out->text), "%d %s",
			       out->code, text);
	else
		(void)snprintf(out->text, sizeof(out->text), "%d", out->code);
	out->text[strcspn(out->text, "\r\n")] = '\0';
}

/*
 * The first step that did not succeed decides: MAIL, then RCPT, then the
 * message's DATA. A 4xx RCPT makes some relays answer DATA with 5xx: the
 * RCPT's 4xx decides, the message is retried. A 5xx at MAIL or RCPT is
 * flagged as the envelope's: the caller knows whether its envelope changes.
 */
void fc_smtp_classify(const struct fc_smtp_replies *r,
		      struct fc_smtp_outcome *out)
{
	int code = r->data;
	const char *text = r->data_text;

	memset(out, 0, sizeof(*out));
	if (is_2xx(r->rcpt) && is_2xx(r->data)) {
		out->verdict = FC_SMTP_ACCEPTED;
		out->code = r->data;
		reply_text(out, r->data_text);
		return;
	}
	out->auth_code = r->auth ? r->auth :
			 fc_smtp_is_auth_code(r->mail) ? r->mail :
			 fc_smtp_is_auth_code(r->rcpt) ? r->rcpt :
			 fc_smtp_is_auth_code(r->data) ? r->data : 0;
	if (r->mail && !is_2xx(r->mail)) {
		code = r->mail;
		text = r->mail_text;
		out->envelope = 1;
	} else if (r->rcpt && !is_2xx(r->rcpt)) {
		code = r->rcpt;
		text = r->rcpt_text;
		out->envelope = 1;
	}
	out->verdict = !out->auth_code && code / 100 == 5 ?
		       FC_SMTP_REFUSED : FC_SMTP_RETRY;
	if (out->verdict != FC_SMTP_REFUSED)
		out->envelope = 0;
	if (out->auth_code && out->auth_code != code) {
		code = out->auth_code;	/* AUTH itself: its text is watched */
		text = NULL;
	}
	out->code = code;
	if (code)
		reply_text(out, text);
	else
		(void)snprintf(out->text, sizeof(out->text), "no answer");
}

void fc_smtp_watch_auth(const char *buf, int len, int writing, void *watch)
{
	struct fc_smtp_auth_watch *w = watch;
	const char *eol;
	int code;

	if (writing) {
		if (len >= 5 && !strncmp(buf, "AUTH ", 5))
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
	w->code = is_2xx(code) ? 0 : code;
	eol = memchr(buf, '\r', (size_t)len);
	if (!eol)
		eol = memchr(buf, '\n', (size_t)len);
	(void)snprintf(w->text, sizeof(w->text), "%.*s",
		       (int)(eol ? eol - buf : len), buf);
}

void fc_smtp_auth_sentence(const struct fc_smtp_relay *relay,
			   const struct fc_smtp_auth_watch *w, int code,
			   char *buf, size_t len)
{
	const char *key = relay->words.user, *user = relay->auth_user;

	if (w->code)
		(void)snprintf(buf, len,
			       "refused the credentials of %s %s (%s)", key,
			       user, w->text);
	else if (has_user(user) && !w->sent)
		(void)snprintf(buf, len,
			       "wants AUTH (%d), but offers no mechanism libESMTP has (PLAIN, LOGIN) for %s %s",
			       code, key, user);
	else if (has_user(user))
		(void)snprintf(buf, len, "did not accept %s %s (%d)", key,
			       user, code);
	else
		(void)snprintf(buf, len,
			       "requires authentication (%d) and no %s is configured",
			       code, key);
}
