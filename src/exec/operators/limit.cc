#include "exec/operators/limit.h"

#include <algorithm>
#include <mutex>
#include <vector>

#include "exec/operators/result_collector.h"

namespace basin {

namespace {
struct LimitState : GlobalState {
  std::mutex mutex;
  uint64_t seen = 0;  // input rows counted so far, offset included
  std::vector<Batch> batches;
  size_t next = 0;
};
}  // namespace

LimitNode::LimitNode(std::vector<LogicalType> types, std::optional<uint64_t> limit, uint64_t offset)
    : PhysicalNode("LIMIT", std::move(types)), limit_(limit), offset_(offset) {}

std::unique_ptr<GlobalState> LimitNode::InitGlobal(ExecutionContext&) const {
  return std::make_unique<LimitState>();
}

SinkResult LimitNode::Consume(ExecutionContext&, const Batch& in, GlobalState* global, LocalState*) const {
  auto& state = static_cast<LimitState&>(*global);
  std::lock_guard lock(state.mutex);
  const uint64_t end = limit_ ? offset_ + *limit_ : UINT64_MAX;
  if (state.seen >= end) return SinkResult::kFinished;
  const uint64_t begin_in_batch = state.seen < offset_ ? std::min<uint64_t>(offset_ - state.seen, in.size) : 0;
  const uint64_t end_in_batch = std::min<uint64_t>(in.size, end - state.seen);
  state.seen += in.size;
  if (end_in_batch > begin_in_batch) {
    if (begin_in_batch == 0 && end_in_batch == in.size) {
      state.batches.push_back(ShareBatch(in));
    } else {
      std::vector<uint32_t> rows;
      for (uint64_t row = begin_in_batch; row < end_in_batch; ++row) rows.push_back(static_cast<uint32_t>(row));
      Batch slice(in.Types(), static_cast<uint32_t>(rows.size()));
      for (size_t c = 0; c < in.columns.size(); ++c) {
        CopyRows(in.columns[c], rows.data(), static_cast<uint32_t>(rows.size()), slice.columns[c], 0);
      }
      slice.size = static_cast<uint32_t>(rows.size());
      state.batches.push_back(std::move(slice));
    }
  }
  return state.seen >= end ? SinkResult::kFinished : SinkResult::kNeedMoreInput;
}

bool LimitNode::GetData(ExecutionContext&, GlobalState* global, LocalState*, Batch& out) const {
  auto& state = static_cast<LimitState&>(*global);
  if (state.next >= state.batches.size()) return false;
  const Batch& batch = state.batches[state.next++];
  for (size_t i = 0; i < out.columns.size(); ++i) out.columns[i].Reference(batch.columns[i]);
  out.size = batch.size;
  return true;
}

std::string LimitNode::Details() const {
  std::string details = limit_ ? "LIMIT " + std::to_string(*limit_) : "LIMIT ALL";
  if (offset_ > 0) details += " OFFSET " + std::to_string(offset_);
  return details;
}

}  // namespace basin
