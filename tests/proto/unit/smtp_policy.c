/* SPDX-License-Identifier: ISC */
/*
 * The relay policy shared by the daemon and the center: the password only
 * over TLS unless STARTTLS is off; 2xx accepted, 4xx and no answer retried,
 * 5xx refused for good; a refused or missing AUTH retried, never refused.
 */
#include <stdbool.h>
#include <string.h>
#include "faxcare/smtp.h"
#include "tap.h"

static const struct fc_smtp_relay daemon_relay = {
	.host = "relay.example.net", .port = 25,
	.starttls = FC_STARTTLS_OPTIONAL, .auth_user = "fax",
	.words = { .user = "auth-user", .password_file = "auth-password-file",
		   .starttls = "starttls", .assign = " " },
};

static void starttls_words(void)
{
	enum fc_starttls v = FC_STARTTLS_OPTIONAL;

	ok(!fc_starttls_from_word("off", &v) && v == FC_STARTTLS_OFF,
	       "\"off\" is STARTTLS off");
	ok(!fc_starttls_from_word("required", &v) &&
	       v == FC_STARTTLS_REQUIRED, "\"required\" is required");
	ok(!fc_starttls_from_word("optional", &v) &&
	       v == FC_STARTTLS_OPTIONAL, "\"optional\" is optional");
	ok(fc_starttls_from_word("yes", &v) == -1 &&
	       v == FC_STARTTLS_OPTIONAL, "another word is refused, v untouched");
	ok(fc_starttls_from_word(NULL, &v) == -1, "no word is refused");
}

static void tls_needed(void)
{
	is_int(fc_smtp_tls_needed(FC_STARTTLS_OPTIONAL, "fax"),
		   FC_STARTTLS_REQUIRED,
		   "with a user, optional means required");
	is_int(fc_smtp_tls_needed(FC_STARTTLS_OPTIONAL, ""),
		   FC_STARTTLS_OPTIONAL, "without a user, optional stays");
	is_int(fc_smtp_tls_needed(FC_STARTTLS_OPTIONAL, NULL),
		   FC_STARTTLS_OPTIONAL, "... NULL user too");
	is_int(fc_smtp_tls_needed(FC_STARTTLS_OFF, "fax"), FC_STARTTLS_OFF,
		   "only off sends the password in clear");
	is_int(fc_smtp_tls_needed(FC_STARTTLS_REQUIRED, NULL),
		   FC_STARTTLS_REQUIRED, "required stays required");
}

static void no_tls_reason(void)
{
	struct fc_smtp_relay r = daemon_relay;
	char buf[128];

	fc_smtp_no_tls_reason(&r, buf, sizeof(buf));
	is_str(buf, "auth-user without starttls off",
		   "no STARTTLS, optional with a user: names the user setting");
	r.starttls = FC_STARTTLS_REQUIRED;
	r.words = (struct fc_smtp_words){ .user = "smtp_auth_user",
		.starttls = "smtp_starttls", .assign = " = " };
	fc_smtp_no_tls_reason(&r, buf, sizeof(buf));
	is_str(buf, "smtp_starttls = required",
		   "no STARTTLS, required: in the caller's own words");
}

/* The replies to AUTH, MAIL, RCPT, DATA (0: none) and what they mean. */
static const struct {
	int auth, mail, rcpt, data;
	enum fc_smtp_verdict verdict;
	int code, auth_code, envelope;
	const char *text, *what;
} cases[] = {
	{ 0, 250, 250, 250, FC_SMTP_ACCEPTED, 250, 0, 0, "250 data says",
	  "2xx to RCPT and DATA: accepted, one line" },
	{ 0, 250, 450, 0, FC_SMTP_RETRY, 450, 0, 0, "450 rcpt says",
	  "4xx to RCPT: retry" },
	{ 0, 250, 450, 554, FC_SMTP_RETRY, 450, 0, 0, "450 rcpt says",
	  "4xx to RCPT, then 5xx to DATA: retry" },
	{ 0, 250, 250, 451, FC_SMTP_RETRY, 451, 0, 0, "451 data says",
	  "4xx to DATA: retry" },
	{ 0, 250, 550, 0, FC_SMTP_REFUSED, 550, 0, 1, "550 rcpt says",
	  "5xx to RCPT: refused, the envelope" },
	{ 0, 250, 250, 554, FC_SMTP_REFUSED, 554, 0, 0, "554 data says",
	  "5xx to DATA: refused, that message alone" },
	{ 0, 553, 0, 0, FC_SMTP_REFUSED, 553, 0, 1, "553 mail says",
	  "5xx to MAIL: refused, the envelope" },
	{ 0, 250, 554, 0, FC_SMTP_REFUSED, 554, 0, 1, "554 rcpt says",
	  "554 to RCPT (relay access denied): the envelope refused" },
	{ 0, 0, 0, 0, FC_SMTP_RETRY, 0, 0, 0, "no answer",
	  "no answer at all: retry" },
	{ 0, 250, 0, 0, FC_SMTP_RETRY, 0, 0, 0, "no answer",
	  "no answer to RCPT: retry" },
	{ 535, 250, 535, 0, FC_SMTP_RETRY, 535, 535, 0, "535 rcpt says",
	  "AUTH refused, then 5xx to RCPT: retry, not refused" },
	{ 535, 250, 550, 0, FC_SMTP_RETRY, 535, 535, 0, "535",
	  "AUTH refused, then another 5xx: retry with AUTH's code" },
	{ 0, 530, 0, 0, FC_SMTP_RETRY, 530, 530, 0, "530 mail says",
	  "530 to MAIL (AUTH required): retry" },
	{ 0, 250, 535, 0, FC_SMTP_RETRY, 535, 535, 0, "535 rcpt says",
	  "535 to RCPT: retry" },
	{ 535, 250, 250, 250, FC_SMTP_ACCEPTED, 250, 0, 0, "250 data says",
	  "AUTH refused but the relay took it: accepted" },
};

static void classification(void)
{
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct fc_smtp_replies r = {
			.auth = cases[i].auth, .mail = cases[i].mail,
			.rcpt = cases[i].rcpt, .data = cases[i].data,
			.mail_text = "mail says", .rcpt_text = "rcpt says",
			.data_text = "data says\r\n",
		};
		struct fc_smtp_outcome o;
		bool same;

		fc_smtp_classify(&r, &o);
		same = o.verdict == cases[i].verdict &&
		       o.code == cases[i].code &&
		       o.auth_code == cases[i].auth_code &&
		       o.envelope == cases[i].envelope &&
		       !strcmp(o.text, cases[i].text);
		ok(same, "%s", cases[i].what);
		if (!same)
			diag("got verdict %d code %d auth %d envelope %d '%s'",
				 o.verdict, o.code, o.auth_code, o.envelope,
				 o.text);
	}
	ok(fc_smtp_is_auth_code(530) && fc_smtp_is_auth_code(535) &&
	       !fc_smtp_is_auth_code(534) && !fc_smtp_is_auth_code(550),
	       "530 and 535 are the AUTH codes");
}

static void feed(struct fc_smtp_auth_watch *w, const char *line, int writing)
{
	fc_smtp_watch_auth(line, (int)strlen(line), writing, w);
}

static void auth_watch(void)
{
	struct fc_smtp_auth_watch w = { 0 };

	feed(&w, "530 5.7.0 Authentication required\r\n", 0);
	is_int(w.code, 0, "a reply before any AUTH is not AUTH's");
	feed(&w, "AUTH LOGIN\r\n", 1);
	feed(&w, "334 VXNlcm5hbWU6\r\n", 0);
	ok(w.sent && w.in_auth && !w.code, "334: the exchange goes on");
	feed(&w, "535 5.7.8 Error: authentication failed\r\n250 ignored\r\n",
	     0);
	is_int(w.code, 535, "535 ends it: the refusal is kept");
	is_str(w.text, "535 5.7.8 Error: authentication failed",
		   "... with its first line");
	feed(&w, "550 5.1.1 no such user\r\n", 0);
	is_int(w.code, 535, "later replies are not AUTH's");

	memset(&w, 0, sizeof(w));
	feed(&w, "AUTH PLAIN AGZheABzZWNyZXQ=\r\n", 1);
	feed(&w, "235 2.7.0 Authentication successful\r\n", 0);
	ok(w.sent && !w.in_auth && !w.code, "235: accepted, nothing kept");
}

static void auth_sentences(void)
{
	struct fc_smtp_auth_watch w = { .sent = 1, .code = 535 };
	struct fc_smtp_relay r = daemon_relay;
	char buf[256];

	strcpy(w.text, "535 5.7.8 Error: authentication failed");
	fc_smtp_auth_sentence(&r, &w, 535, buf, sizeof(buf));
	is_str(buf, "refused the credentials of auth-user fax (535 5.7.8 Error: authentication failed)",
		   "credentials refused: the user and the relay's answer");
	memset(&w, 0, sizeof(w));
	fc_smtp_auth_sentence(&r, &w, 530, buf, sizeof(buf));
	is_str(buf, "wants AUTH (530), but offers no mechanism libESMTP has (PLAIN, LOGIN) for auth-user fax",
		   "AUTH wanted, never sent: no usable mechanism");
	w.sent = 1;
	fc_smtp_auth_sentence(&r, &w, 535, buf, sizeof(buf));
	is_str(buf, "did not accept auth-user fax (535)",
		   "AUTH sent, a later 535: the user not accepted");
	r.auth_user = "";
	r.words.user = "smtp_auth_user";
	fc_smtp_auth_sentence(&r, &w, 530, buf, sizeof(buf));
	is_str(buf, "requires authentication (530) and no smtp_auth_user is configured",
		   "530 without a user: says none is configured");
}

int main(void)
{
	starttls_words();
	tls_needed();
	no_tls_reason();
	classification();
	auth_watch();
	auth_sentences();
	return done_testing();
}
