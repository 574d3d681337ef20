// src/cli/table_format.cc
//
// psql's "aligned" format with border 1:
//
//    id |  name
//   ----+-------
//     1 | alice
//   (1 row)
//
// Headers are centred, numbers right-aligned, text left-aligned, NULL empty. A cell
// holding newlines spans several lines, with '+' after each line but its last.
#include <algorithm>
#include <ostream>

#include "cli/output_format.h"

namespace basin::cli {
namespace {

std::vector<std::string_view> SplitLines(std::string_view text) {
  std::vector<std::string_view> lines;
  size_t start = 0;
  while (true) {
    const size_t end = text.find('\n', start);
    if (end == std::string_view::npos) {
      lines.push_back(text.substr(start));
      return lines;
    }
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
}

void WriteSpaces(std::ostream& out, size_t count) {
  for (size_t i = 0; i < count; ++i) out.put(' ');
}

void WriteHeader(const RenderedResult& result, const std::vector<size_t>& widths,
                 std::ostream& out) {
  for (size_t column = 0; column < widths.size(); ++column) {
    if (column > 0) out << '|';
    const std::string& name = result.names[column];
    const size_t padding = widths[column] - DisplayWidth(name);
    out << ' ';
    WriteSpaces(out, padding / 2);
    out << name;
    WriteSpaces(out, padding - padding / 2);
    out << ' ';
  }
  out << '\n';
  for (size_t column = 0; column < widths.size(); ++column) {
    if (column > 0) out << '+';
    out << std::string(widths[column] + 2, '-');
  }
  out << '\n';
}

// Writes one result row, which takes as many lines as its tallest cell.
void WriteRow(const std::vector<std::vector<std::string_view>>& cells,
              const std::vector<ColumnKind>& kinds, const std::vector<size_t>& widths,
              std::ostream& out) {
  size_t height = 1;
  for (const auto& lines : cells) height = std::max(height, lines.size());
  const size_t last = widths.size() - 1;
  for (size_t line = 0; line < height; ++line) {
    for (size_t column = 0; column < widths.size(); ++column) {
      const auto& lines = cells[column];
      const std::string_view text = line < lines.size() ? lines[line] : std::string_view();
      const bool continues = line + 1 < lines.size();
      const size_t padding = widths[column] - DisplayWidth(text);
      if (column > 0) out << '|';
      out << ' ';
      if (kinds[column] == ColumnKind::kNumber) {
        WriteSpaces(out, padding);
        out << text;
      } else {
        out << text;
        // psql leaves no trailing blanks after the last column's text.
        if (column != last || continues) WriteSpaces(out, padding);
      }
      if (continues) {
        out << '+';
      } else if (column != last) {
        out << ' ';
      }
    }
    out << '\n';
  }
}

}  // namespace

void WriteTable(const RenderedResult& result, std::ostream& out) {
  const size_t num_columns = result.names.size();
  const size_t num_rows = result.rows.size();
  const std::string footer = num_rows == 1 ? "(1 row)" : "(" + std::to_string(num_rows) + " rows)";
  if (num_columns == 0) {  // SELECT; prints a bare separator, as in psql.
    out << "--\n" << footer << "\n\n";
    return;
  }
  std::vector<size_t> widths(num_columns);
  for (size_t column = 0; column < num_columns; ++column) {
    widths[column] = DisplayWidth(result.names[column]);
  }
  // Splits every cell once; the views point into `result`, which outlives them.
  std::vector<std::vector<std::vector<std::string_view>>> split_rows;
  split_rows.reserve(num_rows);
  for (const auto& row : result.rows) {
    auto& split = split_rows.emplace_back(num_columns);
    for (size_t column = 0; column < num_columns && column < row.size(); ++column) {
      if (!row[column]) continue;
      split[column] = SplitLines(*row[column]);
      for (const auto line : split[column]) {
        widths[column] = std::max(widths[column], DisplayWidth(line));
      }
    }
  }
  WriteHeader(result, widths, out);
  for (const auto& row : split_rows) WriteRow(row, result.kinds, widths, out);
  out << footer << "\n\n";
}

}  // namespace basin::cli
