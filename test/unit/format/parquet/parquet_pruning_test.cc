// read_parquet skips row groups by their statistics and files by their Hive partition
// values: EXPLAIN ANALYZE shows how many rows the scan produced.
#include <gtest/gtest.h>

#include <filesystem>
#include <regex>
#include <string>

#include "main/database.h"

namespace basin {
namespace {

class ParquetPruningTest : public ::testing::Test {
 protected:
  void SetUp() override {
    directory_ = std::filesystem::temp_directory_path() /
                 ("basin_pruning_" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "_" +
                  ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(directory_);
    std::filesystem::create_directories(directory_);
  }
  void TearDown() override { std::filesystem::remove_all(directory_); }

  // Rows the read_parquet scan of `query` produced.
  uint64_t ScannedRows(const std::string& query) {
    QueryResult plan = connection_.Query("EXPLAIN ANALYZE " + query);
    std::string text;
    for (uint64_t row = 0; row < plan.NumRows(); ++row) text += plan.GetText(0, row) + "\n";
    std::smatch match;
    EXPECT_TRUE(std::regex_search(text, match, std::regex(R"(TABLE_FUNCTION read_parquet\s+\(rows=(\d+))"))) << text;
    return match.empty() ? 0 : std::stoull(match[1]);
  }

  std::filesystem::path directory_;
  Database database_;
  Connection connection_{database_};
};

TEST_F(ParquetPruningTest, RowGroupsOutsideTheRangeAreSkipped) {
  const std::string file = (directory_ / "sorted.parquet").string();
  connection_.Query("COPY (SELECT i AS id, 'v' || i AS s FROM generate_series(0, 99999) i ORDER BY i) TO '" + file +
                    "' (FORMAT parquet, ROW_GROUP_SIZE 10000)");
  const std::string scan = "SELECT count(*) FROM '" + file + "'";
  EXPECT_EQ(ScannedRows(scan), 100000u);
  EXPECT_EQ(ScannedRows(scan + " WHERE id < 15000"), 20000u);  // two row groups
  EXPECT_EQ(ScannedRows(scan + " WHERE id >= 95000"), 10000u);
  EXPECT_EQ(ScannedRows(scan + " WHERE id = 42"), 10000u);
  EXPECT_EQ(ScannedRows(scan + " WHERE id > 1000000"), 0u);
  EXPECT_EQ(ScannedRows(scan + " WHERE 50000 <= id"), 50000u);  // constant on the left
  EXPECT_EQ(ScannedRows(scan + " WHERE id IN (5, 25000, 25001)"), 20000u);  // any of an IN list
  EXPECT_EQ(ScannedRows(scan + " WHERE id IN (NULL)"), 0u);
  EXPECT_EQ(connection_.Query(scan + " WHERE id IN (5, 25000, 99999, 123456)").GetText(0, 0), "3");
  // Pruning never changes results.
  EXPECT_EQ(connection_.Query(scan + " WHERE id < 15000").GetText(0, 0), "15000");
  EXPECT_EQ(connection_.Query(scan + " WHERE s = 'v99999'").GetText(0, 0), "1");
}

TEST_F(ParquetPruningTest, HivePartitionsOutsideTheFilterAreSkipped) {
  const std::string root = (directory_ / "hive").string();
  connection_.Query("COPY (SELECT i, i % 4 AS part, 'x/' || (i % 2) AS label FROM generate_series(1, 1000) i) TO '" +
                    root + "' (FORMAT parquet, PARTITION_BY (part, label))");
  const std::string scan = "SELECT count(*) FROM read_parquet('" + root + "/**/*.parquet')";
  EXPECT_EQ(ScannedRows(scan), 1000u);
  EXPECT_EQ(ScannedRows(scan + " WHERE part = 1"), 250u);
  EXPECT_EQ(ScannedRows(scan + " WHERE label = 'x/1'"), 500u);  // percent-decoded values
  EXPECT_EQ(ScannedRows(scan + " WHERE part IN (0, 3)"), 500u);
  EXPECT_EQ(connection_.Query(scan + " WHERE part = 1 AND label = 'x/1'").GetText(0, 0), "250");
  EXPECT_EQ(connection_.Query(scan + " WHERE part = 2 AND label = 'x/1'").GetText(0, 0), "0");
}

}  // namespace
}  // namespace basin
