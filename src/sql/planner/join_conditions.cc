#include "sql/planner/join_conditions.h"

namespace basin {

std::unordered_set<uint32_t> OutputTables(const LogicalOperator& op) {
  std::unordered_set<uint32_t> tables;
  for (const auto& binding : op.Bindings()) tables.insert(binding.table_index);
  return tables;
}

std::unordered_set<uint32_t> ReferencedTables(const Expression& expr) {
  std::unordered_set<uint32_t> tables;
  VisitExpressionsReadOnly(expr, [&tables](const Expression& node) {
    if (node.kind == ExprKind::kColumnRef && node.As<ColumnRefExpr>().depth == 0) {
      tables.insert(node.As<ColumnRefExpr>().binding.table_index);
    }
  });
  return tables;
}

bool RefersOnlyTo(const Expression& expr, const std::unordered_set<uint32_t>& tables) {
  for (uint32_t table : ReferencedTables(expr)) {
    if (tables.count(table) == 0) return false;
  }
  return true;
}

std::vector<ExprPtr> SplitConjuncts(ExprPtr expr) {
  std::vector<ExprPtr> conjuncts;
  if (!expr) return conjuncts;
  if (expr->kind == ExprKind::kConjunction && expr->As<ConjunctionExpr>().is_and) {
    for (auto& child : expr->As<ConjunctionExpr>().children) {
      for (auto& part : SplitConjuncts(std::move(child))) conjuncts.push_back(std::move(part));
    }
    return conjuncts;
  }
  conjuncts.push_back(std::move(expr));
  return conjuncts;
}

std::vector<ExprPtr> SplitAndFactorConjuncts(ExprPtr expr) {
  std::vector<ExprPtr> result;
  for (auto& conjunct : SplitConjuncts(std::move(expr))) {
    if (conjunct->kind != ExprKind::kConjunction || conjunct->As<ConjunctionExpr>().is_and) {
      result.push_back(std::move(conjunct));
      continue;
    }
    std::vector<std::vector<ExprPtr>> branches;
    for (auto& branch : conjunct->As<ConjunctionExpr>().children) branches.push_back(SplitConjuncts(std::move(branch)));
    // Conjuncts of the first branch found in every other branch.
    std::vector<ExprPtr> common;
    for (auto& candidate : branches[0]) {
      bool everywhere = true;
      for (size_t b = 1; b < branches.size() && everywhere; ++b) {
        bool found = false;
        for (const auto& other : branches[b]) found = found || (other && ExpressionsEqual(*candidate, *other));
        everywhere = found;
      }
      if (everywhere) common.push_back(candidate->Clone());
    }
    bool some_branch_empty = false;
    std::vector<ExprPtr> rebuilt;
    for (auto& branch : branches) {
      std::vector<ExprPtr> rest;
      for (auto& part : branch) {
        bool is_common = false;
        for (const auto& shared : common) is_common = is_common || ExpressionsEqual(*part, *shared);
        if (!is_common) rest.push_back(std::move(part));
      }
      some_branch_empty = some_branch_empty || rest.empty();
      rebuilt.push_back(CombineConjuncts(std::move(rest)));
    }
    for (auto& shared : common) result.push_back(std::move(shared));
    // A branch left with nothing is TRUE, and so is the whole OR.
    if (!some_branch_empty) result.push_back(std::make_unique<ConjunctionExpr>(false, std::move(rebuilt)));
  }
  return result;
}

std::vector<ExprPtr> DeriveSingleTableFilters(const Expression& expr) {
  std::vector<ExprPtr> derived;
  if (expr.kind != ExprKind::kConjunction || expr.As<ConjunctionExpr>().is_and) return derived;
  const auto& branches = expr.As<ConjunctionExpr>().children;
  const auto all_tables = ReferencedTables(expr);
  if (all_tables.size() < 2) return derived;  // already a single-table filter
  for (uint32_t table : all_tables) {
    std::vector<ExprPtr> per_branch;
    for (const auto& branch : branches) {
      // The conjuncts of this branch that involve `table` and nothing else.
      std::vector<ExprPtr> own;
      std::vector<ExprPtr> parts;
      if (branch->kind == ExprKind::kConjunction && branch->As<ConjunctionExpr>().is_and) {
        for (const auto& part : branch->As<ConjunctionExpr>().children) parts.push_back(part->Clone());
      } else {
        parts.push_back(branch->Clone());
      }
      for (auto& part : parts) {
        const auto tables = ReferencedTables(*part);
        if (tables.size() == 1 && tables.count(table) == 1) own.push_back(std::move(part));
      }
      if (own.empty()) break;  // this branch says nothing about `table` alone
      per_branch.push_back(CombineConjuncts(std::move(own)));
    }
    if (per_branch.size() == branches.size()) {
      derived.push_back(std::make_unique<ConjunctionExpr>(false, std::move(per_branch)));
    }
  }
  return derived;
}

ExprPtr CombineConjuncts(std::vector<ExprPtr> conjuncts) {
  if (conjuncts.empty()) return nullptr;
  if (conjuncts.size() == 1) return std::move(conjuncts[0]);
  return std::make_unique<ConjunctionExpr>(true, std::move(conjuncts));
}

void ExtractJoinConditions(LogicalJoin& join) {
  if (!join.residual) return;
  const auto left = OutputTables(*join.children[0]);
  const auto right = OutputTables(*join.children[1]);
  std::vector<ExprPtr> remaining;
  for (auto& conjunct : SplitConjuncts(std::move(join.residual))) {
    if (conjunct->kind == ExprKind::kComparison) {
      auto& comparison = conjunct->As<ComparisonExpr>();
      const auto left_tables = ReferencedTables(*comparison.left);
      const auto right_tables = ReferencedTables(*comparison.right);
      const bool usable = comparison.op == CompareOp::kEq || comparison.op == CompareOp::kNotDistinctFrom;
      if (usable && !left_tables.empty() && !right_tables.empty()) {
        if (RefersOnlyTo(*comparison.left, left) && RefersOnlyTo(*comparison.right, right)) {
          join.conditions.push_back({std::move(comparison.left), std::move(comparison.right), comparison.op});
          continue;
        }
        if (RefersOnlyTo(*comparison.left, right) && RefersOnlyTo(*comparison.right, left)) {
          join.conditions.push_back({std::move(comparison.right), std::move(comparison.left), comparison.op});
          continue;
        }
      }
    }
    remaining.push_back(std::move(conjunct));
  }
  join.residual = CombineConjuncts(std::move(remaining));
}

}  // namespace basin
