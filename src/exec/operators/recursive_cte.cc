#include "exec/operators/recursive_cte.h"

#include <mutex>
#include <unordered_map>

#include "exec/expression_evaluator.h"
#include "exec/hashing.h"
#include "exec/operators/result_collector.h"
#include "exec/operators/sub_plan.h"

namespace basin {

namespace {

// The distinct rows seen so far, for UNION: hashes index rows of kept batches.
class DistinctRowSet {
 public:
  explicit DistinctRowSet(const std::vector<LogicalType>& types) {
    for (const auto& type : types) equals_.push_back(GetRowEqualFunction(type));
  }

  // Returns the rows of `batch` not seen before (nor earlier in `batch`) and
  // remembers them.
  Batch InsertNew(const Batch& batch) {
    Batch flat = SliceBatch(batch, nullptr, batch.size);  // flat vectors, owned here
    std::vector<uint64_t> hashes;
    std::vector<uint32_t> keys;
    for (uint32_t c = 0; c < flat.columns.size(); ++c) keys.push_back(c);
    HashKeys(flat, keys, hashes);
    const uint32_t batch_index = static_cast<uint32_t>(rows_.size());
    rows_.push_back(std::move(flat));
    const Batch& kept = rows_.back();
    std::vector<uint32_t> fresh;
    for (uint32_t row = 0; row < kept.size; ++row) {
      bool seen = false;
      auto [begin, end] = index_.equal_range(hashes[row]);
      for (auto it = begin; it != end && !seen; ++it) {
        seen = RowsEqual(rows_[it->second.batch], it->second.row, kept, row);
      }
      if (seen) continue;
      index_.emplace(hashes[row], RowRef{batch_index, row});
      fresh.push_back(row);
    }
    return SliceBatch(kept, fresh.data(), static_cast<uint32_t>(fresh.size()));
  }

 private:
  // NULLs are equal here, as UNION treats them.
  bool RowsEqual(const Batch& a, uint32_t row_a, const Batch& b, uint32_t row_b) const {
    for (size_t c = 0; c < equals_.size(); ++c) {
      const bool valid_a = a.columns[c].IsValid(row_a);
      const bool valid_b = b.columns[c].IsValid(row_b);
      if (valid_a != valid_b) return false;
      if (valid_a && !equals_[c](a.columns[c], row_a, b.columns[c], row_b)) return false;
    }
    return true;
  }

  std::vector<RowEqualFunction> equals_;
  std::vector<Batch> rows_;
  std::unordered_multimap<uint64_t, RowRef> index_;
};

struct RecursiveCteState : GlobalState {
  explicit RecursiveCteState(MemoryTracker& memory) : reservation(memory) {}
  std::mutex mutex;
  std::vector<Batch> anchor;  // the non-recursive term's rows, as consumed
  std::vector<Batch> result;  // every row produced, in order
  size_t next = 0;            // next result batch to emit
  MemoryReservation reservation;
};

}  // namespace

RecursiveCteNode::RecursiveCteNode(std::string cte_name, std::vector<LogicalType> types, bool union_all,
                                   std::shared_ptr<std::vector<Batch>> working_table)
    : PhysicalNode("RECURSIVE_CTE", std::move(types)),
      cte_name_(std::move(cte_name)),
      union_all_(union_all),
      working_table_(std::move(working_table)) {}

std::string RecursiveCteNode::Details() const { return cte_name_ + (union_all_ ? " UNION ALL" : " UNION"); }

std::unique_ptr<GlobalState> RecursiveCteNode::InitGlobal(ExecutionContext& ctx) const {
  return std::make_unique<RecursiveCteState>(ctx.memory);
}

SinkResult RecursiveCteNode::Consume(ExecutionContext&, const Batch& in, GlobalState* global, LocalState*) const {
  auto& state = static_cast<RecursiveCteState&>(*global);
  Batch copy = SliceBatch(in, nullptr, in.size);
  std::lock_guard lock(state.mutex);
  state.reservation.Add(ApproximateBytes(copy));
  state.anchor.push_back(std::move(copy));
  return SinkResult::kNeedMoreInput;
}

void RecursiveCteNode::Finalize(ExecutionContext& ctx, GlobalState* global) const {
  auto& state = static_cast<RecursiveCteState&>(*global);
  DistinctRowSet seen(types());
  // Keeps the new rows of `batches` (all of them for UNION ALL) as the next working
  // table and appends them to the result.
  auto add_rows = [&](std::vector<Batch> batches) {
    std::vector<Batch> working;
    for (auto& batch : batches) {
      if (batch.size == 0) continue;
      Batch fresh = union_all_ ? std::move(batch) : seen.InsertNew(batch);
      if (fresh.size == 0) continue;
      // Kept twice (result and working table) and, for UNION, once in `seen`.
      state.reservation.Add(ApproximateBytes(fresh) * (union_all_ ? 1 : 2));
      state.result.push_back(ShareBatch(fresh));
      working.push_back(std::move(fresh));
    }
    return working;
  };
  std::vector<Batch> working = add_rows(std::move(state.anchor));
  const PhysicalNode& recursive_term = *children[1];
  while (!working.empty()) {
    ctx.CheckInterrupted();
    *working_table_ = std::move(working);
    std::vector<Batch> produced = RunSubPlan(ctx, recursive_term);
    working_table_->clear();
    working = add_rows(std::move(produced));
  }
}

bool RecursiveCteNode::GetData(ExecutionContext&, GlobalState* global, LocalState*, Batch& out) const {
  auto& state = static_cast<RecursiveCteState&>(*global);
  if (state.next >= state.result.size()) return false;
  const Batch& batch = state.result[state.next++];
  for (size_t i = 0; i < out.columns.size(); ++i) out.columns[i].Reference(batch.columns[i]);
  out.size = batch.size;
  return true;
}

}  // namespace basin
