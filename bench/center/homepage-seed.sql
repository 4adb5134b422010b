-- SPDX-License-Identifier: ISC
-- The benchmark's center: 100,000 terminals of 20 models under 20,000
-- managers (5 each), 1,000,000 reports (10 per terminal, each with a toner
-- level, so 1,000,000 toner readings), an open notice on every third
-- terminal (supply, fault or service), orders for half the supply notices,
-- 3 consumables and a product guide per model, 200 future slots, and a
-- session for each of the first 1,000 managers (token: the manager id as
-- 64 hex digits).
SET unique_checks = 0, foreign_key_checks = 0;
INSERT INTO models (id, name) SELECT seq, CONCAT('FX-', 1000 + seq)
	FROM seq_1_to_20;
INSERT INTO managers (id, email, confirmed_at)
	SELECT seq, CONCAT('manager', seq, '@example.com'), NOW(6)
	FROM seq_1_to_20000;
INSERT INTO terminals (id, terminal_uid, model_id, serial, manager_id,
	last_report_at)
	SELECT seq, CONCAT('term-', seq), 1 + seq % 20, CONCAT('SN', seq),
		1 + (seq - 1) DIV 5, NOW(6) - INTERVAL (seq % 240) HOUR
	FROM seq_1_to_100000;
INSERT INTO reports (id, report_uid, terminal_id, type, condition_kw,
	received_at, parsed, raw)
	SELECT seq, CONCAT('r', seq), 1 + (seq - 1) DIV 10, 'meter', NULL,
		NOW(6) - INTERVAL (10 - seq % 10) DAY,
		CONCAT('Report-Id:r', seq, '\nToner-Level:', 100 - (seq % 10) * 9,
			'\n'), ''
	FROM seq_1_to_1000000;
INSERT INTO notices (terminal_id, condition_kw, kind, severity, alert_code,
	summary, opened_report_id)
	SELECT seq, ELT(1 + (seq DIV 3) % 3, 'toner-low', 'media-jam',
		'maintenance-due'),
		ELT(1 + (seq DIV 3) % 3, 'supply', 'fault', 'service'),
		ELT(1 + (seq DIV 3) % 3, 'warning', 'error', 'warning'),
		ELT(1 + (seq DIV 3) % 3, 1104, 8, 16),
		ELT(1 + (seq DIV 3) % 3, 'Toner is low', 'Paper is jammed',
			'Maintenance is due'), seq * 10
	FROM seq_1_to_100000 WHERE seq % 3 = 0;
INSERT INTO consumables (model_id, condition_kw, sku, name, price_cents,
	yield_pages, picture)
	SELECT m.seq, 'toner-low', CONCAT('TN-', m.seq, '-', k.seq),
		ELT(k.seq, 'Toner cartridge', 'High-yield toner cartridge',
			'Drum unit'), 3990 + k.seq * 1000, 5000 * k.seq,
		'/assets/consumables/toner.svg'
	FROM seq_1_to_20 m, seq_1_to_3 k;
INSERT INTO orders (notice_id, terminal_id, manager_id, consumable_id,
	quantity, state, delivery_at)
	SELECT n.id, n.terminal_id, t.manager_id, 1 + (t.model_id - 1) * 3, 1,
		'scheduled', NOW() + INTERVAL 2 DAY
	FROM notices n JOIN terminals t ON t.id = n.terminal_id
	WHERE n.kind = 'supply' AND n.id % 2 = 0;
INSERT INTO product_guides (model_id, title, url, summary)
	SELECT seq, CONCAT('FX-', 2000 + seq, ' series'),
		CONCAT('https://example.com/fx', 2000 + seq), 'Faster and quieter.'
	FROM seq_1_to_20;
INSERT INTO technicians (id, name) VALUES (1, 'Tom'), (2, 'Tina');
INSERT INTO technician_slots (technician_id, starts_at, ends_at)
	SELECT 1 + seq % 2, DATE(NOW()) + INTERVAL 1 DAY + INTERVAL seq HOUR,
		DATE(NOW()) + INTERVAL 1 DAY + INTERVAL seq + 1 HOUR
	FROM seq_1_to_200;
INSERT INTO manager_sessions (manager_id, token_hash, expires_at)
	SELECT seq, UNHEX(SHA2(LOWER(LPAD(HEX(seq), 64, '0')), 256)),
		NOW(6) + INTERVAL 1 DAY
	FROM seq_1_to_1000;
SET unique_checks = 1, foreign_key_checks = 1;
ANALYZE TABLE terminals, notices, orders, toner_readings, manager_sessions;
