// Casts of LIST, STRUCT and MAP values: to and from text in PostgreSQL's array and
// composite forms ({1,2,NULL}, (1,"a b")), and element-wise between nested types.
#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>

#include "common/error.h"
#include "common/value.h"
#include "function/cast_internal.h"

namespace basin::cast_internal {

namespace {

bool IsSpace(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }

// array_out's rule: quote empty strings, "NULL" and anything with syntax characters.
bool ArrayElementNeedsQuotes(std::string_view text) {
  if (text.empty()) return true;
  if (text.size() == 4 && (text[0] | 0x20) == 'n' && (text[1] | 0x20) == 'u' && (text[2] | 0x20) == 'l' &&
      (text[3] | 0x20) == 'l') {
    return true;
  }
  for (char c : text) {
    if (c == '{' || c == '}' || c == ',' || c == '"' || c == '\\' || IsSpace(c)) return true;
  }
  return false;
}

// record_out's rule.
bool FieldNeedsQuotes(std::string_view text) {
  if (text.empty()) return true;
  for (char c : text) {
    if (c == '(' || c == ')' || c == ',' || c == '"' || c == '\\' || IsSpace(c)) return true;
  }
  return false;
}

void AppendArrayElement(std::string& out, std::string_view text, bool nested_list) {
  if (nested_list || !ArrayElementNeedsQuotes(text)) {
    out += text;
    return;
  }
  out += '"';
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  out += '"';
}

void AppendField(std::string& out, std::string_view text) {
  if (!FieldNeedsQuotes(text)) {
    out += text;
    return;
  }
  out += '"';
  for (char c : text) {
    if (c == '"' || c == '\\') out += c;
    out += c;
  }
  out += '"';
}

// The text of rows [0, rows) of a nested vector's child, cast as a column.
// Elements print with their type's output function, which for booleans is t/f
// (while a cast to text says true/false).
Vector ChildAsText(const Vector& child, uint32_t rows, const TimeZone& zone) {
  Vector text(TypeId::kVarchar, std::max(rows, 1u));
  if (child.type().id() == TypeId::kBoolean) {
    for (uint32_t row = 0; row < rows; ++row) {
      if (child.validity().IsValid(row)) {
        text.data<StringRef>()[row] = StringRef(child.data<bool>()[row] ? "t" : "f", 1);
      } else {
        text.SetNull(row);
      }
    }
    return text;
  }
  CastVector(child, text, rows, CastMode::kStrict, zone);
  return text;
}

std::string_view TextAt(const Vector& text, uint32_t row) {
  return text.data<StringRef>()[row].view();
}

// Parses PostgreSQL's array and composite literals into a tree of text values.
class NestedTextParser {
 public:
  NestedTextParser(std::string_view text, const TimeZone& zone) : text_(text), zone_(zone) {}

  Value Parse(const LogicalType& type) {
    Value value = ParseValue(type, /*top=*/true);
    SkipSpaces();
    if (pos_ != text_.size()) Fail("junk after closing right brace");
    return value;
  }

 private:
  Value ParseValue(const LogicalType& type, bool top) {
    SkipSpaces();
    if (type.id() == TypeId::kList || type.id() == TypeId::kMap) return ParseList(type);
    if (type.id() == TypeId::kStruct) return ParseRecord(type);
    if (top) Fail("unexpected scalar");
    return Value();
  }

  Value ParseList(const LogicalType& type) {
    if (!Accept('{')) Fail("Array value must start with \"{\" or dimension information.");
    std::vector<Value> elements;
    SkipSpaces();
    if (Accept('}')) return Value::Nested(type, {});
    const LogicalType& element_type = type.ChildType();
    while (true) {
      SkipSpaces();
      if (type.id() == TypeId::kMap) {
        Fail("map values cannot be read from text");
      } else if (element_type.id() == TypeId::kList || element_type.id() == TypeId::kMap) {
        if (pos_ < text_.size() && text_[pos_] == '{') {
          elements.push_back(ParseList(element_type));
        } else {
          ExpectNullElement();
          elements.push_back(Value::Null(element_type));
        }
      } else {
        bool quoted = false;
        std::string item = ParseItem("{},", quoted);
        if (!quoted && EqualsNull(item)) {
          elements.push_back(Value::Null(element_type));
        } else {
          elements.push_back(Value::Varchar(std::move(item)).CastTo(element_type, zone_));
        }
      }
      SkipSpaces();
      if (Accept('}')) break;
      if (!Accept(',')) Fail("Unexpected array element.");
    }
    return Value::Nested(type, std::move(elements));
  }

  Value ParseRecord(const LogicalType& type) {
    if (!Accept('(')) Fail("Missing left parenthesis.");
    std::vector<Value> fields;
    for (size_t i = 0; i < type.FieldCount(); ++i) {
      if (i > 0 && !Accept(',')) Fail("Too few columns.");
      const LogicalType& field_type = type.FieldType(i);
      bool quoted = false;
      std::string item = ParseItem("(),", quoted);
      if (!quoted && item.empty()) {
        fields.push_back(Value::Null(field_type));
      } else {
        fields.push_back(Value::Varchar(std::move(item)).CastTo(field_type, zone_));
      }
    }
    if (!Accept(')')) Fail("Too many columns.");
    return Value::Nested(type, std::move(fields));
  }

  // One element: quoted (backslash escapes; "" inside record fields) or bare
  // (surrounding spaces dropped), up to a character of `stops`.
  std::string ParseItem(std::string_view stops, bool& quoted) {
    std::string item;
    size_t last_kept = 0;  // length of `item` up to its last quoted or non-space char
    while (pos_ < text_.size()) {
      const char c = text_[pos_];
      if (c == '"') {
        quoted = true;
        ++pos_;
        while (true) {
          if (pos_ >= text_.size()) Fail("Unexpected end of input.");
          const char q = text_[pos_++];
          if (q == '\\') {
            if (pos_ >= text_.size()) Fail("Unexpected end of input.");
            item += text_[pos_++];
          } else if (q == '"') {
            if (pos_ < text_.size() && text_[pos_] == '"' && stops[0] == '(') {
              item += '"';
              ++pos_;
            } else {
              break;
            }
          } else {
            item += q;
          }
        }
        last_kept = item.size();
        continue;
      }
      if (stops.find(c) != std::string_view::npos) break;
      if (c == '\\') {
        if (++pos_ >= text_.size()) Fail("Unexpected end of input.");
        item += text_[pos_++];
        last_kept = item.size();
        continue;
      }
      ++pos_;
      if (IsSpace(c) && (item.empty() && stops[0] == '{')) continue;  // leading spaces
      item += c;
      if (!IsSpace(c) || stops[0] == '(') last_kept = item.size();
    }
    if (pos_ >= text_.size()) Fail("Unexpected end of input.");
    item.resize(last_kept);
    return item;
  }

  void ExpectNullElement() {
    bool quoted = false;
    std::string item = ParseItem("{},", quoted);
    if (quoted || !EqualsNull(item)) Fail("Unexpected array element.");
  }

  static bool EqualsNull(std::string_view item) {
    return item.size() == 4 && (item[0] | 0x20) == 'n' && (item[1] | 0x20) == 'u' && (item[2] | 0x20) == 'l' &&
           (item[3] | 0x20) == 'l';
  }

  void SkipSpaces() {
    while (pos_ < text_.size() && IsSpace(text_[pos_])) ++pos_;
  }
  bool Accept(char c) {
    if (pos_ < text_.size() && text_[pos_] == c) {
      ++pos_;
      return true;
    }
    return false;
  }
  [[noreturn]] void Fail(const std::string& detail) const {
    const char* kind = text_.starts_with("(") ? "malformed record literal" : "malformed array literal";
    throw Error(sqlstate::kInvalidTextRepresentation,
                std::string(kind) + ": \"" + std::string(text_) + "\" (" + detail + ")");
  }

  std::string_view text_;
  const TimeZone& zone_;  // reads timestamptz elements
  size_t pos_ = 0;
};

}  // namespace

void CastNestedToText(const Vector& source, Vector& result, uint32_t rows, const TimeZone& zone) {
  const LogicalType& type = source.type();
  StringRef* out = result.data<StringRef>();
  std::string text;
  if (type.id() == TypeId::kStruct) {
    std::vector<Vector> fields;
    for (size_t f = 0; f < source.child_count(); ++f) fields.push_back(ChildAsText(source.child(f), rows, zone));
    for (uint32_t row = 0; row < rows; ++row) {
      if (!source.validity().IsValid(row)) {
        result.SetNull(row);
        continue;
      }
      text = "(";
      for (size_t f = 0; f < fields.size(); ++f) {
        if (f > 0) text += ',';
        if (fields[f].validity().IsValid(row)) AppendField(text, TextAt(fields[f], row));
      }
      text += ')';
      out[row] = result.AddString(text);
    }
    return;
  }
  const Vector& elements = source.child();
  const Vector element_text = ChildAsText(elements, source.list_size(), zone);
  const bool nested_list = elements.type().id() == TypeId::kList;
  const ListEntry* entries = source.data<ListEntry>();
  for (uint32_t row = 0; row < rows; ++row) {
    if (!source.validity().IsValid(row)) {
      result.SetNull(row);
      continue;
    }
    text = "{";
    for (uint32_t i = 0; i < entries[row].length; ++i) {
      const uint32_t element = entries[row].offset + i;
      if (i > 0) text += type.id() == TypeId::kMap ? ", " : ",";
      if (type.id() == TypeId::kMap) {
        // DuckDB's map text: {key=value, ...}.
        const Vector& keys = elements.child(0);
        const Vector& values = elements.child(1);
        text += keys.GetValue(element).ToString(zone);
        text += '=';
        text += values.GetValue(element).ToString(zone);
      } else if (!element_text.validity().IsValid(element)) {
        text += "NULL";
      } else {
        AppendArrayElement(text, TextAt(element_text, element), nested_list);
      }
    }
    text += '}';
    out[row] = result.AddString(text);
  }
}

void CastTextToNested(const Vector& source, Vector& result, uint32_t rows, CastMode mode,
                      const TimeZone& zone) {
  const StringRef* in = source.data<StringRef>();
  for (uint32_t row = 0; row < rows; ++row) {
    if (!source.validity().IsValid(row)) {
      result.SetValue(row, Value::Null(result.type()));
      continue;
    }
    try {
      result.SetValue(row, NestedTextParser(in[row].view(), zone).Parse(result.type()));
    } catch (const Error&) {
      if (mode == CastMode::kStrict) throw;
      result.SetValue(row, Value::Null(result.type()));
    }
  }
}

void CastNestedToNested(const Vector& source, Vector& result, uint32_t rows, CastMode mode,
                        const TimeZone& zone) {
  if (source.type().id() == TypeId::kStruct) {
    for (size_t f = 0; f < source.child_count(); ++f) CastVector(source.child(f), result.child(f), rows, mode, zone);
  } else {
    const uint32_t elements = source.list_size();
    result.AppendListElements(elements);
    CastVector(source.child(), result.child(), elements, mode, zone);
    std::copy_n(source.data<ListEntry>(), rows, result.data<ListEntry>());
  }
  for (uint32_t row = 0; row < rows; ++row) {
    if (!source.validity().IsValid(row)) result.SetNull(row);
  }
}

}  // namespace basin::cast_internal
