// string_agg(value text, delimiter text): the non-NULL values, each preceded by its
// own row's delimiter except the first, as PostgreSQL does. A NULL delimiter adds
// nothing; a NULL value skips the row, delimiter included; no values give NULL.
//
// Order: values are concatenated in the order update() sees them, and partial states
// in the order combine() merges them: without ORDER BY in the call, as in PostgreSQL,
// the order is the input's and unspecified under parallel execution. With ORDER BY,
// the ordered-aggregate wrapper (function/ordered_aggregate.h) feeds values in order.
#include <memory>
#include <string>

#include "function/aggregate/aggregate_state.h"
#include "function/function_registry.h"

namespace basin {

namespace {

using aggregate_state::At;
using aggregate_state::PhysicalRow;

// The text is kept with the first value's delimiter in front (`prefix_length` bytes),
// as PostgreSQL 16 keeps it for parallel aggregation: when this state is appended to
// another by combine(), that delimiter is the one its first row would have added.
// finalize() drops it.
struct StringAggState {
  std::unique_ptr<std::string> text;  // null until the first non-NULL value
  size_t prefix_length = 0;
};

void Append(StringAggState& state, std::string_view value, const std::string_view* delimiter) {
  if (state.text == nullptr) {
    state.text = std::make_unique<std::string>();
    state.prefix_length = delimiter != nullptr ? delimiter->size() : 0;
  }
  if (delimiter != nullptr) state.text->append(*delimiter);
  state.text->append(value);
}

void Update(const std::vector<const Vector*>& args, uint8_t** states, uint32_t count) {
  const Vector& values = *args[0];
  const Vector& delimiters = *args[1];
  const StringRef* value_refs = values.data<StringRef>();
  const StringRef* delimiter_refs = delimiters.data<StringRef>();
  for (uint32_t row = 0; row < count; ++row) {
    if (!values.IsValid(row)) continue;
    const std::string_view value = value_refs[PhysicalRow(values, row)].view();
    if (delimiters.IsValid(row)) {
      const std::string_view delimiter = delimiter_refs[PhysicalRow(delimiters, row)].view();
      Append(At<StringAggState>(states[row]), value, &delimiter);
    } else {
      Append(At<StringAggState>(states[row]), value, nullptr);
    }
  }
}

void Combine(const StringAggState& from, StringAggState& to) {
  if (from.text == nullptr) return;
  if (to.text == nullptr) {
    to.text = std::make_unique<std::string>(*from.text);
    to.prefix_length = from.prefix_length;
    return;
  }
  to.text->append(*from.text);
}

}  // namespace

void RegisterStringAggAggregate(FunctionRegistry& registry) {
  AggregateFunction function;
  function.name = "string_agg";
  function.arguments = {TypeId::kVarchar, TypeId::kVarchar};
  function.return_type = TypeId::kVarchar;
  function.state_size = sizeof(StringAggState);
  function.initialize = aggregate_state::Init<StringAggState>;
  function.ignores_nulls = false;  // a NULL delimiter does not skip the row
  function.update = [](const std::vector<const Vector*>& args, uint8_t** states, uint32_t count,
                       const FunctionData*) { Update(args, states, count); };
  function.combine = [](const uint8_t* source, uint8_t* target, const FunctionData*) {
    Combine(At<StringAggState>(source), At<StringAggState>(target));
  };
  function.finalize = [](uint8_t** states, uint32_t count, Vector& result, const FunctionData*) {
    for (uint32_t row = 0; row < count; ++row) {
      const StringAggState& state = At<StringAggState>(states[row]);
      if (state.text == nullptr) {
        result.SetNull(row);
      } else {
        const std::string_view text = *state.text;
        result.data<StringRef>()[row] = result.AddString(text.substr(state.prefix_length));
      }
    }
  };
  // reset() rather than the destructor: a state destroyed twice stays harmless.
  function.destroy = [](uint8_t* state) { At<StringAggState>(state).text.reset(); };
  registry.AddAggregate(std::move(function));
}

}  // namespace basin
