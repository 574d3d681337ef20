-- WITH RECURSIVE and LATERAL; each query orders its output fully.
WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t WHERE n < 100) SELECT count(*), sum(n), max(n) FROM t;
WITH RECURSIVE fib(i, a, b) AS (SELECT 1, 0::bigint, 1::bigint UNION ALL SELECT i + 1, b, a + b FROM fib WHERE i < 50) SELECT i, a FROM fib ORDER BY i;
WITH RECURSIVE chain(id, depth) AS (SELECT id, 0 FROM emp WHERE id = 1 UNION ALL SELECT e.id, c.depth + 1 FROM emp e JOIN chain c ON e.id = c.id * 2) SELECT id, depth FROM chain ORDER BY id;
WITH RECURSIVE reach(d) AS (SELECT 0 UNION SELECT (r.d + 1) % 4 FROM reach r) SELECT d FROM reach ORDER BY d;
WITH RECURSIVE s(n, label) AS (SELECT 1, 'x'::text UNION ALL SELECT n + 1, label || '.' || n FROM s WHERE n < 6) SELECT n, label FROM s ORDER BY n;
WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t WHERE n < 5), u AS (SELECT n, n * n AS sq FROM t) SELECT n, sq FROM u ORDER BY n;
SELECT d.id, top.id, top.salary FROM dept d CROSS JOIN LATERAL (SELECT e.id, e.salary FROM emp e WHERE e.dept = d.id ORDER BY e.salary DESC, e.id LIMIT 3) top ORDER BY d.id, top.salary DESC, top.id;
SELECT d.id, s.n, s.total FROM dept d, LATERAL (SELECT count(*) AS n, sum(salary) AS total FROM emp e WHERE e.dept = d.id) s ORDER BY d.id;
SELECT d.id, s.id FROM dept d LEFT JOIN LATERAL (SELECT e.id FROM emp e WHERE e.dept = d.id AND e.id < 10) s ON true ORDER BY d.id, s.id;
SELECT d.id, g FROM dept d, generate_series(0, d.id) g WHERE d.id IS NOT NULL ORDER BY d.id, g;
SELECT p.a, p.b, s.x FROM pairs p, LATERAL (SELECT p.a + p.b AS x) s ORDER BY p.a, p.b;
