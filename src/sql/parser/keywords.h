// src/sql/parser/keywords.h
#pragma once

#include <string_view>

namespace basin::ast {

// PostgreSQL's keyword categories decide where a word may be used as a name.
enum class KeywordCategory {
  kNone,          // not a keyword: an ordinary identifier
  kUnreserved,    // usable as any name
  kColumnName,    // usable as a column/table name, not as a function or type name
  kTypeFuncName,  // usable as a function or type name, not as a column/table name
  kReserved,      // usable only after AS (as a column label) or quoted
};

// Category of an unquoted, lower-cased word. Only keywords whose category or label
// status matters to the grammar are listed: unreserved keywords that may be bare
// column labels behave exactly like identifiers, so they are kNone here (the grammar
// still recognizes words like ROWS or FIRST by their text where it expects them).
KeywordCategory KeywordCategoryOf(std::string_view word);

// True if `word` may follow a select-list expression as an alias without AS
// (PostgreSQL's BARE_LABEL status): identifiers and most keywords.
bool IsBareLabel(std::string_view word);

}  // namespace basin::ast
