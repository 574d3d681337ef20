-- GROUPING SETS / ROLLUP / CUBE, GROUPING(), DISTINCT ON and ordered aggregates; each query orders its output fully.
SELECT dept, active, count(*), sum(salary) FROM emp GROUP BY ROLLUP(dept, active) ORDER BY dept NULLS FIRST, active NULLS FIRST, 3;
SELECT dept, active, count(*), grouping(dept, active) FROM emp GROUP BY CUBE(dept, active) ORDER BY 4, 1, 2, 3;
SELECT region, qty % 3, sum(amount), grouping(region), grouping(qty % 3) FROM sales GROUP BY GROUPING SETS ((region), (qty % 3), ()) ORDER BY 4, 5, 1, 2;
SELECT region, qty, count(*) FROM sales WHERE qty < 4 GROUP BY region, ROLLUP(qty) ORDER BY 1, 2, 3;
SELECT dept, sum(bonus) FROM emp GROUP BY ROLLUP(dept) HAVING grouping(dept) = 1 OR sum(bonus) > 1000 ORDER BY 1, 2;
SELECT a, b, count(*) FROM pairs GROUP BY GROUPING SETS (a, ROLLUP(b), CUBE((a, b))) ORDER BY 1, 2, 3;
SELECT a, b, count(*), grouping(b, a) FROM pairs GROUP BY GROUPING SETS ((a, b), (a), (), ()) ORDER BY 4, 1, 2, 3;
SELECT count(*), sum(a) FROM pairs WHERE false GROUP BY ROLLUP(a) ORDER BY 1;
SELECT dept, string_agg(name, ',' ORDER BY id DESC) FROM emp WHERE id < 40 GROUP BY dept ORDER BY dept;
SELECT region, string_agg(id::text, '|' ORDER BY amount, id) FROM sales WHERE id < 30 GROUP BY region ORDER BY region;
SELECT dept, percentile_cont(0.5) WITHIN GROUP (ORDER BY bonus), percentile_disc(0.25) WITHIN GROUP (ORDER BY salary), mode() WITHIN GROUP (ORDER BY id % 7) FROM emp GROUP BY dept ORDER BY dept;
SELECT percentile_cont(0.9) WITHIN GROUP (ORDER BY amount DESC), percentile_disc(0.9) WITHIN GROUP (ORDER BY hired), mode() WITHIN GROUP (ORDER BY region) FROM sales, emp WHERE sales.emp_id = emp.id;
SELECT DISTINCT ON (dept) dept, id, salary FROM emp ORDER BY dept, salary DESC, id;
SELECT DISTINCT ON (region, qty % 2) region, qty % 2, id, amount FROM sales ORDER BY region, qty % 2, amount, id;
SELECT DISTINCT ON (a) a, b FROM pairs ORDER BY a NULLS FIRST, b DESC NULLS LAST;
SELECT DISTINCT ON (dept) dept, name FROM emp ORDER BY dept, hired, id LIMIT 3;
