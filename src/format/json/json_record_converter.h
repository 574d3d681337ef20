// src/format/json/json_record_converter.h
#pragma once

#include <simdjson.h>

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "common/batch.h"

namespace basin {

// A projection entry that stands for the file name instead of a file column.
inline constexpr uint32_t kJsonFilenameColumn = UINT32_MAX;

// The columns of a read_json scan. Shared, immutable.
struct JsonSchema {
  std::vector<std::string> names;
  std::vector<LogicalType> types;
  // true: each value is an object whose keys are the columns. false: each value is
  // the one column.
  bool records = true;
};

// Writes top-level JSON values as rows of a batch, each projected column from its
// key (keys the schema lacks are ignored, columns the record lacks are NULL). Not
// thread-safe: one per scan thread.
class JsonRecordConverter {
 public:
  // `projection`: the file column of each output column, or kJsonFilenameColumn
  // (left for the caller to fill).
  JsonRecordConverter(const JsonSchema& schema, const std::vector<uint32_t>& projection);

  // Writes `value` into row `row` of `out` (shaped per the projection). Throws Error
  // naming the key when a value does not fit its column; then the row's contents are
  // unspecified and it may be written again.
  void Write(simdjson::dom::element value, Batch& out, uint32_t row);

 private:
  const JsonSchema& schema_;
  std::vector<int32_t> output_of_column_;  // per file column: output index or -1
  std::unordered_map<std::string_view, uint32_t> column_of_key_;
  // Per output column: the generation (count of records written) that last set it,
  // to find the columns a record did not set.
  std::vector<uint64_t> written_;
  uint64_t generation_ = 0;
  std::vector<uint32_t> file_columns_;  // projected file columns, output order
};

}  // namespace basin
