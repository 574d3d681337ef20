// src/cli/json_format.cc
//
// One JSON array of objects per statement, one object per line:
//   [
//   {"id":1,"name":"alice"},
//   {"id":2,"name":null}
//   ]
#include <ostream>

#include "cli/output_format.h"

namespace basin::cli {
namespace {

void WriteJsonString(std::string_view text, std::ostream& out) {
  static constexpr char kHex[] = "0123456789abcdef";
  out << '"';
  for (const char c : text) {
    switch (c) {
      case '"':
        out << "\\\"";
        break;
      case '\\':
        out << "\\\\";
        break;
      case '\n':
        out << "\\n";
        break;
      case '\r':
        out << "\\r";
        break;
      case '\t':
        out << "\\t";
        break;
      case '\b':
        out << "\\b";
        break;
      case '\f':
        out << "\\f";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          out << "\\u00" << kHex[(c >> 4) & 0xF] << kHex[c & 0xF];
        } else {
          out << c;  // UTF-8 passes through: JSON text is UTF-8.
        }
    }
  }
  out << '"';
}

// Whether `text` is a JSON number. PostgreSQL's float output includes NaN and
// Infinity, which JSON cannot express; those are written as strings instead.
bool IsJsonNumber(std::string_view text) {
  size_t i = 0;
  auto digits = [&] {
    const size_t start = i;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9') ++i;
    return i > start;
  };
  if (i < text.size() && text[i] == '-') ++i;
  if (i < text.size() && text[i] == '0') {
    ++i;
  } else if (!digits()) {
    return false;
  }
  if (i < text.size() && text[i] == '.') {
    ++i;
    if (!digits()) return false;
  }
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    ++i;
    if (i < text.size() && (text[i] == '+' || text[i] == '-')) ++i;
    if (!digits()) return false;
  }
  return i == text.size();
}

void WriteJsonValue(const std::optional<std::string>& cell, ColumnKind kind, std::ostream& out) {
  if (!cell) {
    out << "null";
    return;
  }
  const std::string& text = *cell;
  if (kind == ColumnKind::kNumber && IsJsonNumber(text)) {
    out << text;
  } else if (kind == ColumnKind::kBoolean && (text == "t" || text == "true")) {
    out << "true";
  } else if (kind == ColumnKind::kBoolean && (text == "f" || text == "false")) {
    out << "false";
  } else {
    WriteJsonString(text, out);
  }
}

}  // namespace

void WriteJson(const RenderedResult& result, std::ostream& out) {
  if (result.rows.empty()) {
    out << "[]\n";
    return;
  }
  out << "[\n";
  for (size_t row = 0; row < result.rows.size(); ++row) {
    const auto& cells = result.rows[row];
    out << '{';
    for (size_t column = 0; column < cells.size(); ++column) {
      if (column > 0) out << ',';
      WriteJsonString(result.names[column], out);
      out << ':';
      WriteJsonValue(cells[column], result.kinds[column], out);
    }
    out << (row + 1 < result.rows.size() ? "},\n" : "}\n");
  }
  out << "]\n";
}

}  // namespace basin::cli
