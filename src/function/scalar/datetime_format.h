// src/function/scalar/datetime_format.h
// PostgreSQL's datetime template patterns (YYYY, MM, Mon, DD, HH24, MI, SS, MS, US,
// AM, Day, Dy, DDD, D, IW, Q, TZ, "literal", FM and TH modifiers), shared by
// to_char (formatting) and to_date/to_timestamp (parsing). A template is parsed
// once per distinct format string into tokens.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace basin {

enum class FormatField : uint8_t {
  kLiteral,
  kHour24,
  kHour12,
  kMinute,
  kSecond,
  kMillisecond,
  kMicrosecond,
  kSecondsOfDay,  // SSSS, SSSSS
  kMeridiem,      // AM, PM, am, pm
  kMeridiemDots,  // A.M., P.M.
  kYear4,         // YYYY
  kYear3,
  kYear2,
  kYear1,
  kIsoYear,
  kMonth,         // MM
  kMonthName,     // MONTH, Month, month
  kMonthAbbrev,   // MON, Mon, mon
  kDayName,       // DAY, Day, day
  kDayAbbrev,     // DY, Dy, dy
  kDayOfYear,     // DDD
  kDayOfMonth,    // DD
  kDayOfWeek,     // D (1 = Sunday)
  kIsoDayOfWeek,  // ID (1 = Monday)
  kIsoWeek,       // IW
  kWeekOfYear,    // WW
  kQuarter,       // Q
  kJulianDay,     // J
  kCentury,       // CC
  kTimeZone,      // TZ, tz
  kZoneOffset,    // OF
};

enum class LetterCase : uint8_t { kUpper, kCapitalized, kLower };

struct FormatToken {
  FormatField field = FormatField::kLiteral;
  std::string literal;     // kLiteral only
  bool fill_mode = false;  // FM: no padding
  bool ordinal = false;    // TH / th suffix
  bool ordinal_upper = false;
  LetterCase letter_case = LetterCase::kUpper;
};

std::vector<FormatToken> ParseDatetimeFormat(std::string_view format);

// The calendar fields a template can print. For intervals, only the clock and
// year/month/day fields are meaningful and hours may exceed 23.
struct FormatFields {
  int64_t year = 1970;  // astronomical
  int64_t month = 1;
  int64_t day = 1;
  int64_t hour = 0;
  int64_t minute = 0;
  int64_t second = 0;
  int64_t micros = 0;
  int64_t days_since_epoch = 0;  // for day of week, day of year, ISO week
  bool is_interval = false;
  bool has_time_zone = false;  // timestamptz: TZ and OF print the session zone's
  std::string_view zone_abbreviation;  // "EDT"; must outlive AppendFormatted
  int32_t utc_offset = 0;              // seconds east
};

void AppendFormatted(std::string& out, const std::vector<FormatToken>& tokens,
                     const FormatFields& fields);

// English month and day names (PostgreSQL does not localize to_char without TM).
extern const char* const kMonthNames[12];
extern const char* const kDayNames[7];

}  // namespace basin
