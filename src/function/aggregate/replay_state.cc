#include "function/aggregate/replay_state.h"

namespace basin {

ReplayState::ReplayState(const AggregateFunction& inner)
    : inner_(inner), bytes_(std::make_unique<uint8_t[]>(inner.state_size + 16)) {
  state_ = bytes_.get() + (16 - reinterpret_cast<uintptr_t>(bytes_.get()) % 16) % 16;
  inner_.initialize(state_);
}

ReplayState::~ReplayState() {
  if (inner_.destroy) inner_.destroy(state_);
}

void ReplayState::Update(const std::vector<const Vector*>& args, uint32_t count, const FunctionData* data) {
  std::vector<uint8_t*> targets(count, state_);
  inner_.update(args, targets.data(), count, data);
}

void ReplayState::FinalizeInto(Vector& result, uint32_t row, const FunctionData* data) {
  uint8_t* pointer = state_;
  Vector single(result.type(), 1);
  inner_.finalize(&pointer, 1, single, data);
  CopyRows(single, nullptr, 1, result, row);
}

}  // namespace basin
