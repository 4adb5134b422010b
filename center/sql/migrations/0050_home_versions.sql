-- SPDX-License-Identifier: ISC
-- The manager's homepage is never stale (docs/center-portal.md, "The
-- manager's homepage"): a Kore worker keeps a rendered page only with the
-- version it was drawn at, and every request reads the version again. A
-- version moves in the transaction of every change the page shows, by
-- triggers, so no writer (ingest, the pages, the staff tools, plain SQL)
-- can forget it.
--
-- scope: a manager's id, for what only that manager's page shows
-- (terminals, notices, toner, orders, visits); 0 for
-- what every page may show (slots and whether they are taken, technicians,
-- consumables, product guides). No row yet reads as 0. Rows
-- are never deleted, so a version never comes back.
CREATE TABLE home_versions (
	scope		INT UNSIGNED NOT NULL PRIMARY KEY,
	version		BIGINT UNSIGNED NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

INSERT INTO home_versions (scope, version) VALUES (0, 1);

-- An UPDATE trigger runs a statement only when a column the page shows
-- changed. A trigger statement run for a row that INSERT ... ON DUPLICATE
-- KEY UPDATE id = LAST_INSERT_ID(id) leaves unchanged loses the insert id
-- registration relies on, so models and managers, which registration
-- upserts that way and nothing renames, have no trigger: a model or
-- manager address changed by hand needs CALL home_bump(0) (or the
-- manager's id) in its transaction.
-- The global row is always taken last (after a manager's) so that two
-- transactions cannot wait on each other over these rows.
CREATE PROCEDURE home_bump(IN s INT UNSIGNED)
	MODIFIES SQL DATA
	INSERT INTO home_versions (scope, version) SELECT s, 1 FROM DUAL
	WHERE s IS NOT NULL
	ON DUPLICATE KEY UPDATE version = version + 1;

CREATE PROCEDURE home_bump_terminal(IN t INT UNSIGNED)
	MODIFIES SQL DATA
	CALL home_bump((SELECT manager_id FROM terminals WHERE id = t));

-- terminals: state, last report, model, serial, and who manages it.
CREATE TRIGGER terminals_home_insert AFTER INSERT ON terminals
FOR EACH ROW CALL home_bump(NEW.manager_id);
CREATE TRIGGER terminals_home_update AFTER UPDATE ON terminals
FOR EACH ROW
BEGIN
	IF NOT (NEW.terminal_uid <=> OLD.terminal_uid AND
	    NEW.model_id <=> OLD.model_id AND NEW.serial <=> OLD.serial AND
	    NEW.last_report_at <=> OLD.last_report_at AND
	    NEW.manager_id <=> OLD.manager_id AND
	    NEW.manager_since <=> OLD.manager_since) THEN
		CALL home_bump(NEW.manager_id);
	END IF;
	IF NOT (NEW.manager_id <=> OLD.manager_id) THEN
		CALL home_bump(OLD.manager_id);
	END IF;
END;
CREATE TRIGGER terminals_home_delete AFTER DELETE ON terminals
FOR EACH ROW CALL home_bump(OLD.manager_id);

-- notices: open ones, the history, and whether slots are offered.
CREATE TRIGGER notices_home_insert AFTER INSERT ON notices
FOR EACH ROW CALL home_bump_terminal(NEW.terminal_id);
CREATE TRIGGER notices_home_update AFTER UPDATE ON notices
FOR EACH ROW
BEGIN
	CALL home_bump_terminal(NEW.terminal_id);
	IF NEW.terminal_id <> OLD.terminal_id THEN
		CALL home_bump_terminal(OLD.terminal_id);
	END IF;
END;
CREATE TRIGGER notices_home_delete AFTER DELETE ON notices
FOR EACH ROW CALL home_bump_terminal(OLD.terminal_id);

-- toner_readings: the level on the page.
CREATE TRIGGER toner_readings_home_insert AFTER INSERT ON toner_readings
FOR EACH ROW CALL home_bump_terminal(NEW.terminal_id);
CREATE TRIGGER toner_readings_home_update AFTER UPDATE ON toner_readings
FOR EACH ROW CALL home_bump_terminal(NEW.terminal_id);
CREATE TRIGGER toner_readings_home_delete AFTER DELETE ON toner_readings
FOR EACH ROW CALL home_bump_terminal(OLD.terminal_id);

-- orders: the manager's own.
CREATE TRIGGER orders_home_insert AFTER INSERT ON orders
FOR EACH ROW CALL home_bump(NEW.manager_id);
CREATE TRIGGER orders_home_update AFTER UPDATE ON orders
FOR EACH ROW
BEGIN
	CALL home_bump(NEW.manager_id);
	IF NEW.manager_id <> OLD.manager_id THEN
		CALL home_bump(OLD.manager_id);
	END IF;
END;
CREATE TRIGGER orders_home_delete AFTER DELETE ON orders
FOR EACH ROW CALL home_bump(OLD.manager_id);

-- visits: the manager's own; a slot taken or freed changes every page
-- that offers slots.
CREATE TRIGGER visits_home_insert AFTER INSERT ON visits
FOR EACH ROW
BEGIN
	CALL home_bump(NEW.manager_id);
	CALL home_bump(0);
END;
CREATE TRIGGER visits_home_update AFTER UPDATE ON visits
FOR EACH ROW
BEGIN
	CALL home_bump(NEW.manager_id);
	IF NEW.manager_id <> OLD.manager_id THEN
		CALL home_bump(OLD.manager_id);
	END IF;
	IF NEW.slot_id <> OLD.slot_id THEN
		CALL home_bump(0);
	END IF;
END;
CREATE TRIGGER visits_home_delete AFTER DELETE ON visits
FOR EACH ROW
BEGIN
	CALL home_bump(OLD.manager_id);
	CALL home_bump(0);
END;

-- What every page may show.
CREATE TRIGGER technician_slots_home_insert AFTER INSERT ON technician_slots
FOR EACH ROW CALL home_bump(0);
CREATE TRIGGER technician_slots_home_update AFTER UPDATE ON technician_slots
FOR EACH ROW CALL home_bump(0);
CREATE TRIGGER technician_slots_home_delete AFTER DELETE ON technician_slots
FOR EACH ROW CALL home_bump(0);
CREATE TRIGGER technicians_home_update AFTER UPDATE ON technicians
FOR EACH ROW CALL home_bump(0);
CREATE TRIGGER technicians_home_delete AFTER DELETE ON technicians
FOR EACH ROW CALL home_bump(0);
CREATE TRIGGER consumables_home_insert AFTER INSERT ON consumables
FOR EACH ROW CALL home_bump(0);
CREATE TRIGGER consumables_home_update AFTER UPDATE ON consumables
FOR EACH ROW CALL home_bump(0);
CREATE TRIGGER consumables_home_delete AFTER DELETE ON consumables
FOR EACH ROW CALL home_bump(0);
CREATE TRIGGER product_guides_home_insert AFTER INSERT ON product_guides
FOR EACH ROW CALL home_bump(0);
CREATE TRIGGER product_guides_home_update AFTER UPDATE ON product_guides
FOR EACH ROW CALL home_bump(0);
CREATE TRIGGER product_guides_home_delete AFTER DELETE ON product_guides
FOR EACH ROW CALL home_bump(0);
