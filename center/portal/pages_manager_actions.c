/*
 * What a manager does on the homepage, each one POST with the session
 * cookie and the page's CSRF token, each one statement that checks the
 * object belongs to the session's manager (no match changes nothing):
 *   POST /home/order   notice, consumable, quantity: order for a shortage
 *   POST /home/book    notice, slot: book a service visit (once per slot)
 *   POST /home/logout  end the session
 *   POST /home/rotate  rotate access: the links in earlier e-mails and the
 *                      manager's other sessions stop working (the next
 *                      e-mail brings a new link)
 * What changed something goes into the audit log, as the manager.
 */
#include <stdio.h>
#include <string.h>

#include "app.h"
#include "home_cache.h"
#include "html.h"
#include "portal.h"

int	page_manager_order(struct http_request *);
int	page_manager_book(struct http_request *);
int	page_manager_logout(struct http_request *);
int	page_manager_rotate(struct http_request *);

/* At most one open order per notice. */
static const char sql_order[] =
	"INSERT INTO orders (notice_id, terminal_id, manager_id, "
	"consumable_id, quantity) "
	"SELECT n.id, t.id, s.manager_id, c.id, ? "
	"FROM manager_sessions s "
	"JOIN terminals t ON t.manager_id = s.manager_id "
	"JOIN notices n ON n.terminal_id = t.id AND n.closed_at IS NULL "
	"  AND n.kind = 'supply' "
	"JOIN consumables c ON c.model_id = t.model_id "
	"WHERE s.token_hash = ? AND s.expires_at > NOW(6) AND n.id = ? "
	"AND c.id = ? AND NOT EXISTS (SELECT 1 FROM orders o "
	"  WHERE o.notice_id = n.id AND o.state IN ('placed', 'scheduled'))";

/* visits.slot_id is unique: the second booking of a slot fails. */
static const char sql_book[] =
	"INSERT INTO visits (notice_id, terminal_id, manager_id, slot_id) "
	"SELECT n.id, t.id, s.manager_id, sl.id "
	"FROM manager_sessions s "
	"JOIN terminals t ON t.manager_id = s.manager_id "
	"JOIN notices n ON n.terminal_id = t.id AND n.closed_at IS NULL "
	"  AND n.kind IN ('fault', 'service') "
	"JOIN technician_slots sl ON sl.starts_at > NOW() "
	"WHERE s.token_hash = ? AND s.expires_at > NOW(6) AND n.id = ? "
	"AND sl.id = ? AND NOT EXISTS (SELECT 1 FROM visits v "
	"  WHERE v.notice_id = n.id AND v.state = 'booked')";

static const char sql_logout[] =
	"DELETE FROM manager_sessions WHERE token_hash = ?";

static const char sql_rotate[] =
	"DELETE mt, o FROM manager_sessions s "
	"LEFT JOIN manager_tokens mt ON mt.manager_id = s.manager_id "
	"LEFT JOIN manager_sessions o ON o.manager_id = s.manager_id "
	"  AND o.id <> s.id "
	"WHERE s.token_hash = ? AND s.expires_at > NOW(6)";

static const char sql_audit[] =
	"INSERT INTO audit_log (actor, action, subject, detail) "
	"SELECT CONCAT('manager ', m.email), ?, ?, ? FROM manager_sessions s "
	"JOIN managers m ON m.id = s.manager_id WHERE s.token_hash = ?";

static int	action_start(struct http_request *);
static int	action_done(struct http_request *);
static int	action_audited(struct http_request *);

enum { ACTION_START, ACTION_DONE, ACTION_AUDITED };

static struct http_state action_states[] = {
	{ "ACTION_START", action_start },
	{ "ACTION_DONE", action_done },
	{ "ACTION_AUDITED", action_audited },
};

int
page_manager_order(struct http_request *req)
{
	return http_state_run(action_states, 3, req);
}

int
page_manager_book(struct http_request *req)
{
	return http_state_run(action_states, 3, req);
}

int
page_manager_logout(struct http_request *req)
{
	return http_state_run(action_states, 3, req);
}

int
page_manager_rotate(struct http_request *req)
{
	return http_state_run(action_states, 3, req);
}

static int
bad_request(struct http_request *req, const char *why)
{
	html_message(req, 400, "Cannot do that", why);
	return HTTP_STATE_COMPLETE;
}

static int
action_start(struct http_request *req)
{
	struct portal	*p = portal_get(req);
	struct db_val	 arg[4];
	long long	 notice, other, qty;

	if (portal_cookie(req, p, COOKIE_MANAGER)) {
		html_message(req, 403, "Signed out", "To see your terminals, "
		    "follow the link in the latest e-mail from the service "
		    "center.");
		return HTTP_STATE_COMPLETE;
	}
	if (!csrf_valid(req, p->cookie))
		return bad_request(req, "This form has expired: reload the "
		    "page and try again.");
	req->fsm_state = ACTION_DONE;
	arg[0] = DB_BLOB(p->cookie_hash, TOKEN_HASH_LEN);
	if (strcmp(req->path, "/home/logout") == 0) {
		db_async_start(&p->q, req, sql_logout, arg, 1);
		return db_async_next(&p->q);
	}
	if (strcmp(req->path, "/home/rotate") == 0) {
		db_async_start(&p->q, req, sql_rotate, arg, 1);
		return db_async_next(&p->q);
	}
	notice = portal_arg_id(req, "notice");
	if (notice < 0)
		return bad_request(req, "Which notice is this about?");
	if (strcmp(req->path, "/home/order") == 0) {
		other = portal_arg_id(req, "consumable");
		qty = portal_arg_id(req, "quantity");
		if (other < 0 || qty < 1 || qty > 99)
			return bad_request(req, "Choose a consumable and a "
			    "quantity from 1 to 99.");
		arg[0] = DB_INT(qty);
		arg[1] = DB_BLOB(p->cookie_hash, TOKEN_HASH_LEN);
		arg[2] = DB_INT(notice);
		arg[3] = DB_INT(other);
		(void)snprintf(p->note, sizeof(p->note), "consumable %lld, "
		    "quantity %lld", other, qty);
		db_async_start(&p->q, req, sql_order, arg, 4);
	} else {
		if ((other = portal_arg_id(req, "slot")) < 0)
			return bad_request(req, "Choose a time for the visit.");
		arg[1] = DB_INT(notice);
		arg[2] = DB_INT(other);
		(void)snprintf(p->note, sizeof(p->note), "slot %lld", other);
		db_async_start(&p->q, req, sql_book, arg, 3);
	}
	/* Remembered for the redirect back to the notice. */
	p->obj = notice;
	return db_async_next(&p->q);
}

static int
audit(struct http_request *req, struct portal *p, const char *action)
{
	char		subject[32];
	struct db_val	arg[4];

	(void)snprintf(subject, sizeof(subject), "notice %lld", p->obj);
	arg[0] = DB_STR(action);
	arg[1] = DB_STR(p->obj > 0 ? subject : "");
	arg[2] = DB_STR(p->note);
	arg[3] = DB_BLOB(p->cookie_hash, TOKEN_HASH_LEN);
	db_async_start(&p->q, req, sql_audit, arg, 4);
	req->fsm_state = ACTION_AUDITED;
	return db_async_next(&p->q);
}

static int
action_done(struct http_request *req)
{
	struct portal	*p = portal_get(req);

	if (db_async_pending(&p->q))
		return HTTP_STATE_RETRY;
	home_cache_drop(p->cookie_hash);
	if (strcmp(req->path, "/home/logout") == 0) {
		portal_set_cookie(req, COOKIE_MANAGER, NULL, 0);
		html_message(req, 200, "Signed out", "You are signed out. The "
		    "link in the service center's e-mail signs you in again.");
		return HTTP_STATE_COMPLETE;
	}
	if (p->q.status == DB_ASYNC_DONE &&
	    strcmp(req->path, "/home/rotate") == 0) {
		(void)snprintf(p->note, sizeof(p->note),
		    "links and other sessions "
		    "stopped");
		return audit(req, p, "access.rotate");
	}
	if (p->q.status != DB_ASYNC_DONE) {
		if (strstr(p->q.error, "Duplicate entry") != NULL) {
			html_message(req, 409, "Already taken", "Somebody "
			    "booked that time a moment ago: choose another.");
			return HTTP_STATE_COMPLETE;
		}
		return portal_db_error(req, "home action");
	}
	if (p->q.affected == 0) {
		html_message(req, 404, "Not found", "That notice is not open "
		    "on one of your terminals, the choice does not fit it, or "
		    "it is already taken care of.");
		return HTTP_STATE_COMPLETE;
	}
	return audit(req, p, strcmp(req->path, "/home/order") == 0 ?
	    "order.place" : "visit.book");
}

static int
action_audited(struct http_request *req)
{
	struct portal	*p = portal_get(req);
	char		 where[64];

	if (db_async_pending(&p->q))
		return HTTP_STATE_RETRY;
	/* The action is done; a failed audit row is only logged. */
	if (p->q.status != DB_ASYNC_DONE)
		kore_log(LOG_WARNING, "audit: %s", p->q.error);
	if (strcmp(req->path, "/home/rotate") == 0) {
		html_message(req, 200, "Old links stopped", "The links in "
		    "earlier e-mails and your other sessions no longer work. "
		    "This browser stays signed in; the next e-mail from the "
		    "service center brings a new link.");
		return HTTP_STATE_COMPLETE;
	}
	/* Fresh: another worker may hold an older copy of the page. */
	(void)snprintf(where, sizeof(where), "/home?fresh#notice-%lld", p->obj);
	return portal_redirect(req, where);
}
