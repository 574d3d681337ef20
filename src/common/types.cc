#include "common/types.h"

#include "common/error.h"
#include "common/string_ref.h"

namespace basin {

struct NestedTypeInfo {
  std::vector<std::string> names;  // STRUCT field names; MAP: "key", "value"
  std::vector<LogicalType> types;  // LIST: the element; STRUCT: fields; MAP: key, value
  LogicalType map_entry;           // MAP only: STRUCT(key, value)
};

LogicalType LogicalType::List(LogicalType element) {
  LogicalType type(TypeId::kList);
  type.nested_ = std::make_shared<NestedTypeInfo>(NestedTypeInfo{{}, {std::move(element)}, {}});
  return type;
}

LogicalType LogicalType::Struct(std::vector<std::string> names, std::vector<LogicalType> types) {
  if (names.size() != types.size()) throw Error(sqlstate::kInternal, "struct names and types differ in count");
  LogicalType type(TypeId::kStruct);
  type.nested_ = std::make_shared<NestedTypeInfo>(NestedTypeInfo{std::move(names), std::move(types), {}});
  return type;
}

LogicalType LogicalType::Map(LogicalType key, LogicalType value) {
  LogicalType type(TypeId::kMap);
  std::vector<std::string> names = {"key", "value"};
  std::vector<LogicalType> types = {std::move(key), std::move(value)};
  LogicalType entry = Struct(names, types);
  type.nested_ = std::make_shared<NestedTypeInfo>(NestedTypeInfo{std::move(names), std::move(types), std::move(entry)});
  return type;
}

const LogicalType& LogicalType::ChildType() const {
  if (id_ == TypeId::kList) return nested_->types[0];
  if (id_ == TypeId::kMap) return nested_->map_entry;
  throw Error(sqlstate::kInternal, "ChildType of a type without one: " + ToString());
}

size_t LogicalType::FieldCount() const {
  return (id_ == TypeId::kStruct || id_ == TypeId::kMap) ? nested_->types.size() : 0;
}

const std::string& LogicalType::FieldName(size_t index) const { return nested_->names.at(index); }

const LogicalType& LogicalType::FieldType(size_t index) const { return nested_->types.at(index); }

int LogicalType::FindField(std::string_view name) const {
  if (id_ != TypeId::kStruct) return -1;
  for (size_t i = 0; i < nested_->names.size(); ++i) {
    if (nested_->names[i] == name) return static_cast<int>(i);
  }
  return -1;
}

bool LogicalType::operator==(const LogicalType& other) const {
  if (id_ != other.id_ || precision_ != other.precision_ || scale_ != other.scale_) return false;
  if (nested_ == other.nested_) return true;
  if (!nested_ || !other.nested_) return false;
  return nested_->names == other.nested_->names && nested_->types == other.nested_->types;
}

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
    case TypeId::kList:
    case TypeId::kMap:
      return sizeof(ListEntry);
    case TypeId::kStruct:
      return 0;
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
    case TypeId::kList:
      return ChildType().ToString() + "[]";
    case TypeId::kStruct: {
      std::string text = "struct(";
      for (size_t i = 0; i < FieldCount(); ++i) {
        if (i > 0) text += ", ";
        text += FieldName(i) + " " + FieldType(i).ToString();
      }
      return text + ")";
    }
    case TypeId::kMap:
      return "map(" + FieldType(0).ToString() + ", " + FieldType(1).ToString() + ")";
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
