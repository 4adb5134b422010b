-- SPDX-License-Identifier: ISC
-- faxcare center schema, version 2: what the manager's homepage and the
-- staff pages need on top of version 1.

-- A manager's browser session, opened by following the e-mailed link: the
-- cookie carries the token, the table its SHA-256. It outlives a rotated
-- link, so an old e-mail stops working without logging the manager out.
CREATE TABLE manager_sessions (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	manager_id	INT UNSIGNED NOT NULL,
	token_hash	BINARY(32) NOT NULL,
	created_at	DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
	expires_at	DATETIME(6) NOT NULL,
	UNIQUE KEY manager_sessions_token (token_hash),
	CONSTRAINT manager_sessions_manager FOREIGN KEY (manager_id) REFERENCES managers (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- The catalogue shows what a buyer compares: pages per unit and a picture
-- (a path under the center's /assets/).
ALTER TABLE consumables
	ADD COLUMN yield_pages INT UNSIGNED NOT NULL DEFAULT 0,
	ADD COLUMN picture VARCHAR(255) NOT NULL DEFAULT '';

-- Lists shown to a manager and to staff, newest first.
ALTER TABLE orders ADD KEY orders_terminal_created (terminal_id, created_at);
ALTER TABLE orders ADD KEY orders_state (state, created_at);
ALTER TABLE visits ADD KEY visits_terminal (terminal_id, created_at);
ALTER TABLE notices ADD KEY notices_terminal_closed (terminal_id, closed_at);
ALTER TABLE terminals ADD KEY terminals_last_report (last_report_at);

-- Toner level over time, one row per report that carried a level; the
-- homepage draws it. Filled by the trigger below from the stored report.
CREATE TABLE toner_readings (
	terminal_id	INT UNSIGNED NOT NULL,
	at		DATETIME(6) NOT NULL,
	report_id	BIGINT UNSIGNED NOT NULL,
	level		TINYINT UNSIGNED NOT NULL,
	PRIMARY KEY (terminal_id, at, report_id),
	CONSTRAINT toner_readings_terminal FOREIGN KEY (terminal_id) REFERENCES terminals (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- The report's parsed form is the protocol's canonical "Key:value" lines
-- (report_store.c); a report without Toner-Level adds no reading.
CREATE TRIGGER reports_toner_reading AFTER INSERT ON reports FOR EACH ROW
	INSERT INTO toner_readings (terminal_id, at, report_id, level)
	SELECT NEW.terminal_id, COALESCE(NEW.sent_at, NEW.received_at), NEW.id,
		CAST(REGEXP_SUBSTR(REGEXP_SUBSTR(NEW.parsed,
			'(?m)^Toner-Level:[ \t]*[0-9]{1,3}'), '[0-9]+$') AS UNSIGNED)
	FROM DUAL
	WHERE NEW.parsed REGEXP '(?m)^Toner-Level:[ \t]*[0-9]{1,3}';
