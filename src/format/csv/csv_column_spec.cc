#include "format/csv/csv_column_spec.h"

#include <cctype>

#include "common/error.h"

namespace basin {

namespace {

std::string_view Trim(std::string_view text) {
  const size_t first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t\r\n") + 1 - first);
}

std::string Lower(std::string_view text) {
  std::string lower(text);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lower;
}

[[noreturn]] void ThrowUnknownType(std::string_view text) {
  throw Error(sqlstate::kUndefinedObject, "type \"" + std::string(text) + "\" does not exist");
}

// Reads "(a[,b])" after a type name; false when there is none.
bool ReadModifiers(std::string_view text, std::string_view original, int& first, int& second) {
  text = Trim(text);
  if (text.empty()) return false;
  if (text.front() != '(' || text.back() != ')') ThrowUnknownType(original);
  const std::string_view inside = text.substr(1, text.size() - 2);
  const size_t comma = inside.find(',');
  auto number = [&](std::string_view digits) {
    digits = Trim(digits);
    if (digits.empty() || digits.size() > 4) ThrowUnknownType(original);
    int value = 0;
    for (char c : digits) {
      if (!std::isdigit(static_cast<unsigned char>(c))) ThrowUnknownType(original);
      value = value * 10 + (c - '0');
    }
    return value;
  };
  first = number(inside.substr(0, comma));
  second = comma == std::string_view::npos ? -1 : number(inside.substr(comma + 1));
  return true;
}

}  // namespace

LogicalType ParseCsvTypeName(std::string_view text) {
  const std::string_view original = Trim(text);
  const size_t paren = original.find('(');
  // Collapse runs of spaces so "double   precision" matches.
  std::string name;
  for (char c : Lower(Trim(original.substr(0, paren)))) {
    if (c == ' ' && !name.empty() && name.back() == ' ') continue;
    name.push_back(c);
  }
  int first = -1, second = -1;
  const bool has_modifiers = paren != std::string_view::npos &&
                             ReadModifiers(original.substr(paren), original, first, second);
  if (name == "numeric" || name == "decimal") {
    if (!has_modifiers) return LogicalType::Decimal(18, 3);  // DuckDB's default width
    const int scale = second < 0 ? 0 : second;
    if (first < 1 || first > kMaxDecimalPrecision || scale > first) {
      throw Error(sqlstate::kInvalidParameterValue,
                  "NUMERIC precision " + std::to_string(first) + " must be between 1 and 38");
    }
    return LogicalType::Decimal(static_cast<uint8_t>(first), static_cast<uint8_t>(scale));
  }
  if (name == "varchar" || name == "text" || name == "string" || name == "char" ||
      name == "character varying" || name == "character" || name == "bpchar") {
    return TypeId::kVarchar;  // a length limit is not enforced
  }
  if (has_modifiers) ThrowUnknownType(original);
  if (name == "integer" || name == "int" || name == "int4") return TypeId::kInteger;
  if (name == "bigint" || name == "int8") return TypeId::kBigInt;
  if (name == "smallint" || name == "int2") return TypeId::kSmallInt;
  if (name == "real" || name == "float4") return TypeId::kReal;
  if (name == "double precision" || name == "double" || name == "float8" || name == "float") {
    return TypeId::kDouble;
  }
  if (name == "boolean" || name == "bool") return TypeId::kBoolean;
  if (name == "date") return TypeId::kDate;
  if (name == "time" || name == "time without time zone") return TypeId::kTime;
  if (name == "timestamp" || name == "timestamp without time zone" || name == "datetime") {
    return TypeId::kTimestamp;
  }
  if (name == "timestamptz" || name == "timestamp with time zone") return TypeId::kTimestampTz;
  if (name == "interval") return TypeId::kInterval;
  ThrowUnknownType(original);
}

void ParseCsvColumnSpec(std::string_view text, std::vector<std::string>& names,
                        std::vector<LogicalType>& types) {
  names.clear();
  types.clear();
  auto malformed = [&](const std::string& why) {
    throw Error(sqlstate::kInvalidParameterValue,
                "read_csv: invalid columns \"" + std::string(text) + "\": " + why);
  };
  size_t pos = 0;
  while (pos < text.size()) {
    // One "name type" entry, up to a comma outside parentheses and quotes.
    size_t end = pos;
    int depth = 0;
    bool quoted = false;
    for (; end < text.size(); ++end) {
      const char c = text[end];
      if (c == '"') quoted = !quoted;
      if (quoted) continue;
      if (c == '(') ++depth;
      if (c == ')') --depth;
      if (c == ',' && depth == 0) break;
    }
    const std::string_view entry = Trim(text.substr(pos, end - pos));
    pos = end + 1;
    if (entry.empty()) malformed("empty column entry");
    std::string name;
    size_t type_start = 0;
    if (entry[0] == '"') {
      size_t i = 1;
      for (; i < entry.size(); ++i) {
        if (entry[i] == '"') {
          if (i + 1 < entry.size() && entry[i + 1] == '"') {
            name.push_back('"');
            ++i;
            continue;
          }
          break;
        }
        name.push_back(entry[i]);
      }
      if (i >= entry.size()) malformed("unterminated quoted name");
      type_start = i + 1;
    } else {
      const size_t space = entry.find_first_of(" \t");
      if (space == std::string_view::npos)
        malformed("column \"" + std::string(entry) + "\" has no type");
      name = Lower(entry.substr(0, space));  // unquoted identifiers fold to lower case
      type_start = space;
    }
    const std::string_view type = Trim(entry.substr(type_start));
    if (type.empty()) malformed("column \"" + name + "\" has no type");
    names.push_back(std::move(name));
    types.push_back(ParseCsvTypeName(type));
  }
  if (names.empty()) malformed("no columns");
}

}  // namespace basin
