// src/function/kernel_executor.h
#pragma once

#include <cstdint>

#include "common/vector.h"

namespace basin {

// Loops that apply a per-row operation to flat or constant inputs, honouring NULLs.
// `op` sees only rows whose inputs are all valid; it may mark the row NULL by
// calling result.SetNull(row) (e.g. a function returning NULL for some inputs).
// The result's validity must be all-valid on entry except for rows already NULL.

template <class In, class Out, class Op>
void UnaryExecute(const Vector& input, Vector& result, uint32_t count, Op&& op) {
  const In* in = input.data<In>();
  Out* out = result.data<Out>();
  if (input.is_constant()) {
    if (!input.IsValid(0)) {
      for (uint32_t row = 0; row < count; ++row) result.SetNull(row);
      return;
    }
    const In value = in[0];
    for (uint32_t row = 0; row < count; ++row) out[row] = op(value, row);
    return;
  }
  if (input.validity().AllValid()) {
    for (uint32_t row = 0; row < count; ++row) out[row] = op(in[row], row);
    return;
  }
  for (uint32_t row = 0; row < count; ++row) {
    if (input.validity().IsValid(row)) {
      out[row] = op(in[row], row);
    } else {
      result.SetNull(row);
    }
  }
}

template <class Left, class Right, class Out, class Op>
void BinaryExecute(const Vector& left, const Vector& right, Vector& result, uint32_t count,
                   Op&& op) {
  const Left* a = left.data<Left>();
  const Right* b = right.data<Right>();
  Out* out = result.data<Out>();
  const bool left_constant = left.is_constant();
  const bool right_constant = right.is_constant();
  const bool all_valid = (left_constant ? left.IsValid(0) : left.validity().AllValid()) &&
                         (right_constant ? right.IsValid(0) : right.validity().AllValid());
  if ((left_constant && !left.IsValid(0)) || (right_constant && !right.IsValid(0))) {
    for (uint32_t row = 0; row < count; ++row) result.SetNull(row);
    return;
  }
  if (all_valid) {
    if (!left_constant && !right_constant) {
      for (uint32_t row = 0; row < count; ++row) out[row] = op(a[row], b[row], row);
    } else if (left_constant) {
      const Left value = a[0];
      for (uint32_t row = 0; row < count; ++row) out[row] = op(value, b[row], row);
    } else {
      const Right value = b[0];
      for (uint32_t row = 0; row < count; ++row) out[row] = op(a[row], value, row);
    }
    return;
  }
  for (uint32_t row = 0; row < count; ++row) {
    const uint32_t left_row = left_constant ? 0 : row;
    const uint32_t right_row = right_constant ? 0 : row;
    if (left.validity().IsValid(left_row) && right.validity().IsValid(right_row)) {
      out[row] = op(a[left_row], b[right_row], row);
    } else {
      result.SetNull(row);
    }
  }
}

// Index of `row` in a vector that may be constant.
inline uint32_t RowIndex(const Vector& vector, uint32_t row) {
  return vector.is_constant() ? 0 : row;
}

}  // namespace basin
