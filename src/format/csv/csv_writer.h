// src/format/csv/csv_writer.h
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "common/batch.h"
#include "common/file_writer.h"
#include "common/time_zone.h"

namespace basin {

// COPY ... TO 'file' (FORMAT csv) options, with PostgreSQL's defaults.
struct CsvWriterOptions {
  char delimiter = ',';
  char quote = '"';
  char escape = '"';        // written before a quote (or escape) inside quotes
  std::string null_string;  // NULL is written as this, unquoted
  bool header = false;      // first line: the column names
  // Per column: quote every non-NULL value (COPY's FORCE_QUOTE). Empty: none.
  std::vector<bool> force_quote;
  // Prints TIMESTAMPTZ: the session's zone.
  const TimeZone* time_zone = &TimeZone::Utc();
};

// Writes batches as CSV in PostgreSQL's text forms (each column is cast to VARCHAR
// once per batch). A field is quoted when it contains the delimiter, the quote, \r or
// \n, or equals the NULL string (so an empty string and a NULL differ under the
// default NULL ""), or is "\." (PostgreSQL's end-of-data marker). Buffered; no fsync.
// Not thread-safe.
class CsvWriter {
 public:
  // Creates or truncates `path`. Throws Error (58P01 / 58030) naming the path.
  CsvWriter(const std::string& path, CsvWriterOptions options,
            std::vector<std::string> column_names);
  // Writes to `sink` (COPY TO STDOUT), which must outlive the writer.
  CsvWriter(ByteSink& sink, CsvWriterOptions options, std::vector<std::string> column_names);
  ~CsvWriter();  // closes without reporting errors; call Close() to see them
  CsvWriter(const CsvWriter&) = delete;
  CsvWriter& operator=(const CsvWriter&) = delete;

  void WriteBatch(const Batch& batch);
  // Flushes and closes; throws Error(58030) if the data could not be written.
  void Close();
  uint64_t rows_written() const { return rows_written_; }

 private:
  void Start();
  void WriteField(std::string_view text, bool force_quote = false);

  FileWriter file_;
  std::string& buffer_ = file_.buffer();  // where rows are formatted
  CsvWriterOptions options_;
  std::vector<std::string> column_names_;
  std::array<bool, 256> needs_quote_{};
  uint64_t rows_written_ = 0;
};

}  // namespace basin
