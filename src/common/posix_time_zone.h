// src/common/posix_time_zone.h
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace basin {

// One kind of local time a zone observes: "EDT" is UTC-4 with DST.
struct LocalTimeType {
  int32_t utc_offset = 0;  // seconds east of UTC
  bool is_dst = false;
  std::string abbreviation;
};

// A change of local time type at a UTC instant (seconds since the epoch).
struct ZoneTransition {
  int64_t utc_seconds = 0;
  int32_t offset_before = 0;
  int32_t offset_after = 0;
};

// A POSIX TZ rule such as "EST5EDT,M3.2.0,M11.1.0" or "<+0530>-5:30". TZif files end
// with one that governs every instant after their last transition (years past 2037),
// and PostgreSQL accepts one as a TimeZone value ('UTC+3', '<-07>+07').
//
// POSIX offsets count hours west of UTC, so "UTC+3" is three hours *behind* UTC;
// fields here hold seconds east, as everywhere else in Basin.
class PosixTimeZone {
 public:
  // nullopt unless the whole text is a rule. As PostgreSQL does (unlike POSIX), the
  // standard-time name may be empty ("+05:30"); a DST name without dates takes the US
  // rules, as PostgreSQL's "posixrules" default does.
  static std::optional<PosixTimeZone> Parse(std::string_view text);

  const LocalTimeType& TypeAt(int64_t utc_seconds) const;
  // The first change of offset strictly after `utc_seconds`; nullopt without DST.
  std::optional<ZoneTransition> NextTransitionAfter(int64_t utc_seconds) const;
  bool has_dst() const { return has_dst_; }
  const LocalTimeType& standard() const { return standard_; }

 private:
  // When DST starts or ends within a year: a day, then a time of that day in the
  // local time in force before the change (may be negative or beyond 24 hours).
  struct DateRule {
    enum class Kind : uint8_t { kJulianNoLeap, kZeroBasedDay, kMonthWeekDay };
    Kind kind = Kind::kMonthWeekDay;
    int day = 0;    // Jn: 1..365; n: 0..365; M: weekday 0 (Sunday)..6
    int week = 0;   // M: 1..5, 5 meaning the last
    int month = 0;  // M: 1..12
    int32_t time_seconds = 2 * 3600;
  };

  static bool ParseDateRule(std::string_view& text, DateRule& rule);
  static int64_t RuleDay(const DateRule& rule, int64_t year);  // days since 1970
  // UTC instants at which DST starts and ends in `year`.
  int64_t DstStart(int64_t year) const;
  int64_t DstEnd(int64_t year) const;

  LocalTimeType standard_;
  LocalTimeType daylight_;
  bool has_dst_ = false;
  DateRule start_;
  DateRule end_;
};

}  // namespace basin
