// src/exec/physical_node.h
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "common/batch.h"
#include "exec/execution_context.h"

namespace basin {

// Mutable execution state lives outside the plan, which all threads share read-only:
// GlobalState is one per node and query (locked where threads meet), LocalState one
// per node and thread. That split is what makes morsel-driven parallelism safe.
struct GlobalState {
  virtual ~GlobalState() = default;
};
struct LocalState {
  virtual ~LocalState() = default;
};

enum class OperatorResult { kNeedInput, kHaveMoreOutput, kFinished };
enum class SinkResult { kNeedMoreInput, kFinished };

class PhysicalNode;

// Produces batches: a table scan, or the output side of a pipeline breaker.
class Source {
 public:
  virtual ~Source() = default;
  virtual std::unique_ptr<LocalState> InitSourceLocal(ExecutionContext&, GlobalState*) const {
    return nullptr;
  }
  // Fills `out` (already shaped with the node's types, size 0) with the next morsel.
  // Returns false when no morsels are left.
  virtual bool GetData(ExecutionContext&, GlobalState*, LocalState*, Batch& out) const = 0;
  // How many threads may pull from this source at once (1 keeps output in order).
  virtual uint32_t MaxThreads(GlobalState*) const { return UINT32_MAX; }
  // Rows this source will produce, if known (for progress).
  virtual uint64_t EstimatedRows(GlobalState*) const { return 0; }
};

// Transforms batches one by one: filter, projection, hash-join probe.
class Operator {
 public:
  virtual ~Operator() = default;
  virtual std::unique_ptr<LocalState> InitOperatorLocal(ExecutionContext&, GlobalState*) const {
    return nullptr;
  }
  // Reads `in` and writes `out` (shaped, size 0). kHaveMoreOutput: call again with
  // the same input for more output. kFinished: no more output, ever (LIMIT).
  virtual OperatorResult Execute(ExecutionContext&, const Batch& in, Batch& out, GlobalState*,
                                 LocalState*) const = 0;
};

// A pipeline breaker: consumes all of its input before anything comes out.
class Sink {
 public:
  virtual ~Sink() = default;
  virtual std::unique_ptr<LocalState> InitSinkLocal(ExecutionContext&, GlobalState*) const {
    return nullptr;
  }
  virtual SinkResult Consume(ExecutionContext&, const Batch& in, GlobalState*, LocalState*) const = 0;
  // Once per thread, after its last Consume: merge local into global state.
  virtual void Combine(ExecutionContext&, GlobalState*, LocalState*) const {}
  // Once, after all threads combined.
  virtual void Finalize(ExecutionContext&, GlobalState*) const {}
};

// A node of the physical plan tree. Each node plays one or more of the roles above;
// the pipeline builder splits the tree at sinks. Nodes are immutable during execution.
class PhysicalNode {
 public:
  PhysicalNode(std::string name, std::vector<LogicalType> types)
      : name_(std::move(name)), types_(std::move(types)) {}
  virtual ~PhysicalNode() = default;

  const std::string& name() const { return name_; }
  const std::vector<LogicalType>& types() const { return types_; }
  std::vector<std::unique_ptr<PhysicalNode>> children;

  virtual const Source* AsSource() const { return nullptr; }
  virtual const Operator* AsOperator() const { return nullptr; }
  virtual const Sink* AsSink() const { return nullptr; }
  // Join-like nodes are operators on child 0's pipeline and sinks of child 1's.
  // Other sinks consume child 0.
  virtual bool IsJoinBuild() const { return false; }
  // A source that, after its pipeline, must emit more rows through the same
  // downstream operators (FULL/RIGHT join's unmatched build rows).
  virtual const Source* TrailingSource() const { return nullptr; }

  virtual std::unique_ptr<GlobalState> InitGlobal(ExecutionContext&) const { return nullptr; }

  // One line of EXPLAIN: e.g. "HASH_JOIN INNER (l.a = r.b)".
  virtual std::string Details() const { return ""; }
  double estimated_rows = 0;

  // Filled while the query runs with profiling on (EXPLAIN ANALYZE).
  mutable std::atomic<uint64_t> rows_produced{0};
  mutable std::atomic<uint64_t> nanoseconds{0};

 private:
  std::string name_;
  std::vector<LogicalType> types_;
};

using PhysicalPtr = std::unique_ptr<PhysicalNode>;

}  // namespace basin
