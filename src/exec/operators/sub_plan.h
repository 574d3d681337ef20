// src/exec/operators/sub_plan.h
#pragma once

#include <vector>

#include "exec/physical_node.h"

namespace basin {

// Runs the plan rooted at `root` (a ResultCollectorNode) to completion with fresh
// node states and returns its output. Operators that run a plan again and again
// (WITH RECURSIVE, LATERAL) call this from Finalize, on the coordinating thread.
// Interrupts and memory limits of `ctx` apply.
std::vector<Batch> RunSubPlan(ExecutionContext& ctx, const PhysicalNode& root);

// A rough size of a batch's data, for memory accounting of materialized results.
uint64_t ApproximateBytes(const Batch& batch);

// Reserves bytes on a MemoryTracker and releases them all when destroyed.
class MemoryReservation {
 public:
  explicit MemoryReservation(MemoryTracker& tracker) : tracker_(tracker) {}
  MemoryReservation(const MemoryReservation&) = delete;
  MemoryReservation& operator=(const MemoryReservation&) = delete;
  ~MemoryReservation() { tracker_.Release(bytes_); }
  // Throws 53200 when the limit would be exceeded.
  void Add(uint64_t bytes) {
    tracker_.Reserve(bytes);
    bytes_ += bytes;
  }

 private:
  MemoryTracker& tracker_;
  uint64_t bytes_ = 0;
};

}  // namespace basin
