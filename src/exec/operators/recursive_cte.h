// src/exec/operators/recursive_cte.h
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "exec/physical_node.h"

namespace basin {

// WITH RECURSIVE, as PostgreSQL evaluates it: the non-recursive term's rows (child 0,
// consumed as a sink) form the first working table; then the recursive term (child
// 1, a ResultCollectorNode whose plan reads `working_table`) runs again and again on
// the previous run's new rows until a run produces none. Without UNION ALL, rows
// equal to one produced before are dropped. The union of all rows is the output.
// Runs of the recursive term happen in Finalize, on the coordinating thread; each
// checks for interrupts, and the rows held count against the memory limit.
class RecursiveCteNode : public PhysicalNode, public Sink, public Source {
 public:
  RecursiveCteNode(std::string cte_name, std::vector<LogicalType> types, bool union_all,
                   std::shared_ptr<std::vector<Batch>> working_table);

  const Sink* AsSink() const override { return this; }
  const Source* AsSource() const override { return this; }
  std::unique_ptr<GlobalState> InitGlobal(ExecutionContext&) const override;
  SinkResult Consume(ExecutionContext&, const Batch& in, GlobalState*, LocalState*) const override;
  void Finalize(ExecutionContext&, GlobalState*) const override;
  bool GetData(ExecutionContext&, GlobalState*, LocalState*, Batch& out) const override;
  // One thread: rows come out in the order they were produced.
  uint32_t MaxThreads(GlobalState*) const override { return 1; }
  std::string Details() const override;

 private:
  std::string cte_name_;
  bool union_all_;
  // Shared with the BatchesSourceNode the recursive term reads; written only by
  // Finalize between runs.
  std::shared_ptr<std::vector<Batch>> working_table_;
};

}  // namespace basin
