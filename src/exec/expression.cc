#include "exec/expression.h"

#include <cctype>
#include <functional>

namespace basin {

const char* CompareOpSymbol(CompareOp op) {
  switch (op) {
    case CompareOp::kEq:
      return "=";
    case CompareOp::kNotEq:
      return "<>";
    case CompareOp::kLt:
      return "<";
    case CompareOp::kLtEq:
      return "<=";
    case CompareOp::kGt:
      return ">";
    case CompareOp::kGtEq:
      return ">=";
    case CompareOp::kDistinctFrom:
      return "IS DISTINCT FROM";
    case CompareOp::kNotDistinctFrom:
      return "IS NOT DISTINCT FROM";
  }
  return "?";
}

CompareOp FlipCompareOp(CompareOp op) {
  switch (op) {
    case CompareOp::kLt:
      return CompareOp::kGt;
    case CompareOp::kLtEq:
      return CompareOp::kGtEq;
    case CompareOp::kGt:
      return CompareOp::kLt;
    case CompareOp::kGtEq:
      return CompareOp::kLtEq;
    default:
      return op;
  }
}

CompareOp NegateCompareOp(CompareOp op) {
  switch (op) {
    case CompareOp::kEq:
      return CompareOp::kNotEq;
    case CompareOp::kNotEq:
      return CompareOp::kEq;
    case CompareOp::kLt:
      return CompareOp::kGtEq;
    case CompareOp::kLtEq:
      return CompareOp::kGt;
    case CompareOp::kGt:
      return CompareOp::kLtEq;
    case CompareOp::kGtEq:
      return CompareOp::kLt;
    case CompareOp::kDistinctFrom:
      return CompareOp::kNotDistinctFrom;
    case CompareOp::kNotDistinctFrom:
      return CompareOp::kDistinctFrom;
  }
  return op;
}

namespace {
std::vector<ExprPtr> CloneAll(const std::vector<ExprPtr>& exprs) {
  std::vector<ExprPtr> copies;
  copies.reserve(exprs.size());
  for (const auto& expr : exprs) copies.push_back(expr->Clone());
  return copies;
}

std::vector<ExprPtr*> Pointers(std::vector<ExprPtr>& exprs) {
  std::vector<ExprPtr*> pointers;
  for (auto& expr : exprs) pointers.push_back(&expr);
  return pointers;
}

std::string JoinStrings(const std::vector<ExprPtr>& exprs, const char* separator) {
  std::string out;
  for (size_t i = 0; i < exprs.size(); ++i) {
    if (i > 0) out += separator;
    out += exprs[i]->ToString();
  }
  return out;
}

template <class T>
ExprPtr WithAlias(std::unique_ptr<T> copy, const Expression& original) {
  copy->alias = original.alias;
  return copy;
}
}  // namespace

ConstantExpr::ConstantExpr(Value value) : Expression(ExprKind::kConstant, value.type()), value(std::move(value)) {}
ExprPtr ConstantExpr::Clone() const { return WithAlias(std::make_unique<ConstantExpr>(value), *this); }
std::string ConstantExpr::ToString() const {
  if (value.is_null()) return "NULL";
  if (value.type().id() == TypeId::kVarchar) return "'" + value.ToString() + "'";
  if (value.type().IsNumeric() || value.type().id() == TypeId::kBoolean) return value.ToString();
  return "'" + value.ToString() + "'::" + value.type().ToString();
}

ColumnRefExpr::ColumnRefExpr(LogicalType type, ColumnBinding binding, std::string name, uint32_t depth)
    : Expression(ExprKind::kColumnRef, type), binding(binding), name(std::move(name)), depth(depth) {}
ExprPtr ColumnRefExpr::Clone() const {
  auto copy = std::make_unique<ColumnRefExpr>(type, binding, name, depth);
  copy->index = index;
  return WithAlias(std::move(copy), *this);
}
std::string ColumnRefExpr::ToString() const { return name.empty() ? "#" + std::to_string(index) : name; }

FunctionExpr::FunctionExpr(std::shared_ptr<const ScalarFunction> function, std::vector<ExprPtr> args,
                           LogicalType return_type, std::shared_ptr<const FunctionData> data)
    : Expression(ExprKind::kFunction, return_type),
      function(std::move(function)),
      data(std::move(data)),
      args(std::move(args)) {}
ExprPtr FunctionExpr::Clone() const {
  return WithAlias(std::make_unique<FunctionExpr>(function, CloneAll(args), type, data), *this);
}
std::string FunctionExpr::ToString() const {
  const std::string& name = function->name;
  const bool is_operator = !name.empty() && !std::isalpha(static_cast<unsigned char>(name[0]));
  if (is_operator && args.size() == 2) {
    return "(" + args[0]->ToString() + " " + name + " " + args[1]->ToString() + ")";
  }
  if (is_operator && args.size() == 1) return "(" + name + args[0]->ToString() + ")";
  return name + "(" + JoinStrings(args, ", ") + ")";
}
std::vector<ExprPtr*> FunctionExpr::Children() { return Pointers(args); }

CastExpr::CastExpr(ExprPtr child, LogicalType target, CastMode mode, const TimeZone* time_zone)
    : Expression(ExprKind::kCast, target), child(std::move(child)), mode(mode), time_zone(time_zone) {}
ExprPtr CastExpr::Clone() const {
  return WithAlias(std::make_unique<CastExpr>(child->Clone(), type, mode, time_zone), *this);
}
std::string CastExpr::ToString() const {
  return std::string(mode == CastMode::kTry ? "TRY_CAST(" : "CAST(") + child->ToString() + " AS " +
         type.ToString() + ")";
}

ComparisonExpr::ComparisonExpr(CompareOp op, ExprPtr left, ExprPtr right)
    : Expression(ExprKind::kComparison, TypeId::kBoolean), op(op), left(std::move(left)), right(std::move(right)) {}
ExprPtr ComparisonExpr::Clone() const {
  return WithAlias(std::make_unique<ComparisonExpr>(op, left->Clone(), right->Clone()), *this);
}
std::string ComparisonExpr::ToString() const {
  return "(" + left->ToString() + " " + CompareOpSymbol(op) + " " + right->ToString() + ")";
}

ConjunctionExpr::ConjunctionExpr(bool is_and, std::vector<ExprPtr> children)
    : Expression(ExprKind::kConjunction, TypeId::kBoolean), is_and(is_and), children(std::move(children)) {}
ExprPtr ConjunctionExpr::Clone() const {
  return WithAlias(std::make_unique<ConjunctionExpr>(is_and, CloneAll(children)), *this);
}
std::string ConjunctionExpr::ToString() const {
  return "(" + JoinStrings(children, is_and ? " AND " : " OR ") + ")";
}
std::vector<ExprPtr*> ConjunctionExpr::Children() { return Pointers(children); }

NotExpr::NotExpr(ExprPtr child) : Expression(ExprKind::kNot, TypeId::kBoolean), child(std::move(child)) {}
ExprPtr NotExpr::Clone() const { return WithAlias(std::make_unique<NotExpr>(child->Clone()), *this); }
std::string NotExpr::ToString() const { return "(NOT " + child->ToString() + ")"; }

IsNullExpr::IsNullExpr(ExprPtr child, bool negated)
    : Expression(ExprKind::kIsNull, TypeId::kBoolean), child(std::move(child)), negated(negated) {}
ExprPtr IsNullExpr::Clone() const {
  return WithAlias(std::make_unique<IsNullExpr>(child->Clone(), negated), *this);
}
std::string IsNullExpr::ToString() const {
  return "(" + child->ToString() + (negated ? " IS NOT NULL)" : " IS NULL)");
}

CaseExpr::CaseExpr(LogicalType type, std::vector<When> whens, ExprPtr else_result)
    : Expression(ExprKind::kCase, type), whens(std::move(whens)), else_result(std::move(else_result)) {}
ExprPtr CaseExpr::Clone() const {
  std::vector<When> copies;
  for (const auto& when : whens) copies.push_back({when.condition->Clone(), when.result->Clone()});
  return WithAlias(std::make_unique<CaseExpr>(type, std::move(copies), else_result->Clone()), *this);
}
std::string CaseExpr::ToString() const {
  std::string out = "CASE";
  for (const auto& when : whens) {
    out += " WHEN " + when.condition->ToString() + " THEN " + when.result->ToString();
  }
  return out + " ELSE " + else_result->ToString() + " END";
}
std::vector<ExprPtr*> CaseExpr::Children() {
  std::vector<ExprPtr*> pointers;
  for (auto& when : whens) {
    pointers.push_back(&when.condition);
    pointers.push_back(&when.result);
  }
  pointers.push_back(&else_result);
  return pointers;
}

InListExpr::InListExpr(ExprPtr child, std::vector<ExprPtr> items, bool negated)
    : Expression(ExprKind::kInList, TypeId::kBoolean), child(std::move(child)), items(std::move(items)), negated(negated) {}
ExprPtr InListExpr::Clone() const {
  return WithAlias(std::make_unique<InListExpr>(child->Clone(), CloneAll(items), negated), *this);
}
std::string InListExpr::ToString() const {
  return "(" + child->ToString() + (negated ? " NOT IN (" : " IN (") + JoinStrings(items, ", ") + "))";
}
std::vector<ExprPtr*> InListExpr::Children() {
  std::vector<ExprPtr*> pointers{&child};
  for (auto& item : items) pointers.push_back(&item);
  return pointers;
}

void VisitExpressions(Expression& expr, const std::function<void(Expression&)>& visit) {
  visit(expr);
  for (ExprPtr* child : expr.Children()) VisitExpressions(**child, visit);
}

void VisitExpressionsReadOnly(const Expression& expr, const std::function<void(const Expression&)>& visit) {
  visit(expr);
  for (ExprPtr* child : const_cast<Expression&>(expr).Children()) VisitExpressionsReadOnly(**child, visit);
}

void RewriteExpression(ExprPtr& expr, const std::function<ExprPtr(Expression&)>& rewrite) {
  for (ExprPtr* child : expr->Children()) RewriteExpression(*child, rewrite);
  if (ExprPtr replacement = rewrite(*expr)) expr = std::move(replacement);
}

}  // namespace basin
