#include "format/json/json_value_writer.h"

#include <limits>
#include <string>

#include "common/error.h"
#include "common/value.h"
#include "format/csv/csv_field_parsers.h"

namespace basin {

namespace {

using simdjson::dom::element;
using simdjson::dom::element_type;

[[noreturn]] void ThrowMismatch(const char* expected, const LogicalType& type, element value) {
  throw Error(sqlstate::kInvalidTextRepresentation, std::string("expected ") + expected + " for " +
                                                        type.ToString() + ", found " +
                                                        DescribeJsonValue(value));
}

// A JSON scalar as a Basin value, for the engine's cast to finish the job.
Value ScalarValue(element value) {
  switch (value.type()) {
    case element_type::BOOL:
      return Value::Boolean(value.get_bool().value());
    case element_type::INT64:
      return Value::BigInt(value.get_int64().value());
    case element_type::UINT64:
      return Value::Double(static_cast<double>(value.get_uint64().value()));
    case element_type::DOUBLE:
      return Value::Double(value.get_double().value());
    case element_type::STRING:
      return Value::Varchar(std::string(value.get_string().value()));
    default:
      return Value::Null();
  }
}

// The slow path for scalars: whatever the engine's cast makes of the value.
void WriteByCast(element value, Vector& out, uint32_t row) {
  if (value.type() == element_type::OBJECT || value.type() == element_type::ARRAY) {
    ThrowMismatch("a scalar", out.type(), value);
  }
  out.SetValue(row, ScalarValue(value).CastTo(out.type()));
}

void WriteVarchar(element value, Vector& out, uint32_t row) {
  if (value.type() == element_type::STRING) {
    out.data<StringRef>()[row] = out.AddString(value.get_string().value());
  } else {
    out.data<StringRef>()[row] = out.AddString(simdjson::minify(value));
  }
}

template <class T>
void WriteInteger(element value, Vector& out, uint32_t row) {
  if (value.type() == element_type::INT64) {
    const int64_t number = value.get_int64().value();
    if (number >= std::numeric_limits<T>::min() && number <= std::numeric_limits<T>::max()) {
      out.data<T>()[row] = static_cast<T>(number);
      return;
    }
  }
  WriteByCast(value, out, row);
}

template <class T>
void WriteFloat(element value, Vector& out, uint32_t row) {
  switch (value.type()) {
    case element_type::INT64:
      out.data<T>()[row] = static_cast<T>(value.get_int64().value());
      return;
    case element_type::UINT64:
      out.data<T>()[row] = static_cast<T>(value.get_uint64().value());
      return;
    case element_type::DOUBLE:
      out.data<T>()[row] = static_cast<T>(value.get_double().value());
      return;
    default:
      WriteByCast(value, out, row);
  }
}

void WriteList(element value, Vector& out, uint32_t row) {
  if (value.type() != element_type::ARRAY) ThrowMismatch("a JSON array", out.type(), value);
  const simdjson::dom::array array = value.get_array().value_unsafe();
  const uint32_t count = static_cast<uint32_t>(array.size());
  const uint32_t first = out.AppendListElements(count);
  out.data<ListEntry>()[row] = ListEntry{first, count};
  Vector& elements = out.child();
  uint32_t index = first;
  for (const element item : array) WriteJsonValue(item, elements, index++);
}

// A set of field indexes: a word for the usual small STRUCT, so that writing one
// value allocates nothing.
class FieldSet {
 public:
  explicit FieldSet(size_t size) {
    if (size > 64) more_.assign(size, false);
  }
  void Add(size_t index) {
    if (more_.empty()) {
      bits_ |= uint64_t{1} << index;
    } else {
      more_[index] = true;
    }
  }
  bool Contains(size_t index) const { return more_.empty() ? (bits_ >> index) & 1 : more_[index]; }

 private:
  uint64_t bits_ = 0;
  std::vector<bool> more_;
};

void WriteStruct(element value, Vector& out, uint32_t row) {
  if (value.type() != element_type::OBJECT) ThrowMismatch("a JSON object", out.type(), value);
  const LogicalType& type = out.type();
  const size_t num_fields = type.FieldCount();
  // Which fields the object set; the rest become NULL. Objects usually list their
  // keys in the STRUCT's order, so the next field is tried before a search.
  FieldSet seen(num_fields);
  size_t next = 0;
  const simdjson::dom::object object = value.get_object().value_unsafe();
  for (const simdjson::dom::key_value_pair field : object) {
    size_t index = next;
    if (index >= num_fields || type.FieldName(index) != field.key) {
      const int found = type.FindField(field.key);
      if (found < 0) continue;
      index = static_cast<size_t>(found);
    }
    WriteJsonValue(field.value, out.child(index), row);
    seen.Add(index);
    next = index + 1;
  }
  for (size_t i = 0; i < num_fields; ++i) {
    if (!seen.Contains(i)) WriteJsonNull(out.child(i), row);
  }
}

void WriteMap(element value, Vector& out, uint32_t row) {
  if (value.type() != element_type::OBJECT) ThrowMismatch("a JSON object", out.type(), value);
  const simdjson::dom::object object = value.get_object().value_unsafe();
  const uint32_t count = static_cast<uint32_t>(object.size());
  const uint32_t first = out.AppendListElements(count);
  out.data<ListEntry>()[row] = ListEntry{first, count};
  Vector& entries = out.child();
  Vector& keys = entries.child(0);
  Vector& values = entries.child(1);
  uint32_t index = first;
  for (const simdjson::dom::key_value_pair field : object) {
    entries.validity().SetValid(index);
    if (keys.type().id() == TypeId::kVarchar) {
      keys.validity().SetValid(index);
      keys.data<StringRef>()[index] = keys.AddString(field.key);
    } else {
      keys.SetValue(index, Value::Varchar(std::string(field.key)).CastTo(keys.type()));
    }
    WriteJsonValue(field.value, values, index);
    ++index;
  }
}

void WriteDate(element value, Vector& out, uint32_t row) {
  if (value.type() == element_type::STRING) {
    const std::string_view text = value.get_string().value();
    if (ParseCsvIsoDate(text.data(), text.size(), out.data<int32_t>()[row])) return;
  }
  WriteByCast(value, out, row);
}

void WriteTimestamp(element value, Vector& out, uint32_t row) {
  if (value.type() == element_type::STRING) {
    const std::string_view text = value.get_string().value();
    if (ParseCsvIsoTimestamp(text.data(), text.size(), out.data<int64_t>()[row])) return;
  }
  WriteByCast(value, out, row);
}

}  // namespace

const char* DescribeJsonValue(element value) {
  switch (value.type()) {
    case element_type::ARRAY:
      return "an array";
    case element_type::OBJECT:
      return "an object";
    case element_type::INT64:
    case element_type::UINT64:
    case element_type::DOUBLE:
      return "a number";
    case element_type::STRING:
      return "a string";
    case element_type::BOOL:
      return "a boolean";
    case element_type::NULL_VALUE:
      return "null";
  }
  return "a value";
}

void WriteJsonNull(Vector& out, uint32_t row) {
  out.SetNull(row);
  if (out.type().id() == TypeId::kList || out.type().id() == TypeId::kMap) {
    out.data<ListEntry>()[row] = ListEntry{};
  }
}

void WriteJsonValue(element value, Vector& out, uint32_t row) {
  if (value.type() == element_type::NULL_VALUE) return WriteJsonNull(out, row);
  out.validity().SetValid(row);
  switch (out.type().id()) {
    case TypeId::kBoolean:
      if (value.type() == element_type::BOOL) {
        out.data<bool>()[row] = value.get_bool().value();
      } else {
        WriteByCast(value, out, row);
      }
      return;
    case TypeId::kSmallInt:
      return WriteInteger<int16_t>(value, out, row);
    case TypeId::kInteger:
      return WriteInteger<int32_t>(value, out, row);
    case TypeId::kBigInt:
      return WriteInteger<int64_t>(value, out, row);
    case TypeId::kReal:
      return WriteFloat<float>(value, out, row);
    case TypeId::kDouble:
      return WriteFloat<double>(value, out, row);
    case TypeId::kVarchar:
      return WriteVarchar(value, out, row);
    case TypeId::kDate:
      return WriteDate(value, out, row);
    case TypeId::kTimestamp:
      return WriteTimestamp(value, out, row);
    case TypeId::kList:
      return WriteList(value, out, row);
    case TypeId::kStruct:
      return WriteStruct(value, out, row);
    case TypeId::kMap:
      return WriteMap(value, out, row);
    default:
      return WriteByCast(value, out, row);
  }
}

}  // namespace basin
