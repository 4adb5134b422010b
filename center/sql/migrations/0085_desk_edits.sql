-- SPDX-License-Identifier: ISC
-- The desk's everyday edits (docs/center.md, "The desk's edits").

-- A retired consumable is no longer offered; the orders that name it
-- keep it (rows are never deleted while an order points at them).
-- edited_at: the last edit (an edit that changes nothing still counts).
ALTER TABLE consumables ADD COLUMN retired_at DATETIME(6) NULL,
	ADD COLUMN edited_at DATETIME(6) NULL;
ALTER TABLE product_guides ADD COLUMN edited_at DATETIME(6) NULL;

-- A removed slot stays for the visits that name it, hidden everywhere.
ALTER TABLE technician_slots ADD COLUMN removed_at DATETIME(6) NULL;

-- A cancelled visit frees its slot: the slot is unique among the visits
-- that hold it (booked or completed), not among cancelled ones.
ALTER TABLE visits
	ADD KEY visits_slot_any (slot_id),
	ADD COLUMN slot_held BIGINT UNSIGNED AS
		(IF(state = 'cancelled', NULL, slot_id)) PERSISTENT;
ALTER TABLE visits DROP KEY visits_slot,
	ADD UNIQUE KEY visits_slot_held (slot_held);

-- What the desk did that the manager is told: kind 'desk' and subject
-- the event ('order-cancelled', 'visit-cancelled', 'visit-moved'); body
-- keeps the earlier time of a moved visit. faxcenter-outbox words it.
ALTER TABLE outbox
	ADD COLUMN order_id BIGINT UNSIGNED NULL,
	ADD COLUMN visit_id BIGINT UNSIGNED NULL,
	ADD CONSTRAINT outbox_order FOREIGN KEY (order_id) REFERENCES orders (id),
	ADD CONSTRAINT outbox_visit FOREIGN KEY (visit_id) REFERENCES visits (id);

-- Whatever statement cancels an order or cancels or moves a visit, the
-- manager's e-mail is written with it.
CREATE TRIGGER orders_desk_mail AFTER UPDATE ON orders FOR EACH ROW
	INSERT INTO outbox (kind, terminal_id, manager_id, order_id, subject)
	SELECT 'desk', NEW.terminal_id, NEW.manager_id, NEW.id,
		'order-cancelled' FROM DUAL
	WHERE NEW.state = 'cancelled' AND OLD.state <> 'cancelled';

CREATE TRIGGER visits_desk_mail AFTER UPDATE ON visits FOR EACH ROW
	INSERT INTO outbox (kind, terminal_id, manager_id, visit_id, subject,
		body)
	SELECT 'desk', NEW.terminal_id, NEW.manager_id, NEW.id,
		IF(NEW.state = 'cancelled', 'visit-cancelled', 'visit-moved'),
		(SELECT DATE_FORMAT(s.starts_at, '%Y-%m-%d %H:%i UTC')
		 FROM technician_slots s WHERE s.id = OLD.slot_id)
	FROM DUAL
	WHERE OLD.state = 'booked' AND (NEW.state = 'cancelled' OR
		(NEW.state = 'booked' AND NEW.slot_id <> OLD.slot_id));
