// src/sql/parser/ast_query.h
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "sql/parser/ast_expression.h"

namespace basin::ast {

struct QueryNode;
using QueryPtr = std::unique_ptr<QueryNode>;

// ---- Table references (FROM items) ----

enum class TableRefKind : uint8_t {
  kBaseTable,      // t, s.t, c.s.t
  kSubquery,       // (query) [AS] alias, VALUES lists, LATERAL (query)
  kJoin,           // a JOIN b ...
  kTableFunction,  // generate_series(1, 10) AS t(x), read_csv('f.csv', header => true)
  kFile,           // 'data/file.csv' (Basin extension)
};

struct TableRef {
  explicit TableRef(TableRefKind k) : kind(k) {}
  virtual ~TableRef() = default;
  TableRef(const TableRef&) = delete;
  TableRef& operator=(const TableRef&) = delete;

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

  const TableRefKind kind;
  std::string alias;                       // "" if none
  std::vector<std::string> column_aliases;  // AS alias(c1, c2); empty if none
  SourceSpan span;
};

using TableRefPtr = std::unique_ptr<TableRef>;

// Basin time travel: FROM t FOR VERSION AS OF 42 / FOR TIMESTAMP AS OF '...'.
enum class TimeTravelKind : uint8_t { kNone, kVersion, kTimestamp };

struct BaseTableRef : TableRef {
  static constexpr TableRefKind kKind = TableRefKind::kBaseTable;
  BaseTableRef() : TableRef(kKind) {}
  std::vector<std::string> name;  // qualified name parts
  TimeTravelKind time_travel = TimeTravelKind::kNone;
  ExprPtr time_travel_value;  // the AS OF expression, or null
};

struct SubqueryRef : TableRef {
  static constexpr TableRefKind kKind = TableRefKind::kSubquery;
  SubqueryRef();
  ~SubqueryRef() override;
  QueryPtr query;
  bool lateral = false;
};

enum class JoinType : uint8_t { kInner, kLeft, kRight, kFull, kCross };

struct JoinRef : TableRef {
  static constexpr TableRefKind kKind = TableRefKind::kJoin;
  JoinRef() : TableRef(kKind) {}
  JoinType join_type = JoinType::kInner;
  bool natural = false;
  TableRefPtr left;
  TableRefPtr right;
  ExprPtr condition;                    // ON condition, or null
  std::vector<std::string> using_columns;  // USING (a, b); empty if none
  std::string using_alias;              // USING (a) AS j; "" if none
  // TableRef::alias is set for a parenthesized join with an alias: (a JOIN b ON ..) AS j.
};

struct TableFunctionRef : TableRef {
  static constexpr TableRefKind kKind = TableRefKind::kTableFunction;
  TableFunctionRef() : TableRef(kKind) {}
  // Arguments written `name = value` are named arguments here, like `name => value`.
  std::unique_ptr<FunctionCall> function;
  bool lateral = false;
  bool with_ordinality = false;
};

// FROM 'path/to/file.csv': the binder infers the reader from the path.
struct FileRef : TableRef {
  static constexpr TableRefKind kKind = TableRefKind::kFile;
  FileRef() : TableRef(kKind) {}
  std::string path;
};

// ---- Queries ----

enum class QueryKind : uint8_t { kSelect, kSetOperation, kValues };

enum class CteMaterialization : uint8_t { kDefault, kMaterialized, kNotMaterialized };

struct CommonTableExpr {
  std::string name;
  std::vector<std::string> columns;  // WITH name(c1, c2) AS ...; empty if none
  CteMaterialization materialization = CteMaterialization::kDefault;
  QueryPtr query;
  SourceSpan span;
};

// Base of SELECT cores, set operations and VALUES lists. The clauses here (WITH,
// ORDER BY, LIMIT, OFFSET) apply to the node as a whole, e.g. to a whole UNION.
struct QueryNode {
  explicit QueryNode(QueryKind k) : kind(k) {}
  virtual ~QueryNode() = default;
  QueryNode(const QueryNode&) = delete;
  QueryNode& operator=(const QueryNode&) = delete;

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
  bool HasModifiers() const {
    return !ctes.empty() || !order_by.empty() || limit != nullptr || offset != nullptr;
  }

  const QueryKind kind;
  std::vector<CommonTableExpr> ctes;  // WITH ...
  bool recursive = false;             // WITH RECURSIVE
  std::vector<OrderByItem> order_by;
  ExprPtr limit;   // LIMIT n / FETCH FIRST n ROWS ONLY; null if absent or LIMIT ALL
  ExprPtr offset;  // null if absent
  SourceSpan span;
};

struct SelectItem {
  ExprPtr expr;       // may be a Star
  std::string alias;  // "" if none
};

enum class DistinctKind : uint8_t { kNone, kDistinct, kDistinctOn };

struct NamedWindow {
  std::string name;
  WindowSpec spec;
};

// One SELECT core: SELECT ... FROM ... WHERE ... GROUP BY ... HAVING ... WINDOW ....
// `TABLE t` parses as SELECT * FROM t.
struct SelectNode : QueryNode {
  static constexpr QueryKind kKind = QueryKind::kSelect;
  SelectNode() : QueryNode(kKind) {}
  DistinctKind distinct = DistinctKind::kNone;
  ExprList distinct_on;  // kDistinctOn only
  std::vector<SelectItem> select_list;
  std::vector<TableRefPtr> from;  // comma-separated items (an implicit cross join)
  ExprPtr where;                  // null if absent
  // Expressions, possibly GroupingSetExprs; empty with group_by_all for GROUP BY ALL.
  ExprList group_by;
  bool group_by_all = false;
  ExprPtr having;
  std::vector<NamedWindow> windows;
};

enum class SetOpKind : uint8_t { kUnion, kIntersect, kExcept };

struct SetOperationNode : QueryNode {
  static constexpr QueryKind kKind = QueryKind::kSetOperation;
  SetOperationNode() : QueryNode(kKind) {}
  SetOpKind op = SetOpKind::kUnion;
  bool all = false;  // UNION ALL; false for the default DISTINCT
  QueryPtr left;
  QueryPtr right;
};

// VALUES (1, 'a'), (2, 'b'). Rows may hold DefaultExpr inside INSERT.
struct ValuesNode : QueryNode {
  static constexpr QueryKind kKind = QueryKind::kValues;
  ValuesNode() : QueryNode(kKind) {}
  std::vector<ExprList> rows;
};

}  // namespace basin::ast
