// src/common/batch.h
#pragma once

#include <vector>

#include "common/vector.h"

namespace basin {

// A horizontal slice of a relation: one vector per column, `size` rows each
// (at most kBatchSize). The unit of work that flows between operators.
struct Batch {
  std::vector<Vector> columns;
  uint32_t size = 0;

  Batch() = default;
  explicit Batch(const std::vector<LogicalType>& types, uint32_t capacity = kBatchSize) {
    Initialize(types, capacity);
  }
  void Initialize(const std::vector<LogicalType>& types, uint32_t capacity = kBatchSize) {
    columns.clear();
    columns.reserve(types.size());
    for (const auto& type : types) columns.emplace_back(type, capacity);
    size = 0;
  }
  // Makes every column writable and empty again.
  void Reset() {
    for (auto& column : columns) column.Reset();
    size = 0;
  }
  size_t num_columns() const { return columns.size(); }
  std::vector<LogicalType> Types() const {
    std::vector<LogicalType> types;
    for (const auto& column : columns) types.push_back(column.type());
    return types;
  }
};

}  // namespace basin
