// src/function/comparison.h
#pragma once

#include <cstdint>

#include "common/types.h"
#include "common/vector.h"
#include "exec/expression.h"

namespace basin {

// result[row] = left[row] op right[row] for rows [0, count), with SQL NULL semantics
// (NULL unless op is IS [NOT] DISTINCT FROM). Both inputs have the same type.
void CompareVectors(CompareOp op, const Vector& left, const Vector& right, uint32_t count,
                    Vector& result);

// Interval ordering as PostgreSQL defines it: 1 month = 30 days, 1 day = 24 hours.
inline int128_t IntervalSortKey(const Interval& value) {
  return (int128_t{value.months} * 30 + value.days) * int128_t{86'400'000'000} + value.micros;
}

}  // namespace basin
