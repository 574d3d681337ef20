// src/main/statement_executor.h
#pragma once

#include <string>

#include "main/database.h"
#include "sql/parser/ast.h"

namespace basin {

// Runs one parsed statement of `sql` on `connection`.
QueryResult ExecuteStatement(Connection& connection, const ast::Statement& statement, const std::string& sql);

}  // namespace basin
