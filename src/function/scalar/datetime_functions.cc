// Date/time functions: date_part (EXTRACT), date_trunc, make_date, make_time,
// make_timestamp(tz), make_interval, age, justify_days/hours/interval, isfinite,
// last_day and to_timestamp(epoch seconds). Those on timestamptz work in the session's
// TimeZone, which the binder hands them as TimeZoneData.
//
// date_part returns double precision (PostgreSQL 13's type). PostgreSQL 15 returns
// numeric with a per-field scale, but the field is a run-time value and a bind
// callback sees only argument types, so the result type cannot follow it.
#include <chrono>
#include <cmath>
#include <optional>

#include "common/datetime.h"
#include "common/error.h"
#include "common/time_zone.h"
#include "function/function_registry.h"
#include "function/scalar/time_zone_cache.h"
#include "function/scalar/row_executor.h"

namespace basin {

namespace {

constexpr TypeId kText = TypeId::kVarchar;
constexpr TypeId kInt = TypeId::kInteger;
constexpr TypeId kDouble = TypeId::kDouble;

const char* PostgresTypeName(TypeId type) {
  switch (type) {
    case TypeId::kDate:
      return "date";
    case TypeId::kTime:
      return "time without time zone";
    case TypeId::kTimestamp:
      return "timestamp without time zone";
    case TypeId::kTimestampTz:
      return "timestamp with time zone";
    default:
      return "interval";
  }
}

// Parses the unit argument, remembering the previous one: it is nearly always a
// constant, so each kernel call parses it once.
class DatePartCache {
 public:
  explicit DatePartCache(TypeId type) : type_(type) {}

  DatePart Get(std::string_view name) {
    if (!part_ || name != name_) {
      part_ = ParseDatePart(name);
      if (!part_) {
        throw Error(sqlstate::kInvalidParameterValue, "unit \"" + std::string(name) +
                                                          "\" not recognized for type " +
                                                          PostgresTypeName(type_));
      }
      name_.assign(name);
    }
    return *part_;
  }

 private:
  TypeId type_;
  std::optional<DatePart> part_;
  std::string name_;
};

// date_part(unit, value) -> double; NULL where PostgreSQL has no finite answer.
// `extract(part, value, data)`; `zoned` marks timestamptz, which needs the session zone.
template <class T, class Extract>
void AddDatePart(FunctionRegistry& registry, TypeId type, Extract extract, bool zoned = false) {
  ScalarFunction function = MakeScalar(
      "date_part", {kText, type}, kDouble,
      [type, extract](const KernelArgs& args, uint32_t count, const FunctionData* data,
                      Vector& result) {
        DatePartCache parts(type);
        double* out = result.data<double>();
        ExecuteRows(args, count, result, [&](uint32_t row) {
          const std::optional<DatePartValue> value =
              extract(parts.Get(ArgText(*args[0], row)), ArgValue<T>(*args[1], row), data);
          if (value) {
            out[row] = value->ToDouble();
          } else {
            result.SetNull(row);
          }
        });
      });
  function.uses_time_zone = zoned;
  registry.AddScalar(std::move(function));
}

template <class In, class Out, class Trunc>
void AddDateTrunc(FunctionRegistry& registry, TypeId type, TypeId result_type, Trunc trunc,
                  bool zoned = false) {
  ScalarFunction function = MakeScalar(
      "date_trunc", {kText, type}, result_type,
      [type, trunc](const KernelArgs& args, uint32_t count, const FunctionData* data,
                    Vector& result) {
        DatePartCache parts(type);
        Out* out = result.data<Out>();
        ExecuteRows(args, count, result, [&](uint32_t row) {
          out[row] = trunc(parts.Get(ArgText(*args[0], row)), ArgValue<In>(*args[1], row), data);
        });
      });
  function.uses_time_zone = zoned;
  registry.AddScalar(std::move(function));
}

// date_trunc(unit, timestamptz, zone): truncates in the named zone rather than the
// session's. The zone is nearly always a constant, so the last one is remembered.
void AddDateTruncInZone(FunctionRegistry& registry) {
  registry.AddScalar(MakeScalar(
      "date_trunc", {kText, TypeId::kTimestampTz, kText}, TypeId::kTimestampTz,
      [](const KernelArgs& args, uint32_t count, const FunctionData*, Vector& result) {
        DatePartCache parts(TypeId::kTimestampTz);
        TimeZoneCache zones;
        int64_t* out = result.data<int64_t>();
        ExecuteRows(args, count, result, [&](uint32_t row) {
          out[row] = TruncTimestampTz(parts.Get(ArgText(*args[0], row)),
                                      ArgValue<int64_t>(*args[1], row),
                                      zones.Get(ArgText(*args[2], row)));
        });
      }));
}

void RegisterDatePartAndTrunc(FunctionRegistry& registry) {
  AddDatePart<int32_t>(registry, TypeId::kDate, [](DatePart part, int32_t days, const FunctionData*) {
    return ExtractFromDate(part, days);
  });
  AddDatePart<int64_t>(registry, TypeId::kTimestamp,
                       [](DatePart part, int64_t micros, const FunctionData*) {
                         return ExtractFromTimestamp(part, micros);
                       });
  AddDatePart<int64_t>(
      registry, TypeId::kTimestampTz,
      [](DatePart part, int64_t micros, const FunctionData* data) {
        return ExtractFromTimestampTz(part, micros, SessionTimeZone(data));
      },
      /*zoned=*/true);
  AddDatePart<int64_t>(registry, TypeId::kTime, [](DatePart part, int64_t micros, const FunctionData*) {
    return std::optional<DatePartValue>(ExtractFromTime(part, micros));
  });
  AddDatePart<Interval>(registry, TypeId::kInterval,
                        [](DatePart part, const Interval& interval, const FunctionData*) {
                          return std::optional<DatePartValue>(ExtractFromInterval(part, interval));
                        });
  AddDateTrunc<int64_t, int64_t>(registry, TypeId::kTimestamp, TypeId::kTimestamp,
                                 [](DatePart part, int64_t micros, const FunctionData*) {
                                   return TruncTimestamp(part, micros);
                                 });
  AddDateTrunc<int64_t, int64_t>(
      registry, TypeId::kTimestampTz, TypeId::kTimestampTz,
      [](DatePart part, int64_t micros, const FunctionData* data) {
        return TruncTimestampTz(part, micros, SessionTimeZone(data));
      },
      /*zoned=*/true);
  // date_trunc of a date is a timestamptz in PostgreSQL (date converts to its
  // preferred datetime type, midnight in the session zone).
  AddDateTrunc<int32_t, int64_t>(
      registry, TypeId::kDate, TypeId::kTimestampTz,
      [](DatePart part, int32_t days, const FunctionData* data) {
        const TimeZone& zone = SessionTimeZone(data);
        return TruncTimestampTz(part, LocalToTimestampTz(DateToTimestamp(days), zone), zone);
      },
      /*zoned=*/true);
  AddDateTrunc<Interval, Interval>(registry, TypeId::kInterval, TypeId::kInterval,
                                   [](DatePart part, const Interval& interval, const FunctionData*) {
                                     return TruncInterval(part, interval);
                                   });
  AddDateTruncInZone(registry);
}

[[noreturn]] void FieldOutOfRange(const std::string& what, const std::string& value) {
  throw Error(sqlstate::kDatetimeFieldOverflow, what + " field value out of range: " + value);
}

std::string DateText(int64_t year, int64_t month, int64_t day) {
  char text[64];
  std::snprintf(text, sizeof(text), "%lld-%02lld-%02lld", static_cast<long long>(year),
                static_cast<long long>(month), static_cast<long long>(day));
  return text;
}

// make_date's year: negative years are BC, and there is no year 0.
int64_t DaysForDate(int32_t year, int32_t month, int32_t day) {
  if (year == 0 || month < 1 || month > 12 || day < 1) {
    FieldOutOfRange("date", DateText(year, month, day));
  }
  const int64_t astronomical = year < 0 ? int64_t{year} + 1 : year;
  if (day > DaysInMonth(astronomical, month)) FieldOutOfRange("date", DateText(year, month, day));
  const int64_t days = DaysFromCivil(astronomical, month, day);
  if (!IsValidDate(days)) {
    throw Error(sqlstate::kDatetimeFieldOverflow,
                "date out of range: " + DateText(year, month, day));
  }
  return days;
}

int64_t MicrosForTime(int32_t hour, int32_t minute, double seconds) {
  const double micros_of_second = std::rint(seconds * 1e6);
  const bool valid = hour >= 0 && hour <= 24 && minute >= 0 && minute <= 59 && seconds >= 0 &&
                     micros_of_second <= 60e6;
  const int64_t micros = (int64_t{hour} * 60 + minute) * kMicrosPerMinute +
                         (valid ? static_cast<int64_t>(micros_of_second) : 0);
  if (!valid || micros > kMicrosPerDay) {
    char text[64];
    std::snprintf(text, sizeof(text), "%d:%02d:%02g", hour, minute, seconds);
    FieldOutOfRange("time", text);
  }
  return micros;
}

void AddMakeFunctions(FunctionRegistry& registry) {
  registry.AddScalar(
      MakeScalar("make_date", {kInt, kInt, kInt}, TypeId::kDate,
                 [](const KernelArgs& args, uint32_t count, const FunctionData*, Vector& result) {
                   int32_t* out = result.data<int32_t>();
                   ExecuteRows(args, count, result, [&](uint32_t row) {
                     out[row] = static_cast<int32_t>(DaysForDate(ArgValue<int32_t>(*args[0], row),
                                                                 ArgValue<int32_t>(*args[1], row),
                                                                 ArgValue<int32_t>(*args[2], row)));
                   });
                 }));
  registry.AddScalar(MakeScalar(
      "make_time", {kInt, kInt, kDouble}, TypeId::kTime,
      [](const KernelArgs& args, uint32_t count, const FunctionData*, Vector& result) {
        int64_t* out = result.data<int64_t>();
        ExecuteRows(args, count, result, [&](uint32_t row) {
          out[row] =
              MicrosForTime(ArgValue<int32_t>(*args[0], row), ArgValue<int32_t>(*args[1], row),
                            ArgValue<double>(*args[2], row));
        });
      }));
  // make_timestamp, make_timestamptz (local time in the session zone) and
  // make_timestamptz(..., zone).
  for (int variant = 0; variant < 3; ++variant) {
    const TypeId type = variant == 0 ? TypeId::kTimestamp : TypeId::kTimestampTz;
    std::vector<LogicalType> arguments = {kInt, kInt, kInt, kInt, kInt, kDouble};
    if (variant == 2) arguments.push_back(kText);
    ScalarFunction function = MakeScalar(
        variant == 0 ? "make_timestamp" : "make_timestamptz", arguments, type,
        [variant](const KernelArgs& args, uint32_t count, const FunctionData* data,
                  Vector& result) {
          TimeZoneCache zones;
          int64_t* out = result.data<int64_t>();
          ExecuteRows(args, count, result, [&](uint32_t row) {
            const int64_t days =
                DaysForDate(ArgValue<int32_t>(*args[0], row), ArgValue<int32_t>(*args[1], row),
                            ArgValue<int32_t>(*args[2], row));
            const int64_t micros =
                MicrosForTime(ArgValue<int32_t>(*args[3], row), ArgValue<int32_t>(*args[4], row),
                              ArgValue<double>(*args[5], row));
            const int64_t timestamp = days * kMicrosPerDay + micros;
            if (!IsValidTimestamp(timestamp)) {
              throw Error(sqlstate::kDatetimeFieldOverflow, "timestamp out of range");
            }
            if (variant == 0) {
              out[row] = timestamp;
            } else {
              const TimeZone& zone =
                  variant == 1 ? SessionTimeZone(data) : zones.Get(ArgText(*args[6], row));
              out[row] = LocalToTimestampTz(timestamp, zone);
            }
          });
        });
    function.uses_time_zone = variant == 1;
    registry.AddScalar(std::move(function));
  }
}

// make_interval(years, months, weeks, days, hours, mins, secs), every argument
// optional from the right (PostgreSQL's defaults are 0). Named arguments are not
// supported by the binder, so only the positional forms exist.
Interval MakeInterval(const KernelArgs& args, uint32_t row) {
  int64_t fields[6] = {};
  for (size_t i = 0; i < 6 && i < args.size(); ++i) fields[i] = ArgValue<int32_t>(*args[i], row);
  const double seconds = args.size() > 6 ? ArgValue<double>(*args[6], row) : 0.0;
  const int64_t months = fields[0] * 12 + fields[1];
  const int64_t days = fields[2] * 7 + fields[3];
  const double micros = std::rint(seconds * 1e6);
  const int64_t clock = (fields[4] * 60 + fields[5]) * kMicrosPerMinute;
  if (months > INT32_MAX || months < INT32_MIN || days > INT32_MAX || days < INT32_MIN ||
      !std::isfinite(micros) || std::fabs(micros) > 9.2e18) {
    throw Error(sqlstate::kDatetimeFieldOverflow, "interval out of range");
  }
  int64_t total;
  if (__builtin_add_overflow(clock, static_cast<int64_t>(micros), &total)) {
    throw Error(sqlstate::kDatetimeFieldOverflow, "interval out of range");
  }
  return Interval{static_cast<int32_t>(months), static_cast<int32_t>(days), total};
}

void AddMakeInterval(FunctionRegistry& registry) {
  const std::vector<LogicalType> all = {kInt, kInt, kInt, kInt, kInt, kInt, kDouble};
  for (size_t arity = 0; arity <= all.size(); ++arity) {
    registry.AddScalar(
        MakeScalar("make_interval", std::vector<LogicalType>(all.begin(), all.begin() + arity),
                   TypeId::kInterval,
                   [](const KernelArgs& args, uint32_t count, const FunctionData*, Vector& result) {
                     Interval* out = result.data<Interval>();
                     ExecuteRows(args, count, result,
                                 [&](uint32_t row) { out[row] = MakeInterval(args, row); });
                   }));
  }
}

// age(a, b): the difference in years, months and days as a calendar would count it
// (PostgreSQL's timestamp_age): subtract field by field, then borrow from the next
// larger field, using the length of the month of the earlier timestamp.
Interval Age(int64_t left, int64_t right) {
  if (!IsFiniteTimestamp(left) || !IsFiniteTimestamp(right)) {
    throw Error(sqlstate::kDatetimeFieldOverflow, "cannot subtract infinite timestamps");
  }
  const DateTimeFields a = SplitTimestamp(left);
  const DateTimeFields b = SplitTimestamp(right);
  int64_t micros = a.micros - b.micros;
  int64_t second = a.second - b.second;
  int64_t minute = a.minute - b.minute;
  int64_t hour = a.hour - b.hour;
  int64_t day = a.day - b.day;
  int64_t month = a.month - b.month;
  int64_t year = int64_t{a.year} - b.year;
  const bool negative = left < right;
  if (negative) {
    micros = -micros, second = -second, minute = -minute, hour = -hour;
    day = -day, month = -month, year = -year;
  }
  const DateTimeFields& earlier = negative ? a : b;
  while (micros < 0) micros += kMicrosPerSecond, --second;
  while (second < 0) second += 60, --minute;
  while (minute < 0) minute += 60, --hour;
  while (hour < 0) hour += 24, --day;
  while (day < 0) day += DaysInMonth(earlier.year, earlier.month), --month;
  while (month < 0) month += 12, --year;
  if (negative) {
    micros = -micros, second = -second, minute = -minute, hour = -hour;
    day = -day, month = -month, year = -year;
  }
  const int64_t months = year * 12 + month;
  if (months > INT32_MAX || months < INT32_MIN) {
    throw Error(sqlstate::kDatetimeFieldOverflow, "interval out of range");
  }
  return Interval{static_cast<int32_t>(months), static_cast<int32_t>(day),
                  ((hour * 60 + minute) * 60 + second) * kMicrosPerSecond + micros};
}

// Midnight of today (UTC), for age(timestamp). PostgreSQL uses the transaction's
// date; kernels cannot see the statement time, so this reads the clock.
int64_t TodayMidnight() {
  const int64_t now = std::chrono::duration_cast<std::chrono::microseconds>(
                          std::chrono::system_clock::now().time_since_epoch())
                          .count();
  return DateToTimestamp(TimestampToDate(now));
}

void AddAge(FunctionRegistry& registry) {
  for (TypeId type : {TypeId::kTimestamp, TypeId::kTimestampTz}) {
    // timestamptz: both sides in the session zone's local time, as PostgreSQL does.
    const bool zoned = type == TypeId::kTimestampTz;
    ScalarFunction between = MakeScalar(
        "age", {type, type}, TypeId::kInterval,
        [zoned](const KernelArgs& args, uint32_t count, const FunctionData* data, Vector& result) {
          BinaryExecute<int64_t, int64_t, Interval>(
              *args[0], *args[1], result, count, [&](int64_t a, int64_t b, uint32_t) {
                if (!zoned) return Age(a, b);
                const TimeZone& zone = SessionTimeZone(data);
                return Age(TimestampTzToLocal(a, zone), TimestampTzToLocal(b, zone));
              });
        });
    between.uses_time_zone = zoned;
    registry.AddScalar(std::move(between));
    ScalarFunction since_today = MakeScalar(
        "age", {type}, TypeId::kInterval,
        [](const KernelArgs& args, uint32_t count, const FunctionData*, Vector& result) {
          const int64_t today = TodayMidnight();
          UnaryExecute<int64_t, Interval>(*args[0], result, count,
                                          [today](int64_t t, uint32_t) { return Age(today, t); });
        });
    since_today.volatility = Volatility::kStable;
    registry.AddScalar(std::move(since_today));
  }
}

template <class T, class Out, class Op>
void AddUnary(FunctionRegistry& registry, const char* name, TypeId type, TypeId result_type,
              Op op) {
  registry.AddScalar(
      MakeScalar(name, {type}, result_type,
                 [op](const KernelArgs& args, uint32_t count, const FunctionData*, Vector& result) {
                   UnaryExecute<T, Out>(*args[0], result, count,
                                        [&](const T& value, uint32_t) { return op(value); });
                 }));
}

int64_t EpochToTimestamp(double seconds) {
  if (std::isnan(seconds)) throw Error(sqlstate::kDatetimeFieldOverflow, "timestamp cannot be NaN");
  if (std::isinf(seconds)) return seconds > 0 ? kTimestampInfinity : kTimestampNegativeInfinity;
  const double micros = std::rint(seconds * 1e6);
  if (!(micros >= static_cast<double>(kMinTimestamp) &&
        micros < static_cast<double>(kEndTimestamp))) {
    char text[64];
    std::snprintf(text, sizeof(text), "%g", seconds);
    throw Error(sqlstate::kDatetimeFieldOverflow,
                std::string("timestamp out of range: \"") + text + "\"");
  }
  return static_cast<int64_t>(micros);
}

int32_t LastDayOfMonth(int32_t days) {
  if (!IsFiniteDate(days)) return days;
  const CivilDate date = CivilFromDays(days);
  return static_cast<int32_t>(
      DaysFromCivil(date.year, date.month, DaysInMonth(date.year, date.month)));
}

}  // namespace

void RegisterDatetimeFunctions(FunctionRegistry& registry) {
  RegisterDatePartAndTrunc(registry);
  AddMakeFunctions(registry);
  AddMakeInterval(registry);
  AddAge(registry);
  const TypeId interval = TypeId::kInterval;
  AddUnary<Interval, Interval>(registry, "justify_days", interval, interval, JustifyDays);
  AddUnary<Interval, Interval>(registry, "justify_hours", interval, interval, JustifyHours);
  AddUnary<Interval, Interval>(registry, "justify_interval", interval, interval, JustifyInterval);
  AddUnary<int32_t, bool>(registry, "isfinite", TypeId::kDate, TypeId::kBoolean, IsFiniteDate);
  for (TypeId type : {TypeId::kTimestamp, TypeId::kTimestampTz}) {
    AddUnary<int64_t, bool>(registry, "isfinite", type, TypeId::kBoolean, IsFiniteTimestamp);
  }
  AddUnary<Interval, bool>(registry, "isfinite", interval, TypeId::kBoolean,
                           [](const Interval&) { return true; });
  AddUnary<int32_t, int32_t>(registry, "last_day", TypeId::kDate, TypeId::kDate, LastDayOfMonth);
  AddUnary<double, int64_t>(registry, "to_timestamp", kDouble, TypeId::kTimestampTz,
                            EpochToTimestamp);
}

}  // namespace basin
