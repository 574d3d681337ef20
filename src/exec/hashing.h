// src/exec/hashing.h
#pragma once

#include <cstdint>
#include <vector>

#include "common/batch.h"
#include "common/vector.h"

namespace basin {

// Hashes rows [0, count) of `column` into `hashes`; with `combine`, mixes them into
// the hashes already there (multi-column keys). NULLs hash to a fixed value. Values
// that compare equal hash equally (so -0.0 and 0.0, and equal intervals, agree).
void HashColumn(const Vector& column, uint32_t count, uint64_t* hashes, bool combine);

// Hash of the key columns `keys` of `batch`.
void HashKeys(const Batch& batch, const std::vector<uint32_t>& keys, std::vector<uint64_t>& hashes);

// Whether a[row_a] equals b[row_b]; both rows are valid and of the same type.
using RowEqualFunction = bool (*)(const Vector& a, uint32_t row_a, const Vector& b, uint32_t row_b);
RowEqualFunction GetRowEqualFunction(const LogicalType& type);

// Where a row lives in a list of batches.
struct RowRef {
  uint32_t batch;
  uint32_t row;
};

// Copies rows `refs[0..count)` of column `column` of `batches` into rows
// [offset, offset+count) of `out`. Strings are copied into `out`'s heap.
void GatherColumn(const std::vector<Batch>& batches, size_t column, const RowRef* refs,
                  uint32_t count, Vector& out, uint32_t offset = 0);

}  // namespace basin
