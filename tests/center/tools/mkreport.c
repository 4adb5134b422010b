/* SPDX-License-Identifier: ISC */
/*
 * mkreport: writes a signed faxcare report e-mail with the protocol
 * library's own encoder, for the center's tests and benchmark.
 *
 * usage: mkreport -k MASTER-KEY-FILE -t TYPE -i TERMINAL-ID -m MANAGER
 *            -r REPORT-ID [-M MODEL] [-S SERIAL] [-c KEYWORD] [-n TRAY]
 *            [-C COMPLETES] [-R REMINDER-OF] [-T EPOCH] [-L TONER%] [-l]
 *            [-x KEYWORD]
 *   -L  the toner level the report carries
 *   -x  a condition keyword outside the shared table (a newer terminal's,
 *       or an invented one): severity error, kind fault, alert code 1
 *   -l  LF line ends (default CRLF, as on the wire)
 *        mkreport -b
 *   -b  many reports, one process (the benchmark writes thousands): each
 *       line of stdin is "FILE OPTIONS..." (the options above, split at
 *       blanks, no quoting), and that report is written to FILE
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "faxcare/proto.h"

static void
usage(void)
{
	fprintf(stderr, "usage: mkreport -k MASTER-KEY-FILE -t TYPE "
	    "-i TERMINAL-ID -m MANAGER -r REPORT-ID [-M MODEL] [-S SERIAL] "
	    "[-c KEYWORD] [-n TRAY] [-C COMPLETES] [-R REMINDER-OF] "
	    "[-T EPOCH] [-L TONER%%] [-l] [-x KEYWORD]\n");
	exit(2);
}

static void
fail(const struct fc_error *err)
{
	fprintf(stderr, "mkreport: %s\n", err->text);
	exit(1);
}

#define COPY(dst, src)	snprintf((dst), sizeof(dst), "%s", (src))

/* One report from the options in argv, written to out. */
static int
make_one(int argc, char **argv, FILE *out)
{
	struct fc_report	r;
	struct fc_error		err;
	struct fc_key		master, key;
	enum fc_report_type	type = FC_REPORT_NONE;
	enum fc_condition	cond = FC_COND_NONE;
	enum fc_newline		nl = FC_NEWLINE_CRLF;
	const char		*keyfile = NULL;
	static char		buf[FC_MESSAGE_MAX];
	char			from[FC_ADDRESS_MAX + 1];
	size_t			len;
	int			ch, tray = 0;

	fc_report_init(&r, FC_REPORT_NONE);
	COPY(r.model, "FX-9000");
	COPY(r.serial, "SN1");
	r.timestamp = time(NULL);
	optind = 1;
	while ((ch = getopt(argc, argv, "k:t:i:m:r:M:S:c:n:C:R:T:L:lx:")) != -1) {
		switch (ch) {
		case 'k': keyfile = optarg; break;
		case 't':
			if (fc_report_type_parse(optarg, &type))
				usage();
			break;
		case 'i': COPY(r.terminal_id, optarg); break;
		case 'm': COPY(r.manager, optarg); break;
		case 'r': COPY(r.report_id, optarg); break;
		case 'M': COPY(r.model, optarg); break;
		case 'S': COPY(r.serial, optarg); break;
		case 'c':
			if ((cond = fc_condition_by_keyword(optarg)) ==
			    FC_COND_NONE)
				usage();
			break;
		case 'n': tray = atoi(optarg); break;
		case 'C': COPY(r.completes, optarg); break;
		case 'R': COPY(r.reminder_of, optarg); break;
		case 'T': r.timestamp = atoll(optarg); break;
		case 'L': r.toner_level = atoi(optarg); break;
		case 'l': nl = FC_NEWLINE_LF; break;
		case 'x':
			COPY(r.keyword, optarg);
			r.condition = FC_COND_NONE;
			r.severity = FC_SEVERITY_ERROR;
			r.alert_code = 1;
			r.kind = FC_KIND_FAULT;
			break;
		default: usage();
		}
	}
	if (keyfile == NULL || type == FC_REPORT_NONE)
		usage();
	r.type = type;
	if (cond != FC_COND_NONE && fc_report_set_condition(&r, cond, tray,
	    &err))
		fail(&err);
	if (type == FC_REPORT_METER)
		r.page_count = 1234;
	if (fc_key_load_file(keyfile, &master, &err) ||
	    fc_key_derive(&master, r.terminal_id, &key, &err))
		fail(&err);
	snprintf(from, sizeof(from), "%s@terminals.faxcare.test",
	    r.terminal_id);
	if (fc_report_encode_message(&r, &key, from, "reports@faxcare.test", nl,
	    buf, sizeof(buf), &len, &err))
		fail(&err);
	return fwrite(buf, 1, len, out) == len ? 0 : 1;
}

/* -b: "FILE OPTIONS..." a line. */
static int
make_many(void)
{
	char	 line[2048], *argv[64], *file, *w, *save;
	FILE	*out;
	int	 argc;

	while (fgets(line, sizeof(line), stdin) != NULL) {
		argv[0] = "mkreport";
		argc = 1;
		if ((file = strtok_r(line, " \t\n", &save)) == NULL)
			continue;
		while (argc < 63 && (w = strtok_r(NULL, " \t\n", &save)) != NULL)
			argv[argc++] = w;
		argv[argc] = NULL;
		if ((out = fopen(file, "w")) == NULL) {
			perror(file);
			return 1;
		}
		if (make_one(argc, argv, out) | (fclose(out) != 0)) {
			fprintf(stderr, "mkreport: cannot write %s\n", file);
			return 1;
		}
	}
	return ferror(stdin) ? 1 : 0;
}

int
main(int argc, char **argv)
{
	if (argc == 2 && strcmp(argv[1], "-b") == 0)
		return make_many();
	return make_one(argc, argv, stdout);
}
