// src/cli/csv_format.cc
//
// RFC 4180 with a header line, as `psql --csv` writes it. NULL is an empty field and
// the empty string is "" so that a reader can tell the two apart.
#include <ostream>

#include "cli/output_format.h"

namespace basin::cli {
namespace {

bool NeedsQuotes(std::string_view field) {
  // "\." alone on a line ends COPY FROM STDIN data, so psql quotes it too.
  return field.empty() || field == "\\." ||
         field.find_first_of(",\"\r\n") != std::string_view::npos;
}

void WriteField(std::string_view field, std::ostream& out) {
  if (!NeedsQuotes(field)) {
    out << field;
    return;
  }
  out << '"';
  for (const char c : field) {
    if (c == '"') out << '"';
    out << c;
  }
  out << '"';
}

}  // namespace

void WriteCsv(const RenderedResult& result, std::ostream& out) {
  for (size_t column = 0; column < result.names.size(); ++column) {
    if (column > 0) out << ',';
    WriteField(result.names[column], out);
  }
  out << '\n';
  for (const auto& row : result.rows) {
    for (size_t column = 0; column < row.size(); ++column) {
      if (column > 0) out << ',';
      if (row[column]) WriteField(*row[column], out);
    }
    out << '\n';
  }
}

}  // namespace basin::cli
