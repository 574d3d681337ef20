// src/format/json/json_writer.h
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "common/batch.h"
#include "common/file_writer.h"
#include "common/time_zone.h"

namespace basin {

// COPY ... TO 'file' (FORMAT json) options.
struct JsonWriterOptions {
  // false: newline-delimited, one object per line. true: one JSON array of objects.
  bool array = false;
  // Prints TIMESTAMPTZ: the session's zone.
  const TimeZone* time_zone = &TimeZone::Utc();
};

// Writes batches as JSON objects, one per row, keys = column names (values as
// JsonValueFormatter writes them). Buffered; no fsync. Not thread-safe.
class JsonWriter {
 public:
  // Creates or truncates `path`. Throws Error (58P01 / 58030) naming the path.
  JsonWriter(const std::string& path, JsonWriterOptions options,
             const std::vector<std::string>& column_names);
  // Writes to `sink` (COPY TO STDOUT), which must outlive the writer.
  JsonWriter(ByteSink& sink, JsonWriterOptions options,
             const std::vector<std::string>& column_names);
  JsonWriter(const JsonWriter&) = delete;
  JsonWriter& operator=(const JsonWriter&) = delete;

  void WriteBatch(const Batch& batch);
  // Flushes and closes; throws Error(58030) if the data could not be written.
  void Close();
  uint64_t rows_written() const { return rows_written_; }

 private:
  // Keys escaped once; the opening bracket of ARRAY.
  void Start(const std::vector<std::string>& column_names);

  FileWriter file_;
  std::string& buffer_ = file_.buffer();
  JsonWriterOptions options_;
  std::vector<std::string> keys_;  // each column's `"name":`, escaped once
  uint64_t rows_written_ = 0;
};

}  // namespace basin
