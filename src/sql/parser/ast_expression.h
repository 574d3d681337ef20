// src/sql/parser/ast_expression.h
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "common/error.h"
#include "sql/parser/ast_type.h"

namespace basin::ast {

struct QueryNode;

enum class ExprKind : uint8_t {
  kColumnRef,
  kConstant,
  kParameter,
  kStar,
  kFunctionCall,
  kCast,
  kBinary,
  kUnary,
  kBool,
  kCase,
  kSubquery,
  kAnyAll,
  kInList,
  kBetween,
  kLike,
  kIs,
  kArray,
  kRow,
  kSubscript,
  kFieldAccess,
  kCollate,
  kGroupingSet,
  kDefault,
};

// Base of all expression nodes. `span` covers the node's source text, for errors.
struct Expr {
  explicit Expr(ExprKind k) : kind(k) {}
  virtual ~Expr() = default;
  Expr(const Expr&) = delete;
  Expr& operator=(const Expr&) = delete;

  // REQUIRES: kind == T::kKind.
  template <class T>
  const T& As() const {
    return static_cast<const T&>(*this);
  }
  template <class T>
  T& As() {
    return static_cast<T&>(*this);
  }
  template <class T>
  bool Is() const {
    return kind == T::kKind;
  }

  const ExprKind kind;
  SourceSpan span;
};

using ExprPtr = std::unique_ptr<Expr>;
using ExprList = std::vector<ExprPtr>;

// a, t.a, s.t.a, c.s.t.a.
struct ColumnRef : Expr {
  static constexpr ExprKind kKind = ExprKind::kColumnRef;
  ColumnRef() : Expr(kKind) {}
  std::vector<std::string> parts;  // folded/unquoted names, outermost qualifier first
};

enum class ConstantKind : uint8_t {
  kInteger,  // digits only, possibly with a leading '-': "42", "-9223372036854775808"
  kNumeric,  // has '.' or an exponent: "1.5", ".5", "1e10"
  kString,   // any quoting style; `value` holds the decoded text
  kBoolean,  // TRUE / FALSE
  kNull,
};

// A literal. Numbers keep their text: the binder picks INTEGER, BIGINT or NUMERIC.
struct Constant : Expr {
  static constexpr ExprKind kKind = ExprKind::kConstant;
  Constant() : Expr(kKind) {}
  ConstantKind constant_kind = ConstantKind::kNull;
  std::string value;   // number text or string value
  bool boolean = false;  // kBoolean only
};

// $n.
struct Parameter : Expr {
  static constexpr ExprKind kKind = ExprKind::kParameter;
  Parameter() : Expr(kKind) {}
  int index = 0;  // 1-based
};

// `*` or `t.*` in a select list, RETURNING list or COPY option.
struct Star : Expr {
  static constexpr ExprKind kKind = ExprKind::kStar;
  Star() : Expr(kKind) {}
  std::vector<std::string> qualifier;  // empty for a bare *
};

enum class SortDirection : uint8_t { kDefault, kAscending, kDescending };
enum class NullsOrder : uint8_t { kDefault, kFirst, kLast };

struct OrderByItem {
  ExprPtr expr;
  SortDirection direction = SortDirection::kDefault;
  NullsOrder nulls = NullsOrder::kDefault;
};

enum class FrameMode : uint8_t { kNone, kRows, kRange, kGroups };
enum class FrameBoundKind : uint8_t {
  kUnboundedPreceding,
  kPreceding,  // offset PRECEDING
  kCurrentRow,
  kFollowing,  // offset FOLLOWING
  kUnboundedFollowing,
};
enum class FrameExclude : uint8_t { kNoOthers, kCurrentRow, kGroup, kTies };

struct FrameBound {
  FrameBoundKind kind = FrameBoundKind::kCurrentRow;
  ExprPtr offset;  // kPreceding / kFollowing only
};

// The frame clause; a frame written with only a start bound gets end = CURRENT ROW.
struct WindowFrame {
  FrameMode mode = FrameMode::kNone;  // kNone: no frame clause (the default frame)
  FrameBound start;
  FrameBound end;
  FrameExclude exclude = FrameExclude::kNoOthers;
};

// OVER (...) / OVER name, and the definitions of WINDOW name AS (...).
struct WindowSpec {
  std::string existing_name;  // OVER w, or OVER (w ORDER BY ...): the base window
  ExprList partition_by;
  std::vector<OrderByItem> order_by;
  WindowFrame frame;
  SourceSpan span;
};

// f(args) and aggregates/window functions, also the special forms
// (EXTRACT → date_part, POSITION → strpos, SUBSTRING → substring,
// TRIM → btrim/ltrim/rtrim, OVERLAY → overlay, x AT TIME ZONE z → timezone(z, x),
// CURRENT_DATE etc. with keyword_form set).
struct FunctionCall : Expr {
  static constexpr ExprKind kKind = ExprKind::kFunctionCall;
  FunctionCall() : Expr(kKind) {}
  std::vector<std::string> name;  // qualified name parts, e.g. {"pg_catalog", "lower"}
  ExprList args;
  // Parallel to args: "" for positional, else the name of `name => value`.
  std::vector<std::string> arg_names;
  bool distinct = false;      // f(DISTINCT x)
  bool star = false;          // count(*); args is then empty
  bool keyword_form = false;  // written without parentheses: CURRENT_DATE, USER, ...
  // f(x ORDER BY y), or the ORDER BY of WITHIN GROUP when within_group is set.
  std::vector<OrderByItem> order_by;
  bool within_group = false;
  ExprPtr filter;                    // FILTER (WHERE ...), or null
  std::unique_ptr<WindowSpec> over;  // OVER (...) / OVER w, or null
};

// CAST(x AS t), x::t, TRY_CAST(x AS t), and typed literals like DATE '2024-01-01'.
struct Cast : Expr {
  static constexpr ExprKind kKind = ExprKind::kCast;
  Cast() : Expr(kKind) {}
  ExprPtr operand;
  TypeName type;
  bool try_cast = false;  // TRY_CAST: NULL instead of an error
};

// Binary operators other than AND/OR: arithmetic, comparison (= <> < <= > >=, with
// != normalized to <>), || and any other operator, kept as its text.
struct BinaryExpr : Expr {
  static constexpr ExprKind kKind = ExprKind::kBinary;
  BinaryExpr() : Expr(kKind) {}
  std::string op;
  ExprPtr left;
  ExprPtr right;
};

// Prefix operators: - + ~ and other user-visible prefix operators, kept as text.
// A '-' directly before a numeric literal is folded into the literal instead.
struct UnaryExpr : Expr {
  static constexpr ExprKind kKind = ExprKind::kUnary;
  UnaryExpr() : Expr(kKind) {}
  std::string op;
  ExprPtr operand;
};

enum class BoolOp : uint8_t { kAnd, kOr, kNot };

// AND / OR with two or more flattened arguments, or NOT with exactly one.
struct BoolExpr : Expr {
  static constexpr ExprKind kKind = ExprKind::kBool;
  BoolExpr() : Expr(kKind) {}
  BoolOp op = BoolOp::kAnd;
  ExprList args;
};

struct WhenClause {
  ExprPtr condition;  // the WHEN value for a simple CASE, else a boolean condition
  ExprPtr result;
};

struct CaseExpr : Expr {
  static constexpr ExprKind kKind = ExprKind::kCase;
  CaseExpr() : Expr(kKind) {}
  ExprPtr operand;  // CASE operand WHEN ..., or null for a searched CASE
  std::vector<WhenClause> whens;
  ExprPtr else_result;  // null if absent
};

enum class SubqueryKind : uint8_t {
  kScalar,  // (SELECT ...)
  kExists,  // EXISTS (SELECT ...)
  kIn,      // left [NOT] IN (SELECT ...)
  kAny,     // left op ANY|SOME (SELECT ...)
  kAll,     // left op ALL (SELECT ...)
  kArray,   // ARRAY(SELECT ...)
};

struct SubqueryExpr : Expr {
  static constexpr ExprKind kKind = ExprKind::kSubquery;
  SubqueryExpr();
  ~SubqueryExpr() override;
  SubqueryKind subquery_kind = SubqueryKind::kScalar;
  std::unique_ptr<QueryNode> query;
  ExprPtr left;        // kIn, kAny, kAll
  std::string op;      // kAny, kAll: the comparison operator
  bool negated = false;  // NOT IN
};

// left op ANY|SOME|ALL (array expression), e.g. x = ANY(ARRAY[1, 2]).
struct AnyAllExpr : Expr {
  static constexpr ExprKind kKind = ExprKind::kAnyAll;
  AnyAllExpr() : Expr(kKind) {}
  std::string op;
  bool all = false;  // ALL; false for ANY/SOME
  ExprPtr left;
  ExprPtr array;
};

// expr [NOT] IN (v1, v2, ...).
struct InListExpr : Expr {
  static constexpr ExprKind kKind = ExprKind::kInList;
  InListExpr() : Expr(kKind) {}
  ExprPtr operand;
  ExprList list;
  bool negated = false;
};

// expr [NOT] BETWEEN [SYMMETRIC] low AND high.
struct BetweenExpr : Expr {
  static constexpr ExprKind kKind = ExprKind::kBetween;
  BetweenExpr() : Expr(kKind) {}
  ExprPtr operand;
  ExprPtr low;
  ExprPtr high;
  bool negated = false;
  bool symmetric = false;
};

enum class LikeKind : uint8_t { kLike, kILike, kSimilarTo };

// expr [NOT] LIKE|ILIKE|SIMILAR TO pattern [ESCAPE escape].
struct LikeExpr : Expr {
  static constexpr ExprKind kKind = ExprKind::kLike;
  LikeExpr() : Expr(kKind) {}
  LikeKind like_kind = LikeKind::kLike;
  ExprPtr operand;
  ExprPtr pattern;
  ExprPtr escape;  // null if absent
  bool negated = false;
};

enum class IsKind : uint8_t { kNull, kTrue, kFalse, kUnknown, kDistinctFrom };

// expr IS [NOT] NULL|TRUE|FALSE|UNKNOWN, expr IS [NOT] DISTINCT FROM right,
// and ISNULL / NOTNULL (as IS [NOT] NULL).
struct IsExpr : Expr {
  static constexpr ExprKind kKind = ExprKind::kIs;
  IsExpr() : Expr(kKind) {}
  IsKind is_kind = IsKind::kNull;
  ExprPtr operand;
  ExprPtr right;  // kDistinctFrom only
  bool negated = false;
};

// ARRAY[e1, e2, ...]; nested [..] inside ARRAY[...] become nested ArrayExprs.
struct ArrayExpr : Expr {
  static constexpr ExprKind kKind = ExprKind::kArray;
  ArrayExpr() : Expr(kKind) {}
  ExprList elements;
};

// ROW(a, b) or (a, b).
struct RowExpr : Expr {
  static constexpr ExprKind kKind = ExprKind::kRow;
  RowExpr() : Expr(kKind) {}
  ExprList fields;
  bool explicit_row = false;  // written with the ROW keyword (needed for 0 or 1 field)
};

// base[index] or the slice base[lower:upper] (either bound may be omitted).
struct SubscriptExpr : Expr {
  static constexpr ExprKind kKind = ExprKind::kSubscript;
  SubscriptExpr() : Expr(kKind) {}
  ExprPtr base;
  ExprPtr index;  // element index, or the lower bound of a slice (may be null)
  ExprPtr upper;  // slice only (may be null)
  bool slice = false;
};

// (expr).field.
struct FieldAccessExpr : Expr {
  static constexpr ExprKind kKind = ExprKind::kFieldAccess;
  FieldAccessExpr() : Expr(kKind) {}
  ExprPtr base;
  std::string field;
};

// expr COLLATE name.
struct CollateExpr : Expr {
  static constexpr ExprKind kKind = ExprKind::kCollate;
  CollateExpr() : Expr(kKind) {}
  ExprPtr operand;
  std::vector<std::string> collation;  // qualified name parts
};

enum class GroupingSetKind : uint8_t {
  kEmpty,   // ()
  kRollup,  // ROLLUP (...)
  kCube,    // CUBE (...)
  kSets,    // GROUPING SETS (...)
};

// Only in GROUP BY. Items are expressions, RowExprs for parenthesized column
// groups like (a, b), or nested GroupingSetExprs (inside GROUPING SETS).
struct GroupingSetExpr : Expr {
  static constexpr ExprKind kKind = ExprKind::kGroupingSet;
  GroupingSetExpr() : Expr(kKind) {}
  GroupingSetKind set_kind = GroupingSetKind::kEmpty;
  ExprList items;
};

// DEFAULT, only as a value in INSERT ... VALUES and UPDATE ... SET.
struct DefaultExpr : Expr {
  static constexpr ExprKind kKind = ExprKind::kDefault;
  DefaultExpr() : Expr(kKind) {}
};

}  // namespace basin::ast
