// The parallel JSON scan: range boundaries anywhere in a newline-delimited file must
// neither lose nor repeat a record, and errors name the right line.
#include "format/json/json_parallel_scan.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <exception>
#include <string>
#include <thread>
#include <vector>

#include "../csv_test_util.h"
#include "common/error.h"

namespace basin {
namespace {

using csv_test::TempDir;

std::shared_ptr<JsonScanSpec> MakeSpec(const std::string& path, JsonFormat format) {
  auto spec = std::make_shared<JsonScanSpec>();
  spec->files.push_back(JsonScanFile{path, format});
  spec->schema.names = {"id", "tags"};
  spec->schema.types = {TypeId::kBigInt, LogicalType::List(TypeId::kVarchar)};
  return spec;
}

// Every row of the scan as "id:tags", sorted, read by `threads` threads.
std::vector<std::string> ScanAll(JsonParallelScan& scan, int threads) {
  std::vector<std::vector<std::string>> per_thread(threads);
  std::vector<std::exception_ptr> errors(threads);
  std::vector<std::thread> workers;
  for (int t = 0; t < threads; ++t) {
    workers.emplace_back([&, t] {
      try {
        JsonScanLocalState local;
        Batch batch({TypeId::kBigInt, LogicalType::List(TypeId::kVarchar)});
        while (scan.Scan(local, batch)) {
          for (uint32_t row = 0; row < batch.size; ++row) {
            per_thread[t].push_back(batch.columns[0].GetValue(row).ToString() + ":" +
                                    batch.columns[1].GetValue(row).ToString());
          }
        }
      } catch (...) {
        errors[t] = std::current_exception();
      }
    });
  }
  for (auto& worker : workers) worker.join();
  for (const auto& error : errors) {
    if (error) std::rethrow_exception(error);
  }
  std::vector<std::string> rows;
  for (auto& part : per_thread) rows.insert(rows.end(), part.begin(), part.end());
  std::sort(rows.begin(), rows.end());
  return rows;
}

TEST(JsonParallelScanTest, EveryRangeSizeReadsEveryRecordOnce) {
  TempDir dir;
  std::string text;
  std::vector<std::string> expected;
  for (int i = 0; i < 300; ++i) {
    // Records of varying length, blank lines and CRLF now and then.
    text += "{\"id\": " + std::to_string(i) + ", \"tags\": [\"" + std::string(i % 7, 'x') + "\"]}" +
            (i % 5 == 0 ? "\r\n\n" : "\n");
    // An empty string element prints quoted.
    expected.push_back(std::to_string(i) + ":{" + (i % 7 == 0 ? "\"\"" : std::string(i % 7, 'x')) +
                       "}");
  }
  std::sort(expected.begin(), expected.end());
  const std::string path = dir.Write("r.ndjson", text);
  for (const uint64_t range_bytes : {1, 7, 64, 333, 100000}) {
    JsonParallelScan scan(MakeSpec(path, JsonFormat::kNewlineDelimited), {0, 1}, range_bytes);
    EXPECT_EQ(ScanAll(scan, 3), expected) << "range_bytes " << range_bytes;
  }
}

TEST(JsonParallelScanTest, MalformedLineNamesFileAndLine) {
  TempDir dir;
  const std::string path = dir.Write("bad.ndjson", "{\"id\": 1}\n\n{\"id\": 2}\n{\"id\": \n");
  for (const uint64_t range_bytes : {5, 100000}) {
    JsonParallelScan scan(MakeSpec(path, JsonFormat::kNewlineDelimited), {0}, range_bytes);
    try {
      ScanAll(scan, 1);
      FAIL() << "no error";
    } catch (const Error& error) {
      EXPECT_NE(std::string(error.what()).find("file \"" + path + "\", line 4: malformed JSON"),
                std::string::npos)
          << error.what();
    }
  }
}

TEST(JsonParallelScanTest, ValueOfTheWrongTypeNamesKeyAndLine) {
  TempDir dir;
  const std::string path = dir.Write("t.ndjson", "{\"id\": 1}\n{\"id\": \"abc\"}\n");
  JsonParallelScan scan(MakeSpec(path, JsonFormat::kNewlineDelimited), {0});
  try {
    ScanAll(scan, 1);
    FAIL() << "no error";
  } catch (const Error& error) {
    EXPECT_NE(std::string(error.what()).find("line 2: key \"id\": "), std::string::npos)
        << error.what();
  }
}

TEST(JsonParallelScanTest, ArrayFileIsOneRange) {
  TempDir dir;
  const std::string path =
      dir.Write("a.json", "[{\"id\": 2, \"tags\": null}, {\"id\": 1, \"tags\": [\"a\", null]}]");
  JsonParallelScan scan(MakeSpec(path, JsonFormat::kArray), {0, 1}, 4);
  EXPECT_EQ(scan.num_ranges(), 1u);
  EXPECT_EQ(ScanAll(scan, 2), (std::vector<std::string>{"1:{a,NULL}", "2:NULL"}));
}

}  // namespace
}  // namespace basin
