#include "sql/optimizer/column_pruning.h"

#include <unordered_set>

namespace basin {

namespace {

struct BindingHash {
  size_t operator()(const ColumnBinding& binding) const {
    return (size_t{binding.table_index} << 32) ^ binding.column_index;
  }
};
using BindingSet = std::unordered_set<ColumnBinding, BindingHash>;

void AddReferences(const Expression& expr, BindingSet& used) {
  VisitExpressionsReadOnly(expr, [&used](const Expression& node) {
    if (node.kind == ExprKind::kColumnRef && node.As<ColumnRefExpr>().depth == 0) {
      used.insert(node.As<ColumnRefExpr>().binding);
    }
  });
}

// Keeps the ids whose bindings are used (at least one, so row counts survive).
void PruneIds(std::vector<uint32_t>& column_ids, uint32_t table_index, const BindingSet& used) {
  std::vector<uint32_t> kept;
  for (uint32_t id : column_ids) {
    if (used.count({table_index, id}) > 0) kept.push_back(id);
  }
  if (kept.empty() && !column_ids.empty()) kept.push_back(column_ids[0]);
  column_ids = std::move(kept);
}

void Prune(LogicalOperator& node, BindingSet used) {
  switch (node.kind) {
    case LogicalKind::kGet: {
      auto& get = node.As<LogicalGet>();
      PruneIds(get.column_ids, get.table_index, used);
      return;
    }
    case LogicalKind::kTableFunction: {
      auto& function = node.As<LogicalTableFunction>();
      PruneIds(function.column_ids, function.table_index, used);
      return;
    }
    case LogicalKind::kProjection: {
      // A projection's own outputs keep their positions; what its expressions
      // read is what its child must produce.
      BindingSet child_used;
      for (const auto& expr : node.As<LogicalProjection>().expressions) AddReferences(*expr, child_used);
      Prune(*node.children[0], std::move(child_used));
      return;
    }
    case LogicalKind::kAggregate: {
      BindingSet child_used;
      const auto& aggregate = node.As<LogicalAggregate>();
      for (const auto& group : aggregate.groups) AddReferences(*group, child_used);
      for (const auto& call : aggregate.aggregates) {
        for (const auto& arg : call.args) AddReferences(*arg, child_used);
        if (call.filter) AddReferences(*call.filter, child_used);
      }
      Prune(*node.children[0], std::move(child_used));
      return;
    }
    case LogicalKind::kFilter:
      for (const auto& condition : node.As<LogicalFilter>().conditions) AddReferences(*condition, used);
      Prune(*node.children[0], std::move(used));
      return;
    case LogicalKind::kOrder:
      for (const auto& order : node.As<LogicalOrder>().orders) AddReferences(*order.expr, used);
      Prune(*node.children[0], std::move(used));
      return;
    case LogicalKind::kJoin: {
      const auto& join = node.As<LogicalJoin>();
      for (const auto& condition : join.conditions) {
        AddReferences(*condition.left, used);
        AddReferences(*condition.right, used);
      }
      if (join.residual) AddReferences(*join.residual, used);
      Prune(*node.children[0], used);
      Prune(*node.children[1], std::move(used));
      return;
    }
    case LogicalKind::kDistinct:
    case LogicalKind::kUnionAll: {
      // Every column counts for distinctness, and union inputs line up by position.
      for (auto& child : node.children) {
        BindingSet all;
        for (const auto& binding : child->Bindings()) all.insert(binding);
        Prune(*child, std::move(all));
      }
      return;
    }
    default:
      for (auto& child : node.children) Prune(*child, used);
      return;
  }
}

}  // namespace

void PruneColumns(LogicalOperator& plan) {
  BindingSet used;
  for (const auto& binding : plan.Bindings()) used.insert(binding);
  Prune(plan, std::move(used));
}

}  // namespace basin
