#include "sql/planner/physical_planner.h"

#include "common/error.h"
#include "exec/expression_evaluator.h"
#include "exec/operators/filter_projection.h"
#include "exec/operators/hash_aggregate.h"
#include "exec/operators/grouping_sets_aggregate.h"
#include "function/ordered_aggregate.h"
#include "exec/operators/join.h"
#include "exec/operators/lateral_join.h"
#include "exec/operators/limit.h"
#include "exec/operators/recursive_cte.h"
#include "exec/operators/result_collector.h"
#include "exec/operators/sort.h"
#include "exec/operators/table_function_scan.h"
#include "exec/operators/table_scan.h"
#include "exec/operators/union_all.h"
#include "exec/operators/unnest.h"
#include "exec/operators/window.h"
#include "function/distinct_aggregate.h"

namespace basin {

ExprPtr ResolveColumns(const Expression& expr, const std::vector<ColumnBinding>& bindings) {
  ExprPtr copy = expr.Clone();
  VisitExpressions(*copy, [&bindings](Expression& node) {
    if (node.kind != ExprKind::kColumnRef) return;
    auto& ref = node.As<ColumnRefExpr>();
    if (ref.depth > 0) {
      throw Error(sqlstate::kFeatureNotSupported, "correlated reference to \"" + ref.name + "\" could not be planned");
    }
    for (size_t i = 0; i < bindings.size(); ++i) {
      if (bindings[i] == ref.binding) {
        ref.index = static_cast<uint32_t>(i);
        return;
      }
    }
    throw Error(sqlstate::kInternal, "column \"" + ref.name + "\" is not produced by the plan below it");
  });
  return copy;
}

namespace {

constexpr uint32_t kExtraColumn = UINT32_MAX;  // table index of helper columns

std::unique_ptr<ColumnRefExpr> PositionRef(const LogicalType& type, uint32_t index) {
  auto ref = std::make_unique<ColumnRefExpr>(type, ColumnBinding{kExtraColumn, index}, "");
  ref->index = index;
  return ref;
}

// Makes `exprs` (over `bindings`) available as columns of `child`: plain column
// references are used where they are; other expressions are appended by a
// projection. Returns the column position of each expression.
std::vector<uint32_t> EnsureColumns(PhysicalPtr& child, std::vector<ColumnBinding>& bindings,
                                    const std::vector<const Expression*>& exprs) {
  std::vector<uint32_t> positions;
  std::vector<ExprPtr> computed;
  const uint32_t existing = static_cast<uint32_t>(bindings.size());
  for (const Expression* expr : exprs) {
    ExprPtr resolved = ResolveColumns(*expr, bindings);
    if (resolved->kind == ExprKind::kColumnRef) {
      positions.push_back(resolved->As<ColumnRefExpr>().index);
    } else {
      positions.push_back(existing + static_cast<uint32_t>(computed.size()));
      computed.push_back(std::move(resolved));
    }
  }
  if (computed.empty()) return positions;
  std::vector<ExprPtr> projection;
  const auto& types = child->types();
  for (uint32_t i = 0; i < existing; ++i) projection.push_back(PositionRef(types[i], i));
  for (auto& expr : computed) {
    bindings.push_back({kExtraColumn, static_cast<uint32_t>(bindings.size())});
    projection.push_back(std::move(expr));
  }
  auto node = std::make_unique<ProjectionNode>(std::move(projection));
  node->children.push_back(std::move(child));
  child = std::move(node);
  return positions;
}

// Projects `child` (with `bindings`) onto exactly `wanted`.
PhysicalPtr ProjectTo(PhysicalPtr child, const std::vector<ColumnBinding>& bindings,
                      const std::vector<ColumnBinding>& wanted) {
  if (bindings == wanted) return child;
  std::vector<ExprPtr> projection;
  for (const auto& binding : wanted) {
    bool found = false;
    for (uint32_t i = 0; i < bindings.size() && !found; ++i) {
      if (bindings[i] == binding) {
        projection.push_back(PositionRef(child->types()[i], i));
        found = true;
      }
    }
    if (!found) throw Error(sqlstate::kInternal, "ProjectTo: missing column");
  }
  auto node = std::make_unique<ProjectionNode>(std::move(projection));
  node->children.push_back(std::move(child));
  return node;
}

// WITH RECURSIVE: the non-recursive term feeds the node; the recursive term runs
// under a collector of its own, again and again.
PhysicalPtr PlanRecursiveCte(PhysicalPlanner& planner, LogicalRecursiveCte& op) {
  auto node = std::make_unique<RecursiveCteNode>(op.name, op.types, op.union_all, op.working_table);
  node->children.push_back(planner.Plan(*op.children[0]));
  auto recursive = std::make_unique<ResultCollectorNode>(op.types);
  recursive->children.push_back(planner.Plan(*op.children[1]));
  node->children.push_back(std::move(recursive));
  return node;
}

PhysicalPtr PlanLateralJoin(PhysicalPlanner& planner, LogicalLateralJoin& op) {
  const auto left_bindings = op.children[0]->Bindings();
  std::vector<uint32_t> parameter_columns;
  for (const auto& binding : op.parameter_bindings) {
    ColumnRefExpr ref(TypeId::kNull, binding, "");
    parameter_columns.push_back(ResolveColumns(ref, left_bindings)->As<ColumnRefExpr>().index);
  }
  LateralJoinNode::FunctionCall call;
  call.function = op.function;
  call.types = op.function_types;
  for (const auto& arg : op.function_args) call.args.push_back(ResolveColumns(*arg, left_bindings));
  std::vector<LogicalType> right_types = op.function ? op.function_types : op.children[1]->Types();
  auto node = std::make_unique<LateralJoinNode>(op.type, op.children[0]->Types(), right_types,
                                                std::move(parameter_columns), op.parameters, std::move(call));
  node->children.push_back(planner.Plan(*op.children[0]));
  if (!op.function) {
    auto right = std::make_unique<ResultCollectorNode>(right_types);
    right->children.push_back(planner.Plan(*op.children[1]));
    node->children.push_back(std::move(right));
  }
  return node;
}

}  // namespace

PhysicalPtr PhysicalPlanner::Plan(LogicalOperator& op) {
  PhysicalPtr node;
  switch (op.kind) {
    case LogicalKind::kGet: {
      auto& get = op.As<LogicalGet>();
      node = std::make_unique<TableScanNode>(get.table, get.column_ids);
      break;
    }
    case LogicalKind::kTableFunction: {
      auto& function = op.As<LogicalTableFunction>();
      node = std::make_unique<TableFunctionScanNode>(function.function, function.binding.data, function.column_ids,
                                                     function.Types());
      break;
    }
    case LogicalKind::kValues:
      node = PlanValues(op.As<LogicalValues>());
      break;
    case LogicalKind::kMaterialized: {
      auto& materialized = op.As<LogicalMaterialized>();
      node = std::make_unique<BatchesSourceNode>(materialized.types, materialized.batches, materialized.label);
      break;
    }
    case LogicalKind::kProjection: {
      auto& projection = op.As<LogicalProjection>();
      const auto child_bindings = op.children[0]->Bindings();
      std::vector<ExprPtr> expressions;
      for (const auto& expr : projection.expressions) expressions.push_back(ResolveColumns(*expr, child_bindings));
      node = std::make_unique<ProjectionNode>(std::move(expressions));
      node->children.push_back(Plan(*op.children[0]));
      break;
    }
    case LogicalKind::kFilter: {
      auto& filter = op.As<LogicalFilter>();
      const auto child_bindings = op.children[0]->Bindings();
      std::vector<ExprPtr> conditions;
      for (const auto& condition : filter.conditions) conditions.push_back(ResolveColumns(*condition, child_bindings));
      PhysicalPtr child = Plan(*op.children[0]);
      if (conditions.empty()) return child;
      ExprPtr predicate = conditions.size() == 1 ? std::move(conditions[0])
                                                 : std::make_unique<ConjunctionExpr>(true, std::move(conditions));
      node = std::make_unique<FilterNode>(child->types(), std::move(predicate));
      node->children.push_back(std::move(child));
      break;
    }
    case LogicalKind::kAggregate:
      node = PlanAggregate(op.As<LogicalAggregate>());
      break;
    case LogicalKind::kJoin:
      node = PlanJoin(op.As<LogicalJoin>());
      break;
    case LogicalKind::kOrder:
      node = PlanOrder(op.As<LogicalOrder>());
      break;
    case LogicalKind::kLimit: {
      auto& limit = op.As<LogicalLimit>();
      PhysicalPtr child = Plan(*op.children[0]);
      node = std::make_unique<LimitNode>(child->types(), limit.limit, limit.offset);
      node->children.push_back(std::move(child));
      break;
    }
    case LogicalKind::kDistinct: {
      PhysicalPtr child = Plan(*op.children[0]);
      std::vector<uint32_t> keys;
      for (uint32_t i = 0; i < child->types().size(); ++i) keys.push_back(i);
      const auto types = child->types();
      node = std::make_unique<HashAggregateNode>(types, std::move(keys), std::vector<AggregateSpec>{});
      node->children.push_back(std::move(child));
      break;
    }
    case LogicalKind::kWindow:
      node = PlanWindow(op.As<LogicalWindow>());
      break;
    case LogicalKind::kUnionAll: {
      node = std::make_unique<UnionAllNode>(op.Types());
      for (auto& child : op.children) node->children.push_back(Plan(*child));
      break;
    }
    case LogicalKind::kRecursiveCte:
      node = PlanRecursiveCte(*this, op.As<LogicalRecursiveCte>());
      break;
    case LogicalKind::kLateralJoin:
      node = PlanLateralJoin(*this, op.As<LogicalLateralJoin>());
      break;
    case LogicalKind::kUnnest: {
      const auto child_bindings = op.children[0]->Bindings();
      std::vector<ExprPtr> lists;
      for (const auto& list : op.As<LogicalUnnest>().lists) lists.push_back(ResolveColumns(*list, child_bindings));
      node = std::make_unique<UnnestNode>(op.Types(), std::move(lists));
      node->children.push_back(Plan(*op.children[0]));
      break;
    }
  }
  node->estimated_rows = op.estimated_rows;
  return node;
}

PhysicalPtr PhysicalPlanner::PlanValues(LogicalValues& op) {
  auto batches = std::make_shared<std::vector<Batch>>();
  ExpressionEvaluator evaluator;
  Batch one_row;
  one_row.size = 1;
  size_t row = 0;
  while (row < op.rows.size()) {
    const uint32_t count = static_cast<uint32_t>(std::min<size_t>(kBatchSize, op.rows.size() - row));
    Batch batch(op.types, count);
    for (uint32_t r = 0; r < count; ++r, ++row) {
      for (size_t c = 0; c < op.types.size(); ++c) {
        Vector value;
        evaluator.Evaluate(*op.rows[row][c], one_row, value);
        CopyRows(value, nullptr, 1, batch.columns[c], r);
      }
    }
    batch.size = count;
    batches->push_back(std::move(batch));
  }
  return std::make_unique<BatchesSourceNode>(op.types, std::move(batches));
}

PhysicalPtr PhysicalPlanner::PlanAggregate(LogicalAggregate& op) {
  PhysicalPtr child = Plan(*op.children[0]);
  const auto child_bindings = op.children[0]->Bindings();
  // Input of the hash aggregate: groups, then each aggregate's arguments and filter.
  std::vector<ExprPtr> inputs;
  for (const auto& group : op.groups) inputs.push_back(ResolveColumns(*group, child_bindings));
  std::vector<uint32_t> keys;
  for (uint32_t i = 0; i < op.groups.size(); ++i) keys.push_back(i);
  std::vector<AggregateSpec> specs;
  std::vector<GroupingSetsOutput> outputs;  // used with grouping sets or GROUPING()
  bool has_grouping = !op.grouping_sets.empty();
  for (const auto& aggregate : op.aggregates) {
    if (aggregate.is_grouping) {
      has_grouping = true;
      outputs.push_back({-1, aggregate.grouping_columns});
      continue;
    }
    outputs.push_back({static_cast<int>(specs.size()), {}});
    AggregateSpec spec;
    spec.function = aggregate.distinct ? MakeDistinctAggregate(aggregate.function) : aggregate.function;
    if (!aggregate.orders.empty()) {
      std::vector<SortKeySpec> orders;
      for (const auto& order : aggregate.orders) orders.push_back({0, order.descending, order.nulls_first});
      spec.function = MakeOrderedAggregate(aggregate.function, static_cast<uint32_t>(aggregate.args.size()),
                                           std::move(orders), aggregate.distinct);
    }
    spec.data = aggregate.data;
    spec.result_type = aggregate.type;
    for (const auto& arg : aggregate.args) {
      spec.argument_columns.push_back(static_cast<uint32_t>(inputs.size()));
      inputs.push_back(ResolveColumns(*arg, child_bindings));
    }
    for (const auto& order : aggregate.orders) {
      spec.argument_columns.push_back(static_cast<uint32_t>(inputs.size()));
      inputs.push_back(ResolveColumns(*order.expr, child_bindings));
    }
    if (aggregate.filter) {
      spec.filter_column = static_cast<int>(inputs.size());
      inputs.push_back(ResolveColumns(*aggregate.filter, child_bindings));
    }
    specs.push_back(std::move(spec));
  }
  std::vector<LogicalType> input_types;
  for (const auto& input : inputs) input_types.push_back(input->type);
  PhysicalPtr input;
  if (inputs.empty()) {
    input = std::move(child);
  } else {
    input = std::make_unique<ProjectionNode>(std::move(inputs));
    input->children.push_back(std::move(child));
  }
  if (has_grouping) {
    std::vector<std::vector<uint32_t>> sets = op.grouping_sets;
    if (sets.empty()) sets.push_back(keys);
    auto node = std::make_unique<GroupingSetsAggregateNode>(input_types, std::move(keys), std::move(sets),
                                                            std::move(specs), std::move(outputs), op.Types());
    node->children.push_back(std::move(input));
    return node;
  }
  auto node = std::make_unique<HashAggregateNode>(input_types, std::move(keys), std::move(specs));
  node->children.push_back(std::move(input));
  return node;
}

PhysicalPtr PhysicalPlanner::PlanJoin(LogicalJoin& op) {
  PhysicalPtr probe = Plan(*op.children[0]);
  PhysicalPtr build = Plan(*op.children[1]);
  std::vector<ColumnBinding> probe_bindings = op.children[0]->Bindings();
  std::vector<ColumnBinding> build_bindings = op.children[1]->Bindings();
  std::vector<const Expression*> probe_keys;
  std::vector<const Expression*> build_keys;
  for (const auto& condition : op.conditions) {
    probe_keys.push_back(condition.left.get());
    build_keys.push_back(condition.right.get());
  }
  const auto probe_positions = EnsureColumns(probe, probe_bindings, probe_keys);
  const auto build_positions = EnsureColumns(build, build_bindings, build_keys);
  std::vector<JoinNode::Key> keys;
  for (size_t i = 0; i < op.conditions.size(); ++i) {
    keys.push_back({probe_positions[i], build_positions[i], op.conditions[i].op == CompareOp::kNotDistinctFrom});
  }
  std::vector<ColumnBinding> all_bindings = probe_bindings;
  all_bindings.insert(all_bindings.end(), build_bindings.begin(), build_bindings.end());
  ExprPtr residual = op.residual ? ResolveColumns(*op.residual, all_bindings) : nullptr;
  auto node = std::make_unique<JoinNode>(op.type, probe->types(), build->types(), std::move(keys), std::move(residual),
                                         op.null_aware);
  node->children.push_back(std::move(probe));
  node->children.push_back(std::move(build));
  std::vector<ColumnBinding> output = probe_bindings;
  if (op.type == JoinType::kMark) {
    output.push_back(op.mark_binding);
  } else if (op.type != JoinType::kSemi && op.type != JoinType::kAnti) {
    output.insert(output.end(), build_bindings.begin(), build_bindings.end());
  }
  node->estimated_rows = op.estimated_rows;
  return ProjectTo(std::move(node), output, op.Bindings());
}

PhysicalPtr PhysicalPlanner::PlanOrder(LogicalOrder& op) {
  PhysicalPtr child = Plan(*op.children[0]);
  std::vector<ColumnBinding> bindings = op.children[0]->Bindings();
  const std::vector<ColumnBinding> original = bindings;
  std::vector<const Expression*> exprs;
  for (const auto& order : op.orders) exprs.push_back(order.expr.get());
  const auto positions = EnsureColumns(child, bindings, exprs);
  std::vector<SortKeySpec> keys;
  for (size_t i = 0; i < op.orders.size(); ++i) {
    keys.push_back({positions[i], op.orders[i].descending, op.orders[i].nulls_first});
  }
  auto node = std::make_unique<SortNode>(child->types(), std::move(keys), op.limit);
  node->children.push_back(std::move(child));
  return ProjectTo(std::move(node), bindings, original);
}

namespace {

bool SameWindow(const BoundWindowFunction& a, const BoundWindowFunction& b) {
  if (a.partitions.size() != b.partitions.size() || a.orders.size() != b.orders.size()) return false;
  for (size_t i = 0; i < a.partitions.size(); ++i) {
    if (!ExpressionsEqual(*a.partitions[i], *b.partitions[i])) return false;
  }
  for (size_t i = 0; i < a.orders.size(); ++i) {
    if (!ExpressionsEqual(*a.orders[i].expr, *b.orders[i].expr) || a.orders[i].descending != b.orders[i].descending ||
        a.orders[i].nulls_first != b.orders[i].nulls_first) {
      return false;
    }
  }
  return true;
}

}  // namespace

// One WindowNode per distinct (PARTITION BY, ORDER BY), chained; all arguments and
// keys are computed by one projection below the first.
PhysicalPtr PhysicalPlanner::PlanWindow(LogicalWindow& op) {
  PhysicalPtr child = Plan(*op.children[0]);
  std::vector<ColumnBinding> bindings = op.children[0]->Bindings();
  std::vector<const Expression*> exprs;
  for (const auto& function : op.functions) {
    for (const auto& arg : function.args) exprs.push_back(arg.get());
    if (function.filter) exprs.push_back(function.filter.get());
    for (const auto& partition : function.partitions) exprs.push_back(partition.get());
    for (const auto& order : function.orders) exprs.push_back(order.expr.get());
  }
  const auto positions = EnsureColumns(child, bindings, exprs);
  // Column positions per function, in the order collected above.
  size_t next = 0;
  std::vector<WindowFunctionSpec> specs;
  std::vector<WindowPartitionSpec> windows;
  for (const auto& function : op.functions) {
    WindowFunctionSpec spec;
    spec.kind = function.kind;
    spec.aggregate = function.aggregate;
    spec.data = function.data;
    for (size_t i = 0; i < function.args.size(); ++i) spec.argument_columns.push_back(positions[next++]);
    if (function.filter) spec.filter_column = static_cast<int>(positions[next++]);
    WindowPartitionSpec window;
    for (size_t i = 0; i < function.partitions.size(); ++i) window.partition_columns.push_back(positions[next++]);
    for (const auto& order : function.orders) {
      window.order_keys.push_back({positions[next++], order.descending, order.nulls_first});
    }
    spec.frame_mode = function.frame_mode;
    spec.start = function.start.kind;
    spec.end = function.end.kind;
    spec.start_offset = function.start.offset;
    spec.end_offset = function.end.offset;
    spec.exclude = function.exclude;
    spec.result_type = function.type;
    spec.description = function.ToString();
    specs.push_back(std::move(spec));
    windows.push_back(std::move(window));
  }
  std::vector<bool> planned(op.functions.size(), false);
  for (size_t f = 0; f < op.functions.size(); ++f) {
    if (planned[f]) continue;
    std::vector<WindowFunctionSpec> group;
    for (size_t g = f; g < op.functions.size(); ++g) {
      if (planned[g] || !SameWindow(op.functions[f], op.functions[g])) continue;
      planned[g] = true;
      group.push_back(specs[g]);
      bindings.push_back({op.window_index, static_cast<uint32_t>(g)});
    }
    auto node = std::make_unique<WindowNode>(child->types(), windows[f], std::move(group));
    node->estimated_rows = op.estimated_rows;
    node->children.push_back(std::move(child));
    child = std::move(node);
  }
  return ProjectTo(std::move(child), bindings, op.Bindings());
}

}  // namespace basin
