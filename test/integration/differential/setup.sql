-- The data both engines query: small, deterministic, with NULLs and duplicates.
CREATE TABLE dept (id INTEGER, name VARCHAR, budget BIGINT);
INSERT INTO dept VALUES (0, 'research', 100000), (1, 'sales', 250000), (2, 'ops', NULL), (3, 'legal', 50000), (4, 'empty', 10), (NULL, 'nowhere', 1);
CREATE TABLE emp (id INTEGER, name VARCHAR, dept INTEGER, salary NUMERIC(10,2), bonus DOUBLE PRECISION, hired DATE, active BOOLEAN);
INSERT INTO emp SELECT i, 'emp' || i, CASE WHEN i % 11 = 0 THEN NULL ELSE i % 4 END, (i * 37 % 1000) * 10.5, CASE WHEN i % 5 = 0 THEN NULL ELSE i * 1.25 END, DATE '2020-01-01' + (i * 13 % 1500), i % 3 <> 0 FROM generate_series(1, 300) AS g(i);
CREATE TABLE sales (id BIGINT, emp_id INTEGER, amount NUMERIC(12,2), qty INTEGER, region VARCHAR);
INSERT INTO sales SELECT i, i % 320, (i * 7919 % 10000) / 100.0, i % 17, CASE i % 4 WHEN 0 THEN 'north' WHEN 1 THEN 'south' WHEN 2 THEN 'east' ELSE NULL END FROM generate_series(1, 2000) AS g(i);
CREATE TABLE pairs (a INTEGER, b INTEGER);
INSERT INTO pairs VALUES (1, 1), (1, 2), (2, NULL), (NULL, 3), (3, 3), (3, 3), (NULL, NULL);
