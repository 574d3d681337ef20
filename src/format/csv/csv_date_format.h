// src/format/csv/csv_date_format.h
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace basin {

// A strptime-like pattern for dates and timestamps in CSV files ("%d.%m.%Y",
// "%m/%d/%Y %H:%M:%S"). Specifiers: %Y (4-digit year), %y (2-digit, 1970..2069),
// %m, %d (1 or 2 digits), %H, %M, %S, %f (1..6 fractional digits), %%; any other
// character must match itself.
class CsvDateFormat {
 public:
  CsvDateFormat() = default;
  // Throws Error(22023) for an unknown specifier.
  explicit CsvDateFormat(std::string_view pattern);

  bool empty() const { return pattern_.empty(); }
  const std::string& pattern() const { return pattern_; }
  // Days since 1970-01-01; false unless the whole text matches a valid date.
  bool ParseDate(std::string_view text, int32_t& days) const;
  // Microseconds since 1970-01-01 00:00:00; false unless the whole text matches.
  bool ParseTimestamp(std::string_view text, int64_t& micros) const;

 private:
  struct Parsed {
    int32_t year = 1970, month = 1, day = 1, hour = 0, minute = 0, second = 0, micros = 0;
  };
  bool Match(std::string_view text, Parsed& parsed) const;

  std::string pattern_;
};

}  // namespace basin
