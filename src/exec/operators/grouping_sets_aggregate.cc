#include "exec/operators/grouping_sets_aggregate.h"

#include <algorithm>
#include <atomic>
#include <mutex>

namespace basin {

namespace {
struct GroupingSetsGlobal : GlobalState {
  std::mutex mutex;
  std::vector<std::unique_ptr<AggregateHashTable>> tables;  // one per set
  // (set, batch of its table) in emission order, filled by Finalize.
  std::vector<std::pair<uint32_t, size_t>> batches;
  std::atomic<size_t> next_batch{0};
};
struct GroupingSetsLocal : LocalState {
  std::vector<std::unique_ptr<AggregateHashTable>> tables;
};
}  // namespace

GroupingSetsAggregateNode::GroupingSetsAggregateNode(std::vector<LogicalType> input_types,
                                                     std::vector<uint32_t> key_columns,
                                                     std::vector<std::vector<uint32_t>> sets,
                                                     std::vector<AggregateSpec> aggregates,
                                                     std::vector<GroupingSetsOutput> outputs,
                                                     std::vector<LogicalType> output_types)
    : PhysicalNode("GROUPING_SETS_AGGREGATE", std::move(output_types)),
      input_types_(std::move(input_types)),
      key_columns_(std::move(key_columns)),
      sets_(std::move(sets)),
      aggregates_(std::move(aggregates)),
      outputs_(std::move(outputs)) {
  for (const auto& set : sets_) {
    std::vector<uint32_t> columns;
    std::vector<LogicalType> types;
    for (uint32_t key : set) {
      columns.push_back(key_columns_[key]);
      types.push_back(input_types_[key_columns_[key]]);
    }
    set_input_columns_.push_back(std::move(columns));
    set_key_types_.push_back(std::move(types));
  }
}

std::unique_ptr<GlobalState> GroupingSetsAggregateNode::InitGlobal(ExecutionContext&) const {
  return std::make_unique<GroupingSetsGlobal>();
}

std::unique_ptr<LocalState> GroupingSetsAggregateNode::InitSinkLocal(ExecutionContext& ctx, GlobalState*) const {
  auto local = std::make_unique<GroupingSetsLocal>();
  for (const auto& types : set_key_types_) {
    local->tables.push_back(std::make_unique<AggregateHashTable>(types, aggregates_, ctx.memory));
  }
  return local;
}

SinkResult GroupingSetsAggregateNode::Consume(ExecutionContext&, const Batch& in, GlobalState*,
                                              LocalState* local) const {
  auto& tables = static_cast<GroupingSetsLocal&>(*local).tables;
  for (size_t s = 0; s < sets_.size(); ++s) tables[s]->AddBatch(in, set_input_columns_[s]);
  return SinkResult::kNeedMoreInput;
}

void GroupingSetsAggregateNode::Combine(ExecutionContext&, GlobalState* global, LocalState* local) const {
  auto& state = static_cast<GroupingSetsGlobal&>(*global);
  auto& tables = static_cast<GroupingSetsLocal&>(*local).tables;
  std::lock_guard lock(state.mutex);
  if (state.tables.empty()) {
    state.tables = std::move(tables);
    return;
  }
  for (size_t s = 0; s < sets_.size(); ++s) state.tables[s]->Merge(*tables[s]);
}

void GroupingSetsAggregateNode::Finalize(ExecutionContext& ctx, GlobalState* global) const {
  auto& state = static_cast<GroupingSetsGlobal&>(*global);
  if (state.tables.empty()) {
    for (const auto& types : set_key_types_) {
      state.tables.push_back(std::make_unique<AggregateHashTable>(types, aggregates_, ctx.memory));
    }
  }
  for (size_t s = 0; s < sets_.size(); ++s) {
    if (sets_[s].empty()) state.tables[s]->EnsureSingleGroup();
    for (size_t b = 0; b < state.tables[s]->num_batches(); ++b) state.batches.emplace_back(s, b);
  }
}

bool GroupingSetsAggregateNode::GetData(ExecutionContext&, GlobalState* global, LocalState*, Batch& out) const {
  auto& state = static_cast<GroupingSetsGlobal&>(*global);
  const size_t index = state.next_batch.fetch_add(1);
  if (index >= state.batches.size()) return false;
  const auto [set_index, batch_index] = state.batches[index];
  const auto& set = sets_[set_index];
  std::vector<LogicalType> emitted_types = set_key_types_[set_index];
  for (const auto& aggregate : aggregates_) emitted_types.push_back(aggregate.result_type);
  Batch emitted(emitted_types);
  state.tables[set_index]->EmitBatch(batch_index, emitted);
  const uint32_t count = emitted.size;

  const size_t num_keys = key_columns_.size();
  for (size_t k = 0; k < num_keys; ++k) {
    const auto position = std::find(set.begin(), set.end(), k);
    if (position != set.end()) {
      CopyRows(emitted.columns[position - set.begin()], nullptr, count, out.columns[k], 0);
    } else {
      for (uint32_t row = 0; row < count; ++row) out.columns[k].SetNull(row);
    }
  }
  for (size_t o = 0; o < outputs_.size(); ++o) {
    Vector& target = out.columns[num_keys + o];
    const GroupingSetsOutput& output = outputs_[o];
    if (output.aggregate >= 0) {
      CopyRows(emitted.columns[set.size() + output.aggregate], nullptr, count, target, 0);
      continue;
    }
    // PostgreSQL's bit order: the last argument is the least significant bit; a bit
    // is set when its key is not grouped in this set.
    int32_t mask = 0;
    for (uint32_t key : output.grouping_keys) {
      mask = (mask << 1) | (std::find(set.begin(), set.end(), key) == set.end() ? 1 : 0);
    }
    int32_t* values = target.data<int32_t>();
    for (uint32_t row = 0; row < count; ++row) values[row] = mask;
  }
  out.size = count;
  return true;
}

std::string GroupingSetsAggregateNode::Details() const {
  std::string details;
  for (const auto& set : sets_) {
    details += "(";
    for (size_t i = 0; i < set.size(); ++i) details += (i ? ", #" : "#") + std::to_string(key_columns_[set[i]]);
    details += ") ";
  }
  for (const auto& aggregate : aggregates_) details += aggregate.function->name + " ";
  if (!details.empty()) details.pop_back();
  return details;
}

}  // namespace basin
