// src/main/copy_options.h
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "format/parquet/parquet_writer.h"
#include "sql/parser/ast_statement.h"

namespace basin {

enum class CopyFormat { kCsv, kText, kJson, kParquet };

// COPY TO ... (FORMAT parquet): DuckDB's option names and defaults.
struct ParquetCopyOptions {
  parquet::ParquetWriteOptions writer;  // COMPRESSION, COMPRESSION_LEVEL, ROW_GROUP_SIZE[_BYTES]
  std::vector<std::string> partition_by;  // Hive-style directories, one level per column
  bool overwrite = false;                 // empty a non-empty target directory first
  bool overwrite_or_ignore = false;       // write into a non-empty target directory
  std::string filename_pattern = "data_{i}";  // {i}: file number, {uuid}: a random UUID
};

// COPY's WITH (...) options after validation, with PostgreSQL 15's defaults for the
// chosen format: text is tab-delimited with NULL '\N' and backslash escapes; csv is
// comma-delimited with NULL '' and '"' quotes.
struct CopyOptions {
  CopyFormat format = CopyFormat::kText;
  bool header = false;
  bool header_match = false;  // HEADER MATCH (COPY FROM only)
  char delimiter = '\t';
  std::string null_string = "\\N";
  char quote = '"';
  char escape = '"';
  bool force_quote_all = false;           // FORCE_QUOTE *
  std::vector<std::string> force_quote;   // FORCE_QUOTE (cols)
  bool json_array = false;                // ARRAY (json, COPY TO): one JSON array
  ParquetCopyOptions parquet;
};

// Validates `options` for COPY FROM (`is_from`) or TO. Throws Error: 42601 for an
// unknown or repeated option, 22023 for a bad value, 0A000 for what Basin does not
// support yet (binary format, json and parquet for COPY FROM, FORCE_NULL, FORCE_NOT_NULL,
// encodings other than UTF8). Without a FORMAT option, a `path` ending in .json,
// .ndjson or .jsonl means json and one ending in .parquet parquet (as DuckDB infers
// them); anything else text.
CopyOptions ParseCopyOptions(const std::vector<ast::GenericOption>& options, bool is_from,
                             const std::string& path = {});

}  // namespace basin
