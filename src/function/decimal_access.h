// src/function/decimal_access.h
#pragma once

#include "common/types.h"
#include "common/vector.h"

namespace basin {

// Decimals are int64_t up to precision 18 and int128_t above; kernels that mix
// widths read and write through these two helpers and compute in int128_t.
inline int128_t ReadDecimal(const Vector& vector, uint32_t row) {
  const uint32_t index = vector.is_constant() ? 0 : row;
  if (vector.type().IsWideDecimal()) return vector.data<int128_t>()[index];
  return vector.data<int64_t>()[index];
}

inline void WriteDecimal(Vector& vector, uint32_t row, int128_t value) {
  if (vector.type().IsWideDecimal()) {
    vector.data<int128_t>()[row] = value;
  } else {
    vector.data<int64_t>()[row] = static_cast<int64_t>(value);
  }
}

// Largest unscaled magnitude of a decimal of `precision` digits, plus one.
inline int128_t DecimalLimit(uint8_t precision) { return PowerOfTen(precision); }

}  // namespace basin
