// src/function/aggregate_function.h
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "common/types.h"
#include "common/vector.h"
#include "function/scalar_function.h"

namespace basin {

// An aggregate is a fixed-size state per group plus four operations. States live in
// hash-table rows or in a thread's local state, so their layout is the function's
// business: the engine only knows size and alignment.
struct AggregateFunction {
  std::string name;
  std::vector<LogicalType> arguments;  // same conventions as ScalarFunction
  LogicalType return_type;
  uint32_t state_size = 0;

  // Sets a state to "no rows seen".
  std::function<void(uint8_t* state)> initialize;
  // Folds rows [0, count) of `args` into states[row] (several rows may share a
  // state). Rows with a NULL argument are skipped unless `ignores_nulls` is false.
  std::function<void(const std::vector<const Vector*>& args, uint8_t** states, uint32_t count,
                     const FunctionData* data)>
      update;
  // Merges `source` into `target` (partial aggregates of two threads).
  std::function<void(const uint8_t* source, uint8_t* target, const FunctionData* data)> combine;
  // Writes the result of states[i] into row i of `result` (i < count).
  std::function<void(uint8_t** states, uint32_t count, Vector& result, const FunctionData* data)>
      finalize;
  // Frees what a state owns (strings, lists). Optional.
  std::function<void(uint8_t* state)> destroy;

  bool ignores_nulls = true;
  // Computes the return type and data from the actual argument types (decimal
  // scales, for instance). Optional.
  std::function<std::unique_ptr<FunctionData>(std::vector<LogicalType>& argument_types,
                                              LogicalType& return_type)>
      bind;
};

}  // namespace basin
