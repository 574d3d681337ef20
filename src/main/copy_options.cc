#include "main/copy_options.h"

#include <algorithm>
#include <set>

#include "common/error.h"
#include "common/memory_tracker.h"

namespace basin {

namespace {

std::string Lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

// The text of a string, identifier or number value; throws for other kinds.
std::string TextOf(const ast::GenericOption& option) {
  const ast::OptionValue& value = option.value;
  if (value.kind == ast::OptionValue::Kind::kString ||
      value.kind == ast::OptionValue::Kind::kIdentifier ||
      value.kind == ast::OptionValue::Kind::kNumber) {
    return value.text;
  }
  throw Error(sqlstate::kSyntaxError, option.name + " requires a string value");
}

bool BooleanOf(const ast::GenericOption& option) {
  const ast::OptionValue& value = option.value;
  if (value.kind == ast::OptionValue::Kind::kNone) return true;
  if (value.kind == ast::OptionValue::Kind::kBoolean) return value.boolean;
  const std::string text = Lower(value.text);
  if (text == "true" || text == "on" || text == "1" || text == "yes") return true;
  if (text == "false" || text == "off" || text == "0" || text == "no") return false;
  throw Error(sqlstate::kSyntaxError, option.name + " requires a Boolean value");
}

char SingleByte(const ast::GenericOption& option, const char* what) {
  const std::string text = TextOf(option);
  if (text.size() != 1) {
    throw Error(sqlstate::kFeatureNotSupported,
                std::string("COPY ") + what + " must be a single one-byte character");
  }
  return text[0];
}

std::vector<std::string> ColumnList(const ast::GenericOption& option) {
  std::vector<std::string> names;
  const ast::OptionValue& value = option.value;
  if (value.kind == ast::OptionValue::Kind::kList) {
    for (const auto& item : value.list) names.push_back(item.text);
  } else if (value.kind == ast::OptionValue::Kind::kIdentifier ||
             value.kind == ast::OptionValue::Kind::kString) {
    names.push_back(value.text);
  } else {
    throw Error(sqlstate::kSyntaxError, "argument to option \"" + option.name +
                                            "\" must be a list of column names");
  }
  return names;
}

bool HasJsonExtension(const std::string& path) {
  const std::string lower = Lower(path);
  for (const char* suffix : {".json", ".ndjson", ".jsonl"}) {
    const std::string_view tail(suffix);
    if (lower.size() >= tail.size() && lower.compare(lower.size() - tail.size(), tail.size(), tail) == 0) {
      return true;
    }
  }
  return false;
}

bool HasParquetExtension(const std::string& path) {
  const std::string lower = Lower(path);
  const std::string_view tail(".parquet");
  return lower.size() >= tail.size() && lower.compare(lower.size() - tail.size(), tail.size(), tail) == 0;
}

uint64_t PositiveInteger(const ast::GenericOption& option) {
  const std::string text = TextOf(option);
  uint64_t value = 0;
  for (const char c : text) {
    if (c < '0' || c > '9' || value > UINT64_MAX / 10 - 9) {
      throw Error(sqlstate::kInvalidParameterValue, option.name + " requires a positive integer");
    }
    value = value * 10 + static_cast<uint64_t>(c - '0');
  }
  if (text.empty() || value == 0) {
    throw Error(sqlstate::kInvalidParameterValue, option.name + " requires a positive integer");
  }
  return value;
}

parquet::CompressionCodec CodecOf(const ast::GenericOption& option) {
  using parquet::CompressionCodec;
  const std::string name = Lower(TextOf(option));
  if (name == "snappy") return CompressionCodec::kSnappy;
  if (name == "zstd") return CompressionCodec::kZstd;
  if (name == "gzip") return CompressionCodec::kGzip;
  if (name == "lz4_raw" || name == "lz4") return CompressionCodec::kLz4Raw;
  if (name == "brotli") return CompressionCodec::kBrotli;
  if (name == "uncompressed" || name == "none") return CompressionCodec::kUncompressed;
  throw Error(sqlstate::kInvalidParameterValue,
              "Parquet compression \"" + TextOf(option) +
                  "\" not recognized (snappy, zstd, gzip, lz4_raw, brotli or uncompressed)");
}

// The options only FORMAT parquet takes; false for other names.
bool ParseParquetOption(const ast::GenericOption& option, ParquetCopyOptions& out) {
  if (option.name == "compression" || option.name == "codec") {
    out.writer.column.codec = CodecOf(option);
  } else if (option.name == "compression_level") {
    std::string text = TextOf(option);
    const bool negative = !text.empty() && text[0] == '-';
    if (negative) text.erase(0, 1);
    if (text.empty() || text.size() > 3 || text.find_first_not_of("0123456789") != std::string::npos) {
      throw Error(sqlstate::kInvalidParameterValue, "compression_level requires an integer");
    }
    out.writer.column.compression_level = (negative ? -1 : 1) * std::stoi(text);
  } else if (option.name == "row_group_size") {
    out.writer.row_group_rows = PositiveInteger(option);
  } else if (option.name == "row_group_size_bytes") {
    uint64_t bytes = 0;
    if (!ParseMemorySize(TextOf(option), &bytes) || bytes == 0) {
      throw Error(sqlstate::kInvalidParameterValue,
                  "row_group_size_bytes requires a size such as 128MB");
    }
    out.writer.row_group_bytes = bytes;
  } else if (option.name == "partition_by") {
    out.partition_by = ColumnList(option);
  } else if (option.name == "overwrite") {
    out.overwrite = BooleanOf(option);
  } else if (option.name == "overwrite_or_ignore") {
    out.overwrite_or_ignore = BooleanOf(option);
  } else if (option.name == "filename_pattern") {
    out.filename_pattern = TextOf(option);
    if (out.filename_pattern.empty() || out.filename_pattern.find('/') != std::string::npos) {
      throw Error(sqlstate::kInvalidParameterValue, "filename_pattern must be a file name");
    }
  } else {
    return false;
  }
  return true;
}

}  // namespace

CopyOptions ParseCopyOptions(const std::vector<ast::GenericOption>& options, bool is_from,
                             const std::string& path) {
  CopyOptions result;
  bool has_format = false;
  for (const auto& option : options) has_format |= option.name == "format";
  if (!has_format && !is_from && HasJsonExtension(path)) result.format = CopyFormat::kJson;
  if (!has_format && HasParquetExtension(path)) result.format = CopyFormat::kParquet;
  std::set<std::string> seen;
  const ast::GenericOption* delimiter = nullptr;
  const ast::GenericOption* null_string = nullptr;
  const ast::GenericOption* quote = nullptr;
  const ast::GenericOption* escape = nullptr;
  const ast::GenericOption* force_quote = nullptr;
  std::vector<const ast::GenericOption*> parquet_options;
  for (const auto& option : options) {
    if (!seen.insert(option.name).second) {
      throw Error(sqlstate::kSyntaxError, "conflicting or redundant options");
    }
    if (option.name == "format") {
      const std::string format = Lower(TextOf(option));
      if (format == "csv") {
        result.format = CopyFormat::kCsv;
      } else if (format == "text") {
        result.format = CopyFormat::kText;
      } else if (format == "json") {
        if (is_from) {
          throw Error(sqlstate::kFeatureNotSupported,
                      "COPY FROM format \"json\" is not supported yet; use INSERT ... SELECT "
                      "FROM read_json(...)");
        }
        result.format = CopyFormat::kJson;
      } else if (format == "parquet") {
        result.format = CopyFormat::kParquet;
      } else if (format == "binary") {
        throw Error(sqlstate::kFeatureNotSupported,
                    "COPY format \"" + format + "\" is not supported yet");
      } else {
        throw Error(sqlstate::kInvalidParameterValue,
                    "COPY format \"" + format + "\" not recognized");
      }
    } else if (option.name == "header") {
      if (option.value.kind != ast::OptionValue::Kind::kBoolean &&
          Lower(option.value.text) == "match") {
        if (!is_from) {
          throw Error(sqlstate::kFeatureNotSupported,
                      "cannot use \"match\" with HEADER in COPY TO");
        }
        result.header = true;
        result.header_match = true;
      } else {
        result.header = BooleanOf(option);
      }
    } else if (option.name == "delimiter") {
      delimiter = &option;
    } else if (option.name == "null") {
      null_string = &option;
    } else if (option.name == "quote") {
      quote = &option;
    } else if (option.name == "escape") {
      escape = &option;
    } else if (option.name == "force_quote") {
      force_quote = &option;
    } else if (option.name == "encoding") {
      std::string encoding = Lower(TextOf(option));
      encoding.erase(std::remove(encoding.begin(), encoding.end(), '-'), encoding.end());
      if (encoding != "utf8" && encoding != "sqlascii") {
        throw Error(sqlstate::kFeatureNotSupported,
                    "COPY encoding \"" + TextOf(option) + "\" is not supported (only UTF8)");
      }
    } else if (option.name == "force_null" || option.name == "force_not_null") {
      throw Error(sqlstate::kFeatureNotSupported, "COPY " + option.name + " is not supported yet");
    } else if (option.name == "array") {
      result.json_array = BooleanOf(option);
    } else if (option.name == "freeze") {
      BooleanOf(option);  // nothing to freeze: tables live in memory
    } else if (ParseParquetOption(option, result.parquet)) {
      parquet_options.push_back(&option);
    } else {
      throw Error(sqlstate::kSyntaxError, "option \"" + option.name + "\" not recognized");
    }
  }
  if (result.format == CopyFormat::kParquet) {
    if (is_from) {
      throw Error(sqlstate::kFeatureNotSupported,
                  "COPY FROM a Parquet file is not supported yet; use INSERT INTO ... SELECT * "
                  "FROM read_parquet(...)");
    }
    for (const char* name : {"header", "delimiter", "null", "quote", "escape", "force_quote", "array"}) {
      if (seen.count(name) != 0) {
        throw Error(sqlstate::kSyntaxError,
                    std::string("COPY option \"") + name + "\" is not allowed with FORMAT parquet");
      }
    }
    return result;
  }
  if (!parquet_options.empty()) {
    throw Error(sqlstate::kSyntaxError, "COPY option \"" + parquet_options[0]->name +
                                            "\" is only allowed with FORMAT parquet");
  }
  if (result.format == CopyFormat::kJson) {
    if (delimiter || null_string || quote || escape || force_quote || result.header) {
      throw Error(sqlstate::kFeatureNotSupported,
                  "COPY format \"json\" takes no DELIMITER, NULL, QUOTE, ESCAPE, FORCE_QUOTE or HEADER");
    }
    return result;
  }
  if (result.json_array) {
    throw Error(sqlstate::kFeatureNotSupported, "COPY ARRAY available only in JSON mode");
  }
  const bool csv = result.format == CopyFormat::kCsv;
  if (csv) {
    result.delimiter = ',';
    result.null_string = "";
  }
  if (delimiter) result.delimiter = SingleByte(*delimiter, "delimiter");
  if (null_string) result.null_string = TextOf(*null_string);
  if (result.delimiter == '\n' || result.delimiter == '\r') {
    throw Error(sqlstate::kInvalidParameterValue,
                "COPY delimiter cannot be newline or carriage return");
  }
  if (result.null_string.find_first_of("\r\n") != std::string::npos) {
    throw Error(sqlstate::kInvalidParameterValue,
                "COPY null representation cannot use newline or carriage return");
  }
  if (!csv && (quote || escape || force_quote)) {
    throw Error(sqlstate::kFeatureNotSupported,
                std::string("COPY ") + (quote ? "quote" : escape ? "escape" : "force quote") +
                    " available only in CSV mode");
  }
  if (!csv && result.delimiter == '\\') {
    throw Error(sqlstate::kInvalidParameterValue, "COPY delimiter cannot be \"\\\"");
  }
  if (quote) result.quote = SingleByte(*quote, "quote");
  result.escape = escape ? SingleByte(*escape, "escape") : result.quote;
  if (csv && result.delimiter == result.quote) {
    throw Error(sqlstate::kInvalidParameterValue,
                "COPY delimiter and quote must be different");
  }
  if (csv && result.null_string.find(result.delimiter) != std::string::npos) {
    throw Error(sqlstate::kInvalidParameterValue,
                "COPY delimiter must not appear in the NULL specification");
  }
  if (force_quote) {
    if (is_from) {
      throw Error(sqlstate::kFeatureNotSupported, "COPY force quote only available using COPY TO");
    }
    if (force_quote->value.kind == ast::OptionValue::Kind::kStar) {
      result.force_quote_all = true;
    } else {
      result.force_quote = ColumnList(*force_quote);
    }
  }
  return result;
}

}  // namespace basin
