// src/main/copy_statement.h
#pragma once

#include "main/database.h"
#include "sql/binder/binder.h"
#include "sql/parser/ast_statement.h"

namespace basin {

// Runs COPY t [(cols)] FROM 'file', COPY t [(cols)] TO 'file' and COPY (query) TO
// 'file' in the csv or text format, with PostgreSQL 15's semantics: unlisted
// columns take their defaults, NOT NULL is checked, and a failing COPY FROM leaves
// the table unchanged (rows are appended only once the whole file converted).
// Returns the tag "COPY n". STDIN and STDOUT go through the connection's copy
// streams (copy_stream.h); COPY FROM STDIN reads all the data before converting it.
QueryResult ExecuteCopy(Connection& connection, BindContext& bind_context,
                        const ast::CopyStatement& copy);

}  // namespace basin
