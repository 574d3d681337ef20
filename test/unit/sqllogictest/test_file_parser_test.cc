// test/unit/sqllogictest/test_file_parser_test.cc
#include "../../sqllogictest/test_file_parser.h"

#include <gtest/gtest.h>

namespace basin::sqllogictest {
namespace {

TEST(TestFileParserTest, ParsesStatementsWithLineNumbers) {
  const TestFile file = ParseTestFile(
      "# name: example\n"
      "\n"
      "statement ok\n"
      "CREATE TABLE t (a integer,\n"
      "  b text);\n"
      "\n"
      "statement error\n"
      "SELECT * FROM missing\n");
  ASSERT_TRUE(file.errors.empty());
  ASSERT_EQ(file.records.size(), 2u);
  EXPECT_EQ(file.records[0].kind, RecordKind::kStatement);
  EXPECT_EQ(file.records[0].line, 3);
  EXPECT_FALSE(file.records[0].expect_error);
  EXPECT_EQ(file.records[0].sql, "CREATE TABLE t (a integer,\n  b text);");
  EXPECT_EQ(file.records[1].line, 7);
  EXPECT_TRUE(file.records[1].expect_error);
  EXPECT_FALSE(file.records[1].expected_state.has_value());
  EXPECT_EQ(file.records[1].expected_message, "");
}

TEST(TestFileParserTest, ParsesExpectedErrors) {
  const TestFile file = ParseTestFile(
      "statement error 22012\n"
      "SELECT 1 / 0\n"
      "\n"
      "statement error\n"
      "SELECT x\n"
      "----\n"
      "column \"x\" does not exist\n"
      "\n"
      "statement error 2201\n"
      "SELECT 1\n");
  ASSERT_EQ(file.records.size(), 2u);
  EXPECT_EQ(file.records[0].expected_state, "22012");
  EXPECT_EQ(file.records[1].sql, "SELECT x");
  EXPECT_EQ(file.records[1].expected_message, "column \"x\" does not exist");
  ASSERT_EQ(file.errors.size(), 1u);  // "2201" is no SQLSTATE
  EXPECT_EQ(file.errors[0].line, 9);
}

TEST(TestFileParserTest, ParsesQueriesAndSortModes) {
  const TestFile file = ParseTestFile(
      "query IT\n"
      "SELECT 1, 'a'\n"
      "----\n"
      "1\ta   \n"
      "\n"
      "query I rowsort\n"
      "SELECT 1\n"
      "----\n"
      "1\n"
      "\n"
      "query T valuesort my_label\n"
      "SELECT 'x'\n"
      "----\n"
      "x\n"
      "\n"
      "query I nosort\n"
      "SELECT 1 WHERE false\n");
  ASSERT_TRUE(file.errors.empty());
  ASSERT_EQ(file.records.size(), 4u);
  const Record& first = file.records[0];
  EXPECT_EQ(first.kind, RecordKind::kQuery);
  EXPECT_EQ(first.column_types, "IT");
  EXPECT_EQ(first.sort, SortMode::kNoSort);
  EXPECT_EQ(first.sql, "SELECT 1, 'a'");
  EXPECT_EQ(first.expected_lines, std::vector<std::string>{"1\ta"});  // trailing blanks trimmed
  EXPECT_EQ(file.records[1].sort, SortMode::kRowSort);
  EXPECT_EQ(file.records[2].sort, SortMode::kValueSort);
  EXPECT_EQ(file.records[2].label, "my_label");
  EXPECT_EQ(file.records[3].sort, SortMode::kNoSort);
  EXPECT_TRUE(file.records[3].expected_lines.empty());
}

TEST(TestFileParserTest, RecognisesHashedResults) {
  const TestFile file = ParseTestFile(
      "query III rowsort\n"
      "SELECT * FROM t\n"
      "----\n"
      "30 values hashing to 3c13dee48d9356ae19af2515e05e6b54\n");
  ASSERT_EQ(file.records.size(), 1u);
  ASSERT_TRUE(file.records[0].expected_hash.has_value());
  EXPECT_EQ(file.records[0].expected_hash->num_values, 30u);
  EXPECT_EQ(file.records[0].expected_hash->md5, "3c13dee48d9356ae19af2515e05e6b54");
}

TEST(TestFileParserTest, AttachesConditions) {
  const TestFile file = ParseTestFile(
      "skipif basin\n"
      "onlyif duckdb\n"
      "statement ok\n"
      "SELECT 1\n"
      "\n"
      "statement ok\n"
      "SELECT 2\n");
  ASSERT_EQ(file.records.size(), 2u);
  EXPECT_EQ(file.records[0].line, 3);
  EXPECT_EQ(file.records[0].skip_if, std::vector<std::string>{"basin"});
  EXPECT_EQ(file.records[0].only_if, std::vector<std::string>{"duckdb"});
  EXPECT_TRUE(file.records[1].skip_if.empty());
  EXPECT_TRUE(file.records[1].only_if.empty());
}

TEST(TestFileParserTest, ParsesControlRecords) {
  const TestFile file = ParseTestFile(
      "hash-threshold 8\n"
      "\n"
      "require parquet\n"
      "\n"
      "mode skip\n"
      "\n"
      "mode unskip\n"
      "\n"
      "mode output_result\n"
      "\n"
      "load __TEST_DIR__/x.db\n"
      "\n"
      "restart\n"
      "\n"
      "halt\n");
  ASSERT_TRUE(file.errors.empty());
  std::vector<RecordKind> kinds;
  for (const auto& record : file.records) kinds.push_back(record.kind);
  EXPECT_EQ(kinds, (std::vector<RecordKind>{RecordKind::kRequire, RecordKind::kModeSkip,
                                            RecordKind::kModeUnskip, RecordKind::kLoad,
                                            RecordKind::kRestart, RecordKind::kHalt}));
  EXPECT_EQ(file.records[0].argument, "parquet");
  EXPECT_EQ(file.records[3].argument, "__TEST_DIR__/x.db");
}

TEST(TestFileParserTest, UnrollsLoopsWithSubstitution) {
  const TestFile file = ParseTestFile(
      "loop i 0 3\n"
      "\n"
      "query I\n"
      "SELECT ${i} + 1\n"
      "----\n"
      "${i}1\n"
      "\n"
      "endloop\n"
      "\n"
      "statement ok\n"
      "SELECT 'after'\n");
  ASSERT_TRUE(file.errors.empty());
  ASSERT_EQ(file.records.size(), 4u);
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(file.records[i].sql, "SELECT " + std::to_string(i) + " + 1");
    EXPECT_EQ(file.records[i].expected_lines[0], std::to_string(i) + "1");
    EXPECT_EQ(file.records[i].line, 3);
  }
  EXPECT_EQ(file.records[3].line, 10);
}

TEST(TestFileParserTest, UnrollsNestedLoopsAndForeach) {
  const TestFile file = ParseTestFile(
      "foreach type integer bigint\n"
      "loop i 1 3\n"
      "statement ok\n"
      "SELECT ${i}::${type}\n"
      "\n"
      "endloop\n"
      "endloop\n");
  ASSERT_TRUE(file.errors.empty());
  std::vector<std::string> sql;
  for (const auto& record : file.records) sql.push_back(record.sql);
  EXPECT_EQ(sql, (std::vector<std::string>{"SELECT 1::integer", "SELECT 2::integer",
                                           "SELECT 1::bigint", "SELECT 2::bigint"}));
}

TEST(TestFileParserTest, ReportsMalformedRecords) {
  const TestFile file = ParseTestFile(
      "statement maybe\n"
      "SELECT 1\n"
      "\n"
      "frobnicate\n"
      "\n"
      "loop i 0\n"
      "\n"
      "endloop\n"
      "\n"
      "loop j 0 2\n"
      "statement ok\n"
      "SELECT ${j}\n");
  std::vector<int> lines;
  for (const auto& error : file.errors) lines.push_back(error.line);
  EXPECT_EQ(lines, (std::vector<int>{1, 4, 6, 8, 10}));
  EXPECT_EQ(file.records.size(), 2u);  // the unterminated loop still runs its body
}

TEST(TestFileParserTest, ReplaceAllReplacesEveryOccurrence) {
  EXPECT_EQ(ReplaceAll("a${i}b${i}", "${i}", "${i}${i}"), "a${i}${i}b${i}${i}");
  EXPECT_EQ(ReplaceAll("abc", "", "x"), "abc");
}

}  // namespace
}  // namespace basin::sqllogictest
