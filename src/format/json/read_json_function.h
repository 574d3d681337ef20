// src/format/json/read_json_function.h
#pragma once

#include <string>
#include <vector>

#include "format/json/json_options.h"
#include "function/table_function.h"

namespace basin {

// read_json(path | [path, ...] [, option => value ...]): JSON files as a table. Paths
// may be glob patterns (as read_csv's). Named options, case-insensitive:
//   format          'auto' (default), 'newline_delimited' (also 'nd'), 'array'
//   records         'auto' (default), true, false (one column `json` per value)
//   columns         'a INTEGER, b VARCHAR[], c STRUCT(x DOUBLE)': no detection
//   sample_size     values per file used for detection (-1: 20480)
//   maximum_depth   deeper nesting is an error (default 1000, at most 2000)
//   ignore_errors   skip malformed values and values that do not fit
//   filename        adds a VARCHAR column `filename`
// Files are unified by key name: the columns are the keys of all files in first-seen
// order, a key a file lacks is NULL there. read_ndjson is read_json with format
// 'newline_delimited'; read_json_auto is read_json.
TableFunction MakeReadJsonFunction();
TableFunction MakeReadNdjsonFunction();
TableFunction MakeReadJsonAutoFunction();

// The options and file patterns of a read_json call. Throws Error (22023) for unknown
// options or values of the wrong kind.
struct ReadJsonArguments {
  std::vector<std::string> patterns;
  JsonOptions options;
};
ReadJsonArguments ParseReadJsonArguments(const TableFunctionArguments& args);

// A type as the columns option spells it: PostgreSQL's scalar names (as read_csv
// takes them), `type[]` for a LIST, STRUCT(name type, ...) and MAP(key, value).
// Throws Error (42704) for an unknown type.
LogicalType ParseJsonTypeName(std::string_view text);

}  // namespace basin
