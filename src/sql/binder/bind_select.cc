// Binding of one SELECT core: FROM, WHERE, GROUP BY, HAVING, the select list,
// DISTINCT, ORDER BY and LIMIT, in PostgreSQL's order of evaluation.
#include "common/error.h"
#include "sql/binder/binder.h"
#include "sql/binder/type_resolution.h"

namespace basin {

namespace {

// The column name PostgreSQL gives a select item without an alias.
std::string DefaultName(const ast::Expr& expr) {
  switch (expr.kind) {
    case ast::ExprKind::kColumnRef:
      return expr.As<ast::ColumnRef>().parts.back();
    case ast::ExprKind::kFunctionCall:
      return expr.As<ast::FunctionCall>().name.back();
    case ast::ExprKind::kCast: {
      const auto& cast = expr.As<ast::Cast>();
      const std::string inner = DefaultName(*cast.operand);
      if (inner != "?column?") return inner;
      return cast.type.name;
    }
    case ast::ExprKind::kCase:
      return "case";
    case ast::ExprKind::kSubquery: {
      const auto& subquery = expr.As<ast::SubqueryExpr>();
      if (subquery.subquery_kind == ast::SubqueryKind::kExists) return "exists";
      if (subquery.subquery_kind == ast::SubqueryKind::kScalar && subquery.query->Is<ast::SelectNode>()) {
        const auto& select = subquery.query->As<ast::SelectNode>();
        if (select.select_list.size() == 1) {
          if (!select.select_list[0].alias.empty()) return select.select_list[0].alias;
          if (!select.select_list[0].expr->Is<ast::Star>()) return DefaultName(*select.select_list[0].expr);
        }
      }
      return "?column?";
    }
    default:
      return "?column?";
  }
}

std::vector<ExprPtr> SplitConjunction(ExprPtr expr) {
  std::vector<ExprPtr> conjuncts;
  if (expr->kind == ExprKind::kConjunction && expr->As<ConjunctionExpr>().is_and) {
    for (auto& child : expr->As<ConjunctionExpr>().children) {
      for (auto& part : SplitConjunction(std::move(child))) conjuncts.push_back(std::move(part));
    }
  } else {
    conjuncts.push_back(std::move(expr));
  }
  return conjuncts;
}

bool IsIntegerLiteral(const ast::Expr& expr, int64_t* value) {
  if (!expr.Is<ast::Constant>()) return false;
  const auto& constant = expr.As<ast::Constant>();
  if (constant.constant_kind != ast::ConstantKind::kInteger) return false;
  *value = std::stoll(constant.value);
  return true;
}

}  // namespace

BoundQuery Binder::BindSelect(const ast::SelectNode& select) {
  BindScope scope;
  LogicalPtr root;
  if (select.from.empty()) {
    std::vector<std::vector<ExprPtr>> one_row(1);
    root = std::make_unique<LogicalValues>(NewTableIndex(), std::vector<LogicalType>{}, std::move(one_row));
  } else {
    root = BindFrom(select.from, scope);
  }

  // WHERE
  if (select.where) {
    ExprContext context;
    context.scope = &scope;
    context.clause = "WHERE";
    ExprPtr condition = BindExpression(*select.where, context);
    if (condition->type.id() != TypeId::kBoolean) {
      if (IsUntypedLiteral(*condition) || condition->type.id() == TypeId::kNull) {
        condition = CastTo(std::move(condition), TypeId::kBoolean);
      } else {
        throw Error(sqlstate::kDatatypeMismatch,
                    "argument of WHERE must be type boolean, not type " + condition->type.ToString(), select.where->span);
      }
    }
    std::vector<ExprPtr> remaining;
    for (auto& conjunct : SplitConjunction(std::move(condition))) {
      if (TryPlanFilterSubquery(conjunct, root)) continue;
      PlanSubqueries(conjunct, root);
      remaining.push_back(std::move(conjunct));
    }
    if (!remaining.empty()) root = std::make_unique<LogicalFilter>(std::move(remaining), std::move(root));
  }

  // The select list.
  AggregateCollector aggregates;
  aggregates.aggregate_index = NewTableIndex();
  const uint32_t group_index = NewTableIndex();
  ExprContext select_context;
  select_context.scope = &scope;
  select_context.clause = "SELECT";
  select_context.aggregates = &aggregates;
  WindowCollector windows;
  windows.window_index = NewTableIndex();
  windows.named = &select.windows;
  CheckWindowClause(select.windows);
  select_context.windows = &windows;
  std::vector<ExprPtr> items;
  std::vector<std::string> names;
  for (const auto& item : select.select_list) {
    if (item.expr->Is<ast::Star>()) {
      const auto& star = item.expr->As<ast::Star>();
      if (select.from.empty()) throw Error(sqlstate::kSyntaxError, "SELECT * with no tables specified is not valid", star.span);
      for (auto& [name, expr] : scope.Expand(star.qualifier.empty() ? "" : star.qualifier.back(), star.span)) {
        names.push_back(name);
        items.push_back(std::move(expr));
      }
      continue;
    }
    ExprPtr expr = BindExpression(*item.expr, select_context);
    names.push_back(item.alias.empty() ? DefaultName(*item.expr) : item.alias);
    if (IsUntypedLiteral(*expr)) expr = CastTo(std::move(expr), TypeId::kVarchar);
    items.push_back(std::move(expr));
  }

  // GROUP BY: names of FROM columns win over select aliases, as in PostgreSQL.
  std::vector<ExprPtr> groups;
  ExprContext group_context;
  group_context.scope = &scope;
  group_context.clause = "GROUP BY";
  for (const auto& group : select.group_by) {
    int64_t position = 0;
    if (group->Is<ast::GroupingSetExpr>()) {
      const auto& set = group->As<ast::GroupingSetExpr>();
      if (set.set_kind == ast::GroupingSetKind::kEmpty) continue;
      throw Error(sqlstate::kFeatureNotSupported, "ROLLUP, CUBE and GROUPING SETS are not supported yet", set.span);
    }
    if (IsIntegerLiteral(*group, &position)) {
      if (position < 1 || position > static_cast<int64_t>(items.size())) {
        throw Error(sqlstate::kInvalidColumnReference,
                    "GROUP BY position " + std::to_string(position) + " is not in select list", group->span);
      }
      groups.push_back(items[position - 1]->Clone());
      continue;
    }
    if (group->Is<ast::ColumnRef>() && group->As<ast::ColumnRef>().parts.size() == 1 &&
        !scope.Lookup(group->As<ast::ColumnRef>().parts, group->span)) {
      const std::string& name = group->As<ast::ColumnRef>().parts[0];
      bool found = false;
      for (size_t i = 0; i < names.size() && !found; ++i) {
        if (names[i] == name) {
          groups.push_back(items[i]->Clone());
          found = true;
        }
      }
      if (found) continue;
    }
    groups.push_back(BindExpression(*group, group_context));
  }
  if (select.group_by_all) {
    throw Error(sqlstate::kFeatureNotSupported, "GROUP BY ALL is not supported yet", select.span);
  }

  ExprPtr having;
  if (select.having) {
    ExprContext having_context = select_context;
    having_context.clause = "HAVING";
    having_context.windows = nullptr;
    having = BindExpression(*select.having, having_context);
    if (having->type.id() != TypeId::kBoolean) {
      throw Error(sqlstate::kDatatypeMismatch, "argument of HAVING must be type boolean", select.having->span);
    }
  }

  // ORDER BY: an output column (by position or name), or an expression.
  struct OrderTarget {
    int item = -1;  // index into items, or -1 for `extra`
    ExprPtr extra;
    bool descending = false;
    bool nulls_first = false;
  };
  std::vector<OrderTarget> order_targets;
  for (const auto& order : select.order_by) {
    OrderTarget target;
    target.descending = order.direction == ast::SortDirection::kDescending;
    target.nulls_first = order.nulls == ast::NullsOrder::kDefault ? target.descending : order.nulls == ast::NullsOrder::kFirst;
    int64_t position = 0;
    if (IsIntegerLiteral(*order.expr, &position)) {
      if (position < 1 || position > static_cast<int64_t>(items.size())) {
        throw Error(sqlstate::kInvalidColumnReference,
                    "ORDER BY position " + std::to_string(position) + " is not in select list", order.expr->span);
      }
      target.item = static_cast<int>(position - 1);
    } else if (order.expr->Is<ast::ColumnRef>() && order.expr->As<ast::ColumnRef>().parts.size() == 1) {
      const std::string& name = order.expr->As<ast::ColumnRef>().parts[0];
      for (size_t i = 0; i < names.size(); ++i) {
        if (names[i] != name) continue;
        if (target.item >= 0 && !ExpressionsEqual(*items[target.item], *items[i])) {
          throw Error(sqlstate::kAmbiguousColumn, "ORDER BY \"" + name + "\" is ambiguous", order.expr->span);
        }
        target.item = static_cast<int>(i);
      }
    }
    if (target.item < 0) {
      ExprContext order_context = select_context;
      order_context.clause = "ORDER BY";
      ExprPtr expr = BindExpression(*order.expr, order_context);
      for (size_t i = 0; i < items.size() && target.item < 0; ++i) {
        if (ExpressionsEqual(*expr, *items[i])) target.item = static_cast<int>(i);
      }
      if (target.item < 0) target.extra = std::move(expr);
    }
    order_targets.push_back(std::move(target));
  }

  const bool aggregating = !groups.empty() || !aggregates.aggregates.empty() || having != nullptr;
  if (aggregating) {
    std::vector<ExprPtr> group_copies;
    for (const auto& group : groups) group_copies.push_back(group->Clone());
    for (auto& aggregate : aggregates.aggregates) {
      for (auto& arg : aggregate.args) PlanSubqueries(arg, root);
    }
    for (auto& group : group_copies) PlanSubqueries(group, root);
    root = std::make_unique<LogicalAggregate>(group_index, aggregates.aggregate_index, std::move(group_copies),
                                              std::move(aggregates.aggregates), std::move(root));
    for (auto& item : items) {
      BindToGroupsAroundWindows(item, groups, group_index, aggregates.aggregate_index, windows.window_index, "SELECT");
    }
    for (auto& target : order_targets) {
      if (target.extra) {
        BindToGroupsAroundWindows(target.extra, groups, group_index, aggregates.aggregate_index, windows.window_index,
                                  "ORDER BY");
      }
    }
    for (auto& function : windows.functions) {
      auto bind = [&](ExprPtr& expr) {
        BindToGroups(expr, groups, group_index, aggregates.aggregate_index, "window function calls");
      };
      for (auto& arg : function.args) bind(arg);
      if (function.filter) bind(function.filter);
      for (auto& partition : function.partitions) bind(partition);
      for (auto& order : function.orders) bind(order.expr);
    }
    if (having) {
      BindToGroups(having, groups, group_index, aggregates.aggregate_index, "HAVING");
      std::vector<ExprPtr> conditions;
      for (auto& conjunct : SplitConjunction(std::move(having))) {
        PlanSubqueries(conjunct, root);
        conditions.push_back(std::move(conjunct));
      }
      root = std::make_unique<LogicalFilter>(std::move(conditions), std::move(root));
    }
  }

  // Window functions: after grouping and HAVING, before DISTINCT, ORDER BY and LIMIT.
  if (!windows.functions.empty()) {
    for (auto& function : windows.functions) {
      for (auto& arg : function.args) PlanSubqueries(arg, root);
      if (function.filter) PlanSubqueries(function.filter, root);
      for (auto& partition : function.partitions) PlanSubqueries(partition, root);
      for (auto& order : function.orders) PlanSubqueries(order.expr, root);
    }
    root = std::make_unique<LogicalWindow>(windows.window_index, std::move(windows.functions), std::move(root));
  }
  for (auto& item : items) PlanSubqueries(item, root);
  std::vector<ExprPtr> projection;
  std::vector<LogicalType> types;
  for (auto& item : items) {
    types.push_back(item->type);
    projection.push_back(std::move(item));
  }
  const size_t visible = projection.size();
  for (auto& target : order_targets) {
    if (!target.extra) continue;
    if (select.distinct != ast::DistinctKind::kNone) {
      throw Error(sqlstate::kInvalidColumnReference,
                  "for SELECT DISTINCT, ORDER BY expressions must appear in select list", select.span);
    }
    PlanSubqueries(target.extra, root);
    target.item = static_cast<int>(projection.size());
    projection.push_back(std::move(target.extra));
  }
  const uint32_t projection_index = NewTableIndex();
  std::vector<LogicalType> all_types;
  for (const auto& expr : projection) all_types.push_back(expr->type);
  root = std::make_unique<LogicalProjection>(projection_index, std::move(projection), std::move(root));

  if (select.distinct == ast::DistinctKind::kDistinctOn) {
    throw Error(sqlstate::kFeatureNotSupported, "DISTINCT ON is not supported yet", select.span);
  }
  if (select.distinct == ast::DistinctKind::kDistinct) root = std::make_unique<LogicalDistinct>(std::move(root));

  if (!order_targets.empty()) {
    std::vector<BoundOrder> orders;
    for (const auto& target : order_targets) {
      BoundOrder order;
      order.expr = std::make_unique<ColumnRefExpr>(all_types[target.item],
                                                   ColumnBinding{projection_index, static_cast<uint32_t>(target.item)},
                                                   target.item < static_cast<int>(names.size()) ? names[target.item] : "");
      order.descending = target.descending;
      order.nulls_first = target.nulls_first;
      orders.push_back(std::move(order));
    }
    root = std::make_unique<LogicalOrder>(std::move(orders), std::move(root));
  }
  std::optional<uint64_t> limit;
  uint64_t offset = 0;
  BindLimit(select, limit, offset);
  if (limit || offset > 0) root = std::make_unique<LogicalLimit>(limit, offset, std::move(root));

  if (all_types.size() > visible) {
    std::vector<ExprPtr> outputs;
    for (size_t i = 0; i < visible; ++i) {
      outputs.push_back(std::make_unique<ColumnRefExpr>(all_types[i], ColumnBinding{projection_index, static_cast<uint32_t>(i)},
                                                        names[i]));
    }
    root = std::make_unique<LogicalProjection>(NewTableIndex(), std::move(outputs), std::move(root));
  }
  BoundQuery result;
  result.plan = std::move(root);
  result.names = std::move(names);
  result.types = std::move(types);
  return result;
}

}  // namespace basin
