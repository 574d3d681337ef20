// sum(interval) and avg(interval), as in PostgreSQL 15: months, days and microseconds
// are summed separately (overflow of any is "interval out of range"), and the average
// divides that sum by the count with interval_div's cascade: fractional months become
// days (30 to a month), fractional days become time (24 hours to a day).
#include <cmath>
#include <cstdint>

#include "common/datetime.h"
#include "function/aggregate/aggregate_state.h"
#include "function/function_registry.h"

namespace basin {

namespace {

using aggregate_state::At;
using aggregate_state::ForValidRows;

struct IntervalSumState {
  Interval sum;
  int64_t count = 0;
};

// TSROUND: rounds to whole microseconds so that binary fractions (a third of a
// month) do not leave a stray microsecond.
double RoundToMicros(double value) { return std::rint(value * 1e6) / 1e6; }

// PostgreSQL 15's interval_div(span, divisor) for divisor >= 1, where no part of the
// result can overflow. Kept step by step, truncations included, so that results agree
// to the microsecond.
Interval DivideForAverage(const Interval& span, double divisor) {
  constexpr double kDaysPerMonth = 30;
  constexpr double kSecondsPerDay = 86400;
  Interval result;
  result.months = static_cast<int32_t>(span.months / divisor);
  result.days = static_cast<int32_t>(span.days / divisor);
  const double month_remainder_days =
      RoundToMicros((span.months / divisor - result.months) * kDaysPerMonth);
  double second_remainder =
      RoundToMicros((span.days / divisor - result.days + month_remainder_days -
                     static_cast<int32_t>(month_remainder_days)) *
                    kSecondsPerDay);
  if (std::fabs(second_remainder) >= kSecondsPerDay) {
    const int32_t whole_days = static_cast<int32_t>(second_remainder / kSecondsPerDay);
    result.days += whole_days;
    second_remainder -= whole_days * kSecondsPerDay;
  }
  result.days += static_cast<int32_t>(month_remainder_days);
  result.micros = static_cast<int64_t>(
      std::rint(static_cast<double>(span.micros) / divisor + second_remainder * 1e6));
  return result;
}

void AddIntervalSumOrAvg(FunctionRegistry& registry, bool is_avg) {
  AggregateFunction function;
  function.name = is_avg ? "avg" : "sum";
  function.arguments = {TypeId::kInterval};
  function.return_type = TypeId::kInterval;
  function.state_size = sizeof(IntervalSumState);
  function.initialize = aggregate_state::Init<IntervalSumState>;
  function.update = [](const std::vector<const Vector*>& args, uint8_t** states, uint32_t count,
                       const FunctionData*) {
    const Interval* values = args[0]->data<Interval>();
    ForValidRows(*args[0], states, count, [values](uint8_t* state, uint32_t row) {
      auto& sum = At<IntervalSumState>(state);
      sum.sum = AddIntervals(sum.sum, values[row]);  // throws "interval out of range"
      ++sum.count;
    });
  };
  function.combine = [](const uint8_t* source, uint8_t* target, const FunctionData*) {
    const auto& from = At<IntervalSumState>(source);
    auto& to = At<IntervalSumState>(target);
    to.sum = AddIntervals(to.sum, from.sum);
    to.count += from.count;
  };
  function.finalize = [is_avg](uint8_t** states, uint32_t count, Vector& result,
                               const FunctionData*) {
    for (uint32_t row = 0; row < count; ++row) {
      const auto& state = At<IntervalSumState>(states[row]);
      if (state.count == 0) {
        result.SetNull(row);
      } else if (is_avg) {
        result.data<Interval>()[row] =
            DivideForAverage(state.sum, static_cast<double>(state.count));
      } else {
        result.data<Interval>()[row] = state.sum;
      }
    }
  };
  registry.AddAggregate(std::move(function));
}

}  // namespace

void RegisterIntervalAggregates(FunctionRegistry& registry) {
  AddIntervalSumOrAvg(registry, /*is_avg=*/false);
  AddIntervalSumOrAvg(registry, /*is_avg=*/true);
}

}  // namespace basin
