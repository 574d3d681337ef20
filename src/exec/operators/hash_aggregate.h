// src/exec/operators/hash_aggregate.h
#pragma once

#include <vector>

#include "exec/aggregate_hash_table.h"
#include "exec/physical_node.h"

namespace basin {

// GROUP BY with hash tables: each thread aggregates its morsels into a table of its
// own; the tables are merged when the threads are done, then emitted. Output: the
// key columns, then one column per aggregate. Without keys it returns exactly one
// row, even over no input.
class HashAggregateNode : public PhysicalNode, public Sink, public Source {
 public:
  HashAggregateNode(std::vector<LogicalType> input_types, std::vector<uint32_t> key_columns,
                    std::vector<AggregateSpec> aggregates);

  const Sink* AsSink() const override { return this; }
  const Source* AsSource() const override { return this; }
  std::unique_ptr<GlobalState> InitGlobal(ExecutionContext&) const override;
  std::unique_ptr<LocalState> InitSinkLocal(ExecutionContext&, GlobalState*) const override;
  SinkResult Consume(ExecutionContext&, const Batch& in, GlobalState*, LocalState*) const override;
  void Combine(ExecutionContext&, GlobalState*, LocalState*) const override;
  void Finalize(ExecutionContext&, GlobalState*) const override;
  bool GetData(ExecutionContext&, GlobalState*, LocalState*, Batch& out) const override;
  std::string Details() const override;

 private:
  std::vector<LogicalType> key_types_;
  std::vector<uint32_t> key_columns_;
  std::vector<AggregateSpec> aggregates_;
};

}  // namespace basin
