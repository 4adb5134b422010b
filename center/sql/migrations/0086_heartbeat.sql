-- SPDX-License-Identifier: ISC
-- A terminal that goes silent (docs/center.md, "A terminal that goes
-- silent"). Its meter reports are its heartbeat: the center learns the
-- interval from their spacing (the terminal's Time, so mail delays do not
-- count), the median of the last three gaps (the smaller of two, the one
-- gap), so one outage does not stretch it and a new interval is learnt
-- after two reports. Any report is heard (the center's clock):
-- silent_after is when two intervals have passed without one.
-- faxcenter-outbox opens the notice at silent_after and clears it; the
-- next report sets it again and closes the notice.
ALTER TABLE terminals
	ADD COLUMN meter_last_at DATETIME(6) NULL,
	ADD COLUMN meter_gap1 INT UNSIGNED NULL,
	ADD COLUMN meter_gap2 INT UNSIGNED NULL,
	ADD COLUMN meter_gap3 INT UNSIGNED NULL,
	ADD COLUMN meter_interval_s INT UNSIGNED NULL,
	ADD COLUMN heard_at DATETIME(6) NULL,
	ADD COLUMN heard_report_id BIGINT UNSIGNED NULL,
	ADD COLUMN silent_after DATETIME(6) NULL,
	ADD KEY terminals_silent_after (silent_after);

CREATE TRIGGER reports_heartbeat AFTER INSERT ON reports FOR EACH ROW
BEGIN
	DECLARE sent DATETIME(6) DEFAULT COALESCE(NEW.sent_at, NEW.received_at);
	DECLARE last DATETIME(6);
	DECLARE g1, g2, g3, iv INT UNSIGNED;

	SELECT meter_last_at, meter_gap1, meter_gap2, meter_gap3
	INTO last, g1, g2, g3 FROM terminals
	WHERE id = NEW.terminal_id FOR UPDATE;
	IF NEW.type = 'meter' AND (last IS NULL OR sent > last) THEN
		IF last IS NOT NULL THEN
			SET g3 = g2, g2 = g1,
			    g1 = GREATEST(1, TIMESTAMPDIFF(SECOND, last, sent));
		END IF;
		SET last = sent;
	END IF;
	SET iv = CASE
		WHEN g3 IS NOT NULL THEN
			g1 + g2 + g3 - GREATEST(g1, g2, g3) - LEAST(g1, g2, g3)
		WHEN g2 IS NOT NULL THEN LEAST(g1, g2)
		ELSE g1 END;
	UPDATE terminals SET meter_last_at = last, meter_gap1 = g1,
		meter_gap2 = g2, meter_gap3 = g3, meter_interval_s = iv,
		heard_at = NEW.received_at, heard_report_id = NEW.id,
		silent_after = NEW.received_at + INTERVAL 2 * iv SECOND
	WHERE id = NEW.terminal_id;
	UPDATE notices SET closed_at = NOW(6), closed_report_id = NEW.id
	WHERE terminal_id = NEW.terminal_id
	AND condition_kw = 'terminal-silent' AND closed_at IS NULL;
END;
