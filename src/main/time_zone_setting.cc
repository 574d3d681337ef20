#include "main/time_zone_setting.h"

#include <cmath>
#include <cstdlib>

#include "common/datetime.h"
#include "common/datetime_text.h"
#include "common/error.h"
#include "common/time_zone_registry.h"

namespace basin {

namespace {

// PostgreSQL accepts offsets below 168 hours here; the TZif limits of a day are
// tighter and enough for any real zone.
constexpr double kMaxOffsetHours = 24;

[[noreturn]] void ThrowInvalid(const std::string& value, const std::string& detail = "") {
  throw Error(sqlstate::kInvalidParameterValue,
              "invalid value for parameter \"TimeZone\": \"" + value + "\"" + detail);
}

}  // namespace

const TimeZone& ParseTimeZoneSetting(const std::string& value) {
  const std::string_view trimmed = datetime_text::Trim(value);
  // A plain number of hours.
  if (!trimmed.empty()) {
    const std::string text(trimmed);
    char* end = nullptr;
    const double hours = std::strtod(text.c_str(), &end);
    if (end != text.c_str() && *end == '\0') {
      if (!std::isfinite(hours) || std::fabs(hours) >= kMaxOffsetHours) ThrowInvalid(value);
      return *FixedOffsetTimeZone(static_cast<int32_t>(std::lround(hours * 3600)));
    }
  }
  // INTERVAL '...', as the parser spells SET TIME ZONE INTERVAL.
  constexpr std::string_view kIntervalPrefix = "interval ";
  if (trimmed.size() > kIntervalPrefix.size() &&
      datetime_text::EqualsIgnoreCase(trimmed.substr(0, kIntervalPrefix.size()), kIntervalPrefix)) {
    std::string_view literal = datetime_text::Trim(trimmed.substr(kIntervalPrefix.size()));
    if (literal.size() >= 2 && literal.front() == '\'' && literal.back() == '\'') {
      literal = literal.substr(1, literal.size() - 2);
    }
    Interval interval;
    if (ParseInterval(literal, interval) != DatetimeParseStatus::kOk) ThrowInvalid(value);
    if (interval.months != 0) {
      throw Error(sqlstate::kInvalidParameterValue,
                  "invalid interval value for time zone: month not allowed");
    }
    if (interval.days != 0) {
      throw Error(sqlstate::kInvalidParameterValue,
                  "invalid interval value for time zone: day not allowed");
    }
    if (interval.micros % kMicrosPerSecond != 0 ||
        std::llabs(interval.micros) >= static_cast<int64_t>(kMaxOffsetHours) * kMicrosPerHour) {
      ThrowInvalid(value);
    }
    return *FixedOffsetTimeZone(static_cast<int32_t>(interval.micros / kMicrosPerSecond));
  }
  const TimeZone* zone = FindTimeZone(trimmed);
  if (zone == nullptr) ThrowInvalid(value);
  return *zone;
}

}  // namespace basin
