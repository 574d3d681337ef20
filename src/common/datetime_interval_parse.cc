// Text input of INTERVAL: PostgreSQL's own syntax and ISO 8601 durations.
#include <cmath>
#include <optional>

#include "common/datetime.h"
#include "common/datetime_text.h"

namespace basin {

using datetime_text::EqualsIgnoreCase;
using datetime_text::IsAlpha;
using datetime_text::IsDigit;
using datetime_text::TextCursor;
using datetime_text::ToLower;
using datetime_text::Trim;

namespace {

using Status = DatetimeParseStatus;

// Wide accumulators: each field is checked against its int32/int64 range once, at
// the end, instead of after every addition.
struct IntervalParts {
  int128_t months = 0;
  int128_t days = 0;
  int128_t micros = 0;
};

// A number as written, split into its integer part and fraction, both carrying the
// number's sign ("-1.5" is -1 and -0.5).
struct Number {
  int64_t whole = 0;
  double fraction = 0;
};

// 18 digits always fit int64, and no interval field can hold more.
constexpr int kMaxNumberDigits = 18;

Status ReadNumber(TextCursor& cursor, Number& number) {
  const bool negative = cursor.Peek() == '-';
  if (cursor.Peek() == '-' || cursor.Peek() == '+') cursor.Advance();
  int64_t whole = 0;
  const int digits = cursor.ReadDigits(whole, kMaxNumberDigits);
  if (digits > kMaxNumberDigits) return Status::kFieldOutOfRange;
  double fraction = 0;
  int fraction_digits = 0;
  if (cursor.Peek() == '.') {
    cursor.Advance();
    int64_t scaled = 0;
    fraction_digits = cursor.ReadDigits(scaled, kMaxNumberDigits);
    fraction =
        static_cast<double>(scaled) /
        std::pow(10.0, fraction_digits < kMaxNumberDigits ? fraction_digits : kMaxNumberDigits);
  }
  if (digits == 0 && fraction_digits == 0) return Status::kInvalidSyntax;
  number.whole = negative ? -whole : whole;
  number.fraction = negative ? -fraction : fraction;
  return Status::kOk;
}

// Adds number * scale micros.
void AddMicros(const Number& number, int64_t scale, IntervalParts& parts) {
  parts.micros += int128_t{number.whole} * scale;
  parts.micros +=
      static_cast<int64_t>(std::nearbyint(number.fraction * static_cast<double>(scale)));
}

// A fraction of `scale` days: whole days go to days, the rest to micros.
void SpillDays(double fraction, int scale, IntervalParts& parts) {
  const double days = fraction * scale;
  const int64_t whole_days = static_cast<int64_t>(days);
  parts.days += whole_days;
  parts.micros += static_cast<int64_t>(
      std::nearbyint((days - static_cast<double>(whole_days)) * kMicrosPerDay));
}

// Units above a month round their fraction to whole months.
void AddMonths(const Number& number, int64_t scale, IntervalParts& parts) {
  parts.months += int128_t{number.whole} * scale;
  parts.months += std::llround(number.fraction * static_cast<double>(scale));
}

// Returns false for units an interval cannot be written in (dow, epoch...).
bool ApplyUnit(DatePart unit, const Number& number, IntervalParts& parts) {
  switch (unit) {
    case DatePart::kMicroseconds:
      AddMicros(number, 1, parts);
      return true;
    case DatePart::kMilliseconds:
      AddMicros(number, 1000, parts);
      return true;
    case DatePart::kSecond:
      AddMicros(number, kMicrosPerSecond, parts);
      return true;
    case DatePart::kMinute:
      AddMicros(number, kMicrosPerMinute, parts);
      return true;
    case DatePart::kHour:
      AddMicros(number, kMicrosPerHour, parts);
      return true;
    case DatePart::kDay:
      parts.days += number.whole;
      AddMicros({0, number.fraction}, kMicrosPerDay, parts);
      return true;
    case DatePart::kWeek:
      parts.days += int128_t{number.whole} * 7;
      SpillDays(number.fraction, 7, parts);
      return true;
    case DatePart::kMonth:
      parts.months += number.whole;
      SpillDays(number.fraction, 30, parts);  // PostgreSQL's 30-day month
      return true;
    case DatePart::kYear:
      AddMonths(number, 12, parts);
      return true;
    case DatePart::kDecade:
      AddMonths(number, 120, parts);
      return true;
    case DatePart::kCentury:
      AddMonths(number, 1200, parts);
      return true;
    case DatePart::kMillennium:
      AddMonths(number, 12000, parts);
      return true;
    default:
      return false;
  }
}

uint32_t UnitBit(DatePart unit) { return uint32_t{1} << static_cast<int>(unit); }
const uint32_t kClockBits =
    UnitBit(DatePart::kHour) | UnitBit(DatePart::kMinute) | UnitBit(DatePart::kSecond);

// Whether the cursor is at [+-]digits followed by `separator` and a digit.
bool LooksLike(const TextCursor& cursor, char separator) {
  size_t ahead = cursor.Peek() == '+' || cursor.Peek() == '-' ? 1 : 0;
  const size_t digits_start = ahead;
  while (IsDigit(cursor.Peek(ahead))) ++ahead;
  return ahead > digits_start && cursor.Peek(ahead) == separator &&
         (separator == ':' || IsDigit(cursor.Peek(ahead + 1)));
}

// [+-]H:MM[:SS[.f]] or [+-]M:SS.f; hours may exceed 24.
Status ParseClock(TextCursor& cursor, IntervalParts& parts) {
  const bool negative = cursor.Peek() == '-';
  if (cursor.Peek() == '-' || cursor.Peek() == '+') cursor.Advance();
  int64_t first = 0;
  int64_t second = 0;
  int64_t third = 0;
  int64_t fraction = 0;
  if (cursor.ReadDigits(first, kMaxNumberDigits) > kMaxNumberDigits) {
    return Status::kFieldOutOfRange;
  }
  cursor.Advance();  // the ':' LooksLike saw
  if (cursor.ReadDigits(second, kMaxNumberDigits) == 0) return Status::kInvalidSyntax;
  int128_t micros = 0;
  if (cursor.Consume(':')) {
    if (cursor.ReadDigits(third, kMaxNumberDigits) == 0) return Status::kInvalidSyntax;
    if (cursor.Consume('.')) fraction = cursor.ReadFractionMicros();
    if (second > 59 || third > 60) return Status::kFieldOutOfRange;
    micros = int128_t{first} * kMicrosPerHour + second * kMicrosPerMinute +
             third * kMicrosPerSecond + fraction;
  } else if (cursor.Consume('.')) {  // minutes:seconds.fraction
    fraction = cursor.ReadFractionMicros();
    if (second > 60) return Status::kFieldOutOfRange;
    micros = int128_t{first} * kMicrosPerMinute + second * kMicrosPerSecond + fraction;
  } else {
    if (second > 59) return Status::kFieldOutOfRange;
    micros = int128_t{first} * kMicrosPerHour + second * kMicrosPerMinute;
  }
  parts.micros += negative ? -micros : micros;
  return Status::kOk;
}

Status ParsePostgresInterval(std::string_view text, IntervalParts& parts) {
  TextCursor cursor(text);
  cursor.Consume('@');
  uint32_t seen = 0;  // units already given: PostgreSQL rejects "1 day 2 days"
  bool any = false;
  bool ago = false;
  // A number without a unit: days when a clock follows ("1 02:00"), else seconds.
  std::optional<Number> pending;
  auto use_bits = [&seen](uint32_t bits) {
    if ((seen & bits) != 0) return false;
    seen |= bits;
    return true;
  };
  while (true) {
    cursor.SkipSpaces();
    if (cursor.AtEnd()) break;
    if (ago) return Status::kInvalidSyntax;  // "ago" comes last
    const char next = cursor.Peek();
    if (IsAlpha(next)) {
      if (!EqualsIgnoreCase(cursor.ReadWord(), "ago") || !any) return Status::kInvalidSyntax;
      ago = true;
      continue;
    }
    if (!IsDigit(next) && next != '+' && next != '-' && next != '.') {
      return Status::kInvalidSyntax;
    }
    any = true;
    Status status = Status::kOk;
    if (LooksLike(cursor, ':')) {
      if (pending) {
        if (!use_bits(UnitBit(DatePart::kDay))) return Status::kInvalidSyntax;
        ApplyUnit(DatePart::kDay, *pending, parts);
        pending.reset();
      }
      if (!use_bits(kClockBits)) return Status::kInvalidSyntax;
      status = ParseClock(cursor, parts);
    } else if (pending) {
      return Status::kInvalidSyntax;
    } else if (LooksLike(cursor, '-')) {  // SQL-standard years-months: "1-2"
      const bool negative = cursor.Peek() == '-';
      if (negative || cursor.Peek() == '+') cursor.Advance();
      int64_t years = 0;
      int64_t months = 0;
      if (cursor.ReadDigits(years, kMaxNumberDigits) > kMaxNumberDigits) {
        return Status::kFieldOutOfRange;
      }
      cursor.Advance();
      cursor.ReadDigits(months, kMaxNumberDigits);
      if (months >= 12) return Status::kFieldOutOfRange;
      if (!use_bits(UnitBit(DatePart::kYear) | UnitBit(DatePart::kMonth))) {
        return Status::kInvalidSyntax;
      }
      const int128_t total = int128_t{years} * 12 + months;
      parts.months += negative ? -total : total;
    } else {
      Number number;
      status = ReadNumber(cursor, number);
      if (status != Status::kOk) return status;
      cursor.SkipSpaces();
      if (IsAlpha(cursor.Peek()) && !EqualsIgnoreCase(cursor.Rest().substr(0, 3), "ago")) {
        const std::optional<DatePart> unit = ParseDatePart(cursor.ReadWord());
        if (!unit || !use_bits(UnitBit(*unit)) || !ApplyUnit(*unit, number, parts)) {
          return Status::kInvalidSyntax;
        }
      } else {
        pending = number;
      }
    }
    if (status != Status::kOk) return status;
  }
  if (!any) return Status::kInvalidSyntax;
  if (pending) {
    if (!use_bits(UnitBit(DatePart::kSecond))) return Status::kInvalidSyntax;
    ApplyUnit(DatePart::kSecond, *pending, parts);
  }
  if (ago) {
    parts.months = -parts.months;
    parts.days = -parts.days;
    parts.micros = -parts.micros;
  }
  return Status::kOk;
}

// ISO 8601 "format with designators": P[nY][nM][nW][nD][T[nH][nM][nS]], where the
// numbers may be signed or fractional. `text` starts after the "P".
Status ParseIsoInterval(std::string_view text, IntervalParts& parts) {
  TextCursor cursor(text);
  bool in_time = false;
  bool any = false;
  while (!cursor.AtEnd()) {
    if (cursor.Peek() == 'T' || cursor.Peek() == 't') {
      if (in_time) return Status::kInvalidSyntax;
      in_time = true;
      cursor.Advance();
      continue;
    }
    Number number;
    const Status status = ReadNumber(cursor, number);
    if (status != Status::kOk) return status;
    const char designator = ToLower(cursor.Peek());
    cursor.Advance();
    DatePart unit;
    if (!in_time && designator == 'y') {
      unit = DatePart::kYear;
    } else if (designator == 'm') {
      unit = in_time ? DatePart::kMinute : DatePart::kMonth;
    } else if (!in_time && designator == 'w') {
      unit = DatePart::kWeek;
    } else if (!in_time && designator == 'd') {
      unit = DatePart::kDay;
    } else if (in_time && designator == 'h') {
      unit = DatePart::kHour;
    } else if (in_time && designator == 's') {
      unit = DatePart::kSecond;
    } else {
      return Status::kInvalidSyntax;
    }
    ApplyUnit(unit, number, parts);
    any = true;
  }
  return any ? Status::kOk : Status::kInvalidSyntax;
}

}  // namespace

DatetimeParseStatus ParseInterval(std::string_view text, Interval& interval) {
  text = Trim(text);
  if (text.empty()) return Status::kInvalidSyntax;
  IntervalParts parts;
  const Status status = text[0] == 'P' || text[0] == 'p' ? ParseIsoInterval(text.substr(1), parts)
                                                         : ParsePostgresInterval(text, parts);
  if (status != Status::kOk) return status;
  if (parts.months < INT32_MIN || parts.months > INT32_MAX || parts.days < INT32_MIN ||
      parts.days > INT32_MAX || parts.micros < INT64_MIN || parts.micros > INT64_MAX) {
    return Status::kFieldOutOfRange;
  }
  interval.months = static_cast<int32_t>(parts.months);
  interval.days = static_cast<int32_t>(parts.days);
  interval.micros = static_cast<int64_t>(parts.micros);
  return Status::kOk;
}

}  // namespace basin
