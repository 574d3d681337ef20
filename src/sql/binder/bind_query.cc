// Binding of queries: SELECT cores with grouping and ordering, set operations,
// VALUES lists, WITH, ORDER BY / LIMIT.
#include "common/error.h"
#include "sql/binder/binder.h"
#include "sql/binder/type_resolution.h"

namespace basin {

BoundSubqueryExpr::BoundSubqueryExpr(ast::SubqueryKind subquery_kind, BoundQuery query, LogicalType type)
    : Expression(ExprKind::kSubquery, type), subquery_kind(subquery_kind), query(std::move(query)) {}

ExprPtr BoundSubqueryExpr::Clone() const {
  throw Error(sqlstate::kFeatureNotSupported, "this use of a subquery is not supported yet");
}

std::string BoundSubqueryExpr::ToString() const { return "(SUBQUERY)"; }

Binder::Binder(BindContext& context, Binder* parent) : context_(context), parent_(parent) {}

uint32_t Binder::NewTableIndex() {
  Binder* root = this;
  while (root->parent_ != nullptr) root = root->parent_;
  return root->next_table_index_++;
}

const ast::CommonTableExpr* Binder::FindCte(const std::string& name) const {
  for (const Binder* binder = this; binder != nullptr; binder = binder->parent_) {
    for (auto scope = binder->ctes_.rbegin(); scope != binder->ctes_.rend(); ++scope) {
      auto it = scope->find(name);
      if (it == scope->end()) continue;
      // A CTE does not see itself, from whichever level its body is being bound.
      for (const Binder* inner = this; inner != binder->parent_; inner = inner->parent_) {
        for (const auto* busy : inner->binding_ctes_) {
          if (busy == it->second) return nullptr;
        }
      }
      return it->second;
    }
  }
  return nullptr;
}

BoundQuery Binder::BindQuery(const ast::QueryNode& query) {
  std::map<std::string, const ast::CommonTableExpr*> scope;
  for (const auto& cte : query.ctes) {
    if (query.recursive) recursive_with_.push_back(&cte);
    if (scope.count(cte.name) > 0) {
      throw Error(SqlState{{'4', '2', '7', '1', '2'}}, "WITH query name \"" + cte.name + "\" specified more than once",
                  cte.span);
    }
    scope[cte.name] = &cte;
  }
  ctes_.push_back(std::move(scope));
  struct PopScope {
    Binder* binder;
    ~PopScope() { binder->ctes_.pop_back(); }
  } pop{this};
  return BindQueryBody(query);
}

BoundQuery Binder::BindQueryBody(const ast::QueryNode& query) {
  switch (query.kind) {
    case ast::QueryKind::kSelect:
      return BindSelect(query.As<ast::SelectNode>());
    case ast::QueryKind::kSetOperation:
      return ApplyModifiers(query, BindSetOperation(query.As<ast::SetOperationNode>()));
    case ast::QueryKind::kValues:
      return ApplyModifiers(query, BindValues(query.As<ast::ValuesNode>()));
  }
  throw Error(sqlstate::kInternal, "unknown query kind");
}

void Binder::BindLimit(const ast::QueryNode& node, std::optional<uint64_t>& limit, uint64_t& offset) {
  auto evaluate = [this](const ast::Expr& expr, const char* clause) -> std::optional<int64_t> {
    ExprPtr bound = CastTo(BindConstantExpression(expr, clause), TypeId::kBigInt, *context_.time_zone);
    const Value value = EvaluateConstant(*bound);
    if (value.is_null()) return std::nullopt;
    if (value.GetInt64() < 0) {
      throw Error(SqlState{{'2', '2', '0', '1', 'W'}},
                  std::string(clause) + " must not be negative", expr.span);
    }
    return value.GetInt64();
  };
  if (node.limit) {
    auto value = evaluate(*node.limit, "LIMIT");
    if (value) limit = static_cast<uint64_t>(*value);
  }
  if (node.offset) offset = static_cast<uint64_t>(evaluate(*node.offset, "OFFSET").value_or(0));
}

BoundQuery Binder::ApplyModifiers(const ast::QueryNode& node, BoundQuery query) {
  if (!node.order_by.empty()) {
    // Over a set operation or VALUES, ORDER BY sees only the output columns.
    BindScope scope;
    ScopeTable table;
    table.names = query.names;
    table.types = query.types;
    table.bindings = query.plan->Bindings();
    scope.AddTable(table);
    std::vector<BoundOrder> orders;
    for (const auto& item : node.order_by) {
      BoundOrder order;
      if (item.expr->Is<ast::Constant>() && item.expr->As<ast::Constant>().constant_kind == ast::ConstantKind::kInteger) {
        const int64_t position = std::stoll(item.expr->As<ast::Constant>().value);
        if (position < 1 || position > static_cast<int64_t>(query.names.size())) {
          throw Error(sqlstate::kInvalidColumnReference,
                      "ORDER BY position " + std::to_string(position) + " is not in select list", item.expr->span);
        }
        order.expr = std::make_unique<ColumnRefExpr>(query.types[position - 1], table.bindings[position - 1],
                                                     query.names[position - 1]);
      } else {
        ExprContext context;
        context.scope = &scope;
        context.clause = "ORDER BY";
        order.expr = BindExpression(*item.expr, context);
      }
      order.descending = item.direction == ast::SortDirection::kDescending;
      order.nulls_first = item.nulls == ast::NullsOrder::kDefault ? order.descending : item.nulls == ast::NullsOrder::kFirst;
      orders.push_back(std::move(order));
    }
    query.plan = std::make_unique<LogicalOrder>(std::move(orders), std::move(query.plan));
  }
  std::optional<uint64_t> limit;
  uint64_t offset = 0;
  BindLimit(node, limit, offset);
  if (limit || offset > 0) query.plan = std::make_unique<LogicalLimit>(limit, offset, std::move(query.plan));
  return query;
}

BoundQuery Binder::CastColumns(BoundQuery query, const std::vector<LogicalType>& types) {
  if (query.types == types) return query;
  const auto bindings = query.plan->Bindings();
  std::vector<ExprPtr> expressions;
  for (size_t i = 0; i < types.size(); ++i) {
    ExprPtr ref = std::make_unique<ColumnRefExpr>(query.types[i], bindings[i], query.names[i]);
    expressions.push_back(CastTo(std::move(ref), types[i], *context_.time_zone));
  }
  query.plan = std::make_unique<LogicalProjection>(NewTableIndex(), std::move(expressions), std::move(query.plan));
  query.types = types;
  return query;
}

BoundQuery Binder::BindSetOperation(const ast::SetOperationNode& node) {
  BoundQuery left = BindQuery(*node.left);
  BoundQuery right = BindQuery(*node.right);
  const char* name = node.op == ast::SetOpKind::kUnion ? "UNION" : node.op == ast::SetOpKind::kIntersect ? "INTERSECT" : "EXCEPT";
  if (left.types.size() != right.types.size()) {
    throw Error(sqlstate::kSyntaxError, std::string("each ") + name + " query must have the same number of columns",
                node.span);
  }
  std::vector<LogicalType> types;
  for (size_t i = 0; i < left.types.size(); ++i) {
    auto common = CommonSuperType(left.types[i], right.types[i]);
    if (!common) {
      throw Error(sqlstate::kDatatypeMismatch,
                  std::string(name) + " types " + left.types[i].ToString() + " and " + right.types[i].ToString() +
                      " cannot be matched",
                  node.span);
    }
    types.push_back(common->id() == TypeId::kNull ? LogicalType(TypeId::kVarchar) : *common);
  }
  BoundQuery result;
  result.names = left.names;
  result.types = types;
  left = CastColumns(std::move(left), types);
  right = CastColumns(std::move(right), types);
  if (node.op == ast::SetOpKind::kUnion) {
    std::vector<LogicalPtr> inputs;
    inputs.push_back(std::move(left.plan));
    inputs.push_back(std::move(right.plan));
    result.plan = std::make_unique<LogicalUnionAll>(NewTableIndex(), std::move(inputs));
    if (!node.all) result.plan = std::make_unique<LogicalDistinct>(std::move(result.plan));
    return result;
  }
  if (node.all) return BindSetOperationAll(node, std::move(left), std::move(right), std::move(result));
  // INTERSECT / EXCEPT: distinct left rows with (without) an equal right row, where
  // NULLs compare equal.
  const auto left_bindings = left.plan->Bindings();
  const auto right_bindings = right.plan->Bindings();
  auto join = std::make_unique<LogicalJoin>(node.op == ast::SetOpKind::kIntersect ? JoinType::kSemi : JoinType::kAnti,
                                            std::make_unique<LogicalDistinct>(std::move(left.plan)),
                                            std::move(right.plan));
  for (size_t i = 0; i < types.size(); ++i) {
    JoinCondition condition;
    condition.left = std::make_unique<ColumnRefExpr>(types[i], left_bindings[i], left.names[i]);
    condition.right = std::make_unique<ColumnRefExpr>(types[i], right_bindings[i], right.names[i]);
    condition.op = CompareOp::kNotDistinctFrom;
    join->conditions.push_back(std::move(condition));
  }
  result.plan = std::move(join);
  return result;
}

BoundQuery Binder::BindInsertValues(const ast::ValuesNode& node, const std::vector<LogicalType>& types,
                                    const std::vector<const Expression*>& defaults) {
  std::vector<std::vector<ExprPtr>> rows;
  for (const auto& row : node.rows) {
    if (row.size() > types.size()) {
      throw Error(sqlstate::kSyntaxError, "INSERT has more expressions than target columns", node.span);
    }
    if (!rows.empty() && row.size() != rows[0].size()) {
      throw Error(sqlstate::kSyntaxError, "VALUES lists must all be the same length", node.span);
    }
    std::vector<ExprPtr> bound;
    for (size_t c = 0; c < row.size(); ++c) {
      ExprPtr value;
      if (row[c]->Is<ast::DefaultExpr>()) {
        value = defaults[c] ? defaults[c]->Clone() : std::make_unique<ConstantExpr>(Value::Null(types[c]));
      } else {
        value = BindConstantExpression(*row[c], "VALUES");
      }
      if (IsUntypedLiteral(*value) || value->type.id() == TypeId::kNull) {
        try {
          value = CastTo(std::move(value), types[c], *context_.time_zone);
        } catch (const Error& error) {
          throw Error(error.state(), error.message(), row[c]->span);
        }
      }
      bound.push_back(std::move(value));
    }
    rows.push_back(std::move(bound));
  }
  BoundQuery result;
  const size_t columns = rows.empty() ? 0 : rows[0].size();
  for (size_t c = 0; c < columns; ++c) {
    std::vector<ExprPtr*> column;
    for (auto& row : rows) column.push_back(&row[c]);
    LogicalType type = UnifyTypes(column, "VALUES", node.span);
    if (type.id() == TypeId::kNull) {
      type = types[c];
      for (auto* expr : column) *expr = CastTo(std::move(*expr), type, *context_.time_zone);
    }
    result.types.push_back(type);
    result.names.push_back("column" + std::to_string(c + 1));
  }
  result.plan = std::make_unique<LogicalValues>(NewTableIndex(), result.types, std::move(rows));
  return result;
}

BoundQuery Binder::BindSetOperationAll(const ast::SetOperationNode& node, BoundQuery left, BoundQuery right,
                                       BoundQuery result) {
  // INTERSECT ALL / EXCEPT ALL count copies: number the copies of each row on both
  // sides (row_number() over a partition of all columns, NULLs equal); the n-th copy
  // of a left row survives INTERSECT ALL when the right side has an n-th copy too,
  // and EXCEPT ALL when it has not.
  const auto left_bindings = left.plan->Bindings();
  const auto right_bindings = right.plan->Bindings();
  auto number_copies = [this](BoundQuery& query, const std::vector<ColumnBinding>& bindings) {
    BoundWindowFunction copy_number;
    copy_number.kind = WindowFunctionKind::kRowNumber;
    copy_number.name = "row_number";
    copy_number.type = TypeId::kBigInt;
    for (size_t i = 0; i < bindings.size(); ++i) {
      copy_number.partitions.push_back(std::make_unique<ColumnRefExpr>(query.types[i], bindings[i], query.names[i]));
    }
    const uint32_t window_index = NewTableIndex();
    std::vector<BoundWindowFunction> functions;
    functions.push_back(std::move(copy_number));
    query.plan = std::make_unique<LogicalWindow>(window_index, std::move(functions), std::move(query.plan));
    return ColumnBinding{window_index, 0};
  };
  const ColumnBinding left_copy = number_copies(left, left_bindings);
  const ColumnBinding right_copy = number_copies(right, right_bindings);
  auto join = std::make_unique<LogicalJoin>(node.op == ast::SetOpKind::kIntersect ? JoinType::kSemi : JoinType::kAnti,
                                            std::move(left.plan), std::move(right.plan));
  for (size_t i = 0; i < result.types.size(); ++i) {
    JoinCondition condition;
    condition.left = std::make_unique<ColumnRefExpr>(result.types[i], left_bindings[i], left.names[i]);
    condition.right = std::make_unique<ColumnRefExpr>(result.types[i], right_bindings[i], right.names[i]);
    condition.op = CompareOp::kNotDistinctFrom;
    join->conditions.push_back(std::move(condition));
  }
  JoinCondition same_copy;
  same_copy.left = std::make_unique<ColumnRefExpr>(LogicalType(TypeId::kBigInt), left_copy, "copy");
  same_copy.right = std::make_unique<ColumnRefExpr>(LogicalType(TypeId::kBigInt), right_copy, "copy");
  join->conditions.push_back(std::move(same_copy));
  std::vector<ExprPtr> columns;
  for (size_t i = 0; i < result.types.size(); ++i) {
    columns.push_back(std::make_unique<ColumnRefExpr>(result.types[i], left_bindings[i], result.names[i]));
  }
  result.plan = std::make_unique<LogicalProjection>(NewTableIndex(), std::move(columns), std::move(join));
  return result;
}

BoundQuery Binder::BindValues(const ast::ValuesNode& node) {
  std::vector<std::vector<ExprPtr>> rows;
  for (const auto& row : node.rows) {
    if (!rows.empty() && row.size() != rows[0].size()) {
      throw Error(sqlstate::kSyntaxError, "VALUES lists must all be the same length", node.span);
    }
    std::vector<ExprPtr> bound;
    for (const auto& value : row) bound.push_back(BindConstantExpression(*value, "VALUES"));
    rows.push_back(std::move(bound));
  }
  BoundQuery result;
  const size_t columns = rows.empty() ? 0 : rows[0].size();
  for (size_t c = 0; c < columns; ++c) {
    std::vector<ExprPtr*> column;
    for (auto& row : rows) column.push_back(&row[c]);
    LogicalType type = UnifyTypes(column, "VALUES", node.span);
    if (type.id() == TypeId::kNull) {
      type = TypeId::kVarchar;
      for (auto* expr : column) *expr = CastTo(std::move(*expr), type, *context_.time_zone);
    }
    result.types.push_back(type);
    result.names.push_back("column" + std::to_string(c + 1));
  }
  result.plan = std::make_unique<LogicalValues>(NewTableIndex(), result.types, std::move(rows));
  return result;
}

void Binder::BindToGroups(ExprPtr& expr, const std::vector<ExprPtr>& groups, uint32_t group_index,
                          uint32_t aggregate_index, const char* clause) {
  for (size_t i = 0; i < groups.size(); ++i) {
    if (ExpressionsEqual(*expr, *groups[i])) {
      auto ref = std::make_unique<ColumnRefExpr>(expr->type, ColumnBinding{group_index, static_cast<uint32_t>(i)},
                                                 expr->alias.empty() ? groups[i]->alias : expr->alias);
      ref->alias = expr->alias;
      expr = std::move(ref);
      return;
    }
  }
  if (expr->kind == ExprKind::kColumnRef) {
    const auto& ref = expr->As<ColumnRefExpr>();
    if (ref.depth == 0 && ref.binding.table_index != group_index && ref.binding.table_index != aggregate_index) {
      throw Error(sqlstate::kGroupingError,
                  "column \"" + ref.name + "\" must appear in the GROUP BY clause or be used in an aggregate function"
                  " (in " + clause + ")");
    }
    return;
  }
  for (ExprPtr* child : expr->Children()) BindToGroups(*child, groups, group_index, aggregate_index, clause);
}

}  // namespace basin
