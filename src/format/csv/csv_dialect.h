// src/format/csv/csv_dialect.h
#pragma once

#include <cstdint>

namespace basin {

// How the text of a CSV file is cut into rows and fields. Resolved: either given by
// the user or found by the sniffer. Field values are interpreted elsewhere
// (CsvOptions' null string and formats).
struct CsvDialect {
  char delimiter = ',';
  // '\0' disables quoting: every quote-looking byte is data.
  char quote = '"';
  // Inside quotes, escape + quote stands for a quote (and escape + escape for the
  // escape). escape == quote is the RFC 4180 / PostgreSQL default: "" inside quotes.
  char escape = '"';
  // Every line ends with a delimiter (TPC-H .tbl: "1|2|"): the empty field after it
  // is not a column.
  bool trailing_delimiter = false;

  bool has_quote() const { return quote != '\0'; }
  // Whether the escape is a character of its own (backslash) rather than a doubled
  // quote; a file range's quote state then depends on more than quote parity.
  bool has_distinct_escape() const { return has_quote() && escape != quote && escape != '\0'; }
};

}  // namespace basin
