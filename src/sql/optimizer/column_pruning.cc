#include "sql/optimizer/column_pruning.h"

#include <unordered_map>
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

// Output columns of pruned projections move: old binding -> new binding.
using Remap = std::unordered_map<ColumnBinding, ColumnBinding, BindingHash>;

void Prune(LogicalOperator& node, BindingSet used, Remap& remap) {
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
      // Unused expressions go (keeping one, so the row count survives); the ones
      // that stay move to new positions, recorded in `remap`.
      auto& projection = node.As<LogicalProjection>();
      std::vector<ExprPtr> kept;
      for (uint32_t i = 0; i < projection.expressions.size(); ++i) {
        const ColumnBinding old_binding{projection.table_index, i};
        const bool last_chance = kept.empty() && i + 1 == projection.expressions.size();
        if (used.count(old_binding) == 0 && !last_chance) continue;
        const ColumnBinding new_binding{projection.table_index, static_cast<uint32_t>(kept.size())};
        if (!(new_binding == old_binding)) remap[old_binding] = new_binding;
        kept.push_back(std::move(projection.expressions[i]));
      }
      projection.expressions = std::move(kept);
      BindingSet child_used;
      for (const auto& expr : projection.expressions) AddReferences(*expr, child_used);
      Prune(*node.children[0], std::move(child_used), remap);
      return;
    }
    case LogicalKind::kAggregate: {
      BindingSet child_used;
      const auto& aggregate = node.As<LogicalAggregate>();
      for (const auto& group : aggregate.groups) AddReferences(*group, child_used);
      for (const auto& call : aggregate.aggregates) {
        for (const auto& arg : call.args) AddReferences(*arg, child_used);
        for (const auto& order : call.orders) AddReferences(*order.expr, child_used);
        if (call.filter) AddReferences(*call.filter, child_used);
      }
      Prune(*node.children[0], std::move(child_used), remap);
      return;
    }
    case LogicalKind::kFilter:
      for (const auto& condition : node.As<LogicalFilter>().conditions) AddReferences(*condition, used);
      Prune(*node.children[0], std::move(used), remap);
      return;
    case LogicalKind::kOrder:
      for (const auto& order : node.As<LogicalOrder>().orders) AddReferences(*order.expr, used);
      Prune(*node.children[0], std::move(used), remap);
      return;
    case LogicalKind::kJoin: {
      const auto& join = node.As<LogicalJoin>();
      for (const auto& condition : join.conditions) {
        AddReferences(*condition.left, used);
        AddReferences(*condition.right, used);
      }
      if (join.residual) AddReferences(*join.residual, used);
      Prune(*node.children[0], used, remap);
      Prune(*node.children[1], std::move(used), remap);
      return;
    }
    case LogicalKind::kDistinct:
    case LogicalKind::kUnionAll: {
      // Every column counts for distinctness, and union inputs line up by position.
      for (auto& child : node.children) {
        BindingSet all;
        for (const auto& binding : child->Bindings()) all.insert(binding);
        Prune(*child, std::move(all), remap);
      }
      return;
    }
    case LogicalKind::kLimit:
      Prune(*node.children[0], std::move(used), remap);
      return;
    case LogicalKind::kUnnest:
      for (const auto& list : node.As<LogicalUnnest>().lists) AddReferences(*list, used);
      Prune(*node.children[0], std::move(used), remap);
      return;
    default: {
      // Kinds without a rule here keep every column of their inputs.
      for (auto& child : node.children) {
        BindingSet all;
        for (const auto& binding : child->Bindings()) all.insert(binding);
        Prune(*child, std::move(all), remap);
      }
      return;
    }
  }
}

void ApplyRemap(Expression& expr, const Remap& remap) {
  VisitExpressions(expr, [&remap](Expression& node) {
    if (node.kind != ExprKind::kColumnRef) return;
    auto& ref = node.As<ColumnRefExpr>();
    auto it = remap.find(ref.binding);
    if (ref.depth == 0 && it != remap.end()) ref.binding = it->second;
  });
}

void ApplyRemap(LogicalOperator& node, const Remap& remap) {
  switch (node.kind) {
    case LogicalKind::kProjection:
      for (auto& expr : node.As<LogicalProjection>().expressions) ApplyRemap(*expr, remap);
      break;
    case LogicalKind::kFilter:
      for (auto& expr : node.As<LogicalFilter>().conditions) ApplyRemap(*expr, remap);
      break;
    case LogicalKind::kAggregate:
      for (auto& expr : node.As<LogicalAggregate>().groups) ApplyRemap(*expr, remap);
      for (auto& call : node.As<LogicalAggregate>().aggregates) {
        for (auto& arg : call.args) ApplyRemap(*arg, remap);
        for (auto& order : call.orders) ApplyRemap(*order.expr, remap);
        if (call.filter) ApplyRemap(*call.filter, remap);
      }
      break;
    case LogicalKind::kJoin: {
      auto& join = node.As<LogicalJoin>();
      for (auto& condition : join.conditions) {
        ApplyRemap(*condition.left, remap);
        ApplyRemap(*condition.right, remap);
      }
      if (join.residual) ApplyRemap(*join.residual, remap);
      break;
    }
    case LogicalKind::kOrder:
      for (auto& order : node.As<LogicalOrder>().orders) ApplyRemap(*order.expr, remap);
      break;
    case LogicalKind::kUnnest:
      for (auto& list : node.As<LogicalUnnest>().lists) ApplyRemap(*list, remap);
      break;
    default:
      break;
  }
  for (auto& child : node.children) ApplyRemap(*child, remap);
}

}  // namespace

void PruneColumns(LogicalOperator& plan) {
  // The root's columns are the query's result: they all stay, in place.
  BindingSet used;
  for (const auto& binding : plan.Bindings()) used.insert(binding);
  Remap remap;
  if (plan.kind == LogicalKind::kProjection) {
    for (auto& child : plan.children) {
      BindingSet child_used;
      for (const auto& expr : plan.As<LogicalProjection>().expressions) AddReferences(*expr, child_used);
      Prune(*child, std::move(child_used), remap);
    }
  } else {
    Prune(plan, std::move(used), remap);
  }
  if (!remap.empty()) ApplyRemap(plan, remap);
}

}  // namespace basin
