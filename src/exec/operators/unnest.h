// src/exec/operators/unnest.h
#pragma once

#include <vector>

#include "exec/expression.h"
#include "exec/physical_node.h"

namespace basin {

// unnest(list) in a select list (PostgreSQL's ProjectSet): each input row comes out
// once per element, with its columns and then one column per list expression. Lists
// of one row are unnested side by side, the shorter ones padded with NULLs; a row
// whose lists are all NULL or empty produces nothing.
class UnnestNode : public PhysicalNode, public Operator {
 public:
  UnnestNode(std::vector<LogicalType> types, std::vector<ExprPtr> lists);
  const Operator* AsOperator() const override { return this; }
  std::unique_ptr<LocalState> InitOperatorLocal(ExecutionContext&, GlobalState*) const override;
  OperatorResult Execute(ExecutionContext&, const Batch& in, Batch& out, GlobalState*,
                         LocalState*) const override;
  std::string Details() const override;

 private:
  std::vector<ExprPtr> lists_;
};

}  // namespace basin
