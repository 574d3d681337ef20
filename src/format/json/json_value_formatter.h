// src/format/json/json_value_formatter.h
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/time_zone.h"
#include "common/vector.h"

namespace basin {

// Appends the values of one column as JSON text. Numbers and booleans are JSON
// numbers and literals (NaN and infinities, which JSON lacks, are the strings "NaN",
// "Infinity", "-Infinity"); DECIMAL is its exact digits; dates, times, timestamps and
// intervals are strings in PostgreSQL's text form; LIST is an array, STRUCT an object,
// MAP an object whose keys are the map keys' text; NULL is null.
//
// Built once per batch: columns written as strings are cast to text up front, a batch
// at a time. Borrows `column`, which must outlive the formatter.
class JsonValueFormatter {
 public:
  // `count`: the rows of `column` that will be asked for (for a LIST's elements, the
  // child's list_size). `zone` prints TIMESTAMPTZ.
  JsonValueFormatter(const Vector& column, uint32_t count, const TimeZone& zone);
  JsonValueFormatter(const JsonValueFormatter&) = delete;  // source_ may point into itself
  JsonValueFormatter& operator=(const JsonValueFormatter&) = delete;

  void Append(uint32_t row, std::string& out) const;

 private:
  const Vector& column_;
  Vector text_;                     // the text form, for types written as strings
  const Vector* source_ = nullptr;  // column_ or text_
  std::vector<std::unique_ptr<JsonValueFormatter>> children_;
};

// Appends `text` as a JSON string: quotes, backslash escapes for '"', '\\' and control
// characters, and U+FFFD for bytes that are not valid UTF-8.
void AppendJsonString(std::string_view text, std::string& out);

}  // namespace basin
