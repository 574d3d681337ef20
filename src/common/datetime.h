// src/common/datetime.h
#pragma once

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>

#include "common/types.h"

// Calendar and clock primitives behind DATE, TIME, TIMESTAMP, TIMESTAMPTZ and
// INTERVAL, with PostgreSQL's semantics (DateStyle ISO, IntervalStyle postgres).
//
// Physical forms (see types.h): DATE = int32 days since 1970-01-01; TIME = int64 µs
// since midnight; TIMESTAMP = int64 µs since 1970-01-01 00:00:00 (local, no zone);
// TIMESTAMPTZ = int64 µs since the epoch in UTC; INTERVAL = {months, days, micros}.
//
// Years are astronomical inside the engine: year 0 is 1 BC, -1 is 2 BC. Only text
// input and output use the BC notation.
//
// Time zones: the functions that need one take a TimeZone (time_zone.h), normally
// the session's, resolved once per statement. Local times that a DST change skips or
// repeats are read as PostgreSQL reads them (TimeZone::OffsetForLocal).
namespace basin {

class TimeZone;

inline constexpr int64_t kMicrosPerSecond = 1'000'000;
inline constexpr int64_t kMicrosPerMinute = 60 * kMicrosPerSecond;
inline constexpr int64_t kMicrosPerHour = 60 * kMicrosPerMinute;
inline constexpr int64_t kMicrosPerDay = 24 * kMicrosPerHour;
// Julian day number of 1970-01-01.
inline constexpr int32_t kUnixEpochJulianDay = 2440588;

// +-infinity sentinels, as PostgreSQL has them.
inline constexpr int32_t kDateInfinity = std::numeric_limits<int32_t>::max();
inline constexpr int32_t kDateNegativeInfinity = std::numeric_limits<int32_t>::min();
inline constexpr int64_t kTimestampInfinity = std::numeric_limits<int64_t>::max();
inline constexpr int64_t kTimestampNegativeInfinity = std::numeric_limits<int64_t>::min();

// PostgreSQL's date range: 4714-11-24 BC (Julian day 0) .. 5874897-12-31.
inline constexpr int32_t kMinDate = -kUnixEpochJulianDay;
inline constexpr int32_t kMaxDate = 2145042905;
// Timestamps start where dates do. They end earlier than PostgreSQL's 294276 AD:
// counting µs from 1970 instead of 2000, int64 runs out in 294247 AD, so the range
// stops at 294247-01-01 00:00:00 (exclusive).
inline constexpr int64_t kMinTimestamp = int64_t{kMinDate} * kMicrosPerDay;
inline constexpr int32_t kEndTimestampDate = 106'751'982;  // 294247-01-01
inline constexpr int64_t kEndTimestamp = int64_t{kEndTimestampDate} * kMicrosPerDay;

struct CivilDate {
  int32_t year = 1970;  // astronomical
  int32_t month = 1;    // 1..12
  int32_t day = 1;      // 1..31
};

// A timestamp split into fields. For TIME, only the clock fields are used.
struct DateTimeFields {
  int32_t year = 1970;  // astronomical
  int32_t month = 1;
  int32_t day = 1;
  int32_t hour = 0;
  int32_t minute = 0;
  int32_t second = 0;
  int32_t micros = 0;  // 0..999999
};

// ---- Calendar (proleptic Gregorian) -------------------------------------------

bool IsLeapYear(int64_t year);
int DaysInMonth(int64_t year, int month);
// Days since 1970-01-01 of a valid calendar date; no range check.
int64_t DaysFromCivil(int64_t year, int month, int day);
CivilDate CivilFromDays(int64_t days);

inline bool IsFiniteDate(int32_t days) {
  return days != kDateInfinity && days != kDateNegativeInfinity;
}
inline bool IsFiniteTimestamp(int64_t micros) {
  return micros != kTimestampInfinity && micros != kTimestampNegativeInfinity;
}
inline bool IsValidDate(int64_t days) { return days >= kMinDate && days <= kMaxDate; }
inline bool IsValidTimestamp(int64_t micros) {
  return micros >= kMinTimestamp && micros < kEndTimestamp;
}

// REQUIRES: IsFiniteTimestamp(micros).
DateTimeFields SplitTimestamp(int64_t micros);
// Throws 22008 "timestamp out of range" when the fields lie outside the range.
// Fields need not be normalized in the clock part (hour 24 rolls over).
int64_t JoinTimestamp(const DateTimeFields& fields);

// ISO 8601 week number (weeks start on Monday; week 1 holds January 4th) and the
// year that week belongs to.
int IsoWeek(int64_t days);
int64_t IsoYear(int64_t days);
// 0 = Sunday .. 6 = Saturday.
int DayOfWeek(int64_t days);

// ---- Text input ------------------------------------------------------------------

// Why parsing failed; the cast turns it into PostgreSQL's error (or NULL for TRY_CAST).
enum class DatetimeParseStatus : uint8_t {
  kOk,
  kInvalidSyntax,       // 22007 invalid input syntax for type date: "..."
  kFieldOutOfRange,     // 22008 date/time field value out of range (interval: 22015)
  kValueOutOfRange,     // 22008 date out of range / timestamp out of range
  kTimeZoneOutOfRange,  // 22009 time zone displacement out of range
};

// Surrounding whitespace is ignored everywhere. Accepted forms:
// date:      YYYY-MM-DD (also / or . separators), YYYYMMDD, MM/DD/YYYY (DateStyle MDY),
//            a trailing "BC"/"AD", "epoch", "infinity", "-infinity"; a time after
//            the date is checked and ignored.
// time:      HH:MM[:SS[.ffffff]] [AM|PM] with an ignored zone; or a full timestamp.
// timestamp: <date>[ T]<time>[zone][ BC]; the zone is +HH, +HHMM, +HH:MM or +HH:MM:SS,
//            an abbreviation ("Z", "UTC", "EST", "CEST"; see FindTimeZoneAbbreviation)
//            or a zone name ("America/New_York"). TIMESTAMP ignores it; TIMESTAMPTZ
//            converts to UTC, using `session_zone` when the text has no zone.
// interval:  PostgreSQL's syntax ("1 year 2 mons -3 days 04:05:06.5", "1-2",
//            "@ 1 day ago", "1.5 weeks", "90 min") and ISO 8601 "P1Y2M3DT4H5M6.5S".
// Fractional seconds beyond microseconds are rounded.
DatetimeParseStatus ParseDate(std::string_view text, int32_t& days);
DatetimeParseStatus ParseTime(std::string_view text, int64_t& micros);
DatetimeParseStatus ParseTimestamp(std::string_view text, int64_t& micros);
DatetimeParseStatus ParseTimestampTz(std::string_view text, const TimeZone& session_zone,
                                     int64_t& utc_micros);
DatetimeParseStatus ParseInterval(std::string_view text, Interval& interval);

// Throws PostgreSQL's error for a failed parse of `text` as `type` (kDate, kTime,
// kTimestamp, kTimestampTz or kInterval). REQUIRES: status != kOk.
[[noreturn]] void ThrowDatetimeParseError(DatetimeParseStatus status, TypeId type,
                                          std::string_view text);

// ---- Text output -----------------------------------------------------------------

// "2024-01-05", "0044-03-15 BC", "infinity".
std::string FormatDate(int32_t days);
// "04:05:06", "04:05:06.5" (trailing zeros trimmed).
std::string FormatTime(int64_t micros);
// "2024-01-05 04:05:06.123".
std::string FormatTimestamp(int64_t micros);
// "2024-01-05 04:05:06+00", "... 09:35:06+05:30": shown in the local time of `zone`,
// with the offset in force then.
std::string FormatTimestampTz(int64_t utc_micros, const TimeZone& zone);
// "1 year 2 mons 3 days 04:05:06", "-1 days +02:00:00", "00:00:00".
std::string FormatInterval(const Interval& interval);
// The Append* forms add to `out`, so a caller can reuse one buffer for many rows.
void AppendDate(std::string& out, int32_t days);
void AppendTime(std::string& out, int64_t micros);
void AppendTimestamp(std::string& out, int64_t micros);
void AppendTimestampTz(std::string& out, int64_t utc_micros, const TimeZone& zone);
// "+05:30", "-03:30:15", "+00": PostgreSQL's spelling of a UTC offset (seconds east).
void AppendUtcOffset(std::string& out, int32_t utc_offset_seconds);
void AppendInterval(std::string& out, const Interval& interval);

// ---- Conversions and arithmetic ---------------------------------------------------
// Errors are 22008 ("date out of range", "timestamp out of range", "interval out of
// range", "date out of range for timestamp"). Infinite inputs stay infinite.

// Midnight of the date. Throws "date out of range for timestamp".
int64_t DateToTimestamp(int32_t days);
// The day the timestamp falls on (floor).
int32_t TimestampToDate(int64_t micros);
// Time of day. REQUIRES: IsFiniteTimestamp(micros) (PostgreSQL gives NULL otherwise).
int64_t TimestampToTime(int64_t micros);
// Local (zone-less) timestamp <-> UTC instant in `zone`. Infinite values stay infinite;
// LocalToTimestampTz throws 22008 "timestamp out of range" past the range.
int64_t TimestampTzToLocal(int64_t utc_micros, const TimeZone& zone);
int64_t LocalToTimestampTz(int64_t local_micros, const TimeZone& zone);

// timestamp + interval: months first (clamping the day to the month's end, so
// Jan 31 + 1 month = Feb 29 in 2024), then days, then micros.
int64_t AddIntervalToTimestamp(int64_t micros, const Interval& interval);
int64_t SubtractIntervalFromTimestamp(int64_t micros, const Interval& interval);
// timestamptz + interval as PostgreSQL does it: months and days move the local
// wall-clock time in `zone` (so '1 day' across a DST change is 23 or 25 hours), the
// time part moves the instant.
int64_t AddIntervalToTimestampTz(int64_t utc_micros, const Interval& interval, const TimeZone& zone);
// timestamp - timestamp: whole days plus the remaining micros, both with one sign
// (PostgreSQL applies justify_hours). Throws for infinite inputs.
Interval SubtractTimestamps(int64_t left, int64_t right);
// date + integer, date - date.
int32_t AddDaysToDate(int32_t days, int64_t delta);
int32_t SubtractDates(int32_t left, int32_t right);
// time + interval wraps around midnight (only the interval's micros count).
int64_t AddIntervalToTime(int64_t micros, const Interval& interval);

Interval AddIntervals(const Interval& left, const Interval& right);
Interval SubtractIntervals(const Interval& left, const Interval& right);
Interval NegateInterval(const Interval& interval);
// justify_hours: moves 24-hour chunks of micros into days.
Interval JustifyHours(const Interval& interval);
// justify_days: moves 30-day chunks of days into months.
Interval JustifyDays(const Interval& interval);
// justify_interval: both, with signs made consistent.
Interval JustifyInterval(const Interval& interval);

// Intervals compare as PostgreSQL does: as if a month were 30 days and a day 24
// hours, so '1 mon' = '30 days' = '720 hours'. Equality, ordering and hashing must all
// use this key.
int128_t IntervalSortKey(const Interval& interval);
inline int CompareIntervals(const Interval& left, const Interval& right) {
  const int128_t a = IntervalSortKey(left);
  const int128_t b = IntervalSortKey(right);
  return a < b ? -1 : (a > b ? 1 : 0);
}

// ---- extract() and date_trunc() ---------------------------------------------------

enum class DatePart : uint8_t {
  kMicroseconds,
  kMilliseconds,
  kSecond,
  kMinute,
  kHour,
  kDay,
  kWeek,
  kMonth,
  kQuarter,
  kYear,
  kDecade,
  kCentury,
  kMillennium,
  kDayOfWeek,     // dow
  kIsoDayOfWeek,  // isodow
  kDayOfYear,     // doy
  kEpoch,
  kIsoYear,
  kJulian,
  kTimezone,
  kTimezoneHour,
  kTimezoneMinute,
};

// Unit names as PostgreSQL spells them, case-insensitive, with its aliases and
// plurals ("hours", "hr", "mins", "msec", "y", "centuries"...). nullopt if unknown.
std::optional<DatePart> ParseDatePart(std::string_view name);
// The canonical name ("hour", "dow"), for error messages.
std::string_view DatePartName(DatePart part);

// extract()'s result in PostgreSQL 15 is numeric: unscaled / 10^scale. Seconds have
// scale 6 ("6.500000"), milliseconds 3, epoch 6 (0 for dates); the rest are integers.
struct DatePartValue {
  int128_t unscaled = 0;
  uint8_t scale = 0;
  double ToDouble() const;  // date_part()'s float8 result
};

// Throw 0A000 `unit "hour" not supported for type date` for parts that make no sense
// for the type. Return nullopt for infinite dates and timestamps (PostgreSQL returns
// NULL there, or +-Infinity for epoch/year-like parts, which a decimal cannot hold).
std::optional<DatePartValue> ExtractFromDate(DatePart part, int32_t days);
DatePartValue ExtractFromTime(DatePart part, int64_t micros);
std::optional<DatePartValue> ExtractFromTimestamp(DatePart part, int64_t micros);
std::optional<DatePartValue> ExtractFromTimestampTz(DatePart part, int64_t utc_micros,
                                                    const TimeZone& zone);
DatePartValue ExtractFromInterval(DatePart part, const Interval& interval);

// date_trunc: microseconds .. millennium; week truncates to Monday. Infinite inputs
// are returned unchanged. Throws 0A000 for other parts. TruncTimestampTz truncates in
// the local time of `zone`; as in PostgreSQL, units of a day and more find the offset
// of the truncated local time anew, smaller ones keep the input's offset.
int64_t TruncTimestamp(DatePart part, int64_t micros);
int64_t TruncTimestampTz(DatePart part, int64_t utc_micros, const TimeZone& zone);
Interval TruncInterval(DatePart part, const Interval& interval);

}  // namespace basin
