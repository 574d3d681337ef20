// test/unit/sql/parser_statement_test.cc
#include <gtest/gtest.h>

#include "parser_test_util.h"

namespace basin::ast {
namespace {

using testing::RoundTrip;

template <class T>
std::unique_ptr<T> ParseOne(const std::string& sql) {
  auto statements = ParseStatements(sql);
  EXPECT_EQ(statements.size(), 1u);
  EXPECT_TRUE(statements[0]->Is<T>()) << sql;
  return std::unique_ptr<T>(static_cast<T*>(statements[0].release()));
}

TEST(ParserStatementTest, CreateTable) {
  EXPECT_EQ(RoundTrip("CREATE TABLE t (a INT NOT NULL, b VARCHAR(10) DEFAULT 'x', c DECIMAL(10,2))"),
            "CREATE TABLE t (a integer NOT NULL, b varchar(10) DEFAULT 'x', c numeric(10, 2))");
  EXPECT_EQ(RoundTrip("CREATE TEMP TABLE IF NOT EXISTS s.t (id BIGINT PRIMARY KEY, u TEXT UNIQUE "
                      "NULL, c INT CHECK (c > 0), PRIMARY KEY (id), UNIQUE (u, c), CONSTRAINT k "
                      "CHECK (c < 10))"),
            "CREATE TEMPORARY TABLE IF NOT EXISTS s.t (id bigint PRIMARY KEY, u varchar NULL "
            "UNIQUE, c integer CHECK ((c > 0)), PRIMARY KEY (id), UNIQUE (u, c), CONSTRAINT k "
            "CHECK ((c < 10)))");
  EXPECT_EQ(RoundTrip("CREATE TABLE t (d TIMESTAMP, n INT DEFAULT -1 NOT NULL) "
                      "PARTITIONED BY (day(d), n) WITH (format = 'parquet', target_file_size = 1000)"),
            "CREATE TABLE t (d timestamp, n integer NOT NULL DEFAULT (-1)) PARTITIONED BY "
            "(day(d), n) WITH (format = 'parquet', target_file_size = 1000)");
  EXPECT_EQ(RoundTrip("CREATE TABLE t ()"), "CREATE TABLE t ()");
  EXPECT_EQ(RoundTrip("CREATE TABLE t (v VECTOR(3), m MAP(VARCHAR, INT), s STRUCT(a INT))"),
            "CREATE TABLE t (v vector(3), m map(varchar, integer), s struct(a integer))");
  auto create = ParseOne<CreateTableStatement>(
      "CREATE TABLE t (a int NOT NULL DEFAULT 1, PRIMARY KEY (a))");
  ASSERT_EQ(create->columns.size(), 1u);
  EXPECT_TRUE(create->columns[0].not_null);
  EXPECT_EQ(create->columns[0].type.name, "integer");
  ASSERT_NE(create->columns[0].default_value, nullptr);
  ASSERT_EQ(create->constraints.size(), 1u);
  EXPECT_EQ(create->constraints[0].columns, (std::vector<std::string>{"a"}));
}

TEST(ParserStatementTest, CreateTableAsAndViews) {
  EXPECT_EQ(RoundTrip("CREATE TABLE t AS SELECT 1"), "CREATE TABLE t AS SELECT 1");
  EXPECT_EQ(RoundTrip("CREATE OR REPLACE TABLE t (a, b) AS (SELECT 1, 2) WITH NO DATA"),
            "CREATE OR REPLACE TABLE t (a, b) AS SELECT 1, 2 WITH NO DATA");
  EXPECT_EQ(RoundTrip("CREATE TABLE t AS SELECT 1 WITH DATA"), "CREATE TABLE t AS SELECT 1");
  EXPECT_EQ(RoundTrip("CREATE VIEW v AS SELECT a FROM t"), "CREATE VIEW v AS SELECT a FROM t");
  EXPECT_EQ(RoundTrip("CREATE OR REPLACE TEMPORARY VIEW s.v (x, y) AS VALUES (1, 2)"),
            "CREATE OR REPLACE TEMPORARY VIEW s.v (x, y) AS VALUES (1, 2)");
  EXPECT_EQ(RoundTrip("CREATE SCHEMA IF NOT EXISTS analytics"),
            "CREATE SCHEMA IF NOT EXISTS analytics");
  auto ctas = ParseOne<CreateTableAsStatement>("CREATE TABLE t AS SELECT 1 WITH NO DATA");
  EXPECT_FALSE(ctas->with_data);
}

TEST(ParserStatementTest, Drop) {
  EXPECT_EQ(RoundTrip("DROP TABLE t"), "DROP TABLE t");
  EXPECT_EQ(RoundTrip("DROP TABLE IF EXISTS a, s.b CASCADE"), "DROP TABLE IF EXISTS a, s.b CASCADE");
  EXPECT_EQ(RoundTrip("DROP VIEW v RESTRICT"), "DROP VIEW v");
  EXPECT_EQ(RoundTrip("DROP SCHEMA s"), "DROP SCHEMA s");
  auto drop = ParseOne<DropStatement>("DROP VIEW IF EXISTS a, b");
  EXPECT_EQ(drop->object_type, ObjectType::kView);
  EXPECT_TRUE(drop->if_exists);
  EXPECT_EQ(drop->names.size(), 2u);
}

TEST(ParserStatementTest, Insert) {
  EXPECT_EQ(RoundTrip("INSERT INTO t VALUES (1, 'a'), (2, DEFAULT)"),
            "INSERT INTO t VALUES (1, 'a'), (2, DEFAULT)");
  EXPECT_EQ(RoundTrip("INSERT INTO s.t (a, b) SELECT x, y FROM u RETURNING a, b AS c"),
            "INSERT INTO s.t (a, b) SELECT x, y FROM u RETURNING a, b AS c");
  EXPECT_EQ(RoundTrip("INSERT INTO t DEFAULT VALUES RETURNING *"),
            "INSERT INTO t DEFAULT VALUES RETURNING *");
  EXPECT_EQ(RoundTrip("INSERT INTO t (SELECT 1)"), "INSERT INTO t SELECT 1");
  EXPECT_EQ(RoundTrip("INSERT INTO t AS x (a) VALUES (1)"), "INSERT INTO t AS x (a) VALUES (1)");
  EXPECT_EQ(RoundTrip("INSERT INTO t WITH w AS (SELECT 1) SELECT * FROM w"),
            "INSERT INTO t WITH w AS (SELECT 1) SELECT * FROM w");
  auto insert = ParseOne<InsertStatement>("INSERT INTO t (a) VALUES (DEFAULT)");
  EXPECT_EQ(insert->columns, (std::vector<std::string>{"a"}));
  const auto& values = insert->query->As<ValuesNode>();
  EXPECT_TRUE(values.rows[0][0]->Is<DefaultExpr>());
}

TEST(ParserStatementTest, UpdateDeleteTruncate) {
  EXPECT_EQ(RoundTrip("UPDATE t SET a = 1, b = b + 1 WHERE id = 3"),
            "UPDATE t SET a = 1, b = (b + 1) WHERE (id = 3)");
  EXPECT_EQ(RoundTrip("UPDATE t x SET (a, b) = (1, 2), c = DEFAULT FROM u WHERE x.id = u.id "
                      "RETURNING x.a"),
            "UPDATE t AS x SET (a, b) = (1, 2), c = DEFAULT FROM u WHERE (x.id = u.id) "
            "RETURNING x.a");
  EXPECT_EQ(RoundTrip("UPDATE t SET (a, b) = (SELECT 1, 2)"),
            "UPDATE t SET (a, b) = (SELECT 1, 2)");
  EXPECT_EQ(RoundTrip("DELETE FROM t"), "DELETE FROM t");
  EXPECT_EQ(RoundTrip("DELETE FROM t AS x USING u, v WHERE x.a = u.a RETURNING *"),
            "DELETE FROM t AS x USING u, v WHERE (x.a = u.a) RETURNING *");
  EXPECT_EQ(RoundTrip("TRUNCATE t"), "TRUNCATE TABLE t");
  EXPECT_EQ(RoundTrip("TRUNCATE TABLE a, s.b"), "TRUNCATE TABLE a, s.b");
  auto update = ParseOne<UpdateStatement>("UPDATE t SET (a, b) = (1, 2)");
  ASSERT_EQ(update->set.size(), 1u);
  EXPECT_EQ(update->set[0].columns.size(), 2u);
  EXPECT_TRUE(update->set[0].value->Is<RowExpr>());
}

TEST(ParserStatementTest, Copy) {
  EXPECT_EQ(RoundTrip("COPY t FROM 'f.csv'"), "COPY t FROM 'f.csv'");
  EXPECT_EQ(RoundTrip("COPY t (a, b) FROM 'f.csv' WITH (FORMAT csv, HEADER true, DELIMITER '|')"),
            "COPY t (a, b) FROM 'f.csv' WITH (format csv, header TRUE, delimiter '|')");
  EXPECT_EQ(RoundTrip("COPY t TO 'out' (FORMAT parquet, PARTITION_BY (a, b), FORCE_QUOTE *, "
                      "ROW_GROUP_SIZE 100000, HEADER)"),
            "COPY t TO 'out' WITH (format parquet, partition_by (a, b), force_quote *, "
            "row_group_size 100000, header)");
  EXPECT_EQ(RoundTrip("COPY t FROM STDIN"), "COPY t FROM STDIN");
  EXPECT_EQ(RoundTrip("COPY (SELECT 1) TO STDOUT"), "COPY (SELECT 1) TO STDOUT");
  EXPECT_EQ(RoundTrip("COPY t TO 'f' WITH CSV HEADER DELIMITER AS '|' NULL 'x' QUOTE '\"' "
                      "ESCAPE '\\' FORCE QUOTE a, b"),
            "COPY t TO 'f' WITH (format csv, header TRUE, delimiter '|', \"null\" 'x', quote "
            "'\"', escape '\\', force_quote (a, b))");
  EXPECT_EQ(RoundTrip("COPY t FROM 'f' CSV FORCE NOT NULL a"),
            "COPY t FROM 'f' WITH (format csv, force_not_null (a))");
  auto copy = ParseOne<CopyStatement>("COPY t TO 'f' WITH (format csv, header)");
  EXPECT_FALSE(copy->is_from);
  EXPECT_EQ(copy->path, "f");
  ASSERT_EQ(copy->options.size(), 2u);
  EXPECT_EQ(copy->options[0].name, "format");
  EXPECT_EQ(copy->options[0].value.kind, OptionValue::Kind::kIdentifier);
  EXPECT_EQ(copy->options[0].value.text, "csv");
  EXPECT_EQ(copy->options[1].value.kind, OptionValue::Kind::kNone);
  EXPECT_THROW(ParseStatements("COPY (SELECT 1) FROM 'f'"), Error);
}

TEST(ParserStatementTest, SetResetShow) {
  EXPECT_EQ(RoundTrip("SET threads = 4"), "SET threads = 4");
  EXPECT_EQ(RoundTrip("SET search_path TO a, 'b'"), "SET search_path = a, 'b'");
  EXPECT_EQ(RoundTrip("SET SESSION x TO DEFAULT"), "SET SESSION x = DEFAULT");
  EXPECT_EQ(RoundTrip("SET LOCAL basin.memory_limit = '1GB'"),
            "SET LOCAL basin.memory_limit = '1GB'");
  EXPECT_EQ(RoundTrip("SET TIME ZONE 'UTC'"), "SET timezone = 'UTC'");
  EXPECT_EQ(RoundTrip("SET TIME ZONE LOCAL"), "SET timezone = DEFAULT");
  EXPECT_EQ(RoundTrip("SET enable_x = on"), "SET enable_x = \"on\"");
  EXPECT_EQ(RoundTrip("SET x = -1.5"), "SET x = -1.5");
  EXPECT_EQ(RoundTrip("RESET x"), "RESET x");
  EXPECT_EQ(RoundTrip("RESET ALL"), "RESET ALL");
  EXPECT_EQ(RoundTrip("SHOW x"), "SHOW x");
  EXPECT_EQ(RoundTrip("SHOW ALL"), "SHOW ALL");
  EXPECT_EQ(RoundTrip("SHOW TABLES"), "SHOW TABLES");
  EXPECT_EQ(RoundTrip("SHOW TIME ZONE"), "SHOW timezone");
  auto set = ParseOne<SetStatement>("SET search_path TO a, b");
  EXPECT_EQ(set->name, "search_path");
  EXPECT_EQ(set->values.size(), 2u);
  auto show = ParseOne<ShowStatement>("show tables");
  EXPECT_EQ(show->target, ShowTarget::kTables);
}

TEST(ParserStatementTest, ExplainAndMisc) {
  EXPECT_EQ(RoundTrip("EXPLAIN SELECT 1"), "EXPLAIN SELECT 1");
  EXPECT_EQ(RoundTrip("EXPLAIN ANALYZE VERBOSE SELECT 1"),
            "EXPLAIN (\"analyze\", \"verbose\") SELECT 1");
  EXPECT_EQ(RoundTrip("EXPLAIN (ANALYZE, FORMAT text) SELECT 1"),
            "EXPLAIN (\"analyze\", format text) SELECT 1");
  EXPECT_EQ(RoundTrip("EXPLAIN (SELECT 1)"), "EXPLAIN SELECT 1");
  EXPECT_EQ(RoundTrip("EXPLAIN INSERT INTO t VALUES (1)"), "EXPLAIN INSERT INTO t VALUES (1)");
  auto explain = ParseOne<ExplainStatement>("EXPLAIN (ANALYZE false, VERBOSE) SELECT 1");
  EXPECT_FALSE(explain->analyze);
  EXPECT_TRUE(explain->verbose);
  EXPECT_TRUE(explain->statement->Is<QueryStatement>());
  auto analyze = ParseOne<ExplainStatement>("EXPLAIN ANALYZE SELECT 1");
  EXPECT_TRUE(analyze->analyze);

  EXPECT_EQ(RoundTrip("CALL refresh('v', 1)"), "CALL refresh('v', 1)");
  EXPECT_EQ(RoundTrip("BEGIN"), "BEGIN");
  EXPECT_EQ(RoundTrip("BEGIN TRANSACTION"), "BEGIN");
  EXPECT_EQ(RoundTrip("START TRANSACTION"), "BEGIN");
  EXPECT_EQ(RoundTrip("COMMIT WORK"), "COMMIT");
  EXPECT_EQ(RoundTrip("END"), "COMMIT");
  EXPECT_EQ(RoundTrip("ROLLBACK"), "ROLLBACK");
  EXPECT_EQ(RoundTrip("ABORT"), "ROLLBACK");
  EXPECT_EQ(RoundTrip("PREPARE q (int, text) AS SELECT $1, $2"),
            "PREPARE q (integer, varchar) AS SELECT $1, $2");
  EXPECT_EQ(RoundTrip("EXECUTE q (1, 'a')"), "EXECUTE q (1, 'a')");
  EXPECT_EQ(RoundTrip("DEALLOCATE PREPARE q"), "DEALLOCATE q");
  EXPECT_EQ(RoundTrip("DEALLOCATE ALL"), "DEALLOCATE ALL");
}

TEST(ParserStatementTest, MultipleStatements) {
  auto statements = ParseStatements("CREATE TABLE t (a int); INSERT INTO t VALUES (1); SELECT * FROM t;");
  ASSERT_EQ(statements.size(), 3u);
  EXPECT_EQ(statements[0]->kind, StatementKind::kCreateTable);
  EXPECT_EQ(statements[1]->kind, StatementKind::kInsert);
  EXPECT_EQ(statements[2]->kind, StatementKind::kQuery);
}

}  // namespace
}  // namespace basin::ast
