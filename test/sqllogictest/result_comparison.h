// test/sqllogictest/result_comparison.h
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "test_file_parser.h"

namespace basin::sqllogictest {

// A result as sqllogictest spells it: one string per cell.
using ResultRows = std::vector<std::vector<std::string>>;

// A cell's sqllogictest spelling: NULL for SQL NULL (nullopt), "(empty)" for the
// empty string, else the value's PostgreSQL text form unchanged.
std::string CellText(const std::optional<std::string>& text);

// The result's values in the order the record's sort mode defines: rows sorted for
// rowsort, all values sorted for valuesort, as they came for nosort.
std::vector<std::string> OrderedValues(const ResultRows& rows, SortMode sort);

// md5 of every value followed by "\n", in OrderedValues order: the "N values hashing
// to H" form, and what queries sharing a label must agree on.
std::string HashValues(const std::vector<std::string>& values);

struct Comparison {
  bool matches = false;
  // When it does not match: why, with expected and actual output as a diff.
  std::string explanation;
};

// Compares a query's rows with the record's expected output. Expected rows separate
// cells with tabs; SQLite's layout of one value per line is accepted too. For rowsort
// and valuesort both sides are sorted, so expected output may be in any order.
// REQUIRES: every row has `num_columns` cells.
Comparison CompareQueryResult(const Record& record, const ResultRows& actual, size_t num_columns);

// Lines of a unified-style diff: "  same", "- expected", "+ actual".
std::string DiffLines(const std::vector<std::string>& expected,
                      const std::vector<std::string>& actual);

}  // namespace basin::sqllogictest
