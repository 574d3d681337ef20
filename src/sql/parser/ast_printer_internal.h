// src/sql/parser/ast_printer_internal.h
// Appenders shared by the print_*.cc files. Private to src/sql/parser/.
#pragma once

#include <string>
#include <vector>

#include "sql/parser/ast.h"

namespace basin::ast {

void AppendExpr(const Expr& expr, std::string& out);
void AppendExprList(const ExprList& list, std::string& out);
void AppendType(const TypeName& type, std::string& out);
void AppendOrderBy(const std::vector<OrderByItem>& items, std::string& out);
void AppendWindowSpec(const WindowSpec& spec, std::string& out);
void AppendQuery(const QueryNode& query, std::string& out);
void AppendTableRef(const TableRef& ref, std::string& out);
void AppendNames(const std::vector<std::string>& names, std::string& out);  // a, b
void AppendQualifiedName(const std::vector<std::string>& parts, std::string& out);
void AppendSelectItems(const std::vector<SelectItem>& items, std::string& out);

}  // namespace basin::ast
