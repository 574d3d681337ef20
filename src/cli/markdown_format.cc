// src/cli/markdown_format.cc
//
// A GitHub-flavoured Markdown table; numeric columns are right-aligned ("---:").
//   | id | name  |
//   |---:|-------|
//   |  1 | alice |
#include <algorithm>
#include <ostream>

#include "cli/output_format.h"

namespace basin::cli {
namespace {

// A pipe would end the cell and a newline the row; <br> keeps a line break visible.
std::string EscapeCell(std::string_view text) {
  std::string escaped;
  escaped.reserve(text.size());
  for (const char c : text) {
    if (c == '|') {
      escaped += "\\|";
    } else if (c == '\n') {
      escaped += "<br>";
    } else if (c != '\r') {
      escaped += c;
    }
  }
  return escaped;
}

void WriteLine(const std::vector<std::string>& cells, const std::vector<ColumnKind>& kinds,
               const std::vector<size_t>& widths, std::ostream& out) {
  out << '|';
  for (size_t column = 0; column < widths.size(); ++column) {
    const std::string& text = cells[column];
    const std::string padding(widths[column] - DisplayWidth(text), ' ');
    if (kinds[column] == ColumnKind::kNumber) {
      out << ' ' << padding << text << " |";
    } else {
      out << ' ' << text << padding << " |";
    }
  }
  out << '\n';
}

}  // namespace

void WriteMarkdown(const RenderedResult& result, std::ostream& out) {
  const size_t num_columns = result.names.size();
  if (num_columns == 0) return;
  std::vector<std::string> header;
  // The separator needs three characters ("--:" / "---") to be recognised.
  std::vector<size_t> widths(num_columns, 3);
  for (size_t column = 0; column < num_columns; ++column) {
    header.push_back(EscapeCell(result.names[column]));
    widths[column] = std::max(widths[column], DisplayWidth(header.back()));
  }
  std::vector<std::vector<std::string>> rows;
  rows.reserve(result.rows.size());
  for (const auto& row : result.rows) {
    auto& cells = rows.emplace_back(num_columns);
    for (size_t column = 0; column < num_columns && column < row.size(); ++column) {
      if (!row[column]) continue;
      cells[column] = EscapeCell(*row[column]);
      widths[column] = std::max(widths[column], DisplayWidth(cells[column]));
    }
  }
  // The header is left-aligned regardless of the column (as GitHub renders it anyway).
  WriteLine(header, std::vector<ColumnKind>(num_columns, ColumnKind::kText), widths, out);
  out << '|';
  for (size_t column = 0; column < num_columns; ++column) {
    if (result.kinds[column] == ColumnKind::kNumber) {
      out << std::string(widths[column] + 1, '-') << ":|";
    } else {
      out << std::string(widths[column] + 2, '-') << '|';
    }
  }
  out << '\n';
  for (const auto& cells : rows) WriteLine(cells, result.kinds, widths, out);
}

}  // namespace basin::cli
