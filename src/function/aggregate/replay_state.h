// src/function/aggregate/replay_state.h
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "common/vector.h"
#include "function/aggregate_function.h"

namespace basin {

// One state of an aggregate that a wrapper (DISTINCT, ORDER BY) fills at finalize
// time by replaying the values it kept, then finalizes into one result row.
class ReplayState {
 public:
  explicit ReplayState(const AggregateFunction& inner);
  ~ReplayState();
  ReplayState(const ReplayState&) = delete;
  ReplayState& operator=(const ReplayState&) = delete;

  // Folds rows [0, count) of `args` into the state.
  void Update(const std::vector<const Vector*>& args, uint32_t count, const FunctionData* data);
  // Writes the aggregate's result into row `row` of `result`.
  void FinalizeInto(Vector& result, uint32_t row, const FunctionData* data);

 private:
  const AggregateFunction& inner_;
  std::unique_ptr<uint8_t[]> bytes_;
  uint8_t* state_;  // bytes_, aligned to 16 as hash-table states are
};

}  // namespace basin
