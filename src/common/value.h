// src/common/value.h
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "common/types.h"

namespace basin {

class TimeZone;

// One SQL value of any type. For constants, parameters, tests and rendering results:
// row-at-a-time code paths only, never kernels.
class Value {
 public:
  Value() = default;  // NULL of unknown type
  static Value Null(LogicalType type = TypeId::kNull);
  static Value Boolean(bool value);
  static Value SmallInt(int16_t value);
  static Value Integer(int32_t value);
  static Value BigInt(int64_t value);
  static Value Real(float value);
  static Value Double(double value);
  // `unscaled` is the value times 10^scale.
  static Value Decimal(int128_t unscaled, LogicalType type);
  static Value Varchar(std::string value);
  static Value Date(int32_t days);
  static Value Time(int64_t micros);
  static Value Timestamp(int64_t micros);
  static Value TimestampTz(int64_t micros);
  static Value FromInterval(Interval value);
  // LIST: its elements. STRUCT: its fields in order. MAP: its entries as STRUCT(key, value)
  // values.
  static Value Nested(LogicalType type, std::vector<Value> children);

  const LogicalType& type() const { return type_; }
  bool is_null() const { return is_null_; }

  bool GetBoolean() const { return int_ != 0; }
  // Integers, dates, times and timestamps.
  int64_t GetInt64() const { return static_cast<int64_t>(int_); }
  double GetDouble() const { return double_; }
  int128_t GetDecimal() const { return int_; }
  const std::string& GetString() const { return string_; }
  Interval GetInterval() const { return interval_; }
  const std::vector<Value>& GetChildren() const { return children_; }

  // Converts with SQL cast semantics (errors on overflow or bad text). `zone` reads
  // and prints TIMESTAMPTZ; the forms without one use UTC (tests, non-temporal casts).
  Value CastTo(const LogicalType& target, const TimeZone& zone) const;
  Value CastTo(const LogicalType& target) const;
  // PostgreSQL's text output; "NULL" for NULL. TIMESTAMPTZ shows in `zone`.
  std::string ToString(const TimeZone& zone) const;
  std::string ToString() const;

  // Same type and same value (NULL equals NULL here): for tests and constant folding.
  bool operator==(const Value& other) const;

 private:
  LogicalType type_;
  bool is_null_ = true;
  int128_t int_ = 0;  // booleans, integers, decimals and temporal values
  double double_ = 0;
  Interval interval_;
  std::string string_;
  std::vector<Value> children_;
};

}  // namespace basin
