// Binding of expressions: names, literals, operators, CASE, IN, BETWEEN, IS, casts.
#include <cmath>

#include "common/error.h"
#include "exec/expression_evaluator.h"
#include "sql/binder/binder.h"
#include "sql/binder/type_resolution.h"

namespace basin {

namespace {

ExprPtr BooleanConstant(bool value) { return std::make_unique<ConstantExpr>(Value::Boolean(value)); }

ExprPtr RequireBoolean(ExprPtr expr, const char* what, SourceSpan span) {
  // A cast to boolean never involves a time zone.
  if (IsUntypedLiteral(*expr) || expr->type.id() == TypeId::kNull) return CastTo(std::move(expr), TypeId::kBoolean, TimeZone::Utc());
  if (expr->type.id() != TypeId::kBoolean) {
    throw Error(sqlstate::kDatatypeMismatch,
                std::string("argument of ") + what + " must be type boolean, not type " + expr->type.ToString(), span);
  }
  return expr;
}

}  // namespace

ExprPtr Binder::BindConstant(const ast::Constant& constant) {
  switch (constant.constant_kind) {
    case ast::ConstantKind::kNull:
      return std::make_unique<ConstantExpr>(Value::Null());
    case ast::ConstantKind::kBoolean:
      return BooleanConstant(constant.boolean);
    case ast::ConstantKind::kString: {
      auto expr = std::make_unique<ConstantExpr>(Value::Varchar(constant.value));
      expr->untyped_string = true;
      return expr;
    }
    case ast::ConstantKind::kInteger: {
      // PostgreSQL: integer if it fits, else bigint, else numeric.
      const std::string& text = constant.value;
      errno = 0;
      char* end = nullptr;
      const long long number = std::strtoll(text.c_str(), &end, 10);
      if (errno == 0 && end != nullptr && *end == '\0') {
        if (number >= INT32_MIN && number <= INT32_MAX) {
          return std::make_unique<ConstantExpr>(Value::Integer(static_cast<int32_t>(number)));
        }
        return std::make_unique<ConstantExpr>(Value::BigInt(number));
      }
      const size_t digits = text.size() - (text[0] == '-' ? 1 : 0);
      if (digits > kMaxDecimalPrecision) {
        throw Error(sqlstate::kNumericOutOfRange, "value out of range: " + text, constant.span);
      }
      return std::make_unique<ConstantExpr>(
          Value::Varchar(text).CastTo(LogicalType::Decimal(static_cast<uint8_t>(digits), 0)));
    }
    case ast::ConstantKind::kNumeric: {
      // A decimal literal is numeric with exactly the digits written: 1.50 is
      // numeric(3,2). Exponent forms become numeric when they fit, else double.
      const std::string& text = constant.value;
      const bool has_exponent = text.find_first_of("eE") != std::string::npos;
      if (!has_exponent) {
        size_t integer_digits = 0;
        size_t fraction_digits = 0;
        bool after_point = false;
        bool leading = true;
        for (char c : text) {
          if (c == '.') {
            after_point = true;
          } else if (std::isdigit(static_cast<unsigned char>(c))) {
            if (after_point) {
              ++fraction_digits;
            } else if (!(leading && c == '0')) {
              leading = false;
              ++integer_digits;
            }
          }
        }
        const size_t precision = std::max<size_t>(1, integer_digits + fraction_digits);
        if (precision <= kMaxDecimalPrecision) {
          return std::make_unique<ConstantExpr>(Value::Varchar(text).CastTo(
              LogicalType::Decimal(static_cast<uint8_t>(precision), static_cast<uint8_t>(fraction_digits))));
        }
      }
      const double value = std::strtod(text.c_str(), nullptr);
      if (std::isinf(value)) throw Error(sqlstate::kNumericOutOfRange, "value out of range: " + text, constant.span);
      return std::make_unique<ConstantExpr>(Value::Double(value));
    }
  }
  throw Error(sqlstate::kInternal, "unknown constant kind");
}

ExprPtr Binder::BindColumnRef(const ast::ColumnRef& ref, ExprContext& context) {
  if (context.scope != nullptr) {
    if (auto found = context.scope->Lookup(ref.parts, ref.span)) return std::move(found->expr);
  }
  uint32_t depth = 0;
  if (auto outer = LookupOuter(ref.parts, ref.span, &depth)) {
    has_correlation_ = true;
    if (outer->expr->kind == ExprKind::kColumnRef) outer->expr->As<ColumnRefExpr>().depth = depth;
    return std::move(outer->expr);
  }
  // a.b.c may be column a (or table.column a.b) followed by fields of a STRUCT.
  for (size_t column_parts = ref.parts.size() - 1; column_parts >= 1; --column_parts) {
    const std::vector<std::string> prefix(ref.parts.begin(), ref.parts.begin() + static_cast<long>(column_parts));
    std::optional<BindScope::Resolved> found;
    if (context.scope != nullptr) found = context.scope->Lookup(prefix, ref.span);
    if (!found) {
      uint32_t outer_depth = 0;
      found = LookupOuter(prefix, ref.span, &outer_depth);
      if (found) {
        has_correlation_ = true;
        if (found->expr->kind == ExprKind::kColumnRef) found->expr->As<ColumnRefExpr>().depth = outer_depth;
      }
    }
    if (found && found->expr->type.id() == TypeId::kStruct) {
      ExprPtr expr = std::move(found->expr);
      for (size_t i = column_parts; i < ref.parts.size(); ++i) expr = FieldAccess(std::move(expr), ref.parts[i], ref.span);
      return expr;
    }
  }
  std::string name;
  for (size_t i = 0; i < ref.parts.size(); ++i) name += (i ? "." : "") + ref.parts[i];
  if (ref.parts.size() >= 2 && (context.scope == nullptr || !context.scope->HasTable(ref.parts[ref.parts.size() - 2]))) {
    throw Error(sqlstate::kUndefinedTable,
                "missing FROM-clause entry for table \"" + ref.parts[ref.parts.size() - 2] + "\"", ref.span);
  }
  throw Error(sqlstate::kUndefinedColumn, "column \"" + name + "\" does not exist", ref.span);
}

std::optional<BindScope::Resolved> Binder::LookupOuter(const std::vector<std::string>& parts, SourceSpan span,
                                                       uint32_t* depth) {
  uint32_t level = 1;
  for (Binder* outer = parent_; outer != nullptr; outer = outer->parent_, ++level) {
    if (outer->active_scope_ == nullptr) continue;
    if (auto found = outer->active_scope_->Lookup(parts, span)) {
      *depth = level;
      // Every binder between here and there is correlated.
      for (Binder* binder = parent_; binder != outer; binder = binder->parent_) binder->has_correlation_ = true;
      return found;
    }
  }
  return std::nullopt;
}

ExprPtr Binder::BindComparison(CompareOp op, ExprPtr left, ExprPtr right, SourceSpan span) {
  std::vector<ExprPtr*> sides{&left, &right};
  UnifyTypes(sides, "comparison", span);
  return std::make_unique<ComparisonExpr>(op, std::move(left), std::move(right));
}

LogicalType Binder::UnifyTypes(std::vector<ExprPtr*> exprs, const char* context, SourceSpan span) {
  // Typed expressions decide; untyped literals and NULLs follow them.
  std::optional<LogicalType> common;
  for (ExprPtr* expr : exprs) {
    if (IsUntypedLiteral(**expr) || (*expr)->type.id() == TypeId::kNull) continue;
    if (!common) {
      common = (*expr)->type;
      continue;
    }
    auto super = CommonSuperType(*common, (*expr)->type);
    if (!super) {
      throw Error(sqlstate::kDatatypeMismatch,
                  std::string(context) + " types " + common->ToString() + " and " + (*expr)->type.ToString() +
                      " cannot be matched",
                  span);
    }
    common = *super;
  }
  if (!common) {
    bool any_literal = false;
    for (ExprPtr* expr : exprs) any_literal = any_literal || IsUntypedLiteral(**expr);
    common = any_literal ? LogicalType(TypeId::kVarchar) : LogicalType(TypeId::kNull);
  }
  for (ExprPtr* expr : exprs) {
    try {
      *expr = CastTo(std::move(*expr), *common, *context_.time_zone);
    } catch (const Error& error) {
      throw Error(error.state(), error.message(), span);
    }
  }
  return *common;
}

ExprPtr Binder::BindCast(const ast::Cast& cast, ExprContext& context) {
  if (cast.operand->kind == ast::ExprKind::kArray && cast.operand->As<ast::ArrayExpr>().elements.empty()) {
    // ARRAY[]::integer[]: the cast gives the empty array its type.
    const LogicalType type = ResolveTypeName(cast.type);
    if (type.id() != TypeId::kList) {
      throw Error(sqlstate::kDatatypeMismatch, "cannot cast an empty array to " + type.ToString(), cast.span);
    }
    return std::make_unique<ConstantExpr>(Value::Nested(type, {}));
  }
  ExprPtr operand = BindExpression(*cast.operand, context);
  // INTERVAL '90' DAY: a bare number counts in the (last) field's unit.
  if (cast.type.name == "interval" && !cast.type.interval_fields.empty() && IsUntypedLiteral(*operand)) {
    auto& constant = operand->As<ConstantExpr>();
    const std::string text = constant.value.GetString();
    const bool bare_number = !text.empty() && text.find_first_not_of("+-0123456789. ") == std::string::npos;
    if (bare_number) {
      const std::string& fields = cast.type.interval_fields;
      const size_t last_space = fields.find_last_of(' ');
      const std::string unit = last_space == std::string::npos ? fields : fields.substr(last_space + 1);
      constant.value = Value::Varchar(text + " " + unit);
    }
  }
  const LogicalType target = ResolveTypeName(cast.type);
  LogicalType actual = target;
  // CAST(x AS numeric) without a scale keeps the scale of a decimal or integer.
  if (target.id() == TypeId::kDecimal && cast.type.modifiers.empty()) {
    if (operand->type.id() == TypeId::kDecimal) actual = operand->type;
    if (operand->type.IsInteger()) actual = DecimalForInteger(operand->type);
  }
  if (!CastExists(operand->type, actual) && !IsUntypedLiteral(*operand)) {
    throw Error(SqlState{{'4', '2', '8', '4', '6'}},
                "cannot cast type " + operand->type.ToString() + " to " + actual.ToString(), cast.span);
  }
  try {
    ExprPtr result = CastTo(std::move(operand), actual, *context_.time_zone, cast.try_cast ? CastMode::kTry : CastMode::kStrict);
    // '3'::varchar is typed now, no longer an unknown literal.
    if (result->kind == ExprKind::kConstant) result->As<ConstantExpr>().untyped_string = false;
    return result;
  } catch (const Error& error) {
    throw Error(error.state(), error.message(), cast.span);
  }
}

ExprPtr Binder::BindBinary(const ast::BinaryExpr& expr, ExprContext& context) {
  ExprPtr left = BindExpression(*expr.left, context);
  ExprPtr right = BindExpression(*expr.right, context);
  if (auto op = ComparisonOperator(expr.op)) return BindComparison(*op, std::move(left), std::move(right), expr.span);
  std::vector<ExprPtr> args;
  if (expr.op == "||" && (left->type.id() == TypeId::kList || right->type.id() == TypeId::kList)) {
    // Arrays: concatenation, or an element added at either end, as PostgreSQL's
    // anyarray || anyarray / anyelement operators.
    const bool left_list = left->type.id() == TypeId::kList;
    const bool right_list = right->type.id() == TypeId::kList;
    const char* function = left_list && right_list ? "array_cat" : left_list ? "array_append" : "array_prepend";
    if (left_list && IsUntypedLiteral(*right)) function = "array_cat";  // ARRAY[1] || '{2,3}'
    if (right_list && IsUntypedLiteral(*left)) function = "array_cat";
    if (std::string_view(function) == "array_cat") {
      const LogicalType& type = left_list ? left->type : right->type;
      if (!left_list) left = CastTo(std::move(left), type, *context_.time_zone);
      if (!right_list) right = CastTo(std::move(right), type, *context_.time_zone);
    }
    args.push_back(std::move(left));
    args.push_back(std::move(right));
    return BindScalarFunction(function, std::move(args), expr.span);
  }
  args.push_back(std::move(left));
  args.push_back(std::move(right));
  return BindScalarFunction(expr.op, std::move(args), expr.span);
}

ExprPtr Binder::BindCase(const ast::CaseExpr& expr, ExprContext& context) {
  ExprPtr operand = expr.operand ? BindExpression(*expr.operand, context) : nullptr;
  std::vector<CaseExpr::When> whens;
  for (const auto& when : expr.whens) {
    ExprPtr condition;
    if (operand) {
      condition = BindComparison(CompareOp::kEq, operand->Clone(), BindExpression(*when.condition, context),
                                 when.condition->span);
    } else {
      condition = RequireBoolean(BindExpression(*when.condition, context), "CASE/WHEN", when.condition->span);
    }
    whens.push_back({std::move(condition), BindExpression(*when.result, context)});
  }
  ExprPtr else_result = expr.else_result ? BindExpression(*expr.else_result, context)
                                         : std::make_unique<ConstantExpr>(Value::Null());
  std::vector<ExprPtr*> results;
  for (auto& when : whens) results.push_back(&when.result);
  results.push_back(&else_result);
  const LogicalType type = UnifyTypes(results, "CASE", expr.span);
  return std::make_unique<CaseExpr>(type, std::move(whens), std::move(else_result));
}

ExprPtr Binder::BindExpression(const ast::Expr& expr, ExprContext& context) {
  const BindScope* previous_scope = active_scope_;
  active_scope_ = context.scope;
  struct RestoreScope {
    Binder* binder;
    const BindScope* scope;
    ~RestoreScope() { binder->active_scope_ = scope; }
  } restore{this, previous_scope};

  switch (expr.kind) {
    case ast::ExprKind::kColumnRef:
      return BindColumnRef(expr.As<ast::ColumnRef>(), context);
    case ast::ExprKind::kConstant:
      return BindConstant(expr.As<ast::Constant>());
    case ast::ExprKind::kFunctionCall:
      return BindFunctionCall(expr.As<ast::FunctionCall>(), context);
    case ast::ExprKind::kCast:
      return BindCast(expr.As<ast::Cast>(), context);
    case ast::ExprKind::kBinary:
      return BindBinary(expr.As<ast::BinaryExpr>(), context);
    case ast::ExprKind::kUnary: {
      const auto& unary = expr.As<ast::UnaryExpr>();
      ExprPtr operand = BindExpression(*unary.operand, context);
      if (unary.op == "+") return operand;
      std::vector<ExprPtr> args;
      args.push_back(std::move(operand));
      return BindScalarFunction(unary.op, std::move(args), unary.span);
    }
    case ast::ExprKind::kBool: {
      const auto& boolean = expr.As<ast::BoolExpr>();
      if (boolean.op == ast::BoolOp::kNot) {
        return std::make_unique<NotExpr>(
            RequireBoolean(BindExpression(*boolean.args[0], context), "NOT", boolean.args[0]->span));
      }
      const char* name = boolean.op == ast::BoolOp::kAnd ? "AND" : "OR";
      std::vector<ExprPtr> children;
      for (const auto& arg : boolean.args) {
        children.push_back(RequireBoolean(BindExpression(*arg, context), name, arg->span));
      }
      return std::make_unique<ConjunctionExpr>(boolean.op == ast::BoolOp::kAnd, std::move(children));
    }
    case ast::ExprKind::kCase:
      return BindCase(expr.As<ast::CaseExpr>(), context);
    case ast::ExprKind::kSubquery:
      return BindSubquery(expr.As<ast::SubqueryExpr>(), context);
    case ast::ExprKind::kInList: {
      const auto& in = expr.As<ast::InListExpr>();
      ExprPtr operand = BindExpression(*in.operand, context);
      std::vector<ExprPtr> items;
      for (const auto& item : in.list) items.push_back(BindExpression(*item, context));
      std::vector<ExprPtr*> all{&operand};
      for (auto& item : items) all.push_back(&item);
      UnifyTypes(all, "IN", in.span);
      return std::make_unique<InListExpr>(std::move(operand), std::move(items), in.negated);
    }
    case ast::ExprKind::kBetween: {
      const auto& between = expr.As<ast::BetweenExpr>();
      ExprPtr operand = BindExpression(*between.operand, context);
      ExprPtr low = BindExpression(*between.low, context);
      ExprPtr high = BindExpression(*between.high, context);
      std::vector<ExprPtr*> all{&operand, &low, &high};
      UnifyTypes(all, "BETWEEN", between.span);
      auto range = [&](ExprPtr from, ExprPtr to) {
        std::vector<ExprPtr> both;
        both.push_back(std::make_unique<ComparisonExpr>(CompareOp::kGtEq, operand->Clone(), std::move(from)));
        both.push_back(std::make_unique<ComparisonExpr>(CompareOp::kLtEq, operand->Clone(), std::move(to)));
        return std::make_unique<ConjunctionExpr>(true, std::move(both));
      };
      ExprPtr result;
      if (between.symmetric) {
        std::vector<ExprPtr> either;
        either.push_back(range(low->Clone(), high->Clone()));
        either.push_back(range(std::move(high), std::move(low)));
        result = std::make_unique<ConjunctionExpr>(false, std::move(either));
      } else {
        result = range(std::move(low), std::move(high));
      }
      if (between.negated) result = std::make_unique<NotExpr>(std::move(result));
      return result;
    }
    case ast::ExprKind::kLike: {
      const auto& like = expr.As<ast::LikeExpr>();
      std::vector<ExprPtr> args;
      args.push_back(BindExpression(*like.operand, context));
      args.push_back(BindExpression(*like.pattern, context));
      if (like.escape) args.push_back(BindExpression(*like.escape, context));
      std::string name;
      switch (like.like_kind) {
        case ast::LikeKind::kLike:
          name = "like";
          break;
        case ast::LikeKind::kILike:
          name = "ilike";
          break;
        case ast::LikeKind::kSimilarTo:
          name = "similar_to";
          break;
      }
      ExprPtr result = BindScalarFunction(name, std::move(args), like.span);
      if (like.negated) result = std::make_unique<NotExpr>(std::move(result));
      return result;
    }
    case ast::ExprKind::kIs: {
      const auto& is = expr.As<ast::IsExpr>();
      ExprPtr operand = BindExpression(*is.operand, context);
      switch (is.is_kind) {
        case ast::IsKind::kNull:
          return std::make_unique<IsNullExpr>(std::move(operand), is.negated);
        case ast::IsKind::kUnknown:
          return std::make_unique<IsNullExpr>(RequireBoolean(std::move(operand), "IS UNKNOWN", is.span), is.negated);
        case ast::IsKind::kTrue:
        case ast::IsKind::kFalse: {
          operand = RequireBoolean(std::move(operand), "IS TRUE", is.span);
          // x IS TRUE is x IS NOT DISTINCT FROM TRUE: never NULL.
          return std::make_unique<ComparisonExpr>(is.negated ? CompareOp::kDistinctFrom : CompareOp::kNotDistinctFrom,
                                                  std::move(operand), BooleanConstant(is.is_kind == ast::IsKind::kTrue));
        }
        case ast::IsKind::kDistinctFrom:
          return BindComparison(is.negated ? CompareOp::kNotDistinctFrom : CompareOp::kDistinctFrom,
                                std::move(operand), BindExpression(*is.right, context), is.span);
      }
      break;
    }
    case ast::ExprKind::kCollate: {
      const auto& collate = expr.As<ast::CollateExpr>();
      const std::string name = collate.collation.empty() ? "" : collate.collation.back();
      if (name != "C" && name != "c" && name != "POSIX" && name != "posix" && name != "default") {
        throw Error(sqlstate::kFeatureNotSupported,
                    "collation \"" + name + "\" is not supported (Basin compares strings byte-wise, as \"C\")",
                    collate.span);
      }
      return BindExpression(*collate.operand, context);
    }
    case ast::ExprKind::kStar:
      throw Error(sqlstate::kSyntaxError, "\"*\" is not allowed here", expr.span);
    case ast::ExprKind::kParameter:
      throw Error(sqlstate::kFeatureNotSupported, "parameters ($n) are not supported here yet", expr.span);
    case ast::ExprKind::kDefault:
      throw Error(sqlstate::kSyntaxError, "DEFAULT is not allowed in this context", expr.span);
    case ast::ExprKind::kGroupingSet:
      throw Error(sqlstate::kSyntaxError, "grouping sets are only allowed in GROUP BY", expr.span);
    case ast::ExprKind::kAnyAll:
      return BindAnyAll(expr.As<ast::AnyAllExpr>(), context);
    case ast::ExprKind::kArray:
      return BindArray(expr.As<ast::ArrayExpr>(), context);
    case ast::ExprKind::kRow:
      return BindRow(expr.As<ast::RowExpr>(), context);
    case ast::ExprKind::kSubscript:
      return BindSubscript(expr.As<ast::SubscriptExpr>(), context);
    case ast::ExprKind::kFieldAccess:
      return BindFieldAccess(expr.As<ast::FieldAccessExpr>(), context);
  }
  throw Error(sqlstate::kFeatureNotSupported, "this kind of expression is not supported yet", expr.span);
}

ExprPtr Binder::BindConstantExpression(const ast::Expr& expr, const char* clause) {
  ExprContext context;
  context.clause = clause;
  return BindExpression(expr, context);
}

Value Binder::EvaluateConstant(const Expression& expr) {
  Batch empty;
  empty.size = 1;
  ExpressionEvaluator evaluator;
  Vector result;
  evaluator.Evaluate(expr, empty, result);
  return result.GetValue(0);
}

}  // namespace basin
