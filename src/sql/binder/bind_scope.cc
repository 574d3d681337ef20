#include "sql/binder/bind_scope.h"

namespace basin {

void BindScope::AddTable(ScopeTable table) {
  for (const auto& existing : tables_) {
    if (!table.alias.empty() && existing.alias == table.alias) {
      throw Error(SqlState{{'4', '2', '7', '1', '2'}},
                  "table name \"" + table.alias + "\" specified more than once");
    }
  }
  tables_.push_back(std::move(table));
}

void BindScope::AddMergedColumn(const std::string& name, const Expression& expr) {
  merged_.push_back({name, expr.Clone()});
}

void BindScope::Absorb(BindScope&& other) {
  for (auto& table : other.tables_) AddTable(std::move(table));
  for (auto& merged : other.merged_) merged_.push_back(std::move(merged));
  other.tables_.clear();
  other.merged_.clear();
}

bool BindScope::HasTable(const std::string& alias) const {
  for (const auto& table : tables_) {
    if (table.alias == alias) return true;
  }
  return false;
}

std::optional<BindScope::Resolved> BindScope::Lookup(const std::vector<std::string>& parts, SourceSpan span) const {
  if (parts.empty()) return std::nullopt;
  const std::string& column = parts.back();
  if (parts.size() == 1) {
    for (const auto& merged : merged_) {
      if (merged.name == column) return Resolved{merged.expr->Clone()};
    }
  }
  // With a qualifier, match the table alias (the last qualifier part: s.t.c → t).
  const std::string* qualifier = parts.size() >= 2 ? &parts[parts.size() - 2] : nullptr;
  std::optional<Resolved> found;
  for (const auto& table : tables_) {
    if (qualifier != nullptr && table.alias != *qualifier) continue;
    for (size_t i = 0; i < table.names.size(); ++i) {
      if (table.names[i] != column) continue;
      if (found) {
        throw Error(sqlstate::kAmbiguousColumn, "column reference \"" + column + "\" is ambiguous", span);
      }
      auto ref = std::make_unique<ColumnRefExpr>(table.types[i], table.bindings[i], column);
      ref->alias = column;
      found = Resolved{std::move(ref)};
    }
  }
  return found;
}

std::vector<std::pair<std::string, ExprPtr>> BindScope::Expand(const std::string& alias, SourceSpan span) const {
  std::vector<std::pair<std::string, ExprPtr>> columns;
  std::vector<std::string> merged_names;
  if (alias.empty()) {
    for (const auto& merged : merged_) {
      columns.emplace_back(merged.name, merged.expr->Clone());
      merged_names.push_back(merged.name);
    }
  }
  bool found_table = alias.empty();
  for (const auto& table : tables_) {
    if (!alias.empty() && table.alias != alias) continue;
    found_table = true;
    for (size_t i = 0; i < table.names.size(); ++i) {
      bool is_merged = false;
      for (const auto& name : merged_names) is_merged = is_merged || name == table.names[i];
      if (is_merged) continue;
      auto ref = std::make_unique<ColumnRefExpr>(table.types[i], table.bindings[i], table.names[i]);
      ref->alias = table.names[i];
      columns.emplace_back(table.names[i], std::move(ref));
    }
  }
  if (!found_table) {
    throw Error(sqlstate::kUndefinedTable, "missing FROM-clause entry for table \"" + alias + "\"", span);
  }
  return columns;
}

}  // namespace basin
