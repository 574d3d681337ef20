// Turns read_json's arguments into JsonOptions.
#include <cctype>
#include <string>

#include "common/error.h"
#include "format/csv/csv_column_spec.h"
#include "format/json/read_json_function.h"

namespace basin {

namespace {

[[noreturn]] void ThrowBadOption(const std::string& name, const std::string& why) {
  throw Error(sqlstate::kInvalidParameterValue, "read_json: option \"" + name + "\" " + why);
}

std::string Lower(std::string_view text) {
  std::string lower(text);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lower;
}

std::string_view Trim(std::string_view text) {
  const size_t first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t\r\n") + 1 - first);
}

std::string TextOption(const std::string& name, const Value& value) {
  if (value.is_null()) ThrowBadOption(name, "must not be NULL");
  if (value.type().id() == TypeId::kVarchar) return value.GetString();
  ThrowBadOption(name, "expects a string, not " + value.type().ToString());
}

bool BoolOption(const std::string& name, const Value& value) {
  if (value.is_null()) ThrowBadOption(name, "must not be NULL");
  if (value.type().id() == TypeId::kBoolean) return value.GetBoolean();
  if (value.type().IsInteger()) return value.GetInt64() != 0;
  if (value.type().id() == TypeId::kVarchar) {
    const std::string text = Lower(value.GetString());
    if (text == "true" || text == "t" || text == "on" || text == "1" || text == "yes") return true;
    if (text == "false" || text == "f" || text == "off" || text == "0" || text == "no")
      return false;
  }
  ThrowBadOption(name, "expects a boolean");
}

int64_t IntOption(const std::string& name, const Value& value) {
  if (value.is_null()) ThrowBadOption(name, "must not be NULL");
  if (value.type().IsInteger()) return value.GetInt64();
  ThrowBadOption(name, "expects an integer");
}

// Splits "a, b(c, d), e" at the commas outside parentheses and double quotes.
std::vector<std::string_view> SplitTopLevel(std::string_view text) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  int depth = 0;
  bool quoted = false;
  for (size_t i = 0; i <= text.size(); ++i) {
    if (i == text.size() || (text[i] == ',' && depth == 0 && !quoted)) {
      parts.push_back(Trim(text.substr(start, i - start)));
      start = i + 1;
      continue;
    }
    if (text[i] == '"') quoted = !quoted;
    if (quoted) continue;
    if (text[i] == '(') ++depth;
    if (text[i] == ')') --depth;
  }
  return parts;
}

// "name type" with the name optionally double-quoted; names keep their case, as JSON
// keys do. Returns false when there is no type.
bool SplitNameAndType(std::string_view entry, std::string& name, std::string_view& type) {
  name.clear();
  size_t type_start = 0;
  if (!entry.empty() && entry[0] == '"') {
    size_t i = 1;
    for (; i < entry.size(); ++i) {
      if (entry[i] != '"') {
        name.push_back(entry[i]);
      } else if (i + 1 < entry.size() && entry[i + 1] == '"') {
        name.push_back('"');
        ++i;
      } else {
        break;
      }
    }
    if (i >= entry.size()) return false;
    type_start = i + 1;
  } else {
    type_start = entry.find_first_of(" \t");
    if (type_start == std::string_view::npos) return false;
    name = std::string(entry.substr(0, type_start));
  }
  type = Trim(entry.substr(type_start));
  return !type.empty();
}

[[noreturn]] void ThrowUnknownType(std::string_view text) {
  throw Error(sqlstate::kUndefinedObject, "type \"" + std::string(text) + "\" does not exist");
}

// The text inside "word(...)", or false when `text` is not of that form.
bool Inside(std::string_view text, std::string_view word, std::string_view& inside) {
  if (text.size() < word.size() + 2 || Lower(text.substr(0, word.size())) != word) return false;
  const std::string_view rest = Trim(text.substr(word.size()));
  if (rest.size() < 2 || rest.front() != '(' || rest.back() != ')') return false;
  inside = rest.substr(1, rest.size() - 2);
  return true;
}

}  // namespace

LogicalType ParseJsonTypeName(std::string_view text) {
  text = Trim(text);
  if (text.size() > 2 && text.substr(text.size() - 2) == "[]") {
    return LogicalType::List(ParseJsonTypeName(text.substr(0, text.size() - 2)));
  }
  std::string_view inside;
  if (Inside(text, "struct", inside)) {
    std::vector<std::string> names;
    std::vector<LogicalType> types;
    for (const std::string_view field : SplitTopLevel(inside)) {
      std::string name;
      std::string_view type;
      if (!SplitNameAndType(field, name, type)) ThrowUnknownType(text);
      names.push_back(std::move(name));
      types.push_back(ParseJsonTypeName(type));
    }
    return LogicalType::Struct(std::move(names), std::move(types));
  }
  if (Inside(text, "map", inside)) {
    const std::vector<std::string_view> parts = SplitTopLevel(inside);
    if (parts.size() != 2) ThrowUnknownType(text);
    return LogicalType::Map(ParseJsonTypeName(parts[0]), ParseJsonTypeName(parts[1]));
  }
  if (Inside(text, "list", inside)) return LogicalType::List(ParseJsonTypeName(inside));
  return ParseCsvTypeName(text);
}

ReadJsonArguments ParseReadJsonArguments(const TableFunctionArguments& args) {
  ReadJsonArguments result;
  auto add_pattern = [&](const Value& value) {
    if (value.is_null() || value.type().id() != TypeId::kVarchar) {
      throw Error(sqlstate::kInvalidParameterValue, "read_json: file names must be strings");
    }
    result.patterns.push_back(value.GetString());
  };
  for (const Value& value : args.positional) {
    if (value.type().id() == TypeId::kList && !value.is_null()) {
      for (const Value& element : value.GetChildren()) add_pattern(element);
    } else {
      add_pattern(value);
    }
  }
  if (result.patterns.empty()) {
    throw Error(sqlstate::kInvalidParameterValue, "read_json: expects at least one file name");
  }
  JsonOptions& options = result.options;
  for (const auto& [name, value] : args.named) {
    if (name == "format") {
      const std::string format = Lower(TextOption(name, value));
      if (format == "auto") {
        options.format = JsonFormat::kAuto;
      } else if (format == "newline_delimited" || format == "nd" || format == "ndjson") {
        options.format = JsonFormat::kNewlineDelimited;
      } else if (format == "array") {
        options.format = JsonFormat::kArray;
      } else {
        ThrowBadOption(name,
                       "must be 'auto', 'newline_delimited' or 'array', not '" + format + "'");
      }
    } else if (name == "records") {
      if (value.type().id() == TypeId::kVarchar && Lower(value.GetString()) == "auto") {
        options.records = JsonRecords::kAuto;
      } else {
        options.records = BoolOption(name, value) ? JsonRecords::kTrue : JsonRecords::kFalse;
      }
    } else if (name == "columns") {
      const std::string text = TextOption(name, value);
      for (const std::string_view entry : SplitTopLevel(text)) {
        std::string column;
        std::string_view type;
        if (!SplitNameAndType(entry, column, type)) {
          ThrowBadOption(name, "has an entry without a type: \"" + std::string(entry) + "\"");
        }
        options.column_names.push_back(std::move(column));
        options.column_types.push_back(ParseJsonTypeName(type));
      }
    } else if (name == "sample_size") {
      const int64_t records = IntOption(name, value);
      options.sample_size = records <= 0 ? 20480 : static_cast<uint64_t>(records);
    } else if (name == "maximum_depth") {
      const int64_t depth = IntOption(name, value);
      if (depth < 1 || depth > 2000) ThrowBadOption(name, "must be between 1 and 2000");
      options.maximum_depth = static_cast<uint32_t>(depth);
    } else if (name == "ignore_errors") {
      options.ignore_errors = BoolOption(name, value);
    } else if (name == "filename") {
      options.filename_column = BoolOption(name, value);
    } else if (name == "union_by_name") {
      BoolOption(name, value);  // always on: files are unified by key name
    } else {
      throw Error(sqlstate::kInvalidParameterValue, "read_json: unknown option \"" + name + "\"");
    }
  }
  return result;
}

}  // namespace basin
