// extract() / date_part() and date_trunc() over dates, times, timestamps and
// intervals, following PostgreSQL 15 (whose extract() returns numeric).
#include <string>

#include "common/datetime.h"
#include "common/datetime_internal.h"
#include "common/datetime_text.h"
#include "common/error.h"
#include "common/time_zone.h"

namespace basin {

using datetime_internal::FloorDiv;
using datetime_internal::FloorMod;
using datetime_text::EqualsIgnoreCase;

namespace {

struct DatePartSpelling {
  std::string_view name;
  DatePart part;
};

// PostgreSQL's unit names and abbreviations (its "deltatktbl" plus the extract-only
// fields). The first spelling of each part is its canonical name.
constexpr DatePartSpelling kSpellings[] = {
    {"microseconds", DatePart::kMicroseconds},
    {"microsecond", DatePart::kMicroseconds},
    {"microsecon", DatePart::kMicroseconds},
    {"usec", DatePart::kMicroseconds},
    {"usecs", DatePart::kMicroseconds},
    {"useconds", DatePart::kMicroseconds},
    {"usecond", DatePart::kMicroseconds},
    {"us", DatePart::kMicroseconds},
    {"milliseconds", DatePart::kMilliseconds},
    {"millisecond", DatePart::kMilliseconds},
    {"millisecon", DatePart::kMilliseconds},
    {"msec", DatePart::kMilliseconds},
    {"msecs", DatePart::kMilliseconds},
    {"mseconds", DatePart::kMilliseconds},
    {"msecond", DatePart::kMilliseconds},
    {"ms", DatePart::kMilliseconds},
    {"second", DatePart::kSecond},
    {"seconds", DatePart::kSecond},
    {"sec", DatePart::kSecond},
    {"secs", DatePart::kSecond},
    {"s", DatePart::kSecond},
    {"minute", DatePart::kMinute},
    {"minutes", DatePart::kMinute},
    {"min", DatePart::kMinute},
    {"mins", DatePart::kMinute},
    {"m", DatePart::kMinute},
    {"hour", DatePart::kHour},
    {"hours", DatePart::kHour},
    {"hr", DatePart::kHour},
    {"hrs", DatePart::kHour},
    {"h", DatePart::kHour},
    {"day", DatePart::kDay},
    {"days", DatePart::kDay},
    {"d", DatePart::kDay},
    {"week", DatePart::kWeek},
    {"weeks", DatePart::kWeek},
    {"w", DatePart::kWeek},
    {"month", DatePart::kMonth},
    {"months", DatePart::kMonth},
    {"mon", DatePart::kMonth},
    {"mons", DatePart::kMonth},
    {"quarter", DatePart::kQuarter},
    {"qtr", DatePart::kQuarter},
    {"year", DatePart::kYear},
    {"years", DatePart::kYear},
    {"yr", DatePart::kYear},
    {"yrs", DatePart::kYear},
    {"y", DatePart::kYear},
    {"decade", DatePart::kDecade},
    {"decades", DatePart::kDecade},
    {"dec", DatePart::kDecade},
    {"decs", DatePart::kDecade},
    {"century", DatePart::kCentury},
    {"centuries", DatePart::kCentury},
    {"cent", DatePart::kCentury},
    {"c", DatePart::kCentury},
    {"millennium", DatePart::kMillennium},
    {"millennia", DatePart::kMillennium},
    {"mil", DatePart::kMillennium},
    {"mils", DatePart::kMillennium},
    {"dow", DatePart::kDayOfWeek},
    {"isodow", DatePart::kIsoDayOfWeek},
    {"doy", DatePart::kDayOfYear},
    {"epoch", DatePart::kEpoch},
    {"isoyear", DatePart::kIsoYear},
    {"julian", DatePart::kJulian},
    {"j", DatePart::kJulian},
    {"timezone", DatePart::kTimezone},
    {"timezone_hour", DatePart::kTimezoneHour},
    {"timezone_h", DatePart::kTimezoneHour},
    {"timezone_minute", DatePart::kTimezoneMinute},
    {"timezone_m", DatePart::kTimezoneMinute},
};

[[noreturn]] void ThrowUnsupported(DatePart part, const char* type_name) {
  throw Error(sqlstate::kFeatureNotSupported, "unit \"" + std::string(DatePartName(part)) +
                                                  "\" not supported for type " + type_name);
}

DatePartValue Integer(int64_t value) { return {value, 0}; }

// PostgreSQL numbers years without a year 0 (1 BC is followed by 1 AD) in extract().
int64_t DisplayYear(int64_t year) { return year > 0 ? year : year - 1; }

// PostgreSQL's decade/century/millennium of an astronomical year.
int64_t Decade(int64_t year) { return year >= 0 ? year / 10 : -((8 - (year - 1)) / 10); }
int64_t Century(int64_t year) { return year > 0 ? (year + 99) / 100 : -((99 - (year - 1)) / 100); }
int64_t Millennium(int64_t year) {
  return year > 0 ? (year + 999) / 1000 : -((999 - (year - 1)) / 1000);
}

// Base-10000 weight and leading digit of a positive number, as PostgreSQL's numeric
// stores it; zero counts as weight 0, digit 0.
void NumericWeight(int64_t value, int& weight, int64_t& first_digit) {
  weight = 0;
  first_digit = value;
  while (first_digit >= 10000) {
    first_digit /= 10000;
    ++weight;
  }
}

// Julian day with the time of day as a fraction. The scale copies PostgreSQL's
// numeric division (select_div_scale: 16 significant digits, at least).
DatePartValue JulianWithFraction(int64_t days, int64_t clock_micros) {
  const int64_t julian = days + kUnixEpochJulianDay;
  int numerator_weight = 0;
  int denominator_weight = 0;
  int64_t numerator_digit = 0;
  int64_t denominator_digit = 0;
  NumericWeight(clock_micros, numerator_weight, numerator_digit);
  NumericWeight(kMicrosPerDay, denominator_weight, denominator_digit);
  int quotient_weight = numerator_weight - denominator_weight;
  if (numerator_digit <= denominator_digit) --quotient_weight;
  const int scale = 16 - quotient_weight * 4;
  // Round half away from zero; the numerator is never negative.
  const int128_t fraction =
      (int128_t{clock_micros} * PowerOfTen(scale) * 2 + kMicrosPerDay) / (2 * kMicrosPerDay);
  return {int128_t{julian} * PowerOfTen(scale) + fraction, static_cast<uint8_t>(scale)};
}

// Fields every date-bearing type shares; nullopt for parts a date does not have.
std::optional<DatePartValue> ExtractDateField(DatePart part, int64_t days) {
  const CivilDate date = CivilFromDays(days);
  switch (part) {
    case DatePart::kDay:
      return Integer(date.day);
    case DatePart::kMonth:
      return Integer(date.month);
    case DatePart::kQuarter:
      return Integer((date.month - 1) / 3 + 1);
    case DatePart::kWeek:
      return Integer(IsoWeek(days));
    case DatePart::kYear:
      return Integer(DisplayYear(date.year));
    case DatePart::kDecade:
      return Integer(Decade(date.year));
    case DatePart::kCentury:
      return Integer(Century(date.year));
    case DatePart::kMillennium:
      return Integer(Millennium(date.year));
    case DatePart::kDayOfWeek:
      return Integer(DayOfWeek(days));
    case DatePart::kIsoDayOfWeek:
      return Integer(DayOfWeek(days) == 0 ? 7 : DayOfWeek(days));
    case DatePart::kDayOfYear:
      return Integer(days - DaysFromCivil(date.year, 1, 1) + 1);
    case DatePart::kIsoYear:
      return Integer(DisplayYear(IsoYear(days)));
    default:
      return std::nullopt;
  }
}

// Clock fields of TIME, TIMESTAMP and intervals' time part.
std::optional<DatePartValue> ExtractClockField(DatePart part, int64_t clock_micros) {
  const int64_t second_micros = clock_micros % kMicrosPerMinute;
  switch (part) {
    case DatePart::kMicroseconds:
      return Integer(second_micros);
    case DatePart::kMilliseconds:
      return DatePartValue{second_micros, 3};
    case DatePart::kSecond:
      return DatePartValue{second_micros, 6};
    case DatePart::kMinute:
      return Integer(clock_micros / kMicrosPerMinute % 60);
    case DatePart::kHour:
      return Integer(clock_micros / kMicrosPerHour);
    default:
      return std::nullopt;
  }
}

// TIMESTAMP, or TIMESTAMPTZ in local time; `type_name` is for the error message.
std::optional<DatePartValue> ExtractFromLocalTimestamp(DatePart part, int64_t micros,
                                                       const char* type_name) {
  const bool clock_part = ExtractClockField(part, 0).has_value();
  if (!clock_part && !ExtractDateField(part, 0) && part != DatePart::kEpoch &&
      part != DatePart::kJulian) {
    ThrowUnsupported(part, type_name);
  }
  if (!IsFiniteTimestamp(micros)) return std::nullopt;
  const int64_t days = FloorDiv(micros, kMicrosPerDay);
  const int64_t clock = FloorMod(micros, kMicrosPerDay);
  if (part == DatePart::kEpoch) return DatePartValue{micros, 6};
  if (part == DatePart::kJulian) {
    return clock == 0 ? Integer(days + kUnixEpochJulianDay) : JulianWithFraction(days, clock);
  }
  return clock_part ? ExtractClockField(part, clock) : ExtractDateField(part, days);
}

}  // namespace

std::optional<DatePart> ParseDatePart(std::string_view name) {
  for (const DatePartSpelling& spelling : kSpellings) {
    if (EqualsIgnoreCase(name, spelling.name)) return spelling.part;
  }
  return std::nullopt;
}

std::string_view DatePartName(DatePart part) {
  for (const DatePartSpelling& spelling : kSpellings) {
    if (spelling.part == part) return spelling.name;
  }
  return "?";
}

double DatePartValue::ToDouble() const {
  return static_cast<double>(static_cast<long double>(unscaled) /
                             static_cast<long double>(PowerOfTen(scale)));
}

std::optional<DatePartValue> ExtractFromDate(DatePart part, int32_t days) {
  if (part == DatePart::kEpoch || part == DatePart::kJulian) {
    if (!IsFiniteDate(days)) return std::nullopt;
    return Integer(part == DatePart::kEpoch ? int64_t{days} * 86400
                                            : int64_t{days} + kUnixEpochJulianDay);
  }
  // Checked before infinity, so that an unsupported unit fails for every row.
  if (!ExtractDateField(part, 0)) ThrowUnsupported(part, "date");
  if (!IsFiniteDate(days)) return std::nullopt;
  return ExtractDateField(part, days);
}

DatePartValue ExtractFromTime(DatePart part, int64_t micros) {
  if (part == DatePart::kEpoch) return {micros, 6};
  const std::optional<DatePartValue> value = ExtractClockField(part, micros);
  if (!value) ThrowUnsupported(part, "time without time zone");
  return *value;
}

std::optional<DatePartValue> ExtractFromTimestamp(DatePart part, int64_t micros) {
  return ExtractFromLocalTimestamp(part, micros, "timestamp without time zone");
}

std::optional<DatePartValue> ExtractFromTimestampTz(DatePart part, int64_t utc_micros,
                                                    const TimeZone& zone) {
  const int32_t utc_offset_seconds =
      IsFiniteTimestamp(utc_micros) ? zone.OffsetAtMicros(utc_micros) : 0;
  switch (part) {
    case DatePart::kTimezone:
      return Integer(utc_offset_seconds);
    case DatePart::kTimezoneHour:
      return Integer(utc_offset_seconds / 3600);
    case DatePart::kTimezoneMinute:
      return Integer(utc_offset_seconds / 60 % 60);
    case DatePart::kEpoch:
      if (!IsFiniteTimestamp(utc_micros)) return std::nullopt;
      return DatePartValue{utc_micros, 6};
    default:
      return ExtractFromLocalTimestamp(part, TimestampTzToLocal(utc_micros, zone),
                                       "timestamp with time zone");
  }
}

DatePartValue ExtractFromInterval(DatePart part, const Interval& interval) {
  const int64_t years = interval.months / 12;
  switch (part) {
    case DatePart::kDay:
      return Integer(interval.days);
    case DatePart::kMonth:
      return Integer(interval.months % 12);
    case DatePart::kQuarter:
      return Integer(interval.months % 12 / 3 + 1);
    case DatePart::kYear:
      return Integer(years);
    case DatePart::kDecade:
      return Integer(years / 10);
    case DatePart::kCentury:
      return Integer(years / 100);
    case DatePart::kMillennium:
      return Integer(years / 1000);
    case DatePart::kEpoch: {
      // A year counts 365.25 days and a month 30, as in PostgreSQL.
      const int128_t seconds = int128_t{years} * 31'557'600 +
                               int128_t{interval.months % 12} * 30 * 86400 +
                               int128_t{interval.days} * 86400;
      return {seconds * kMicrosPerSecond + interval.micros, 6};
    }
    default:
      break;
  }
  // Clock fields of a possibly negative micros count: truncating division keeps
  // every field's sign, as PostgreSQL's interval2itm does.
  switch (part) {
    case DatePart::kMicroseconds:
      return Integer(interval.micros % kMicrosPerMinute);
    case DatePart::kMilliseconds:
      return {interval.micros % kMicrosPerMinute, 3};
    case DatePart::kSecond:
      return {interval.micros % kMicrosPerMinute, 6};
    case DatePart::kMinute:
      return Integer(interval.micros / kMicrosPerMinute % 60);
    case DatePart::kHour:
      return Integer(interval.micros / kMicrosPerHour);
    default:
      ThrowUnsupported(part, "interval");
  }
}

int64_t TruncTimestamp(DatePart part, int64_t micros) {
  switch (part) {
    case DatePart::kMicroseconds:
    case DatePart::kMilliseconds:
    case DatePart::kSecond:
    case DatePart::kMinute:
    case DatePart::kHour:
    case DatePart::kDay:
    case DatePart::kWeek:
    case DatePart::kMonth:
    case DatePart::kQuarter:
    case DatePart::kYear:
    case DatePart::kDecade:
    case DatePart::kCentury:
    case DatePart::kMillennium:
      break;
    default:
      ThrowUnsupported(part, "timestamp without time zone");
  }
  if (!IsFiniteTimestamp(micros)) return micros;
  if (!IsValidTimestamp(micros)) datetime_internal::ThrowOutOfRange("timestamp");
  // Units up to a day divide the timeline evenly.
  const int64_t days = FloorDiv(micros, kMicrosPerDay);
  switch (part) {
    case DatePart::kMicroseconds:
      return micros;
    case DatePart::kMilliseconds:
      return micros - FloorMod(micros, 1000);
    case DatePart::kSecond:
      return micros - FloorMod(micros, kMicrosPerSecond);
    case DatePart::kMinute:
      return micros - FloorMod(micros, kMicrosPerMinute);
    case DatePart::kHour:
      return micros - FloorMod(micros, kMicrosPerHour);
    case DatePart::kDay:
      return days * kMicrosPerDay;
    case DatePart::kWeek: {
      const int64_t monday = days - (DayOfWeek(days) + 6) % 7;
      if (monday * kMicrosPerDay < kMinTimestamp) datetime_internal::ThrowOutOfRange("timestamp");
      return monday * kMicrosPerDay;
    }
    default:
      break;
  }
  CivilDate date = CivilFromDays(days);
  const int64_t year = date.year;
  switch (part) {
    case DatePart::kMillennium:
      date.year = static_cast<int32_t>(year > 0 ? ((year + 999) / 1000) * 1000 - 999
                                                : -((999 - (year - 1)) / 1000) * 1000 + 1);
      date.month = 1;
      break;
    case DatePart::kCentury:
      date.year = static_cast<int32_t>(year > 0 ? ((year + 99) / 100) * 100 - 99
                                                : -((99 - (year - 1)) / 100) * 100 + 1);
      date.month = 1;
      break;
    case DatePart::kDecade:
      date.year = static_cast<int32_t>(year > 0 ? (year / 10) * 10 : -((8 - (year - 1)) / 10) * 10);
      date.month = 1;
      break;
    case DatePart::kYear:
      date.month = 1;
      break;
    case DatePart::kQuarter:
      date.month = 3 * ((date.month - 1) / 3) + 1;
      break;
    default:  // kMonth
      break;
  }
  DateTimeFields fields;
  fields.year = date.year;
  fields.month = date.month;
  fields.day = 1;
  return JoinTimestamp(fields);
}

int64_t TruncTimestampTz(DatePart part, int64_t utc_micros, const TimeZone& zone) {
  if (!IsFiniteTimestamp(utc_micros)) {
    TruncTimestamp(part, 0);  // still rejects unsupported units
    return utc_micros;
  }
  const int32_t offset = zone.OffsetAtMicros(utc_micros);
  const int64_t local = utc_micros + int64_t{offset} * kMicrosPerSecond;
  const int64_t truncated = TruncTimestamp(part, local);
  switch (part) {
    case DatePart::kMicroseconds:
    case DatePart::kMilliseconds:
    case DatePart::kSecond:
    case DatePart::kMinute:
    case DatePart::kHour:
      // Within the hour of an overlap, 01:40 EDT truncates to 01:00 EDT, not EST.
      return truncated - int64_t{offset} * kMicrosPerSecond;
    default:
      return LocalToTimestampTz(truncated, zone);
  }
}

Interval TruncInterval(DatePart part, const Interval& interval) {
  int64_t years = interval.months / 12;
  int64_t months = interval.months % 12;
  int64_t days = interval.days;
  int64_t micros = interval.micros;
  // C++ division truncates toward zero, which is what PostgreSQL does here too.
  switch (part) {
    case DatePart::kMillennium:
      years = years / 1000 * 1000;
      months = days = micros = 0;
      break;
    case DatePart::kCentury:
      years = years / 100 * 100;
      months = days = micros = 0;
      break;
    case DatePart::kDecade:
      years = years / 10 * 10;
      months = days = micros = 0;
      break;
    case DatePart::kYear:
      months = days = micros = 0;
      break;
    case DatePart::kQuarter:
      months = 3 * (months / 3);
      days = micros = 0;
      break;
    case DatePart::kMonth:
      days = micros = 0;
      break;
    case DatePart::kDay:
      micros = 0;
      break;
    case DatePart::kHour:
      micros = micros / kMicrosPerHour * kMicrosPerHour;
      break;
    case DatePart::kMinute:
      micros = micros / kMicrosPerMinute * kMicrosPerMinute;
      break;
    case DatePart::kSecond:
      micros = micros / kMicrosPerSecond * kMicrosPerSecond;
      break;
    case DatePart::kMilliseconds:
      micros = micros / 1000 * 1000;
      break;
    case DatePart::kMicroseconds:
      break;
    default:
      ThrowUnsupported(part, "interval");
  }
  return {static_cast<int32_t>(years * 12 + months), static_cast<int32_t>(days), micros};
}

}  // namespace basin
