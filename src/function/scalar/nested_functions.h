// src/function/scalar/nested_functions.h
// Run-time data of the LIST and STRUCT functions that the binder builds directly
// (field access, ANY/ALL over arrays): their parameters come from the query text, not
// from argument types.
#pragma once

#include <cstddef>

#include "exec/expression.h"
#include "function/scalar_function.h"

namespace basin {

// struct_extract: which field.
struct FieldIndexData : FunctionData {
  explicit FieldIndexData(size_t index) : index(index) {}
  size_t index;
};

// list_any_compare: `left op ANY(list)`, or ALL when `all`.
struct ListCompareData : FunctionData {
  ListCompareData(CompareOp op, bool all) : op(op), all(all) {}
  CompareOp op;
  bool all;
};

}  // namespace basin
