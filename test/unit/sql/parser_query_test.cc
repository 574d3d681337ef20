// test/unit/sql/parser_query_test.cc
#include <gtest/gtest.h>

#include "parser_test_util.h"

namespace basin::ast {
namespace {

using testing::RoundTrip;

const QueryNode& Query(const std::vector<StatementPtr>& statements) {
  return *statements.at(0)->As<QueryStatement>().query;
}

TEST(ParserQueryTest, SelectCore) {
  EXPECT_EQ(RoundTrip("select a, b as c, d e from t where x > 1"),
            "SELECT a, b AS c, d AS e FROM t WHERE (x > 1)");
  EXPECT_EQ(RoundTrip("SELECT * FROM t"), "SELECT * FROM t");
  EXPECT_EQ(RoundTrip("SELECT t.*, u.* FROM t, u"), "SELECT t.*, u.* FROM t, u");
  EXPECT_EQ(RoundTrip("SELECT ALL a FROM t"), "SELECT a FROM t");
  EXPECT_EQ(RoundTrip("SELECT DISTINCT a FROM t"), "SELECT DISTINCT a FROM t");
  EXPECT_EQ(RoundTrip("SELECT DISTINCT ON (a, b) a, c FROM t"),
            "SELECT DISTINCT ON (a, b) a, c FROM t");
  EXPECT_EQ(RoundTrip("SELECT"), "SELECT");
  EXPECT_EQ(RoundTrip("SELECT FROM t"), "SELECT FROM t");
  EXPECT_EQ(RoundTrip("SELECT 1"), "SELECT 1");
}

TEST(ParserQueryTest, KeywordsAsColumnNamesAndLabels) {
  EXPECT_EQ(RoundTrip("SELECT date FROM t"), "SELECT date FROM t");
  EXPECT_EQ(RoundTrip("SELECT name, year, value, key, first, last, data, type, version FROM t"),
            "SELECT name, year, value, key, first, last, data, type, version FROM t");
  EXPECT_EQ(RoundTrip("SELECT filter, over FROM t"), "SELECT filter, over FROM t");
  EXPECT_EQ(RoundTrip("SELECT timestamp FROM t"), "SELECT \"timestamp\" FROM t");
  EXPECT_EQ(RoundTrip("SELECT 1 AS from"), "SELECT 1 AS \"from\"");
  EXPECT_EQ(RoundTrip("SELECT 1 date"), "SELECT 1 AS date");
  EXPECT_EQ(RoundTrip("SELECT 1 \"Label\""), "SELECT 1 AS \"Label\"");
  EXPECT_EQ(RoundTrip("SELECT x AS year FROM t"), "SELECT x AS year FROM t");
  // Without AS, only bare labels: YEAR needs AS (it would read as an interval field).
  EXPECT_THROW(ParseStatements("SELECT 1 year"), Error);
  EXPECT_THROW(ParseStatements("SELECT a from"), Error);
  EXPECT_THROW(ParseStatements("SELECT select FROM t"), Error);
}

TEST(ParserQueryTest, ClauseOrderAndModifiers) {
  EXPECT_EQ(RoundTrip("SELECT a, count(*) FROM t GROUP BY a HAVING count(*) > 1 ORDER BY 2 DESC "
                      "LIMIT 10 OFFSET 5"),
            "SELECT a, count(*) FROM t GROUP BY a HAVING (count(*) > 1) ORDER BY 2 DESC LIMIT 10 "
            "OFFSET 5");
  EXPECT_EQ(RoundTrip("SELECT a FROM t OFFSET 5 ROWS LIMIT 3"), "SELECT a FROM t LIMIT 3 OFFSET 5");
  EXPECT_EQ(RoundTrip("SELECT a FROM t LIMIT ALL"), "SELECT a FROM t");
  EXPECT_EQ(RoundTrip("SELECT a FROM t FETCH FIRST 3 ROWS ONLY"), "SELECT a FROM t LIMIT 3");
  EXPECT_EQ(RoundTrip("SELECT a FROM t FETCH NEXT ROW ONLY"), "SELECT a FROM t LIMIT 1");
  EXPECT_EQ(RoundTrip("SELECT a FROM t ORDER BY a ASC NULLS FIRST, b DESC NULLS LAST"),
            "SELECT a FROM t ORDER BY a ASC NULLS FIRST, b DESC NULLS LAST");
}

TEST(ParserQueryTest, GroupingSets) {
  EXPECT_EQ(RoundTrip("SELECT a FROM t GROUP BY ROLLUP (a, b)"),
            "SELECT a FROM t GROUP BY ROLLUP (a, b)");
  EXPECT_EQ(RoundTrip("SELECT a FROM t GROUP BY CUBE (a, (b, c))"),
            "SELECT a FROM t GROUP BY CUBE (a, (b, c))");
  EXPECT_EQ(RoundTrip("SELECT a FROM t GROUP BY GROUPING SETS ((a, b), (a), ())"),
            "SELECT a FROM t GROUP BY GROUPING SETS ((a, b), a, ())");
  EXPECT_EQ(RoundTrip("SELECT a FROM t GROUP BY ()"), "SELECT a FROM t GROUP BY ()");
  EXPECT_EQ(RoundTrip("SELECT a FROM t GROUP BY a, GROUPING SETS (ROLLUP (b), CUBE (c))"),
            "SELECT a FROM t GROUP BY a, GROUPING SETS (ROLLUP (b), CUBE (c))");
  EXPECT_EQ(RoundTrip("SELECT a, sum(b) FROM t GROUP BY ALL"),
            "SELECT a, sum(b) FROM t GROUP BY ALL");
  EXPECT_EQ(RoundTrip("SELECT rollup(a) FROM t"), "SELECT rollup(a) FROM t");
  auto statements = ParseStatements("SELECT 1 FROM t GROUP BY GROUPING SETS ((a, b), ())");
  const auto& select = Query(statements).As<SelectNode>();
  ASSERT_EQ(select.group_by.size(), 1u);
  const auto& sets = select.group_by[0]->As<GroupingSetExpr>();
  EXPECT_EQ(sets.set_kind, GroupingSetKind::kSets);
  EXPECT_TRUE(sets.items[0]->Is<RowExpr>());
  EXPECT_EQ(sets.items[1]->As<GroupingSetExpr>().set_kind, GroupingSetKind::kEmpty);
  auto all = ParseStatements("SELECT a FROM t GROUP BY ALL");
  EXPECT_TRUE(Query(all).As<SelectNode>().group_by_all);
}

TEST(ParserQueryTest, NamedWindows) {
  EXPECT_EQ(RoundTrip("SELECT sum(x) OVER w FROM t WINDOW w AS (PARTITION BY a), "
                      "v AS (w ORDER BY b)"),
            "SELECT sum(x) OVER w FROM t WINDOW w AS (PARTITION BY a), v AS (w ORDER BY b)");
}

TEST(ParserQueryTest, SetOperations) {
  EXPECT_EQ(RoundTrip("SELECT 1 UNION SELECT 2"), "SELECT 1 UNION SELECT 2");
  EXPECT_EQ(RoundTrip("SELECT 1 UNION ALL SELECT 2 UNION DISTINCT SELECT 3"),
            "(SELECT 1 UNION ALL SELECT 2) UNION SELECT 3");
  // INTERSECT binds tighter than UNION and EXCEPT.
  EXPECT_EQ(RoundTrip("SELECT 1 UNION SELECT 2 INTERSECT SELECT 3"),
            "SELECT 1 UNION (SELECT 2 INTERSECT SELECT 3)");
  EXPECT_EQ(RoundTrip("SELECT 1 INTERSECT SELECT 2 EXCEPT SELECT 3"),
            "(SELECT 1 INTERSECT SELECT 2) EXCEPT SELECT 3");
  EXPECT_EQ(RoundTrip("SELECT 1 EXCEPT ALL (SELECT 2 UNION SELECT 3)"),
            "SELECT 1 EXCEPT ALL (SELECT 2 UNION SELECT 3)");
  EXPECT_EQ(RoundTrip("(SELECT 1 ORDER BY 1 LIMIT 1) UNION SELECT 2 ORDER BY 1"),
            "(SELECT 1 ORDER BY 1 LIMIT 1) UNION SELECT 2 ORDER BY 1");
  EXPECT_EQ(RoundTrip("((SELECT 1))"), "SELECT 1");
  EXPECT_EQ(RoundTrip("(SELECT 1) LIMIT 1"), "SELECT 1 LIMIT 1");
  auto statements = ParseStatements("SELECT 1 UNION SELECT 2 ORDER BY 1 LIMIT 3");
  const QueryNode& query = Query(statements);
  ASSERT_TRUE(query.Is<SetOperationNode>());
  EXPECT_EQ(query.order_by.size(), 1u);
  EXPECT_NE(query.limit, nullptr);
  EXPECT_FALSE(query.As<SetOperationNode>().all);
  EXPECT_FALSE(query.As<SetOperationNode>().left->HasModifiers());
}

TEST(ParserQueryTest, ValuesAndTable) {
  EXPECT_EQ(RoundTrip("VALUES (1, 'a'), (2, 'b')"), "VALUES (1, 'a'), (2, 'b')");
  EXPECT_EQ(RoundTrip("VALUES (1) UNION ALL VALUES (2) ORDER BY 1"),
            "VALUES (1) UNION ALL VALUES (2) ORDER BY 1");
  EXPECT_EQ(RoundTrip("SELECT * FROM (VALUES (1), (2)) AS v(x)"),
            "SELECT * FROM (VALUES (1), (2)) AS v(x)");
  EXPECT_EQ(RoundTrip("SELECT (VALUES (1))"), "SELECT (VALUES (1))");
  EXPECT_EQ(RoundTrip("TABLE s.t"), "SELECT * FROM s.t");
}

TEST(ParserQueryTest, With) {
  EXPECT_EQ(RoundTrip("WITH a AS (SELECT 1), b(x, y) AS (SELECT 1, 2) SELECT * FROM a, b"),
            "WITH a AS (SELECT 1), b(x, y) AS (SELECT 1, 2) SELECT * FROM a, b");
  EXPECT_EQ(RoundTrip("WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 5) "
                      "SELECT n FROM r"),
            "WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT (n + 1) FROM r WHERE (n < 5)) "
            "SELECT n FROM r");
  EXPECT_EQ(RoundTrip("WITH m AS MATERIALIZED (SELECT 1), n AS NOT MATERIALIZED (SELECT 2) "
                      "SELECT 1 UNION SELECT 2"),
            "WITH m AS MATERIALIZED (SELECT 1), n AS NOT MATERIALIZED (SELECT 2) SELECT 1 UNION "
            "SELECT 2");
  EXPECT_EQ(RoundTrip("SELECT * FROM (WITH a AS (SELECT 1) SELECT * FROM a) AS s"),
            "SELECT * FROM (WITH a AS (SELECT 1) SELECT * FROM a) AS s");
  auto statements = ParseStatements("WITH RECURSIVE a AS (SELECT 1) SELECT 2");
  const QueryNode& query = Query(statements);
  EXPECT_TRUE(query.recursive);
  ASSERT_EQ(query.ctes.size(), 1u);
  EXPECT_EQ(query.ctes[0].name, "a");
  EXPECT_THROW(ParseStatements("WITH a AS (SELECT 1) (WITH b AS (SELECT 2) SELECT 3)"), Error);
}

TEST(ParserQueryTest, Joins) {
  EXPECT_EQ(RoundTrip("SELECT * FROM a JOIN b ON a.x = b.x"),
            "SELECT * FROM a JOIN b ON (a.x = b.x)");
  EXPECT_EQ(RoundTrip("SELECT * FROM a INNER JOIN b USING (x, y)"),
            "SELECT * FROM a JOIN b USING (x, y)");
  EXPECT_EQ(RoundTrip("SELECT * FROM a LEFT OUTER JOIN b USING (x) AS j"),
            "SELECT * FROM a LEFT JOIN b USING (x) AS j");
  EXPECT_EQ(RoundTrip("SELECT * FROM a RIGHT JOIN b ON TRUE FULL OUTER JOIN c ON FALSE"),
            "SELECT * FROM a RIGHT JOIN b ON TRUE FULL JOIN c ON FALSE");
  EXPECT_EQ(RoundTrip("SELECT * FROM a CROSS JOIN b NATURAL JOIN c NATURAL FULL JOIN d"),
            "SELECT * FROM a CROSS JOIN b NATURAL JOIN c NATURAL FULL JOIN d");
  EXPECT_EQ(RoundTrip("SELECT * FROM a JOIN b JOIN c ON b.x = c.x ON a.y = b.y"),
            "SELECT * FROM a JOIN (b JOIN c ON (b.x = c.x)) ON (a.y = b.y)");
  EXPECT_EQ(RoundTrip("SELECT * FROM (a JOIN b ON TRUE) AS j"),
            "SELECT * FROM (a JOIN b ON TRUE) AS j");
  EXPECT_EQ(RoundTrip("SELECT * FROM a JOIN (b JOIN c ON TRUE) ON TRUE"),
            "SELECT * FROM a JOIN (b JOIN c ON TRUE) ON TRUE");
  EXPECT_EQ(RoundTrip("SELECT * FROM ((a JOIN b ON TRUE))"), "SELECT * FROM a JOIN b ON TRUE");
  EXPECT_EQ(RoundTrip("SELECT * FROM ((SELECT 1) AS s JOIN c ON TRUE)"),
            "SELECT * FROM (SELECT 1) AS s JOIN c ON TRUE");
  auto statements = ParseStatements("SELECT * FROM a LEFT JOIN b ON a.x = b.x");
  const auto& join = Query(statements).As<SelectNode>().from[0]->As<JoinRef>();
  EXPECT_EQ(join.join_type, JoinType::kLeft);
  EXPECT_TRUE(join.left->Is<BaseTableRef>());
  EXPECT_NE(join.condition, nullptr);
  EXPECT_THROW(ParseStatements("SELECT * FROM a JOIN b"), Error);
}

TEST(ParserQueryTest, TableRefKinds) {
  EXPECT_EQ(RoundTrip("SELECT * FROM s.t AS x(a, b)"), "SELECT * FROM s.t AS x(a, b)");
  EXPECT_EQ(RoundTrip("SELECT * FROM c.s.t x"), "SELECT * FROM c.s.t AS x");
  EXPECT_EQ(RoundTrip("SELECT * FROM (SELECT 1) s"), "SELECT * FROM (SELECT 1) AS s");
  EXPECT_EQ(RoundTrip("SELECT * FROM (SELECT 1)"), "SELECT * FROM (SELECT 1)");
  EXPECT_EQ(RoundTrip("SELECT * FROM ((SELECT 1) UNION (SELECT 2)) u"),
            "SELECT * FROM (SELECT 1 UNION SELECT 2) AS u");
  EXPECT_EQ(RoundTrip("SELECT * FROM t, LATERAL (SELECT t.a) l"),
            "SELECT * FROM t, LATERAL (SELECT t.a) AS l");
  EXPECT_EQ(RoundTrip("SELECT * FROM generate_series(1, 10) g(x)"),
            "SELECT * FROM generate_series(1, 10) AS g(x)");
  EXPECT_EQ(RoundTrip("SELECT * FROM generate_series(1, 3) WITH ORDINALITY AS g(x, n)"),
            "SELECT * FROM generate_series(1, 3) WITH ORDINALITY AS g(x, n)");
  EXPECT_EQ(RoundTrip("SELECT * FROM read_csv('f.csv', header => true, delim = '|', quote := '\"')"),
            "SELECT * FROM read_csv('f.csv', header => TRUE, delim => '|', quote => '\"')");
  EXPECT_EQ(RoundTrip("SELECT * FROM 'data/file.csv'"), "SELECT * FROM 'data/file.csv'");
  EXPECT_EQ(RoundTrip("SELECT * FROM 'data/x.parquet' AS p(a)"),
            "SELECT * FROM 'data/x.parquet' AS p(a)");
  EXPECT_EQ(RoundTrip("SELECT * FROM t FOR VERSION AS OF 3"),
            "SELECT * FROM t FOR VERSION AS OF 3");
  EXPECT_EQ(RoundTrip("SELECT * FROM t AS x FOR TIMESTAMP AS OF TIMESTAMP '2024-01-01'"),
            "SELECT * FROM t FOR TIMESTAMP AS OF CAST('2024-01-01' AS timestamp) AS x");

  auto statements = ParseStatements(
      "SELECT * FROM read_csv('f.csv', delim = '|') AS r, 'a.csv', t FOR VERSION AS OF 7");
  const auto& from = Query(statements).As<SelectNode>().from;
  ASSERT_EQ(from.size(), 3u);
  const auto& function = from[0]->As<TableFunctionRef>();
  EXPECT_EQ(function.function->arg_names, (std::vector<std::string>{"", "delim"}));
  EXPECT_EQ(function.alias, "r");
  EXPECT_EQ(from[1]->As<FileRef>().path, "a.csv");
  const auto& table = from[2]->As<BaseTableRef>();
  EXPECT_EQ(table.time_travel, TimeTravelKind::kVersion);
  EXPECT_EQ(table.time_travel_value->As<Constant>().value, "7");
}

TEST(ParserQueryTest, ScalarSubqueryShapes) {
  EXPECT_EQ(RoundTrip("SELECT (SELECT max(x) FROM t) + 1"),
            "SELECT ((SELECT max(x) FROM t) + 1)");
  EXPECT_EQ(RoundTrip("SELECT ((SELECT 1) UNION (SELECT 2) ORDER BY 1 LIMIT 1)"),
            "SELECT (SELECT 1 UNION SELECT 2 ORDER BY 1 LIMIT 1)");
  EXPECT_EQ(RoundTrip("SELECT ((SELECT 1), 2)"), "SELECT ((SELECT 1), 2)");
  EXPECT_EQ(RoundTrip("SELECT (((SELECT 1)))::int"), "SELECT CAST((SELECT 1) AS integer)");
}

TEST(ParserQueryTest, StatementSpans) {
  const std::string sql = "SELECT 1;  SELECT a FROM t ;;\n VALUES (1)";
  auto statements = ParseStatements(sql);
  ASSERT_EQ(statements.size(), 3u);
  auto text = [&](const Statement& statement) {
    return sql.substr(statement.span.offset, statement.span.length);
  };
  EXPECT_EQ(text(*statements[0]), "SELECT 1");
  EXPECT_EQ(text(*statements[1]), "SELECT a FROM t");
  EXPECT_EQ(text(*statements[2]), "VALUES (1)");
  EXPECT_TRUE(ParseStatements("  ;; -- nothing\n").empty());
}

}  // namespace
}  // namespace basin::ast
