// src/sql/parser/ast.cc
// Out-of-line members of nodes that own a QueryNode, which ast_expression.h only
// forward-declares.
#include "sql/parser/ast.h"

namespace basin::ast {

SubqueryExpr::SubqueryExpr() : Expr(kKind) {}
SubqueryExpr::~SubqueryExpr() = default;

SubqueryRef::SubqueryRef() : TableRef(kKind) {}
SubqueryRef::~SubqueryRef() = default;

}  // namespace basin::ast
