// src/sql/parser/ast.h
// The whole syntax tree: expressions, queries and table references, statements.
// Nodes are plain structs owned through unique_ptr; downcast with node.As<T>() after
// checking node.kind (or node.Is<T>()).
#pragma once

#include "sql/parser/ast_expression.h"  // IWYU pragma: export
#include "sql/parser/ast_query.h"       // IWYU pragma: export
#include "sql/parser/ast_statement.h"   // IWYU pragma: export
#include "sql/parser/ast_type.h"        // IWYU pragma: export
