// src/exec/aggregate_hash_table.h
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "common/batch.h"
#include "common/memory_tracker.h"
#include "exec/hashing.h"
#include "function/aggregate_function.h"

namespace basin {

// One aggregate of a GROUP BY: which function, over which input columns.
struct AggregateSpec {
  std::shared_ptr<const AggregateFunction> function;
  std::shared_ptr<const FunctionData> data;
  std::vector<uint32_t> argument_columns;  // into the aggregate node's input batch
  // Input column of a boolean FILTER (WHERE ...) condition, or -1.
  int filter_column = -1;
  LogicalType result_type;
};

// The groups of a hash aggregation and their aggregate states. Group keys are kept
// column-wise in batches of kBatchSize (group g is row g % kBatchSize of batch
// g / kBatchSize); an open-addressing table maps hashes to group ids. NULL keys form
// a group of their own, as SQL's GROUP BY wants. Not thread-safe: one per thread,
// merged at the end.
class AggregateHashTable {
 public:
  AggregateHashTable(std::vector<LogicalType> key_types, const std::vector<AggregateSpec>& aggregates,
                     MemoryTracker& memory);
  ~AggregateHashTable();
  AggregateHashTable(const AggregateHashTable&) = delete;
  AggregateHashTable& operator=(const AggregateHashTable&) = delete;

  // Adds the rows of `input`: keys are columns `key_columns`, aggregate arguments as
  // the specs say.
  void AddBatch(const Batch& input, const std::vector<uint32_t>& key_columns);
  // Moves every group of `other` into this table, combining states.
  void Merge(AggregateHashTable& other);

  uint64_t num_groups() const { return num_groups_; }
  // Without key columns there is exactly one group, even over no rows (an
  // ungrouped aggregate returns one row).
  void EnsureSingleGroup();
  // Groups are emitted a batch at a time: batch `index` holds groups
  // [index * kBatchSize, ...). Writes the key columns, then one column per aggregate.
  size_t num_batches() const { return keys_.size(); }
  void EmitBatch(size_t index, Batch& out);

 private:
  // Finds or creates the group of each row; returns group ids in `groups`.
  void FindOrCreateGroups(const std::vector<const Vector*>& keys, uint32_t count,
                          const uint64_t* hashes, std::vector<uint32_t>& groups);
  uint32_t CreateGroup(const std::vector<const Vector*>& keys, uint32_t row, uint64_t hash);
  void Grow();
  uint8_t* StateOf(uint32_t group) { return state_pages_[group / kBatchSize].get() + (group % kBatchSize) * state_width_; }

  std::vector<LogicalType> key_types_;
  const std::vector<AggregateSpec>& aggregates_;
  MemoryTracker& memory_;
  std::vector<RowEqualFunction> equal_;
  std::vector<uint32_t> state_offsets_;
  uint32_t state_width_ = 0;

  uint32_t num_groups_ = 0;
  std::vector<Batch> keys_;  // group keys, kBatchSize per batch
  std::vector<uint64_t> group_hashes_;
  std::vector<std::unique_ptr<uint8_t[]>> state_pages_;  // kBatchSize states per page
  std::vector<uint32_t> slots_;  // group id + 1; 0 = empty
  uint64_t reserved_bytes_ = 0;
};

}  // namespace basin
