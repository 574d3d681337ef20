#include "main/query_result.h"

#include "common/error.h"

namespace basin {

uint64_t QueryResult::NumRows() const {
  uint64_t rows = 0;
  for (const auto& batch : batches) rows += batch.size;
  return rows;
}

Value QueryResult::GetValue(size_t column, uint64_t row) const {
  for (const auto& batch : batches) {
    if (row < batch.size) return batch.columns[column].GetValue(static_cast<uint32_t>(row));
    row -= batch.size;
  }
  throw Error(sqlstate::kInternal, "QueryResult::GetValue: row out of range");
}

std::string QueryResult::GetText(size_t column, uint64_t row, const std::string& null_text) const {
  const Value value = GetValue(column, row);
  return value.is_null() ? null_text : value.ToString(*time_zone);
}

}  // namespace basin
