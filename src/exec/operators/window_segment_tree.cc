#include "exec/operators/window_segment_tree.h"

#include <algorithm>
#include <cstdint>

namespace basin {

namespace {
// States are 16-byte aligned: int128 sums need it.
uint32_t AlignedWidth(uint32_t size) { return std::max<uint32_t>(16, (size + 15) / 16 * 16); }
}  // namespace

AggregateStates::AggregateStates(const AggregateFunction& function, uint32_t count)
    : function_(function), count_(count), width_(AlignedWidth(function.state_size)) {
  storage_.resize(size_t{count_} * width_ + 16);
  const auto address = reinterpret_cast<uintptr_t>(storage_.data());
  base_ = storage_.data() + ((16 - address % 16) % 16);
  for (uint32_t i = 0; i < count_; ++i) function_.initialize(at(i));
}

AggregateStates::~AggregateStates() { Destroy(); }

void AggregateStates::Destroy() {
  if (!function_.destroy) return;
  for (uint32_t i = 0; i < count_; ++i) function_.destroy(at(i));
}

void AggregateStates::Reset() {
  Destroy();
  for (uint32_t i = 0; i < count_; ++i) function_.initialize(at(i));
}

WindowSegmentTree::WindowSegmentTree(const AggregateFunction& function, const FunctionData* data, uint32_t num_rows)
    : function_(function), data_(data) {
  levels_.push_back(std::make_unique<AggregateStates>(function, num_rows));
}

void WindowSegmentTree::Build() {
  while (levels_.back()->size() > 1) {
    AggregateStates& below = *levels_.back();
    const uint32_t count = (below.size() + kFanout - 1) / kFanout;
    auto level = std::make_unique<AggregateStates>(function_, count);
    for (uint32_t node = 0; node < count; ++node) {
      const uint32_t end = std::min(below.size(), (node + 1) * kFanout);
      for (uint32_t child = node * kFanout; child < end; ++child) function_.combine(below.at(child), level->at(node), data_);
    }
    levels_.push_back(std::move(level));
  }
}

void WindowSegmentTree::Query(uint32_t begin, uint32_t end, uint8_t* result) {
  // Combine left to right, as order-sensitive aggregates (string_agg) need: left
  // edges on the way up, then the top range, then the right edges on the way down.
  struct Range {
    size_t level;
    uint32_t begin;
    uint32_t end;
  };
  std::vector<Range> right_edges;
  for (size_t level = 0; begin < end && level < levels_.size(); ++level) {
    AggregateStates& states = *levels_[level];
    const uint32_t parent_begin = (begin + kFanout - 1) / kFanout;
    const uint32_t parent_end = end / kFanout;
    if (parent_begin >= parent_end) {
      for (uint32_t i = begin; i < end; ++i) function_.combine(states.at(i), result, data_);
      break;
    }
    for (uint32_t i = begin; i < parent_begin * kFanout; ++i) function_.combine(states.at(i), result, data_);
    right_edges.push_back({level, parent_end * kFanout, end});
    begin = parent_begin;
    end = parent_end;
  }
  for (auto edge = right_edges.rbegin(); edge != right_edges.rend(); ++edge) {
    AggregateStates& states = *levels_[edge->level];
    for (uint32_t i = edge->begin; i < edge->end; ++i) function_.combine(states.at(i), result, data_);
  }
}

}  // namespace basin
