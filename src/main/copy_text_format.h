// src/main/copy_text_format.h
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "common/batch.h"
#include "common/file_writer.h"
#include "common/error.h"
#include "common/time_zone.h"

namespace basin {

// PostgreSQL's COPY text format: one row per line, fields separated by the delimiter
// (tab), NULL spelled as the null string (\N), and backslash escapes (\t \n \r,
// a doubled backslash, \b \f \v, octal \NNN, hex \xHH; a backslash before any other
// byte stands for that byte, the delimiter included). A line "\." ends the data.
struct CopyTextFormat {
  char delimiter = '\t';
  std::string null_string = "\\N";
  bool header = false;
  // Reads and prints TIMESTAMPTZ: the session's zone.
  const TimeZone* time_zone = &TimeZone::Utc();
};

// Reads a whole file of the text format into batches of `types` (one field per
// type, in order). Values convert with the engine's casts; a failure raises the
// cast's error prefixed with `error_context`, the file, the line and the column (as
// the CSV reader does). Wrong field counts raise 22P04. Not thread-safe.
class CopyTextReader {
 public:
  CopyTextReader(const std::string& path, CopyTextFormat format, std::vector<std::string> names,
                 std::vector<LogicalType> types, std::string error_context);
  // Reads `data` (COPY FROM STDIN); errors name `source` ("STDIN") where a file's
  // would name the file.
  CopyTextReader(std::string data, std::string source, CopyTextFormat format,
                 std::vector<std::string> names, std::vector<LogicalType> types,
                 std::string error_context);

  // Fills `batch` with up to kBatchSize rows; false at the end.
  bool ReadBatch(Batch& batch);
  // The fields of the header line (after unescaping); empty without a header.
  const std::vector<std::string>& header_fields() const { return header_fields_; }

 private:
  // Splits the line at pos_ into raw (still escaped) fields; advances pos_. False at
  // the end of the data.
  bool NextLine(std::vector<std::string_view>& fields);
  [[noreturn]] void Fail(const std::string& column, SqlState state, const std::string& reason);

  std::string source_;  // 'file "<path>"' or "STDIN", for messages
  CopyTextFormat format_;
  std::vector<std::string> names_;
  std::vector<LogicalType> types_;
  std::string error_context_;
  std::string data_;
  size_t pos_ = 0;
  uint64_t line_ = 0;  // of the last line returned by NextLine
  std::vector<std::string> header_fields_;
};

// Writes batches in the text format (casting columns to text as PostgreSQL prints
// them). Throws Error naming the path when the file cannot be created or written.
class CopyTextWriter {
 public:
  CopyTextWriter(const std::string& path, CopyTextFormat format,
                 const std::vector<std::string>& names);
  // Writes to `sink` (COPY TO STDOUT), which must outlive the writer.
  CopyTextWriter(ByteSink& sink, CopyTextFormat format, const std::vector<std::string>& names);
  ~CopyTextWriter();
  CopyTextWriter(const CopyTextWriter&) = delete;
  CopyTextWriter& operator=(const CopyTextWriter&) = delete;

  void WriteBatch(const Batch& batch);
  void Close();
  uint64_t rows_written() const { return rows_written_; }

 private:
  void WriteHeader(const std::vector<std::string>& names);
  void AppendEscaped(std::string_view text);

  FileWriter file_;
  std::string& buffer_ = file_.buffer();  // where rows are formatted
  CopyTextFormat format_;
  uint64_t rows_written_ = 0;
};

// Undoes the text format's backslash escapes of one field.
std::string UnescapeCopyText(std::string_view raw);

}  // namespace basin
