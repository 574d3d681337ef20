// test/sqllogictest/result_comparison.cc
#include "result_comparison.h"

#include <algorithm>

#include "md5.h"

namespace basin::sqllogictest {
namespace {

std::vector<std::string> SplitTabs(const std::string& line) {
  std::vector<std::string> cells;
  size_t start = 0;
  while (true) {
    const size_t tab = line.find('\t', start);
    cells.push_back(line.substr(start, tab - start));
    if (tab == std::string::npos) return cells;
    start = tab + 1;
  }
}

// Expected lines are stored with trailing blanks trimmed; actual ones must match that.
std::string JoinRow(const std::vector<std::string>& row) {
  std::string line;
  for (size_t i = 0; i < row.size(); ++i) {
    if (i > 0) line += '\t';
    line += row[i];
  }
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r')) {
    line.pop_back();
  }
  return line;
}

// The expected rows as cells. SQLite's files put each value on its own line; that
// layout is recognised when no line has a tab and the count fits the result shape.
ResultRows ExpectedRows(const std::vector<std::string>& lines, size_t num_columns,
                        size_t num_actual_rows) {
  ResultRows rows;
  const bool has_tab = std::any_of(lines.begin(), lines.end(), [](const std::string& line) {
    return line.find('\t') != std::string::npos;
  });
  if (!has_tab && num_columns > 1 && lines.size() % num_columns == 0 &&
      lines.size() == num_actual_rows * num_columns) {
    for (size_t i = 0; i < lines.size(); i += num_columns) {
      rows.emplace_back(lines.begin() + static_cast<ptrdiff_t>(i),
                        lines.begin() + static_cast<ptrdiff_t>(i + num_columns));
    }
    return rows;
  }
  for (const auto& line : lines) rows.push_back(SplitTabs(line));
  return rows;
}

// Rows (or, for valuesort, single values) as the lines to compare and show.
std::vector<std::string> ComparableLines(ResultRows rows, SortMode sort) {
  std::vector<std::string> lines;
  if (sort == SortMode::kValueSort) {
    lines = OrderedValues(rows, sort);
    return lines;
  }
  if (sort == SortMode::kRowSort) std::sort(rows.begin(), rows.end());
  for (const auto& row : rows) lines.push_back(JoinRow(row));
  return lines;
}

}  // namespace

std::string CellText(const std::optional<std::string>& text) {
  if (!text) return "NULL";
  if (text->empty()) return "(empty)";
  return *text;
}

std::vector<std::string> OrderedValues(const ResultRows& rows, SortMode sort) {
  ResultRows sorted_rows;
  const ResultRows* source = &rows;
  if (sort == SortMode::kRowSort) {
    sorted_rows = rows;
    std::sort(sorted_rows.begin(), sorted_rows.end());
    source = &sorted_rows;
  }
  std::vector<std::string> values;
  for (const auto& row : *source) values.insert(values.end(), row.begin(), row.end());
  if (sort == SortMode::kValueSort) std::sort(values.begin(), values.end());
  return values;
}

std::string HashValues(const std::vector<std::string>& values) {
  Md5 md5;
  for (const auto& value : values) {
    md5.Update(value);
    md5.Update("\n");
  }
  return md5.HexDigest();
}

std::string DiffLines(const std::vector<std::string>& expected,
                      const std::vector<std::string>& actual) {
  // Row by row, not a minimal edit script: results mostly differ in place, and a
  // missing row shows up as every later row differing, which is easy to read.
  std::string diff;
  for (size_t i = 0; i < std::max(expected.size(), actual.size()); ++i) {
    if (i < expected.size() && i < actual.size() && expected[i] == actual[i]) {
      diff += "  " + expected[i] + "\n";
      continue;
    }
    if (i < expected.size()) diff += "- " + expected[i] + "\n";
    if (i < actual.size()) diff += "+ " + actual[i] + "\n";
  }
  return diff;
}

Comparison CompareQueryResult(const Record& record, const ResultRows& actual, size_t num_columns) {
  Comparison comparison;
  if (record.expected_hash) {
    const std::vector<std::string> values = OrderedValues(actual, record.sort);
    const std::string hash = HashValues(values);
    comparison.matches =
        values.size() == record.expected_hash->num_values && hash == record.expected_hash->md5;
    if (!comparison.matches) {
      comparison.explanation = "expected " + std::to_string(record.expected_hash->num_values) +
                               " values hashing to " + record.expected_hash->md5 + "\n" +
                               "got      " + std::to_string(values.size()) + " values hashing to " +
                               hash + "\nactual rows:\n";
      for (const auto& line : ComparableLines(actual, SortMode::kNoSort)) {
        comparison.explanation += "  " + line + "\n";
      }
    }
    return comparison;
  }
  const std::vector<std::string> expected_lines =
      ComparableLines(ExpectedRows(record.expected_lines, num_columns, actual.size()), record.sort);
  const std::vector<std::string> actual_lines = ComparableLines(actual, record.sort);
  comparison.matches = expected_lines == actual_lines;
  if (!comparison.matches) {
    const char* unit = record.sort == SortMode::kValueSort ? " values" : " rows";
    comparison.explanation = "expected " + std::to_string(expected_lines.size()) + unit + ", got " +
                             std::to_string(actual_lines.size()) + " (- expected, + actual):\n" +
                             DiffLines(expected_lines, actual_lines);
  }
  return comparison;
}

}  // namespace basin::sqllogictest
