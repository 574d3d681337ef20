// bool_and, bool_or and every (the SQL standard's name for bool_and); bit_and, bit_or
// and bit_xor over smallint, integer and bigint. All ignore NULLs and give NULL when
// no row had a value, as PostgreSQL's do.
#include <string>

#include "function/aggregate/aggregate_state.h"
#include "function/function_registry.h"

namespace basin {

namespace {

using aggregate_state::At;
using aggregate_state::ForValidRows;

// The running fold of the values seen so far; meaningless until has_value.
template <class T>
struct FoldState {
  T value{};
  bool has_value = false;
};

// Registers `name(type) -> type` folding values with `op` (associative and
// commutative, so partial states of threads merge in any order).
template <class T, class Op>
void AddFold(FunctionRegistry& registry, const std::string& name, TypeId type, Op op) {
  using State = FoldState<T>;
  AggregateFunction function;
  function.name = name;
  function.arguments = {type};
  function.return_type = type;
  function.state_size = sizeof(State);
  function.initialize = aggregate_state::Init<State>;
  auto fold = [op](State& state, T value) {
    state.value = state.has_value ? op(state.value, value) : value;
    state.has_value = true;
  };
  function.update = [fold](const std::vector<const Vector*>& args, uint8_t** states, uint32_t count,
                           const FunctionData*) {
    const T* values = args[0]->data<T>();
    ForValidRows(*args[0], states, count,
                 [&](uint8_t* state, uint32_t row) { fold(At<State>(state), values[row]); });
  };
  function.combine = [fold](const uint8_t* source, uint8_t* target, const FunctionData*) {
    const State& from = At<State>(source);
    if (from.has_value) fold(At<State>(target), from.value);
  };
  function.finalize = [](uint8_t** states, uint32_t count, Vector& result, const FunctionData*) {
    for (uint32_t row = 0; row < count; ++row) {
      const State& state = At<State>(states[row]);
      if (state.has_value) {
        result.data<T>()[row] = state.value;
      } else {
        result.SetNull(row);
      }
    }
  };
  registry.AddAggregate(std::move(function));
}

template <class T>
void AddBitwise(FunctionRegistry& registry, TypeId type) {
  // Integer promotion makes a & b an int; the cast back loses nothing.
  AddFold<T>(registry, "bit_and", type, [](T a, T b) { return static_cast<T>(a & b); });
  AddFold<T>(registry, "bit_or", type, [](T a, T b) { return static_cast<T>(a | b); });
  AddFold<T>(registry, "bit_xor", type, [](T a, T b) { return static_cast<T>(a ^ b); });
}

}  // namespace

void RegisterBooleanBitwiseAggregates(FunctionRegistry& registry) {
  const auto both = [](bool a, bool b) { return a && b; };
  AddFold<bool>(registry, "bool_and", TypeId::kBoolean, both);
  AddFold<bool>(registry, "every", TypeId::kBoolean, both);
  AddFold<bool>(registry, "bool_or", TypeId::kBoolean, [](bool a, bool b) { return a || b; });
  AddBitwise<int16_t>(registry, TypeId::kSmallInt);
  AddBitwise<int32_t>(registry, TypeId::kInteger);
  AddBitwise<int64_t>(registry, TypeId::kBigInt);
}

}  // namespace basin
