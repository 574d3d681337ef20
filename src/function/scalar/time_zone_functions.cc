// timezone(zone, value), which AT TIME ZONE becomes:
//   timestamp   AT TIME ZONE zone -> timestamptz: the instant at which the wall clock
//                                    of `zone` showed the timestamp;
//   timestamptz AT TIME ZONE zone -> timestamp:   the wall-clock time in `zone`.
// The zone is text (an abbreviation, a zone name or a POSIX rule; see
// TimeZoneCache) or an interval of hours and minutes, east of UTC.
#include "common/datetime.h"
#include "common/error.h"
#include "common/time_zone.h"
#include "common/time_zone_registry.h"
#include "function/function_registry.h"
#include "function/scalar/row_executor.h"
#include "function/scalar/time_zone_cache.h"

namespace basin {

namespace {

constexpr TypeId kText = TypeId::kVarchar;
constexpr TypeId kTimestamp = TypeId::kTimestamp;
constexpr TypeId kTimestampTz = TypeId::kTimestampTz;

// The local time of `utc` in `zone`; infinities stay, the range is checked.
int64_t InstantToLocal(int64_t utc, const TimeZone& zone) {
  const int64_t local = TimestampTzToLocal(utc, zone);
  if (IsFiniteTimestamp(local) && !IsValidTimestamp(local)) {
    throw Error(sqlstate::kDatetimeFieldOverflow, "timestamp out of range");
  }
  return local;
}

// An interval zone: hours, minutes and seconds only.
const TimeZone& IntervalZone(const Interval& interval) {
  if (interval.months != 0 || interval.days != 0) {
    throw Error(sqlstate::kInvalidParameterValue,
                "interval time zone \"" + FormatInterval(interval) +
                    "\" must not include months or days");
  }
  const int64_t seconds = interval.micros / kMicrosPerSecond;
  // TZif offsets stay within a day; PostgreSQL accepts up to a week, which no zone has.
  if (seconds <= -86400 || seconds >= 86400) {
    throw Error(sqlstate::kInvalidParameterValue,
                "interval time zone \"" + FormatInterval(interval) + "\" is out of range");
  }
  return *FixedOffsetTimeZone(static_cast<int32_t>(seconds));
}

// `convert(value, zone)` for a text zone.
template <class Convert>
void AddTextZone(FunctionRegistry& registry, TypeId from, TypeId to, Convert convert) {
  registry.AddScalar(MakeScalar(
      "timezone", {kText, from}, to,
      [convert](const KernelArgs& args, uint32_t count, const FunctionData*, Vector& result) {
        TimeZoneCache zones;
        int64_t* out = result.data<int64_t>();
        ExecuteRows(args, count, result, [&](uint32_t row) {
          out[row] = convert(ArgValue<int64_t>(*args[1], row), zones.Get(ArgText(*args[0], row)));
        });
      }));
}

template <class Convert>
void AddIntervalZone(FunctionRegistry& registry, TypeId from, TypeId to, Convert convert) {
  registry.AddScalar(MakeScalar(
      "timezone", {TypeId::kInterval, from}, to,
      [convert](const KernelArgs& args, uint32_t count, const FunctionData*, Vector& result) {
        int64_t* out = result.data<int64_t>();
        ExecuteRows(args, count, result, [&](uint32_t row) {
          out[row] = convert(ArgValue<int64_t>(*args[1], row),
                             IntervalZone(ArgValue<Interval>(*args[0], row)));
        });
      }));
}

}  // namespace

void RegisterTimeZoneFunctions(FunctionRegistry& registry) {
  // timestamptz first: an untyped literal resolves to it, as in PostgreSQL (the
  // preferred type of the datetime category).
  AddTextZone(registry, kTimestampTz, kTimestamp, InstantToLocal);
  AddTextZone(registry, kTimestamp, kTimestampTz, LocalToTimestampTz);
  AddIntervalZone(registry, kTimestampTz, kTimestamp, InstantToLocal);
  AddIntervalZone(registry, kTimestamp, kTimestampTz, LocalToTimestampTz);
}

}  // namespace basin
