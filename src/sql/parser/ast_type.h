// src/sql/parser/ast_type.h
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "common/error.h"

namespace basin::ast {

// A type as written in SQL, with synonyms folded to one canonical name so that the
// binder maps names, not spellings, to engine types:
//   boolean, smallint, integer, bigint, real, double, numeric, varchar, char, date,
//   time, timetz, timestamp, timestamptz, interval, bytea, json, jsonb, uuid,
//   list, struct, map, vector; any other name is kept as written (lower case,
//   dot-joined if qualified) for the binder to reject or resolve.
struct TypeName {
  std::string name;
  // Parenthesized modifiers: numeric(p, s), varchar(n), timestamp(p), vector(n).
  std::vector<int64_t> modifiers;
  // Number of [] suffixes: integer[][] has 2.
  int array_dims = 0;
  // interval only: the field restriction, e.g. "month" or "year to month"; may be
  // followed by a precision in `modifiers` for "second(p)".
  std::string interval_fields;
  // list(T): one child. map(K, V): two. struct(a T, ...): one per field.
  std::vector<TypeName> children;
  // struct only: field names, parallel to `children`.
  std::vector<std::string> field_names;
  SourceSpan span;
};

}  // namespace basin::ast
