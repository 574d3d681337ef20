// src/sql/parser/ast_printer.h
// Renders syntax trees back to SQL. Output is fully parenthesized where precedence
// matters and re-parses to an identical tree, so Parse(Print(Parse(x))) prints the
// same text as Print(Parse(x)). Used by tests, the fuzzer, EXPLAIN and stored views.
#pragma once

#include <string>
#include <string_view>

#include "sql/parser/ast.h"

namespace basin::ast {

std::string ToSql(const Expr& expr);
std::string ToSql(const QueryNode& query);
std::string ToSql(const TableRef& ref);
std::string ToSql(const Statement& statement);
std::string ToSql(const TypeName& type);

// "name" if it needs quoting (upper case, special characters, reserved words), else name.
std::string QuoteIdentifier(std::string_view name);
// 'text' with embedded quotes doubled (standard_conforming_strings).
std::string QuoteString(std::string_view text);

}  // namespace basin::ast
