// src/function/scalar_function.h
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "common/batch.h"
#include "common/types.h"

namespace basin {

class TimeZone;

// Per-bind state a function may need at run time (a compiled regex, a scale
// factor, the session time zone). Built once when the query is bound, then shared
// read-only by every thread.
struct FunctionData {
  virtual ~FunctionData() = default;
};

// The data of every function that sets `uses_time_zone`: the session's TimeZone when
// the statement was bound, so kernels never look a zone up by name.
struct TimeZoneData : FunctionData {
  explicit TimeZoneData(const TimeZone* zone) : zone(zone) {}
  const TimeZone* zone;  // never null; zones live as long as the process
};

// The zone of a `uses_time_zone` function's kernel.
inline const TimeZone& SessionTimeZone(const FunctionData* data) {
  return *static_cast<const TimeZoneData*>(data)->zone;
}

// Evaluates a function over `count` rows. `args` holds one vector per argument
// (each flat or constant); `result` is a fresh flat vector of the return type.
// Kernels set the result's NULLs themselves; the executors of kernel_executor.h do
// it for the common NULL-in, NULL-out case and call the per-row code only on rows
// whose inputs are all valid (so no error is raised for a NULL row).
// Kernels must be thread-safe: they may run on many threads at once.
using ScalarKernel = std::function<void(const std::vector<const Vector*>& args, uint32_t count,
                                        const FunctionData* data, Vector& result)>;

enum class Volatility : uint8_t {
  kImmutable,  // same inputs, same result: may be folded at bind time
  kStable,     // fixed within a statement (now())
  kVolatile,   // may change per row (random())
};

struct BoundFunctionInfo;

// One overload of a scalar function.
struct ScalarFunction {
  std::string name;
  // Declared argument types. A kDecimal with precision 0 accepts any decimal; a
  // kNull argument type accepts anything (the bind callback then checks).
  std::vector<LogicalType> arguments;
  LogicalType return_type;
  ScalarKernel kernel;
  // When set, any number of trailing arguments of this type may follow.
  std::optional<LogicalType> varargs;
  // NULL in any argument gives NULL out (lets the optimizer fold and simplify).
  bool null_propagating = true;
  Volatility volatility = Volatility::kImmutable;
  // The result depends on the session's TimeZone (timestamptz output, extract, ...):
  // the binder passes a TimeZoneData as the kernel's data. A `bind` callback of such a
  // function must return no data of its own.
  bool uses_time_zone = false;
  // Optional: given the actual argument types (after implicit casts), computes the
  // result type (e.g. decimal precision) and run-time data. May throw a bind error.
  std::function<std::unique_ptr<FunctionData>(std::vector<LogicalType>& argument_types,
                                              LogicalType& return_type)>
      bind;
};

}  // namespace basin
