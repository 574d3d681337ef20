#include "catalog/table.h"

#include <algorithm>

namespace basin {

Table::Table(std::string schema, std::string name, std::vector<ColumnDefinition> columns)
    : schema_(std::move(schema)), name_(std::move(name)), columns_(std::move(columns)) {}

std::vector<LogicalType> Table::Types() const {
  std::vector<LogicalType> types;
  for (const auto& column : columns_) types.push_back(column.type);
  return types;
}

int Table::FindColumn(const std::string& name) const {
  for (size_t i = 0; i < columns_.size(); ++i) {
    if (columns_[i].name == name) return static_cast<int>(i);
  }
  return -1;
}

Table::Snapshot Table::GetSnapshot() const {
  std::shared_lock lock(mutex_);
  return chunks_;
}

uint64_t Table::NumRows() const {
  std::shared_lock lock(mutex_);
  return num_rows_;
}

void Table::Append(const std::vector<Batch>& batches) {
  const std::vector<LogicalType> types = Types();
  std::unique_lock lock(mutex_);
  Snapshot chunks = chunks_;
  uint64_t rows = num_rows_;
  for (const auto& batch : batches) {
    uint32_t offset = 0;
    while (offset < batch.size) {
      // Fill the last chunk up to kBatchSize first, so that many small inserts do
      // not leave many tiny chunks; the old chunk is copied, never modified.
      std::shared_ptr<Batch> target;
      if (!chunks.empty() && chunks.back()->size < kBatchSize) {
        const Batch& last = *chunks.back();
        target = std::make_shared<Batch>(types);
        for (size_t c = 0; c < types.size(); ++c) CopyRows(last.columns[c], nullptr, last.size, target->columns[c], 0);
        target->size = last.size;
        chunks.pop_back();
      } else {
        target = std::make_shared<Batch>(types);
      }
      const uint32_t take = std::min(kBatchSize - target->size, batch.size - offset);
      std::vector<uint32_t> rows_to_copy(take);
      for (uint32_t i = 0; i < take; ++i) rows_to_copy[i] = offset + i;
      for (size_t c = 0; c < types.size(); ++c) {
        CopyRows(batch.columns[c], rows_to_copy.data(), take, target->columns[c], target->size);
      }
      target->size += take;
      offset += take;
      rows += take;
      chunks.push_back(std::move(target));
    }
  }
  chunks_ = std::move(chunks);
  num_rows_ = rows;
}

void Table::Replace(Snapshot chunks) {
  uint64_t rows = 0;
  for (const auto& chunk : chunks) rows += chunk->size;
  std::unique_lock lock(mutex_);
  chunks_ = std::move(chunks);
  num_rows_ = rows;
}

}  // namespace basin
