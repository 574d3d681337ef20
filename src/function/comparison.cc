#include "function/comparison.h"

#include <cmath>

#include "common/error.h"
#include "common/string_ref.h"

namespace basin {

namespace {

// Three-way comparison per physical type. Floating point follows PostgreSQL: NaN
// equals NaN and sorts above every other value.
template <class T>
int CompareValues(const T& a, const T& b) {
  if constexpr (std::is_floating_point_v<T>) {
    const bool a_nan = std::isnan(a);
    const bool b_nan = std::isnan(b);
    if (a_nan || b_nan) return a_nan == b_nan ? 0 : (a_nan ? 1 : -1);
  }
  return a < b ? -1 : (b < a ? 1 : 0);
}
template <>
int CompareValues(const StringRef& a, const StringRef& b) {
  return a.Compare(b);
}
template <>
int CompareValues(const Interval& a, const Interval& b) {
  return CompareValues(IntervalSortKey(a), IntervalSortKey(b));
}

template <class T>
bool Holds(CompareOp op, int cmp) {
  switch (op) {
    case CompareOp::kEq:
    case CompareOp::kNotDistinctFrom:
      return cmp == 0;
    case CompareOp::kNotEq:
    case CompareOp::kDistinctFrom:
      return cmp != 0;
    case CompareOp::kLt:
      return cmp < 0;
    case CompareOp::kLtEq:
      return cmp <= 0;
    case CompareOp::kGt:
      return cmp > 0;
    case CompareOp::kGtEq:
      return cmp >= 0;
  }
  return false;
}

template <class T, CompareOp kOp>
void CompareLoop(const Vector& left, const Vector& right, uint32_t count, Vector& result) {
  const T* a = left.data<T>();
  const T* b = right.data<T>();
  bool* out = result.data<bool>();
  const uint32_t left_step = left.is_constant() ? 0 : 1;
  const uint32_t right_step = right.is_constant() ? 0 : 1;
  const bool no_nulls = left.validity().AllValid() && right.validity().AllValid();
  constexpr bool kDistinct = kOp == CompareOp::kDistinctFrom || kOp == CompareOp::kNotDistinctFrom;
  if (no_nulls) {
    for (uint32_t row = 0; row < count; ++row) {
      out[row] = Holds<T>(kOp, CompareValues(a[row * left_step], b[row * right_step]));
    }
    return;
  }
  for (uint32_t row = 0; row < count; ++row) {
    const bool a_valid = left.validity().IsValid(row * left_step);
    const bool b_valid = right.validity().IsValid(row * right_step);
    if (a_valid && b_valid) {
      out[row] = Holds<T>(kOp, CompareValues(a[row * left_step], b[row * right_step]));
    } else if (kDistinct) {
      const bool same = a_valid == b_valid;  // both NULL
      out[row] = kOp == CompareOp::kNotDistinctFrom ? same : !same;
    } else {
      out[row] = false;
      result.SetNull(row);
    }
  }
}

template <class T>
void CompareTyped(CompareOp op, const Vector& left, const Vector& right, uint32_t count,
                  Vector& result) {
  switch (op) {
    case CompareOp::kEq:
      return CompareLoop<T, CompareOp::kEq>(left, right, count, result);
    case CompareOp::kNotEq:
      return CompareLoop<T, CompareOp::kNotEq>(left, right, count, result);
    case CompareOp::kLt:
      return CompareLoop<T, CompareOp::kLt>(left, right, count, result);
    case CompareOp::kLtEq:
      return CompareLoop<T, CompareOp::kLtEq>(left, right, count, result);
    case CompareOp::kGt:
      return CompareLoop<T, CompareOp::kGt>(left, right, count, result);
    case CompareOp::kGtEq:
      return CompareLoop<T, CompareOp::kGtEq>(left, right, count, result);
    case CompareOp::kDistinctFrom:
      return CompareLoop<T, CompareOp::kDistinctFrom>(left, right, count, result);
    case CompareOp::kNotDistinctFrom:
      return CompareLoop<T, CompareOp::kNotDistinctFrom>(left, right, count, result);
  }
}

}  // namespace

void CompareVectors(CompareOp op, const Vector& left, const Vector& right, uint32_t count,
                    Vector& result) {
  switch (left.type().id()) {
    case TypeId::kNull:
    case TypeId::kBoolean:
      return CompareTyped<bool>(op, left, right, count, result);
    case TypeId::kSmallInt:
      return CompareTyped<int16_t>(op, left, right, count, result);
    case TypeId::kInteger:
    case TypeId::kDate:
      return CompareTyped<int32_t>(op, left, right, count, result);
    case TypeId::kBigInt:
    case TypeId::kTime:
    case TypeId::kTimestamp:
    case TypeId::kTimestampTz:
      return CompareTyped<int64_t>(op, left, right, count, result);
    case TypeId::kReal:
      return CompareTyped<float>(op, left, right, count, result);
    case TypeId::kDouble:
      return CompareTyped<double>(op, left, right, count, result);
    case TypeId::kDecimal:
      if (left.type().IsWideDecimal()) return CompareTyped<int128_t>(op, left, right, count, result);
      return CompareTyped<int64_t>(op, left, right, count, result);
    case TypeId::kVarchar:
      return CompareTyped<StringRef>(op, left, right, count, result);
    case TypeId::kInterval:
      return CompareTyped<Interval>(op, left, right, count, result);
  }
  throw Error(sqlstate::kInternal, "CompareVectors: unsupported type");
}

}  // namespace basin
