/* SPDX-License-Identifier: ISC */
/*
 * What one report costs the center and the terminal, against a baseline
 * measured in the same run: one HMAC-SHA256 over the whole message, the
 * least any signed protocol must spend.
 * usage: proto_bench [SECONDS-PER-FIGURE]
 */
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "faxcare/proto.h"

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static char msg[FC_MESSAGE_MAX];
static size_t msglen;
static struct fc_key master, key;
static struct fc_report report;

static int baseline(void)
{
	unsigned char mac[32];
	unsigned int n;

	return HMAC(EVP_sha256(), key.bytes, FC_KEY_LEN,
		    (const unsigned char *)msg, msglen, mac, &n) ? 0 : -1;
}

/* The center: parse the body, derive the key, verify, check the time. */
static int receive(void)
{
	const char *body = strstr(msg, "\n\n") + 2;
	struct fc_report r;
	struct fc_key k;
	struct fc_error err;

	if (fc_report_parse_body(body, msglen - (size_t)(body - msg), &r,
				 &err) ||
	    fc_key_derive(&master, r.terminal_id, &k, &err) ||
	    fc_report_verify(&r, &k, &err) ||
	    fc_report_check_time(&r, (time_t)r.timestamp, 60, 60, &err))
		return -1;
	return 0;
}

/* The terminal: sign and write the whole message. */
static int send_one(void)
{
	static char out[FC_MESSAGE_MAX];
	struct fc_error err;

	return fc_report_encode_message(&report, &key, "t@example.com",
					"c@example.com", FC_NEWLINE_CRLF, out,
					sizeof(out), NULL, &err);
}

/* Calls per second of fn over about `secs` seconds. */
static double rate(int (*fn)(void), double secs)
{
	double start = now(), t;
	long n = 0;

	do {
		for (int i = 0; i < 256; i++, n++)
			if (fn()) {
				fprintf(stderr, "proto_bench: a call failed\n");
				exit(1);
			}
		t = now() - start;
	} while (t < secs);
	return (double)n / t;
}

int main(int argc, char **argv)
{
	double secs = argc > 1 ? atof(argv[1]) : 1.0, base, rx, tx;
	struct fc_error err;

	memset(master.bytes, 0x5a, FC_KEY_LEN);
	fc_report_init(&report, FC_REPORT_STATUS);
	strcpy(report.terminal_id, "fx9000-sn123");
	strcpy(report.model, "FX-9000");
	strcpy(report.serial, "SN123");
	strcpy(report.manager, "alice@example.com");
	report.timestamp = 1714564800;
	report.toner_level = 12;
	report.page_count = 12345;
	if (fc_report_id_new(report.report_id, &err) ||
	    fc_report_set_condition(&report, FC_COND_TONER_LOW, 0, &err) ||
	    fc_key_derive(&master, report.terminal_id, &key, &err) ||
	    fc_report_encode_message(&report, &key, "t@example.com",
				     "c@example.com", FC_NEWLINE_LF, msg,
				     sizeof(msg), &msglen, &err)) {
		fprintf(stderr, "proto_bench: %s\n", err.text);
		return 1;
	}
	base = rate(baseline, secs);
	rx = rate(receive, secs);
	tx = rate(send_one, secs);
	printf("message size:            %zu bytes\n", msglen);
	printf("baseline HMAC-SHA256:    %.0f /s\n", base);
	printf("center parse+verify:     %.0f /s  (%.2fx the baseline's time)\n",
	       rx, base / rx);
	printf("terminal sign+encode:    %.0f /s  (%.2fx the baseline's time)\n",
	       tx, base / tx);
	return fflush(stdout) == EOF;
}
