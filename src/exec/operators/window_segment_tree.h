// src/exec/operators/window_segment_tree.h
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "function/aggregate_function.h"

namespace basin {

// A contiguous array of aggregate states, initialized on construction and destroyed
// (when the function owns memory, e.g. min/max of strings) on destruction.
class AggregateStates {
 public:
  AggregateStates(const AggregateFunction& function, uint32_t count);
  ~AggregateStates();
  AggregateStates(const AggregateStates&) = delete;
  AggregateStates& operator=(const AggregateStates&) = delete;

  uint8_t* at(uint32_t index) { return base_ + size_t{index} * width_; }
  uint32_t size() const { return count_; }
  // Returns every state to "no rows seen".
  void Reset();

 private:
  void Destroy();
  const AggregateFunction& function_;
  uint32_t count_;
  uint32_t width_;
  std::vector<uint8_t> storage_;
  uint8_t* base_ = nullptr;  // storage_ aligned to 16 bytes
};

// Aggregate states of a partition's rows arranged as a tree with fanout kFanout:
// level 0 holds one state per row, each level above combines kFanout states of the
// level below. Any range of rows is then the combination of O(kFanout * log n)
// states, which is what frames that move at both ends need (ROWS BETWEEN 3
// PRECEDING AND 3 FOLLOWING). Requires a combine operation; all aggregates have one.
class WindowSegmentTree {
 public:
  static constexpr uint32_t kFanout = 16;

  WindowSegmentTree(const AggregateFunction& function, const FunctionData* data, uint32_t num_rows);
  // The leaf state of row `row`, to be filled before Build().
  uint8_t* Leaf(uint32_t row) { return levels_[0]->at(row); }
  void Build();
  // Combines the states of rows [begin, end) into `result`.
  void Query(uint32_t begin, uint32_t end, uint8_t* result);

 private:
  const AggregateFunction& function_;
  const FunctionData* data_;
  std::vector<std::unique_ptr<AggregateStates>> levels_;
};

}  // namespace basin
