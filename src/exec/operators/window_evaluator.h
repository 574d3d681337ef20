// src/exec/operators/window_evaluator.h
#pragma once

#include <string_view>
#include <vector>

#include "common/batch.h"
#include "exec/hashing.h"
#include "exec/operators/window_spec.h"

namespace basin {

// The rows of one bucket of a WindowNode, sorted by (partition, order), with the
// partition and peer-group boundaries. Row p of the bucket is row p % kBatchSize of
// chunks[p / kBatchSize].
struct SortedRows {
  // Filled by the caller, in sorted order.
  std::vector<RowRef> refs;
  std::vector<std::string_view> partition_keys;
  std::vector<std::string_view> order_keys;

  // Filled by Gather.
  std::vector<Batch> chunks;  // the input columns, then one (unfilled) column per function
  uint32_t num_rows = 0;
  std::vector<uint32_t> partition_starts;  // plus num_rows at the end
  std::vector<uint32_t> group_starts;      // peer groups (rows with equal keys), plus num_rows
  std::vector<uint32_t> group_of;          // row -> its peer group

  // Copies the rows into `chunks` (shaped with `types`, whose first columns are
  // those of `batches`) and finds the boundaries. Frees refs and keys.
  void Gather(const std::vector<Batch>& batches, const std::vector<LogicalType>& types);

  const Vector& Column(uint32_t row, uint32_t column) const {
    return chunks[row / kBatchSize].columns[column];
  }
};

// Computes `function` for every row of `rows` into column `result_column` of the chunks.
void EvaluateWindowFunction(const WindowFunctionSpec& function, const WindowPartitionSpec& partition,
                            SortedRows& rows, uint32_t result_column);

}  // namespace basin
