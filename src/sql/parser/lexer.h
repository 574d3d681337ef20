// src/sql/parser/lexer.h
#pragma once

#include <string>
#include <vector>

#include "sql/parser/token.h"

namespace basin::ast {

// Splits SQL text into tokens following PostgreSQL's lexical rules: unquoted words
// fold to lower case, "quoted" identifiers keep case, strings in '', E'', $$ and
// $tag$ quoting are decoded, and adjacent '' literals separated by a newline
// concatenate. Comments (-- and nested /* */) are dropped.
//
// The result always ends with one kEnd token. Throws basin::Error (42601) with the
// span of the offending text on malformed input, e.g. an unterminated string.
std::vector<Token> Tokenize(const std::string& sql);

}  // namespace basin::ast
