#include "format/json/json_value_formatter.h"

#include <charconv>
#include <cmath>

#include "format/csv/csv_field_parsers.h"
#include "function/cast.h"

namespace basin {

namespace {

bool WrittenAsText(const LogicalType& type) {
  switch (type.id()) {
    case TypeId::kDecimal:
    case TypeId::kDate:
    case TypeId::kTime:
    case TypeId::kTimestamp:
    case TypeId::kTimestampTz:
    case TypeId::kInterval:
      return true;
    default:
      return false;
  }
}

template <class T>
void AppendFloat(T value, std::string& out) {
  if (std::isnan(value)) {
    out += "\"NaN\"";
  } else if (std::isinf(value)) {
    out += value > 0 ? "\"Infinity\"" : "\"-Infinity\"";
  } else {
    char digits[64];
    const auto result = std::to_chars(digits, digits + sizeof(digits), value);
    out.append(digits, result.ptr);
  }
}

template <class T>
void AppendInteger(T value, std::string& out) {
  char digits[24];
  const auto result = std::to_chars(digits, digits + sizeof(digits), value);
  out.append(digits, result.ptr);
}

}  // namespace

void AppendJsonString(std::string_view text, std::string& out) {
  static constexpr char kHex[] = "0123456789abcdef";
  out.push_back('"');
  size_t i = 0;
  while (i < text.size()) {
    // Copy runs of bytes that need no escaping at once.
    size_t run = i;
    while (run < text.size()) {
      const auto c = static_cast<unsigned char>(text[run]);
      if (c < 0x20 || c == '"' || c == '\\' || c >= 0x80) break;
      ++run;
    }
    out.append(text.data() + i, run - i);
    i = run;
    if (i == text.size()) break;
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x80) {
      // A run of non-ASCII bytes: valid UTF-8 is copied, each invalid byte replaced.
      size_t end = i;
      while (end < text.size() && static_cast<unsigned char>(text[end]) >= 0x80) ++end;
      // A valid sequence has no ASCII bytes, so the run holds whole sequences.
      std::string_view bytes = text.substr(i, end - i);
      const size_t valid = FindInvalidUtf8(bytes.data(), bytes.size());
      out.append(bytes.data(), valid);
      i += valid;
      if (valid < bytes.size()) {
        out += "\xEF\xBF\xBD";  // U+FFFD
        ++i;
      }
      continue;
    }
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      default:
        out += "\\u00";
        out.push_back(kHex[c >> 4]);
        out.push_back(kHex[c & 15]);
    }
    ++i;
  }
  out.push_back('"');
}

JsonValueFormatter::JsonValueFormatter(const Vector& column, uint32_t count, const TimeZone& zone)
    : column_(column), source_(&column) {
  const LogicalType& type = column.type();
  if (WrittenAsText(type)) {
    text_ = Vector(TypeId::kVarchar, std::max(column.capacity(), count));
    CastVector(column, text_, count, CastMode::kStrict, zone);
    source_ = &text_;
  } else if (type.id() == TypeId::kStruct) {
    for (size_t i = 0; i < column.child_count(); ++i) {
      children_.push_back(std::make_unique<JsonValueFormatter>(column.child(i), count, zone));
    }
  } else if (type.id() == TypeId::kList) {
    children_.push_back(
        std::make_unique<JsonValueFormatter>(column.child(), column.list_size(), zone));
  } else if (type.id() == TypeId::kMap) {
    const Vector& entries = column.child();
    const Vector& keys = entries.child(0);
    // Keys are object keys, so always text.
    if (keys.type().id() == TypeId::kVarchar) {
      children_.push_back(std::make_unique<JsonValueFormatter>(keys, column.list_size(), zone));
    } else {
      text_ = Vector(TypeId::kVarchar, std::max(keys.capacity(), column.list_size()));
      CastVector(keys, text_, column.list_size(), CastMode::kStrict, zone);
      children_.push_back(std::make_unique<JsonValueFormatter>(text_, column.list_size(), zone));
    }
    children_.push_back(
        std::make_unique<JsonValueFormatter>(entries.child(1), column.list_size(), zone));
  }
}

void JsonValueFormatter::Append(uint32_t row, std::string& out) const {
  const uint32_t index = column_.is_constant() ? 0 : row;
  if (!column_.IsValid(row)) {
    out += "null";
    return;
  }
  const Vector& source = *source_;
  switch (source.type().id()) {
    case TypeId::kBoolean:
      out += source.data<bool>()[index] ? "true" : "false";
      return;
    case TypeId::kSmallInt:
      return AppendInteger(source.data<int16_t>()[index], out);
    case TypeId::kInteger:
      return AppendInteger(source.data<int32_t>()[index], out);
    case TypeId::kBigInt:
      return AppendInteger(source.data<int64_t>()[index], out);
    case TypeId::kReal:
      return AppendFloat(source.data<float>()[index], out);
    case TypeId::kDouble:
      return AppendFloat(source.data<double>()[index], out);
    case TypeId::kVarchar: {
      const uint32_t text_index = source.is_constant() ? 0 : row;
      const std::string_view text = source.data<StringRef>()[text_index].view();
      // DECIMAL's text is already a JSON number.
      if (column_.type().id() == TypeId::kDecimal) {
        out.append(text);
      } else {
        AppendJsonString(text, out);
      }
      return;
    }
    case TypeId::kStruct: {
      out.push_back('{');
      const LogicalType& type = column_.type();
      for (size_t i = 0; i < children_.size(); ++i) {
        if (i > 0) out.push_back(',');
        AppendJsonString(type.FieldName(i), out);
        out.push_back(':');
        children_[i]->Append(index, out);
      }
      out.push_back('}');
      return;
    }
    case TypeId::kList: {
      const ListEntry entry = source.data<ListEntry>()[index];
      out.push_back('[');
      for (uint32_t i = 0; i < entry.length; ++i) {
        if (i > 0) out.push_back(',');
        children_[0]->Append(entry.offset + i, out);
      }
      out.push_back(']');
      return;
    }
    case TypeId::kMap: {
      const ListEntry entry = source.data<ListEntry>()[index];
      out.push_back('{');
      for (uint32_t i = 0; i < entry.length; ++i) {
        if (i > 0) out.push_back(',');
        // A NULL key cannot be an object key; MAP keys are never NULL anyway.
        const size_t before = out.size();
        children_[0]->Append(entry.offset + i, out);
        if (out.compare(before, std::string::npos, "null") == 0) {
          out.resize(before);
          out += "\"\"";
        }
        out.push_back(':');
        children_[1]->Append(entry.offset + i, out);
      }
      out.push_back('}');
      return;
    }
    default:
      out += "null";
  }
}

}  // namespace basin
