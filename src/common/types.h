// src/common/types.h
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace basin {

// Rows per batch: big enough to amortize interpretation overhead, small enough
// that a batch of a few columns stays in L2.
inline constexpr uint32_t kBatchSize = 2048;

using int128_t = __int128;

// Logical SQL types. The comment gives each one's in-memory (physical) representation.
enum class TypeId : uint8_t {
  kNull,         // the type of an untyped NULL literal; no storage
  kBoolean,      // bool (one byte)
  kSmallInt,     // int16_t
  kInteger,      // int32_t
  kBigInt,       // int64_t
  kReal,         // float
  kDouble,       // double
  kDecimal,      // int64_t when precision <= 18, int128_t otherwise; value * 10^scale
  kVarchar,      // StringRef
  kDate,         // int32_t days since 1970-01-01
  kTime,         // int64_t microseconds since midnight
  kTimestamp,    // int64_t microseconds since 1970-01-01 00:00:00
  kTimestampTz,  // int64_t microseconds since 1970-01-01 00:00:00 UTC
  kInterval,     // Interval
  // Nested types. Their values live in child vectors (see Vector).
  kList,    // ListEntry per row; the elements are rows of the child vector
  kStruct,  // no data of its own; one child vector per field, row for row
  kMap,     // as kList, over a child STRUCT(key, value)
};

// Where one row's elements sit in a list vector's child: rows [offset, offset+length).
struct ListEntry {
  uint32_t offset = 0;
  uint32_t length = 0;
};

// Interval keeps months, days and microseconds apart, as PostgreSQL does: a month
// is not a fixed number of days, nor a day a fixed number of hours (DST).
struct Interval {
  int32_t months = 0;
  int32_t days = 0;
  int64_t micros = 0;
  bool operator==(const Interval&) const = default;
};

inline constexpr uint8_t kMaxDecimalPrecision = 38;
inline constexpr uint8_t kMaxInt64DecimalPrecision = 18;

struct NestedTypeInfo;

class LogicalType {
 public:
  LogicalType() = default;
  LogicalType(TypeId id) : id_(id) {}  // NOLINT: implicit by design
  static LogicalType Decimal(uint8_t precision, uint8_t scale) {
    LogicalType type(TypeId::kDecimal);
    type.precision_ = precision;
    type.scale_ = scale;
    return type;
  }
  static LogicalType List(LogicalType element);
  // Field names are kept as given (callers fold case where SQL wants it).
  static LogicalType Struct(std::vector<std::string> names, std::vector<LogicalType> types);
  static LogicalType Map(LogicalType key, LogicalType value);

  TypeId id() const { return id_; }
  uint8_t precision() const { return precision_; }
  uint8_t scale() const { return scale_; }

  bool IsNumeric() const;
  bool IsInteger() const;
  bool IsTemporal() const;
  bool IsNested() const { return id_ == TypeId::kList || id_ == TypeId::kStruct || id_ == TypeId::kMap; }
  // Decimal stored in int128_t (precision above 18).
  bool IsWideDecimal() const { return id_ == TypeId::kDecimal && precision_ > kMaxInt64DecimalPrecision; }
  // Bytes per value in a vector (0 for STRUCT, whose values live in its children).
  uint32_t PhysicalSize() const;
  // SQL spelling, as PostgreSQL prints it: "integer", "numeric(15,2)", "integer[]", ...
  std::string ToString() const;

  // LIST: the element type. MAP: STRUCT(key, value), the type of its child vector.
  const LogicalType& ChildType() const;
  // STRUCT: its fields. MAP: key and value.
  size_t FieldCount() const;
  const std::string& FieldName(size_t index) const;
  const LogicalType& FieldType(size_t index) const;
  // STRUCT: the index of the field called `name`, or -1.
  int FindField(std::string_view name) const;

  bool operator==(const LogicalType& other) const;
  bool operator!=(const LogicalType& other) const { return !(*this == other); }

 private:
  TypeId id_ = TypeId::kNull;
  uint8_t precision_ = 0;
  uint8_t scale_ = 0;
  // Children of nested types; immutable and shared between copies.
  std::shared_ptr<const NestedTypeInfo> nested_;
};

// Powers of ten up to 10^38, for decimal scaling.
int128_t PowerOfTen(int exponent);

}  // namespace basin
