#include "exec/operators/result_collector.h"

namespace basin {

namespace {
struct CollectorGlobal : GlobalState {
  std::mutex mutex;
  std::vector<Batch> batches;
};
struct CollectorLocal : LocalState {
  std::vector<Batch> batches;
};
}  // namespace

Batch ShareBatch(const Batch& batch) {
  Batch copy;
  copy.columns.resize(batch.columns.size());
  for (size_t i = 0; i < batch.columns.size(); ++i) copy.columns[i].Reference(batch.columns[i]);
  copy.size = batch.size;
  return copy;
}

std::unique_ptr<GlobalState> ResultCollectorNode::InitGlobal(ExecutionContext&) const {
  return std::make_unique<CollectorGlobal>();
}

std::unique_ptr<LocalState> ResultCollectorNode::InitSinkLocal(ExecutionContext&, GlobalState*) const {
  return std::make_unique<CollectorLocal>();
}

SinkResult ResultCollectorNode::Consume(ExecutionContext&, const Batch& in, GlobalState*,
                                        LocalState* local) const {
  static_cast<CollectorLocal&>(*local).batches.push_back(ShareBatch(in));
  return SinkResult::kNeedMoreInput;
}

void ResultCollectorNode::Combine(ExecutionContext&, GlobalState* global, LocalState* local) const {
  auto& state = static_cast<CollectorGlobal&>(*global);
  auto& batches = static_cast<CollectorLocal&>(*local).batches;
  std::lock_guard lock(state.mutex);
  for (auto& batch : batches) state.batches.push_back(std::move(batch));
}

std::vector<Batch> ResultCollectorNode::TakeBatches(GlobalState* state) {
  return std::move(static_cast<CollectorGlobal&>(*state).batches);
}

}  // namespace basin
