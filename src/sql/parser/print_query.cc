// src/sql/parser/print_query.cc
// SQL text for queries and FROM items.
#include "sql/parser/ast_printer.h"
#include "sql/parser/ast_printer_internal.h"

namespace basin::ast {
namespace {

void AppendAlias(const TableRef& ref, std::string& out) {
  if (ref.alias.empty()) return;
  out += " AS " + QuoteIdentifier(ref.alias);
  if (!ref.column_aliases.empty()) {
    out += '(';
    AppendNames(ref.column_aliases, out);
    out += ')';
  }
}

// Set-operation operands keep their own parentheses unless they are plain cores.
void AppendSetOperand(const QueryNode& query, std::string& out) {
  const bool plain = query.kind != QueryKind::kSetOperation && !query.HasModifiers();
  if (!plain) out += '(';
  AppendQuery(query, out);
  if (!plain) out += ')';
}

void AppendSelect(const SelectNode& select, std::string& out) {
  out += "SELECT";
  if (select.distinct == DistinctKind::kDistinct) out += " DISTINCT";
  if (select.distinct == DistinctKind::kDistinctOn) {
    out += " DISTINCT ON (";
    AppendExprList(select.distinct_on, out);
    out += ')';
  }
  if (!select.select_list.empty()) {
    out += ' ';
    AppendSelectItems(select.select_list, out);
  }
  if (!select.from.empty()) {
    out += " FROM ";
    for (size_t i = 0; i < select.from.size(); ++i) {
      if (i > 0) out += ", ";
      AppendTableRef(*select.from[i], out);
    }
  }
  if (select.where) {
    out += " WHERE ";
    AppendExpr(*select.where, out);
  }
  if (select.group_by_all) out += " GROUP BY ALL";
  if (!select.group_by.empty()) {
    out += " GROUP BY ";
    AppendExprList(select.group_by, out);
  }
  if (select.having) {
    out += " HAVING ";
    AppendExpr(*select.having, out);
  }
  for (size_t i = 0; i < select.windows.size(); ++i) {
    out += i == 0 ? " WINDOW " : ", ";
    out += QuoteIdentifier(select.windows[i].name) + " AS ";
    AppendWindowSpec(select.windows[i].spec, out);
  }
}

}  // namespace

void AppendSelectItems(const std::vector<SelectItem>& items, std::string& out) {
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += ", ";
    AppendExpr(*items[i].expr, out);
    if (!items[i].alias.empty()) out += " AS " + QuoteIdentifier(items[i].alias);
  }
}

void AppendQuery(const QueryNode& query, std::string& out) {
  if (!query.ctes.empty()) {
    out += query.recursive ? "WITH RECURSIVE " : "WITH ";
    for (size_t i = 0; i < query.ctes.size(); ++i) {
      const CommonTableExpr& cte = query.ctes[i];
      if (i > 0) out += ", ";
      out += QuoteIdentifier(cte.name);
      if (!cte.columns.empty()) {
        out += '(';
        AppendNames(cte.columns, out);
        out += ')';
      }
      out += " AS ";
      if (cte.materialization == CteMaterialization::kMaterialized) out += "MATERIALIZED ";
      if (cte.materialization == CteMaterialization::kNotMaterialized) {
        out += "NOT MATERIALIZED ";
      }
      out += '(';
      AppendQuery(*cte.query, out);
      out += ')';
    }
    out += ' ';
  }
  switch (query.kind) {
    case QueryKind::kSelect:
      AppendSelect(query.As<SelectNode>(), out);
      break;
    case QueryKind::kSetOperation: {
      const auto& set = query.As<SetOperationNode>();
      AppendSetOperand(*set.left, out);
      out += set.op == SetOpKind::kUnion ? " UNION " : set.op == SetOpKind::kIntersect ? " INTERSECT " : " EXCEPT ";
      if (set.all) out += "ALL ";
      AppendSetOperand(*set.right, out);
      break;
    }
    case QueryKind::kValues: {
      const auto& values = query.As<ValuesNode>();
      out += "VALUES ";
      for (size_t i = 0; i < values.rows.size(); ++i) {
        if (i > 0) out += ", ";
        out += '(';
        AppendExprList(values.rows[i], out);
        out += ')';
      }
      break;
    }
  }
  if (!query.order_by.empty()) {
    out += " ORDER BY ";
    AppendOrderBy(query.order_by, out);
  }
  if (query.limit) {
    out += " LIMIT ";
    AppendExpr(*query.limit, out);
  }
  if (query.offset) {
    out += " OFFSET ";
    AppendExpr(*query.offset, out);
  }
}

void AppendTableRef(const TableRef& ref, std::string& out) {
  switch (ref.kind) {
    case TableRefKind::kBaseTable: {
      const auto& table = ref.As<BaseTableRef>();
      AppendQualifiedName(table.name, out);
      if (table.time_travel != TimeTravelKind::kNone) {
        out += table.time_travel == TimeTravelKind::kVersion ? " FOR VERSION AS OF "
                                                             : " FOR TIMESTAMP AS OF ";
        AppendExpr(*table.time_travel_value, out);
      }
      break;
    }
    case TableRefKind::kSubquery: {
      const auto& subquery = ref.As<SubqueryRef>();
      if (subquery.lateral) out += "LATERAL ";
      out += '(';
      AppendQuery(*subquery.query, out);
      out += ')';
      break;
    }
    case TableRefKind::kJoin: {
      const auto& join = ref.As<JoinRef>();
      if (!join.alias.empty()) out += '(';
      AppendTableRef(*join.left, out);
      out += ' ';
      if (join.natural) out += "NATURAL ";
      switch (join.join_type) {
        case JoinType::kInner: out += "JOIN "; break;
        case JoinType::kLeft: out += "LEFT JOIN "; break;
        case JoinType::kRight: out += "RIGHT JOIN "; break;
        case JoinType::kFull: out += "FULL JOIN "; break;
        case JoinType::kCross: out += "CROSS JOIN "; break;
      }
      const bool nested = join.right->Is<JoinRef>() && join.right->alias.empty();
      if (nested) out += '(';
      AppendTableRef(*join.right, out);
      if (nested) out += ')';
      if (join.condition) {
        out += " ON ";
        AppendExpr(*join.condition, out);
      } else if (!join.using_columns.empty()) {
        out += " USING (";
        AppendNames(join.using_columns, out);
        out += ')';
        if (!join.using_alias.empty()) out += " AS " + QuoteIdentifier(join.using_alias);
      }
      if (!join.alias.empty()) out += ')';
      break;
    }
    case TableRefKind::kTableFunction: {
      const auto& function = ref.As<TableFunctionRef>();
      if (function.lateral) out += "LATERAL ";
      AppendExpr(*function.function, out);
      if (function.with_ordinality) out += " WITH ORDINALITY";
      break;
    }
    case TableRefKind::kFile:
      out += QuoteString(ref.As<FileRef>().path);
      break;
  }
  AppendAlias(ref, out);
}

std::string ToSql(const QueryNode& query) {
  std::string out;
  AppendQuery(query, out);
  return out;
}

std::string ToSql(const TableRef& ref) {
  std::string out;
  AppendTableRef(ref, out);
  return out;
}

}  // namespace basin::ast
