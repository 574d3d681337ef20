// src/sql/parser/parser.h
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "sql/parser/ast.h"

namespace basin::ast {

// How deeply statements may nest (parentheses, subqueries, operator chains), so that
// hostile input cannot exhaust the stack of the parser, the printer or the binder.
inline constexpr uint32_t kMaxParseDepth = 1000;

// Parses semicolon-separated statements (empty statements are skipped). Each
// Statement's span covers its own text. Throws basin::Error with SQLSTATE 42601 and
// PostgreSQL's messages (`syntax error at or near "X"`, `syntax error at end of
// input`) and the span of the offending token; 54001 when nesting is too deep.
std::vector<std::unique_ptr<Statement>> ParseStatements(const std::string& sql);

// Parses exactly one expression (the whole text must be consumed).
std::unique_ptr<Expr> ParseExpression(const std::string& sql);

// Parses exactly one type name, e.g. "numeric(10, 2)" or "varchar[]".
TypeName ParseTypeName(const std::string& sql);

}  // namespace basin::ast
