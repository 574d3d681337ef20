// array_agg(value): the input values, NULLs included, as a list; NULL when there
// are no rows. As with string_agg, the order is the input's unless the call has
// ORDER BY (then the ordered-aggregate wrapper feeds the values in order).
#include <algorithm>
#include <memory>

#include "common/error.h"
#include "function/aggregate/aggregate_state.h"
#include "function/function_registry.h"

namespace basin {

namespace {

using aggregate_state::At;
using aggregate_state::PhysicalRow;

// The values collected so far, in a vector of the element type that grows as rows
// arrive.
struct ArrayAggState {
  std::unique_ptr<Vector> values;  // null until the first row
  uint32_t count = 0;
};

void Append(ArrayAggState& state, const Vector& source, const uint32_t* rows, uint32_t count) {
  if (state.values == nullptr) state.values = std::make_unique<Vector>(source.type(), std::max(count, 8u));
  const uint64_t needed = uint64_t{state.count} + count;
  if (needed > UINT32_MAX) throw Error(sqlstate::kOutOfMemory, "array_agg collects more than 4 billion values");
  if (needed > state.values->capacity()) {
    state.values->Grow(static_cast<uint32_t>(std::min<uint64_t>(UINT32_MAX, std::max<uint64_t>(needed, uint64_t{state.values->capacity()} * 2))));
  }
  CopyRows(source, rows, count, *state.values, state.count);
  state.count = static_cast<uint32_t>(needed);
}

}  // namespace

void RegisterArrayAggAggregate(FunctionRegistry& registry) {
  AggregateFunction function;
  function.name = "array_agg";
  function.arguments = {TypeId::kNull};
  function.state_size = sizeof(ArrayAggState);
  function.initialize = aggregate_state::Init<ArrayAggState>;
  function.ignores_nulls = false;  // PostgreSQL keeps NULL elements
  function.update = [](const std::vector<const Vector*>& args, uint8_t** states, uint32_t count, const FunctionData*) {
    const Vector& values = *args[0];
    for (uint32_t row = 0; row < count; ++row) {
      const uint32_t physical = PhysicalRow(values, row);
      Append(At<ArrayAggState>(states[row]), values, &physical, 1);
    }
  };
  function.combine = [](const uint8_t* source, uint8_t* target, const FunctionData*) {
    const ArrayAggState& from = At<ArrayAggState>(source);
    if (from.values == nullptr) return;
    Append(At<ArrayAggState>(target), *from.values, nullptr, from.count);
  };
  function.finalize = [](uint8_t** states, uint32_t count, Vector& result, const FunctionData*) {
    for (uint32_t row = 0; row < count; ++row) {
      const ArrayAggState& state = At<ArrayAggState>(states[row]);
      if (state.values == nullptr) {
        result.SetNull(row);
        continue;
      }
      const uint32_t first = result.AppendListElements(state.count);
      CopyRows(*state.values, nullptr, state.count, result.child(), first);
      result.data<ListEntry>()[row] = ListEntry{first, state.count};
    }
  };
  function.destroy = [](uint8_t* state) { At<ArrayAggState>(state).values.reset(); };
  function.bind = [](std::vector<LogicalType>& types, LogicalType& return_type) -> std::unique_ptr<FunctionData> {
    if (types[0].id() == TypeId::kNull) types[0] = TypeId::kVarchar;  // array_agg(NULL): PostgreSQL says text[]
    return_type = LogicalType::List(types[0]);
    return nullptr;
  };
  registry.AddAggregate(std::move(function));
}

}  // namespace basin
