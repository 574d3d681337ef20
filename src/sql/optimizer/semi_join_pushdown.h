// src/sql/optimizer/semi_join_pushdown.h
#pragma once

#include "sql/planner/logical_plan.h"

namespace basin {

// Moves semi, anti and mark joins (EXISTS / IN subqueries) below inner joins, onto the
// input that holds the columns they test, so that they thin rows before the big joins
// do: `... FROM lineitem JOIN orders ... WHERE o_orderkey IN (subquery)` filters
// orders first (TPC-H q18). Only semi joins whose build side is estimated smaller
// than the input they would filter move.
LogicalPtr PushDownSemiJoins(LogicalPtr plan);

}  // namespace basin
