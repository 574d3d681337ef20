// src/function/scalar/row_executor.h
// Row loops for kernels of any arity, beside kernel_executor.h's unary and binary
// ones: string functions take two to four arguments, and most of them are NULL in,
// NULL out. Not a public header of the function library: scalar/ only.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "common/string_ref.h"
#include "common/vector.h"
#include "function/kernel_executor.h"
#include "function/scalar_function.h"

namespace basin {

// The value of `row` in a flat or constant vector.
template <class T>
const T& ArgValue(const Vector& vector, uint32_t row) {
  return vector.data<T>()[RowIndex(vector, row)];
}

inline std::string_view ArgText(const Vector& vector, uint32_t row) {
  return ArgValue<StringRef>(vector, row).view();
}

// Calls op(row) for each row in [0, count) whose arguments are all valid and marks
// the other rows NULL. `op` writes result row `row` itself (it may also SetNull).
template <class Op>
void ExecuteRows(const std::vector<const Vector*>& args, uint32_t count, Vector& result, Op&& op) {
  bool all_valid = true;
  for (const Vector* arg : args) {
    if (arg->is_constant()) {
      if (!arg->IsValid(0)) {
        for (uint32_t row = 0; row < count; ++row) result.SetNull(row);
        return;
      }
    } else if (!arg->validity().AllValid()) {
      all_valid = false;
    }
  }
  if (all_valid) {
    for (uint32_t row = 0; row < count; ++row) op(row);
    return;
  }
  for (uint32_t row = 0; row < count; ++row) {
    bool valid = true;
    for (const Vector* arg : args) valid = valid && arg->IsValid(row);
    if (valid) {
      op(row);
    } else {
      result.SetNull(row);
    }
  }
}

// Stores `text` as result row `row`, copying it into the result's heap when needed.
inline void SetText(Vector& result, uint32_t row, std::string_view text) {
  result.data<StringRef>()[row] = result.AddString(text);
}

// Stores a slice of an input string without copying it. REQUIRES: the kernel called
// result.KeepHeapsOf(input) for the input vector `slice` points into, so the bytes
// live as long as the result (a slice short enough to be inlined is copied anyway).
inline void SetSlice(Vector& result, uint32_t row, std::string_view slice) {
  result.data<StringRef>()[row] = StringRef(slice);
}

// The usual immutable, NULL-propagating overload.
inline ScalarFunction MakeScalar(std::string name, std::vector<LogicalType> arguments,
                                 LogicalType return_type, ScalarKernel kernel) {
  ScalarFunction function;
  function.name = std::move(name);
  function.arguments = std::move(arguments);
  function.return_type = return_type;
  function.kernel = std::move(kernel);
  return function;
}

using KernelArgs = std::vector<const Vector*>;

}  // namespace basin
