// src/format/csv/csv_parallel_scan.h
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "common/batch.h"
#include "exec/physical_node.h"
#include "format/csv/csv_batch_converter.h"
#include "format/csv/csv_row_reader.h"
#include "format/csv/csv_sniffer.h"

namespace basin {

// One file of a read_csv scan, with what binding learned about it.
struct CsvScanFile {
  std::string path;
  CsvFileSchema schema;
  CsvConversionSpec spec;  // types unified over all files
};

// What a scan thread keeps between calls: the range it is reading.
struct CsvScanLocalState : LocalState {
  std::unique_ptr<CsvInput> input;
  std::unique_ptr<CsvRowReader> reader;
  std::unique_ptr<CsvBatchConverter> converter;
  uint32_t file = 0;
  CsvRowBatch rows;
  std::vector<char> count_buffer;
  std::vector<CsvRejectedRow> rejects;
};

// The shared state of a parallel CSV scan over several files. Each big file is cut
// into byte ranges of kRangeBytes; a range owns the rows that start inside it. A
// range boundary may fall inside a quoted field, so the first phase counts quotes
// and line breaks of every range (in parallel, one range per task); once all are
// counted, a range knows whether its first byte is inside quotes (quote parity,
// exact for doubled-quote escaping) and its starting line number, and the second
// phase parses the ranges. Files with a backslash-style escape, or lines ending in a
// lone \r, are read as one range.
//
// Thread-safe: threads call Scan with their own local state.
class CsvParallelScan : public GlobalState {
 public:
  static constexpr uint64_t kRangeBytes = 8ull << 20;

  // REQUIRES: every file's spec has the same column types. `projection` lists file
  // column indexes (or kCsvFilenameColumn) in output order. `range_bytes` is for
  // tests, which use tiny ranges to put many boundaries into small files.
  CsvParallelScan(std::shared_ptr<const std::vector<CsvScanFile>> files,
                  std::vector<uint32_t> projection, uint64_t max_line_size, bool keep_rejects,
                  uint64_t range_bytes = kRangeBytes);

  // Fills `out` with the next batch (rows of one range). False when all ranges are done.
  bool Scan(CsvScanLocalState& local, Batch& out);
  uint32_t num_ranges() const { return static_cast<uint32_t>(ranges_.size()); }
  // Rows skipped by ignore_errors (store_rejects), gathered from all threads.
  std::vector<CsvRejectedRow> TakeRejects();

 private:
  struct Range {
    uint32_t file;
    uint64_t begin;
    uint64_t end;  // raw end; the last range of a file ends at its size
    bool first_of_file;
    bool last_of_file;
    uint64_t quotes = 0;  // counted in phase one: in [begin, end)
    uint64_t newlines = 0;
  };

  void CountRange(CsvScanLocalState& local, Range& range);
  // Blocks until phase one is complete (or failed).
  void WaitForCounts();
  void OpenRange(CsvScanLocalState& local, uint32_t index);

  std::shared_ptr<const std::vector<CsvScanFile>> files_;
  std::vector<uint32_t> projection_;
  uint64_t max_line_size_;
  bool keep_rejects_;
  uint64_t range_bytes_;
  std::vector<Range> ranges_;
  std::vector<uint32_t> count_tasks_;  // ranges whose counts a later range needs

  std::atomic<uint32_t> next_count_{0};
  std::atomic<uint32_t> next_range_{0};
  std::mutex mutex_;
  std::condition_variable counted_signal_;
  uint32_t counted_ = 0;  // guarded by mutex_
  bool count_failed_ = false;
  std::vector<CsvRejectedRow> rejects_;  // guarded by mutex_
};

}  // namespace basin
