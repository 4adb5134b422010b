-- SPDX-License-Identifier: ISC
-- faxcare center schema, version 1.
-- One row per real thing; every table InnoDB, utf8mb4, times in UTC.

CREATE TABLE models (
	id		INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	name		VARCHAR(128) NOT NULL,
	created_at	DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
	UNIQUE KEY models_name (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- A manager exists once per address; confirmed_at is set by the first
-- confirmation link that manager follows.
CREATE TABLE managers (
	id		INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	email		VARCHAR(254) NOT NULL,
	confirmed_at	DATETIME(6) NULL,
	created_at	DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
	UNIQUE KEY managers_email (email)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- terminal_uid is the terminal's identification as its reports carry it.
-- manager_id is the confirmed manager only; a claimed address waits in
-- manager_confirmations until its owner follows the mailed link.
CREATE TABLE terminals (
	id		INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	terminal_uid	VARCHAR(128) NOT NULL,
	model_id	INT UNSIGNED NOT NULL,
	serial		VARCHAR(128) NOT NULL,
	manager_id	INT UNSIGNED NULL,
	registered_at	DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
	last_report_at	DATETIME(6) NULL,
	UNIQUE KEY terminals_uid (terminal_uid),
	CONSTRAINT terminals_model FOREIGN KEY (model_id) REFERENCES models (id),
	CONSTRAINT terminals_manager FOREIGN KEY (manager_id) REFERENCES managers (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE manager_confirmations (
	id		INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	terminal_id	INT UNSIGNED NOT NULL,
	manager_id	INT UNSIGNED NOT NULL,
	token_hash	BINARY(32) NOT NULL,
	created_at	DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
	expires_at	DATETIME(6) NOT NULL,
	confirmed_at	DATETIME(6) NULL,
	superseded_at	DATETIME(6) NULL,
	UNIQUE KEY manager_confirmations_token (token_hash),
	KEY manager_confirmations_terminal (terminal_id),
	CONSTRAINT manager_confirmations_terminal FOREIGN KEY (terminal_id) REFERENCES terminals (id),
	CONSTRAINT manager_confirmations_manager FOREIGN KEY (manager_id) REFERENCES managers (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- Homepage access: the e-mailed URL carries the token, the table its SHA-256.
CREATE TABLE manager_tokens (
	id		INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	manager_id	INT UNSIGNED NOT NULL,
	token_hash	BINARY(32) NOT NULL,
	created_at	DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
	expires_at	DATETIME(6) NOT NULL,
	UNIQUE KEY manager_tokens_token (token_hash),
	CONSTRAINT manager_tokens_manager FOREIGN KEY (manager_id) REFERENCES managers (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- Every accepted report, raw as delivered and parsed; report_uid makes a
-- redelivered message a no-op.
CREATE TABLE reports (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	report_uid	VARCHAR(128) NOT NULL,
	terminal_id	INT UNSIGNED NOT NULL,
	type		VARCHAR(16) NOT NULL,
	condition_kw	VARCHAR(64) NULL,
	completes_uid	VARCHAR(128) NULL,
	message_id	VARCHAR(255) NULL,
	sent_at		DATETIME(6) NULL,
	received_at	DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
	parsed		TEXT NOT NULL,
	raw		MEDIUMBLOB NOT NULL,
	UNIQUE KEY reports_uid (report_uid),
	KEY reports_terminal (terminal_id, received_at),
	KEY reports_completes (completes_uid),
	CONSTRAINT reports_terminal FOREIGN KEY (terminal_id) REFERENCES terminals (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- At most one open notice per terminal and condition: open_flag is 1 while
-- open and NULL once closed, and NULLs do not collide in a unique key.
CREATE TABLE notices (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	terminal_id	INT UNSIGNED NOT NULL,
	condition_kw	VARCHAR(64) NOT NULL,
	kind		VARCHAR(16) NOT NULL,
	severity	VARCHAR(16) NOT NULL,
	alert_code	INT NOT NULL,
	summary		VARCHAR(255) NOT NULL,
	opened_report_id BIGINT UNSIGNED NOT NULL,
	closed_report_id BIGINT UNSIGNED NULL,
	opened_at	DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
	closed_at	DATETIME(6) NULL,
	open_flag	TINYINT AS (IF(closed_at IS NULL, 1, NULL)) PERSISTENT,
	UNIQUE KEY notices_one_open (terminal_id, condition_kw, open_flag),
	KEY notices_opened_report (opened_report_id),
	CONSTRAINT notices_terminal FOREIGN KEY (terminal_id) REFERENCES terminals (id),
	CONSTRAINT notices_opened FOREIGN KEY (opened_report_id) REFERENCES reports (id),
	CONSTRAINT notices_closed FOREIGN KEY (closed_report_id) REFERENCES reports (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- What fits a model; condition_kw says which shortage it remedies.
CREATE TABLE consumables (
	id		INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	model_id	INT UNSIGNED NOT NULL,
	condition_kw	VARCHAR(64) NOT NULL,
	sku		VARCHAR(64) NOT NULL,
	name		VARCHAR(255) NOT NULL,
	price_cents	INT UNSIGNED NOT NULL DEFAULT 0,
	UNIQUE KEY consumables_sku (model_id, sku),
	CONSTRAINT consumables_model FOREIGN KEY (model_id) REFERENCES models (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE orders (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	notice_id	BIGINT UNSIGNED NULL,
	terminal_id	INT UNSIGNED NOT NULL,
	manager_id	INT UNSIGNED NOT NULL,
	consumable_id	INT UNSIGNED NOT NULL,
	quantity	INT UNSIGNED NOT NULL DEFAULT 1,
	state		VARCHAR(16) NOT NULL DEFAULT 'placed',
	delivery_at	DATETIME NULL,
	created_at	DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
	closed_at	DATETIME(6) NULL,
	KEY orders_notice (notice_id),
	CONSTRAINT orders_notice FOREIGN KEY (notice_id) REFERENCES notices (id),
	CONSTRAINT orders_terminal FOREIGN KEY (terminal_id) REFERENCES terminals (id),
	CONSTRAINT orders_manager FOREIGN KEY (manager_id) REFERENCES managers (id),
	CONSTRAINT orders_consumable FOREIGN KEY (consumable_id) REFERENCES consumables (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE technicians (
	id		INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	name		VARCHAR(128) NOT NULL,
	email		VARCHAR(254) NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- A technician's available slot; visit_id is set once somebody books it.
CREATE TABLE technician_slots (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	technician_id	INT UNSIGNED NOT NULL,
	starts_at	DATETIME NOT NULL,
	ends_at		DATETIME NOT NULL,
	KEY technician_slots_time (starts_at),
	CONSTRAINT technician_slots_technician FOREIGN KEY (technician_id) REFERENCES technicians (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE visits (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	notice_id	BIGINT UNSIGNED NULL,
	terminal_id	INT UNSIGNED NOT NULL,
	manager_id	INT UNSIGNED NOT NULL,
	slot_id		BIGINT UNSIGNED NOT NULL,
	state		VARCHAR(16) NOT NULL DEFAULT 'booked',
	created_at	DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
	closed_at	DATETIME(6) NULL,
	UNIQUE KEY visits_slot (slot_id),
	KEY visits_notice (notice_id),
	CONSTRAINT visits_notice FOREIGN KEY (notice_id) REFERENCES notices (id),
	CONSTRAINT visits_terminal FOREIGN KEY (terminal_id) REFERENCES terminals (id),
	CONSTRAINT visits_manager FOREIGN KEY (manager_id) REFERENCES managers (id),
	CONSTRAINT visits_slot FOREIGN KEY (slot_id) REFERENCES technician_slots (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- Newer products to suggest; model_id names the model they replace.
CREATE TABLE product_guides (
	id		INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	model_id	INT UNSIGNED NULL,
	title		VARCHAR(255) NOT NULL,
	url		VARCHAR(1024) NOT NULL,
	summary		TEXT NOT NULL,
	created_at	DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
	CONSTRAINT product_guides_model FOREIGN KEY (model_id) REFERENCES models (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- Transactional outbox, written in the transaction that causes the mail.
-- kind 'notice': one row per opened notice; the sender resolves the
--   terminal's confirmed manager at send time and coalesces per manager.
-- kind 'confirm': a ready message to recipient (body holds the link until
--   it is sent, then is cleared).
-- state: pending -> sending (claimed, message_id fixed) -> sent | failed.
CREATE TABLE outbox (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	kind		VARCHAR(16) NOT NULL,
	terminal_id	INT UNSIGNED NOT NULL,
	notice_id	BIGINT UNSIGNED NULL,
	recipient	VARCHAR(254) NULL,
	subject		VARCHAR(255) NULL,
	body		TEXT NULL,
	state		VARCHAR(16) NOT NULL DEFAULT 'pending',
	attempts	INT UNSIGNED NOT NULL DEFAULT 0,
	next_attempt_at	DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
	batch_id	BIGINT UNSIGNED NULL,
	message_id	VARCHAR(255) NULL,
	last_error	VARCHAR(255) NULL,
	created_at	DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
	sent_at		DATETIME(6) NULL,
	UNIQUE KEY outbox_notice (notice_id, kind),
	KEY outbox_due (state, next_attempt_at),
	KEY outbox_batch (batch_id),
	CONSTRAINT outbox_terminal FOREIGN KEY (terminal_id) REFERENCES terminals (id),
	CONSTRAINT outbox_notice FOREIGN KEY (notice_id) REFERENCES notices (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE staff_users (
	id		INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	username	VARCHAR(64) NOT NULL,
	password_hash	VARCHAR(255) NOT NULL,
	role		VARCHAR(32) NOT NULL DEFAULT 'staff',
	created_at	DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
	disabled_at	DATETIME(6) NULL,
	UNIQUE KEY staff_users_username (username)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE sessions (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	staff_user_id	INT UNSIGNED NOT NULL,
	token_hash	BINARY(32) NOT NULL,
	csrf_secret	BINARY(32) NOT NULL,
	created_at	DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
	expires_at	DATETIME(6) NOT NULL,
	UNIQUE KEY sessions_token (token_hash),
	CONSTRAINT sessions_staff_user FOREIGN KEY (staff_user_id) REFERENCES staff_users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- Who did what: mail accepted or refused, confirmations, staff actions.
CREATE TABLE audit_log (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	at		DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
	actor		VARCHAR(128) NOT NULL,
	action		VARCHAR(64) NOT NULL,
	subject		VARCHAR(255) NULL,
	detail		TEXT NULL,
	KEY audit_log_at (at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
