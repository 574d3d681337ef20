// test/unit/sql/parser_expression_test.cc
#include <gtest/gtest.h>

#include "parser_test_util.h"

namespace basin::ast {
namespace {

using testing::ExprRoundTrip;

TEST(ParserExpressionTest, ArithmeticPrecedence) {
  EXPECT_EQ(ExprRoundTrip("1 + 2 * 3"), "(1 + (2 * 3))");
  EXPECT_EQ(ExprRoundTrip("(1 + 2) * 3"), "((1 + 2) * 3)");
  EXPECT_EQ(ExprRoundTrip("1 - 2 - 3"), "((1 - 2) - 3)");
  EXPECT_EQ(ExprRoundTrip("2 ^ 3 ^ 2"), "((2 ^ 3) ^ 2)");
  EXPECT_EQ(ExprRoundTrip("a * b % c / d"), "(((a * b) % c) / d)");
  EXPECT_EQ(ExprRoundTrip("a + b * c ^ d"), "(a + (b * (c ^ d)))");
}

TEST(ParserExpressionTest, UnaryMinusBindsTighterThanExponent) {
  // As in PostgreSQL: -2 ^ 2 is (-2) ^ 2 = 4.
  EXPECT_EQ(ExprRoundTrip("-2 ^ 2"), "((-2) ^ 2)");
  EXPECT_EQ(ExprRoundTrip("-x ^ 2"), "((- x) ^ 2)");
  EXPECT_EQ(ExprRoundTrip("- x::int"), "(- CAST(x AS integer))");
}

TEST(ParserExpressionTest, NegativeLiteralsFold) {
  auto expr = ParseExpression("-2147483648");
  ASSERT_TRUE(expr->Is<Constant>());
  EXPECT_EQ(expr->As<Constant>().value, "-2147483648");
  EXPECT_EQ(expr->As<Constant>().constant_kind, ConstantKind::kInteger);
  EXPECT_EQ(expr->span.offset, 0u);
  EXPECT_EQ(expr->span.length, 11u);
  EXPECT_EQ(ExprRoundTrip("-1.5"), "(-1.5)");
  EXPECT_EQ(ExprRoundTrip("- - 1"), "(- (-1))");
  EXPECT_EQ(ExprRoundTrip("+1"), "1");
  EXPECT_EQ(ExprRoundTrip("a - -1"), "(a - (-1))");
  EXPECT_EQ(ExprRoundTrip("a=-1"), "(a = (-1))");
}

TEST(ParserExpressionTest, CastsBindTightest) {
  EXPECT_EQ(ExprRoundTrip("x::int + 1"), "(CAST(x AS integer) + 1)");
  EXPECT_EQ(ExprRoundTrip("x::int::text"), "CAST(CAST(x AS integer) AS varchar)");
  EXPECT_EQ(ExprRoundTrip("a.b::bigint"), "CAST(a.b AS bigint)");
}

TEST(ParserExpressionTest, BooleanPrecedence) {
  EXPECT_EQ(ExprRoundTrip("NOT a = b"), "(NOT (a = b))");
  EXPECT_EQ(ExprRoundTrip("a OR b AND c"), "(a OR (b AND c))");
  EXPECT_EQ(ExprRoundTrip("(a OR b) AND c"), "((a OR b) AND c)");
  EXPECT_EQ(ExprRoundTrip("NOT a AND b"), "((NOT a) AND b)");
  EXPECT_EQ(ExprRoundTrip("a AND b AND c OR d"), "((a AND b AND c) OR d)");
  EXPECT_EQ(ExprRoundTrip("a = b IS NULL"), "((a = b) IS NULL)");
  EXPECT_EQ(ExprRoundTrip("NOT NOT a"), "(NOT (NOT a))");
}

TEST(ParserExpressionTest, AndChainsAreFlat) {
  auto expr = ParseExpression("a AND b AND c AND d");
  ASSERT_TRUE(expr->Is<BoolExpr>());
  EXPECT_EQ(expr->As<BoolExpr>().op, BoolOp::kAnd);
  EXPECT_EQ(expr->As<BoolExpr>().args.size(), 4u);
}

TEST(ParserExpressionTest, Between) {
  EXPECT_EQ(ExprRoundTrip("a BETWEEN 1 AND 2 AND b"), "((a BETWEEN 1 AND 2) AND b)");
  EXPECT_EQ(ExprRoundTrip("a NOT BETWEEN SYMMETRIC 1 + 1 AND 2 * 3"),
            "(a NOT BETWEEN SYMMETRIC (1 + 1) AND (2 * 3))");
  EXPECT_EQ(ExprRoundTrip("a BETWEEN ASYMMETRIC b AND c"), "(a BETWEEN b AND c)");
  auto expr = ParseExpression("x BETWEEN 1 AND 2");
  ASSERT_TRUE(expr->Is<BetweenExpr>());
  EXPECT_FALSE(expr->As<BetweenExpr>().negated);
}

TEST(ParserExpressionTest, InLists) {
  EXPECT_EQ(ExprRoundTrip("a IN (1, 2, 3)"), "(a IN (1, 2, 3))");
  EXPECT_EQ(ExprRoundTrip("a NOT IN ('x')"), "(a NOT IN ('x'))");
  EXPECT_EQ(ExprRoundTrip("a IN ((SELECT 1), 2)"), "(a IN ((SELECT 1), 2))");
  EXPECT_EQ(ExprRoundTrip("a + 1 IN (1) = true"), "(((a + 1) IN (1)) = TRUE)");
  auto expr = ParseExpression("a IN (SELECT b FROM t)");
  ASSERT_TRUE(expr->Is<SubqueryExpr>());
  EXPECT_EQ(expr->As<SubqueryExpr>().subquery_kind, SubqueryKind::kIn);
  auto nested = ParseExpression("a IN ((SELECT b FROM t))");
  EXPECT_TRUE(nested->Is<SubqueryExpr>());
}

TEST(ParserExpressionTest, LikeFamily) {
  EXPECT_EQ(ExprRoundTrip("a LIKE 'x%'"), "(a LIKE 'x%')");
  EXPECT_EQ(ExprRoundTrip("a NOT LIKE 'x' ESCAPE '!'"), "(a NOT LIKE 'x' ESCAPE '!')");
  EXPECT_EQ(ExprRoundTrip("a ILIKE b || '%'"), "(a ILIKE (b || '%'))");
  EXPECT_EQ(ExprRoundTrip("a NOT SIMILAR TO 'x'"), "(a NOT SIMILAR TO 'x')");
  auto expr = ParseExpression("a NOT ILIKE 'x'");
  ASSERT_TRUE(expr->Is<LikeExpr>());
  EXPECT_EQ(expr->As<LikeExpr>().like_kind, LikeKind::kILike);
  EXPECT_TRUE(expr->As<LikeExpr>().negated);
}

TEST(ParserExpressionTest, IsPredicates) {
  EXPECT_EQ(ExprRoundTrip("a IS NULL"), "(a IS NULL)");
  EXPECT_EQ(ExprRoundTrip("a IS NOT TRUE"), "(a IS NOT TRUE)");
  EXPECT_EQ(ExprRoundTrip("a IS FALSE"), "(a IS FALSE)");
  EXPECT_EQ(ExprRoundTrip("a IS UNKNOWN"), "(a IS UNKNOWN)");
  EXPECT_EQ(ExprRoundTrip("a IS NOT DISTINCT FROM b + 1"), "(a IS NOT DISTINCT FROM (b + 1))");
  EXPECT_EQ(ExprRoundTrip("a ISNULL"), "(a IS NULL)");
  EXPECT_EQ(ExprRoundTrip("a NOTNULL"), "(a IS NOT NULL)");
}

TEST(ParserExpressionTest, OtherOperators) {
  EXPECT_EQ(ExprRoundTrip("'a' || 'b' || 'c'"), "(('a' || 'b') || 'c')");
  EXPECT_EQ(ExprRoundTrip("a || b = c"), "((a || b) = c)");
  EXPECT_EQ(ExprRoundTrip("a + b || c"), "((a + b) || c)");
  EXPECT_EQ(ExprRoundTrip("a ~ 'x' AND b !~* 'y'"), "((a ~ 'x') AND (b !~* 'y'))");
  EXPECT_EQ(ExprRoundTrip("a & b | c # d"), "(((a & b) | c) # d)");
  EXPECT_EQ(ExprRoundTrip("a << 2"), "(a << 2)");
  EXPECT_EQ(ExprRoundTrip("j -> 'k' ->> 'l'"), "((j -> 'k') ->> 'l')");
  EXPECT_EQ(ExprRoundTrip("a != b"), "(a <> b)");
  EXPECT_EQ(ExprRoundTrip("v <-> w"), "(v <-> w)");
  EXPECT_EQ(ExprRoundTrip("~ a"), "(~ a)");
  EXPECT_EQ(ExprRoundTrip("@ -1"), "(@ (-1))");
}

TEST(ParserExpressionTest, ComparisonIsNonAssociative) {
  EXPECT_THROW(ParseExpression("a = b = c"), Error);
  EXPECT_THROW(ParseExpression("a < b < c"), Error);
  EXPECT_THROW(ParseExpression("a LIKE b LIKE c"), Error);
}

TEST(ParserExpressionTest, Literals) {
  EXPECT_EQ(ExprRoundTrip("'it''s'"), "'it''s'");
  EXPECT_EQ(ExprRoundTrip("E'a\\tb'"), "'a\tb'");
  EXPECT_EQ(ExprRoundTrip("$$x$$"), "'x'");
  EXPECT_EQ(ExprRoundTrip("TRUE"), "TRUE");
  EXPECT_EQ(ExprRoundTrip("null"), "NULL");
  EXPECT_EQ(ExprRoundTrip("1_000_000"), "1000000");
  EXPECT_EQ(ExprRoundTrip("1.50"), "1.50");
  EXPECT_EQ(ExprRoundTrip("1e-3"), "1e-3");
  auto numeric = ParseExpression("1.5");
  EXPECT_EQ(numeric->As<Constant>().constant_kind, ConstantKind::kNumeric);
  auto big = ParseExpression("99999999999999999999");
  EXPECT_EQ(big->As<Constant>().constant_kind, ConstantKind::kInteger);
  EXPECT_EQ(big->As<Constant>().value, "99999999999999999999");
}

TEST(ParserExpressionTest, TypedLiterals) {
  EXPECT_EQ(ExprRoundTrip("DATE '2024-01-01'"), "CAST('2024-01-01' AS date)");
  EXPECT_EQ(ExprRoundTrip("TIMESTAMP '2024-01-01 10:00'"), "CAST('2024-01-01 10:00' AS timestamp)");
  EXPECT_EQ(ExprRoundTrip("TIMESTAMP WITH TIME ZONE 'x'"), "CAST('x' AS timestamp with time zone)");
  EXPECT_EQ(ExprRoundTrip("TIMESTAMPTZ 'x'"), "CAST('x' AS timestamp with time zone)");
  EXPECT_EQ(ExprRoundTrip("INTERVAL '1 day'"), "CAST('1 day' AS interval)");
  EXPECT_EQ(ExprRoundTrip("INTERVAL '3' MONTH"), "CAST('3' AS interval month)");
  EXPECT_EQ(ExprRoundTrip("INTERVAL '1-2' YEAR TO MONTH"), "CAST('1-2' AS interval year to month)");
  EXPECT_EQ(ExprRoundTrip("INTERVAL '1' DAY TO SECOND(3)"),
            "CAST('1' AS interval day to second(3))");
  EXPECT_EQ(ExprRoundTrip("DOUBLE PRECISION '1.5'"), "CAST('1.5' AS double precision)");
  EXPECT_EQ(ExprRoundTrip("uuid 'abc'"), "CAST('abc' AS uuid)");
  EXPECT_EQ(ExprRoundTrip("numeric(10, 2) '1.5'"), "CAST('1.5' AS numeric(10, 2))");
  auto interval = ParseExpression("INTERVAL '1-2' YEAR TO MONTH");
  ASSERT_TRUE(interval->Is<Cast>());
  EXPECT_EQ(interval->As<Cast>().type.name, "interval");
  EXPECT_EQ(interval->As<Cast>().type.interval_fields, "year to month");
}

TEST(ParserExpressionTest, ColumnRefsAndKeywordsAsNames) {
  EXPECT_EQ(ExprRoundTrip("a"), "a");
  EXPECT_EQ(ExprRoundTrip("t.a"), "t.a");
  EXPECT_EQ(ExprRoundTrip("s.t.a"), "s.t.a");
  EXPECT_EQ(ExprRoundTrip("\"MixedCase\""), "\"MixedCase\"");
  EXPECT_EQ(ExprRoundTrip("date + year + value + key"), "(((date + year) + value) + key)");
  EXPECT_EQ(ExprRoundTrip("timestamp"), "\"timestamp\"");
  EXPECT_EQ(ExprRoundTrip("t.from"), "t.\"from\"");
  auto ref = ParseExpression("S.\"T\".a");
  ASSERT_TRUE(ref->Is<ColumnRef>());
  EXPECT_EQ(ref->As<ColumnRef>().parts, (std::vector<std::string>{"s", "T", "a"}));
}

TEST(ParserExpressionTest, Parameters) {
  auto expr = ParseExpression("$2");
  ASSERT_TRUE(expr->Is<Parameter>());
  EXPECT_EQ(expr->As<Parameter>().index, 2);
  EXPECT_EQ(ExprRoundTrip("$1 + $2"), "($1 + $2)");
}

TEST(ParserExpressionTest, FunctionCalls) {
  EXPECT_EQ(ExprRoundTrip("count(*)"), "count(*)");
  EXPECT_EQ(ExprRoundTrip("COUNT(DISTINCT x)"), "count(DISTINCT x)");
  EXPECT_EQ(ExprRoundTrip("sum(ALL x)"), "sum(x)");
  EXPECT_EQ(ExprRoundTrip("string_agg(x, ',' ORDER BY y DESC)"),
            "string_agg(x, ',' ORDER BY y DESC)");
  EXPECT_EQ(ExprRoundTrip("percentile_cont(0.5) WITHIN GROUP (ORDER BY x)"),
            "percentile_cont(0.5) WITHIN GROUP (ORDER BY x)");
  EXPECT_EQ(ExprRoundTrip("count(*) FILTER (WHERE x > 1)"), "count(*) FILTER (WHERE (x > 1))");
  EXPECT_EQ(ExprRoundTrip("pg_catalog.lower(x)"), "pg_catalog.lower(x)");
  EXPECT_EQ(ExprRoundTrip("f(a => 1, b := 2)"), "f(a => 1, b => 2)");
  EXPECT_EQ(ExprRoundTrip("left(s, 2) || right(s, 1)"), "(left(s, 2) || right(s, 1))");
  EXPECT_EQ(ExprRoundTrip("now()"), "now()");
  EXPECT_EQ(ExprRoundTrip("coalesce(a, b, c)"), "coalesce(a, b, c)");
  EXPECT_EQ(ExprRoundTrip("NULLIF(a, b)"), "nullif(a, b)");
  EXPECT_EQ(ExprRoundTrip("GREATEST(a, b) + LEAST(a, b)"), "(greatest(a, b) + least(a, b))");
  EXPECT_EQ(ExprRoundTrip("grouping(a, b)"), "grouping(a, b)");
  EXPECT_EQ(ExprRoundTrip("\"try_cast\"(x)"), "\"try_cast\"(x)");
  auto call = ParseExpression("f(DISTINCT a, b ORDER BY c)");
  ASSERT_TRUE(call->Is<FunctionCall>());
  const auto& function = call->As<FunctionCall>();
  EXPECT_TRUE(function.distinct);
  EXPECT_EQ(function.args.size(), 2u);
  EXPECT_EQ(function.arg_names.size(), 2u);
  EXPECT_EQ(function.order_by.size(), 1u);
}

TEST(ParserExpressionTest, WindowFunctions) {
  EXPECT_EQ(ExprRoundTrip("row_number() OVER ()"), "row_number() OVER ()");
  EXPECT_EQ(ExprRoundTrip("sum(x) OVER w"), "sum(x) OVER w");
  EXPECT_EQ(ExprRoundTrip("sum(x) OVER (w ORDER BY y)"), "sum(x) OVER (w ORDER BY y)");
  EXPECT_EQ(ExprRoundTrip("rank() OVER (PARTITION BY a, b ORDER BY c NULLS FIRST)"),
            "rank() OVER (PARTITION BY a, b ORDER BY c NULLS FIRST)");
  EXPECT_EQ(ExprRoundTrip("sum(x) OVER (ORDER BY y ROWS 2 PRECEDING)"),
            "sum(x) OVER (ORDER BY y ROWS BETWEEN 2 PRECEDING AND CURRENT ROW)");
  EXPECT_EQ(ExprRoundTrip("sum(x) OVER (ORDER BY y RANGE BETWEEN UNBOUNDED PRECEDING AND "
                          "UNBOUNDED FOLLOWING EXCLUDE CURRENT ROW)"),
            "sum(x) OVER (ORDER BY y RANGE BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING "
            "EXCLUDE CURRENT ROW)");
  EXPECT_EQ(ExprRoundTrip("sum(x) OVER (GROUPS BETWEEN 1 FOLLOWING AND 3 FOLLOWING EXCLUDE GROUP)"),
            "sum(x) OVER (GROUPS BETWEEN 1 FOLLOWING AND 3 FOLLOWING EXCLUDE GROUP)");
  EXPECT_EQ(ExprRoundTrip("sum(x) OVER (ROWS CURRENT ROW EXCLUDE NO OTHERS)"),
            "sum(x) OVER (ROWS BETWEEN CURRENT ROW AND CURRENT ROW)");
  EXPECT_EQ(ExprRoundTrip("count(*) FILTER (WHERE a) OVER (ORDER BY b)"),
            "count(*) FILTER (WHERE a) OVER (ORDER BY b)");
  auto expr = ParseExpression("sum(x) OVER (ORDER BY y ROWS BETWEEN 1 PRECEDING AND 2 FOLLOWING)");
  const WindowSpec& spec = *expr->As<FunctionCall>().over;
  EXPECT_EQ(spec.frame.mode, FrameMode::kRows);
  EXPECT_EQ(spec.frame.start.kind, FrameBoundKind::kPreceding);
  EXPECT_EQ(spec.frame.end.kind, FrameBoundKind::kFollowing);
  ASSERT_NE(spec.frame.end.offset, nullptr);
}

TEST(ParserExpressionTest, SpecialFunctionForms) {
  EXPECT_EQ(ExprRoundTrip("EXTRACT(YEAR FROM d)"), "date_part('year', d)");
  EXPECT_EQ(ExprRoundTrip("extract('epoch' FROM d)"), "date_part('epoch', d)");
  EXPECT_EQ(ExprRoundTrip("POSITION('b' IN s)"), "strpos(s, 'b')");
  EXPECT_EQ(ExprRoundTrip("SUBSTRING(s FROM 2 FOR 3)"), "substring(s, 2, 3)");
  EXPECT_EQ(ExprRoundTrip("SUBSTRING(s FROM 2)"), "substring(s, 2)");
  EXPECT_EQ(ExprRoundTrip("SUBSTRING(s FOR 2)"), "substring(s, 1, 2)");
  EXPECT_EQ(ExprRoundTrip("substring(s, 1, 2)"), "substring(s, 1, 2)");
  EXPECT_EQ(ExprRoundTrip("TRIM(s)"), "btrim(s)");
  EXPECT_EQ(ExprRoundTrip("TRIM(BOTH 'x' FROM s)"), "btrim(s, 'x')");
  EXPECT_EQ(ExprRoundTrip("TRIM(LEADING FROM s)"), "ltrim(s)");
  EXPECT_EQ(ExprRoundTrip("TRIM(TRAILING 'x' FROM s)"), "rtrim(s, 'x')");
  EXPECT_EQ(ExprRoundTrip("TRIM('x' FROM s)"), "btrim(s, 'x')");
  EXPECT_EQ(ExprRoundTrip("OVERLAY(s PLACING 'x' FROM 2 FOR 3)"), "overlay(s, 'x', 2, 3)");
  EXPECT_EQ(ExprRoundTrip("a AT TIME ZONE 'UTC'"), "timezone('UTC', a)");
  EXPECT_EQ(ExprRoundTrip("CURRENT_DATE"), "current_date");
  EXPECT_EQ(ExprRoundTrip("CURRENT_TIMESTAMP(3)"), "current_timestamp(3)");
  EXPECT_EQ(ExprRoundTrip("LOCALTIMESTAMP + CURRENT_TIME"), "(localtimestamp + current_time)");
  EXPECT_EQ(ExprRoundTrip("current_user"), "current_user");
  EXPECT_EQ(ExprRoundTrip("current_schema()"), "current_schema()");
  auto date = ParseExpression("current_date");
  ASSERT_TRUE(date->Is<FunctionCall>());
  EXPECT_TRUE(date->As<FunctionCall>().keyword_form);
}

TEST(ParserExpressionTest, Casts) {
  EXPECT_EQ(ExprRoundTrip("CAST(x AS INT)"), "CAST(x AS integer)");
  EXPECT_EQ(ExprRoundTrip("TRY_CAST(x AS BIGINT)"), "TRY_CAST(x AS bigint)");
  auto cast = ParseExpression("TRY_CAST(x AS date)");
  ASSERT_TRUE(cast->Is<Cast>());
  EXPECT_TRUE(cast->As<Cast>().try_cast);
}

TEST(ParserExpressionTest, Case) {
  EXPECT_EQ(ExprRoundTrip("CASE WHEN a > 1 THEN 'x' WHEN b THEN 'y' ELSE 'z' END"),
            "CASE WHEN (a > 1) THEN 'x' WHEN b THEN 'y' ELSE 'z' END");
  EXPECT_EQ(ExprRoundTrip("CASE x WHEN 1 THEN 2 END"), "CASE x WHEN 1 THEN 2 END");
  auto expr = ParseExpression("CASE x WHEN 1 THEN 2 WHEN 3 THEN 4 END");
  ASSERT_TRUE(expr->Is<CaseExpr>());
  EXPECT_NE(expr->As<CaseExpr>().operand, nullptr);
  EXPECT_EQ(expr->As<CaseExpr>().whens.size(), 2u);
  EXPECT_EQ(expr->As<CaseExpr>().else_result, nullptr);
}

TEST(ParserExpressionTest, Subqueries) {
  EXPECT_EQ(ExprRoundTrip("(SELECT 1)"), "(SELECT 1)");
  EXPECT_EQ(ExprRoundTrip("((SELECT 1))"), "(SELECT 1)");
  EXPECT_EQ(ExprRoundTrip("((SELECT 1) + 1)"), "((SELECT 1) + 1)");
  EXPECT_EQ(ExprRoundTrip("((SELECT 1) UNION SELECT 2)"), "(SELECT 1 UNION SELECT 2)");
  EXPECT_EQ(ExprRoundTrip("EXISTS (SELECT 1)"), "EXISTS (SELECT 1)");
  EXPECT_EQ(ExprRoundTrip("NOT EXISTS (SELECT 1)"), "(NOT EXISTS (SELECT 1))");
  EXPECT_EQ(ExprRoundTrip("x = ANY (SELECT y FROM t)"), "(x = ANY (SELECT y FROM t))");
  EXPECT_EQ(ExprRoundTrip("x > SOME (SELECT y FROM t)"), "(x > ANY (SELECT y FROM t))");
  EXPECT_EQ(ExprRoundTrip("x <> ALL (SELECT y FROM t)"), "(x <> ALL (SELECT y FROM t))");
  EXPECT_EQ(ExprRoundTrip("x = ANY (ARRAY[1, 2])"), "(x = ANY (ARRAY[1, 2]))");
  EXPECT_EQ(ExprRoundTrip("x = ALL (arr)"), "(x = ALL (arr))");
  EXPECT_EQ(ExprRoundTrip("ARRAY(SELECT 1)"), "ARRAY(SELECT 1)");
  auto any = ParseExpression("x = ANY (arr)");
  ASSERT_TRUE(any->Is<AnyAllExpr>());
  EXPECT_FALSE(any->As<AnyAllExpr>().all);
  auto all = ParseExpression("x < ALL (SELECT 1)");
  ASSERT_TRUE(all->Is<SubqueryExpr>());
  EXPECT_EQ(all->As<SubqueryExpr>().subquery_kind, SubqueryKind::kAll);
  EXPECT_EQ(all->As<SubqueryExpr>().op, "<");
}

TEST(ParserExpressionTest, ArraysRowsSubscriptsFields) {
  EXPECT_EQ(ExprRoundTrip("ARRAY[1, 2]"), "ARRAY[1, 2]");
  EXPECT_EQ(ExprRoundTrip("ARRAY[]"), "ARRAY[]");
  EXPECT_EQ(ExprRoundTrip("ARRAY[[1, 2], [3, 4]]"), "ARRAY[ARRAY[1, 2], ARRAY[3, 4]]");
  EXPECT_EQ(ExprRoundTrip("a[1]"), "a[1]");
  EXPECT_EQ(ExprRoundTrip("a[1][2]"), "a[1][2]");
  EXPECT_EQ(ExprRoundTrip("a[1:2]"), "a[1:2]");
  EXPECT_EQ(ExprRoundTrip("a[:2]"), "a[:2]");
  EXPECT_EQ(ExprRoundTrip("a[2:]"), "a[2:]");
  EXPECT_EQ(ExprRoundTrip("(f(x))[1]"), "f(x)[1]");
  EXPECT_EQ(ExprRoundTrip("(a || b)[1]"), "((a || b))[1]");
  EXPECT_EQ(ExprRoundTrip("(x).f"), "(x).f");
  EXPECT_EQ(ExprRoundTrip("(x).f.g"), "((x).f).g");
  EXPECT_EQ(ExprRoundTrip("ROW(1, 'a')"), "ROW(1, 'a')");
  EXPECT_EQ(ExprRoundTrip("ROW()"), "ROW()");
  EXPECT_EQ(ExprRoundTrip("(1, 2)"), "(1, 2)");
  EXPECT_EQ(ExprRoundTrip("(a, b) = (1, 2)"), "((a, b) = (1, 2))");
  EXPECT_EQ(ExprRoundTrip("a COLLATE \"C\""), "(a COLLATE \"C\")");
  auto slice = ParseExpression("a[1:2]");
  ASSERT_TRUE(slice->Is<SubscriptExpr>());
  EXPECT_TRUE(slice->As<SubscriptExpr>().slice);
}

TEST(ParserExpressionTest, TypeNames) {
  auto type = [](const std::string& sql) { return ToSql(ParseTypeName(sql)); };
  EXPECT_EQ(type("BOOL"), "boolean");
  EXPECT_EQ(type("int2"), "smallint");
  EXPECT_EQ(type("INT4"), "integer");
  EXPECT_EQ(type("int8"), "bigint");
  EXPECT_EQ(type("FLOAT4"), "real");
  EXPECT_EQ(type("float"), "double precision");
  EXPECT_EQ(type("float(24)"), "real");
  EXPECT_EQ(type("float(25)"), "double precision");
  EXPECT_EQ(type("float8"), "double precision");
  EXPECT_EQ(type("DECIMAL(10,2)"), "numeric(10, 2)");
  EXPECT_EQ(type("NUMERIC"), "numeric");
  EXPECT_EQ(type("character varying(5)"), "varchar(5)");
  EXPECT_EQ(type("TEXT"), "varchar");
  EXPECT_EQ(type("STRING"), "varchar");
  EXPECT_EQ(type("char(3)"), "char(3)");
  EXPECT_EQ(type("time without time zone"), "time");
  EXPECT_EQ(type("time with time zone"), "time with time zone");
  EXPECT_EQ(type("timestamp(6) with time zone"), "timestamp(6) with time zone");
  EXPECT_EQ(type("timestamptz"), "timestamp with time zone");
  EXPECT_EQ(type("interval day to second"), "interval day to second");
  EXPECT_EQ(type("blob"), "bytea");
  EXPECT_EQ(type("int[]"), "integer[]");
  EXPECT_EQ(type("int[][]"), "integer[][]");
  EXPECT_EQ(type("integer ARRAY"), "integer[]");
  EXPECT_EQ(type("list(int)"), "list(integer)");
  EXPECT_EQ(type("STRUCT(a INT, \"B\" VARCHAR)"), "struct(a integer, \"B\" varchar)");
  EXPECT_EQ(type("MAP(VARCHAR, INT)"), "map(varchar, integer)");
  EXPECT_EQ(type("vector(3)"), "vector(3)");
  EXPECT_EQ(type("pg_catalog.int4"), "integer");
  EXPECT_EQ(type("mytype"), "\"mytype\"");
  EXPECT_EQ(type("pg_catalog.\"int4\""), "\"int4\"");
  EXPECT_EQ(type("\"S\".x(3)"), "\"S\".\"x\"(3)");
  TypeName numeric = ParseTypeName("numeric(12, 2)[]");
  EXPECT_EQ(numeric.name, "numeric");
  EXPECT_EQ(numeric.modifiers, (std::vector<int64_t>{12, 2}));
  EXPECT_EQ(numeric.array_dims, 1);
  TypeName record = ParseTypeName("struct(a int, b list(text))");
  ASSERT_EQ(record.children.size(), 2u);
  EXPECT_EQ(record.field_names[1], "b");
  EXPECT_EQ(record.children[1].children[0].name, "varchar");
}

TEST(ParserExpressionTest, SpansPointAtTheSource) {
  const std::string sql = "a + foo(b, 'x')";
  auto expr = ParseExpression(sql);
  EXPECT_EQ(expr->span.offset, 0u);
  EXPECT_EQ(expr->span.length, sql.size());
  const auto& call = *expr->As<BinaryExpr>().right;
  EXPECT_EQ(sql.substr(call.span.offset, call.span.length), "foo(b, 'x')");
  const auto& arg = *call.As<FunctionCall>().args[1];
  EXPECT_EQ(sql.substr(arg.span.offset, arg.span.length), "'x'");
}

}  // namespace
}  // namespace basin::ast
