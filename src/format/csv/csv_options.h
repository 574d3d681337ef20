// src/format/csv/csv_options.h
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/time_zone.h"
#include "common/types.h"

namespace basin {

// What the user asked for when reading CSV (read_csv's named options, COPY FROM's
// WITH options). Unset optionals are detected by the sniffer (read_csv) or take
// PostgreSQL's COPY defaults (CsvReader without sniffing).
struct CsvOptions {
  std::optional<char> delimiter;
  std::optional<char> quote;  // '\0': no quoting
  std::optional<char> escape;
  std::optional<bool> header;
  std::optional<bool> trailing_delimiter;
  // An unquoted field equal to this is NULL. The default "" makes an empty unquoted
  // field NULL while a quoted "" stays an empty string, as PostgreSQL's CSV format.
  std::string null_string;

  // Explicit schema. Names without types keep detected types; types without names
  // get column0, column1, ...; both given: no type detection at all.
  std::vector<std::string> column_names;
  std::vector<LogicalType> column_types;

  // Lines skipped before the header (or the first row).
  uint64_t skip_rows = 0;
  // strptime-like formats (%Y %m %d %H %M %S %f %y %%); empty: PostgreSQL's input
  // syntax (ISO, and MM/DD/YYYY as DateStyle MDY).
  std::string date_format;
  std::string timestamp_format;

  // Skip rows that do not parse instead of failing; `store_rejects` also records them
  // (file, line, column, reason) for the caller to show.
  bool ignore_errors = false;
  bool store_rejects = false;
  // A row longer than this is an error; protects memory against a missing quote.
  uint64_t max_line_size = 16ull << 20;

  // false: no detection; the dialect takes COPY's defaults and every column is VARCHAR
  // unless column types are given.
  bool auto_detect = true;
  // Rows read from the start of each file for detection (plus a few chunks later on).
  uint64_t sample_size = 20480;
  bool all_varchar = false;
  // read_csv: adds a trailing VARCHAR column `filename` with each row's file.
  bool filename_column = false;

  // Starts every error message: "read_csv", or "COPY lineitem".
  std::string error_context = "read_csv";
  // Reads TIMESTAMPTZ fields without an offset: the session's zone for COPY.
  const TimeZone* time_zone = &TimeZone::Utc();
};

// A row that ignore_errors skipped.
struct CsvRejectedRow {
  std::string file;
  uint64_t line = 0;
  std::string column;  // empty when the row as a whole was wrong
  std::string reason;
};

}  // namespace basin
