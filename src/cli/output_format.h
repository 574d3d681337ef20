// src/cli/output_format.h
#pragma once

#include <functional>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/value.h"
#include "main/query_result.h"

namespace basin::cli {

enum class OutputFormat { kTable, kCsv, kJson, kMarkdown };

// Accepts "table", "csv", "json" and "markdown"; nullopt for anything else.
std::optional<OutputFormat> ParseOutputFormat(std::string_view name);
std::string_view OutputFormatName(OutputFormat format);

// How a column's cells are written: numbers right-aligned in tables and bare in JSON,
// booleans as JSON true/false, everything else as text.
enum class ColumnKind { kText, kNumber, kBoolean };
ColumnKind ColumnKindOf(const LogicalType& type);

// A result reduced to text: what every output format needs, and nothing that links
// against the engine. nullopt is SQL NULL (distinct from the empty string).
struct RenderedResult {
  std::vector<std::string> names;
  std::vector<ColumnKind> kinds;
  std::vector<std::vector<std::optional<std::string>>> rows;
};

// Turns one non-NULL value into text. Without one, the CLI uses Value::ToString
// (PostgreSQL's text form, timestamptz in the result's time zone); tests pass their
// own so they need not link the cast kernels behind it.
using CellRenderer = std::function<std::string(const Value&)>;

RenderedResult RenderResult(const QueryResult& result, const CellRenderer& render = nullptr);

// The writers, one file each. Each writes one statement's rows.
void WriteTable(const RenderedResult& result, std::ostream& out);
void WriteCsv(const RenderedResult& result, std::ostream& out);
void WriteJson(const RenderedResult& result, std::ostream& out);
void WriteMarkdown(const RenderedResult& result, std::ostream& out);

void WriteRendered(const RenderedResult& result, OutputFormat format, std::ostream& out);

// Prints one statement's outcome: its rows, or for statements without rows the command
// tag ("CREATE TABLE", "INSERT 0 3") in table format only, as psql does. CSV, JSON and
// Markdown stay machine-readable by printing nothing for such statements.
void PrintQueryResult(const QueryResult& result, OutputFormat format, std::ostream& out,
                      const CellRenderer& render = nullptr);

// Character count of UTF-8 text (continuation bytes do not count), for column widths.
size_t DisplayWidth(std::string_view text);

}  // namespace basin::cli
