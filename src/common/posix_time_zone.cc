#include "common/posix_time_zone.h"

#include <algorithm>

#include "common/datetime.h"
#include "common/datetime_internal.h"
#include "common/datetime_text.h"

namespace basin {

using datetime_internal::FloorDiv;
using datetime_text::IsAlpha;
using datetime_text::IsDigit;

namespace {

constexpr int64_t kSecondsPerDay = 86400;

// <+0530> or a run of letters (possibly empty). Advances `text`.
bool ParseName(std::string_view& text, std::string& name) {
  if (!text.empty() && text.front() == '<') {
    const size_t close = text.find('>');
    if (close == std::string_view::npos || close < 2) return false;
    name = std::string(text.substr(1, close - 1));
    for (char c : name) {
      if (!IsAlpha(c) && !IsDigit(c) && c != '+' && c != '-') return false;
    }
    text.remove_prefix(close + 1);
    return true;
  }
  size_t length = 0;
  while (length < text.size() && IsAlpha(text[length])) ++length;
  name = std::string(text.substr(0, length));
  text.remove_prefix(length);
  return true;
}

// Reads up to `max_digits` digits into `value`; false if there are none.
bool ParseNumber(std::string_view& text, int max_digits, int64_t& value) {
  value = 0;
  int digits = 0;
  while (!text.empty() && IsDigit(text.front()) && digits < max_digits) {
    value = value * 10 + (text.front() - '0');
    text.remove_prefix(1);
    ++digits;
  }
  return digits > 0;
}

// [+-]hh[:mm[:ss]], hours up to 167 (a week, as tzcode allows for rule times).
bool ParseSignedClock(std::string_view& text, int64_t& seconds) {
  bool negative = false;
  if (!text.empty() && (text.front() == '+' || text.front() == '-')) {
    negative = text.front() == '-';
    text.remove_prefix(1);
  }
  int64_t hours = 0;
  int64_t minutes = 0;
  int64_t secs = 0;
  if (!ParseNumber(text, 3, hours) || hours > 167) return false;
  if (!text.empty() && text.front() == ':') {
    text.remove_prefix(1);
    if (!ParseNumber(text, 2, minutes) || minutes > 59) return false;
    if (!text.empty() && text.front() == ':') {
      text.remove_prefix(1);
      if (!ParseNumber(text, 2, secs) || secs > 59) return false;
    }
  }
  seconds = hours * 3600 + minutes * 60 + secs;
  if (negative) seconds = -seconds;
  return true;
}

bool StartsOffset(std::string_view text) {
  return !text.empty() && (IsDigit(text.front()) || text.front() == '+' || text.front() == '-');
}

}  // namespace

bool PosixTimeZone::ParseDateRule(std::string_view& text, DateRule& rule) {
  int64_t value = 0;
  if (!text.empty() && text.front() == 'J') {
    text.remove_prefix(1);
    if (!ParseNumber(text, 3, value) || value < 1 || value > 365) return false;
    rule.kind = DateRule::Kind::kJulianNoLeap;
    rule.day = static_cast<int>(value);
  } else if (!text.empty() && text.front() == 'M') {
    text.remove_prefix(1);
    int64_t week = 0;
    int64_t weekday = 0;
    if (!ParseNumber(text, 2, value) || value < 1 || value > 12) return false;
    if (text.empty() || text.front() != '.') return false;
    text.remove_prefix(1);
    if (!ParseNumber(text, 1, week) || week < 1 || week > 5) return false;
    if (text.empty() || text.front() != '.') return false;
    text.remove_prefix(1);
    if (!ParseNumber(text, 1, weekday) || weekday > 6) return false;
    rule.kind = DateRule::Kind::kMonthWeekDay;
    rule.month = static_cast<int>(value);
    rule.week = static_cast<int>(week);
    rule.day = static_cast<int>(weekday);
  } else {
    if (!ParseNumber(text, 3, value) || value > 365) return false;
    rule.kind = DateRule::Kind::kZeroBasedDay;
    rule.day = static_cast<int>(value);
  }
  rule.time_seconds = 2 * 3600;
  if (!text.empty() && text.front() == '/') {
    text.remove_prefix(1);
    int64_t seconds = 0;
    if (!ParseSignedClock(text, seconds)) return false;
    rule.time_seconds = static_cast<int32_t>(seconds);
  }
  return true;
}

std::optional<PosixTimeZone> PosixTimeZone::Parse(std::string_view text) {
  PosixTimeZone zone;
  int64_t seconds = 0;
  if (!ParseName(text, zone.standard_.abbreviation) || !StartsOffset(text) ||
      !ParseSignedClock(text, seconds)) {
    return std::nullopt;
  }
  zone.standard_.utc_offset = static_cast<int32_t>(-seconds);
  if (text.empty()) return zone;

  if (!ParseName(text, zone.daylight_.abbreviation) || zone.daylight_.abbreviation.empty()) {
    return std::nullopt;
  }
  zone.has_dst_ = true;
  zone.daylight_.is_dst = true;
  zone.daylight_.utc_offset = zone.standard_.utc_offset + 3600;
  if (StartsOffset(text)) {
    if (!ParseSignedClock(text, seconds)) return std::nullopt;
    zone.daylight_.utc_offset = static_cast<int32_t>(-seconds);
  }
  if (text.empty()) {
    // The US rules since 2007: second Sunday of March to first Sunday of November.
    zone.start_ = {DateRule::Kind::kMonthWeekDay, 0, 2, 3, 2 * 3600};
    zone.end_ = {DateRule::Kind::kMonthWeekDay, 0, 1, 11, 2 * 3600};
    return zone;
  }
  if (text.front() != ',') return std::nullopt;
  text.remove_prefix(1);
  if (!ParseDateRule(text, zone.start_)) return std::nullopt;
  if (text.empty() || text.front() != ',') return std::nullopt;
  text.remove_prefix(1);
  if (!ParseDateRule(text, zone.end_) || !text.empty()) return std::nullopt;
  return zone;
}

int64_t PosixTimeZone::RuleDay(const DateRule& rule, int64_t year) {
  const int64_t january1 = DaysFromCivil(year, 1, 1);
  switch (rule.kind) {
    case DateRule::Kind::kJulianNoLeap:
      // Day 60 is March 1st even in leap years: February 29th is never counted.
      return january1 + rule.day - 1 + (IsLeapYear(year) && rule.day >= 60 ? 1 : 0);
    case DateRule::Kind::kZeroBasedDay:
      return january1 + rule.day;
    case DateRule::Kind::kMonthWeekDay:
      break;
  }
  const int64_t first = DaysFromCivil(year, rule.month, 1);
  int64_t day = first + (rule.day - DayOfWeek(first) + 7) % 7 + int64_t{rule.week - 1} * 7;
  const int64_t month_end = first + DaysInMonth(year, rule.month);
  while (day >= month_end) day -= 7;  // week 5 means the last such weekday
  return day;
}

int64_t PosixTimeZone::DstStart(int64_t year) const {
  return RuleDay(start_, year) * kSecondsPerDay + start_.time_seconds - standard_.utc_offset;
}

int64_t PosixTimeZone::DstEnd(int64_t year) const {
  return RuleDay(end_, year) * kSecondsPerDay + end_.time_seconds - daylight_.utc_offset;
}

const LocalTimeType& PosixTimeZone::TypeAt(int64_t utc_seconds) const {
  if (!has_dst_) return standard_;
  const int64_t year = CivilFromDays(FloorDiv(utc_seconds, kSecondsPerDay)).year;
  const int64_t start = DstStart(year);
  const int64_t end = DstEnd(year);
  // Southern-hemisphere rules start DST late in the year and end it early.
  const bool in_dst = start < end ? (utc_seconds >= start && utc_seconds < end)
                                  : (utc_seconds < end || utc_seconds >= start);
  return in_dst ? daylight_ : standard_;
}

std::optional<ZoneTransition> PosixTimeZone::NextTransitionAfter(int64_t utc_seconds) const {
  if (!has_dst_) return std::nullopt;
  const int64_t year = CivilFromDays(FloorDiv(utc_seconds, kSecondsPerDay)).year;
  std::optional<int64_t> next;
  bool next_is_start = false;
  for (int64_t y = year - 1; y <= year + 1; ++y) {
    for (const bool is_start : {true, false}) {
      const int64_t at = is_start ? DstStart(y) : DstEnd(y);
      if (at > utc_seconds && (!next || at < *next)) {
        next = at;
        next_is_start = is_start;
      }
    }
  }
  if (!next) return std::nullopt;
  ZoneTransition transition;
  transition.utc_seconds = *next;
  transition.offset_before = next_is_start ? standard_.utc_offset : daylight_.utc_offset;
  transition.offset_after = next_is_start ? daylight_.utc_offset : standard_.utc_offset;
  return transition;
}

}  // namespace basin
