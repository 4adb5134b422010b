/* SPDX-License-Identifier: ISC */
/*
 * faxcenter-staff: manage the staff pages' accounts.
 *
 * usage: faxcenter-staff [-c CONFIG] -n
 *        faxcenter-staff [-c CONFIG] add USERNAME ROLE
 *        faxcenter-staff [-c CONFIG] passwd USERNAME
 *        faxcenter-staff [-c CONFIG] disable USERNAME
 *        faxcenter-staff [-c CONFIG] purge
 *        faxcenter-staff [-c CONFIG] unlock TERMINAL-ID
 *   -n checks the configuration and exits (0 and "configuration OK").
 *   The password is read from the first line of standard input.
 *   passwd and disable end the account's sessions and API tokens.
 *   purge deletes expired staff and manager sessions and expired homepage
 *   links (run it daily, e.g. from a systemd timer).
 *   unlock lets confirmations change the terminal's manager again, after
 *   its previous manager undid a change (docs/center.md).
 *   ROLE: admin (everything), desk (orders, catalogue, guides), dispatch
 *   (technicians and visits), staff (fleet overview only).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config.h"
#include "db.h"
#include "db_retry.h"
#include "log.h"
#include "password.h"

static void
usage(void)
{
	(void)fprintf(stderr, "usage: faxcenter-staff [-c CONFIG] "
	    "-n | add USERNAME ROLE | passwd USERNAME | disable USERNAME | purge |\n"
	    "    unlock TERMINAL-ID\n");
	exit(2);
}

static int
read_password(char *pw, size_t len)
{
	size_t	n;

	if (fgets(pw, (int)len, stdin) == NULL)
		return -1;
	n = strcspn(pw, "\r\n");
	pw[n] = '\0';
	return n >= 8 ? 0 : -1;
}

/* Expired sessions and links: nobody can use them any more. */
static int
purge(struct db *db)
{
	static const char *const sql[] = {
		"DELETE FROM sessions WHERE expires_at < NOW(6)",
		"DELETE FROM manager_sessions WHERE expires_at < NOW(6)",
		"DELETE FROM manager_tokens WHERE expires_at < NOW(6)",
	};
	unsigned long long	n, total = 0;
	unsigned int		i;

	for (i = 0; i < sizeof(sql) / sizeof(sql[0]); i++) {
		if (db_exec(db, sql[i], NULL, 0, &n, NULL))
			return -1;
		total += n;
	}
	printf("purged %llu expired sessions and links\n", total);
	return 0;
}

struct unlock_arg {
	const char		*terminal;
	unsigned long long	 n;
};

static int
unlock_txn(struct db *db, void *arg)
{
	struct unlock_arg	*a = arg;
	struct db_val		 p[] = { DB_STR(a->terminal) };

	a->n = 0;
	return db_exec(db, "UPDATE terminals SET manager_locked_at = NULL "
	    "WHERE terminal_uid = ? AND manager_locked_at IS NOT NULL",
	    p, 1, &a->n, NULL) || (a->n > 0 && db_exec(db, "INSERT INTO "
	    "audit_log (actor, action, subject) VALUES ('faxcenter-staff', "
	    "'manager unlocked', ?)", p, 1, NULL, NULL)) ? -1 : 0;
}

/*
 * Staff looked into an undone change of manager: confirmations may
 * change the terminal's manager again. Audited.
 */
static int
unlock(struct db *db, const char *terminal)
{
	struct unlock_arg	a = { terminal, 0 };

	if (db_txn(db, unlock_txn, &a))
		return -1;
	if (a.n == 0) {
		(void)snprintf(db->err, sizeof(db->err), "no locked terminal "
		    "%s", terminal);
		return -1;
	}
	printf("%s: its manager may change again\n", terminal);
	return 0;
}

struct change_arg {
	const char		*sql;
	const struct db_val	*p;
	unsigned int		 n;
	const char		*user;
	unsigned long long	*affected;
	unsigned long long	 ended;
};

static int
change_txn(struct db *db, void *arg)
{
	struct change_arg	*a = arg;
	struct db_val		 who[] = { DB_STR(a->user) };

	a->ended = 0;
	return db_exec(db, a->sql, a->p, a->n, a->affected, NULL) ||
	    db_exec(db, "DELETE s FROM sessions s JOIN staff_users u "
	    "ON u.id = s.staff_user_id WHERE u.username = ?", who, 1,
	    &a->ended, NULL) ? -1 : 0;
}

/*
 * A new password or a disabled account: whoever held the old one may have
 * signed in with it, so the account's sessions and API tokens end in the
 * same transaction (run again if it loses a race, db_retry.h).
 */
static int
change_and_sign_out(struct db *db, const char *sql, const struct db_val *p,
    unsigned int n, const char *user, unsigned long long *affected)
{
	struct change_arg	a = { sql, p, n, user, affected, 0 };

	if (db_txn(db, change_txn, &a))
		return -1;
	if (*affected != 0)
		printf("%s: %llu sessions and API tokens ended\n", user,
		    a.ended);
	return 0;
}

static int
valid_role(const char *role)
{
	return !strcmp(role, "admin") || !strcmp(role, "desk") ||
	    !strcmp(role, "dispatch") || !strcmp(role, "staff");
}

int
main(int argc, char **argv)
{
	struct center_config	cfg;
	struct db		db;
	const char		*path = NULL, *cmd, *user;
	char			err[256], pw[256], hash[PASSWORD_HASH_MAX];
	unsigned long long	affected = 0;
	int			ch, check = 0, rc;

	log_init("faxcenter-staff");
	while ((ch = getopt(argc, argv, "c:n")) != -1) {
		if (ch == 'c')
			path = optarg;
		else if (ch == 'n')
			check = 1;
		else
			usage();
	}
	if (check) {
		if (optind != argc)
			usage();
		if (center_config_load(&cfg, path, err, sizeof(err)))
			fatalx("%s", err);
		log_info("configuration OK");
		return 0;
	}
	if ((argc - optind == 1 && !strcmp(argv[optind], "purge")) ||
	    (argc - optind == 2 && !strcmp(argv[optind], "unlock"))) {
		if (center_config_load(&cfg, path, err, sizeof(err)))
			fatalx("%s", err);
		if (db_open(&db, &cfg))
			fatalx("%s", db.err);
		rc = argc - optind == 1 ? purge(&db) :
		    unlock(&db, argv[optind + 1]);
		if (rc)
			warnx("%s", db.err);
		db_close(&db);
		return rc ? 1 : 0;
	}
	if (argc - optind < 2)
		usage();
	cmd = argv[optind];
	user = argv[optind + 1];
	if ((!strcmp(cmd, "add") && (argc - optind != 3 ||
	    !valid_role(argv[optind + 2]))) ||
	    (strcmp(cmd, "add") && argc - optind != 2))
		usage();
	if (strcmp(cmd, "add") && strcmp(cmd, "passwd") &&
	    strcmp(cmd, "disable"))
		usage();
	if (strcmp(cmd, "disable") && (read_password(pw, sizeof(pw)) ||
	    password_hash(pw, hash, sizeof(hash)))) {
		fatalx("a password of at least 8 characters on standard "
		    "input, please");
	}
	if (center_config_load(&cfg, path, err, sizeof(err)))
		fatalx("%s", err);
	if (db_open(&db, &cfg))
		fatalx("%s", db.err);
	if (!strcmp(cmd, "add")) {
		struct db_val p[] = { DB_STR(user), DB_STR(hash),
		    DB_STR(argv[optind + 2]) };
		rc = db_exec(&db, "INSERT INTO staff_users (username, "
		    "password_hash, role) VALUES (?, ?, ?)", p, 3, &affected,
		    NULL);
	} else if (!strcmp(cmd, "passwd")) {
		struct db_val p[] = { DB_STR(hash), DB_STR(user) };
		rc = change_and_sign_out(&db, "UPDATE staff_users SET "
		    "password_hash = ? WHERE username = ?", p, 2, user,
		    &affected);
	} else {
		struct db_val p[] = { DB_STR(user) };
		rc = change_and_sign_out(&db, "UPDATE staff_users SET "
		    "disabled_at = NOW(6) WHERE username = ? AND "
		    "disabled_at IS NULL", p, 1, user, &affected);
	}
	if (rc == 0 && affected == 0) {
		(void)snprintf(db.err, sizeof(db.err), "no such user: %s",
		    user);
		rc = -1;
	}
	if (rc)
		warnx("%s", db.err);
	db_close(&db);
	return rc ? 1 : 0;
}
