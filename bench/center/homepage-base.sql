-- SPDX-License-Identifier: ISC
-- What the benchmark's center has before its terminals
-- (homepage-seed.sql): 20 models, 200,000 managers (room for 10^6
-- terminals at 5 each), 3 consumables and a product guide per model, 200
-- future slots, and a session for each of the first 200 managers (the
-- owners of the first 10^3 terminals; token: the manager id as 64 hex
-- digits).
SET unique_checks = 0, foreign_key_checks = 0;
INSERT INTO models (id, name) SELECT seq, CONCAT('FX-', 1000 + seq)
	FROM seq_1_to_20;
INSERT INTO managers (id, email, confirmed_at)
	SELECT seq, CONCAT('manager', seq, '@example.com'), NOW(6)
	FROM seq_1_to_200000;
INSERT INTO consumables (model_id, condition_kw, sku, name, price_cents,
	yield_pages, picture)
	SELECT m.seq, 'toner-low', CONCAT('TN-', m.seq, '-', k.seq),
		ELT(k.seq, 'Toner cartridge', 'High-yield toner cartridge',
			'Drum unit'), 3990 + k.seq * 1000, 5000 * k.seq,
		'/assets/consumables/toner.svg'
	FROM seq_1_to_20 m, seq_1_to_3 k;
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
	FROM seq_1_to_200;
