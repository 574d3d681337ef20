// src/sql/optimizer/join_order.h
#pragma once

#include "sql/planner/logical_plan.h"

namespace basin {

// Estimated output rows of a plan node (from table sizes and fixed selectivities
// until statistics exist); also stores it in node.estimated_rows.
double EstimateCardinality(LogicalOperator& node);

// Reorders each tree of inner joins greedily: the largest input streams through
// (the probe side), and the connected input that keeps the intermediate result
// smallest is joined next, as a hash-table build. Cross products come last.
LogicalPtr ReorderJoins(LogicalPtr plan);

}  // namespace basin
