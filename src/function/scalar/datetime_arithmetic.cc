// Date, time, timestamp and interval operators: date ± integer, date - date,
// date/timestamp/timestamptz/time ± interval (timestamptz in the session's zone), date + time, timestamp - timestamp,
// time - time, interval ± interval, -interval, interval * / double. The calendar
// work lives in common/datetime.h; this file maps operators onto it.
#include <cmath>
#include <limits>

#include "common/datetime.h"
#include "common/error.h"
#include "common/time_zone.h"
#include "function/function_registry.h"
#include "function/scalar/row_executor.h"

namespace basin {

namespace {

constexpr TypeId kDate = TypeId::kDate;
constexpr TypeId kTime = TypeId::kTime;
constexpr TypeId kTimestamp = TypeId::kTimestamp;
constexpr TypeId kTimestampTz = TypeId::kTimestampTz;
constexpr TypeId kInterval = TypeId::kInterval;

template <class Left, class Right, class Out, class Op>
void AddOperator(FunctionRegistry& registry, const char* name, TypeId left, TypeId right,
                 TypeId out, Op op) {
  registry.AddScalar(
      MakeScalar(name, {left, right}, out,
                 [op](const KernelArgs& args, uint32_t count, const FunctionData*, Vector& result) {
                   BinaryExecute<Left, Right, Out>(
                       *args[0], *args[1], result, count,
                       [&](const Left& a, const Right& b, uint32_t) { return op(a, b); });
                 }));
}

// The same for operators that depend on the session's TimeZone: `op` also gets the
// zone.
template <class Left, class Right, class Out, class Op>
void AddZonedOperator(FunctionRegistry& registry, const char* name, TypeId left, TypeId right,
                      TypeId out, Op op) {
  ScalarFunction function = MakeScalar(
      name, {left, right}, out,
      [op](const KernelArgs& args, uint32_t count, const FunctionData* data, Vector& result) {
        const TimeZone& zone = SessionTimeZone(data);
        BinaryExecute<Left, Right, Out>(
            *args[0], *args[1], result, count,
            [&](const Left& a, const Right& b, uint32_t) { return op(a, b, zone); });
      });
  function.uses_time_zone = true;
  registry.AddScalar(std::move(function));
}

[[noreturn]] void IntervalOutOfRange() {
  throw Error(sqlstate::kDatetimeFieldOverflow, "interval out of range");
}

int64_t DatePlusTime(int32_t date, int64_t time) {
  const int64_t midnight = DateToTimestamp(date);
  if (!IsFiniteTimestamp(midnight)) return midnight;
  const int64_t result = midnight + time;
  if (!IsValidTimestamp(result))
    throw Error(sqlstate::kDatetimeFieldOverflow, "timestamp out of range");
  return result;
}

int32_t ToInt32OrThrow(double value) {
  if (std::isnan(value) || value >= 2147483648.0 || value < -2147483648.0) IntervalOutOfRange();
  return static_cast<int32_t>(value);
}

// Rounds to microsecond precision, as PostgreSQL's TSROUND does, so that binary
// fractions such as 0.1 * 30 days do not leave a stray microsecond.
double RoundToMicros(double value) { return std::rint(value * 1e6) / 1e6; }

// interval * factor with PostgreSQL's cascade: fractional months become days (30 per
// month) and fractional days become time (24 hours per day).
Interval MultiplyInterval(const Interval& span, double factor) {
  constexpr double kDaysPerMonth = 30;
  constexpr double kSecondsPerDay = 86400;
  Interval result;
  const double months = span.months * factor;
  result.months = ToInt32OrThrow(months);
  const double days = span.days * factor;
  result.days = ToInt32OrThrow(days);
  const double month_remainder_days = RoundToMicros((months - result.months) * kDaysPerMonth);
  double second_remainder =
      RoundToMicros((days - result.days + month_remainder_days - std::trunc(month_remainder_days)) *
                    kSecondsPerDay);
  if (std::fabs(second_remainder) >= kSecondsPerDay) {
    const double whole_days = std::trunc(second_remainder / kSecondsPerDay);
    result.days = ToInt32OrThrow(result.days + whole_days);
    second_remainder -= whole_days * kSecondsPerDay;
  }
  result.days = ToInt32OrThrow(static_cast<double>(result.days) + std::trunc(month_remainder_days));
  const double micros =
      std::rint(static_cast<double>(span.micros) * factor + second_remainder * 1e6);
  if (std::isnan(micros) || micros >= 9.2233720368547758e18 || micros < -9.2233720368547758e18) {
    IntervalOutOfRange();
  }
  result.micros = static_cast<int64_t>(micros);
  return result;
}

Interval DivideInterval(const Interval& span, double divisor) {
  if (divisor == 0) throw Error(sqlstate::kDivisionByZero, "division by zero");
  return MultiplyInterval(span, 1.0 / divisor);
}

void AddDateOperators(FunctionRegistry& registry) {
  AddOperator<int32_t, int32_t, int32_t>(registry, "+", kDate, TypeId::kInteger, kDate,
                                         [](int32_t d, int32_t n) { return AddDaysToDate(d, n); });
  AddOperator<int32_t, int32_t, int32_t>(registry, "+", TypeId::kInteger, kDate, kDate,
                                         [](int32_t n, int32_t d) { return AddDaysToDate(d, n); });
  AddOperator<int32_t, int32_t, int32_t>(
      registry, "-", kDate, TypeId::kInteger, kDate,
      [](int32_t d, int32_t n) { return AddDaysToDate(d, -int64_t{n}); });
  AddOperator<int32_t, int32_t, int32_t>(registry, "-", kDate, kDate, TypeId::kInteger,
                                         [](int32_t a, int32_t b) { return SubtractDates(a, b); });
  AddOperator<int32_t, Interval, int64_t>(
      registry, "+", kDate, kInterval, kTimestamp,
      [](int32_t d, const Interval& i) { return AddIntervalToTimestamp(DateToTimestamp(d), i); });
  AddOperator<Interval, int32_t, int64_t>(
      registry, "+", kInterval, kDate, kTimestamp,
      [](const Interval& i, int32_t d) { return AddIntervalToTimestamp(DateToTimestamp(d), i); });
  AddOperator<int32_t, Interval, int64_t>(
      registry, "-", kDate, kInterval, kTimestamp, [](int32_t d, const Interval& i) {
        return SubtractIntervalFromTimestamp(DateToTimestamp(d), i);
      });
  AddOperator<int32_t, int64_t, int64_t>(registry, "+", kDate, kTime, kTimestamp, DatePlusTime);
  AddOperator<int64_t, int32_t, int64_t>(registry, "+", kTime, kDate, kTimestamp,
                                         [](int64_t t, int32_t d) { return DatePlusTime(d, t); });
}

void AddTimestampOperators(FunctionRegistry& registry) {
  AddOperator<int64_t, Interval, int64_t>(registry, "+", kTimestamp, kInterval, kTimestamp,
                                          AddIntervalToTimestamp);
  AddOperator<Interval, int64_t, int64_t>(
      registry, "+", kInterval, kTimestamp, kTimestamp,
      [](const Interval& i, int64_t t) { return AddIntervalToTimestamp(t, i); });
  AddOperator<int64_t, Interval, int64_t>(registry, "-", kTimestamp, kInterval, kTimestamp,
                                          SubtractIntervalFromTimestamp);
  AddOperator<int64_t, int64_t, Interval>(registry, "-", kTimestamp, kTimestamp, kInterval,
                                          SubtractTimestamps);
}

// timestamptz ± interval adds months and days to the local time in the session zone
// (AddIntervalToTimestampTz); the difference of two instants needs no zone.
void AddTimestampTzOperators(FunctionRegistry& registry) {
  AddZonedOperator<int64_t, Interval, int64_t>(registry, "+", kTimestampTz, kInterval, kTimestampTz,
                                               AddIntervalToTimestampTz);
  AddZonedOperator<Interval, int64_t, int64_t>(
      registry, "+", kInterval, kTimestampTz, kTimestampTz,
      [](const Interval& i, int64_t t, const TimeZone& zone) {
        return AddIntervalToTimestampTz(t, i, zone);
      });
  AddZonedOperator<int64_t, Interval, int64_t>(
      registry, "-", kTimestampTz, kInterval, kTimestampTz,
      [](int64_t t, const Interval& i, const TimeZone& zone) {
        return AddIntervalToTimestampTz(t, NegateInterval(i), zone);
      });
  AddOperator<int64_t, int64_t, Interval>(registry, "-", kTimestampTz, kTimestampTz, kInterval,
                                          SubtractTimestamps);
}

void AddTimeOperators(FunctionRegistry& registry) {
  AddOperator<int64_t, Interval, int64_t>(registry, "+", kTime, kInterval, kTime,
                                          AddIntervalToTime);
  AddOperator<Interval, int64_t, int64_t>(
      registry, "+", kInterval, kTime, kTime,
      [](const Interval& i, int64_t t) { return AddIntervalToTime(t, i); });
  AddOperator<int64_t, Interval, int64_t>(
      registry, "-", kTime, kInterval, kTime,
      [](int64_t t, const Interval& i) { return AddIntervalToTime(t, NegateInterval(i)); });
  AddOperator<int64_t, int64_t, Interval>(registry, "-", kTime, kTime, kInterval,
                                          [](int64_t a, int64_t b) {
                                            return Interval{0, 0, a - b};
                                          });
}

void AddIntervalOperators(FunctionRegistry& registry) {
  AddOperator<Interval, Interval, Interval>(registry, "+", kInterval, kInterval, kInterval,
                                            AddIntervals);
  AddOperator<Interval, Interval, Interval>(registry, "-", kInterval, kInterval, kInterval,
                                            SubtractIntervals);
  AddOperator<Interval, double, Interval>(registry, "*", kInterval, TypeId::kDouble, kInterval,
                                          MultiplyInterval);
  AddOperator<double, Interval, Interval>(
      registry, "*", TypeId::kDouble, kInterval, kInterval,
      [](double f, const Interval& i) { return MultiplyInterval(i, f); });
  AddOperator<Interval, double, Interval>(registry, "/", kInterval, TypeId::kDouble, kInterval,
                                          DivideInterval);
  registry.AddScalar(MakeScalar(
      "-", {kInterval}, kInterval,
      [](const KernelArgs& args, uint32_t count, const FunctionData*, Vector& result) {
        UnaryExecute<Interval, Interval>(
            *args[0], result, count, [](const Interval& i, uint32_t) { return NegateInterval(i); });
      }));
}

}  // namespace

void RegisterDatetimeArithmeticFunctions(FunctionRegistry& registry) {
  AddDateOperators(registry);
  AddTimestampOperators(registry);
  AddTimestampTzOperators(registry);
  AddTimeOperators(registry);
  AddIntervalOperators(registry);
}

}  // namespace basin
