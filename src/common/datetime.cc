// Calendar arithmetic, conversions and text output. Parsing lives in
// datetime_parse.cc, extract() and date_trunc() in datetime_fields.cc.
#include "common/datetime.h"

#include <algorithm>

#include "common/datetime_internal.h"
#include "common/error.h"
#include "common/time_zone.h"

namespace basin {

using datetime_internal::AppendPadded;
using datetime_internal::FloorDiv;
using datetime_internal::FloorMod;
using datetime_internal::ThrowOutOfRange;

// ---- Calendar --------------------------------------------------------------------

bool IsLeapYear(int64_t year) { return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0); }

int DaysInMonth(int64_t year, int month) {
  static constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && IsLeapYear(year) ? 29 : kDays[month - 1];
}

// Both directions count in 400-year eras of 146097 days, with years starting on
// March 1st so that the leap day is the last day of a year: then the day of the
// year follows from the month by a linear formula, (153 * m + 2) / 5.
int64_t DaysFromCivil(int64_t year, int month, int day) {
  const int64_t shifted_year = month <= 2 ? year - 1 : year;
  const int64_t era = FloorDiv(shifted_year, 400);
  const int64_t year_of_era = shifted_year - era * 400;
  const int64_t march_month = month > 2 ? month - 3 : month + 9;
  const int64_t day_of_year = (153 * march_month + 2) / 5 + day - 1;
  const int64_t day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  // 719468 days separate 0000-03-01 from 1970-01-01.
  return era * 146097 + day_of_era - 719468;
}

CivilDate CivilFromDays(int64_t days) {
  const int64_t shifted = days + 719468;
  const int64_t era = FloorDiv(shifted, 146097);
  const int64_t day_of_era = shifted - era * 146097;
  const int64_t year_of_era =
      (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  const int64_t day_of_year =
      day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  const int64_t march_month = (5 * day_of_year + 2) / 153;
  CivilDate date;
  date.day = static_cast<int32_t>(day_of_year - (153 * march_month + 2) / 5 + 1);
  date.month = static_cast<int32_t>(march_month < 10 ? march_month + 3 : march_month - 9);
  date.year = static_cast<int32_t>(year_of_era + era * 400 + (date.month <= 2 ? 1 : 0));
  return date;
}

DateTimeFields SplitTimestamp(int64_t micros) {
  const int64_t days = FloorDiv(micros, kMicrosPerDay);
  int64_t clock = FloorMod(micros, kMicrosPerDay);
  const CivilDate date = CivilFromDays(days);
  DateTimeFields fields;
  fields.year = date.year;
  fields.month = date.month;
  fields.day = date.day;
  fields.hour = static_cast<int32_t>(clock / kMicrosPerHour);
  clock %= kMicrosPerHour;
  fields.minute = static_cast<int32_t>(clock / kMicrosPerMinute);
  clock %= kMicrosPerMinute;
  fields.second = static_cast<int32_t>(clock / kMicrosPerSecond);
  fields.micros = static_cast<int32_t>(clock % kMicrosPerSecond);
  return fields;
}

int64_t JoinTimestamp(const DateTimeFields& fields) {
  const int128_t days = DaysFromCivil(fields.year, fields.month, fields.day);
  const int128_t micros = days * kMicrosPerDay + int128_t{fields.hour} * kMicrosPerHour +
                          int128_t{fields.minute} * kMicrosPerMinute +
                          int128_t{fields.second} * kMicrosPerSecond + fields.micros;
  if (micros < kMinTimestamp || micros >= kEndTimestamp) ThrowOutOfRange("timestamp");
  return static_cast<int64_t>(micros);
}

int DayOfWeek(int64_t days) {
  return static_cast<int>(FloorMod(days + 4, 7));  // 1970-01-01 was a Thursday
}

namespace {

// The Monday that starts ISO week 1 of `year`: the week holding January 4th.
int64_t IsoWeekOneMonday(int64_t year) {
  const int64_t january4 = DaysFromCivil(year, 1, 4);
  const int iso_day = (DayOfWeek(january4) + 6) % 7;  // 0 = Monday
  return january4 - iso_day;
}

}  // namespace

int64_t IsoYear(int64_t days) {
  const int64_t year = CivilFromDays(days).year;
  if (days >= IsoWeekOneMonday(year + 1)) return year + 1;
  if (days < IsoWeekOneMonday(year)) return year - 1;
  return year;
}

int IsoWeek(int64_t days) {
  return static_cast<int>((days - IsoWeekOneMonday(IsoYear(days))) / 7 + 1);
}

// ---- Conversions -----------------------------------------------------------------

int64_t DateToTimestamp(int32_t days) {
  if (days == kDateInfinity) return kTimestampInfinity;
  if (days == kDateNegativeInfinity) return kTimestampNegativeInfinity;
  if (days >= kEndTimestampDate) {
    throw Error(sqlstate::kDatetimeFieldOverflow, "date out of range for timestamp");
  }
  return int64_t{days} * kMicrosPerDay;
}

int32_t TimestampToDate(int64_t micros) {
  if (micros == kTimestampInfinity) return kDateInfinity;
  if (micros == kTimestampNegativeInfinity) return kDateNegativeInfinity;
  return static_cast<int32_t>(FloorDiv(micros, kMicrosPerDay));
}

int64_t TimestampToTime(int64_t micros) { return FloorMod(micros, kMicrosPerDay); }

int64_t TimestampTzToLocal(int64_t utc_micros, const TimeZone& zone) {
  if (!IsFiniteTimestamp(utc_micros)) return utc_micros;
  return utc_micros + int64_t{zone.OffsetAtMicros(utc_micros)} * kMicrosPerSecond;
}

int64_t LocalToTimestampTz(int64_t local_micros, const TimeZone& zone) {
  if (!IsFiniteTimestamp(local_micros)) return local_micros;
  const int32_t offset = zone.OffsetForLocalMicros(local_micros);
  const int64_t utc = local_micros - int64_t{offset} * kMicrosPerSecond;
  if (!IsValidTimestamp(utc)) ThrowOutOfRange("timestamp");
  return utc;
}

// ---- Arithmetic ------------------------------------------------------------------

int64_t AddIntervalToTimestamp(int64_t micros, const Interval& interval) {
  if (!IsFiniteTimestamp(micros)) return micros;
  int128_t result = micros;
  if (interval.months != 0) {
    DateTimeFields fields = SplitTimestamp(micros);
    const int64_t month_index = int64_t{fields.year} * 12 + (fields.month - 1) + interval.months;
    const int64_t year = FloorDiv(month_index, 12);
    fields.month = static_cast<int32_t>(month_index - year * 12 + 1);
    if (year < -5000 || year > 300000) ThrowOutOfRange("timestamp");
    fields.year = static_cast<int32_t>(year);
    fields.day = std::min(fields.day, static_cast<int32_t>(DaysInMonth(year, fields.month)));
    result = JoinTimestamp(fields);
  }
  result += int128_t{interval.days} * kMicrosPerDay + interval.micros;
  if (result < kMinTimestamp || result >= kEndTimestamp) ThrowOutOfRange("timestamp");
  return static_cast<int64_t>(result);
}

int64_t SubtractIntervalFromTimestamp(int64_t micros, const Interval& interval) {
  return AddIntervalToTimestamp(micros, NegateInterval(interval));
}

int64_t AddIntervalToTimestampTz(int64_t utc_micros, const Interval& interval,
                                 const TimeZone& zone) {
  if (!IsFiniteTimestamp(utc_micros)) return utc_micros;
  if (zone.fixed_offset()) {
    // Local and UTC time differ by a constant: no need to go through local time.
    const int64_t local = TimestampTzToLocal(utc_micros, zone);
    return LocalToTimestampTz(AddIntervalToTimestamp(local, interval), zone);
  }
  int64_t result = utc_micros;
  if (interval.months != 0 || interval.days != 0) {
    const int64_t local = TimestampTzToLocal(utc_micros, zone);
    result = LocalToTimestampTz(AddIntervalToTimestamp(local, Interval{interval.months, interval.days, 0}), zone);
  }
  int64_t moved;
  if (__builtin_add_overflow(result, interval.micros, &moved) || !IsValidTimestamp(moved)) {
    ThrowOutOfRange("timestamp");
  }
  return moved;
}

Interval SubtractTimestamps(int64_t left, int64_t right) {
  if (!IsFiniteTimestamp(left) || !IsFiniteTimestamp(right)) {
    throw Error(sqlstate::kDatetimeFieldOverflow, "cannot subtract infinite timestamps");
  }
  int64_t difference;
  if (__builtin_sub_overflow(left, right, &difference)) ThrowOutOfRange("interval");
  Interval result;
  // Truncating division keeps days and micros on the same side of zero.
  result.days = static_cast<int32_t>(difference / kMicrosPerDay);
  result.micros = difference % kMicrosPerDay;
  return result;
}

int32_t AddDaysToDate(int32_t days, int64_t delta) {
  if (!IsFiniteDate(days)) return days;
  const int64_t result = int64_t{days} + delta;
  if (delta > kMaxDate - int64_t{kMinDate} || delta < int64_t{kMinDate} - kMaxDate ||
      !IsValidDate(result)) {
    ThrowOutOfRange("date");
  }
  return static_cast<int32_t>(result);
}

int32_t SubtractDates(int32_t left, int32_t right) {
  if (!IsFiniteDate(left) || !IsFiniteDate(right)) {
    throw Error(sqlstate::kDatetimeFieldOverflow, "cannot subtract infinite dates");
  }
  return left - right;  // both lie in the date range, whose width fits int32
}

int64_t AddIntervalToTime(int64_t micros, const Interval& interval) {
  return FloorMod(micros + interval.micros % kMicrosPerDay, kMicrosPerDay);
}

Interval AddIntervals(const Interval& left, const Interval& right) {
  Interval result;
  if (__builtin_add_overflow(left.months, right.months, &result.months) ||
      __builtin_add_overflow(left.days, right.days, &result.days) ||
      __builtin_add_overflow(left.micros, right.micros, &result.micros)) {
    ThrowOutOfRange("interval");
  }
  return result;
}

Interval SubtractIntervals(const Interval& left, const Interval& right) {
  Interval result;
  if (__builtin_sub_overflow(left.months, right.months, &result.months) ||
      __builtin_sub_overflow(left.days, right.days, &result.days) ||
      __builtin_sub_overflow(left.micros, right.micros, &result.micros)) {
    ThrowOutOfRange("interval");
  }
  return result;
}

Interval NegateInterval(const Interval& interval) { return SubtractIntervals({}, interval); }

namespace {

constexpr int32_t kDaysPerMonth = 30;  // PostgreSQL's convention for interval math

int32_t CheckedAdd32(int32_t a, int64_t b) {
  const int64_t sum = int64_t{a} + b;
  if (sum < INT32_MIN || sum > INT32_MAX) ThrowOutOfRange("interval");
  return static_cast<int32_t>(sum);
}

}  // namespace

Interval JustifyHours(const Interval& interval) {
  Interval result = interval;
  result.days = CheckedAdd32(result.days, result.micros / kMicrosPerDay);
  result.micros %= kMicrosPerDay;
  if (result.days > 0 && result.micros < 0) {
    result.micros += kMicrosPerDay;
    result.days--;
  } else if (result.days < 0 && result.micros > 0) {
    result.micros -= kMicrosPerDay;
    result.days++;
  }
  return result;
}

Interval JustifyDays(const Interval& interval) {
  Interval result = interval;
  result.months = CheckedAdd32(result.months, result.days / kDaysPerMonth);
  result.days %= kDaysPerMonth;
  if (result.months > 0 && result.days < 0) {
    result.days += kDaysPerMonth;
    result.months--;
  } else if (result.months < 0 && result.days > 0) {
    result.days -= kDaysPerMonth;
    result.months++;
  }
  return result;
}

Interval JustifyInterval(const Interval& interval) {
  Interval result = interval;
  // Moving whole months out of `days` first keeps the day count from overflowing when
  // the micros are folded in.
  if ((result.days > 0 && result.micros > 0) || (result.days < 0 && result.micros < 0)) {
    result.months = CheckedAdd32(result.months, result.days / kDaysPerMonth);
    result.days %= kDaysPerMonth;
  }
  result.days = CheckedAdd32(result.days, result.micros / kMicrosPerDay);
  result.micros %= kMicrosPerDay;
  result.months = CheckedAdd32(result.months, result.days / kDaysPerMonth);
  result.days %= kDaysPerMonth;
  if (result.months > 0 && (result.days < 0 || (result.days == 0 && result.micros < 0))) {
    result.days += kDaysPerMonth;
    result.months--;
  } else if (result.months < 0 && (result.days > 0 || (result.days == 0 && result.micros > 0))) {
    result.days -= kDaysPerMonth;
    result.months++;
  }
  if (result.days > 0 && result.micros < 0) {
    result.micros += kMicrosPerDay;
    result.days--;
  } else if (result.days < 0 && result.micros > 0) {
    result.micros -= kMicrosPerDay;
    result.days++;
  }
  return result;
}

int128_t IntervalSortKey(const Interval& interval) {
  return (int128_t{interval.months} * kDaysPerMonth + interval.days) * kMicrosPerDay +
         interval.micros;
}

// ---- Text output -----------------------------------------------------------------

namespace {

// YYYY-MM-DD with the year in BC/AD notation; the caller adds " BC".
void AppendYearMonthDay(std::string& out, const CivilDate& date) {
  AppendPadded(out, date.year > 0 ? date.year : 1 - int64_t{date.year}, 4);
  out.push_back('-');
  AppendPadded(out, date.month, 2);
  out.push_back('-');
  AppendPadded(out, date.day, 2);
}

// "SS" or "SS.ffffff" without trailing zeros.
void AppendSeconds(std::string& out, int64_t seconds, int64_t micros) {
  AppendPadded(out, seconds, 2);
  if (micros == 0) return;
  out.push_back('.');
  int digits = 6;
  while (micros % 10 == 0) {
    micros /= 10;
    --digits;
  }
  AppendPadded(out, micros, digits);
}

// HH:MM:SS[.ffffff] of a non-negative number of micros (hours may exceed 24).
void AppendClock(std::string& out, uint64_t micros) {
  AppendPadded(out, static_cast<int64_t>(micros / kMicrosPerHour), 2);
  out.push_back(':');
  AppendPadded(out, static_cast<int64_t>(micros / kMicrosPerMinute % 60), 2);
  out.push_back(':');
  AppendSeconds(out, static_cast<int64_t>(micros / kMicrosPerSecond % 60),
                static_cast<int64_t>(micros % kMicrosPerSecond));
}

// Shared by TIMESTAMP and TIMESTAMPTZ: the zone (if any) goes before " BC".
void AppendLocalTimestamp(std::string& out, int64_t local_micros, const int32_t* utc_offset) {
  const DateTimeFields fields = SplitTimestamp(local_micros);
  AppendYearMonthDay(out, {fields.year, fields.month, fields.day});
  out.push_back(' ');
  AppendClock(out, static_cast<uint64_t>(FloorMod(local_micros, kMicrosPerDay)));
  if (utc_offset != nullptr) AppendUtcOffset(out, *utc_offset);
  if (fields.year <= 0) out += " BC";
}

// One "N unit(s)" part of an interval. After a negative part, positive ones get an
// explicit "+" so that "-1 days +02:00:00" cannot be misread.
void AppendIntervalPart(std::string& out, int64_t value, const char* unit, bool& is_zero,
                        bool& is_before) {
  if (value == 0) return;
  if (!is_zero) out.push_back(' ');
  if (is_before && value > 0) out.push_back('+');
  AppendPadded(out, value, 1);
  out.push_back(' ');
  out += unit;
  if (value != 1) out.push_back('s');
  is_before = value < 0;
  is_zero = false;
}

}  // namespace

void AppendDate(std::string& out, int32_t days) {
  if (days == kDateInfinity) {
    out += "infinity";
    return;
  }
  if (days == kDateNegativeInfinity) {
    out += "-infinity";
    return;
  }
  const CivilDate date = CivilFromDays(days);
  AppendYearMonthDay(out, date);
  if (date.year <= 0) out += " BC";
}

void AppendTime(std::string& out, int64_t micros) {
  AppendClock(out, static_cast<uint64_t>(micros));
}

void AppendTimestamp(std::string& out, int64_t micros) {
  if (micros == kTimestampInfinity) {
    out += "infinity";
  } else if (micros == kTimestampNegativeInfinity) {
    out += "-infinity";
  } else {
    AppendLocalTimestamp(out, micros, nullptr);
  }
}

void AppendUtcOffset(std::string& out, int32_t utc_offset_seconds) {
  const int32_t magnitude = utc_offset_seconds < 0 ? -utc_offset_seconds : utc_offset_seconds;
  out.push_back(utc_offset_seconds < 0 ? '-' : '+');
  AppendPadded(out, magnitude / 3600, 2);
  if (magnitude % 3600 != 0) {
    out.push_back(':');
    AppendPadded(out, magnitude / 60 % 60, 2);
    if (magnitude % 60 != 0) {
      out.push_back(':');
      AppendPadded(out, magnitude % 60, 2);
    }
  }
}

void AppendTimestampTz(std::string& out, int64_t utc_micros, const TimeZone& zone) {
  if (!IsFiniteTimestamp(utc_micros)) {
    AppendTimestamp(out, utc_micros);
    return;
  }
  const int32_t offset = zone.OffsetAtMicros(utc_micros);
  AppendLocalTimestamp(out, utc_micros + int64_t{offset} * kMicrosPerSecond, &offset);
}

void AppendInterval(std::string& out, const Interval& interval) {
  bool is_zero = true;
  bool is_before = false;
  AppendIntervalPart(out, interval.months / 12, "year", is_zero, is_before);
  AppendIntervalPart(out, interval.months % 12, "mon", is_zero, is_before);
  AppendIntervalPart(out, interval.days, "day", is_zero, is_before);
  if (!is_zero && interval.micros == 0) return;
  if (!is_zero) out.push_back(' ');
  if (interval.micros < 0) {
    out.push_back('-');
  } else if (is_before) {
    out.push_back('+');
  }
  const uint64_t magnitude = interval.micros < 0 ? 0 - static_cast<uint64_t>(interval.micros)
                                                 : static_cast<uint64_t>(interval.micros);
  AppendClock(out, magnitude);
}

std::string FormatDate(int32_t days) {
  std::string out;
  AppendDate(out, days);
  return out;
}

std::string FormatTime(int64_t micros) {
  std::string out;
  AppendTime(out, micros);
  return out;
}

std::string FormatTimestamp(int64_t micros) {
  std::string out;
  AppendTimestamp(out, micros);
  return out;
}

std::string FormatTimestampTz(int64_t utc_micros, const TimeZone& zone) {
  std::string out;
  AppendTimestampTz(out, utc_micros, zone);
  return out;
}

std::string FormatInterval(const Interval& interval) {
  std::string out;
  AppendInterval(out, interval);
  return out;
}

}  // namespace basin
