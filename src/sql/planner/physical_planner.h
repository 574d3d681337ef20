// src/sql/planner/physical_planner.h
#pragma once

#include <vector>

#include "exec/physical_node.h"
#include "sql/planner/logical_plan.h"

namespace basin {

// Turns a logical plan into physical nodes. Column references by binding become
// positions: each physical subtree outputs exactly its logical node's bindings, in
// order.
class PhysicalPlanner {
 public:
  PhysicalPtr Plan(LogicalOperator& op);

 private:
  PhysicalPtr PlanAggregate(LogicalAggregate& op);
  PhysicalPtr PlanJoin(LogicalJoin& op);
  PhysicalPtr PlanOrder(LogicalOrder& op);
  PhysicalPtr PlanValues(LogicalValues& op);
  PhysicalPtr PlanWindow(LogicalWindow& op);
};

// Clones `expr`, pointing its column references at positions of `bindings`.
ExprPtr ResolveColumns(const Expression& expr, const std::vector<ColumnBinding>& bindings);

}  // namespace basin
