// test/unit/cli/statement_scanner_test.cc
#include "cli/statement_scanner.h"

#include <gtest/gtest.h>

namespace basin::cli {
namespace {

// Where the complete statements of `sql` end (0: none yet).
size_t CompleteEnd(std::string_view sql) { return ScanStatements(sql).complete_end; }

TEST(StatementScannerTest, EndsAtSemicolon) {
  EXPECT_EQ(CompleteEnd("SELECT 1"), 0u);
  EXPECT_EQ(CompleteEnd("SELECT 1;"), 9u);
  EXPECT_EQ(CompleteEnd("SELECT 1; SELECT 2;  "), 19u);
  EXPECT_TRUE(ScanStatements("SELECT 1; SELECT").has_pending_text);
  EXPECT_FALSE(ScanStatements("SELECT 1; -- done\n").has_pending_text);
}

TEST(StatementScannerTest, IgnoresSemicolonsInStringsAndIdentifiers) {
  EXPECT_EQ(CompleteEnd("SELECT ';'"), 0u);
  EXPECT_TRUE(ScanStatements("SELECT 'it''s; open").inside_token);
  EXPECT_EQ(CompleteEnd("SELECT 'it''s;';"), 16u);
  EXPECT_EQ(CompleteEnd("SELECT \"a;\"\"b\""), 0u);
  EXPECT_EQ(CompleteEnd("SELECT \"a;\"\"b\";"), 15u);
}

TEST(StatementScannerTest, EscapeStringsTakeBackslashes) {
  EXPECT_EQ(CompleteEnd("SELECT E'\\';'"), 0u);  // \' does not close E'...'
  EXPECT_EQ(CompleteEnd("SELECT E'\\';';"), 14u);
  EXPECT_EQ(CompleteEnd("SELECT '\\';"), 11u);    // in a plain string \ is a character
  EXPECT_EQ(CompleteEnd("SELECT note'x;'"), 0u);  // not an E prefix: still a string
}

TEST(StatementScannerTest, IgnoresSemicolonsInComments) {
  EXPECT_EQ(CompleteEnd("SELECT 1 -- ;\n"), 0u);
  EXPECT_EQ(CompleteEnd("SELECT 1 /* ; */"), 0u);
  EXPECT_TRUE(ScanStatements("SELECT 1 /* /* nested */ ;").inside_token);
  EXPECT_EQ(CompleteEnd("SELECT 1 /* /* nested */ ; */;"), 30u);
}

TEST(StatementScannerTest, IgnoresSemicolonsInDollarQuotes) {
  EXPECT_TRUE(ScanStatements("SELECT $$a;").inside_token);
  EXPECT_EQ(CompleteEnd("SELECT $$a;$$;"), 14u);
  EXPECT_EQ(CompleteEnd("SELECT $fn$ $$; $fn$;"), 21u);
  EXPECT_EQ(CompleteEnd("SELECT $1;"), 10u);    // a parameter, not a quote
  EXPECT_EQ(CompleteEnd("SELECT a$b$;"), 12u);  // part of an identifier
}

TEST(StatementScannerTest, IgnoresSemicolonsInParentheses) {
  EXPECT_EQ(CompleteEnd("SELECT (1;"), 0u);
  EXPECT_EQ(CompleteEnd("SELECT (1;);"), 12u);
  EXPECT_EQ(CompleteEnd("SELECT 1);"), 10u);  // stray ')' is the parser's business
}

TEST(StatementScannerTest, BlankSqlIsWhitespaceAndComments) {
  EXPECT_TRUE(IsBlankSql(""));
  EXPECT_TRUE(IsBlankSql("  -- hello\n /* there */ \n"));
  EXPECT_FALSE(IsBlankSql("/* unterminated"));
  EXPECT_FALSE(IsBlankSql("x"));
  EXPECT_FALSE(IsBlankSql(";"));
}

TEST(StatementBufferTest, CollectsLinesUntilComplete) {
  StatementBuffer buffer;
  EXPECT_EQ(buffer.AddLine("SELECT"), "");
  EXPECT_FALSE(buffer.empty());
  EXPECT_EQ(buffer.AddLine("  1;"), "SELECT\n  1;");
  EXPECT_TRUE(buffer.empty());
}

TEST(StatementBufferTest, KeepsTextAfterTheLastSemicolon) {
  StatementBuffer buffer;
  EXPECT_EQ(buffer.AddLine("SELECT 1; SELECT 2; SELECT"), "SELECT 1; SELECT 2;");
  EXPECT_FALSE(buffer.empty());
  EXPECT_EQ(buffer.AddLine("3;"), " SELECT\n3;");
}

TEST(StatementBufferTest, DropsCommentOnlyInput) {
  StatementBuffer buffer;
  EXPECT_EQ(buffer.AddLine("-- just a comment"), "");
  EXPECT_TRUE(buffer.empty());
  EXPECT_EQ(buffer.AddLine("SELECT 1; -- trailing"), "SELECT 1;");
  EXPECT_TRUE(buffer.empty());
}

TEST(StatementBufferTest, MultiLineStringStaysOpen) {
  StatementBuffer buffer;
  EXPECT_EQ(buffer.AddLine("SELECT 'a;"), "");
  EXPECT_EQ(buffer.AddLine("b';"), "SELECT 'a;\nb';");
}

TEST(StatementBufferTest, TakePendingReturnsUnterminatedStatement) {
  StatementBuffer buffer;
  buffer.AddLine("SELECT 1");
  EXPECT_EQ(buffer.TakePending(), "SELECT 1\n");
  EXPECT_TRUE(buffer.empty());
  buffer.AddLine("/* open comment");
  EXPECT_EQ(buffer.TakePending(), "/* open comment\n");
  EXPECT_EQ(buffer.TakePending(), "");
}

}  // namespace
}  // namespace basin::cli
