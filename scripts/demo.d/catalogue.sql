-- SPDX-License-Identifier: ISC
-- What the demo's service center offers for the simulated engine's model
-- (registration finds the model by name): toner for its shortages, a
-- technician with free slots for its faults, a newer product to suggest.
INSERT INTO models (name) VALUES ('FX-SIM 100');
SET @model = (SELECT id FROM models WHERE name = 'FX-SIM 100');
INSERT INTO consumables (model_id, condition_kw, sku, name, price_cents,
	yield_pages, picture) VALUES
	(@model, 'toner-low', 'TN-SIM100', 'Toner cartridge, black', 5490, 6000,
		'/assets/consumables/toner.svg'),
	(@model, 'toner-low', 'TN-SIM100XL', 'High-yield toner cartridge, black',
		7990, 12000, '/assets/consumables/toner.svg');
INSERT INTO technicians (name, email) VALUES ('Dana Field', 'dana@faxcare.test');
SET @tech = LAST_INSERT_ID();
INSERT INTO technician_slots (technician_id, starts_at, ends_at) VALUES
	(@tech, DATE(NOW()) + INTERVAL 1 DAY + INTERVAL 9 HOUR,
		DATE(NOW()) + INTERVAL 1 DAY + INTERVAL 11 HOUR),
	(@tech, DATE(NOW()) + INTERVAL 2 DAY + INTERVAL 14 HOUR,
		DATE(NOW()) + INTERVAL 2 DAY + INTERVAL 16 HOUR);
INSERT INTO product_guides (model_id, title, url, summary) VALUES
	(@model, 'FX-SIM 200', 'http://127.0.0.1/products/fx-sim-200',
		'Duplex scanning, twice the toner yield, a door that latches.');
