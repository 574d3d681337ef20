// src/exec/operators/filter_projection.h
#pragma once

#include <vector>

#include "exec/expression.h"
#include "exec/physical_node.h"

namespace basin {

// Keeps the rows where the predicate is true.
class FilterNode : public PhysicalNode, public Operator {
 public:
  FilterNode(std::vector<LogicalType> types, ExprPtr predicate);
  const Operator* AsOperator() const override { return this; }
  std::unique_ptr<LocalState> InitOperatorLocal(ExecutionContext&, GlobalState*) const override;
  OperatorResult Execute(ExecutionContext&, const Batch& in, Batch& out, GlobalState*,
                         LocalState*) const override;
  std::string Details() const override { return predicate_->ToString(); }

 private:
  ExprPtr predicate_;
};

// Computes one output column per expression.
class ProjectionNode : public PhysicalNode, public Operator {
 public:
  explicit ProjectionNode(std::vector<ExprPtr> expressions);
  const Operator* AsOperator() const override { return this; }
  std::unique_ptr<LocalState> InitOperatorLocal(ExecutionContext&, GlobalState*) const override;
  OperatorResult Execute(ExecutionContext&, const Batch& in, Batch& out, GlobalState*,
                         LocalState*) const override;
  std::string Details() const override;

 private:
  std::vector<ExprPtr> expressions_;
};

}  // namespace basin
