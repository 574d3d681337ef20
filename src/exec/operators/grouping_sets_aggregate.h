// src/exec/operators/grouping_sets_aggregate.h
#pragma once

#include <vector>

#include "exec/aggregate_hash_table.h"
#include "exec/physical_node.h"

namespace basin {

// One output column after the keys of a GroupingSetsAggregateNode: an aggregate of
// the node's specs, or GROUPING(...) over some key positions.
struct GroupingSetsOutput {
  int aggregate = -1;                  // index into the specs, or -1 for GROUPING
  std::vector<uint32_t> grouping_keys;  // GROUPING: key positions, most significant first
};

// GROUP BY GROUPING SETS / ROLLUP / CUBE, and plain GROUP BY with GROUPING(): one
// hash table per grouping set, all filled from one pass over the input (as DuckDB
// does), so the input is read once. Output: every key column (NULL in the rows of
// sets without it), then the outputs. A set without keys yields one row even over
// no input, as in PostgreSQL.
class GroupingSetsAggregateNode : public PhysicalNode, public Sink, public Source {
 public:
  // `key_columns`: all group keys (input columns); `sets`: per set, positions into
  // key_columns.
  GroupingSetsAggregateNode(std::vector<LogicalType> input_types, std::vector<uint32_t> key_columns,
                            std::vector<std::vector<uint32_t>> sets, std::vector<AggregateSpec> aggregates,
                            std::vector<GroupingSetsOutput> outputs, std::vector<LogicalType> output_types);

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
  std::vector<LogicalType> input_types_;
  std::vector<uint32_t> key_columns_;
  std::vector<std::vector<uint32_t>> sets_;
  std::vector<std::vector<uint32_t>> set_input_columns_;  // per set: input columns of its keys
  std::vector<std::vector<LogicalType>> set_key_types_;
  std::vector<AggregateSpec> aggregates_;
  std::vector<GroupingSetsOutput> outputs_;
};

}  // namespace basin
