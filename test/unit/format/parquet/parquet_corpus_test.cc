// test/unit/format/parquet/parquet_corpus_test.cc
// The low-level layer against apache/parquet-testing: every file of data/ must walk
// (footer, page headers, decompression, page index, flat-column values) except the few
// listed below, and every file of bad_data/ must either walk or throw basin::Error.
#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>

#include "parquet_test_util.h"

namespace basin::parquet::testing {
namespace {

namespace fs = std::filesystem;

// Files of data/ that are meant to fail, with the reason and the SQLSTATE we give.
struct ExpectedFailure {
  const char* file;
  SqlState state;
  const char* reason;
};

const ExpectedFailure kExpectedFailures[] = {
    {"data/large_string_map.brotli.parquet", sqlstate::kProgramLimitExceeded,
     "a page of more than kMaxPageBytes (1 GiB) uncompressed: refused before allocating"},
};

bool IsEncrypted(const fs::path& path) {
  return path.extension() == ".encrypted";
}

std::vector<fs::path> ParquetFilesUnder(const fs::path& dir) {
  std::vector<fs::path> files;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (!entry.is_regular_file()) continue;
    const std::string name = entry.path().filename().string();
    if (name.ends_with(".parquet") || name.ends_with(".parquet.encrypted")) {
      files.push_back(entry.path());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

TEST(ParquetCorpusTest, EveryDataFileWalks) {
  const fs::path root = FindParquetTestingDir();
  if (root.empty()) GTEST_SKIP() << "parquet-testing not found; set BASIN_SHARED_DIR";
  int walked = 0;
  int64_t pages = 0;
  int64_t values = 0;
  for (const fs::path& path : ParquetFilesUnder(root / "data")) {
    const std::string relative = fs::relative(path, root).string();
    SCOPED_TRACE(relative);
    const std::vector<uint8_t> file = ReadFileBytes(path);
    const ExpectedFailure* expected = nullptr;
    for (const ExpectedFailure& failure : kExpectedFailures) {
      if (relative == failure.file) expected = &failure;
    }
    try {
      const WalkResult result = WalkParquetFile(file, relative);
      EXPECT_EQ(expected, nullptr) << "expected to fail: " << expected->reason;
      EXPECT_FALSE(IsEncrypted(path)) << "an encrypted file walked";
      pages += result.pages;
      values += result.decoded_values;
      ++walked;
    } catch (const Error& error) {
      if (IsEncrypted(path)) {
        // Encrypted footer ("PARE") or encrypted column chunks: not supported, said so.
        EXPECT_EQ(error.state(), sqlstate::kFeatureNotSupported) << error.what();
        EXPECT_NE(std::string(error.what()).find("encrypted"), std::string::npos) << error.what();
      } else if (expected != nullptr) {
        EXPECT_EQ(error.state(), expected->state) << error.what();
      } else {
        ADD_FAILURE() << error.what();
      }
    }
  }
  EXPECT_GT(walked, 70);
  EXPECT_GT(pages, 10000);
  EXPECT_GT(values, 100000);
}

// The Variant test files (parquet-format's VariantEncoding.md): newer writers, nested
// schemas, the VARIANT logical type.
TEST(ParquetCorpusTest, EveryShreddedVariantFileWalks) {
  const fs::path root = FindParquetTestingDir();
  if (root.empty()) GTEST_SKIP() << "parquet-testing not found; set BASIN_SHARED_DIR";
  int walked = 0;
  for (const fs::path& path : ParquetFilesUnder(root / "shredded_variant")) {
    SCOPED_TRACE(path.filename().string());
    EXPECT_NO_THROW(WalkParquetFile(ReadFileBytes(path), path.filename().string()));
    ++walked;
  }
  EXPECT_GT(walked, 100);
}

TEST(ParquetCorpusTest, BadDataFilesWalkOrThrowBasinErrors) {
  const fs::path root = FindParquetTestingDir();
  if (root.empty()) GTEST_SKIP() << "parquet-testing not found; set BASIN_SHARED_DIR";
  int files = 0;
  for (const fs::path& path : ParquetFilesUnder(root / "bad_data")) {
    SCOPED_TRACE(path.filename().string());
    const std::vector<uint8_t> file = ReadFileBytes(path);
    try {
      WalkParquetFile(file, path.filename().string());
    } catch (const Error&) {
      // Malformed, reported properly.
    }
    ++files;
  }
  EXPECT_GE(files, 8);
}

// Known failures of bad_data/ that the low-level layer itself must catch.
TEST(ParquetCorpusTest, CorruptSchemaTypeIsRejected) {
  const fs::path root = FindParquetTestingDir();
  if (root.empty()) GTEST_SKIP() << "parquet-testing not found; set BASIN_SHARED_DIR";
  const std::vector<uint8_t> file = ReadFileBytes(root / "bad_data" / "PARQUET-1481.parquet");
  try {
    WalkParquetFile(file, "PARQUET-1481.parquet");
    FAIL() << "expected an error";
  } catch (const Error& error) {
    EXPECT_EQ(error.state(), sqlstate::kDataCorrupted) << error.what();
  }
  const std::vector<uint8_t> negative =
      ReadFileBytes(root / "bad_data" / "ARROW-RS-GH-6229-DICTHEADER.parquet");
  EXPECT_THROW(WalkParquetFile(negative, "ARROW-RS-GH-6229-DICTHEADER.parquet"), Error);
}

std::vector<std::vector<std::string>> ReadCsv(const fs::path& path) {
  std::ifstream file(path);
  std::vector<std::vector<std::string>> rows;
  std::string line;
  while (std::getline(file, line)) {
    std::vector<std::string> fields;
    std::string field;
    bool quoted = false;
    for (char c : line) {
      if (c == '"') {
        quoted = !quoted;
      } else if (c == ',' && !quoted) {
        fields.push_back(field);
        field.clear();
      } else {
        field.push_back(c);
      }
    }
    fields.push_back(field);
    rows.push_back(std::move(fields));
  }
  return rows;
}

// Every bit width 0..64 of DELTA_BINARY_PACKED, against the expected values.
TEST(ParquetCorpusTest, DeltaBinaryPackedMatchesExpectedValues) {
  const fs::path root = FindParquetTestingDir();
  if (root.empty()) GTEST_SKIP() << "parquet-testing not found; set BASIN_SHARED_DIR";
  const WalkResult result =
      WalkParquetFile(ReadFileBytes(root / "data" / "delta_binary_packed.parquet"), "dbp");
  const auto rows = ReadCsv(root / "data" / "delta_binary_packed_expect.csv");
  ASSERT_GT(rows.size(), 1u);
  int columns = 0;
  for (size_t c = 0; c < rows[0].size(); ++c) {
    const std::string& name = rows[0][c];
    auto it = result.integers.find(name);
    ASSERT_NE(it, result.integers.end()) << name;
    ASSERT_EQ(it->second.size(), rows.size() - 1) << name;
    for (size_t r = 1; r < rows.size(); ++r) {
      ASSERT_EQ(it->second[r - 1], std::stoll(rows[r][c])) << name << " row " << r;
    }
    ++columns;
  }
  EXPECT_EQ(columns, 66);
}

TEST(ParquetCorpusTest, DeltaByteArrayMatchesExpectedValues) {
  const fs::path root = FindParquetTestingDir();
  if (root.empty()) GTEST_SKIP() << "parquet-testing not found; set BASIN_SHARED_DIR";
  const WalkResult result =
      WalkParquetFile(ReadFileBytes(root / "data" / "delta_byte_array.parquet"), "dba");
  const auto rows = ReadCsv(root / "data" / "delta_byte_array_expect.csv");
  ASSERT_GT(rows.size(), 1u);
  for (size_t c = 0; c < rows[0].size(); ++c) {
    const std::string& name = rows[0][c];
    auto it = result.strings.find(name);
    ASSERT_NE(it, result.strings.end()) << name;
    // Nulls are empty CSV fields and absent from the decoded (non-null) values.
    std::vector<std::string> expected;
    for (size_t r = 1; r < rows.size(); ++r) {
      if (!rows[r][c].empty()) expected.push_back(rows[r][c]);
    }
    EXPECT_EQ(it->second, expected) << name;
  }
}

}  // namespace
}  // namespace basin::parquet::testing
