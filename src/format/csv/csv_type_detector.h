// src/format/csv/csv_type_detector.h
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/types.h"

namespace basin {

// Learns column types from sample values, and whether the first row is a header.
// Each value yields the set of candidate types it parses as; a column's set is the
// intersection over its values, and its type the first candidate left in the order
// BOOLEAN, BIGINT, DOUBLE, DATE, TIME, TIMESTAMP, TIMESTAMPTZ, else VARCHAR.
//
// Integers become BIGINT even when all fit INTEGER (as DuckDB does): a later row of a
// large file that needs 64 bits would otherwise fail the whole scan. Numbers with a
// point or an exponent become DOUBLE. Dates are ISO (YYYY-MM-DD), or MM/DD/YYYY,
// DD/MM/YYYY or DD.MM.YYYY when every value of the column parses that way (MM/DD
// wins when both slash forms do, as PostgreSQL's DateStyle MDY reads them).
class CsvTypeDetector {
 public:
  explicit CsvTypeDetector(std::string null_string) : null_string_(std::move(null_string)) {}

  // Feeds one row's values; `quoted[i]` says the value had quotes (never NULL). The
  // first row fed is held apart as the header candidate.
  void AddRow(const std::vector<std::string>& values, const std::vector<bool>& quoted);

  uint32_t num_columns() const { return static_cast<uint32_t>(masks_.size()); }
  bool has_first_row() const { return has_first_row_; }
  // Whether the first row looks like a header: it does not fit a typed column, or
  // every column is text and the first row holds distinct, non-empty names.
  bool FirstRowIsHeader() const;
  // Types, with or without the first row counted as data.
  std::vector<LogicalType> Types(bool first_row_is_header) const;
  // The date format the types need ("" for ISO), and the same for timestamps.
  std::string DateFormat(bool first_row_is_header) const;
  const std::vector<std::string>& first_row() const { return first_row_; }

 private:
  uint32_t ValueMask(std::string_view text) const;
  LogicalType TypeOfMask(uint32_t mask, bool& non_iso_date, std::string* date_format) const;

  std::string null_string_;
  bool has_first_row_ = false;
  std::vector<std::string> first_row_;
  std::vector<uint32_t> first_masks_;  // per column, of the first row's value
  std::vector<bool> first_null_;
  std::vector<uint32_t> masks_;  // per column, over the rows after the first
};

// The type two files' columns unify to: equal types stay, BIGINT+DOUBLE is DOUBLE,
// DATE+TIMESTAMP is TIMESTAMP, anything else VARCHAR.
LogicalType WidenCsvType(const LogicalType& a, const LogicalType& b);

// Header names made unique and non-empty: "" becomes column<i>, repeats get _1, _2.
std::vector<std::string> MakeCsvColumnNames(const std::vector<std::string>& header,
                                            uint32_t num_columns);

}  // namespace basin
