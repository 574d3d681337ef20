// test/unit/sql/parser_error_test.cc
#include <gtest/gtest.h>

#include "parser_test_util.h"

namespace basin::ast {
namespace {

using testing::ParseError;

struct ErrorCase {
  std::string sql;
  std::string message;
  uint32_t offset;
};

TEST(ParserErrorTest, MessagesAndPositionsFollowPostgres) {
  const ErrorCase cases[] = {
      {"SELECT * FORM t", "syntax error at or near \"FORM\"", 9},
      {"SELECT 1 +", "syntax error at end of input", 10},
      {"SELECT (1", "syntax error at end of input", 9},
      {"SELECT * FROM t WHERE", "syntax error at end of input", 21},
      {"SELECT a, FROM t", "syntax error at or near \"FROM\"", 10},
      {"SELEC 1", "syntax error at or near \"SELEC\"", 0},
      {"SELECT 1 2", "syntax error at or near \"2\"", 9},
      {"SELECT a = b = c", "syntax error at or near \"=\"", 13},
      {"SELECT * FROM t JOIN u", "syntax error at end of input", 22},
      {"SELECT * FROM t JOIN u WHERE x", "syntax error at or near \"WHERE\"", 23},
      {"SELECT CASE END", "syntax error at or near \"END\"", 12},
      {"SELECT 'abc", "unterminated quoted string at or near \"'abc\"", 7},
      {"SELECT 1 /* x", "unterminated /* comment at or near \"/* x\"", 9},
      {"CREATE TABLE t (a)", "syntax error at or near \")\"", 17},
      {"INSERT t VALUES (1)", "syntax error at or near \"t\"", 7},
      {"SELECT 1; SELECT )", "syntax error at or near \")\"", 17},
      // SELECT is a bare column label, as in PostgreSQL; the error is at "2".
      {"SELECT 1 SELECT 2", "syntax error at or near \"2\"", 16},
      {"SELECT EXISTS 1", "syntax error at or near \"1\"", 14},
      {"SELECT * FROM t ORDER BY a ORDER BY b", "syntax error at or near \"ORDER\"", 27},
      {"(SELECT 1 LIMIT 1) LIMIT 2", "multiple LIMIT clauses not allowed at or near \"LIMIT\"", 19},
      {"SELECT $99999999999", "parameter number too large at or near \"$99999999999\"", 7},
      {"SELECT CAST(1 AS float(60))",
       "precision for type float must be between 1 and 53 bits at or near \"60\"", 23},
  };
  for (const ErrorCase& test : cases) {
    const Error error = ParseError(test.sql);
    EXPECT_EQ(error.state(), sqlstate::kSyntaxError) << test.sql;
    EXPECT_EQ(error.message(), test.message) << test.sql;
    ASSERT_TRUE(error.where().has_value()) << test.sql;
    EXPECT_EQ(error.where()->offset, test.offset) << test.sql;
  }
}

TEST(ParserErrorTest, ErrorSpanCoversTheToken) {
  const Error error = ParseError("SELECT * FROM t WHERE x = = 1");
  ASSERT_TRUE(error.where().has_value());
  EXPECT_EQ(error.where()->offset, 26u);
  EXPECT_EQ(error.where()->length, 1u);
  EXPECT_EQ(FormatErrorWithContext(error, "SELECT * FROM t WHERE x = = 1"),
            "ERROR:  syntax error at or near \"=\"\n"
            "LINE 1: SELECT * FROM t WHERE x = = 1\n"
            "                                  ^");
}

TEST(ParserErrorTest, ReservedWordsNeedQuotes) {
  EXPECT_THROW(ParseStatements("SELECT from FROM t"), Error);
  EXPECT_THROW(ParseStatements("SELECT * FROM select"), Error);
  EXPECT_THROW(ParseStatements("CREATE TABLE t (order int)"), Error);
  EXPECT_NO_THROW(ParseStatements("CREATE TABLE t (\"order\" int, date date, name text)"));
  EXPECT_THROW(ParseStatements("SELECT left FROM t"), Error);
  EXPECT_NO_THROW(ParseStatements("SELECT left('a', 1)"));
}

TEST(ParserErrorTest, DeepNestingIsAnErrorNotACrash) {
  const std::string deep = "SELECT " + std::string(5000, '(') + "1" + std::string(5000, ')');
  const Error error = ParseError(deep);
  EXPECT_EQ(error.state().ToString(), "54001");
  std::string chain = "SELECT 1";
  for (int i = 0; i < 5000; ++i) chain += " + 1";
  EXPECT_EQ(ParseError(chain).state().ToString(), "54001");
  std::string casts = "SELECT 1";
  for (int i = 0; i < 5000; ++i) casts += "::int";
  EXPECT_EQ(ParseError(casts).state().ToString(), "54001");
  std::string unions = "SELECT 1";
  for (int i = 0; i < 5000; ++i) unions += " UNION SELECT 1";
  EXPECT_EQ(ParseError(unions).state().ToString(), "54001");
  std::string joins = "SELECT * FROM t";
  for (int i = 0; i < 5000; ++i) joins += " CROSS JOIN t";
  EXPECT_EQ(ParseError(joins).state().ToString(), "54001");
  std::string minus = "SELECT ";
  for (int i = 0; i < 5000; ++i) minus += "- ";  // "--" would start a comment
  minus += "1";
  EXPECT_EQ(ParseError(minus).state().ToString(), "54001");
  // Long flat lists are fine: AND chains are flattened, IN lists are vectors.
  std::string conjunction = "SELECT 1 WHERE a";
  for (int i = 0; i < 5000; ++i) conjunction += " AND a";
  EXPECT_NO_THROW(ParseStatements(conjunction));
  std::string moderate = "SELECT " + std::string(200, '(') + "1" + std::string(200, ')');
  EXPECT_NO_THROW(ParseStatements(moderate));
}

}  // namespace
}  // namespace basin::ast
