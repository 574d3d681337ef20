#include "common/types.h"

#include "common/error.h"
#include "common/string_ref.h"

namespace basin {

bool LogicalType::IsNumeric() const {
  switch (id_) {
    case TypeId::kSmallInt:
    case TypeId::kInteger:
    case TypeId::kBigInt:
    case TypeId::kReal:
    case TypeId::kDouble:
    case TypeId::kDecimal:
      return true;
    default:
      return false;
  }
}

bool LogicalType::IsInteger() const {
  return id_ == TypeId::kSmallInt || id_ == TypeId::kInteger || id_ == TypeId::kBigInt;
}

bool LogicalType::IsTemporal() const {
  return id_ == TypeId::kDate || id_ == TypeId::kTime || id_ == TypeId::kTimestamp ||
         id_ == TypeId::kTimestampTz || id_ == TypeId::kInterval;
}

uint32_t LogicalType::PhysicalSize() const {
  switch (id_) {
    case TypeId::kNull:
    case TypeId::kBoolean:
      return 1;
    case TypeId::kSmallInt:
      return 2;
    case TypeId::kInteger:
    case TypeId::kDate:
    case TypeId::kReal:
      return 4;
    case TypeId::kBigInt:
    case TypeId::kDouble:
    case TypeId::kTime:
    case TypeId::kTimestamp:
    case TypeId::kTimestampTz:
      return 8;
    case TypeId::kDecimal:
      return IsWideDecimal() ? 16 : 8;
    case TypeId::kVarchar:
      return sizeof(StringRef);
    case TypeId::kInterval:
      return sizeof(Interval);
  }
  throw Error(sqlstate::kInternal, "unknown type id");
}

std::string LogicalType::ToString() const {
  switch (id_) {
    case TypeId::kNull:
      return "unknown";
    case TypeId::kBoolean:
      return "boolean";
    case TypeId::kSmallInt:
      return "smallint";
    case TypeId::kInteger:
      return "integer";
    case TypeId::kBigInt:
      return "bigint";
    case TypeId::kReal:
      return "real";
    case TypeId::kDouble:
      return "double precision";
    case TypeId::kDecimal:
      return "numeric(" + std::to_string(precision_) + "," + std::to_string(scale_) + ")";
    case TypeId::kVarchar:
      return "varchar";
    case TypeId::kDate:
      return "date";
    case TypeId::kTime:
      return "time";
    case TypeId::kTimestamp:
      return "timestamp";
    case TypeId::kTimestampTz:
      return "timestamptz";
    case TypeId::kInterval:
      return "interval";
  }
  return "?";
}

int128_t PowerOfTen(int exponent) {
  static const auto kTable = [] {
    struct Table {
      int128_t values[39];
    } table{};
    table.values[0] = 1;
    for (int i = 1; i < 39; ++i) table.values[i] = table.values[i - 1] * 10;
    return table;
  }();
  if (exponent < 0 || exponent > 38) throw Error(sqlstate::kInternal, "PowerOfTen out of range");
  return kTable.values[exponent];
}

}  // namespace basin
