// test/unit/sqllogictest/result_comparison_test.cc
#include "../../sqllogictest/result_comparison.h"

#include <gtest/gtest.h>

#include "../../sqllogictest/md5.h"

namespace basin::sqllogictest {
namespace {

Record QueryRecord(SortMode sort, std::vector<std::string> expected) {
  Record record;
  record.kind = RecordKind::kQuery;
  record.sort = sort;
  record.expected_lines = std::move(expected);
  return record;
}

TEST(Md5Test, MatchesRfc1321Vectors) {
  EXPECT_EQ(Md5Hex(""), "d41d8cd98f00b204e9800998ecf8427e");
  EXPECT_EQ(Md5Hex("abc"), "900150983cd24fb0d6963f7d28e17f72");
  EXPECT_EQ(
      Md5Hex("12345678901234567890123456789012345678901234567890123456789012345678901234567890"),
      "57edf4a22be3c955ac49da2e2107b67a");
  Md5 pieces;  // the same digest when fed in pieces across block boundaries
  for (int i = 0; i < 8; ++i) pieces.Update("1234567890");
  EXPECT_EQ(pieces.HexDigest(), "57edf4a22be3c955ac49da2e2107b67a");
}

TEST(ResultComparisonTest, SpellsNullAndEmptyString) {
  EXPECT_EQ(CellText(std::nullopt), "NULL");
  EXPECT_EQ(CellText(std::string()), "(empty)");
  EXPECT_EQ(CellText(std::string("x")), "x");
}

TEST(ResultComparisonTest, NoSortComparesInOrder) {
  const ResultRows actual = {{"1", "a"}, {"2", "NULL"}};
  EXPECT_TRUE(
      CompareQueryResult(QueryRecord(SortMode::kNoSort, {"1\ta", "2\tNULL"}), actual, 2).matches);
  const Comparison swapped =
      CompareQueryResult(QueryRecord(SortMode::kNoSort, {"2\tNULL", "1\ta"}), actual, 2);
  EXPECT_FALSE(swapped.matches);
  EXPECT_NE(swapped.explanation.find("- 2\tNULL\n+ 1\ta\n"), std::string::npos)
      << swapped.explanation;
}

TEST(ResultComparisonTest, RowSortIgnoresRowOrder) {
  const ResultRows actual = {{"9", "b"}, {"10", "a"}};
  EXPECT_TRUE(
      CompareQueryResult(QueryRecord(SortMode::kRowSort, {"9\tb", "10\ta"}), actual, 2).matches);
  EXPECT_FALSE(
      CompareQueryResult(QueryRecord(SortMode::kRowSort, {"9\ta", "10\tb"}), actual, 2).matches);
}

TEST(ResultComparisonTest, ValueSortIgnoresValueOrder) {
  const ResultRows actual = {{"b", "a"}, {"d", "c"}};
  EXPECT_TRUE(
      CompareQueryResult(QueryRecord(SortMode::kValueSort, {"a\tb", "c\td"}), actual, 2).matches);
  EXPECT_TRUE(CompareQueryResult(QueryRecord(SortMode::kValueSort, {"d", "c", "b", "a"}), actual, 2)
                  .matches);
}

TEST(ResultComparisonTest, AcceptsOneValuePerLine) {
  const ResultRows actual = {{"1", "a"}, {"2", "b"}};
  EXPECT_TRUE(
      CompareQueryResult(QueryRecord(SortMode::kNoSort, {"1", "a", "2", "b"}), actual, 2).matches);
}

TEST(ResultComparisonTest, TrailingBlanksOfActualRowsAreTrimmed) {
  const ResultRows actual = {{"a", "b  "}};
  EXPECT_TRUE(CompareQueryResult(QueryRecord(SortMode::kNoSort, {"a\tb"}), actual, 2).matches);
}

TEST(ResultComparisonTest, ReportsMissingRows) {
  const Comparison comparison =
      CompareQueryResult(QueryRecord(SortMode::kNoSort, {"1", "2"}), {{"1"}}, 1);
  EXPECT_FALSE(comparison.matches);
  EXPECT_EQ(comparison.explanation, "expected 2 rows, got 1 (- expected, + actual):\n  1\n- 2\n");
}

TEST(ResultComparisonTest, ComparesHashes) {
  const ResultRows actual = {{"2", "b"}, {"1", "a"}};
  // Sorted rows give the values 1, a, 2, b.
  Record record = QueryRecord(SortMode::kRowSort, {});
  record.expected_hash = ExpectedHash{4, Md5Hex("1\na\n2\nb\n")};
  EXPECT_TRUE(CompareQueryResult(record, actual, 2).matches);
  record.expected_hash->num_values = 5;
  EXPECT_FALSE(CompareQueryResult(record, actual, 2).matches);
  record.sort = SortMode::kNoSort;
  record.expected_hash = ExpectedHash{4, Md5Hex("1\na\n2\nb\n")};
  EXPECT_FALSE(CompareQueryResult(record, actual, 2).matches);
}

TEST(ResultComparisonTest, OrdersValuesBySortMode) {
  const ResultRows rows = {{"b", "1"}, {"a", "2"}};
  EXPECT_EQ(OrderedValues(rows, SortMode::kNoSort), (std::vector<std::string>{"b", "1", "a", "2"}));
  EXPECT_EQ(OrderedValues(rows, SortMode::kRowSort),
            (std::vector<std::string>{"a", "2", "b", "1"}));
  EXPECT_EQ(OrderedValues(rows, SortMode::kValueSort),
            (std::vector<std::string>{"1", "2", "a", "b"}));
}

}  // namespace
}  // namespace basin::sqllogictest
