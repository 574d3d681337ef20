#include "exec/operators/table_scan.h"

#include <atomic>

namespace basin {

namespace {
struct ScanState : GlobalState {
  Table::Snapshot chunks;
  std::atomic<size_t> next{0};
};
}  // namespace

static std::vector<LogicalType> SelectedTypes(const Table& table, const std::vector<uint32_t>& ids) {
  std::vector<LogicalType> types;
  for (uint32_t id : ids) types.push_back(table.columns()[id].type);
  return types;
}

TableScanNode::TableScanNode(std::shared_ptr<Table> table, std::vector<uint32_t> column_ids)
    : PhysicalNode("TABLE_SCAN", SelectedTypes(*table, column_ids)),
      table_(std::move(table)),
      column_ids_(std::move(column_ids)) {}

std::unique_ptr<GlobalState> TableScanNode::InitGlobal(ExecutionContext&) const {
  auto state = std::make_unique<ScanState>();
  state->chunks = table_->GetSnapshot();
  return state;
}

bool TableScanNode::GetData(ExecutionContext&, GlobalState* global, LocalState*, Batch& out) const {
  auto& state = static_cast<ScanState&>(*global);
  const size_t index = state.next.fetch_add(1, std::memory_order_relaxed);
  if (index >= state.chunks.size()) return false;
  const Batch& chunk = *state.chunks[index];
  for (size_t i = 0; i < column_ids_.size(); ++i) out.columns[i].Reference(chunk.columns[column_ids_[i]]);
  out.size = chunk.size;
  return true;
}

uint64_t TableScanNode::EstimatedRows(GlobalState* global) const {
  uint64_t rows = 0;
  for (const auto& chunk : static_cast<ScanState&>(*global).chunks) rows += chunk->size;
  return rows;
}

std::string TableScanNode::Details() const {
  std::string details = table_->name() + " [";
  for (size_t i = 0; i < column_ids_.size(); ++i) {
    if (i > 0) details += ", ";
    details += table_->columns()[column_ids_[i]].name;
  }
  return details + "]";
}

namespace {
struct BatchesState : GlobalState {
  size_t next = 0;
};
}  // namespace

BatchesSourceNode::BatchesSourceNode(std::vector<LogicalType> types,
                                     std::shared_ptr<const std::vector<Batch>> batches, std::string label)
    : PhysicalNode("COLUMN_DATA_SCAN", std::move(types)), batches_(std::move(batches)), label_(std::move(label)) {}

std::unique_ptr<GlobalState> BatchesSourceNode::InitGlobal(ExecutionContext&) const {
  return std::make_unique<BatchesState>();
}

bool BatchesSourceNode::GetData(ExecutionContext&, GlobalState* global, LocalState*, Batch& out) const {
  auto& state = static_cast<BatchesState&>(*global);
  if (state.next >= batches_->size()) return false;
  const Batch& batch = (*batches_)[state.next++];
  for (size_t i = 0; i < out.columns.size(); ++i) out.columns[i].Reference(batch.columns[i]);
  out.size = batch.size;
  return true;
}

}  // namespace basin
