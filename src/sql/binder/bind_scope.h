// src/sql/binder/bind_scope.h
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/error.h"
#include "exec/expression.h"

namespace basin {

// The columns one FROM item contributes, under its alias.
struct ScopeTable {
  std::string alias;
  std::vector<std::string> names;
  std::vector<LogicalType> types;
  std::vector<ColumnBinding> bindings;
};

// What names are visible while binding expressions of one query level: the FROM
// items, in order. Columns merged by USING / NATURAL are found once, unqualified.
class BindScope {
 public:
  void AddTable(ScopeTable table);
  // A column that JOIN ... USING merged: an unqualified reference means `expr`.
  void AddMergedColumn(const std::string& name, const Expression& expr);

  struct Resolved {
    ExprPtr expr;  // a column ref (or a merged USING expression)
  };
  // Resolves a possibly qualified column name. nullopt when not found here;
  // throws 42702 when ambiguous.
  std::optional<Resolved> Lookup(const std::vector<std::string>& parts, SourceSpan span) const;
  // Every column of the table called `alias` (or of all tables when empty), for *.
  std::vector<std::pair<std::string, ExprPtr>> Expand(const std::string& alias, SourceSpan span) const;
  bool HasTable(const std::string& alias) const;
  // Moves the tables and merged columns of `other` into this scope.
  void Absorb(BindScope&& other);

  const std::vector<ScopeTable>& tables() const { return tables_; }

 private:
  std::vector<ScopeTable> tables_;
  struct Merged {
    std::string name;
    ExprPtr expr;
  };
  std::vector<Merged> merged_;
};

}  // namespace basin
