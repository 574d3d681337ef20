#include "exec/operators/hash_aggregate.h"

#include <atomic>
#include <mutex>

namespace basin {

namespace {
struct AggregateGlobal : GlobalState {
  std::mutex mutex;
  std::unique_ptr<AggregateHashTable> table;
  std::atomic<size_t> next_batch{0};
};
struct AggregateLocal : LocalState {
  std::unique_ptr<AggregateHashTable> table;
};

std::vector<LogicalType> OutputTypes(const std::vector<LogicalType>& input, const std::vector<uint32_t>& keys,
                                     const std::vector<AggregateSpec>& aggregates) {
  std::vector<LogicalType> types;
  for (uint32_t key : keys) types.push_back(input[key]);
  for (const auto& aggregate : aggregates) types.push_back(aggregate.result_type);
  return types;
}
}  // namespace

HashAggregateNode::HashAggregateNode(std::vector<LogicalType> input_types, std::vector<uint32_t> key_columns,
                                     std::vector<AggregateSpec> aggregates)
    : PhysicalNode(key_columns.empty() ? "UNGROUPED_AGGREGATE" : "HASH_GROUP_BY",
                   OutputTypes(input_types, key_columns, aggregates)),
      key_columns_(std::move(key_columns)),
      aggregates_(std::move(aggregates)) {
  for (uint32_t key : key_columns_) key_types_.push_back(input_types[key]);
}

std::unique_ptr<GlobalState> HashAggregateNode::InitGlobal(ExecutionContext&) const {
  return std::make_unique<AggregateGlobal>();
}

std::unique_ptr<LocalState> HashAggregateNode::InitSinkLocal(ExecutionContext& ctx, GlobalState*) const {
  auto local = std::make_unique<AggregateLocal>();
  local->table = std::make_unique<AggregateHashTable>(key_types_, aggregates_, ctx.memory);
  return local;
}

SinkResult HashAggregateNode::Consume(ExecutionContext&, const Batch& in, GlobalState*, LocalState* local) const {
  static_cast<AggregateLocal&>(*local).table->AddBatch(in, key_columns_);
  return SinkResult::kNeedMoreInput;
}

void HashAggregateNode::Combine(ExecutionContext&, GlobalState* global, LocalState* local) const {
  auto& state = static_cast<AggregateGlobal&>(*global);
  auto& table = static_cast<AggregateLocal&>(*local).table;
  std::lock_guard lock(state.mutex);
  if (!state.table) {
    state.table = std::move(table);
  } else {
    state.table->Merge(*table);
  }
}

void HashAggregateNode::Finalize(ExecutionContext& ctx, GlobalState* global) const {
  auto& state = static_cast<AggregateGlobal&>(*global);
  if (!state.table) state.table = std::make_unique<AggregateHashTable>(key_types_, aggregates_, ctx.memory);
  if (key_columns_.empty()) state.table->EnsureSingleGroup();
}

bool HashAggregateNode::GetData(ExecutionContext&, GlobalState* global, LocalState*, Batch& out) const {
  auto& state = static_cast<AggregateGlobal&>(*global);
  const size_t index = state.next_batch.fetch_add(1);
  if (index >= state.table->num_batches()) return false;
  state.table->EmitBatch(index, out);
  return true;
}

std::string HashAggregateNode::Details() const {
  std::string details;
  for (size_t i = 0; i < key_columns_.size(); ++i) details += (i ? ", #" : "#") + std::to_string(key_columns_[i]);
  for (const auto& aggregate : aggregates_) {
    details += (details.empty() ? "" : ", ") + aggregate.function->name + "(";
    for (size_t i = 0; i < aggregate.argument_columns.size(); ++i) {
      details += (i ? ", #" : "#") + std::to_string(aggregate.argument_columns[i]);
    }
    details += ")";
  }
  return details;
}

}  // namespace basin
