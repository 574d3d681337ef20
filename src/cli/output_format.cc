// src/cli/output_format.cc
#include "cli/output_format.h"

#include <ostream>

namespace basin::cli {

std::optional<OutputFormat> ParseOutputFormat(std::string_view name) {
  if (name == "table" || name == "aligned") return OutputFormat::kTable;
  if (name == "csv") return OutputFormat::kCsv;
  if (name == "json") return OutputFormat::kJson;
  if (name == "markdown") return OutputFormat::kMarkdown;
  return std::nullopt;
}

std::string_view OutputFormatName(OutputFormat format) {
  switch (format) {
    case OutputFormat::kTable:
      return "table";
    case OutputFormat::kCsv:
      return "csv";
    case OutputFormat::kJson:
      return "json";
    case OutputFormat::kMarkdown:
      return "markdown";
  }
  return "table";
}

ColumnKind ColumnKindOf(const LogicalType& type) {
  switch (type.id()) {
    case TypeId::kSmallInt:
    case TypeId::kInteger:
    case TypeId::kBigInt:
    case TypeId::kReal:
    case TypeId::kDouble:
    case TypeId::kDecimal:
      return ColumnKind::kNumber;
    case TypeId::kBoolean:
      return ColumnKind::kBoolean;
    default:
      return ColumnKind::kText;
  }
}

RenderedResult RenderResult(const QueryResult& result, const CellRenderer& render) {
  RenderedResult rendered;
  rendered.names = result.names;
  for (const auto& type : result.types) rendered.kinds.push_back(ColumnKindOf(type));
  // A result without types (hand-built, or a bug upstream) still prints as text.
  rendered.kinds.resize(rendered.names.size(), ColumnKind::kText);
  rendered.rows.reserve(result.NumRows());
  // Walks the batches directly: QueryResult::GetValue scans batches on every call.
  for (const auto& batch : result.batches) {
    for (uint32_t row = 0; row < batch.size; ++row) {
      auto& cells = rendered.rows.emplace_back();
      cells.reserve(batch.columns.size());
      for (const auto& column : batch.columns) {
        const Value value = column.GetValue(row);
        if (value.is_null()) {
          cells.emplace_back(std::nullopt);
        } else {
          cells.emplace_back(render ? render(value) : value.ToString(*result.time_zone));
        }
      }
    }
  }
  return rendered;
}

void WriteRendered(const RenderedResult& result, OutputFormat format, std::ostream& out) {
  switch (format) {
    case OutputFormat::kTable:
      WriteTable(result, out);
      return;
    case OutputFormat::kCsv:
      WriteCsv(result, out);
      return;
    case OutputFormat::kJson:
      WriteJson(result, out);
      return;
    case OutputFormat::kMarkdown:
      WriteMarkdown(result, out);
      return;
  }
}

void PrintQueryResult(const QueryResult& result, OutputFormat format, std::ostream& out,
                      const CellRenderer& render) {
  if (result.returns_rows) {
    WriteRendered(RenderResult(result, render), format, out);
  } else if (format == OutputFormat::kTable && !result.tag.empty()) {
    out << result.tag << '\n';
  }
}

size_t DisplayWidth(std::string_view text) {
  size_t width = 0;
  for (const char c : text) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++width;
  }
  return width;
}

}  // namespace basin::cli
