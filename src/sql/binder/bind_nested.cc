// Binding of the expressions over nested values: ARRAY[...], ROW(...), subscripts
// and slices, field access, and `x op ANY|ALL (array)`.
#include "common/error.h"
#include "function/function_registry.h"
#include "function/scalar/nested_functions.h"
#include "sql/binder/binder.h"
#include "sql/binder/type_resolution.h"

namespace basin {

namespace {

std::shared_ptr<const ScalarFunction> BuiltInScalar(const char* name) {
  return FunctionRegistry::BuiltIn().FindScalar(name)->front();
}

CompareOp ParseCompareOp(const std::string& op, SourceSpan span) {
  if (auto compare = ComparisonOperator(op)) return *compare;
  throw Error(sqlstate::kFeatureNotSupported, "operator " + op + " is not supported with ANY/ALL", span);
}

}  // namespace

ExprPtr Binder::BindArray(const ast::ArrayExpr& array, ExprContext& context) {
  std::vector<ExprPtr> elements;
  for (const auto& element : array.elements) elements.push_back(BindExpression(*element, context));
  if (elements.empty()) {
    // PostgreSQL's hint: cast it, as in ARRAY[]::integer[] (BindCast handles that form).
    throw Error(sqlstate::kIndeterminateDatatype, "cannot determine type of empty array", array.span);
  }
  std::vector<ExprPtr*> sides;
  for (auto& element : elements) sides.push_back(&element);
  UnifyTypes(sides, "ARRAY", array.span);
  return BindScalarFunction("list_value", std::move(elements), array.span);
}

ExprPtr Binder::BindRow(const ast::RowExpr& row, ExprContext& context) {
  std::vector<ExprPtr> fields;
  for (const auto& field : row.fields) {
    fields.push_back(BindExpression(*field, context));
    if (IsUntypedLiteral(*fields.back())) fields.back() = CastTo(std::move(fields.back()), TypeId::kVarchar, *context_.time_zone);
  }
  return BindScalarFunction("struct_pack", std::move(fields), row.span);
}

ExprPtr Binder::BindSubscript(const ast::SubscriptExpr& subscript, ExprContext& context) {
  ExprPtr base = BindExpression(*subscript.base, context);
  if (base->type.id() == TypeId::kMap) {
    if (subscript.slice) throw Error(sqlstate::kDatatypeMismatch, "cannot slice a map", subscript.span);
    std::vector<ExprPtr> args;
    args.push_back(std::move(base));
    args.push_back(BindExpression(*subscript.index, context));
    return BindScalarFunction("map_extract", std::move(args), subscript.span);
  }
  if (base->type.id() == TypeId::kStruct && !subscript.slice && subscript.index &&
      subscript.index->kind == ast::ExprKind::kConstant) {
    // DuckDB's s['field'].
    ExprPtr name = BindExpression(*subscript.index, context);
    if (name->type.id() == TypeId::kVarchar || IsUntypedLiteral(*name)) {
      return FieldAccess(std::move(base), name->As<ConstantExpr>().value.GetString(), subscript.span);
    }
  }
  if (base->type.id() != TypeId::kList && base->type.id() != TypeId::kNull) {
    throw Error(sqlstate::kDatatypeMismatch,
                "cannot subscript type " + base->type.ToString() + " because it does not support subscripting",
                subscript.span);
  }
  auto bind_bound = [&](const ast::ExprPtr& bound, int64_t missing) {
    if (!bound) return ExprPtr(std::make_unique<ConstantExpr>(Value::BigInt(missing)));
    ExprPtr index = BindExpression(*bound, context);
    if (!index->type.IsInteger() && !IsUntypedLiteral(*index) && index->type.id() != TypeId::kNull) {
      throw Error(sqlstate::kDatatypeMismatch, "array subscript must have type integer", subscript.span);
    }
    return CastTo(std::move(index), TypeId::kBigInt, *context_.time_zone);
  };
  std::vector<ExprPtr> args;
  args.push_back(std::move(base));
  if (!subscript.slice) {
    args.push_back(bind_bound(subscript.index, 0));
    return BindScalarFunction("list_extract", std::move(args), subscript.span);
  }
  args.push_back(bind_bound(subscript.index, 1));
  args.push_back(bind_bound(subscript.upper, INT64_MAX));
  return BindScalarFunction("list_slice", std::move(args), subscript.span);
}

ExprPtr Binder::FieldAccess(ExprPtr base, const std::string& field, SourceSpan span) {
  if (base->type.id() != TypeId::kStruct) {
    throw Error(sqlstate::kWrongObjectType, "column notation ." + field + " applied to type " + base->type.ToString() +
                                                ", which is not a composite type",
                span);
  }
  const int index = base->type.FindField(field);
  if (index < 0) {
    throw Error(sqlstate::kUndefinedColumn, "could not identify column \"" + field + "\" in record data type", span);
  }
  LogicalType type = base->type.FieldType(static_cast<size_t>(index));
  std::vector<ExprPtr> args;
  args.push_back(std::move(base));
  auto expr = std::make_unique<FunctionExpr>(BuiltInScalar("struct_extract"), std::move(args), std::move(type),
                                             std::make_shared<FieldIndexData>(static_cast<size_t>(index)));
  expr->alias = field;
  return expr;
}

ExprPtr Binder::BindFieldAccess(const ast::FieldAccessExpr& access, ExprContext& context) {
  return FieldAccess(BindExpression(*access.base, context), access.field, access.span);
}

ExprPtr Binder::BindAnyAll(const ast::AnyAllExpr& any_all, ExprContext& context) {
  const CompareOp op = ParseCompareOp(any_all.op, any_all.span);
  ExprPtr left = BindExpression(*any_all.left, context);
  ExprPtr array = BindExpression(*any_all.array, context);
  if (IsUntypedLiteral(*array)) {
    // x = ANY('{1,2}'): the literal is an array of x's type.
    const LogicalType element = IsUntypedLiteral(*left) ? LogicalType(TypeId::kVarchar) : left->type;
    array = CastTo(std::move(array), LogicalType::List(element), *context_.time_zone);
  }
  if (array->type.id() != TypeId::kList) {
    throw Error(sqlstate::kWrongObjectType, "op ANY/ALL (array) requires array on right side", any_all.span);
  }
  // Compare in the type both sides convert to.
  LogicalType element = array->type.ChildType();
  if (!IsUntypedLiteral(*left) && left->type.id() != TypeId::kNull) {
    auto common = CommonSuperType(left->type, element);
    if (!common) {
      throw Error(sqlstate::kUndefinedFunction,
                  "operator does not exist: " + left->type.ToString() + " " + any_all.op + " " + element.ToString(),
                  any_all.span);
    }
    element = *common;
  }
  std::vector<ExprPtr> args;
  args.push_back(CastTo(std::move(left), element, *context_.time_zone));
  args.push_back(CastTo(std::move(array), LogicalType::List(element), *context_.time_zone));
  return std::make_unique<FunctionExpr>(BuiltInScalar("list_any_compare"), std::move(args), TypeId::kBoolean,
                                        std::make_shared<ListCompareData>(op, any_all.all));
}

}  // namespace basin
