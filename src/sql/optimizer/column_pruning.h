// src/sql/optimizer/column_pruning.h
#pragma once

#include "sql/planner/logical_plan.h"

namespace basin {

// Drops the columns nobody above uses from table scans and table functions, so
// that joins, sorts and aggregates carry only what the query needs.
void PruneColumns(LogicalOperator& plan);

}  // namespace basin
