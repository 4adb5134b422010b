-- SPDX-License-Identifier: ISC
-- faxcare center schema, version 23 (numbered apart from parallel work):
-- what a hostile sender can no longer do.

-- A Report-Id is the terminal's own: another terminal's report naming it
-- neither makes it "already stored" nor completes it.
ALTER TABLE reports
	DROP KEY reports_uid,
	ADD UNIQUE KEY reports_terminal_uid (terminal_id, report_uid),
	DROP KEY reports_completes,
	ADD KEY reports_completes (terminal_id, completes_uid);

-- Condition keywords outside the shared table that a terminal may use (a
-- newer terminal's), each its notice key ("kw" or "kw/tray"); the mailgate
-- admits at most extension_conditions of them per terminal, so invented
-- keywords cannot multiply notices, orders and visits.
CREATE TABLE terminal_extensions (
	terminal_id	INT UNSIGNED NOT NULL,
	condition_kw	VARCHAR(64) NOT NULL,
	first_report_id	BIGINT UNSIGNED NOT NULL,
	created_at	DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
	PRIMARY KEY (terminal_id, condition_kw),
	CONSTRAINT terminal_extensions_terminal FOREIGN KEY (terminal_id) REFERENCES terminals (id),
	CONSTRAINT terminal_extensions_report FOREIGN KEY (first_report_id) REFERENCES reports (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- Mail the mailgate accepted and dropped (never bounced: the envelope
-- sender is not verified), counted by reason for /metrics.
CREATE TABLE mail_dropped (
	reason		VARCHAR(32) NOT NULL PRIMARY KEY,
	dropped		BIGINT UNSIGNED NOT NULL DEFAULT 0
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
INSERT INTO mail_dropped (reason) VALUES ('too_large'), ('malformed'),
	('forged'), ('stale'), ('unknown_terminal');

-- The newest quarantine_keep of them, for staff to read; the mailgate
-- drops the oldest as it adds one. raw is the head of the message.
CREATE TABLE mail_quarantine (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	received_at	DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
	reason		VARCHAR(32) NOT NULL,
	detail		VARCHAR(320) NOT NULL,
	report_uid	VARCHAR(128) NULL,
	bytes		INT UNSIGNED NOT NULL,
	raw		MEDIUMBLOB NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- Refusals were audit-log rows until now: they are not staff's actions,
-- and a flood of them pushed the sign-ins off the audit page.
DELETE FROM audit_log WHERE actor = 'mailgate' AND action = 'refused';
