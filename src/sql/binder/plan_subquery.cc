// Subqueries in expressions become joins: uncorrelated ones directly, correlated
// ones after their correlated predicates are pulled up out of the subquery (through
// filters, projections, inner joins and aggregates) to become join conditions.
// EXISTS and IN in WHERE become semi and anti joins; elsewhere they become mark
// joins whose boolean column replaces them; scalar subqueries become single joins.
#include <functional>

#include "common/error.h"
#include "sql/binder/binder.h"
#include "sql/binder/type_resolution.h"
#include "sql/planner/join_conditions.h"

namespace basin {

namespace {

bool HasOuterReference(const Expression& expr) {
  bool found = false;
  VisitExpressionsReadOnly(expr, [&found](const Expression& node) {
    if (node.kind == ExprKind::kColumnRef && node.As<ColumnRefExpr>().depth > 0) found = true;
  });
  return found;
}

[[noreturn]] void Unsupported(const char* what) {
  throw Error(sqlstate::kFeatureNotSupported, std::string("correlated subquery with ") + what + " is not supported yet");
}

// Moves predicates that refer to the outer query out of `node`'s subtree into
// `predicates`, rewriting what they refer to so that it is visible at `node`'s
// output. Throws when the correlation sits where it cannot be moved.
void PullUpCorrelation(LogicalPtr& node, std::vector<ExprPtr>& predicates) {
  switch (node->kind) {
    case LogicalKind::kFilter: {
      auto& filter = node->As<LogicalFilter>();
      PullUpCorrelation(node->children[0], predicates);
      std::vector<ExprPtr> kept;
      for (auto& condition : filter.conditions) {
        if (HasOuterReference(*condition)) {
          predicates.push_back(std::move(condition));
        } else {
          kept.push_back(std::move(condition));
        }
      }
      filter.conditions = std::move(kept);
      if (filter.conditions.empty()) node = std::move(node->children[0]);
      return;
    }
    case LogicalKind::kProjection: {
      auto& projection = node->As<LogicalProjection>();
      const size_t before = predicates.size();
      PullUpCorrelation(node->children[0], predicates);
      for (const auto& expr : projection.expressions) {
        if (HasOuterReference(*expr)) Unsupported("outer columns in its select list");
      }
      // Pass the inner columns the new predicates use through the projection.
      for (size_t p = before; p < predicates.size(); ++p) {
        std::vector<ColumnRefExpr*> refs;
        VisitExpressions(*predicates[p], [&refs](Expression& expr) {
          if (expr.kind == ExprKind::kColumnRef && expr.As<ColumnRefExpr>().depth == 0) refs.push_back(&expr.As<ColumnRefExpr>());
        });
        for (ColumnRefExpr* ref : refs) {
          uint32_t position = static_cast<uint32_t>(projection.expressions.size());
          for (uint32_t i = 0; i < projection.expressions.size(); ++i) {
            const auto& existing = projection.expressions[i];
            if (existing->kind == ExprKind::kColumnRef && existing->As<ColumnRefExpr>().binding == ref->binding) {
              position = i;
              break;
            }
          }
          if (position == projection.expressions.size()) projection.expressions.push_back(ref->Clone());
          ref->binding = {projection.table_index, position};
        }
      }
      return;
    }
    case LogicalKind::kAggregate: {
      auto& aggregate = node->As<LogicalAggregate>();
      const size_t before = predicates.size();
      PullUpCorrelation(node->children[0], predicates);
      for (const auto& group : aggregate.groups) {
        if (HasOuterReference(*group)) Unsupported("outer columns in GROUP BY");
      }
      // inner = outer predicates turn into groups: one aggregate per outer value.
      for (size_t p = before; p < predicates.size(); ++p) {
        ExprPtr& predicate = predicates[p];
        if (predicate->kind != ExprKind::kComparison || predicate->As<ComparisonExpr>().op != CompareOp::kEq) {
          Unsupported("a non-equality condition below an aggregate");
        }
        auto& comparison = predicate->As<ComparisonExpr>();
        ExprPtr& inner = HasOuterReference(*comparison.left) ? comparison.right : comparison.left;
        if (HasOuterReference(*inner)) Unsupported("outer columns on both sides of a condition");
        uint32_t position = static_cast<uint32_t>(aggregate.groups.size());
        for (uint32_t i = 0; i < aggregate.groups.size(); ++i) {
          if (ExpressionsEqual(*aggregate.groups[i], *inner)) position = i;
        }
        if (position == aggregate.groups.size()) aggregate.groups.push_back(inner->Clone());
        auto ref = std::make_unique<ColumnRefExpr>(inner->type, ColumnBinding{aggregate.group_index, position}, "");
        inner = std::move(ref);
      }
      return;
    }
    case LogicalKind::kJoin: {
      auto& join = node->As<LogicalJoin>();
      if (join.residual && HasOuterReference(*join.residual)) Unsupported("outer columns in a join condition");
      for (const auto& condition : join.conditions) {
        if (HasOuterReference(*condition.left) || HasOuterReference(*condition.right)) {
          Unsupported("outer columns in a join condition");
        }
      }
      PullUpCorrelation(node->children[0], predicates);
      if (join.type == JoinType::kInner) PullUpCorrelation(node->children[1], predicates);
      return;
    }
    case LogicalKind::kOrder:
      PullUpCorrelation(node->children[0], predicates);
      return;
    default:
      return;
  }
}

bool PlanHasOuterReference(const LogicalOperator& node) {
  bool found = false;
  auto check = [&found](const Expression& expr) { found = found || HasOuterReference(expr); };
  switch (node.kind) {
    case LogicalKind::kProjection:
      for (const auto& expr : node.As<LogicalProjection>().expressions) check(*expr);
      break;
    case LogicalKind::kFilter:
      for (const auto& expr : node.As<LogicalFilter>().conditions) check(*expr);
      break;
    case LogicalKind::kAggregate:
      for (const auto& expr : node.As<LogicalAggregate>().groups) check(*expr);
      for (const auto& aggregate : node.As<LogicalAggregate>().aggregates) {
        for (const auto& arg : aggregate.args) check(*arg);
        if (aggregate.filter) check(*aggregate.filter);
      }
      break;
    case LogicalKind::kJoin: {
      const auto& join = node.As<LogicalJoin>();
      if (join.residual) check(*join.residual);
      for (const auto& condition : join.conditions) {
        check(*condition.left);
        check(*condition.right);
      }
      break;
    }
    case LogicalKind::kOrder:
      for (const auto& order : node.As<LogicalOrder>().orders) check(*order.expr);
      break;
    case LogicalKind::kValues:
      for (const auto& row : node.As<LogicalValues>().rows) {
        for (const auto& expr : row) check(*expr);
      }
      break;
    default:
      break;
  }
  for (const auto& child : node.children) found = found || PlanHasOuterReference(*child);
  return found;
}

// Whether PullUpCorrelation can move every outer reference of `node` up (it
// throws otherwise, after changing the plan): lets callers pick another strategy
// first.
bool CanPullUp(const LogicalOperator& node, bool below_aggregate) {
  switch (node.kind) {
    case LogicalKind::kFilter: {
      for (const auto& condition : node.As<LogicalFilter>().conditions) {
        if (!HasOuterReference(*condition) || !below_aggregate) continue;
        if (condition->kind != ExprKind::kComparison || condition->As<ComparisonExpr>().op != CompareOp::kEq) return false;
        const auto& comparison = condition->As<ComparisonExpr>();
        if (HasOuterReference(*comparison.left) == HasOuterReference(*comparison.right)) return false;
      }
      return CanPullUp(*node.children[0], below_aggregate);
    }
    case LogicalKind::kProjection:
      for (const auto& expr : node.As<LogicalProjection>().expressions) {
        if (HasOuterReference(*expr)) return false;
      }
      return CanPullUp(*node.children[0], below_aggregate);
    case LogicalKind::kAggregate:
      for (const auto& group : node.As<LogicalAggregate>().groups) {
        if (HasOuterReference(*group)) return false;
      }
      for (const auto& aggregate : node.As<LogicalAggregate>().aggregates) {
        for (const auto& arg : aggregate.args) {
          if (HasOuterReference(*arg)) return false;
        }
        if (aggregate.filter && HasOuterReference(*aggregate.filter)) return false;
      }
      return CanPullUp(*node.children[0], true);
    case LogicalKind::kJoin: {
      const auto& join = node.As<LogicalJoin>();
      if (join.residual && HasOuterReference(*join.residual)) return false;
      for (const auto& condition : join.conditions) {
        if (HasOuterReference(*condition.left) || HasOuterReference(*condition.right)) return false;
      }
      if (!CanPullUp(*node.children[0], below_aggregate)) return false;
      return join.type == JoinType::kInner ? CanPullUp(*node.children[1], below_aggregate)
                                           : !PlanHasOuterReference(*node.children[1]);
    }
    case LogicalKind::kOrder:
      return CanPullUp(*node.children[0], below_aggregate);
    default:
      return !PlanHasOuterReference(node);
  }
}

// Outer references one level up become references of this level.
void LowerDepth(Expression& expr) {
  VisitExpressions(expr, [](Expression& node) {
    if (node.kind != ExprKind::kColumnRef) return;
    auto& ref = node.As<ColumnRefExpr>();
    if (ref.depth > 0) --ref.depth;
  });
}

// The aggregate function behind a subquery's single output column, if that column
// is exactly an aggregate.
std::string OutputAggregateName(const LogicalOperator& plan) {
  if (plan.kind != LogicalKind::kProjection) return "";
  const auto& projection = plan.As<LogicalProjection>();
  const auto& expr = projection.expressions[0];
  if (expr->kind != ExprKind::kColumnRef) return "";
  const LogicalOperator& child = *plan.children[0];
  if (child.kind != LogicalKind::kAggregate) return "";
  const auto& aggregate = child.As<LogicalAggregate>();
  const auto& binding = expr->As<ColumnRefExpr>().binding;
  if (binding.table_index != aggregate.aggregate_index) return "";
  return aggregate.aggregates[binding.column_index].function->name;
}

// Whether PullUpCorrelation can move every outer reference of `node` into join
// predicates without changing a LATERAL join's result. Scalar aggregates (one row
// even over no input) and LIMIT / DISTINCT over correlated rows cannot.
bool CanDecorrelateLateral(const LogicalOperator& node, bool below_aggregate) {
  switch (node.kind) {
    case LogicalKind::kFilter:
      for (const auto& condition : node.As<LogicalFilter>().conditions) {
        if (!HasOuterReference(*condition) || !below_aggregate) continue;
        if (condition->kind != ExprKind::kComparison || condition->As<ComparisonExpr>().op != CompareOp::kEq) return false;
        const auto& comparison = condition->As<ComparisonExpr>();
        if (HasOuterReference(*comparison.left) == HasOuterReference(*comparison.right)) return false;
      }
      return CanDecorrelateLateral(*node.children[0], below_aggregate);
    case LogicalKind::kProjection:
      for (const auto& expr : node.As<LogicalProjection>().expressions) {
        if (HasOuterReference(*expr)) return false;
      }
      return CanDecorrelateLateral(*node.children[0], below_aggregate);
    case LogicalKind::kAggregate: {
      const auto& aggregate = node.As<LogicalAggregate>();
      if (aggregate.groups.empty()) return !PlanHasOuterReference(node);
      for (const auto& group : aggregate.groups) {
        if (HasOuterReference(*group)) return false;
      }
      for (const auto& call : aggregate.aggregates) {
        for (const auto& arg : call.args) {
          if (HasOuterReference(*arg)) return false;
        }
        if (call.filter && HasOuterReference(*call.filter)) return false;
      }
      return CanDecorrelateLateral(*node.children[0], true);
    }
    case LogicalKind::kJoin: {
      const auto& join = node.As<LogicalJoin>();
      if (join.residual && HasOuterReference(*join.residual)) return false;
      for (const auto& condition : join.conditions) {
        if (HasOuterReference(*condition.left) || HasOuterReference(*condition.right)) return false;
      }
      if (!CanDecorrelateLateral(*node.children[0], below_aggregate)) return false;
      if (join.type == JoinType::kInner) return CanDecorrelateLateral(*node.children[1], below_aggregate);
      return !PlanHasOuterReference(*node.children[1]);
    }
    case LogicalKind::kOrder:
      for (const auto& order : node.As<LogicalOrder>().orders) {
        if (HasOuterReference(*order.expr)) return false;
      }
      return CanDecorrelateLateral(*node.children[0], below_aggregate);
    default:
      return !PlanHasOuterReference(node);
  }
}

// Calls `visit` on every expression a logical node holds.
void ForEachExpression(LogicalOperator& node, const std::function<void(ExprPtr&)>& visit) {
  switch (node.kind) {
    case LogicalKind::kProjection:
      for (auto& expr : node.As<LogicalProjection>().expressions) visit(expr);
      break;
    case LogicalKind::kFilter:
      for (auto& expr : node.As<LogicalFilter>().conditions) visit(expr);
      break;
    case LogicalKind::kAggregate:
      for (auto& expr : node.As<LogicalAggregate>().groups) visit(expr);
      for (auto& call : node.As<LogicalAggregate>().aggregates) {
        for (auto& arg : call.args) visit(arg);
        if (call.filter) visit(call.filter);
      }
      break;
    case LogicalKind::kJoin: {
      auto& join = node.As<LogicalJoin>();
      if (join.residual) visit(join.residual);
      for (auto& condition : join.conditions) {
        visit(condition.left);
        visit(condition.right);
      }
      break;
    }
    case LogicalKind::kOrder:
      for (auto& order : node.As<LogicalOrder>().orders) visit(order.expr);
      break;
    case LogicalKind::kValues:
      for (auto& row : node.As<LogicalValues>().rows) {
        for (auto& expr : row) visit(expr);
      }
      break;
    case LogicalKind::kWindow:
      for (auto& function : node.As<LogicalWindow>().functions) {
        for (auto& arg : function.args) visit(arg);
        if (function.filter) visit(function.filter);
        for (auto& partition : function.partitions) visit(partition);
        for (auto& order : function.orders) visit(order.expr);
      }
      break;
    case LogicalKind::kLateralJoin:
      for (auto& arg : node.As<LogicalLateralJoin>().function_args) visit(arg);
      break;
    case LogicalKind::kUnnest:
      for (auto& list : node.As<LogicalUnnest>().lists) visit(list);
      break;
    default:
      break;
  }
  for (auto& child : node.children) ForEachExpression(*child, visit);
}

// Replaces column references that `is_parameter` accepts by lateral parameters,
// numbering each distinct binding once in `bindings`.
void ReplaceByParameters(ExprPtr& expr, const std::function<bool(const ColumnRefExpr&)>& is_parameter,
                         const std::shared_ptr<LateralParameters>& parameters, std::vector<ColumnBinding>& bindings) {
  RewriteExpression(expr, [&](Expression& node) -> ExprPtr {
    if (node.kind != ExprKind::kColumnRef) return nullptr;
    const auto& ref = node.As<ColumnRefExpr>();
    if (!is_parameter(ref)) return nullptr;
    uint32_t index = 0;
    while (index < bindings.size() && !(bindings[index] == ref.binding)) ++index;
    if (index == bindings.size()) bindings.push_back(ref.binding);
    return MakeLateralParameter(parameters, index, ref.type, ref.name);
  });
}

}  // namespace

ExprPtr Binder::BindSubquery(const ast::SubqueryExpr& expr, ExprContext& context) {
  Binder child(context_, this);
  child.is_expression_subquery_ = true;
  BoundQuery query = child.BindQuery(*expr.query);
  const bool correlated = child.has_correlation();
  switch (expr.subquery_kind) {
    case ast::SubqueryKind::kScalar: {
      if (query.types.size() != 1) throw Error(sqlstate::kSyntaxError, "subquery must return only one column", expr.span);
      const LogicalType type = query.types[0];
      auto bound = std::make_unique<BoundSubqueryExpr>(expr.subquery_kind, std::move(query), type);
      bound->correlated = correlated;
      return bound;
    }
    case ast::SubqueryKind::kExists: {
      auto bound = std::make_unique<BoundSubqueryExpr>(expr.subquery_kind, std::move(query), TypeId::kBoolean);
      bound->correlated = correlated;
      return bound;
    }
    case ast::SubqueryKind::kIn:
    case ast::SubqueryKind::kAny:
    case ast::SubqueryKind::kAll: {
      if (query.types.size() != 1) throw Error(sqlstate::kSyntaxError, "subquery has too many columns", expr.span);
      ExprPtr left = BindExpression(*expr.left, context);
      auto common = IsUntypedLiteral(*left) ? std::optional<LogicalType>(query.types[0])
                                            : CommonSuperType(left->type, query.types[0]);
      if (!common) {
        throw Error(sqlstate::kUndefinedFunction,
                    "operator does not exist: " + left->type.ToString() + " = " + query.types[0].ToString(), expr.span);
      }
      left = CastTo(std::move(left), *common, *context_.time_zone);
      query = CastColumns(std::move(query), {*common});
      auto bound = std::make_unique<BoundSubqueryExpr>(expr.subquery_kind, std::move(query), TypeId::kBoolean);
      bound->left = std::move(left);
      bound->negated = expr.negated;
      bound->correlated = correlated;
      if (expr.subquery_kind != ast::SubqueryKind::kIn) {
        auto op = ComparisonOperator(expr.op);
        if (!op) throw Error(sqlstate::kUndefinedFunction, "operator " + expr.op + " is not supported with ANY/ALL", expr.span);
        bound->op = *op;
      }
      return bound;
    }
    case ast::SubqueryKind::kArray: {
      if (query.types.size() != 1) throw Error(sqlstate::kSyntaxError, "subquery must return only one column", expr.span);
      auto bound = std::make_unique<BoundSubqueryExpr>(ast::SubqueryKind::kScalar, ArrayOfRows(std::move(query), expr.span),
                                                      LogicalType::List(query.types[0]));
      bound->correlated = correlated;
      return bound;
    }
  }
  throw Error(sqlstate::kInternal, "unknown subquery kind", expr.span);
}

BoundQuery Binder::ArrayOfRows(BoundQuery query, SourceSpan span) {
  // The element: the query's one column. A projection on top (the select list) is
  // folded into the aggregate's argument, so that the ORDER BY below it, whose keys
  // the projection may have dropped, can order the aggregate.
  LogicalPtr input = std::move(query.plan);
  ExprPtr element;
  if (input->kind == LogicalKind::kProjection) {
    element = std::move(input->As<LogicalProjection>().expressions[0]);
    input = std::move(input->children[0]);
  } else {
    const ColumnBinding binding = input->Bindings()[0];
    element = std::make_unique<ColumnRefExpr>(query.types[0], binding, query.names[0]);
  }
  // The query's ORDER BY, under any LIMITs (which pass its columns through).
  std::vector<BoundOrder> orders;
  for (LogicalOperator* node = input.get(); node != nullptr;) {
    if (node->kind == LogicalKind::kOrder) {
      for (const auto& order : node->As<LogicalOrder>().orders) {
        orders.push_back(BoundOrder{order.expr->Clone(), order.descending, order.nulls_first});
      }
      break;
    }
    node = node->kind == LogicalKind::kLimit ? node->children[0].get() : nullptr;
  }
  std::vector<ExprPtr> args;
  args.push_back(std::move(element));
  BoundAggregate aggregate = ResolveAggregate("array_agg", std::move(args), span);
  aggregate.orders = std::move(orders);
  const LogicalType list_type = aggregate.type;
  std::vector<BoundAggregate> aggregates;
  aggregates.push_back(std::move(aggregate));
  const uint32_t aggregate_index = NewTableIndex();
  LogicalPtr plan = std::make_unique<LogicalAggregate>(NewTableIndex(), aggregate_index, std::vector<ExprPtr>{},
                                                       std::move(aggregates), std::move(input));
  // No rows make an empty array, not NULL.
  std::vector<ExprPtr> coalesce;
  coalesce.push_back(std::make_unique<ColumnRefExpr>(list_type, ColumnBinding{aggregate_index, 0}, "array"));
  coalesce.push_back(std::make_unique<ConstantExpr>(Value::Nested(list_type, {})));
  std::vector<ExprPtr> outputs;
  outputs.push_back(BindScalarFunction("coalesce", std::move(coalesce), span));
  BoundQuery result;
  result.plan = std::make_unique<LogicalProjection>(NewTableIndex(), std::move(outputs), std::move(plan));
  result.names = {"array"};
  result.types = {list_type};
  return result;
}

bool Binder::TryPlanFilterSubquery(ExprPtr& conjunct, LogicalPtr& root) {
  Expression* target = conjunct.get();
  bool negated = false;
  if (target->kind == ExprKind::kNot && target->As<NotExpr>().child->kind == ExprKind::kSubquery) {
    target = target->As<NotExpr>().child.get();
    negated = true;
  }
  if (target->kind != ExprKind::kSubquery) return false;
  auto& subquery = static_cast<BoundSubqueryExpr&>(*target);
  const bool is_exists = subquery.subquery_kind == ast::SubqueryKind::kExists;
  const bool is_in = subquery.subquery_kind == ast::SubqueryKind::kIn ||
                     (subquery.subquery_kind == ast::SubqueryKind::kAny && subquery.op == CompareOp::kEq);
  // NOT IN is not an anti join when NULLs are involved: it takes the mark path.
  if (!(is_exists || (is_in && !negated && !subquery.negated))) return false;
  if (subquery.correlated && !CanPullUp(*subquery.query.plan, false)) return false;  // per-row path
  PlanSubquery(subquery, root, /*as_filter=*/true);
  if (negated) {
    // PlanSubquery made a semi join; NOT EXISTS wants an anti join.
    root->As<LogicalJoin>().type = JoinType::kAnti;
  }
  return true;
}

void Binder::PlanSubqueries(ExprPtr& expr, LogicalPtr& root) {
  RewriteExpression(expr, [this, &root](Expression& node) -> ExprPtr {
    if (node.kind != ExprKind::kSubquery) return nullptr;
    return PlanSubquery(static_cast<BoundSubqueryExpr&>(node), root, false);
  });
}

ExprPtr Binder::PlanSubquery(BoundSubqueryExpr& subquery, LogicalPtr& root, bool as_filter) {
  LogicalPtr plan = std::move(subquery.query.plan);
  if (subquery.correlated && !CanPullUp(*plan, false)) return PlanSubqueryPerRow(subquery, std::move(plan), root);
  std::vector<ExprPtr> predicates;
  if (subquery.correlated) {
    PullUpCorrelation(plan, predicates);
    if (PlanHasOuterReference(*plan)) Unsupported("outer columns in this position");
    for (auto& predicate : predicates) LowerDepth(*predicate);
  }
  const auto subquery_bindings = plan->Bindings();
  const std::string aggregate_name = subquery.subquery_kind == ast::SubqueryKind::kScalar && subquery.correlated
                                         ? OutputAggregateName(*plan)
                                         : "";
  JoinType type = JoinType::kMark;
  switch (subquery.subquery_kind) {
    case ast::SubqueryKind::kScalar:
      // One value per outer row. Grouped by the correlation keys, an aggregate
      // subquery has at most one row per key: a plain left join suffices.
      type = subquery.correlated && !aggregate_name.empty() ? JoinType::kLeft : JoinType::kSingle;
      break;
    case ast::SubqueryKind::kExists:
      if (!subquery.correlated) plan = std::make_unique<LogicalLimit>(1, 0, std::move(plan));
      type = as_filter ? JoinType::kSemi : JoinType::kMark;
      break;
    default:
      type = as_filter ? JoinType::kSemi : JoinType::kMark;
      break;
  }
  auto join = std::make_unique<LogicalJoin>(type, std::move(root), std::move(plan));
  if (type == JoinType::kMark) join->mark_binding = {NewTableIndex(), 0};
  // IN / ANY / ALL are NULL when nothing matched but a comparison was unknown.
  // (With correlation predicates the NULL logic would have to tell them apart from
  // the IN comparison; those marks stay two-valued for now.)
  join->null_aware = subquery.left != nullptr && !subquery.correlated;
  std::vector<ExprPtr> residual = std::move(predicates);
  if (subquery.left) {
    auto right = std::make_unique<ColumnRefExpr>(subquery.left->type, subquery_bindings[0], "");
    CompareOp op = subquery.op;
    if (subquery.subquery_kind == ast::SubqueryKind::kAll) op = NegateCompareOp(op);
    residual.push_back(std::make_unique<ComparisonExpr>(op, std::move(subquery.left), std::move(right)));
  }
  join->residual = CombineConjuncts(std::move(residual));
  ExtractJoinConditions(*join);
  ExprPtr replacement;
  switch (type) {
    case JoinType::kMark: {
      replacement = std::make_unique<ColumnRefExpr>(TypeId::kBoolean, join->mark_binding, "mark");
      if (subquery.subquery_kind == ast::SubqueryKind::kAll || subquery.negated) {
        replacement = std::make_unique<NotExpr>(std::move(replacement));
      }
      break;
    }
    case JoinType::kLeft:
    case JoinType::kSingle: {
      replacement = std::make_unique<ColumnRefExpr>(subquery.type, subquery_bindings[0], "");
      if (aggregate_name == "count") {
        // COUNT over no rows is 0, not the NULL an unmatched left join gives.
        std::vector<CaseExpr::When> whens;
        whens.push_back({std::make_unique<IsNullExpr>(replacement->Clone(), true), replacement->Clone()});
        replacement = std::make_unique<CaseExpr>(subquery.type, std::move(whens),
                                                 std::make_unique<ConstantExpr>(Value::BigInt(0)));
      }
      break;
    }
    default:
      break;
  }
  root = std::move(join);
  return replacement;
}

}  // namespace basin

namespace basin {

LogicalPtr Binder::PlanLateralJoin(JoinType type, LogicalPtr left, LateralItem right, ExprPtr condition) {
  if (right.function_join) {
    // A table function called per left row.
    auto join = std::move(right.function_join);
    join->type = type;
    join->children.insert(join->children.begin(), std::move(left));
    LogicalPtr plan = std::move(join);
    const bool always_true = condition && condition->kind == ExprKind::kConstant &&
                             !condition->As<ConstantExpr>().value.is_null() &&
                             condition->As<ConstantExpr>().value.GetBoolean();
    if (!condition || always_true) return plan;
    if (type != JoinType::kInner) {
      throw Error(sqlstate::kFeatureNotSupported,
                  "LEFT JOIN LATERAL over a table function call supports only ON true");
    }
    std::vector<ExprPtr> conditions;
    conditions.push_back(std::move(condition));
    return std::make_unique<LogicalFilter>(std::move(conditions), std::move(plan));
  }
  LogicalPtr plan = std::move(right.plan);
  std::vector<ExprPtr> residual;
  if (condition) residual.push_back(std::move(condition));
  if (!right.correlated || CanDecorrelateLateral(*plan, false)) {
    // References to the left side become join predicates.
    std::vector<ExprPtr> predicates;
    if (right.correlated) PullUpCorrelation(plan, predicates);
    for (auto& predicate : predicates) {
      LowerDepth(*predicate);
      residual.push_back(std::move(predicate));
    }
    auto join = std::make_unique<LogicalJoin>(type, std::move(left), std::move(plan));
    join->residual = CombineConjuncts(std::move(residual));
    ExtractJoinConditions(*join);
    return join;
  }
  // The general case: run the right side per left row, reading the left row's
  // values as parameters.
  auto parameters = std::make_shared<LateralParameters>();
  std::vector<ColumnBinding> parameter_bindings;
  bool deeper = false;
  ForEachExpression(*plan, [&](ExprPtr& expr) {
    ReplaceByParameters(
        expr,
        [&deeper](const ColumnRefExpr& ref) {
          deeper = deeper || ref.depth > 1;
          return ref.depth == 1;
        },
        parameters, parameter_bindings);
  });
  if (deeper) {
    throw Error(sqlstate::kFeatureNotSupported,
                "a LATERAL subquery that also refers to an enclosing query is not supported yet");
  }
  if (!residual.empty()) {
    // ON conditions become a filter over the right side, reading left columns as
    // parameters: with LEFT JOIN, rows failing it leave the left row unmatched.
    const auto left_bindings = left->Bindings();
    ExprPtr on = CombineConjuncts(std::move(residual));
    ReplaceByParameters(
        on,
        [&left_bindings](const ColumnRefExpr& ref) {
          if (ref.depth != 0) return false;
          for (const auto& binding : left_bindings) {
            if (binding == ref.binding) return true;
          }
          return false;
        },
        parameters, parameter_bindings);
    std::vector<ExprPtr> conditions;
    conditions.push_back(std::move(on));
    plan = std::make_unique<LogicalFilter>(std::move(conditions), std::move(plan));
  }
  parameters->values.resize(parameter_bindings.size());
  auto join = std::make_unique<LogicalLateralJoin>(type, std::move(left), std::move(plan));
  join->parameter_bindings = std::move(parameter_bindings);
  join->parameters = std::move(parameters);
  return join;
}

ExprPtr Binder::PlanSubqueryPerRow(BoundSubqueryExpr& subquery, LogicalPtr plan, LogicalPtr& root) {
  // Correlation the pull-up cannot move (outer columns in a select list, under a
  // LIMIT, ...): run the subquery once per outer row, as a lateral join.
  LateralItem item;
  item.correlated = true;
  switch (subquery.subquery_kind) {
    case ast::SubqueryKind::kScalar: {
      const ColumnBinding value = plan->Bindings()[0];
      item.plan = std::move(plan);
      root = PlanLateralJoin(JoinType::kSingle, std::move(root), std::move(item), nullptr);
      return std::make_unique<ColumnRefExpr>(subquery.type, value, "");
    }
    case ast::SubqueryKind::kExists: {
      // EXISTS (q) is whether SELECT true FROM q LIMIT 1 gave a row.
      std::vector<ExprPtr> flag;
      flag.push_back(std::make_unique<ConstantExpr>(Value::Boolean(true)));
      const uint32_t flag_index = NewTableIndex();
      plan = std::make_unique<LogicalProjection>(flag_index, std::move(flag), std::move(plan));
      item.plan = std::make_unique<LogicalLimit>(1, 0, std::move(plan));
      root = PlanLateralJoin(JoinType::kLeft, std::move(root), std::move(item), nullptr);
      return std::make_unique<IsNullExpr>(
          std::make_unique<ColumnRefExpr>(LogicalType(TypeId::kBoolean), ColumnBinding{flag_index, 0}, "exists"),
          /*negated=*/true);
    }
    default:
      return PlanQuantifiedPerRow(subquery, std::move(plan), root);
  }
}

ExprPtr Binder::PlanQuantifiedPerRow(BoundSubqueryExpr& subquery, LogicalPtr plan, LogicalPtr& root) {
  // x op ANY (q) per outer row, as one aggregate row over q with c = (x op y):
  //   CASE WHEN bool_or(c) THEN true WHEN count(*) > count(c) THEN NULL ELSE false END
  // (true if some comparison holds, else NULL if some was unknown, else false; ALL
  // is the dual, over NOT c). IN is = ANY.
  const bool all = subquery.subquery_kind == ast::SubqueryKind::kAll;
  const ColumnBinding element = plan->Bindings()[0];
  ExprPtr left = std::move(subquery.left);
  VisitExpressions(*left, [](Expression& node) {  // the outer row is one level out now
    if (node.kind == ExprKind::kColumnRef) ++node.As<ColumnRefExpr>().depth;
  });
  ExprPtr compare = std::make_unique<ComparisonExpr>(subquery.op, std::move(left),
                                                     std::make_unique<ColumnRefExpr>(subquery.query.types[0], element, ""));
  ExprPtr decisive = all ? ExprPtr(std::make_unique<NotExpr>(compare->Clone())) : compare->Clone();
  std::vector<BoundAggregate> aggregates;
  std::vector<ExprPtr> args;
  args.push_back(std::move(decisive));
  aggregates.push_back(ResolveAggregate("bool_or", std::move(args), {}));
  args.clear();
  args.push_back(std::move(compare));
  aggregates.push_back(ResolveAggregate("count", std::move(args), {}));
  aggregates.push_back(ResolveAggregate("count", {}, {}));
  const uint32_t aggregate_index = NewTableIndex();
  plan = std::make_unique<LogicalAggregate>(NewTableIndex(), aggregate_index, std::vector<ExprPtr>{},
                                            std::move(aggregates), std::move(plan));
  auto column = [aggregate_index](uint32_t i, LogicalType type) {
    return std::make_unique<ColumnRefExpr>(type, ColumnBinding{aggregate_index, i}, "");
  };
  std::vector<CaseExpr::When> whens;
  whens.push_back({column(0, TypeId::kBoolean), std::make_unique<ConstantExpr>(Value::Boolean(!all))});
  whens.push_back({std::make_unique<ComparisonExpr>(CompareOp::kGt, column(2, TypeId::kBigInt), column(1, TypeId::kBigInt)),
                   std::make_unique<ConstantExpr>(Value::Null(TypeId::kBoolean))});
  std::vector<ExprPtr> outcome;
  outcome.push_back(std::make_unique<CaseExpr>(TypeId::kBoolean, std::move(whens),
                                               std::make_unique<ConstantExpr>(Value::Boolean(all))));
  const uint32_t outcome_index = NewTableIndex();
  LateralItem item;
  item.correlated = true;
  item.plan = std::make_unique<LogicalProjection>(outcome_index, std::move(outcome), std::move(plan));
  root = PlanLateralJoin(JoinType::kSingle, std::move(root), std::move(item), nullptr);
  ExprPtr result = std::make_unique<ColumnRefExpr>(LogicalType(TypeId::kBoolean), ColumnBinding{outcome_index, 0}, "");
  if (subquery.negated) result = std::make_unique<NotExpr>(std::move(result));
  return result;
}

}  // namespace basin
