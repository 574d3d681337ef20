#include "exec/expression.h"

namespace basin {

namespace {
bool AllEqual(const std::vector<ExprPtr>& a, const std::vector<ExprPtr>& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (!ExpressionsEqual(*a[i], *b[i])) return false;
  }
  return true;
}
}  // namespace

bool ExpressionsEqual(const Expression& a, const Expression& b) {
  if (a.kind != b.kind || a.type != b.type) return false;
  switch (a.kind) {
    case ExprKind::kConstant:
      return a.As<ConstantExpr>().value == b.As<ConstantExpr>().value;
    case ExprKind::kColumnRef: {
      const auto& x = a.As<ColumnRefExpr>();
      const auto& y = b.As<ColumnRefExpr>();
      return x.binding == y.binding && x.depth == y.depth;
    }
    case ExprKind::kFunction: {
      const auto& x = a.As<FunctionExpr>();
      const auto& y = b.As<FunctionExpr>();
      return x.function == y.function && x.function->volatility != Volatility::kVolatile && AllEqual(x.args, y.args);
    }
    case ExprKind::kCast: {
      const auto& x = a.As<CastExpr>();
      const auto& y = b.As<CastExpr>();
      return x.mode == y.mode && x.time_zone == y.time_zone && ExpressionsEqual(*x.child, *y.child);
    }
    case ExprKind::kComparison: {
      const auto& x = a.As<ComparisonExpr>();
      const auto& y = b.As<ComparisonExpr>();
      return x.op == y.op && ExpressionsEqual(*x.left, *y.left) && ExpressionsEqual(*x.right, *y.right);
    }
    case ExprKind::kConjunction: {
      const auto& x = a.As<ConjunctionExpr>();
      const auto& y = b.As<ConjunctionExpr>();
      return x.is_and == y.is_and && AllEqual(x.children, y.children);
    }
    case ExprKind::kNot:
      return ExpressionsEqual(*a.As<NotExpr>().child, *b.As<NotExpr>().child);
    case ExprKind::kIsNull: {
      const auto& x = a.As<IsNullExpr>();
      const auto& y = b.As<IsNullExpr>();
      return x.negated == y.negated && ExpressionsEqual(*x.child, *y.child);
    }
    case ExprKind::kCase: {
      const auto& x = a.As<CaseExpr>();
      const auto& y = b.As<CaseExpr>();
      if (x.whens.size() != y.whens.size() || !ExpressionsEqual(*x.else_result, *y.else_result)) return false;
      for (size_t i = 0; i < x.whens.size(); ++i) {
        if (!ExpressionsEqual(*x.whens[i].condition, *y.whens[i].condition) ||
            !ExpressionsEqual(*x.whens[i].result, *y.whens[i].result)) {
          return false;
        }
      }
      return true;
    }
    case ExprKind::kInList: {
      const auto& x = a.As<InListExpr>();
      const auto& y = b.As<InListExpr>();
      return x.negated == y.negated && ExpressionsEqual(*x.child, *y.child) && AllEqual(x.items, y.items);
    }
    case ExprKind::kSubquery:
      return false;
  }
  return false;
}

}  // namespace basin
