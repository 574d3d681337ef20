// src/format/json/json_record_reader.h
#pragma once

#include <simdjson.h>

#include <cstdint>
#include <string>
#include <vector>

#include "format/csv/csv_input.h"
#include "format/json/json_options.h"

namespace basin {

// Iterates the top-level JSON values of one file, or of one byte range of a
// newline-delimited file.
//
// Newline-delimited: a range owns the lines that start inside [begin, end); the last
// one may run past `end`. Lines are read in blocks and parsed in place (simdjson
// needs SIMDJSON_PADDING readable bytes after a value, which the block keeps).
// Blank lines are skipped. A malformed line is reported and reading goes on with the
// next line.
//
// Array: the whole file is one JSON array (begin and end are ignored); it is parsed
// at once and its elements are the values. A malformed file ends the iteration.
//
// Not thread-safe; each scan thread has its own reader.
class JsonRecordReader {
 public:
  enum class Outcome { kValue, kMalformed, kEnd };

  // REQUIRES: format is kNewlineDelimited or kArray; `input` outlives the reader.
  JsonRecordReader(const CsvInput& input, JsonFormat format, uint64_t begin, uint64_t end,
                   uint32_t max_depth);

  // The next value (valid until the next call), or why the next one is malformed.
  Outcome Next(simdjson::dom::element& value);
  // After kMalformed: what is wrong, e.g. "malformed JSON (TAPE_ERROR: ...)".
  const std::string& error() const { return error_; }
  // Where the last value or error came from: "line 12" (newline-delimited, counted
  // from the file's start on demand: errors only) or "array element 7".
  std::string Location() const;

 private:
  Outcome NextLine(simdjson::dom::element& value);
  Outcome NextElement(simdjson::dom::element& value);
  // Finds the next line in the buffer, reading more of the file as needed. False
  // at the end of the range.
  bool ReadLine(std::string_view& line);
  // Keeps the unread part of the buffer and appends the next bytes of the file.
  void Refill();
  void ReadWholeFile();
  Outcome Malformed(simdjson::error_code code);
  // Parses `text` again with integers beyond 64 bits made doubles (see the .cc).
  simdjson::error_code ParseWidened(std::string_view text, simdjson::dom::element& value);

  const CsvInput& input_;
  JsonFormat format_;
  uint64_t end_;
  simdjson::dom::parser parser_;
  std::string error_;
  std::string widened_;  // the text ParseWidened parsed (values point into it)

  // Newline-delimited state. buffer_[0] is byte buffer_offset_ of the file; bytes
  // [cursor_, size_) are unread; SIMDJSON_PADDING bytes after size_ stay allocated.
  std::vector<char> buffer_;
  uint64_t buffer_offset_ = 0;
  size_t size_ = 0;
  size_t cursor_ = 0;
  uint64_t file_offset_ = 0;  // the next byte to read
  uint64_t line_offset_ = 0;  // where the last line started

  // Array state.
  bool parsed_ = false;
  simdjson::dom::array::iterator next_element_;
  simdjson::dom::array::iterator end_element_;
  uint64_t element_index_ = 0;
};

// Where a file's values are: kArray when the first byte that is not white space (or a
// UTF-8 byte order mark) is '[', else kNewlineDelimited.
JsonFormat DetectJsonFormat(const CsvInput& input);

// "TAPE_ERROR: The JSON document has an improper structure..." for messages.
std::string DescribeJsonError(simdjson::error_code code);

}  // namespace basin
