-- SPDX-License-Identifier: ISC
-- The page counter over time, one row per meter report (the terminal's
-- Time): the monthly meter statements (docs/center.md, "Meter
-- statements") are computed from it.
CREATE TABLE meter_readings (
	terminal_id	INT UNSIGNED NOT NULL,
	at		DATETIME(6) NOT NULL,
	report_id	BIGINT UNSIGNED NOT NULL,
	pages		BIGINT UNSIGNED NOT NULL,
	PRIMARY KEY (terminal_id, at, report_id),
	KEY meter_readings_at (at),
	CONSTRAINT meter_readings_terminal FOREIGN KEY (terminal_id) REFERENCES terminals (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TRIGGER reports_meter_reading AFTER INSERT ON reports FOR EACH ROW
	INSERT INTO meter_readings (terminal_id, at, report_id, pages)
	SELECT NEW.terminal_id, COALESCE(NEW.sent_at, NEW.received_at), NEW.id,
		CAST(REGEXP_SUBSTR(REGEXP_SUBSTR(NEW.parsed,
			'(?m)^Page-Count:[ \t]*[0-9]{1,12}'), '[0-9]+$') AS UNSIGNED)
	FROM DUAL
	WHERE NEW.type = 'meter'
	AND NEW.parsed REGEXP '(?m)^Page-Count:[ \t]*[0-9]{1,12}';

-- The meter reports stored before.
INSERT INTO meter_readings (terminal_id, at, report_id, pages)
SELECT terminal_id, COALESCE(sent_at, received_at), id,
	CAST(REGEXP_SUBSTR(REGEXP_SUBSTR(parsed,
		'(?m)^Page-Count:[ \t]*[0-9]{1,12}'), '[0-9]+$') AS UNSIGNED)
FROM reports WHERE type = 'meter'
AND parsed REGEXP '(?m)^Page-Count:[ \t]*[0-9]{1,12}';
