// src/function/comparison.h
#pragma once

#include <cstdint>

#include "common/datetime.h"  // IntervalSortKey: interval order
#include "common/types.h"
#include "common/vector.h"
#include "exec/expression.h"

namespace basin {

// result[row] = left[row] op right[row] for rows [0, count), with SQL NULL semantics
// (NULL unless op is IS [NOT] DISTINCT FROM). Both inputs have the same type.
void CompareVectors(CompareOp op, const Vector& left, const Vector& right, uint32_t count,
                    Vector& result);


}  // namespace basin
