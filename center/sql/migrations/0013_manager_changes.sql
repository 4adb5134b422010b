-- SPDX-License-Identifier: ISC
-- faxcare center schema, version 13: a terminal's key cannot turn the
-- center against others. Confirmation mail is limited and never carries
-- a voided link (docs/center.md, "Confirmations"); a change of manager is
-- told to the previous one, who may undo it and lock the terminal's
-- manager until staff unlock it ("A change of manager").

-- The confirmation an outbox row mails, so a voided one is not sent; the
-- manager a 'takeover' row tells. Per address, the sender counts what it
-- mailed in the last day.
ALTER TABLE outbox
	ADD COLUMN confirmation_id INT UNSIGNED NULL,
	ADD COLUMN manager_id INT UNSIGNED NULL,
	ADD KEY outbox_recipient (recipient, kind, sent_at),
	ADD CONSTRAINT outbox_confirmation FOREIGN KEY (confirmation_id)
		REFERENCES manager_confirmations (id) ON DELETE SET NULL,
	ADD CONSTRAINT outbox_manager FOREIGN KEY (manager_id)
		REFERENCES managers (id);

-- Per terminal, the claims of the last day are counted.
ALTER TABLE manager_confirmations
	ADD KEY manager_confirmations_recent (terminal_id, created_at);

-- manager_since: when the current manager took charge from another one
-- (their homepage's history and chart start there; NULL: the terminal's
-- first manager, who sees all of it). The previous manager and their start, kept so
-- that undoing restores both; undo_hash is the SHA-256 of the link mailed
-- to the previous manager, valid until undo_expires_at; while
-- manager_locked_at is set no confirmation changes the manager.
ALTER TABLE terminals
	ADD COLUMN manager_since DATETIME(6) NULL,
	ADD COLUMN prev_manager_id INT UNSIGNED NULL,
	ADD COLUMN prev_manager_since DATETIME(6) NULL,
	ADD COLUMN manager_changed_at DATETIME(6) NULL,
	ADD COLUMN undo_hash BINARY(32) NULL,
	ADD COLUMN undo_expires_at DATETIME(6) NULL,
	ADD COLUMN manager_locked_at DATETIME(6) NULL,
	ADD UNIQUE KEY terminals_undo (undo_hash),
	ADD CONSTRAINT terminals_prev_manager FOREIGN KEY (prev_manager_id)
		REFERENCES managers (id);

-- Whatever statement changes a manager (a confirmation today), the change
-- is recorded with it. An undo sets manager_locked_at and its own values.
CREATE TRIGGER terminals_manager_change BEFORE UPDATE ON terminals
FOR EACH ROW
BEGIN
	IF NOT (NEW.manager_id <=> OLD.manager_id) AND
	    OLD.manager_id IS NOT NULL AND NEW.manager_locked_at IS NULL THEN
		SET NEW.manager_since = NOW(6),
		    NEW.prev_manager_id = OLD.manager_id,
		    NEW.prev_manager_since = OLD.manager_since,
		    NEW.manager_changed_at = NOW(6),
		    NEW.undo_hash = NULL,
		    NEW.undo_expires_at = NOW(6) + INTERVAL 7 DAY;
	END IF;
END;

-- The previous manager is mailed (faxcenter-outbox makes the undo link)
-- and staff see the change, and an undo, in the audit log.
CREATE TRIGGER terminals_manager_changed AFTER UPDATE ON terminals
FOR EACH ROW
BEGIN
	IF NOT (NEW.manager_id <=> OLD.manager_id) AND
	    OLD.manager_id IS NOT NULL AND NEW.manager_locked_at IS NULL THEN
		INSERT INTO outbox (kind, terminal_id, manager_id)
		VALUES ('takeover', NEW.id, OLD.manager_id);
		INSERT INTO audit_log (actor, action, subject, detail)
		SELECT COALESCE((SELECT email FROM managers
		    WHERE id = NEW.manager_id), 'nobody'), 'manager changed',
		    NEW.terminal_uid, CONCAT('previous manager ', email)
		FROM managers WHERE id = OLD.manager_id;
	ELSEIF OLD.manager_locked_at IS NULL AND
	    NEW.manager_locked_at IS NOT NULL THEN
		INSERT INTO audit_log (actor, action, subject, detail)
		SELECT email, 'manager change undone', NEW.terminal_uid,
		    'manager locked until staff unlock it'
		FROM managers WHERE id = NEW.manager_id;
	END IF;
END;
