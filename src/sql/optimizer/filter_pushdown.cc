#include "sql/optimizer/filter_pushdown.h"

#include "sql/planner/join_conditions.h"

namespace basin {

namespace {

bool IsVolatile(const Expression& expr) {
  bool found = false;
  VisitExpressionsReadOnly(expr, [&found](const Expression& node) {
    if (node.kind == ExprKind::kFunction && node.As<FunctionExpr>().function->volatility == Volatility::kVolatile) {
      found = true;
    }
    if (node.kind == ExprKind::kSubquery) found = true;
  });
  return found;
}

// Replaces references to (table_index, i) by a copy of replacements[i].
void Substitute(ExprPtr& expr, uint32_t table_index, const std::vector<const Expression*>& replacements) {
  RewriteExpression(expr, [&](Expression& node) -> ExprPtr {
    if (node.kind != ExprKind::kColumnRef) return nullptr;
    const auto& ref = node.As<ColumnRefExpr>();
    if (ref.depth != 0 || ref.binding.table_index != table_index) return nullptr;
    return replacements[ref.binding.column_index]->Clone();
  });
}

LogicalPtr WrapFilter(LogicalPtr plan, std::vector<ExprPtr> filters) {
  if (filters.empty()) return plan;
  return std::make_unique<LogicalFilter>(std::move(filters), std::move(plan));
}

// `column IN (constants)` over the function's own columns.
std::optional<ColumnPredicate> AsInListPredicate(const InListExpr& in, const LogicalTableFunction& function) {
  if (in.negated || in.child->kind != ExprKind::kColumnRef) return std::nullopt;
  const auto& ref = in.child->As<ColumnRefExpr>();
  if (ref.depth != 0 || ref.binding.table_index != function.table_index) return std::nullopt;
  ColumnPredicate predicate{ref.binding.column_index, CompareOp::kEq, {}};
  for (const auto& item : in.items) {
    if (item->kind != ExprKind::kConstant || item->type != ref.type) return std::nullopt;
    const Value& value = item->As<ConstantExpr>().value;
    if (!value.is_null()) predicate.constants.push_back(value);  // NULL matches nothing
  }
  return predicate;
}

// `column op constant` (either way round) over the function's own columns.
std::optional<ColumnPredicate> AsColumnPredicate(const Expression& filter, const LogicalTableFunction& function) {
  if (filter.kind == ExprKind::kInList) return AsInListPredicate(filter.As<InListExpr>(), function);
  if (filter.kind != ExprKind::kComparison) return std::nullopt;
  const auto& comparison = filter.As<ComparisonExpr>();
  if (comparison.op == CompareOp::kDistinctFrom || comparison.op == CompareOp::kNotDistinctFrom) return std::nullopt;
  const Expression* column = comparison.left.get();
  const Expression* constant = comparison.right.get();
  CompareOp op = comparison.op;
  if (column->kind != ExprKind::kColumnRef) {
    std::swap(column, constant);
    op = FlipCompareOp(op);
  }
  if (column->kind != ExprKind::kColumnRef || constant->kind != ExprKind::kConstant) return std::nullopt;
  const auto& ref = column->As<ColumnRefExpr>();
  const Value& value = constant->As<ConstantExpr>().value;
  if (ref.depth != 0 || ref.binding.table_index != function.table_index || value.is_null() ||
      value.type() != ref.type) {
    return std::nullopt;
  }
  return ColumnPredicate{ref.binding.column_index, op, {value}};
}

// Lets a table function skip input no row of which passes `filters` (which stay in
// place above it).
void PruneTableFunction(LogicalTableFunction& function, const std::vector<ExprPtr>& filters) {
  if (!function.function->prune || !function.binding.data) return;
  std::vector<ColumnPredicate> predicates;
  for (const auto& filter : filters) {
    if (auto predicate = AsColumnPredicate(*filter, function)) predicates.push_back(std::move(*predicate));
  }
  if (predicates.empty()) return;
  function.binding.data = function.function->prune(*function.binding.data, predicates);
}

LogicalPtr PushDown(LogicalPtr plan, std::vector<ExprPtr> filters) {
  switch (plan->kind) {
    case LogicalKind::kFilter: {
      for (auto& condition : plan->As<LogicalFilter>().conditions) {
        for (auto& conjunct : SplitAndFactorConjuncts(std::move(condition))) {
          for (auto& derived : DeriveSingleTableFilters(*conjunct)) filters.push_back(std::move(derived));
          filters.push_back(std::move(conjunct));
        }
      }
      return PushDown(std::move(plan->children[0]), std::move(filters));
    }
    case LogicalKind::kProjection: {
      auto& projection = plan->As<LogicalProjection>();
      std::vector<const Expression*> replacements;
      bool volatile_projection = false;
      for (const auto& expr : projection.expressions) {
        replacements.push_back(expr.get());
        volatile_projection = volatile_projection || IsVolatile(*expr);
      }
      std::vector<ExprPtr> below;
      std::vector<ExprPtr> above;
      for (auto& filter : filters) {
        if (volatile_projection || IsVolatile(*filter)) {
          above.push_back(std::move(filter));
          continue;
        }
        Substitute(filter, projection.table_index, replacements);
        below.push_back(std::move(filter));
      }
      plan->children[0] = PushDown(std::move(plan->children[0]), std::move(below));
      return WrapFilter(std::move(plan), std::move(above));
    }
    case LogicalKind::kAggregate: {
      auto& aggregate = plan->As<LogicalAggregate>();
      std::vector<const Expression*> groups;
      for (const auto& group : aggregate.groups) groups.push_back(group.get());
      std::vector<ExprPtr> below;
      std::vector<ExprPtr> above;
      for (auto& filter : filters) {
        const auto tables = ReferencedTables(*filter);
        const bool only_groups = tables.size() == 1 && tables.count(aggregate.group_index) == 1;
        // With grouping sets a group column is NULL in the rows of sets without it,
        // so a filter on it does not commute with the aggregation.
        if (only_groups && !IsVolatile(*filter) && aggregate.grouping_sets.empty()) {
          Substitute(filter, aggregate.group_index, groups);
          below.push_back(std::move(filter));
        } else {
          above.push_back(std::move(filter));
        }
      }
      plan->children[0] = PushDown(std::move(plan->children[0]), std::move(below));
      return WrapFilter(std::move(plan), std::move(above));
    }
    case LogicalKind::kJoin: {
      auto& join = plan->As<LogicalJoin>();
      const auto left_tables = OutputTables(*plan->children[0]);
      const auto right_tables = OutputTables(*plan->children[1]);
      std::vector<ExprPtr> left;
      std::vector<ExprPtr> right;
      std::vector<ExprPtr> above;
      if (join.type == JoinType::kInner && join.residual) {
        // The join's own conditions are filters over both sides too.
        for (auto& conjunct : SplitAndFactorConjuncts(std::move(join.residual))) filters.push_back(std::move(conjunct));
        join.residual = nullptr;
      } else if (join.residual && join.type != JoinType::kFull) {
        // A join condition on the side whose rows are only matched (the right of
        // LEFT, SEMI, ANTI, MARK and SINGLE joins; the left of RIGHT) filters that side
        // before the join: rows failing it could never match.
        const bool right_matched_only = join.type != JoinType::kRight;
        const auto& matched_tables = right_matched_only ? right_tables : left_tables;
        std::vector<ExprPtr> kept;
        for (auto& conjunct : SplitAndFactorConjuncts(std::move(join.residual))) {
          if (!IsVolatile(*conjunct) && RefersOnlyTo(*conjunct, matched_tables)) {
            (right_matched_only ? right : left).push_back(std::move(conjunct));
          } else {
            kept.push_back(std::move(conjunct));
          }
        }
        join.residual = kept.empty() ? nullptr : CombineConjuncts(std::move(kept));
      }
      std::vector<ExprPtr> residual;
      for (auto& filter : filters) {
        const bool volatile_filter = IsVolatile(*filter);
        // The left input of RIGHT and FULL joins is null-supplying: filters on it
        // must stay above the join.
        const bool left_preserved = join.type != JoinType::kRight && join.type != JoinType::kFull;
        if (!volatile_filter && left_preserved && RefersOnlyTo(*filter, left_tables)) {
          left.push_back(std::move(filter));
        } else if (!volatile_filter && join.type == JoinType::kInner && RefersOnlyTo(*filter, right_tables)) {
          right.push_back(std::move(filter));
        } else if (join.type == JoinType::kInner && !volatile_filter) {
          residual.push_back(std::move(filter));
        } else {
          above.push_back(std::move(filter));
        }
      }
      if (!residual.empty()) {
        join.residual = CombineConjuncts(std::move(residual));
        ExtractJoinConditions(join);
      }
      plan->children[0] = PushDown(std::move(plan->children[0]), std::move(left));
      plan->children[1] = PushDown(std::move(plan->children[1]), std::move(right));
      return WrapFilter(std::move(plan), std::move(above));
    }
    case LogicalKind::kOrder:
    case LogicalKind::kDistinct:
      plan->children[0] = PushDown(std::move(plan->children[0]), std::move(filters));
      return plan;
    case LogicalKind::kUnionAll: {
      auto& union_all = plan->As<LogicalUnionAll>();
      for (auto& child : plan->children) {
        const auto bindings = child->Bindings();
        const auto types = child->Types();
        std::vector<ExprPtr> refs;
        std::vector<const Expression*> replacements;
        for (size_t i = 0; i < bindings.size(); ++i) {
          refs.push_back(std::make_unique<ColumnRefExpr>(types[i], bindings[i], ""));
          replacements.push_back(refs.back().get());
        }
        std::vector<ExprPtr> child_filters;
        for (const auto& filter : filters) {
          ExprPtr copy = filter->Clone();
          Substitute(copy, union_all.table_index, replacements);
          child_filters.push_back(std::move(copy));
        }
        child = PushDown(std::move(child), std::move(child_filters));
      }
      return plan;
    }
    case LogicalKind::kTableFunction: {
      PruneTableFunction(plan->As<LogicalTableFunction>(), filters);
      return WrapFilter(std::move(plan), std::move(filters));
    }
    default: {
      for (auto& child : plan->children) child = PushDown(std::move(child), {});
      return WrapFilter(std::move(plan), std::move(filters));
    }
  }
}

}  // namespace

LogicalPtr PushDownFilters(LogicalPtr plan) { return PushDown(std::move(plan), {}); }

}  // namespace basin
