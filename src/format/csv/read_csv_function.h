// src/format/csv/read_csv_function.h
#pragma once

#include <string>
#include <vector>

#include "format/csv/csv_options.h"
#include "function/table_function.h"

namespace basin {

// read_csv(path [, path ...] [, option => value ...]). Positional arguments are
// files or glob patterns (several stand for a list until Basin has LIST values).
// Named options, case-insensitive:
//   delim / sep / delimiter   one character ('\t' spelled out works too)
//   quote, escape             one character; quote '' disables quoting
//   header                    boolean
//   nullstr / null            the NULL string (default '': empty unquoted field)
//   columns                   'a INTEGER, b VARCHAR' (text until STRUCT exists):
//                             names and types, no detection
//   names / column_names      'a, b, c': names only, types detected
//   skip                      lines to skip before the header or data
//   dateformat / date_format, timestampformat / timestamp_format   e.g. '%d.%m.%Y'
//   ignore_errors, store_rejects   skip (and record) rows that do not parse
//   auto_detect               false: no sniffing; VARCHAR columns unless given
//   sample_size               rows sampled for detection (-1: 20480)
//   all_varchar               every column VARCHAR
//   filename                  adds a VARCHAR column `filename`
//   max_line_size             bytes
//   trailing_delimiter        every line ends with the delimiter (TPC-H .tbl)
// `read_csv_auto` is the same function under another name (DuckDB's spelling).
TableFunction MakeReadCsvAutoFunction();

// The options and file patterns of a read_csv call. Throws Error (22023) for unknown
// options or values of the wrong kind.
struct ReadCsvArguments {
  std::vector<std::string> patterns;
  CsvOptions options;
};
ReadCsvArguments ParseReadCsvArguments(const TableFunctionArguments& args);

}  // namespace basin
