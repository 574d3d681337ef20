// src/format/parquet/column_statistics.h
// Min/max bounds of a leaf's values for column chunk Statistics and the ColumnIndex,
// in the order the format defines for the column's type: signed for INT32/INT64 and
// for DECIMAL in FIXED_LEN_BYTE_ARRAY, unsigned byte-wise for strings, false < true,
// and IEEE order for floats with NaN left out (so a NaN never widens the bounds) and
// zeros written as -0.0 (min) and +0.0 (max), as the format asks.
#pragma once

#include <cstddef>
#include <string>

#include "format/parquet/column_shredder.h"
#include "format/parquet/write_schema.h"

namespace basin::parquet {

// Strings longer than this are truncated in bounds: the min to a prefix, the max to a
// prefix whose last byte is incremented, and both marked inexact. Readers still get
// valid bounds, and footers stay small.
inline constexpr size_t kMaxBoundBytes = 64;

struct ValueBounds {
  bool present = false;  // false when no value counted (all NULL, all NaN, no order)
  std::string min;       // PLAIN encoding of the value (strings without length)
  std::string max;
  bool min_exact = true;
  bool max_exact = true;
};

// Bounds of the non-NULL values [begin, end) of `values`.
ValueBounds ComputeBounds(const WriteLeaf& leaf, const LeafValues& values, size_t begin,
                          size_t end);

// Widens `into` to cover `other`.
void MergeBounds(const WriteLeaf& leaf, const ValueBounds& other, ValueBounds& into);

// <0, 0, >0 as encoded bound `a` sorts before, with or after `b`.
int CompareBounds(const WriteLeaf& leaf, const std::string& a, const std::string& b);

}  // namespace basin::parquet
