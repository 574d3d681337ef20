// Binding of window function calls: f(args) OVER (PARTITION BY ... ORDER BY ...
// frame), named windows (WINDOW w AS (...), OVER w, OVER (w ORDER BY ...)) with
// PostgreSQL's inheritance rules, and frame checks. Window calls are collected like
// aggregates; the expression that held one gets a reference to its result column.
#include "common/error.h"
#include "function/function_registry.h"
#include "function/window/window_functions.h"
#include "sql/binder/binder.h"
#include "sql/binder/type_resolution.h"

namespace basin {

namespace {

// The window a call is evaluated over, after following references to named windows.
struct EffectiveWindow {
  const ast::ExprList* partition_by = nullptr;
  const std::vector<ast::OrderByItem>* order_by = nullptr;
  const ast::WindowFrame* frame = nullptr;
};

const ast::NamedWindow* FindNamed(const std::vector<ast::NamedWindow>* named, const std::string& name, size_t limit) {
  if (named == nullptr) return nullptr;
  for (size_t i = 0; i < named->size() && i < limit; ++i) {
    if ((*named)[i].name == name) return &(*named)[i];
  }
  return nullptr;
}

// Applies PostgreSQL's rules for a window that names another one: the partitioning
// comes from the base only, ORDER BY from one of them, and a base with a frame can
// only be used as a whole (OVER w without parentheses).
EffectiveWindow Resolve(const ast::WindowSpec& spec, const std::vector<ast::NamedWindow>* named, size_t visible,
                        bool bare_reference) {
  EffectiveWindow window{&spec.partition_by, &spec.order_by, &spec.frame};
  if (spec.existing_name.empty()) return window;
  const ast::NamedWindow* base_def = FindNamed(named, spec.existing_name, visible);
  if (base_def == nullptr) {
    throw Error(sqlstate::kUndefinedObject, "window \"" + spec.existing_name + "\" does not exist", spec.span);
  }
  const size_t base_position = static_cast<size_t>(base_def - named->data());
  const EffectiveWindow base = Resolve(base_def->spec, named, base_position, false);
  if (bare_reference) return base;
  if (!spec.partition_by.empty()) {
    throw Error(sqlstate::kWindowingError, "cannot override PARTITION BY clause of window \"" + spec.existing_name + "\"",
                spec.span);
  }
  window.partition_by = base.partition_by;
  if (!base.order_by->empty()) {
    if (!spec.order_by.empty()) {
      throw Error(sqlstate::kWindowingError, "cannot override ORDER BY clause of window \"" + spec.existing_name + "\"",
                  spec.span);
    }
    window.order_by = base.order_by;
  }
  if (base.frame->mode != ast::FrameMode::kNone) {
    throw Error(sqlstate::kWindowingError,
                "cannot copy window \"" + spec.existing_name + "\" because it has a frame clause", spec.span);
  }
  return window;
}

bool IsBareReference(const ast::WindowSpec& spec) {
  // OVER w (no parentheses): only a name, and the span covers just the name
  // (OVER (w) is at least two characters longer).
  return !spec.existing_name.empty() && spec.partition_by.empty() && spec.order_by.empty() &&
         spec.frame.mode == ast::FrameMode::kNone && spec.span.length < spec.existing_name.size() + 2;
}

WindowBoundKind ConvertBound(ast::FrameBoundKind kind) {
  switch (kind) {
    case ast::FrameBoundKind::kUnboundedPreceding:
      return WindowBoundKind::kUnboundedPreceding;
    case ast::FrameBoundKind::kPreceding:
      return WindowBoundKind::kPreceding;
    case ast::FrameBoundKind::kCurrentRow:
      return WindowBoundKind::kCurrentRow;
    case ast::FrameBoundKind::kFollowing:
      return WindowBoundKind::kFollowing;
    case ast::FrameBoundKind::kUnboundedFollowing:
      return WindowBoundKind::kUnboundedFollowing;
  }
  return WindowBoundKind::kCurrentRow;
}

bool CanCastImplicitly(const Expression& expr, const LogicalType& type) {
  if (expr.type.id() == TypeId::kNull) return true;
  return ImplicitCastCost(expr.type, type, IsUntypedLiteral(expr)).has_value();
}

bool HasWindowReference(const Expression& expr, uint32_t window_index) {
  bool found = false;
  VisitExpressionsReadOnly(expr, [&](const Expression& node) {
    if (node.kind == ExprKind::kColumnRef && node.As<ColumnRefExpr>().binding.table_index == window_index) found = true;
  });
  return found;
}

}  // namespace

void Binder::CheckWindowClause(const std::vector<ast::NamedWindow>& windows) {
  for (size_t i = 0; i < windows.size(); ++i) {
    for (size_t j = 0; j < i; ++j) {
      if (windows[j].name == windows[i].name) {
        throw Error(sqlstate::kWindowingError, "window \"" + windows[i].name + "\" is already defined",
                    windows[i].spec.span);
      }
    }
    Resolve(windows[i].spec, &windows, i, false);
  }
}

ExprPtr Binder::BindWindowCall(const ast::FunctionCall& call, ExprContext& context) {
  const std::string& name = call.name.back();
  if (context.windows == nullptr) {
    const std::string clause = context.clause;
    if (clause == "aggregate function calls") {
      throw Error(sqlstate::kGroupingError, "aggregate function calls cannot contain window function calls", call.span);
    }
    if (clause == "window function calls") {
      throw Error(sqlstate::kWindowingError, "window function calls cannot be nested", call.span);
    }
    throw Error(sqlstate::kWindowingError, "window functions are not allowed in " + clause, call.span);
  }
  const auto kind = FindWindowFunction(name);
  const auto& registry = FunctionRegistry::BuiltIn();
  const bool is_aggregate = !kind && registry.FindAggregate(name) != nullptr;

  ExprContext inner = context;
  inner.windows = nullptr;
  inner.clause = "window function calls";
  std::vector<ExprPtr> args;
  for (const auto& arg : call.args) args.push_back(BindExpression(*arg, inner));

  if (!kind && !is_aggregate) {
    if (registry.FindScalar(name) != nullptr) {
      throw Error(sqlstate::kWrongObjectType,
                  "OVER specified, but " + name + " is not a window function nor an aggregate function", call.span);
    }
    throw Error(sqlstate::kUndefinedFunction, FunctionSignatureError(name, args), call.span);
  }
  if (call.distinct) {
    throw Error(sqlstate::kFeatureNotSupported, "DISTINCT is not implemented for window functions", call.span);
  }
  if (!call.order_by.empty() || call.within_group) {
    throw Error(sqlstate::kFeatureNotSupported, "aggregate ORDER BY is not implemented for window functions", call.span);
  }
  if (call.filter && !is_aggregate) {
    throw Error(sqlstate::kFeatureNotSupported, "FILTER is not implemented for non-aggregate window functions",
                call.span);
  }
  if (call.star && !(is_aggregate && name == "count")) {
    throw Error(sqlstate::kSyntaxError, name + "(*) is not a valid window function call", call.span);
  }

  BoundWindowFunction function;
  function.name = name;
  if (is_aggregate) {
    BoundAggregate aggregate = ResolveAggregate(name, std::move(args), call.span);
    function.kind = WindowFunctionKind::kAggregate;
    function.aggregate = aggregate.function;
    function.data = aggregate.data;
    function.args = std::move(aggregate.args);
    function.type = aggregate.type;
    if (call.filter) {
      ExprPtr filter = BindExpression(*call.filter, inner);
      if (filter->type.id() != TypeId::kBoolean) {
        throw Error(sqlstate::kDatatypeMismatch, "argument of FILTER must be type boolean", call.filter->span);
      }
      function.filter = std::move(filter);
    }
  } else {
    function.kind = *kind;
    auto signature_error = [&]() { return Error(sqlstate::kUndefinedFunction, FunctionSignatureError(name, args), call.span); };
    auto cast_arg = [&](size_t i, const LogicalType& type) {
      if (!CanCastImplicitly(*args[i], type)) throw signature_error();
      args[i] = CastTo(std::move(args[i]), type, *context_.time_zone);
    };
    auto value_arg = [&]() {
      if (IsUntypedLiteral(*args[0])) args[0] = CastTo(std::move(args[0]), TypeId::kVarchar, *context_.time_zone);
      return args[0]->type;
    };
    const bool hypothetical = *kind == WindowFunctionKind::kRank || *kind == WindowFunctionKind::kDenseRank ||
                              *kind == WindowFunctionKind::kPercentRank || *kind == WindowFunctionKind::kCumeDist;
    if (hypothetical && !args.empty()) {
      // rank(x) and friends are PostgreSQL's hypothetical-set aggregates (WITHIN GROUP).
      throw Error(sqlstate::kWrongObjectType, "OVER is not supported for ordered-set aggregate " + name, call.span);
    }
    switch (*kind) {
      case WindowFunctionKind::kRowNumber:
      case WindowFunctionKind::kRank:
      case WindowFunctionKind::kDenseRank:
        if (!args.empty()) throw signature_error();
        function.type = TypeId::kBigInt;
        break;
      case WindowFunctionKind::kPercentRank:
      case WindowFunctionKind::kCumeDist:
        if (!args.empty()) throw signature_error();
        function.type = TypeId::kDouble;
        break;
      case WindowFunctionKind::kNtile:
        if (args.size() != 1) throw signature_error();
        cast_arg(0, TypeId::kInteger);
        function.type = TypeId::kInteger;
        break;
      case WindowFunctionKind::kLag:
      case WindowFunctionKind::kLead:
        if (args.empty() || args.size() > 3) throw signature_error();
        if (args.size() >= 2) cast_arg(1, TypeId::kInteger);
        if (args.size() == 3) {
          std::vector<ExprPtr*> values{&args[0], &args[2]};
          function.type = UnifyTypes(values, "lag/lead", call.span);
          if (function.type.id() == TypeId::kNull) function.type = TypeId::kVarchar;
          args[0] = CastTo(std::move(args[0]), function.type, *context_.time_zone);
          args[2] = CastTo(std::move(args[2]), function.type, *context_.time_zone);
        } else {
          function.type = value_arg();
        }
        break;
      case WindowFunctionKind::kFirstValue:
      case WindowFunctionKind::kLastValue:
        if (args.size() != 1) throw signature_error();
        function.type = value_arg();
        break;
      case WindowFunctionKind::kNthValue:
        if (args.size() != 2) throw signature_error();
        cast_arg(1, TypeId::kInteger);
        function.type = value_arg();
        break;
      case WindowFunctionKind::kAggregate:
        break;
    }
    function.args = std::move(args);
  }
  BindWindowSpec(*call.over, context.windows->named, inner, function);

  auto& collected = context.windows->functions;
  const LogicalType type = function.type;
  collected.push_back(std::move(function));
  auto ref = std::make_unique<ColumnRefExpr>(
      type, ColumnBinding{context.windows->window_index, static_cast<uint32_t>(collected.size() - 1)}, name);
  ref->alias = name;
  return ref;
}

void Binder::BindWindowSpec(const ast::WindowSpec& spec, const std::vector<ast::NamedWindow>* named,
                            ExprContext& context, BoundWindowFunction& function) {
  const EffectiveWindow window = Resolve(spec, named, SIZE_MAX, IsBareReference(spec));
  ExprContext definition = context;
  definition.windows = nullptr;
  definition.clause = "window definitions";
  for (const auto& partition : *window.partition_by) {
    ExprPtr expr = BindExpression(*partition, definition);
    if (IsUntypedLiteral(*expr)) expr = CastTo(std::move(expr), TypeId::kVarchar, *context_.time_zone);
    function.partitions.push_back(std::move(expr));
  }
  for (const auto& item : *window.order_by) {
    BoundOrder order;
    order.expr = BindExpression(*item.expr, definition);
    if (IsUntypedLiteral(*order.expr)) order.expr = CastTo(std::move(order.expr), TypeId::kVarchar, *context_.time_zone);
    order.descending = item.direction == ast::SortDirection::kDescending;
    order.nulls_first = item.nulls == ast::NullsOrder::kDefault ? order.descending : item.nulls == ast::NullsOrder::kFirst;
    function.orders.push_back(std::move(order));
  }

  const ast::WindowFrame& frame = *window.frame;
  if (frame.mode == ast::FrameMode::kNone) {
    function.frame_mode = WindowFrameMode::kRange;
    function.start.kind = WindowBoundKind::kUnboundedPreceding;
    function.end.kind = function.orders.empty() ? WindowBoundKind::kUnboundedFollowing : WindowBoundKind::kCurrentRow;
    return;
  }
  // With no ORDER BY every row is a peer of every other: RANGE and GROUPS frames
  // then cover the whole partition whatever their bounds say.
  function.frame_mode = frame.mode == ast::FrameMode::kRows    ? WindowFrameMode::kRows
                        : frame.mode == ast::FrameMode::kRange ? WindowFrameMode::kRange
                                                               : WindowFrameMode::kGroups;
  function.start.kind = ConvertBound(frame.start.kind);
  function.end.kind = ConvertBound(frame.end.kind);
  function.exclude = static_cast<WindowExclude>(frame.exclude);
  const SourceSpan span = spec.span;
  if (function.start.kind == WindowBoundKind::kUnboundedFollowing) {
    throw Error(sqlstate::kWindowingError, "frame start cannot be UNBOUNDED FOLLOWING", span);
  }
  if (function.end.kind == WindowBoundKind::kUnboundedPreceding) {
    throw Error(sqlstate::kWindowingError, "frame end cannot be UNBOUNDED PRECEDING", span);
  }
  if (function.start.kind == WindowBoundKind::kCurrentRow && function.end.kind == WindowBoundKind::kPreceding) {
    throw Error(sqlstate::kWindowingError, "frame starting from current row cannot have preceding rows", span);
  }
  if (function.start.kind == WindowBoundKind::kFollowing &&
      (function.end.kind == WindowBoundKind::kPreceding || function.end.kind == WindowBoundKind::kCurrentRow)) {
    throw Error(sqlstate::kWindowingError,
                function.end.kind == WindowBoundKind::kCurrentRow
                    ? "frame starting from following row cannot end with current row"
                    : "frame starting from following row cannot have preceding rows",
                span);
  }
  if (function.frame_mode == WindowFrameMode::kGroups && function.orders.empty()) {
    throw Error(sqlstate::kWindowingError, "GROUPS mode requires an ORDER BY clause", span);
  }
  const bool has_offset = frame.start.offset || frame.end.offset;
  if (function.frame_mode == WindowFrameMode::kRange && has_offset && function.orders.size() != 1) {
    throw Error(sqlstate::kWindowingError, "RANGE with offset PRECEDING/FOLLOWING requires exactly one ORDER BY column",
                span);
  }
  auto bind_offset = [&](const ast::FrameBound& bound, WindowFrameBound& target, bool is_start) {
    if (!bound.offset) return;
    const char* mode_name = function.frame_mode == WindowFrameMode::kRows    ? "ROWS"
                            : function.frame_mode == WindowFrameMode::kRange ? "RANGE"
                                                                             : "GROUPS";
    ExprPtr offset;
    try {
      offset = BindConstantExpression(*bound.offset, mode_name);
    } catch (const Error& error) {
      if (error.state() == sqlstate::kUndefinedColumn || error.state() == sqlstate::kInvalidColumnReference) {
        throw Error(sqlstate::kInvalidColumnReference,
                    std::string("argument of ") + mode_name + " must not contain variables", bound.offset->span);
      }
      throw;
    }
    LogicalType target_type = TypeId::kBigInt;
    if (function.frame_mode == WindowFrameMode::kRange) {
      const LogicalType& order_type = function.orders[0].expr->type;
      if (order_type.IsNumeric()) {
        target_type = order_type;
        if (IsUntypedLiteral(*offset) || offset->type.id() == TypeId::kNull) {
          target_type = order_type;
        } else if (!CanCastImplicitly(*offset, order_type)) {
          throw Error(sqlstate::kFeatureNotSupported,
                      "RANGE with offset PRECEDING/FOLLOWING is not supported for column type " + order_type.ToString() +
                          " and offset type " + offset->type.ToString(),
                      bound.offset->span);
        }
        // Decimal offsets take the column's scale, so that values and offsets subtract as integers.
        if (order_type.id() == TypeId::kDecimal) target_type = LogicalType::Decimal(kMaxDecimalPrecision, order_type.scale());
      } else if (order_type.id() == TypeId::kDate || order_type.id() == TypeId::kTimestamp ||
                 order_type.id() == TypeId::kTimestampTz) {
        target_type = TypeId::kInterval;
      } else {
        throw Error(sqlstate::kFeatureNotSupported,
                    "RANGE with offset PRECEDING/FOLLOWING is not supported for column type " + order_type.ToString(),
                    bound.offset->span);
      }
    }
    Value value;
    try {
      value = EvaluateConstant(*CastTo(std::move(offset), target_type, *context_.time_zone));
    } catch (const Error& error) {
      throw Error(error.state(), error.message(), bound.offset->span);
    }
    const char* which = is_start ? "starting" : "ending";
    if (value.is_null()) {
      throw Error(sqlstate::kNullValueNotAllowed, std::string("frame ") + which + " offset must not be null",
                  bound.offset->span);
    }
    bool negative = false;
    switch (value.type().id()) {
      case TypeId::kReal:
      case TypeId::kDouble:
        negative = value.GetDouble() < 0;
        break;
      case TypeId::kDecimal:
        negative = value.GetDecimal() < 0;
        break;
      case TypeId::kInterval: {
        const Interval interval = value.GetInterval();
        negative = interval.months < 0 || interval.days < 0 || interval.micros < 0;
        break;
      }
      default:
        negative = value.GetInt64() < 0;
        break;
    }
    if (negative) {
      throw Error(sqlstate::kInvalidPrecedingOrFollowingSize, std::string("frame ") + which + " offset must not be negative",
                  bound.offset->span);
    }
    target.offset = std::move(value);
  };
  bind_offset(frame.start, function.start, true);
  bind_offset(frame.end, function.end, false);
}

void Binder::BindToGroupsAroundWindows(ExprPtr& expr, const std::vector<ExprPtr>& groups, uint32_t group_index,
                                       uint32_t aggregate_index, uint32_t window_index, const char* clause) {
  if (!HasWindowReference(*expr, window_index) && !HasWindowReference(*expr, unnest_index_)) {
    BindToGroups(expr, groups, group_index, aggregate_index, clause);
    return;
  }
  if (expr->kind == ExprKind::kColumnRef) return;
  for (ExprPtr* child : expr->Children()) {
    BindToGroupsAroundWindows(*child, groups, group_index, aggregate_index, window_index, clause);
  }
}

}  // namespace basin
