#include "function/comparison.h"

#include <algorithm>
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

int CompareRows(const Vector& a, uint32_t i, const Vector& b, uint32_t j);

template <class T>
int CompareAt(const Vector& a, uint32_t i, const Vector& b, uint32_t j) {
  return CompareValues(a.data<T>()[i], b.data<T>()[j]);
}

// Three-way comparison of two valid nested values, as PostgreSQL compares arrays and
// records: element by element, a NULL element equal to another NULL and above any
// value, then the shorter array first.
int CompareNested(const Vector& a, uint32_t i, const Vector& b, uint32_t j) {
  auto compare_elements = [](const Vector& x, uint32_t xi, const Vector& y, uint32_t yj) {
    const bool x_valid = x.validity().IsValid(xi);
    const bool y_valid = y.validity().IsValid(yj);
    if (!x_valid || !y_valid) return x_valid == y_valid ? 0 : (x_valid ? -1 : 1);
    return CompareRows(x, xi, y, yj);
  };
  if (a.type().id() == TypeId::kStruct) {
    for (size_t f = 0; f < a.child_count(); ++f) {
      if (int cmp = compare_elements(a.child(f), i, b.child(f), j)) return cmp;
    }
    return 0;
  }
  const ListEntry x = a.data<ListEntry>()[i];
  const ListEntry y = b.data<ListEntry>()[j];
  for (uint32_t k = 0; k < std::min(x.length, y.length); ++k) {
    if (int cmp = compare_elements(a.child(), x.offset + k, b.child(), y.offset + k)) return cmp;
  }
  return x.length < y.length ? -1 : (x.length > y.length ? 1 : 0);
}

int CompareRows(const Vector& a, uint32_t i, const Vector& b, uint32_t j) {
  switch (a.type().id()) {
    case TypeId::kNull:
    case TypeId::kBoolean:
      return CompareAt<bool>(a, i, b, j);
    case TypeId::kSmallInt:
      return CompareAt<int16_t>(a, i, b, j);
    case TypeId::kInteger:
    case TypeId::kDate:
      return CompareAt<int32_t>(a, i, b, j);
    case TypeId::kBigInt:
    case TypeId::kTime:
    case TypeId::kTimestamp:
    case TypeId::kTimestampTz:
      return CompareAt<int64_t>(a, i, b, j);
    case TypeId::kReal:
      return CompareAt<float>(a, i, b, j);
    case TypeId::kDouble:
      return CompareAt<double>(a, i, b, j);
    case TypeId::kDecimal:
      return a.type().IsWideDecimal() ? CompareAt<int128_t>(a, i, b, j) : CompareAt<int64_t>(a, i, b, j);
    case TypeId::kVarchar:
      return CompareAt<StringRef>(a, i, b, j);
    case TypeId::kInterval:
      return CompareAt<Interval>(a, i, b, j);
    case TypeId::kList:
    case TypeId::kStruct:
    case TypeId::kMap:
      return CompareNested(a, i, b, j);
  }
  return 0;
}

void CompareNestedVectors(CompareOp op, const Vector& left, const Vector& right, uint32_t count,
                          Vector& result) {
  bool* out = result.data<bool>();
  const bool distinct = op == CompareOp::kDistinctFrom || op == CompareOp::kNotDistinctFrom;
  for (uint32_t row = 0; row < count; ++row) {
    const uint32_t i = left.is_constant() ? 0 : row;
    const uint32_t j = right.is_constant() ? 0 : row;
    const bool a_valid = left.validity().IsValid(i);
    const bool b_valid = right.validity().IsValid(j);
    if (a_valid && b_valid) {
      out[row] = Holds<void>(op, CompareNested(left, i, right, j));
    } else if (distinct) {
      const bool same = a_valid == b_valid;
      out[row] = op == CompareOp::kNotDistinctFrom ? same : !same;
    } else {
      out[row] = false;
      result.SetNull(row);
    }
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
    case TypeId::kList:
    case TypeId::kStruct:
    case TypeId::kMap:
      return CompareNestedVectors(op, left, right, count, result);
  }
  throw Error(sqlstate::kInternal, "CompareVectors: unsupported type");
}

}  // namespace basin
