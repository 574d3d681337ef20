// src/exec/expression.h
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "common/types.h"
#include "common/value.h"
#include "function/cast.h"
#include "function/scalar_function.h"

namespace basin {

// Names an output column of a logical operator: operators number their outputs with
// a `table_index` unique within the query, so that expressions keep pointing at the
// right column while the optimizer reorders and prunes the plan.
struct ColumnBinding {
  uint32_t table_index = 0;
  uint32_t column_index = 0;
  bool operator==(const ColumnBinding&) const = default;
};

enum class ExprKind : uint8_t {
  kConstant,
  kColumnRef,
  kFunction,
  kCast,
  kComparison,
  kConjunction,
  kNot,
  kIsNull,
  kCase,
  kInList,
  kSubquery,  // placeholder produced by the binder; the planner replaces it
};

enum class CompareOp : uint8_t { kEq, kNotEq, kLt, kLtEq, kGt, kGtEq, kDistinctFrom, kNotDistinctFrom };
const char* CompareOpSymbol(CompareOp op);
// a op b  <=>  b Flip(op) a
CompareOp FlipCompareOp(CompareOp op);
CompareOp NegateCompareOp(CompareOp op);

// A typed expression over the columns of its input. Immutable once planned, and
// shared by all threads that evaluate it.
struct Expression {
  ExprKind kind;
  LogicalType type;
  // Display name: the column name a SELECT item gets when it has no alias.
  std::string alias;

  Expression(ExprKind kind, LogicalType type) : kind(kind), type(type) {}
  virtual ~Expression() = default;
  virtual std::unique_ptr<Expression> Clone() const = 0;
  // SQL-like rendering for EXPLAIN and error messages.
  virtual std::string ToString() const = 0;
  // Children in evaluation order, for generic traversals.
  virtual std::vector<std::unique_ptr<Expression>*> Children() { return {}; }

  template <class T>
  T& As() {
    return static_cast<T&>(*this);
  }
  template <class T>
  const T& As() const {
    return static_cast<const T&>(*this);
  }
};
using ExprPtr = std::unique_ptr<Expression>;

struct ConstantExpr : Expression {
  Value value;
  // A string literal whose type comes from its context, as PostgreSQL's "unknown"
  // literals do: in `d = '2024-01-01'` it becomes a date. Only the binder reads this.
  bool untyped_string = false;
  explicit ConstantExpr(Value value);
  ExprPtr Clone() const override;
  std::string ToString() const override;
};

struct ColumnRefExpr : Expression {
  ColumnBinding binding;  // logical plans
  uint32_t index = 0;     // physical plans: position in the input batch
  std::string name;
  // 0 for a column of the current query level; >0 for a correlated reference
  // to the query that many levels out (resolved away by decorrelation).
  uint32_t depth = 0;
  ColumnRefExpr(LogicalType type, ColumnBinding binding, std::string name, uint32_t depth = 0);
  ExprPtr Clone() const override;
  std::string ToString() const override;
};

struct FunctionExpr : Expression {
  std::shared_ptr<const ScalarFunction> function;
  std::shared_ptr<const FunctionData> data;
  std::vector<ExprPtr> args;
  FunctionExpr(std::shared_ptr<const ScalarFunction> function, std::vector<ExprPtr> args,
               LogicalType return_type, std::shared_ptr<const FunctionData> data);
  ExprPtr Clone() const override;
  std::string ToString() const override;
  std::vector<ExprPtr*> Children() override;
};

struct CastExpr : Expression {
  ExprPtr child;
  CastMode mode;
  // The session's zone when the statement was bound: casts involving TIMESTAMPTZ
  // read or print in it (see CastVector). Never null; zones live forever.
  const TimeZone* time_zone;
  CastExpr(ExprPtr child, LogicalType target, CastMode mode, const TimeZone* time_zone);
  ExprPtr Clone() const override;
  std::string ToString() const override;
  std::vector<ExprPtr*> Children() override { return {&child}; }
};

// Both sides have the same type (the binder casts them).
struct ComparisonExpr : Expression {
  CompareOp op;
  ExprPtr left;
  ExprPtr right;
  ComparisonExpr(CompareOp op, ExprPtr left, ExprPtr right);
  ExprPtr Clone() const override;
  std::string ToString() const override;
  std::vector<ExprPtr*> Children() override { return {&left, &right}; }
};

// AND / OR over two or more boolean children, with SQL's three-valued logic.
// Children after the first see only the rows the earlier ones left undecided, so
// `x <> 0 AND 1 / x > 1` never divides by zero.
struct ConjunctionExpr : Expression {
  bool is_and;
  std::vector<ExprPtr> children;
  ConjunctionExpr(bool is_and, std::vector<ExprPtr> children);
  ExprPtr Clone() const override;
  std::string ToString() const override;
  std::vector<ExprPtr*> Children() override;
};

struct NotExpr : Expression {
  ExprPtr child;
  explicit NotExpr(ExprPtr child);
  ExprPtr Clone() const override;
  std::string ToString() const override;
  std::vector<ExprPtr*> Children() override { return {&child}; }
};

struct IsNullExpr : Expression {
  ExprPtr child;
  bool negated;  // IS NOT NULL
  IsNullExpr(ExprPtr child, bool negated);
  ExprPtr Clone() const override;
  std::string ToString() const override;
  std::vector<ExprPtr*> Children() override { return {&child}; }
};

// CASE WHEN c1 THEN r1 ... ELSE e END. Each result is evaluated only on the rows
// that select it.
struct CaseExpr : Expression {
  struct When {
    ExprPtr condition;
    ExprPtr result;
  };
  std::vector<When> whens;
  ExprPtr else_result;  // never null: the binder puts a NULL constant there
  CaseExpr(LogicalType type, std::vector<When> whens, ExprPtr else_result);
  ExprPtr Clone() const override;
  std::string ToString() const override;
  std::vector<ExprPtr*> Children() override;
};

// x [NOT] IN (list). Items have x's type.
struct InListExpr : Expression {
  ExprPtr child;
  std::vector<ExprPtr> items;
  bool negated;
  InListExpr(ExprPtr child, std::vector<ExprPtr> items, bool negated);
  ExprPtr Clone() const override;
  std::string ToString() const override;
  std::vector<ExprPtr*> Children() override;
};

// Walks `expr` and its children depth first, calling `visit` on each.
void VisitExpressions(Expression& expr, const std::function<void(Expression&)>& visit);
void VisitExpressionsReadOnly(const Expression& expr, const std::function<void(const Expression&)>& visit);

// Whether two expressions are the same computation (same columns, functions,
// constants), so that GROUP BY and ORDER BY can match select items.
bool ExpressionsEqual(const Expression& a, const Expression& b);

// Rewrites bottom up: `rewrite` may return a replacement (or null to keep).
void RewriteExpression(ExprPtr& expr, const std::function<ExprPtr(Expression&)>& rewrite);

}  // namespace basin
