// src/format/json/json_options.h
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "common/types.h"

namespace basin {

// How records are laid out in a file. kAuto looks at the first byte that is not white
// space: '[' means one top-level array, anything else one value per line.
enum class JsonFormat { kAuto, kNewlineDelimited, kArray };

// Whether each JSON value is a record whose keys are columns (kTrue), or a single
// column named `json` (kFalse). kAuto: records when the sampled values are objects.
enum class JsonRecords { kAuto, kTrue, kFalse };

// What the user asked for when reading JSON (read_json's named options).
struct JsonOptions {
  JsonFormat format = JsonFormat::kAuto;
  JsonRecords records = JsonRecords::kAuto;
  // Explicit schema (the columns option): no detection at all.
  std::vector<std::string> column_names;
  std::vector<LogicalType> column_types;
  // Records read from the start of each file for detection.
  uint64_t sample_size = 20480;
  // Deeper nesting is an error. Bounds the parser's stack and ours (the converters
  // recurse once per level), whatever the input.
  uint32_t maximum_depth = 1000;
  // Skip records that are malformed or do not fit the schema instead of failing.
  bool ignore_errors = false;
  // Adds a trailing VARCHAR column `filename` with each row's file.
  bool filename_column = false;
  // Starts every error message.
  std::string error_context = "read_json";
};

}  // namespace basin
