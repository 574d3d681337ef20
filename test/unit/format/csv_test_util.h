// test/unit/format/csv_test_util.h
// Helpers shared by the CSV tests: a temporary directory and result rendering.
#pragma once

#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "common/batch.h"
#include "common/value.h"
#include "format/csv/csv_reader.h"

namespace basin::csv_test {

// A fresh directory under /tmp, removed with everything in it at destruction.
class TempDir {
 public:
  TempDir() {
    char pattern[] = "/tmp/basin_csv_test_XXXXXX";
    path_ = ::mkdtemp(pattern);
  }
  ~TempDir() {
    std::error_code error;
    std::filesystem::remove_all(path_, error);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::string& path() const { return path_; }
  // Writes `contents` to `name` (subdirectories created) and returns the full path.
  std::string Write(const std::string& name, const std::string& contents) const {
    const std::filesystem::path file = std::filesystem::path(path_) / name;
    std::filesystem::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << contents;
    return file.string();
  }

 private:
  std::string path_;
};

inline std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// Rows of a batch as text, NULL as "NULL".
inline void AppendRows(const Batch& batch, std::vector<std::vector<std::string>>& rows) {
  for (uint32_t row = 0; row < batch.size; ++row) {
    std::vector<std::string> values;
    for (const Vector& column : batch.columns) values.push_back(column.GetValue(row).ToString());
    rows.push_back(std::move(values));
  }
}

// Sniffs and reads all of `text`.
inline std::vector<std::vector<std::string>> ReadAll(const std::string& text,
                                                     const CsvOptions& options = {},
                                                     CsvFileSchema* schema = nullptr) {
  auto reader = CsvReader::Open(MakeCsvMemoryInput(text, "test.csv"), options);
  if (schema != nullptr) *schema = reader->schema();
  std::vector<std::vector<std::string>> rows;
  Batch batch;
  while (reader->ReadBatch(batch)) AppendRows(batch, rows);
  return rows;
}

using Rows = std::vector<std::vector<std::string>>;

}  // namespace basin::csv_test
