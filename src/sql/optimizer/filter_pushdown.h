// src/sql/optimizer/filter_pushdown.h
#pragma once

#include "sql/planner/logical_plan.h"

namespace basin {

// Moves filter conditions as far down the plan as they can go: below projections
// and aggregates (on group columns), into the inputs of joins, and into inner
// joins as join conditions, so that `FROM a, b WHERE a.x = b.y` becomes a hash join
// rather than a filtered cross product.
LogicalPtr PushDownFilters(LogicalPtr plan);

}  // namespace basin
