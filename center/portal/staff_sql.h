/*
 * Statements the staff pages and the API share, so that both change the
 * same data the same way.
 */
#ifndef FAXCENTER_STAFF_SQL_H
#define FAXCENTER_STAFF_SQL_H

#include "home_query.h"

/* An account by name: id, password hash. */
#define STAFF_SQL_USER							\
	"SELECT id, password_hash FROM staff_users "			\
	"WHERE username = ? AND disabled_at IS NULL"

/* A new session: user id, token hash, csrf secret, hours. */
#define STAFF_SQL_SESSION_OPEN						\
	"INSERT INTO sessions (staff_user_id, token_hash, csrf_secret, "	\
	"expires_at) VALUES (?, ?, ?, NOW(6) + INTERVAL ? HOUR)"

/* Terminals by state (worst open notice): head, state, count, tail. */
#define STAFF_SQL_STATES(head, tail)					\
	"SELECT " head "st, COUNT(*)" tail " FROM ("			\
	"  SELECT CASE MAX(FIELD(n.severity, 'report', 'warning', "	\
	"  'error')) WHEN 3 THEN 'error' WHEN 2 THEN 'warning' "	\
	"  ELSE 'ok' END st FROM terminals t LEFT JOIN notices n "	\
	"  ON n.terminal_id = t.id AND n.closed_at IS NULL "		\
	"  GROUP BY t.id) x GROUP BY st"

/* Terminals without a report for HOME_STALE_DAYS. */
#define STAFF_SQL_STALE							\
	"(last_report_at IS NULL OR last_report_at < "			\
	"NOW(6) - INTERVAL " HOME_STALE_DAYS " DAY)"

#endif
