#include "common/value.h"

#include "common/time_zone.h"
#include "common/vector.h"
#include "function/cast.h"

namespace basin {

Value Value::Null(LogicalType type) {
  Value value;
  value.type_ = type;
  return value;
}

Value Value::Boolean(bool b) {
  Value value = Null(TypeId::kBoolean);
  value.is_null_ = false;
  value.int_ = b ? 1 : 0;
  return value;
}

Value Value::SmallInt(int16_t v) {
  Value value = Null(TypeId::kSmallInt);
  value.is_null_ = false;
  value.int_ = v;
  return value;
}

Value Value::Integer(int32_t v) {
  Value value = Null(TypeId::kInteger);
  value.is_null_ = false;
  value.int_ = v;
  return value;
}

Value Value::BigInt(int64_t v) {
  Value value = Null(TypeId::kBigInt);
  value.is_null_ = false;
  value.int_ = v;
  return value;
}

Value Value::Date(int32_t v) {
  Value value = Null(TypeId::kDate);
  value.is_null_ = false;
  value.int_ = v;
  return value;
}

Value Value::Time(int64_t v) {
  Value value = Null(TypeId::kTime);
  value.is_null_ = false;
  value.int_ = v;
  return value;
}

Value Value::Timestamp(int64_t v) {
  Value value = Null(TypeId::kTimestamp);
  value.is_null_ = false;
  value.int_ = v;
  return value;
}

Value Value::TimestampTz(int64_t v) {
  Value value = Null(TypeId::kTimestampTz);
  value.is_null_ = false;
  value.int_ = v;
  return value;
}
Value Value::Real(float v) {
  Value value = Null(TypeId::kReal);
  value.is_null_ = false;
  value.double_ = v;
  return value;
}

Value Value::Double(double v) {
  Value value = Null(TypeId::kDouble);
  value.is_null_ = false;
  value.double_ = v;
  return value;
}

Value Value::Decimal(int128_t unscaled, LogicalType type) {
  Value value = Null(type);
  value.is_null_ = false;
  value.int_ = unscaled;
  return value;
}

Value Value::Varchar(std::string v) {
  Value value = Null(TypeId::kVarchar);
  value.is_null_ = false;
  value.string_ = std::move(v);
  return value;
}

Value Value::FromInterval(Interval v) {
  Value value = Null(TypeId::kInterval);
  value.is_null_ = false;
  value.interval_ = v;
  return value;
}

Value Value::Nested(LogicalType type, std::vector<Value> children) {
  Value value = Null(std::move(type));
  value.is_null_ = false;
  value.children_ = std::move(children);
  return value;
}

// Casting and rendering go through the vectorized cast, so that a value converts
// exactly as a column of such values would.
Value Value::CastTo(const LogicalType& target, const TimeZone& zone) const {
  if (type_ == target) return *this;
  if (is_null_) return Null(target);
  Vector source(type_, 1);
  source.SetValue(0, *this);
  Vector result(target, 1);
  CastVector(source, result, 1, CastMode::kStrict, zone);
  return result.GetValue(0);
}

Value Value::CastTo(const LogicalType& target) const { return CastTo(target, TimeZone::Utc()); }

std::string Value::ToString(const TimeZone& zone) const {
  if (is_null_) return "NULL";
  if (type_.id() == TypeId::kVarchar) return string_;
  return CastTo(TypeId::kVarchar, zone).string_;
}

std::string Value::ToString() const { return ToString(TimeZone::Utc()); }

bool Value::operator==(const Value& other) const {
  if (type_ != other.type_ || is_null_ != other.is_null_) return false;
  if (is_null_) return true;
  switch (type_.id()) {
    case TypeId::kReal:
    case TypeId::kDouble:
      return double_ == other.double_;
    case TypeId::kVarchar:
      return string_ == other.string_;
    case TypeId::kInterval:
      return interval_ == other.interval_;
    case TypeId::kList:
    case TypeId::kStruct:
    case TypeId::kMap:
      return children_ == other.children_;
    default:
      return int_ == other.int_;
  }
}

}  // namespace basin
