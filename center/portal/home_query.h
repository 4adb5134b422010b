/*
 * The manager's homepage in one statement: every section (manager,
 * terminals, open notices, consumables, orders, slots, visits, guides,
 * history) as rows of one UNION, tagged by their first column, so the page
 * costs one round trip to the database. Parameter: the session's hash.
 * What follows from other rows (a terminal's worst open notice, whether an
 * order's notice is still open) is worked out by home_render.c.
 */
#ifndef FAXCENTER_HOME_QUERY_H
#define FAXCENTER_HOME_QUERY_H

/* Column 0 of each row. */
#define HOME_MANAGER	'M'	/* email */
#define HOME_TERMINAL	'T'	/* id uid model serial last_report toner
				   - stale */
#define HOME_NOTICE	'N'	/* id terminal kind severity summary opened */
#define HOME_CONSUMABLE	'C'	/* notice id name sku yield price picture */
#define HOME_ORDER	'O'	/* id notice terminal item qty state
				   delivery-or-closed created */
#define HOME_SLOT	'S'	/* id technician starts ends */
#define HOME_VISIT	'V'	/* id notice terminal state starts technician */
#define HOME_GUIDE	'G'	/* terminal title url summary */
#define HOME_HISTORY	'H'	/* id terminal summary severity opened closed */

#define HOME_TIME(col)	"DATE_FORMAT(" col ", '%Y-%m-%d %H:%i UTC')"

/* A terminal is "not reporting" after this long without a report. */
#define HOME_STALE_DAYS	"7"

static const char home_sql[] =
	"WITH me AS (SELECT manager_id FROM manager_sessions "
	"  WHERE token_hash = ? AND expires_at > NOW(6)), "
	"term AS (SELECT t.id, t.terminal_uid, t.serial, t.model_id, "
	"  t.last_report_at FROM terminals t JOIN me "
	"  ON t.manager_id = me.manager_id), "
	"opn AS (SELECT n.id, n.terminal_id, n.kind, n.severity, n.summary, "
	"  n.opened_at FROM notices n JOIN term ON n.terminal_id = term.id "
	"  WHERE n.closed_at IS NULL) "
	"SELECT 'M', m.email, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, "
	"  '' FROM managers m JOIN me ON m.id = me.manager_id "
	"UNION ALL SELECT 'T', t.id, t.terminal_uid, md.name, t.serial, "
	"  " HOME_TIME("t.last_report_at") ", "
	"  (SELECT r.level FROM toner_readings r WHERE r.terminal_id = t.id "
	"   ORDER BY r.at DESC LIMIT 1), "
	"  NULL, "
	"  t.last_report_at IS NULL OR t.last_report_at < "
	"   NOW(6) - INTERVAL " HOME_STALE_DAYS " DAY, NULL, t.terminal_uid "
	"  FROM term t JOIN models md ON md.id = t.model_id "
	"UNION ALL SELECT 'N', n.id, n.terminal_id, n.kind, n.severity, "
	"  n.summary, " HOME_TIME("n.opened_at") ", NULL, NULL, NULL, "
	"  DATE_FORMAT(n.opened_at, '%Y%m%d%H%i%s%f') FROM opn n "
	"UNION ALL SELECT 'C', n.id, c.id, c.name, c.sku, c.yield_pages, "
	"  c.price_cents, c.picture, NULL, NULL, c.sku FROM opn n "
	"  JOIN term t ON t.id = n.terminal_id "
	"  JOIN consumables c ON c.model_id = t.model_id "
	"  WHERE n.kind = 'supply' "
	"UNION ALL SELECT 'O', o.id, o.notice_id, o.terminal_id, c.name, "
	"  o.quantity, o.state, IF(o.closed_at IS NULL, "
	"  " HOME_TIME("o.delivery_at") ", " HOME_TIME("o.closed_at") "), "
	"  " HOME_TIME("o.created_at") ", "
	"  NULL, LPAD(o.id, 20, '0') "
	"  FROM orders o JOIN term t ON t.id = o.terminal_id "
	"  JOIN consumables c ON c.id = o.consumable_id "
	"UNION ALL (SELECT 'S', s.id, tc.name, " HOME_TIME("s.starts_at") ", "
	"  " HOME_TIME("s.ends_at") ", NULL, NULL, NULL, NULL, NULL, "
	"  DATE_FORMAT(s.starts_at, '%Y%m%d%H%i%s') "
	"  FROM technician_slots s JOIN technicians tc "
	"  ON tc.id = s.technician_id "
	"  WHERE s.starts_at > NOW() "
	"  AND NOT EXISTS (SELECT 1 FROM visits v WHERE v.slot_id = s.id) "
	"  AND EXISTS (SELECT 1 FROM opn WHERE kind IN ('fault', 'service')) "
	"  ORDER BY s.starts_at LIMIT 12) "
	"UNION ALL SELECT 'V', v.id, v.notice_id, v.terminal_id, v.state, "
	"  " HOME_TIME("s.starts_at") ", tc.name, "
	"  NULL, NULL, NULL, "
	"  LPAD(v.id, 20, '0') "
	"  FROM visits v JOIN term t ON t.id = v.terminal_id "
	"  JOIN technician_slots s ON s.id = v.slot_id "
	"  JOIN technicians tc ON tc.id = s.technician_id "
	"UNION ALL SELECT 'G', t.id, g.title, g.url, "
	"  CAST(g.summary AS CHAR(1000)), NULL, NULL, "
	"  NULL, NULL, NULL, LPAD(g.id, 20, '0') FROM term t "
	"  JOIN product_guides g ON g.model_id = t.model_id "
	"  WHERE EXISTS (SELECT 1 FROM opn WHERE opn.terminal_id = t.id "
	"  AND opn.kind IN ('fault', 'service')) "
	"UNION ALL (SELECT 'H', n.id, n.terminal_id, n.summary, n.severity, "
	"  " HOME_TIME("n.opened_at") ", " HOME_TIME("n.closed_at") ", NULL, "
	"  NULL, NULL, DATE_FORMAT(n.closed_at, '%Y%m%d%H%i%s%f') "
	"  FROM notices n JOIN term t ON t.id = n.terminal_id "
	"  WHERE n.closed_at IS NOT NULL ORDER BY n.closed_at DESC LIMIT 20) "
	"ORDER BY 1, 11";

#endif
