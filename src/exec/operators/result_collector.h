// src/exec/operators/result_collector.h
#pragma once

#include <mutex>
#include <vector>

#include "exec/physical_node.h"

namespace basin {

// The root of a query: gathers every batch it receives. Batches keep sharing their
// buffers with upstream operators (no copy); those allocate fresh ones next time.
class ResultCollectorNode : public PhysicalNode, public Sink {
 public:
  explicit ResultCollectorNode(std::vector<LogicalType> types)
      : PhysicalNode("RESULT", std::move(types)) {}
  const Sink* AsSink() const override { return this; }
  std::unique_ptr<GlobalState> InitGlobal(ExecutionContext&) const override;
  std::unique_ptr<LocalState> InitSinkLocal(ExecutionContext&, GlobalState*) const override;
  SinkResult Consume(ExecutionContext&, const Batch& in, GlobalState*, LocalState*) const override;
  void Combine(ExecutionContext&, GlobalState*, LocalState*) const override;

  // Takes the collected batches out of the node's state after execution.
  static std::vector<Batch> TakeBatches(GlobalState* state);
};

// Shares the columns of `batch` in a new batch (no copy).
Batch ShareBatch(const Batch& batch);

}  // namespace basin
