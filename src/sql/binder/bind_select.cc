// Binding of one SELECT core: FROM, WHERE, GROUP BY, HAVING, the select list,
// DISTINCT, ORDER BY and LIMIT, in PostgreSQL's order of evaluation.
#include <algorithm>
#include <functional>

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
    case ast::ExprKind::kArray:
      return "array";
    case ast::ExprKind::kRow:
      return "row";
    case ast::ExprKind::kFieldAccess:
      return expr.As<ast::FieldAccessExpr>().field;
    case ast::ExprKind::kSubscript:
      return DefaultName(*expr.As<ast::SubscriptExpr>().base);
    case ast::ExprKind::kSubquery: {
      const auto& subquery = expr.As<ast::SubqueryExpr>();
      if (subquery.subquery_kind == ast::SubqueryKind::kExists) return "exists";
      if (subquery.subquery_kind == ast::SubqueryKind::kArray) return "array";
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
        condition = CastTo(std::move(condition), TypeId::kBoolean, *context_.time_zone);
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
  UnnestCollector unnests;
  unnests.unnest_index = NewTableIndex();
  select_context.unnests = &unnests;
  const uint32_t saved_unnest_index = unnest_index_;
  unnest_index_ = unnests.unnest_index;
  struct RestoreUnnestIndex {
    uint32_t& slot;
    uint32_t saved;
    ~RestoreUnnestIndex() { slot = saved; }
  } restore_unnest_index{unnest_index_, saved_unnest_index};
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
    if (IsUntypedLiteral(*expr)) expr = CastTo(std::move(expr), TypeId::kVarchar, *context_.time_zone);
    items.push_back(std::move(expr));
  }

  // GROUP BY: names of FROM columns win over select aliases, as in PostgreSQL.
  // Each distinct expression is one group column; grouping sets list group columns.
  std::vector<ExprPtr> groups;
  ExprContext group_context;
  group_context.scope = &scope;
  group_context.clause = "GROUP BY";
  auto add_group = [&](const ast::Expr& group) -> uint32_t {
    ExprPtr bound;
    int64_t position = 0;
    if (IsIntegerLiteral(group, &position)) {
      if (position < 1 || position > static_cast<int64_t>(items.size())) {
        throw Error(sqlstate::kInvalidColumnReference,
                    "GROUP BY position " + std::to_string(position) + " is not in select list", group.span);
      }
      bound = items[position - 1]->Clone();
    } else if (group.Is<ast::ColumnRef>() && group.As<ast::ColumnRef>().parts.size() == 1 &&
               !scope.Lookup(group.As<ast::ColumnRef>().parts, group.span)) {
      const std::string& name = group.As<ast::ColumnRef>().parts[0];
      for (size_t i = 0; i < names.size() && !bound; ++i) {
        if (names[i] == name) bound = items[i]->Clone();
      }
    }
    if (!bound) bound = BindExpression(group, group_context);
    for (size_t i = 0; i < groups.size(); ++i) {
      if (ExpressionsEqual(*groups[i], *bound)) return static_cast<uint32_t>(i);
    }
    groups.push_back(std::move(bound));
    return static_cast<uint32_t>(groups.size() - 1);
  };
  using GroupingSets = std::vector<std::vector<uint32_t>>;
  // A column group of ROLLUP / CUBE / GROUPING SETS: `(a, b)` or a single expression.
  auto column_group = [&](const ast::Expr& item) {
    std::vector<uint32_t> columns;
    if (item.Is<ast::RowExpr>() && !item.As<ast::RowExpr>().explicit_row) {
      for (const auto& field : item.As<ast::RowExpr>().fields) columns.push_back(add_group(*field));
    } else {
      columns.push_back(add_group(item));
    }
    return columns;
  };
  std::function<GroupingSets(const ast::Expr&)> expand = [&](const ast::Expr& item) -> GroupingSets {
    if (!item.Is<ast::GroupingSetExpr>()) return {column_group(item)};
    const auto& set = item.As<ast::GroupingSetExpr>();
    GroupingSets sets;
    switch (set.set_kind) {
      case ast::GroupingSetKind::kEmpty:
        sets.emplace_back();
        break;
      case ast::GroupingSetKind::kRollup: {
        std::vector<std::vector<uint32_t>> parts;
        for (const auto& part : set.items) parts.push_back(column_group(*part));
        for (size_t n = parts.size() + 1; n-- > 0;) {
          std::vector<uint32_t> columns;
          for (size_t i = 0; i < n; ++i) columns.insert(columns.end(), parts[i].begin(), parts[i].end());
          sets.push_back(std::move(columns));
        }
        break;
      }
      case ast::GroupingSetKind::kCube: {
        std::vector<std::vector<uint32_t>> parts;
        for (const auto& part : set.items) parts.push_back(column_group(*part));
        if (parts.size() > 12) {
          throw Error(sqlstate::kFeatureNotSupported, "CUBE is limited to 12 elements", set.span);
        }
        const uint32_t all = (1u << parts.size()) - 1;
        for (uint32_t mask = all + 1; mask-- > 0;) {
          std::vector<uint32_t> columns;
          for (size_t i = 0; i < parts.size(); ++i) {
            if (mask & (1u << (parts.size() - 1 - i))) columns.insert(columns.end(), parts[i].begin(), parts[i].end());
          }
          sets.push_back(std::move(columns));
        }
        break;
      }
      case ast::GroupingSetKind::kSets:
        for (const auto& part : set.items) {
          for (auto& columns : expand(*part)) sets.push_back(std::move(columns));
        }
        break;
    }
    return sets;
  };
  // The sets of the whole clause: the cross product of its items' sets.
  GroupingSets grouping_sets(1);
  for (const auto& group : select.group_by) {
    GroupingSets product;
    for (const auto& left : grouping_sets) {
      for (const auto& right : expand(*group)) {
        std::vector<uint32_t> columns = left;
        for (uint32_t column : right) {
          if (std::find(columns.begin(), columns.end(), column) == columns.end()) columns.push_back(column);
        }
        product.push_back(std::move(columns));
      }
    }
    grouping_sets = std::move(product);
    if (grouping_sets.size() > 4096) {
      throw Error(sqlstate::kFeatureNotSupported, "too many grouping sets present (maximum 4096)", group->span);
    }
  }
  // One set holds every group column: plain GROUP BY.
  if (grouping_sets.size() == 1) grouping_sets.clear();
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
  // An output column (by position or name), or an expression (`clause` for errors).
  auto resolve_target = [&](const ast::Expr& expr, OrderTarget& target, const char* clause) {
    int64_t position = 0;
    if (IsIntegerLiteral(expr, &position)) {
      if (position < 1 || position > static_cast<int64_t>(items.size())) {
        throw Error(sqlstate::kInvalidColumnReference,
                    std::string(clause) + " position " + std::to_string(position) + " is not in select list",
                    expr.span);
      }
      target.item = static_cast<int>(position - 1);
    } else if (expr.Is<ast::ColumnRef>() && expr.As<ast::ColumnRef>().parts.size() == 1) {
      const std::string& name = expr.As<ast::ColumnRef>().parts[0];
      for (size_t i = 0; i < names.size(); ++i) {
        if (names[i] != name) continue;
        if (target.item >= 0 && !ExpressionsEqual(*items[target.item], *items[i])) {
          throw Error(sqlstate::kAmbiguousColumn, std::string(clause) + " \"" + name + "\" is ambiguous", expr.span);
        }
        target.item = static_cast<int>(i);
      }
    }
    if (target.item < 0) {
      ExprContext order_context = select_context;
      order_context.clause = clause;
      ExprPtr bound = BindExpression(expr, order_context);
      for (size_t i = 0; i < items.size() && target.item < 0; ++i) {
        if (ExpressionsEqual(*bound, *items[i])) target.item = static_cast<int>(i);
      }
      if (target.item < 0) target.extra = std::move(bound);
    }
  };
  std::vector<OrderTarget> order_targets;
  for (const auto& order : select.order_by) {
    OrderTarget target;
    target.descending = order.direction == ast::SortDirection::kDescending;
    target.nulls_first = order.nulls == ast::NullsOrder::kDefault ? target.descending : order.nulls == ast::NullsOrder::kFirst;
    resolve_target(*order.expr, target, "ORDER BY");
    order_targets.push_back(std::move(target));
  }
  // DISTINCT ON expressions resolve like ORDER BY items.
  std::vector<OrderTarget> distinct_targets;
  if (select.distinct == ast::DistinctKind::kDistinctOn) {
    for (const auto& expr : select.distinct_on) {
      OrderTarget target;
      resolve_target(*expr, target, "SELECT DISTINCT ON");
      distinct_targets.push_back(std::move(target));
    }
  }

  const bool aggregating =
      !groups.empty() || !aggregates.aggregates.empty() || having != nullptr || !grouping_sets.empty();
  if (aggregating) {
    for (auto& aggregate : aggregates.aggregates) {
      if (!aggregate.is_grouping) continue;
      for (const auto& arg : aggregate.args) {
        uint32_t found = static_cast<uint32_t>(groups.size());
        for (size_t i = 0; i < groups.size() && found == groups.size(); ++i) {
          if (ExpressionsEqual(*arg, *groups[i])) found = static_cast<uint32_t>(i);
        }
        if (found == groups.size()) {
          throw Error(sqlstate::kGroupingError,
                      "arguments to GROUPING must be grouping expressions of the associated query level");
        }
        aggregate.grouping_columns.push_back(found);
      }
      aggregate.args.clear();
    }
    std::vector<ExprPtr> group_copies;
    for (const auto& group : groups) group_copies.push_back(group->Clone());
    for (auto& aggregate : aggregates.aggregates) {
      for (auto& arg : aggregate.args) PlanSubqueries(arg, root);
    }
    for (auto& group : group_copies) PlanSubqueries(group, root);
    for (auto& aggregate : aggregates.aggregates) {
      for (auto& order : aggregate.orders) PlanSubqueries(order.expr, root);
    }
    auto aggregate_node = std::make_unique<LogicalAggregate>(group_index, aggregates.aggregate_index,
                                                             std::move(group_copies),
                                                             std::move(aggregates.aggregates), std::move(root));
    aggregate_node->grouping_sets = std::move(grouping_sets);
    root = std::move(aggregate_node);
    for (auto& item : items) {
      BindToGroupsAroundWindows(item, groups, group_index, aggregates.aggregate_index, windows.window_index, "SELECT");
    }
    for (auto& list : unnests.lists) {
      BindToGroupsAroundWindows(list, groups, group_index, aggregates.aggregate_index, windows.window_index, "SELECT");
    }
    for (auto& target : order_targets) {
      if (target.extra) {
        BindToGroupsAroundWindows(target.extra, groups, group_index, aggregates.aggregate_index, windows.window_index,
                                  "ORDER BY");
      }
    }
    for (auto& target : distinct_targets) {
      if (target.extra) {
        BindToGroupsAroundWindows(target.extra, groups, group_index, aggregates.aggregate_index, windows.window_index,
                                  "SELECT DISTINCT ON");
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
  // Set-returning unnest() calls: after windows, before DISTINCT, ORDER BY and LIMIT,
  // as PostgreSQL's ProjectSet.
  if (!unnests.lists.empty()) {
    for (auto& list : unnests.lists) PlanSubqueries(list, root);
    root = std::make_unique<LogicalUnnest>(unnests.unnest_index, std::move(unnests.lists), std::move(root));
  }
  for (auto& item : items) PlanSubqueries(item, root);
  std::vector<ExprPtr> projection;
  std::vector<LogicalType> types;
  for (auto& item : items) {
    types.push_back(item->type);
    projection.push_back(std::move(item));
  }
  const size_t visible = projection.size();
  // Extra (hidden) columns for ORDER BY and DISTINCT ON expressions outside the
  // select list; equal expressions share one column.
  auto add_extra = [&](OrderTarget& target) {
    if (!target.extra) return;
    for (size_t i = visible; i < projection.size(); ++i) {
      if (ExpressionsEqual(*projection[i], *target.extra)) {
        target.item = static_cast<int>(i);
        target.extra = nullptr;
        return;
      }
    }
    PlanSubqueries(target.extra, root);
    target.item = static_cast<int>(projection.size());
    projection.push_back(std::move(target.extra));
  };
  for (auto& target : distinct_targets) add_extra(target);
  for (auto& target : order_targets) {
    if (!target.extra) continue;
    if (select.distinct == ast::DistinctKind::kDistinct) {
      throw Error(sqlstate::kInvalidColumnReference,
                  "for SELECT DISTINCT, ORDER BY expressions must appear in select list", select.span);
    }
    add_extra(target);
  }
  const uint32_t projection_index = NewTableIndex();
  std::vector<LogicalType> all_types;
  for (const auto& expr : projection) all_types.push_back(expr->type);
  root = std::make_unique<LogicalProjection>(projection_index, std::move(projection), std::move(root));

  if (select.distinct == ast::DistinctKind::kDistinctOn) {
    // PostgreSQL's rule: the DISTINCT ON expressions must be the leading ORDER BY
    // items (in any order), or ORDER BY must consist of DISTINCT ON expressions only.
    auto is_distinct_item = [&](int item) {
      for (const auto& target : distinct_targets) {
        if (target.item == item) return true;
      }
      return false;
    };
    bool skipped_order_item = false;
    for (const auto& target : order_targets) {
      if (!is_distinct_item(target.item)) {
        skipped_order_item = true;
      } else if (skipped_order_item) {
        throw Error(sqlstate::kInvalidColumnReference,
                    "SELECT DISTINCT ON expressions must match initial ORDER BY expressions", select.span);
      }
    }
    for (const auto& target : distinct_targets) {
      bool ordered = false;
      for (const auto& order : order_targets) ordered = ordered || order.item == target.item;
      if (!ordered && skipped_order_item) {
        throw Error(sqlstate::kInvalidColumnReference,
                    "SELECT DISTINCT ON expressions must match initial ORDER BY expressions", select.span);
      }
    }
    // The first row of each group in ORDER BY order: row_number() OVER (PARTITION BY
    // the DISTINCT ON columns ORDER BY the ORDER BY items) = 1.
    auto column = [&](int item) {
      return std::make_unique<ColumnRefExpr>(all_types[item],
                                             ColumnBinding{projection_index, static_cast<uint32_t>(item)}, "");
    };
    BoundWindowFunction first_row;
    first_row.kind = WindowFunctionKind::kRowNumber;
    first_row.name = "row_number";
    first_row.type = TypeId::kBigInt;
    for (const auto& target : distinct_targets) first_row.partitions.push_back(column(target.item));
    for (const auto& target : order_targets) {
      first_row.orders.push_back({column(target.item), target.descending, target.nulls_first});
    }
    const uint32_t row_number_index = NewTableIndex();
    std::vector<BoundWindowFunction> functions;
    functions.push_back(std::move(first_row));
    root = std::make_unique<LogicalWindow>(row_number_index, std::move(functions), std::move(root));
    ExprPtr condition = BindComparison(
        CompareOp::kEq, std::make_unique<ColumnRefExpr>(LogicalType(TypeId::kBigInt), ColumnBinding{row_number_index, 0},
                                                        "row_number"),
        std::make_unique<ConstantExpr>(Value::BigInt(1)), select.span);
    std::vector<ExprPtr> conditions;
    conditions.push_back(std::move(condition));
    root = std::make_unique<LogicalFilter>(std::move(conditions), std::move(root));
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

  if (all_types.size() > visible || select.distinct == ast::DistinctKind::kDistinctOn) {
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
