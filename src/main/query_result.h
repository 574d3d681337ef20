// src/main/query_result.h
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "common/batch.h"
#include "common/time_zone.h"
#include "common/value.h"

namespace basin {

// The outcome of one statement. Statements that return rows (SELECT, EXPLAIN,
// SHOW, ...) fill names/types/batches; others leave them empty and set `tag`.
struct QueryResult {
  std::vector<std::string> names;
  std::vector<LogicalType> types;
  std::vector<Batch> batches;
  bool returns_rows = false;
  // The command tag PostgreSQL would send: "SELECT 3", "INSERT 0 5", "CREATE TABLE".
  std::string tag;
  // Rows changed by INSERT/UPDATE/DELETE/COPY, or rows returned.
  uint64_t row_count = 0;
  // The session's TimeZone when the statement ran: TIMESTAMPTZ values print in it.
  const TimeZone* time_zone = &TimeZone::Utc();

  uint64_t NumRows() const;
  size_t NumColumns() const { return names.size(); }
  // Random access for tests and rendering; O(number of batches).
  Value GetValue(size_t column, uint64_t row) const;
  // PostgreSQL's text form of a cell (in `time_zone`); `null_text` for NULL.
  std::string GetText(size_t column, uint64_t row, const std::string& null_text = "") const;
};

}  // namespace basin
