// src/format/json/json_parallel_scan.h
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "common/batch.h"
#include "common/error.h"
#include "exec/physical_node.h"
#include "format/csv/csv_input.h"
#include "format/json/json_record_converter.h"
#include "format/json/json_record_reader.h"

namespace basin {

// One file of a read_json scan.
struct JsonScanFile {
  std::string path;
  JsonFormat format;  // resolved: kNewlineDelimited or kArray
};

// Everything the scan threads share: files, schema and error handling. Immutable.
struct JsonScanSpec {
  std::vector<JsonScanFile> files;
  JsonSchema schema;
  uint32_t max_depth = 1000;
  bool ignore_errors = false;
  std::string error_context = "read_json";
};

// What a scan thread keeps between calls: the range it is reading.
struct JsonScanLocalState : LocalState {
  std::unique_ptr<CsvInput> input;
  std::unique_ptr<JsonRecordReader> reader;
  std::unique_ptr<JsonRecordConverter> converter;
  uint32_t file = 0;
};

// The shared state of a parallel JSON scan. A newline-delimited file is cut into
// byte ranges of kRangeBytes (a range owns the lines that start inside it, so no
// pre-pass is needed: a line break is never inside a JSON value); an array file is one
// range. Threads take ranges in order; each batch holds rows of one range.
//
// Thread-safe: threads call Scan with their own local state.
class JsonParallelScan : public GlobalState {
 public:
  static constexpr uint64_t kRangeBytes = 8ull << 20;

  // `projection` lists file column indexes (or kJsonFilenameColumn) in output order.
  // `range_bytes` is for tests, which put many range boundaries into small files.
  JsonParallelScan(std::shared_ptr<const JsonScanSpec> spec, std::vector<uint32_t> projection,
                   uint64_t range_bytes = kRangeBytes);

  // Fills `out` with the next batch. False when all ranges are done. Throws Error
  // naming file and line for malformed JSON or a value that does not fit (unless
  // ignore_errors, which skips the record).
  bool Scan(JsonScanLocalState& local, Batch& out);
  uint32_t num_ranges() const { return static_cast<uint32_t>(ranges_.size()); }

 private:
  struct Range {
    uint32_t file;
    uint64_t begin;
    uint64_t end;
  };

  [[noreturn]] void Fail(const JsonScanLocalState& local, SqlState state,
                         const std::string& what) const;

  std::shared_ptr<const JsonScanSpec> spec_;
  std::vector<uint32_t> projection_;
  std::vector<Range> ranges_;
  std::atomic<uint32_t> next_range_{0};
};

}  // namespace basin
