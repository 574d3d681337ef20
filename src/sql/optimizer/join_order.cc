#include "sql/optimizer/join_order.h"

#include <algorithm>

#include "sql/planner/join_conditions.h"

namespace basin {

namespace {

// Fixed guesses, until the catalog keeps statistics.
constexpr double kFilterSelectivity = 0.2;
constexpr double kGroupRatio = 0.1;
constexpr double kRangeSelectivity = 1.0 / 3;

// The rows a base relation has before its filters: the scan under filters and
// projections.
double BaseCardinality(LogicalOperator& node) {
  LogicalOperator* current = &node;
  while (current->kind == LogicalKind::kFilter || current->kind == LogicalKind::kProjection) {
    current = current->children[0].get();
  }
  return std::max(1.0, EstimateCardinality(*current));
}

// Guesses the fraction of rows a filter keeps: an equality keeps kFilterSelectivity,
// range comparisons on one column count once (a BETWEEN is one range), anything
// else keeps half.
double FilterSelectivity(const std::vector<ExprPtr>& conditions) {
  double selectivity = 1;
  std::vector<ColumnBinding> ranged;
  for (const auto& condition : conditions) {
    if (condition->kind != ExprKind::kComparison) {
      selectivity *= 0.5;
      continue;
    }
    const auto& comparison = condition->As<ComparisonExpr>();
    if (comparison.op == CompareOp::kEq) {
      selectivity *= kFilterSelectivity;
      continue;
    }
    const Expression* column = comparison.left->kind == ExprKind::kColumnRef ? comparison.left.get()
                               : comparison.right->kind == ExprKind::kColumnRef ? comparison.right.get()
                                                                                : nullptr;
    if (column == nullptr) {
      selectivity *= 0.5;
      continue;
    }
    const ColumnBinding binding = column->As<ColumnRefExpr>().binding;
    if (std::find(ranged.begin(), ranged.end(), binding) != ranged.end()) continue;
    ranged.push_back(binding);
    selectivity *= kRangeSelectivity;
  }
  return selectivity;
}

}  // namespace

double EstimateCardinality(LogicalOperator& node) {
  double rows = 1;
  switch (node.kind) {
    case LogicalKind::kGet:
      rows = static_cast<double>(node.As<LogicalGet>().table->NumRows());
      break;
    case LogicalKind::kTableFunction:
      rows = node.As<LogicalTableFunction>().binding.estimated_rows;
      break;
    case LogicalKind::kValues:
      rows = static_cast<double>(node.As<LogicalValues>().rows.size());
      break;
    case LogicalKind::kMaterialized:
      rows = node.estimated_rows;
      break;
    case LogicalKind::kFilter: {
      rows = EstimateCardinality(*node.children[0]) * FilterSelectivity(node.As<LogicalFilter>().conditions);
      break;
    }
    case LogicalKind::kAggregate: {
      const double input = EstimateCardinality(*node.children[0]);
      rows = node.As<LogicalAggregate>().groups.empty() ? 1 : input * kGroupRatio;
      break;
    }
    case LogicalKind::kJoin: {
      auto& join = node.As<LogicalJoin>();
      const double left = EstimateCardinality(*node.children[0]);
      const double right = EstimateCardinality(*node.children[1]);
      if (join.type == JoinType::kSemi || join.type == JoinType::kAnti) {
        rows = left * 0.5;
      } else if (join.type == JoinType::kMark || join.type == JoinType::kSingle || join.type == JoinType::kLeft) {
        rows = left;
      } else if (join.conditions.empty()) {
        rows = left * right;
      } else {
        // A key join: the larger side, thinned by the smaller side's filters.
        const double left_selectivity = left / BaseCardinality(*node.children[0]);
        const double right_selectivity = right / BaseCardinality(*node.children[1]);
        rows = std::max(left, right) * std::min({1.0, left_selectivity, right_selectivity});
      }
      break;
    }
    case LogicalKind::kLimit: {
      const auto& limit = node.As<LogicalLimit>();
      rows = EstimateCardinality(*node.children[0]);
      if (limit.limit) rows = std::min(rows, static_cast<double>(*limit.limit));
      break;
    }
    case LogicalKind::kDistinct:
      rows = EstimateCardinality(*node.children[0]) * 0.5;
      break;
    case LogicalKind::kUnionAll:
      rows = 0;
      for (auto& child : node.children) rows += EstimateCardinality(*child);
      break;
    default:
      rows = EstimateCardinality(*node.children[0]);
      break;
  }
  node.estimated_rows = std::max(1.0, rows);
  return node.estimated_rows;
}

namespace {

// Collects the inputs and predicates of a tree of inner joins.
void CollectInnerJoins(LogicalPtr node, std::vector<LogicalPtr>& inputs, std::vector<ExprPtr>& predicates) {
  if (node->kind == LogicalKind::kJoin && node->As<LogicalJoin>().type == JoinType::kInner) {
    auto& join = node->As<LogicalJoin>();
    for (auto& condition : join.conditions) {
      predicates.push_back(std::make_unique<ComparisonExpr>(condition.op, std::move(condition.left),
                                                            std::move(condition.right)));
    }
    for (auto& conjunct : SplitConjuncts(std::move(join.residual))) predicates.push_back(std::move(conjunct));
    CollectInnerJoins(std::move(node->children[0]), inputs, predicates);
    CollectInnerJoins(std::move(node->children[1]), inputs, predicates);
    return;
  }
  inputs.push_back(std::move(node));
}

// Whether an equality predicate (a hash-join key) links the two sides.
bool Connected(const std::unordered_set<uint32_t>& left, const std::unordered_set<uint32_t>& right,
               const std::vector<ExprPtr>& predicates) {
  for (const auto& predicate : predicates) {
    if (!predicate || predicate->kind != ExprKind::kComparison) continue;
    const CompareOp op = predicate->As<ComparisonExpr>().op;
    if (op != CompareOp::kEq && op != CompareOp::kNotDistinctFrom) continue;
    const auto tables = ReferencedTables(*predicate);
    bool touches_left = false;
    bool touches_right = false;
    bool elsewhere = false;
    for (uint32_t table : tables) {
      if (left.count(table)) {
        touches_left = true;
      } else if (right.count(table)) {
        touches_right = true;
      } else {
        elsewhere = true;
      }
    }
    if (touches_left && touches_right && !elsewhere) return true;
  }
  return false;
}

LogicalPtr ReorderRegion(LogicalPtr root) {
  std::vector<LogicalPtr> inputs;
  std::vector<ExprPtr> predicates;
  CollectInnerJoins(std::move(root), inputs, predicates);
  for (auto& input : inputs) {
    input = ReorderJoins(std::move(input));
    EstimateCardinality(*input);
  }
  std::vector<std::unordered_set<uint32_t>> tables;
  for (const auto& input : inputs) tables.push_back(OutputTables(*input));

  // Start with the largest input: it streams, everything else is built.
  size_t first = 0;
  for (size_t i = 1; i < inputs.size(); ++i) {
    if (inputs[i]->estimated_rows > inputs[first]->estimated_rows) first = i;
  }
  LogicalPtr current = std::move(inputs[first]);
  std::unordered_set<uint32_t> current_tables = tables[first];
  std::vector<bool> used(inputs.size(), false);
  used[first] = true;
  for (size_t step = 1; step < inputs.size(); ++step) {
    int best = -1;
    bool best_connected = false;
    double best_rows = 0;
    for (size_t i = 0; i < inputs.size(); ++i) {
      if (used[i]) continue;
      const bool connected = Connected(current_tables, tables[i], predicates);
      const double rows = inputs[i]->estimated_rows;
      const double selectivity = rows / BaseCardinality(*inputs[i]);
      const double result = connected ? current->estimated_rows * std::min(1.0, selectivity)
                                       : current->estimated_rows * rows;
      if (best < 0 || (connected && !best_connected) ||
          (connected == best_connected && (result < best_rows || (result == best_rows && rows < inputs[best]->estimated_rows)))) {
        best = static_cast<int>(i);
        best_connected = connected;
        best_rows = result;
      }
    }
    used[best] = true;
    auto join = std::make_unique<LogicalJoin>(JoinType::kInner, std::move(current), std::move(inputs[best]));
    for (uint32_t table : tables[best]) current_tables.insert(table);
    std::vector<ExprPtr> applicable;
    for (auto& predicate : predicates) {
      if (predicate && RefersOnlyTo(*predicate, current_tables)) applicable.push_back(std::move(predicate));
    }
    join->residual = CombineConjuncts(std::move(applicable));
    ExtractJoinConditions(*join);
    EstimateCardinality(*join);
    current = std::move(join);
  }
  // Predicates that refer to nothing here (constants) stay as a filter.
  std::vector<ExprPtr> rest;
  for (auto& predicate : predicates) {
    if (predicate) rest.push_back(std::move(predicate));
  }
  if (!rest.empty()) current = std::make_unique<LogicalFilter>(std::move(rest), std::move(current));
  return current;
}

}  // namespace

// The hash join builds its right input. An outer join whose preserved side is much
// smaller than the other is cheaper the other way round: LEFT becomes RIGHT (the
// build side's unmatched rows are emitted after the probe) and vice versa.
void BuildOnSmallerSide(LogicalJoin& join) {
  if (join.type != JoinType::kLeft && join.type != JoinType::kRight) return;
  const double left = join.children[0]->estimated_rows;
  const double right = join.children[1]->estimated_rows;
  if (right <= 2 * left) return;
  join.type = join.type == JoinType::kLeft ? JoinType::kRight : JoinType::kLeft;
  std::swap(join.children[0], join.children[1]);
  for (auto& condition : join.conditions) {
    std::swap(condition.left, condition.right);
    condition.op = FlipCompareOp(condition.op);
  }
}

LogicalPtr ReorderJoins(LogicalPtr plan) {
  if (plan->kind == LogicalKind::kJoin && plan->As<LogicalJoin>().type == JoinType::kInner) {
    return ReorderRegion(std::move(plan));
  }
  for (auto& child : plan->children) child = ReorderJoins(std::move(child));
  if (plan->kind == LogicalKind::kJoin) BuildOnSmallerSide(plan->As<LogicalJoin>());
  EstimateCardinality(*plan);
  return plan;
}

}  // namespace basin
