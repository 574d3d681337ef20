// src/format/csv/csv_sniffer.h
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "common/types.h"
#include "format/csv/csv_dialect.h"
#include "format/csv/csv_input.h"
#include "format/csv/csv_options.h"

namespace basin {

// What reading one CSV file needs to know: found by sniffing, or taken from options.
struct CsvFileSchema {
  CsvDialect dialect;
  bool header = false;
  std::vector<std::string> names;
  std::vector<LogicalType> types;
  std::string date_format;  // "" : PostgreSQL's input syntax
  std::string timestamp_format;
  uint64_t data_start = 0;       // offset of the first data row (after skip and header)
  uint64_t data_start_line = 1;  // its line number
  // Lines end in a lone \r, so a parallel range cannot find row starts by '\n'.
  bool cr_line_endings = false;
};

// Detects what `options` leaves open: delimiter (, | ; \t :), quote (" ' or none),
// escape (doubled quote or backslash), trailing delimiter, header, names and types.
// Candidates are scored on the first rows: the dialect whose rows agree on the
// largest column count wins, ties going to the order above. Types come from up to
// options.sample_size rows at the start plus a few chunks further into a big file.
// With auto_detect off nothing is detected: COPY's defaults, header off, and VARCHAR
// columns unless types are given. Throws Error (22023) when given names or types do
// not match the file's column count.
CsvFileSchema SniffCsv(const CsvInput& input, const CsvOptions& options);

// For the second and later files of one read: `first`'s dialect and header setting
// apply; detects this file's types (unless given) and finds its data start. Names
// come from `first`.
CsvFileSchema SniffCsvLike(const CsvInput& input, const CsvOptions& options,
                           const CsvFileSchema& first);

}  // namespace basin
