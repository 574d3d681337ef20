// Binding of function calls: overload resolution with PostgreSQL-style implicit
// casts, aggregates, and the few functions that are really syntax (COALESCE, NULLIF).
#include <limits>

#include "common/error.h"
#include "function/function_registry.h"
#include "function/window/window_functions.h"
#include "sql/binder/binder.h"
#include "sql/binder/type_resolution.h"

namespace basin {

namespace {

std::string Signature(const std::string& name, const std::vector<ExprPtr>& args) {
  const bool is_operator = !name.empty() && !std::isalpha(static_cast<unsigned char>(name[0]));
  auto type_name = [](const ExprPtr& arg) { return IsUntypedLiteral(*arg) ? std::string("unknown") : arg->type.ToString(); };
  if (is_operator) {
    if (args.size() == 1) return "operator does not exist: " + name + " " + type_name(args[0]);
    return "operator does not exist: " + type_name(args[0]) + " " + name + " " + type_name(args[1]);
  }
  std::string text = "function " + name + "(";
  for (size_t i = 0; i < args.size(); ++i) text += (i ? ", " : "") + type_name(args[i]);
  return text + ") does not exist";
}

// The type an argument is cast to for a declared parameter type.
LogicalType TargetType(const LogicalType& parameter, const LogicalType& argument) {
  if (parameter.id() == TypeId::kNull) return argument;  // "any"
  if (parameter.id() == TypeId::kDecimal && parameter.precision() == 0) {
    if (argument.id() == TypeId::kDecimal) return argument;
    if (argument.IsInteger()) return DecimalForInteger(argument);
    return LogicalType::Decimal(kMaxDecimalPrecision, 10);
  }
  return parameter;
}

std::optional<int> ArgumentCost(const LogicalType& parameter, const Expression& arg, const LogicalType* preferred) {
  if (parameter.id() == TypeId::kNull) return 0;
  const bool untyped = IsUntypedLiteral(arg);
  if (untyped && preferred != nullptr) {
    // An unknown literal next to typed arguments is taken to be of their type.
    if (TargetType(parameter, *preferred) == *preferred && parameter.id() == preferred->id()) return 0;
  }
  if (parameter.id() == TypeId::kDecimal && parameter.precision() == 0) {
    if (arg.type.id() == TypeId::kDecimal) return 0;
    if (untyped) return 3;
    if (!arg.type.IsInteger()) return std::nullopt;
    return ImplicitCastCost(arg.type, LogicalType::Decimal(kMaxDecimalPrecision, 0), false);
  }
  return ImplicitCastCost(arg.type, parameter, untyped);
}

// Picks the overload with the cheapest implicit casts. Returns its index or -1.
template <class Function>
int ResolveOverload(const std::vector<std::shared_ptr<const Function>>& candidates, const std::vector<ExprPtr>& args,
                    const std::function<const std::optional<LogicalType>&(const Function&)>& varargs_of) {
  const LogicalType* preferred = nullptr;
  for (const auto& arg : args) {
    if (!IsUntypedLiteral(*arg) && arg->type.id() != TypeId::kNull) {
      preferred = &arg->type;
      break;
    }
  }
  int best = -1;
  int best_cost = std::numeric_limits<int>::max();
  for (size_t c = 0; c < candidates.size(); ++c) {
    const Function& candidate = *candidates[c];
    const auto& varargs = varargs_of(candidate);
    const size_t fixed = candidate.arguments.size();
    if (args.size() < fixed || (args.size() > fixed && !varargs)) continue;
    int cost = 0;
    bool viable = true;
    for (size_t i = 0; i < args.size() && viable; ++i) {
      const LogicalType& parameter = i < fixed ? candidate.arguments[i] : *varargs;
      auto arg_cost = ArgumentCost(parameter, *args[i], preferred);
      viable = arg_cost.has_value();
      if (viable) cost += *arg_cost;
    }
    if (viable && cost < best_cost) {
      best = static_cast<int>(c);
      best_cost = cost;
    }
  }
  return best;
}

// A function's bind callback may ask for other argument types than the declared
// ones (array_append(list, x) wants x as the list's element type): cast to them.
void CastToBoundTypes(std::vector<ExprPtr>& args, const std::vector<LogicalType>& types, const TimeZone& zone,
                      SourceSpan span) {
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i]->type == types[i]) continue;
    if (!CastExists(args[i]->type, types[i]) || (!IsUntypedLiteral(*args[i]) && args[i]->type.id() != TypeId::kNull &&
                                                 !ImplicitCastCost(args[i]->type, types[i], false))) {
      throw Error(sqlstate::kDatatypeMismatch,
                  "argument " + std::to_string(i + 1) + " of type " + args[i]->type.ToString() + " does not match " + types[i].ToString(), span);
    }
    try {
      args[i] = CastTo(std::move(args[i]), types[i], zone);
    } catch (const Error& error) {
      throw Error(error.state(), error.message(), span);
    }
  }
}

const std::optional<LogicalType>& NoVarargs(const AggregateFunction&) {
  static const std::optional<LogicalType> none;
  return none;
}

}  // namespace

ExprPtr Binder::BindScalarFunction(const std::string& name, std::vector<ExprPtr> args, SourceSpan span) {
  bool handled = false;
  ExprPtr special = BindSpecialFunction(name, args, span, &handled);
  if (handled) return special;

  const auto* candidates = FunctionRegistry::BuiltIn().FindScalar(name);
  if (candidates == nullptr && name == "unnest") {
    throw Error(sqlstate::kFeatureNotSupported,
                "set-returning function unnest() is only allowed in FROM and in a select list", span);
  }
  if (candidates == nullptr) throw Error(sqlstate::kUndefinedFunction, Signature(name, args), span);
  const int chosen = ResolveOverload<ScalarFunction>(
      *candidates, args, [](const ScalarFunction& function) -> const std::optional<LogicalType>& { return function.varargs; });
  if (chosen < 0) throw Error(sqlstate::kUndefinedFunction, Signature(name, args), span);
  const auto& function = (*candidates)[chosen];
  std::vector<LogicalType> types;
  for (size_t i = 0; i < args.size(); ++i) {
    const LogicalType& parameter = i < function->arguments.size() ? function->arguments[i] : *function->varargs;
    LogicalType target = TargetType(parameter, args[i]->type);
    if (IsUntypedLiteral(*args[i]) && parameter.id() == TypeId::kNull) target = TypeId::kVarchar;
    try {
      args[i] = CastTo(std::move(args[i]), target, *context_.time_zone);
    } catch (const Error& error) {
      throw Error(error.state(), error.message(), span);
    }
    types.push_back(args[i]->type);
  }
  LogicalType return_type = function->return_type;
  std::shared_ptr<const FunctionData> data;
  if (function->bind) {
    try {
      data = function->bind(types, return_type);
    } catch (const Error& error) {
      throw Error(error.state(), error.message(), error.where() ? error.where() : std::optional<SourceSpan>(span));
    }
    CastToBoundTypes(args, types, *context_.time_zone, span);
  }
  if (function->uses_time_zone) {
    if (data) throw Error(sqlstate::kInternal, "function " + name + " has both bind data and a time zone");
    data = std::make_shared<TimeZoneData>(context_.time_zone);
  }
  auto expr = std::make_unique<FunctionExpr>(function, std::move(args), return_type, data);
  // Fold calls on constants now, so that plans and filters see plain values.
  bool all_constant = function->volatility == Volatility::kImmutable;
  for (const auto& arg : expr->args) all_constant = all_constant && arg->kind == ExprKind::kConstant;
  if (all_constant) {
    try {
      return std::make_unique<ConstantExpr>(EvaluateConstant(*expr));
    } catch (const Error& error) {
      throw Error(error.state(), error.message(), span);
    }
  }
  return expr;
}

ExprPtr Binder::BindSpecialFunction(const std::string& name, std::vector<ExprPtr>& args, SourceSpan span,
                                    bool* handled) {
  *handled = true;
  if (name == "coalesce") {
    if (args.empty()) throw Error(sqlstate::kSyntaxError, "coalesce requires at least one argument", span);
    std::vector<ExprPtr*> all;
    for (auto& arg : args) all.push_back(&arg);
    const LogicalType type = UnifyTypes(all, "COALESCE", span);
    // CASE WHEN a IS NOT NULL THEN a WHEN b IS NOT NULL THEN b ELSE c END
    std::vector<CaseExpr::When> whens;
    for (size_t i = 0; i + 1 < args.size(); ++i) {
      whens.push_back({std::make_unique<IsNullExpr>(args[i]->Clone(), true), std::move(args[i])});
    }
    return std::make_unique<CaseExpr>(type, std::move(whens), std::move(args.back()));
  }
  if (name == "nullif") {
    if (args.size() != 2) throw Error(sqlstate::kUndefinedFunction, "nullif requires two arguments", span);
    std::vector<ExprPtr*> both{&args[0], &args[1]};
    const LogicalType type = UnifyTypes(both, "NULLIF", span);
    std::vector<CaseExpr::When> whens;
    whens.push_back({std::make_unique<ComparisonExpr>(CompareOp::kEq, args[0]->Clone(), std::move(args[1])),
                     std::make_unique<ConstantExpr>(Value::Null(type))});
    return std::make_unique<CaseExpr>(type, std::move(whens), std::move(args[0]));
  }
  if (name == "greatest" || name == "least") {
    if (args.empty()) throw Error(sqlstate::kSyntaxError, name + " requires at least one argument", span);
    std::vector<ExprPtr*> all;
    for (auto& arg : args) all.push_back(&arg);
    const LogicalType type = UnifyTypes(all, name == "greatest" ? "GREATEST" : "LEAST", span);
    // NULLs are ignored: fold pairwise with CASE.
    ExprPtr result = std::move(args[0]);
    const CompareOp better = name == "greatest" ? CompareOp::kGt : CompareOp::kLt;
    for (size_t i = 1; i < args.size(); ++i) {
      std::vector<CaseExpr::When> whens;
      whens.push_back({std::make_unique<IsNullExpr>(result->Clone(), false), args[i]->Clone()});
      std::vector<ExprPtr> both;
      both.push_back(std::make_unique<IsNullExpr>(args[i]->Clone(), true));
      both.push_back(std::make_unique<ComparisonExpr>(better, args[i]->Clone(), result->Clone()));
      whens.push_back({std::make_unique<ConjunctionExpr>(true, std::move(both)), std::move(args[i])});
      result = std::make_unique<CaseExpr>(type, std::move(whens), std::move(result));
    }
    return result;
  }
  if (args.empty() && (name == "now" || name == "current_timestamp" || name == "transaction_timestamp" ||
                       name == "statement_timestamp")) {
    return std::make_unique<ConstantExpr>(Value::TimestampTz(context_.statement_timestamp));
  }
  if (args.empty() && (name == "localtimestamp")) {
    return std::make_unique<ConstantExpr>(Value::Timestamp(context_.statement_timestamp));
  }
  if (args.empty() && name == "current_date") {
    constexpr int64_t kMicrosPerDay = 86'400'000'000;
    int64_t days = context_.statement_timestamp / kMicrosPerDay;
    if (context_.statement_timestamp < 0 && context_.statement_timestamp % kMicrosPerDay != 0) --days;
    return std::make_unique<ConstantExpr>(Value::Date(static_cast<int32_t>(days)));
  }
  *handled = false;
  return nullptr;
}

ExprPtr Binder::BindFunctionCall(const ast::FunctionCall& call, ExprContext& context) {
  const std::string& name = call.name.back();
  if (call.over) return BindWindowCall(call, context);
  if (IsWindowOnlyFunction(name)) {
    throw Error(sqlstate::kWrongObjectType, "window function " + name + " requires an OVER clause", call.span);
  }
  if (name == "grouping" && call.name.size() == 1) return BindGroupingCall(call, context);
  if (FunctionRegistry::BuiltIn().FindAggregate(name) != nullptr) return BindAggregateCall(call, context);
  if (call.within_group) {
    throw Error(sqlstate::kWrongObjectType, name + " is not an ordered-set aggregate, so it cannot have WITHIN GROUP",
                call.span);
  }
  if (call.distinct || call.star || call.filter || !call.order_by.empty()) {
    throw Error(sqlstate::kWrongObjectType,
                "DISTINCT, *, FILTER or ORDER BY specified, but " + name + " is not an aggregate function", call.span);
  }
  for (const auto& arg_name : call.arg_names) {
    if (!arg_name.empty()) {
      throw Error(sqlstate::kUndefinedFunction, "function " + name + " does not take named arguments", call.span);
    }
  }
  std::vector<ExprPtr> args;
  for (const auto& arg : call.args) args.push_back(BindExpression(*arg, context));
  if (name == "unnest" && call.name.size() == 1 && context.unnests != nullptr) {
    return BindSelectListUnnest(std::move(args), *context.unnests, call.span);
  }
  if (name == "generate_series" && call.name.size() == 1 && context.unnests != nullptr) {
    // PostgreSQL's set-returning generate_series in a select list.
    std::vector<ExprPtr> list;
    list.push_back(BindScalarFunction("generate_series_list", std::move(args), call.span));
    ExprPtr series = BindSelectListUnnest(std::move(list), *context.unnests, call.span);
    series->As<ColumnRefExpr>().name = "generate_series";
    return series;
  }
  return BindScalarFunction(name, std::move(args), call.span);
}

ExprPtr Binder::BindSelectListUnnest(std::vector<ExprPtr> args, UnnestCollector& unnests, SourceSpan span) {
  if (args.size() != 1) {
    throw Error(sqlstate::kFeatureNotSupported, "unnest() with several arguments is only allowed in FROM", span);
  }
  ExprPtr list = std::move(args[0]);
  if (IsUntypedLiteral(*list)) list = CastTo(std::move(list), LogicalType::List(TypeId::kVarchar), *context_.time_zone);
  if (list->type.id() != TypeId::kList) {
    throw Error(sqlstate::kUndefinedFunction, "function unnest(" + list->type.ToString() + ") does not exist", span);
  }
  VisitExpressionsReadOnly(*list, [&](const Expression& node) {
    if (node.kind == ExprKind::kColumnRef && node.As<ColumnRefExpr>().binding.table_index == unnests.unnest_index) {
      throw Error(sqlstate::kFeatureNotSupported, "unnest() calls cannot be nested", span);
    }
  });
  const LogicalType element = list->type.ChildType();
  const uint32_t column = static_cast<uint32_t>(unnests.lists.size());
  unnests.lists.push_back(std::move(list));
  return std::make_unique<ColumnRefExpr>(element, ColumnBinding{unnests.unnest_index, column}, "unnest");
}

BoundAggregate Binder::ResolveAggregate(const std::string& name, std::vector<ExprPtr> args, SourceSpan span) {
  const auto& candidates = *FunctionRegistry::BuiltIn().FindAggregate(name);
  const int chosen = ResolveOverload<AggregateFunction>(candidates, args, NoVarargs);
  if (chosen < 0) throw Error(sqlstate::kUndefinedFunction, Signature(name, args), span);
  const auto& function = candidates[chosen];
  std::vector<LogicalType> types;
  for (size_t i = 0; i < args.size(); ++i) {
    LogicalType target = TargetType(function->arguments[i], args[i]->type);
    if (IsUntypedLiteral(*args[i]) && function->arguments[i].id() == TypeId::kNull) target = TypeId::kVarchar;
    args[i] = CastTo(std::move(args[i]), target, *context_.time_zone);
    types.push_back(args[i]->type);
  }
  BoundAggregate aggregate;
  aggregate.function = function;
  aggregate.type = function->return_type;
  if (function->bind) {
    try {
      aggregate.data = function->bind(types, aggregate.type);
    } catch (const Error& error) {
      throw Error(error.state(), error.message(), error.where() ? error.where() : std::optional<SourceSpan>(span));
    }
    CastToBoundTypes(args, types, *context_.time_zone, span);
  }
  aggregate.args = std::move(args);
  return aggregate;
}

std::string Binder::FunctionSignatureError(const std::string& name, const std::vector<ExprPtr>& args) {
  return Signature(name, args);
}

ExprPtr Binder::BindAggregateCall(const ast::FunctionCall& call, ExprContext& context) {
  const std::string& name = call.name.back();
  if (context.aggregates == nullptr) {
    throw Error(sqlstate::kGroupingError, std::string("aggregate functions are not allowed in ") + context.clause,
                call.span);
  }
  const bool ordered_set = IsOrderedSetAggregate(name);
  if (ordered_set && !call.within_group) {
    // PostgreSQL finds no such function without WITHIN GROUP.
    throw Error(sqlstate::kUndefinedFunction, "WITHIN GROUP is required for ordered-set aggregate " + name, call.span);
  }
  if (!ordered_set && call.within_group) {
    throw Error(sqlstate::kUndefinedFunction, name + " is not an ordered-set aggregate, so it cannot have WITHIN GROUP",
                call.span);
  }
  // Arguments see the same columns but may not hold aggregates themselves.
  ExprContext inner = context;
  inner.aggregates = nullptr;
  inner.clause = "aggregate function calls";
  inner.windows = nullptr;
  std::vector<ExprPtr> args;
  for (const auto& arg : call.args) args.push_back(BindExpression(*arg, inner));
  if (call.star && name != "count") {
    throw Error(sqlstate::kSyntaxError, name + "(*) is not a valid aggregate call", call.span);
  }
  std::vector<BoundOrder> orders;
  for (const auto& item : call.order_by) {
    BoundOrder order;
    order.expr = BindExpression(*item.expr, inner);
    order.descending = item.direction == ast::SortDirection::kDescending;
    order.nulls_first = item.nulls == ast::NullsOrder::kDefault ? order.descending : item.nulls == ast::NullsOrder::kFirst;
    orders.push_back(std::move(order));
  }
  if (ordered_set) {
    // The WITHIN GROUP value is the last argument of the function (cast to its
    // type) and also the sort key.
    if (orders.size() != 1) {
      throw Error(sqlstate::kUndefinedFunction, "function " + name + " takes exactly one WITHIN GROUP ORDER BY item",
                  call.span);
    }
    args.push_back(std::move(orders[0].expr));
  }

  BoundAggregate aggregate = ResolveAggregate(name, std::move(args), call.span);
  if (ordered_set) orders[0].expr = aggregate.args.back()->Clone();
  aggregate.orders = std::move(orders);
  aggregate.distinct = call.distinct;
  if (call.filter) {
    ExprPtr filter = BindExpression(*call.filter, inner);
    if (filter->type.id() != TypeId::kBoolean) {
      throw Error(sqlstate::kDatatypeMismatch, "argument of FILTER must be type boolean", call.filter->span);
    }
    aggregate.filter = std::move(filter);
  }
  if (aggregate.distinct && !aggregate.orders.empty()) {
    for (const auto& order : aggregate.orders) {
      bool in_arguments = false;
      for (const auto& arg : aggregate.args) in_arguments = in_arguments || ExpressionsEqual(*order.expr, *arg);
      if (!in_arguments) {
        throw Error(sqlstate::kInvalidColumnReference,
                    "in an aggregate with DISTINCT, ORDER BY expressions must appear in argument list", call.span);
      }
    }
  } else if (aggregate.distinct && !(name == "count" || name == "sum" || name == "avg" || name == "min" || name == "max")) {
    // Order-sensitive aggregates see their distinct values sorted, as PostgreSQL
    // (which implements DISTINCT by sorting) feeds them.
    for (const auto& arg : aggregate.args) aggregate.orders.push_back(BoundOrder{arg->Clone(), false, false});
  }

  // The same aggregate twice is computed once.
  auto& collected = context.aggregates->aggregates;
  size_t index = collected.size();
  for (size_t i = 0; i < collected.size(); ++i) {
    const BoundAggregate& other = collected[i];
    bool same = other.function == aggregate.function && other.distinct == aggregate.distinct &&
                other.args.size() == aggregate.args.size() && (other.filter == nullptr) == (aggregate.filter == nullptr);
    for (size_t a = 0; same && a < other.args.size(); ++a) same = ExpressionsEqual(*other.args[a], *aggregate.args[a]);
    if (same && other.filter) same = ExpressionsEqual(*other.filter, *aggregate.filter);
    same = same && other.orders.empty() && aggregate.orders.empty() && !other.is_grouping;
    if (same) {
      index = i;
      break;
    }
  }
  const LogicalType type = aggregate.type;
  if (index == collected.size()) collected.push_back(std::move(aggregate));
  auto ref = std::make_unique<ColumnRefExpr>(type, ColumnBinding{context.aggregates->aggregate_index,
                                                                 static_cast<uint32_t>(index)},
                                             name);
  ref->alias = name;
  return ref;
}

ExprPtr Binder::BindGroupingCall(const ast::FunctionCall& call, ExprContext& context) {
  if (context.aggregates == nullptr) {
    throw Error(sqlstate::kGroupingError, std::string("grouping operations are not allowed in ") + context.clause,
                call.span);
  }
  if (call.args.empty() || call.distinct || call.star || call.filter || !call.order_by.empty()) {
    throw Error(sqlstate::kSyntaxError, "syntax error at or near \"grouping\"", call.span);
  }
  if (call.args.size() > 31) {
    throw Error(sqlstate::kSyntaxError, "GROUPING must have fewer than 32 arguments", call.span);
  }
  static const auto function = [] {
    auto grouping = std::make_shared<AggregateFunction>();
    grouping->name = "grouping";
    grouping->return_type = TypeId::kInteger;
    return grouping;
  }();
  ExprContext inner = context;
  inner.aggregates = nullptr;
  inner.clause = "aggregate function calls";
  inner.windows = nullptr;
  BoundAggregate aggregate;
  aggregate.function = function;
  aggregate.is_grouping = true;
  aggregate.type = TypeId::kInteger;
  // Matched to the GROUP BY expressions once those are bound (BindSelect).
  for (const auto& arg : call.args) aggregate.args.push_back(BindExpression(*arg, inner));
  auto& collected = context.aggregates->aggregates;
  const uint32_t index = static_cast<uint32_t>(collected.size());
  collected.push_back(std::move(aggregate));
  auto ref = std::make_unique<ColumnRefExpr>(LogicalType(TypeId::kInteger),
                                             ColumnBinding{context.aggregates->aggregate_index, index}, "grouping");
  ref->alias = "grouping";
  return ref;
}

}  // namespace basin
