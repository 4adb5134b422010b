-- SPDX-License-Identifier: ISC
-- The benchmark's center, terminals @LO@..@HI@ of it (bench/center/run-
-- homepage runs this once for the first 10^3 and again for the rest):
-- 5 terminals per manager (manager 1 + (id - 1) DIV 5) of 20 models, 10
-- reports per terminal, each with a toner level (so as many toner
-- readings), an open notice on every third terminal (supply, fault or
-- service), orders for half the supply notices. The catalogue, slots and
-- sessions are in homepage-base.sql. Run with the triggers dropped (the
-- bench dumps and restores them): toner readings are inserted here, not
-- by reports_toner_reading.
SET unique_checks = 0, foreign_key_checks = 0;
INSERT INTO terminals (id, terminal_uid, model_id, serial, manager_id,
	last_report_at)
	SELECT seq, CONCAT('term-', seq), 1 + seq % 20, CONCAT('SN', seq),
		1 + (seq - 1) DIV 5, NOW(6) - INTERVAL (seq % 240) HOUR
	FROM seq_@LO@_to_@HI@;
INSERT INTO reports (id, report_uid, terminal_id, type, condition_kw,
	received_at, parsed, raw)
	SELECT seq, CONCAT('r', seq), 1 + (seq - 1) DIV 10, 'meter', NULL,
		NOW(6) - INTERVAL (10 - seq % 10) DAY,
		CONCAT('Report-Id:r', seq, '\nToner-Level:', 100 - (seq % 10) * 9,
			'\n'), ''
	FROM seq_@RLO@_to_@RHI@;
INSERT INTO toner_readings (terminal_id, at, report_id, level)
	SELECT 1 + (seq - 1) DIV 10, NOW(6) - INTERVAL (10 - seq % 10) DAY,
		seq, 100 - (seq % 10) * 9
	FROM seq_@RLO@_to_@RHI@;
INSERT INTO notices (terminal_id, condition_kw, kind, severity, alert_code,
	summary, opened_report_id)
	SELECT seq, ELT(1 + (seq DIV 3) % 3, 'toner-low', 'media-jam',
		'maintenance-due'),
		ELT(1 + (seq DIV 3) % 3, 'supply', 'fault', 'service'),
		ELT(1 + (seq DIV 3) % 3, 'warning', 'error', 'warning'),
		ELT(1 + (seq DIV 3) % 3, 1104, 8, 16),
		ELT(1 + (seq DIV 3) % 3, 'Toner is low', 'Paper is jammed',
			'Maintenance is due'), seq * 10
	FROM seq_@LO@_to_@HI@ WHERE seq % 3 = 0;
INSERT INTO orders (notice_id, terminal_id, manager_id, consumable_id,
	quantity, state, delivery_at)
	SELECT n.id, n.terminal_id, t.manager_id, 1 + (t.model_id - 1) * 3, 1,
		'scheduled', NOW() + INTERVAL 2 DAY
	FROM notices n JOIN terminals t ON t.id = n.terminal_id
	WHERE n.terminal_id BETWEEN @LO@ AND @HI@ AND n.kind = 'supply'
	AND n.terminal_id % 2 = 0;
