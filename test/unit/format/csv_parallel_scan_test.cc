// CsvParallelScan with tiny ranges, so that range boundaries fall everywhere: inside
// quoted newlines, on \r\n, on doubled quotes. Every result must equal a serial read.
#include "format/csv/csv_parallel_scan.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <exception>
#include <mutex>
#include <thread>

#include "common/error.h"
#include "csv_test_util.h"
#include "format/csv/csv_reader.h"

namespace basin {
namespace {

using csv_test::Rows;
using csv_test::TempDir;

std::shared_ptr<std::vector<CsvScanFile>> Files(const std::vector<std::string>& paths,
                                                const CsvOptions& options) {
  auto files = std::make_shared<std::vector<CsvScanFile>>();
  for (const std::string& path : paths) {
    const CsvFileSchema schema = SniffCsv(*OpenCsvFile(path), options);
    files->push_back(CsvScanFile{path, schema, MakeCsvConversionSpec(schema, options)});
  }
  return files;
}

Rows ScanAll(std::shared_ptr<std::vector<CsvScanFile>> files, uint64_t range_bytes, int threads) {
  std::vector<uint32_t> projection;
  std::vector<LogicalType> types = files->front().schema.types;
  for (uint32_t i = 0; i < types.size(); ++i) projection.push_back(i);
  CsvParallelScan scan(files, projection, 1 << 20, false, range_bytes);
  Rows rows;
  std::mutex mutex;
  std::exception_ptr failure;  // exceptions must not escape a std::thread
  auto work = [&] {
    try {
      CsvScanLocalState local;
      Batch batch(types);
      Rows mine;
      while (scan.Scan(local, batch)) csv_test::AppendRows(batch, mine);
      std::lock_guard<std::mutex> lock(mutex);
      rows.insert(rows.end(), mine.begin(), mine.end());
    } catch (...) {
      std::lock_guard<std::mutex> lock(mutex);
      failure = std::current_exception();
    }
  };
  std::vector<std::thread> workers;
  for (int i = 0; i < threads; ++i) workers.emplace_back(work);
  for (auto& worker : workers) worker.join();
  if (failure) std::rethrow_exception(failure);
  std::sort(rows.begin(), rows.end());
  return rows;
}

Rows SerialRead(const std::string& path, const CsvOptions& options) {
  Rows rows = csv_test::ReadAll(csv_test::ReadFile(path), options);
  std::sort(rows.begin(), rows.end());
  return rows;
}

std::string MessyCsv(int rows, const char* newline) {
  std::string text = std::string("id,label,amount,day") + newline;
  for (int i = 0; i < rows; ++i) {
    std::string label = "row " + std::to_string(i);
    if (i % 7 == 0) label = "\"multi\nline, \"\"quoted\"\"\r\n" + std::to_string(i) + "\"";
    if (i % 11 == 0) label = "\"\"";
    if (i % 13 == 0) label = "";
    text += std::to_string(i) + "," + label + "," + std::to_string(i % 1000) + ".25,2024-01-" +
            (i % 28 < 9 ? "0" : "") + std::to_string(i % 28 + 1) + newline;
  }
  return text;
}

TEST(CsvParallelScanTest, TinyRangesMatchASerialRead) {
  TempDir dir;
  for (const char* newline : {"\n", "\r\n"}) {
    const std::string path = dir.Write("messy.csv", MessyCsv(1500, newline));
    CsvOptions options;
    const Rows serial = SerialRead(path, options);
    ASSERT_EQ(serial.size(), 1500u);
    for (uint64_t range_bytes : {29ull, 97ull, 1000ull, 1ull << 20}) {
      EXPECT_EQ(ScanAll(Files({path}, options), range_bytes, 2), serial)
          << "range " << range_bytes << " newline " << (newline[0] == '\r' ? "crlf" : "lf");
    }
  }
}

TEST(CsvParallelScanTest, SeveralFilesAndALargerChecksum) {
  TempDir dir;
  std::vector<std::string> paths;
  int64_t expected = 0;
  for (int f = 0; f < 3; ++f) {
    std::string text = "n|s|\n";
    for (int i = 0; i < 20000; ++i) {
      const int64_t n = f * 100000 + i;
      expected += n;
      text += std::to_string(n) + "|text " + std::to_string(i) + "|\n";
    }
    paths.push_back(dir.Write("part" + std::to_string(f) + ".tbl", text));
  }
  const Rows rows = ScanAll(Files(paths, {}), 4096, 2);
  ASSERT_EQ(rows.size(), 60000u);
  int64_t sum = 0;
  for (const auto& row : rows) sum += std::stoll(row[0]);
  EXPECT_EQ(sum, expected);
}

TEST(CsvParallelScanTest, ErrorsKeepTheirLineNumbers) {
  TempDir dir;
  std::string text = "a,b\n";
  uint64_t line = 1;
  for (int i = 0; i < 2000; ++i) {
    text += "\"x\ny\",1\n";
    line += 2;
  }
  text += "\"z\",oops\n";
  const std::string path = dir.Write("bad.csv", text);
  CsvOptions options;
  options.column_types = {TypeId::kVarchar, TypeId::kInteger};
  options.header = true;
  try {
    ScanAll(Files({path}, options), 100, 2);
    FAIL() << "expected an error";
  } catch (const Error& error) {
    EXPECT_NE(
        std::string(error.what())
            .find("line " + std::to_string(line + 1) + ", column \"b\": invalid input syntax"),
        std::string::npos)
        << error.what();
  }
}

TEST(CsvParallelScanTest, BackslashEscapesReadAsOneRange) {
  TempDir dir;
  std::string text = "a,b\n";
  for (int i = 0; i < 500; ++i) text += "\"q\\\"" + std::to_string(i) + "\n\",2\n";
  const std::string path = dir.Write("escaped.csv", text);
  CsvOptions options;
  options.escape = '\\';
  options.quote = '"';
  options.delimiter = ',';
  const Rows rows = ScanAll(Files({path}, options), 64, 2);
  EXPECT_EQ(rows, SerialRead(path, options));
  EXPECT_EQ(rows.size(), 500u);
}

}  // namespace
}  // namespace basin
