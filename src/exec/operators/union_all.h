// src/exec/operators/union_all.h
#pragma once

#include "exec/physical_node.h"

namespace basin {

// UNION ALL: each child runs as a pipeline of its own into the operators above
// (see BuildPipelines); the node itself produces nothing.
class UnionAllNode : public PhysicalNode, public Source {
 public:
  explicit UnionAllNode(std::vector<LogicalType> types) : PhysicalNode("UNION_ALL", std::move(types)) {}
  const Source* AsSource() const override { return this; }
  bool GetData(ExecutionContext&, GlobalState*, LocalState*, Batch&) const override { return false; }
  uint32_t MaxThreads(GlobalState*) const override { return 1; }
};

}  // namespace basin
