// count, sum, avg, min and max, with PostgreSQL's result types: sum(integer) is
// bigint, sum(bigint) and sum/avg of decimals are numeric, avg(integer) is numeric.
#include <cstring>
#include <new>
#include <string>

#include "common/error.h"
#include "function/comparison.h"
#include "function/aggregate/aggregate_state.h"
#include "function/decimal_access.h"
#include "function/function_registry.h"

namespace basin {

namespace {

// Scale of avg() results: numeric division keeps at least 16 fractional digits.
constexpr uint8_t kAvgScale = 16;

// ---- count ----
void AddCount(FunctionRegistry& registry) {
  auto make = [](std::vector<LogicalType> arguments) {
    AggregateFunction function;
    function.name = "count";
    function.arguments = std::move(arguments);
    function.return_type = TypeId::kBigInt;
    function.state_size = sizeof(int64_t);
    function.initialize = aggregate_state::Init<int64_t>;
    const bool star = function.arguments.empty();
    function.update = [star](const std::vector<const Vector*>& args, uint8_t** states,
                             uint32_t count, const FunctionData*) {
      if (star) {
        for (uint32_t row = 0; row < count; ++row) ++aggregate_state::At<int64_t>(states[row]);
        return;
      }
      aggregate_state::ForValidRows(*args[0], states, count, [](uint8_t* state, uint32_t) { ++aggregate_state::At<int64_t>(state); });
    };
    function.combine = [](const uint8_t* source, uint8_t* target, const FunctionData*) {
      aggregate_state::At<int64_t>(target) += aggregate_state::At<int64_t>(const_cast<uint8_t*>(source));
    };
    function.finalize = [](uint8_t** states, uint32_t count, Vector& result, const FunctionData*) {
      for (uint32_t row = 0; row < count; ++row) result.data<int64_t>()[row] = aggregate_state::At<int64_t>(states[row]);
    };
    return function;
  };
  registry.AddAggregate(make({}));                  // count(*)
  registry.AddAggregate(make({TypeId::kNull}));     // count(x) of any type
}

// ---- sum and avg over integers and decimals: exact, in int128 ----
struct ExactSumState {
  int128_t sum = 0;
  int64_t count = 0;
};

int128_t ReadExact(const Vector& input, uint32_t row) {
  switch (input.type().id()) {
    case TypeId::kSmallInt:
      return input.data<int16_t>()[row];
    case TypeId::kInteger:
      return input.data<int32_t>()[row];
    case TypeId::kBigInt:
      return input.data<int64_t>()[row];
    default:
      return ReadDecimal(input, row);
  }
}

struct AvgData : FunctionData {
  int128_t multiplier = 1;  // from the input scale to the result scale
};

void AddExactSumAndAvg(FunctionRegistry& registry, LogicalType input, bool is_avg) {
  AggregateFunction function;
  function.name = is_avg ? "avg" : "sum";
  function.arguments = {input};
  function.state_size = sizeof(ExactSumState);
  function.initialize = aggregate_state::Init<ExactSumState>;
  function.bind = [is_avg](std::vector<LogicalType>& types, LogicalType& return_type) {
    const LogicalType& type = types[0];
    auto data = std::make_unique<AvgData>();
    const uint8_t scale = type.id() == TypeId::kDecimal ? type.scale() : 0;
    if (is_avg) {
      const uint8_t result_scale = scale > kAvgScale ? scale : kAvgScale;
      return_type = LogicalType::Decimal(kMaxDecimalPrecision, result_scale);
      data->multiplier = PowerOfTen(result_scale - scale);
    } else if (type.id() == TypeId::kSmallInt || type.id() == TypeId::kInteger) {
      return_type = TypeId::kBigInt;
    } else {
      return_type = LogicalType::Decimal(kMaxDecimalPrecision, scale);
    }
    return std::unique_ptr<FunctionData>(std::move(data));
  };
  function.update = [](const std::vector<const Vector*>& args, uint8_t** states, uint32_t count,
                       const FunctionData*) {
    const Vector& values = *args[0];
    aggregate_state::ForValidRows(values, states, count, [&values](uint8_t* state, uint32_t row) {
      auto& sum = aggregate_state::At<ExactSumState>(state);
      if (__builtin_add_overflow(sum.sum, ReadExact(values, row), &sum.sum)) {
        throw Error(sqlstate::kNumericOutOfRange, "numeric field overflow in sum");
      }
      ++sum.count;
    });
  };
  function.combine = [](const uint8_t* source, uint8_t* target, const FunctionData*) {
    const auto& from = aggregate_state::At<ExactSumState>(const_cast<uint8_t*>(source));
    auto& to = aggregate_state::At<ExactSumState>(target);
    if (__builtin_add_overflow(to.sum, from.sum, &to.sum)) {
      throw Error(sqlstate::kNumericOutOfRange, "numeric field overflow in sum");
    }
    to.count += from.count;
  };
  function.finalize = [is_avg](uint8_t** states, uint32_t count, Vector& result,
                               const FunctionData* data) {
    const auto& avg_data = static_cast<const AvgData&>(*data);
    for (uint32_t row = 0; row < count; ++row) {
      const auto& state = aggregate_state::At<ExactSumState>(states[row]);
      if (state.count == 0) {
        result.SetNull(row);
        continue;
      }
      if (!is_avg) {
        if (result.type().id() == TypeId::kBigInt) {
          if (state.sum > INT64_MAX || state.sum < INT64_MIN) {
            throw Error(sqlstate::kNumericOutOfRange, "bigint out of range");
          }
          result.data<int64_t>()[row] = static_cast<int64_t>(state.sum);
        } else {
          WriteDecimal(result, row, state.sum);
        }
        continue;
      }
      int128_t scaled;
      if (__builtin_mul_overflow(state.sum, avg_data.multiplier, &scaled)) {
        throw Error(sqlstate::kNumericOutOfRange, "numeric field overflow in avg");
      }
      int128_t quotient = scaled / state.count;
      int128_t remainder = scaled % state.count;
      if (remainder < 0) remainder = -remainder;
      if (remainder * 2 >= state.count) quotient += scaled < 0 ? -1 : 1;
      WriteDecimal(result, row, quotient);
    }
  };
  registry.AddAggregate(std::move(function));
}

// ---- sum and avg over floating point ----
struct FloatSumState {
  double sum = 0;
  int64_t count = 0;
};

template <class T>
void AddFloatSumAndAvg(FunctionRegistry& registry, TypeId input, bool is_avg) {
  AggregateFunction function;
  function.name = is_avg ? "avg" : "sum";
  function.arguments = {input};
  function.return_type = is_avg ? TypeId::kDouble : input;
  function.state_size = sizeof(FloatSumState);
  function.initialize = aggregate_state::Init<FloatSumState>;
  function.update = [](const std::vector<const Vector*>& args, uint8_t** states, uint32_t count,
                       const FunctionData*) {
    const T* values = args[0]->data<T>();
    aggregate_state::ForValidRows(*args[0], states, count, [values](uint8_t* state, uint32_t row) {
      auto& sum = aggregate_state::At<FloatSumState>(state);
      sum.sum += values[row];
      ++sum.count;
    });
  };
  function.combine = [](const uint8_t* source, uint8_t* target, const FunctionData*) {
    const auto& from = aggregate_state::At<FloatSumState>(const_cast<uint8_t*>(source));
    auto& to = aggregate_state::At<FloatSumState>(target);
    to.sum += from.sum;
    to.count += from.count;
  };
  function.finalize = [is_avg](uint8_t** states, uint32_t count, Vector& result, const FunctionData*) {
    for (uint32_t row = 0; row < count; ++row) {
      const auto& state = aggregate_state::At<FloatSumState>(states[row]);
      if (state.count == 0) {
        result.SetNull(row);
      } else if (is_avg) {
        result.data<double>()[row] = state.sum / static_cast<double>(state.count);
      } else {
        result.data<T>()[row] = static_cast<T>(state.sum);
      }
    }
  };
  registry.AddAggregate(std::move(function));
}

// ---- min and max over fixed-width types ----
template <class T>
struct ExtremeState {
  T value{};
  bool has_value = false;
};

template <class T>
int CompareForExtreme(const T& a, const T& b) {
  if constexpr (std::is_same_v<T, Interval>) {
    const int128_t x = IntervalSortKey(a), y = IntervalSortKey(b);
    return x < y ? -1 : (x > y ? 1 : 0);
  } else {
    return a < b ? -1 : (b < a ? 1 : 0);
  }
}

template <class T>
void AddFixedExtreme(FunctionRegistry& registry, LogicalType type, bool is_max) {
  AggregateFunction function;
  function.name = is_max ? "max" : "min";
  function.arguments = {type};
  function.return_type = type;
  function.state_size = sizeof(ExtremeState<T>);
  function.initialize = aggregate_state::Init<ExtremeState<T>>;
  auto fold = [is_max](ExtremeState<T>& state, const T& value) {
    if (!state.has_value || (CompareForExtreme(value, state.value) > 0) == is_max) {
      if (!state.has_value || CompareForExtreme(value, state.value) != 0) state.value = value;
      state.has_value = true;
    }
  };
  function.update = [fold](const std::vector<const Vector*>& args, uint8_t** states, uint32_t count,
                           const FunctionData*) {
    const T* values = args[0]->data<T>();
    aggregate_state::ForValidRows(*args[0], states, count, [&](uint8_t* state, uint32_t row) {
      fold(aggregate_state::At<ExtremeState<T>>(state), values[row]);
    });
  };
  function.combine = [fold](const uint8_t* source, uint8_t* target, const FunctionData*) {
    const auto& from = aggregate_state::At<ExtremeState<T>>(const_cast<uint8_t*>(source));
    if (from.has_value) fold(aggregate_state::At<ExtremeState<T>>(target), from.value);
  };
  function.finalize = [](uint8_t** states, uint32_t count, Vector& result, const FunctionData*) {
    for (uint32_t row = 0; row < count; ++row) {
      const auto& state = aggregate_state::At<ExtremeState<T>>(states[row]);
      if (state.has_value) {
        result.data<T>()[row] = state.value;
      } else {
        result.SetNull(row);
      }
    }
  };
  registry.AddAggregate(std::move(function));
}

// ---- min and max over decimals of either width, kept as int128 ----
void AddDecimalExtreme(FunctionRegistry& registry, bool is_max) {
  using State = ExtremeState<int128_t>;
  AggregateFunction function;
  function.name = is_max ? "max" : "min";
  function.arguments = {LogicalType::Decimal(0, 0)};
  function.return_type = LogicalType::Decimal(0, 0);
  function.bind = [](std::vector<LogicalType>& types, LogicalType& return_type) {
    return_type = types[0];
    return std::unique_ptr<FunctionData>();
  };
  function.state_size = sizeof(State);
  function.initialize = aggregate_state::Init<State>;
  auto fold = [is_max](State& state, int128_t value) {
    if (!state.has_value || (is_max ? value > state.value : value < state.value)) state.value = value;
    state.has_value = true;
  };
  function.update = [fold](const std::vector<const Vector*>& args, uint8_t** states, uint32_t count,
                           const FunctionData*) {
    aggregate_state::ForValidRows(*args[0], states, count, [&](uint8_t* state, uint32_t row) {
      fold(aggregate_state::At<State>(state), ReadDecimal(*args[0], row));
    });
  };
  function.combine = [fold](const uint8_t* source, uint8_t* target, const FunctionData*) {
    const auto& from = aggregate_state::At<State>(const_cast<uint8_t*>(source));
    if (from.has_value) fold(aggregate_state::At<State>(target), from.value);
  };
  function.finalize = [](uint8_t** states, uint32_t count, Vector& result, const FunctionData*) {
    for (uint32_t row = 0; row < count; ++row) {
      const auto& state = aggregate_state::At<State>(states[row]);
      if (state.has_value) {
        WriteDecimal(result, row, state.value);
      } else {
        result.SetNull(row);
      }
    }
  };
  registry.AddAggregate(std::move(function));
}

// ---- min and max over strings: the state owns a copy of the current extreme ----
struct StringExtremeState {
  std::string* value = nullptr;
};

void AddStringExtreme(FunctionRegistry& registry, bool is_max) {
  AggregateFunction function;
  function.name = is_max ? "max" : "min";
  function.arguments = {TypeId::kVarchar};
  function.return_type = TypeId::kVarchar;
  function.state_size = sizeof(StringExtremeState);
  function.initialize = aggregate_state::Init<StringExtremeState>;
  auto fold = [is_max](StringExtremeState& state, std::string_view value) {
    if (state.value == nullptr) {
      state.value = new std::string(value);  // freed by destroy
    } else {
      const int cmp = value.compare(*state.value);
      if (is_max ? cmp > 0 : cmp < 0) state.value->assign(value);
    }
  };
  function.update = [fold](const std::vector<const Vector*>& args, uint8_t** states, uint32_t count,
                           const FunctionData*) {
    const StringRef* values = args[0]->data<StringRef>();
    aggregate_state::ForValidRows(*args[0], states, count, [&](uint8_t* state, uint32_t row) {
      fold(aggregate_state::At<StringExtremeState>(state), values[row].view());
    });
  };
  function.combine = [fold](const uint8_t* source, uint8_t* target, const FunctionData*) {
    const auto& from = aggregate_state::At<StringExtremeState>(const_cast<uint8_t*>(source));
    if (from.value != nullptr) fold(aggregate_state::At<StringExtremeState>(target), *from.value);
  };
  function.finalize = [](uint8_t** states, uint32_t count, Vector& result, const FunctionData*) {
    for (uint32_t row = 0; row < count; ++row) {
      const auto& state = aggregate_state::At<StringExtremeState>(states[row]);
      if (state.value != nullptr) {
        result.data<StringRef>()[row] = result.AddString(*state.value);
      } else {
        result.SetNull(row);
      }
    }
  };
  function.destroy = [](uint8_t* state) {
    delete aggregate_state::At<StringExtremeState>(state).value;
    aggregate_state::At<StringExtremeState>(state).value = nullptr;
  };
  registry.AddAggregate(std::move(function));
}

}  // namespace

void RegisterBasicAggregates(FunctionRegistry& registry) {
  AddCount(registry);
  for (bool is_avg : {false, true}) {
    for (LogicalType type : {LogicalType(TypeId::kSmallInt), LogicalType(TypeId::kInteger),
                             LogicalType(TypeId::kBigInt), LogicalType::Decimal(0, 0)}) {
      AddExactSumAndAvg(registry, type, is_avg);
    }
    AddFloatSumAndAvg<float>(registry, TypeId::kReal, is_avg);
    AddFloatSumAndAvg<double>(registry, TypeId::kDouble, is_avg);
  }
  for (bool is_max : {false, true}) {
    AddFixedExtreme<bool>(registry, TypeId::kBoolean, is_max);
    AddFixedExtreme<int16_t>(registry, TypeId::kSmallInt, is_max);
    AddFixedExtreme<int32_t>(registry, TypeId::kInteger, is_max);
    AddFixedExtreme<int64_t>(registry, TypeId::kBigInt, is_max);
    AddFixedExtreme<float>(registry, TypeId::kReal, is_max);
    AddFixedExtreme<double>(registry, TypeId::kDouble, is_max);
    AddFixedExtreme<int32_t>(registry, TypeId::kDate, is_max);
    AddFixedExtreme<int64_t>(registry, TypeId::kTime, is_max);
    AddFixedExtreme<int64_t>(registry, TypeId::kTimestamp, is_max);
    AddFixedExtreme<int64_t>(registry, TypeId::kTimestampTz, is_max);
    AddFixedExtreme<Interval>(registry, TypeId::kInterval, is_max);
    AddStringExtreme(registry, is_max);
  }
  for (bool is_max : {false, true}) AddDecimalExtreme(registry, is_max);
}

}  // namespace basin
