// src/exec/operators/window.h
#pragma once

#include <vector>

#include "exec/operators/window_spec.h"
#include "exec/physical_node.h"
#include "exec/sort_key.h"

namespace basin {

// Window functions that share one PARTITION BY and ORDER BY. Outputs the input
// columns, then one column per function, ordered by (partition, order).
//
// Sink: each thread keeps the batches it received and encodes every row's partition
// and order keys (normalized keys, see sort_key.h); rows are hashed on the partition
// key into buckets, so that a partition never spans two buckets. When a thread is
// done it sorts its rows by (bucket, partition key, order key) in Combine, so the
// sorting runs in parallel.
// Source: threads take buckets one at a time, merge the threads' sorted runs of
// that bucket, gather the rows in order and evaluate every function over each
// partition of the bucket (window_evaluator.h), then emit the bucket's batches.
// Without PARTITION BY there is a single bucket.
class WindowNode : public PhysicalNode, public Sink, public Source {
 public:
  WindowNode(std::vector<LogicalType> input_types, WindowPartitionSpec partition,
             std::vector<WindowFunctionSpec> functions);

  const Sink* AsSink() const override { return this; }
  const Source* AsSource() const override { return this; }
  std::unique_ptr<GlobalState> InitGlobal(ExecutionContext&) const override;
  std::unique_ptr<LocalState> InitSinkLocal(ExecutionContext&, GlobalState*) const override;
  SinkResult Consume(ExecutionContext&, const Batch& in, GlobalState*, LocalState*) const override;
  void Combine(ExecutionContext&, GlobalState*, LocalState*) const override;
  void Finalize(ExecutionContext&, GlobalState*) const override;
  std::unique_ptr<LocalState> InitSourceLocal(ExecutionContext&, GlobalState*) const override;
  bool GetData(ExecutionContext&, GlobalState*, LocalState*, Batch& out) const override;
  std::string Details() const override;

 private:
  std::vector<LogicalType> input_types_;
  WindowPartitionSpec partition_;
  std::vector<WindowFunctionSpec> functions_;
  SortKeyEncoder partition_encoder_;
  SortKeyEncoder order_encoder_;
  uint32_t num_buckets_;
};

}  // namespace basin
