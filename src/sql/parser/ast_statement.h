// src/sql/parser/ast_statement.h
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "sql/parser/ast_query.h"

namespace basin::ast {

enum class StatementKind : uint8_t {
  kQuery,
  kCreateTable,
  kCreateTableAs,
  kCreateView,
  kCreateSchema,
  kDrop,
  kInsert,
  kUpdate,
  kDelete,
  kTruncate,
  kCopy,
  kSet,
  kReset,
  kShow,
  kExplain,
  kCall,
  kTransaction,
  kPrepare,
  kExecute,
  kDeallocate,
};

struct Statement {
  explicit Statement(StatementKind k) : kind(k) {}
  virtual ~Statement() = default;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

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

  const StatementKind kind;
  SourceSpan span;  // the statement's own text, without the terminating ';'
};

using StatementPtr = std::unique_ptr<Statement>;
using QualifiedName = std::vector<std::string>;  // e.g. {"schema", "table"}

// A value of a generic option list: COPY ... WITH (...), CREATE TABLE ... WITH (...),
// EXPLAIN (...), SET name = v1, v2.
struct OptionValue {
  enum class Kind : uint8_t {
    kNone,        // the option was written without a value: (HEADER)
    kString,      // 'x'
    kNumber,      // 42, -1.5 (text kept, sign included)
    kIdentifier,  // csv, on, off (lower-cased unless quoted)
    kBoolean,     // TRUE / FALSE
    kStar,        // *
    kList,        // (a, b)
  };
  Kind kind = Kind::kNone;
  std::string text;  // kString, kNumber, kIdentifier
  bool boolean = false;
  std::vector<OptionValue> list;
};

struct GenericOption {
  std::string name;  // lower-cased
  OptionValue value;
};

struct QueryStatement : Statement {
  static constexpr StatementKind kKind = StatementKind::kQuery;
  QueryStatement() : Statement(kKind) {}
  QueryPtr query;
};

struct ColumnDefinition {
  std::string name;
  TypeName type;
  bool not_null = false;       // NOT NULL
  bool explicit_null = false;  // NULL
  ExprPtr default_value;       // DEFAULT expr, or null
  bool primary_key = false;
  bool unique = false;
  ExprList checks;  // CHECK (expr) constraints on this column
  SourceSpan span;
};

enum class TableConstraintKind : uint8_t { kPrimaryKey, kUnique, kCheck };

struct TableConstraint {
  TableConstraintKind kind = TableConstraintKind::kPrimaryKey;
  std::string name;                  // CONSTRAINT name; "" if none
  std::vector<std::string> columns;  // kPrimaryKey, kUnique
  ExprPtr check;                     // kCheck
};

struct CreateTableStatement : Statement {
  static constexpr StatementKind kKind = StatementKind::kCreateTable;
  CreateTableStatement() : Statement(kKind) {}
  QualifiedName name;
  bool temporary = false;
  bool if_not_exists = false;
  bool or_replace = false;
  std::vector<ColumnDefinition> columns;
  std::vector<TableConstraint> constraints;
  ExprList partitioned_by;             // PARTITIONED BY (expr, ...)
  std::vector<GenericOption> options;  // WITH (key = value, ...)
};

struct CreateTableAsStatement : Statement {
  static constexpr StatementKind kKind = StatementKind::kCreateTableAs;
  CreateTableAsStatement() : Statement(kKind) {}
  QualifiedName name;
  bool temporary = false;
  bool if_not_exists = false;
  bool or_replace = false;
  std::vector<std::string> column_names;  // CREATE TABLE t (a, b) AS ...
  QueryPtr query;
  bool with_data = true;  // false for WITH NO DATA
};

struct CreateViewStatement : Statement {
  static constexpr StatementKind kKind = StatementKind::kCreateView;
  CreateViewStatement() : Statement(kKind) {}
  QualifiedName name;
  bool temporary = false;
  bool or_replace = false;
  bool if_not_exists = false;
  std::vector<std::string> column_names;
  QueryPtr query;
};

struct CreateSchemaStatement : Statement {
  static constexpr StatementKind kKind = StatementKind::kCreateSchema;
  CreateSchemaStatement() : Statement(kKind) {}
  QualifiedName name;
  bool if_not_exists = false;
};

enum class ObjectType : uint8_t { kTable, kView, kSchema };

struct DropStatement : Statement {
  static constexpr StatementKind kKind = StatementKind::kDrop;
  DropStatement() : Statement(kKind) {}
  ObjectType object_type = ObjectType::kTable;
  std::vector<QualifiedName> names;
  bool if_exists = false;
  bool cascade = false;  // CASCADE; RESTRICT is the default
};

struct InsertStatement : Statement {
  static constexpr StatementKind kKind = StatementKind::kInsert;
  InsertStatement() : Statement(kKind) {}
  QualifiedName table;
  std::string alias;                 // INSERT INTO t AS alias
  std::vector<std::string> columns;  // empty: all columns in order
  QueryPtr query;                    // VALUES or a query; null for DEFAULT VALUES
  bool default_values = false;
  std::vector<SelectItem> returning;
};

// SET col = expr, or SET (a, b) = (expr, expr) / (subquery).
struct SetClause {
  std::vector<std::string> columns;  // one name, or several for the row form
  ExprPtr value;  // may be a DefaultExpr, a RowExpr or a scalar SubqueryExpr
};

struct UpdateStatement : Statement {
  static constexpr StatementKind kKind = StatementKind::kUpdate;
  UpdateStatement() : Statement(kKind) {}
  QualifiedName table;
  std::string alias;
  std::vector<SetClause> set;
  std::vector<TableRefPtr> from;
  ExprPtr where;
  std::vector<SelectItem> returning;
};

struct DeleteStatement : Statement {
  static constexpr StatementKind kKind = StatementKind::kDelete;
  DeleteStatement() : Statement(kKind) {}
  QualifiedName table;
  std::string alias;
  std::vector<TableRefPtr> using_tables;
  ExprPtr where;
  std::vector<SelectItem> returning;
};

struct TruncateStatement : Statement {
  static constexpr StatementKind kKind = StatementKind::kTruncate;
  TruncateStatement() : Statement(kKind) {}
  std::vector<QualifiedName> tables;
};

enum class CopyEndpoint : uint8_t { kFile, kStdin, kStdout };

// COPY t [(cols)] FROM|TO 'file'|STDIN|STDOUT [WITH] (options), COPY (query) TO ....
// The legacy option syntax (WITH CSV HEADER DELIMITER '|') is converted into the
// generic form: format 'csv' → {format, identifier csv}, HEADER → {header, true},
// DELIMITER 'x' → {delimiter, 'x'}, NULL 'x' → {null, 'x'}, QUOTE/ESCAPE likewise,
// FORCE QUOTE cols|* → {force_quote, list|*}, FORCE NOT NULL cols → {force_not_null, list}.
struct CopyStatement : Statement {
  static constexpr StatementKind kKind = StatementKind::kCopy;
  CopyStatement() : Statement(kKind) {}
  QualifiedName table;               // empty when copying a query
  std::vector<std::string> columns;  // empty: all columns
  QueryPtr query;                    // COPY (query) TO ...; null otherwise
  bool is_from = false;              // FROM (import) or TO (export)
  CopyEndpoint endpoint = CopyEndpoint::kFile;
  std::string path;  // kFile only
  std::vector<GenericOption> options;
};

enum class SetScope : uint8_t { kDefault, kSession, kLocal };

// SET [SESSION|LOCAL] name {TO|=} value[, ...] | DEFAULT; SET TIME ZONE sets "timezone".
struct SetStatement : Statement {
  static constexpr StatementKind kKind = StatementKind::kSet;
  SetStatement() : Statement(kKind) {}
  SetScope scope = SetScope::kDefault;
  std::string name;  // lower-cased, dotted for qualified names: "basin.threads"
  std::vector<OptionValue> values;
  bool to_default = false;  // SET x TO DEFAULT / SET TIME ZONE DEFAULT
};

struct ResetStatement : Statement {
  static constexpr StatementKind kKind = StatementKind::kReset;
  ResetStatement() : Statement(kKind) {}
  std::string name;  // "" with all
  bool all = false;
};

enum class ShowTarget : uint8_t { kVariable, kAll, kTables };

struct ShowStatement : Statement {
  static constexpr StatementKind kKind = StatementKind::kShow;
  ShowStatement() : Statement(kKind) {}
  ShowTarget target = ShowTarget::kVariable;
  std::string name;  // kVariable only
};

struct ExplainStatement : Statement {
  static constexpr StatementKind kKind = StatementKind::kExplain;
  ExplainStatement() : Statement(kKind) {}
  bool analyze = false;
  bool verbose = false;
  // Every option as written in EXPLAIN (opt [value], ...), or ANALYZE / VERBOSE of the
  // legacy form; `analyze` and `verbose` above already reflect them.
  std::vector<GenericOption> options;
  StatementPtr statement;
};

struct CallStatement : Statement {
  static constexpr StatementKind kKind = StatementKind::kCall;
  CallStatement() : Statement(kKind) {}
  std::unique_ptr<FunctionCall> call;
};

enum class TransactionKind : uint8_t { kBegin, kCommit, kRollback };

struct TransactionStatement : Statement {
  static constexpr StatementKind kKind = StatementKind::kTransaction;
  TransactionStatement() : Statement(kKind) {}
  TransactionKind transaction_kind = TransactionKind::kBegin;
};

struct PrepareStatement : Statement {
  static constexpr StatementKind kKind = StatementKind::kPrepare;
  PrepareStatement() : Statement(kKind) {}
  std::string name;
  std::vector<TypeName> parameter_types;
  StatementPtr statement;
};

struct ExecuteStatement : Statement {
  static constexpr StatementKind kKind = StatementKind::kExecute;
  ExecuteStatement() : Statement(kKind) {}
  std::string name;
  ExprList args;
};

struct DeallocateStatement : Statement {
  static constexpr StatementKind kKind = StatementKind::kDeallocate;
  DeallocateStatement() : Statement(kKind) {}
  std::string name;  // "" with all
  bool all = false;
};

}  // namespace basin::ast
