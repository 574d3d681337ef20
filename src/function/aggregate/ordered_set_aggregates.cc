// percentile_cont, percentile_disc and mode: PostgreSQL's ordered-set aggregates.
// They are only called through the ordered wrapper (function/ordered_aggregate.h),
// which feeds each group's rows in WITHIN GROUP order; so these states just keep
// the values in arrival order and pick from them at finalize. Their first argument
// is the direct argument (the fraction), the last the ordered value.
#include <cmath>
#include <memory>
#include <string>
#include <vector>

#include "common/error.h"
#include "common/value.h"
#include "function/aggregate/aggregate_state.h"
#include "function/function_registry.h"

namespace basin {

namespace {

using aggregate_state::At;
using aggregate_state::PhysicalRow;

struct CollectedValues {
  std::unique_ptr<std::vector<Value>> values;
  double fraction = 0;
};

double CheckedFraction(const Vector& fractions, uint32_t row) {
  if (!fractions.IsValid(row)) return std::nan("");
  const double fraction = fractions.data<double>()[PhysicalRow(fractions, row)];
  if (!(fraction >= 0 && fraction <= 1)) {
    throw Error(sqlstate::kNumericOutOfRange, "percentile value " + Value::Double(fraction).ToString() +
                                                  " is not between 0 and 1");
  }
  return fraction;
}

// Keeps the non-NULL values of the last argument; the fraction (if any) of the first.
void Collect(const std::vector<const Vector*>& args, uint8_t** states, uint32_t count, bool has_fraction) {
  const Vector& values = *args.back();
  for (uint32_t row = 0; row < count; ++row) {
    auto& state = At<CollectedValues>(states[row]);
    if (has_fraction) state.fraction = CheckedFraction(*args[0], row);
    if (!values.IsValid(row)) continue;
    if (state.values == nullptr) state.values = std::make_unique<std::vector<Value>>();
    state.values->push_back(values.GetValue(row));
  }
}

AggregateFunction MakeCollecting(std::string name, std::vector<LogicalType> arguments, LogicalType return_type,
                                 bool has_fraction) {
  AggregateFunction function;
  function.name = std::move(name);
  function.arguments = std::move(arguments);
  function.return_type = return_type;
  function.state_size = sizeof(CollectedValues);
  function.initialize = aggregate_state::Init<CollectedValues>;
  function.ignores_nulls = false;
  function.update = [has_fraction](const std::vector<const Vector*>& args, uint8_t** states, uint32_t count,
                                   const FunctionData*) { Collect(args, states, count, has_fraction); };
  function.combine = [](const uint8_t* source, uint8_t* target, const FunctionData*) {
    auto& from = At<CollectedValues>(const_cast<uint8_t*>(source));
    auto& to = At<CollectedValues>(target);
    to.fraction = from.fraction;
    if (from.values == nullptr) return;
    if (to.values == nullptr) to.values = std::make_unique<std::vector<Value>>();
    to.values->insert(to.values->end(), from.values->begin(), from.values->end());
  };
  function.destroy = [](uint8_t* state) { At<CollectedValues>(state).~CollectedValues(); };
  return function;
}

void AddPercentileCont(FunctionRegistry& registry) {
  AggregateFunction function =
      MakeCollecting("percentile_cont", {TypeId::kDouble, TypeId::kDouble}, TypeId::kDouble, true);
  function.finalize = [](uint8_t** states, uint32_t count, Vector& result, const FunctionData*) {
    for (uint32_t row = 0; row < count; ++row) {
      const auto& state = At<CollectedValues>(states[row]);
      if (state.values == nullptr || std::isnan(state.fraction)) {
        result.SetNull(row);
        continue;
      }
      const auto& values = *state.values;
      const double position = state.fraction * static_cast<double>(values.size() - 1);
      const size_t first = static_cast<size_t>(std::floor(position));
      const size_t second = static_cast<size_t>(std::ceil(position));
      const double low = values[first].GetDouble();
      const double high = values[second].GetDouble();
      result.data<double>()[row] = first == second ? low : low + (position - static_cast<double>(first)) * (high - low);
    }
  };
  registry.AddAggregate(std::move(function));
}

// Returns the type of the ordered value (the last argument).
std::unique_ptr<FunctionData> ReturnLastArgumentType(std::vector<LogicalType>& types, LogicalType& return_type) {
  return_type = types.back();
  return nullptr;
}

void AddPercentileDisc(FunctionRegistry& registry) {
  AggregateFunction function =
      MakeCollecting("percentile_disc", {TypeId::kDouble, TypeId::kNull}, TypeId::kNull, true);
  function.bind = ReturnLastArgumentType;
  function.finalize = [](uint8_t** states, uint32_t count, Vector& result, const FunctionData*) {
    for (uint32_t row = 0; row < count; ++row) {
      const auto& state = At<CollectedValues>(states[row]);
      if (state.values == nullptr || std::isnan(state.fraction)) {
        result.SetNull(row);
        continue;
      }
      const auto& values = *state.values;
      // PostgreSQL: the first value whose cumulative share reaches the fraction.
      int64_t position = static_cast<int64_t>(std::ceil(state.fraction * static_cast<double>(values.size())));
      if (position < 1) position = 1;
      result.SetValue(row, values[position - 1]);
    }
  };
  registry.AddAggregate(std::move(function));
}

void AddMode(FunctionRegistry& registry) {
  AggregateFunction function = MakeCollecting("mode", {TypeId::kNull}, TypeId::kNull, false);
  function.bind = ReturnLastArgumentType;
  function.finalize = [](uint8_t** states, uint32_t count, Vector& result, const FunctionData*) {
    for (uint32_t row = 0; row < count; ++row) {
      const auto& state = At<CollectedValues>(states[row]);
      if (state.values == nullptr) {
        result.SetNull(row);
        continue;
      }
      // Values arrive sorted, so equal values are adjacent; on ties the earliest
      // run wins, as in PostgreSQL.
      const auto& values = *state.values;
      size_t best = 0, best_count = 0;
      for (size_t start = 0; start < values.size();) {
        size_t end = start + 1;
        while (end < values.size() && values[end] == values[start]) ++end;
        if (end - start > best_count) {
          best = start;
          best_count = end - start;
        }
        start = end;
      }
      result.SetValue(row, values[best]);
    }
  };
  registry.AddAggregate(std::move(function));
}

}  // namespace

bool IsOrderedSetAggregate(const std::string& name) {
  return name == "percentile_cont" || name == "percentile_disc" || name == "mode";
}

void RegisterOrderedSetAggregates(FunctionRegistry& registry) {
  AddPercentileCont(registry);
  AddPercentileDisc(registry);
  AddMode(registry);
}

}  // namespace basin
