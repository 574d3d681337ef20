// Turns read_csv's arguments into CsvOptions.
#include <cctype>
#include <exception>
#include <string>

#include "common/error.h"
#include "format/csv/csv_column_spec.h"
#include "format/csv/read_csv_function.h"

namespace basin {

namespace {

[[noreturn]] void ThrowBadOption(const std::string& name, const std::string& why) {
  throw Error(sqlstate::kInvalidParameterValue, "read_csv: option \"" + name + "\" " + why);
}

std::string TextOption(const std::string& name, const Value& value) {
  if (value.is_null()) ThrowBadOption(name, "must not be NULL");
  if (value.type().id() == TypeId::kVarchar) return value.GetString();
  ThrowBadOption(name, "expects a string, not " + value.type().ToString());
}

// One byte; '' (no character) only where `allow_none`. "\t" and friends spelled
// with a backslash are accepted, as DuckDB does.
char CharOption(const std::string& name, const Value& value, bool allow_none) {
  const std::string text = TextOption(name, value);
  if (text.empty() && allow_none) return '\0';
  if (text.size() == 1) {
    if (text[0] == '\n' || text[0] == '\r') ThrowBadOption(name, "cannot be a line break");
    return text[0];
  }
  if (text == "\\t") return '\t';
  if (text == "\\\\") return '\\';
  ThrowBadOption(name, "must be a single one-byte character, not \"" + text + "\"");
}

bool BoolOption(const std::string& name, const Value& value) {
  if (value.is_null()) ThrowBadOption(name, "must not be NULL");
  if (value.type().id() == TypeId::kBoolean) return value.GetBoolean();
  if (value.type().IsInteger()) return value.GetInt64() != 0;
  if (value.type().id() == TypeId::kVarchar) {
    std::string text = value.GetString();
    for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (text == "true" || text == "t" || text == "on" || text == "1" || text == "yes") return true;
    if (text == "false" || text == "f" || text == "off" || text == "0" || text == "no")
      return false;
  }
  ThrowBadOption(name, "expects a boolean");
}

int64_t IntOption(const std::string& name, const Value& value) {
  if (value.is_null()) ThrowBadOption(name, "must not be NULL");
  if (value.type().IsInteger()) return value.GetInt64();
  if (value.type().id() == TypeId::kVarchar) {
    try {
      size_t used = 0;
      const long long parsed = std::stoll(value.GetString(), &used);
      if (used == value.GetString().size()) return parsed;
    } catch (const std::exception&) {
    }
  }
  ThrowBadOption(name, "expects an integer");
}

std::vector<std::string> SplitNames(const std::string& text) {
  std::vector<std::string> names;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t comma = text.find(',', pos);
    if (comma == std::string::npos) comma = text.size();
    std::string name = text.substr(pos, comma - pos);
    const size_t first = name.find_first_not_of(' ');
    name = first == std::string::npos ? ""
                                      : name.substr(first, name.find_last_not_of(' ') + 1 - first);
    names.push_back(name);
    pos = comma + 1;
  }
  return names;
}

}  // namespace

ReadCsvArguments ParseReadCsvArguments(const TableFunctionArguments& args) {
  ReadCsvArguments result;
  for (const Value& value : args.positional) {
    if (value.is_null() || value.type().id() != TypeId::kVarchar) {
      throw Error(sqlstate::kInvalidParameterValue, "read_csv: file names must be strings");
    }
    result.patterns.push_back(value.GetString());
  }
  if (result.patterns.empty()) {
    throw Error(sqlstate::kInvalidParameterValue, "read_csv: expects at least one file name");
  }
  CsvOptions& options = result.options;
  for (const auto& [name, value] : args.named) {
    if (name == "delim" || name == "sep" || name == "delimiter") {
      options.delimiter = CharOption(name, value, false);
    } else if (name == "quote") {
      options.quote = CharOption(name, value, true);
    } else if (name == "escape") {
      options.escape = CharOption(name, value, true);
    } else if (name == "header") {
      options.header = BoolOption(name, value);
    } else if (name == "nullstr" || name == "null") {
      options.null_string = TextOption(name, value);
    } else if (name == "columns") {
      ParseCsvColumnSpec(TextOption(name, value), options.column_names, options.column_types);
    } else if (name == "names" || name == "column_names") {
      options.column_names = SplitNames(TextOption(name, value));
    } else if (name == "skip") {
      const int64_t skip = IntOption(name, value);
      if (skip < 0) ThrowBadOption(name, "must not be negative");
      options.skip_rows = static_cast<uint64_t>(skip);
    } else if (name == "dateformat" || name == "date_format") {
      options.date_format = TextOption(name, value);
    } else if (name == "timestampformat" || name == "timestamp_format") {
      options.timestamp_format = TextOption(name, value);
    } else if (name == "ignore_errors") {
      options.ignore_errors = BoolOption(name, value);
    } else if (name == "store_rejects") {
      options.store_rejects = BoolOption(name, value);
      if (options.store_rejects) options.ignore_errors = true;
    } else if (name == "auto_detect") {
      options.auto_detect = BoolOption(name, value);
    } else if (name == "sample_size") {
      const int64_t rows = IntOption(name, value);
      options.sample_size = rows <= 0 ? 20480 : static_cast<uint64_t>(rows);
    } else if (name == "all_varchar") {
      options.all_varchar = BoolOption(name, value);
    } else if (name == "filename") {
      options.filename_column = BoolOption(name, value);
    } else if (name == "max_line_size") {
      const int64_t bytes = IntOption(name, value);
      if (bytes <= 0) ThrowBadOption(name, "must be positive");
      options.max_line_size = static_cast<uint64_t>(bytes);
    } else if (name == "trailing_delimiter") {
      options.trailing_delimiter = BoolOption(name, value);
    } else {
      throw Error(sqlstate::kInvalidParameterValue, "read_csv: unknown option \"" + name + "\"");
    }
  }
  if (options.delimiter && options.quote && *options.delimiter == *options.quote) {
    throw Error(sqlstate::kInvalidParameterValue,
                "read_csv: delimiter and quote must be different");
  }
  return result;
}

}  // namespace basin
