// src/sql/planner/join_conditions.h
#pragma once

#include <unordered_set>
#include <vector>

#include "sql/planner/logical_plan.h"

namespace basin {

// The table indexes whose columns an operator outputs.
std::unordered_set<uint32_t> OutputTables(const LogicalOperator& op);
// The table indexes an expression refers to (current query level only).
std::unordered_set<uint32_t> ReferencedTables(const Expression& expr);
bool RefersOnlyTo(const Expression& expr, const std::unordered_set<uint32_t>& tables);

// Splits `expr` at its top-level ANDs.
std::vector<ExprPtr> SplitConjuncts(ExprPtr expr);
// Splits `expr` at its top-level ANDs, and pulls conjuncts common to every branch
// of an OR out of it: (a AND b) OR (a AND c) gives a, (b OR c). That turns a join
// condition repeated in each branch (TPC-H Q19) into a hash-join key.
std::vector<ExprPtr> SplitAndFactorConjuncts(ExprPtr expr);
// From an OR whose every branch constrains one table on its own, e.g.
// (n1.name = 'FRANCE' AND n2.name = 'GERMANY') OR (n1.name = 'GERMANY' AND ...),
// derives a filter on that table alone: n1.name = 'FRANCE' OR n1.name = 'GERMANY'.
// The OR itself must still be applied; the derived filters only let scans drop rows
// early. Returns nothing when `expr` is not such an OR.
std::vector<ExprPtr> DeriveSingleTableFilters(const Expression& expr);
// AND of `conjuncts` (null when empty).
ExprPtr CombineConjuncts(std::vector<ExprPtr> conjuncts);

// Moves the comparisons of `join.residual` whose sides each refer to one input into
// `join.conditions` (the hash join's keys); the rest stays residual.
void ExtractJoinConditions(LogicalJoin& join);

}  // namespace basin
