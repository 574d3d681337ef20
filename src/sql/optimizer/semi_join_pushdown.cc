#include "sql/optimizer/semi_join_pushdown.h"

#include "sql/optimizer/join_order.h"
#include "sql/planner/join_conditions.h"

namespace basin {

namespace {

bool IsFilteringJoin(const LogicalOperator& node) {
  if (node.kind != LogicalKind::kJoin) return false;
  const JoinType type = node.As<LogicalJoin>().type;
  return type == JoinType::kSemi || type == JoinType::kAnti || type == JoinType::kMark;
}

// The tables of the probe side that `join`'s conditions and residual refer to.
std::unordered_set<uint32_t> ProbeTablesUsed(const LogicalJoin& join) {
  const auto build = OutputTables(*join.children[1]);
  std::unordered_set<uint32_t> used;
  auto add = [&](const Expression& expr) {
    for (uint32_t table : ReferencedTables(expr)) {
      if (build.count(table) == 0) used.insert(table);
    }
  };
  for (const auto& condition : join.conditions) {
    add(*condition.left);
    add(*condition.right);
  }
  if (join.residual) add(*join.residual);
  return used;
}

bool Within(const std::unordered_set<uint32_t>& tables, const std::unordered_set<uint32_t>& side) {
  for (uint32_t table : tables) {
    if (side.count(table) == 0) return false;
  }
  return true;
}

}  // namespace

LogicalPtr PushDownSemiJoins(LogicalPtr plan) {
  for (auto& child : plan->children) child = PushDownSemiJoins(std::move(child));
  if (!IsFilteringJoin(*plan)) return plan;
  LogicalOperator& below = *plan->children[0];
  if (below.kind != LogicalKind::kJoin || below.As<LogicalJoin>().type != JoinType::kInner) return plan;
  const auto used = ProbeTablesUsed(plan->As<LogicalJoin>());
  if (used.empty()) return plan;
  for (size_t side = 0; side < 2; ++side) {
    if (!Within(used, OutputTables(*below.children[side]))) continue;
    // Only a semi join that looks selective (a build side smaller than the input it
    // would filter) should run first; otherwise the inner joins may thin the rows
    // more cheaply (TPC-H q21).
    if (EstimateCardinality(*plan->children[1]) >= EstimateCardinality(*below.children[side])) return plan;
    // semi(inner(a, b), s) -> inner(semi(a, s), b): the inner join's output is
    // unchanged but for the rows the semi join drops (or the mark it adds).
    LogicalPtr inner = std::move(plan->children[0]);
    plan->children[0] = std::move(inner->children[side]);
    inner->children[side] = PushDownSemiJoins(std::move(plan));
    return inner;
  }
  return plan;
}

}  // namespace basin
