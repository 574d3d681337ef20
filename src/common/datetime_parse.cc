// Text input of DATE, TIME, TIMESTAMP and TIMESTAMPTZ. Intervals are parsed in
// datetime_interval_parse.cc.
#include <string>

#include "common/datetime.h"
#include "common/datetime_internal.h"
#include "common/datetime_text.h"
#include "common/error.h"
#include "common/time_zone.h"
#include "common/time_zone_registry.h"

namespace basin {

using datetime_internal::kIntervalFieldOverflow;
using datetime_internal::kInvalidTimeZoneDisplacement;
using datetime_text::EqualsIgnoreCase;
using datetime_text::IsAlpha;
using datetime_text::IsDigit;
using datetime_text::TextCursor;
using datetime_text::Trim;

namespace {

using Status = DatetimeParseStatus;

// Numbers longer than this are out of range for any date or time field; capping the
// digits also keeps the accumulation from overflowing.
constexpr int kMaxFieldDigits = 9;

// The pieces of a date/time literal, before validation.
struct ParsedDateTime {
  enum class Special { kNone, kEpoch, kInfinity, kNegativeInfinity };
  Special special = Special::kNone;
  bool has_date = false;
  int64_t year = 0;  // as written; see `bc` and `two_digit_year`
  int64_t month = 0;
  int64_t day = 0;
  bool bc = false;
  bool two_digit_year = false;
  bool has_time = false;
  int64_t hour = 0;
  int64_t minute = 0;
  int64_t second = 0;
  int64_t micros = 0;  // fraction of the second, rounded; may be 1000000
  bool has_zone = false;
  int32_t zone_seconds = 0;  // east of UTC
  // A zone name ("America/New_York"): its offset depends on the date and time, so it
  // is applied after validation. Null for numeric zones and abbreviations.
  const TimeZone* named_zone = nullptr;
  bool has_meridiem = false;
};

// Reads 1..kMaxFieldDigits digits. Returns the digit count, 0 if none, -1 if too many.
int ReadField(TextCursor& cursor, int64_t& value) {
  const int digits = cursor.ReadDigits(value, kMaxFieldDigits);
  if (digits > kMaxFieldDigits) return -1;
  return digits;
}

// YYYY-MM-DD, YYYY/MM/DD, YYYY.MM.DD, MM/DD/YYYY (and with -), YYYYMMDD.
Status ParseDatePortion(TextCursor& cursor, ParsedDateTime& parsed) {
  int64_t first = 0;
  const int first_digits = ReadField(cursor, first);
  if (first_digits < 0) return Status::kFieldOutOfRange;
  const char separator = cursor.Peek();
  if (first_digits == 8 && separator != '-' && separator != '/' && separator != '.') {
    parsed.year = first / 10000;
    parsed.month = first / 100 % 100;
    parsed.day = first % 100;
    parsed.has_date = true;
    return Status::kOk;
  }
  if (first_digits == 0 || (separator != '-' && separator != '/' && separator != '.')) {
    return Status::kInvalidSyntax;
  }
  cursor.Advance();
  int64_t second = 0;
  int64_t third = 0;
  const int second_digits = ReadField(cursor, second);
  if (second_digits <= 0 || !cursor.Consume(separator)) {
    return second_digits < 0 ? Status::kFieldOutOfRange : Status::kInvalidSyntax;
  }
  const int third_digits = ReadField(cursor, third);
  if (third_digits <= 0)
    return third_digits < 0 ? Status::kFieldOutOfRange : Status::kInvalidSyntax;
  if (first_digits >= 3) {
    parsed.year = first;
    parsed.month = second;
    parsed.day = third;
  } else {  // DateStyle MDY, PostgreSQL's default
    parsed.month = first;
    parsed.day = second;
    parsed.year = third;
    parsed.two_digit_year = third_digits <= 2;
  }
  parsed.has_date = true;
  return Status::kOk;
}

// HH:MM[:SS[.ffffff]].
Status ParseTimePortion(TextCursor& cursor, ParsedDateTime& parsed) {
  if (ReadField(cursor, parsed.hour) <= 0 || !cursor.Consume(':')) return Status::kInvalidSyntax;
  if (ReadField(cursor, parsed.minute) <= 0) return Status::kInvalidSyntax;
  if (cursor.Consume(':')) {
    if (ReadField(cursor, parsed.second) <= 0) return Status::kInvalidSyntax;
    if (cursor.Consume('.')) parsed.micros = cursor.ReadFractionMicros();
  }
  parsed.has_time = true;
  return Status::kOk;
}

// +HH, +HHMM, +HHMMSS, +HH:MM, +HH:MM:SS (or -).
Status ParseZoneOffset(TextCursor& cursor, ParsedDateTime& parsed) {
  const bool negative = cursor.Peek() == '-';
  cursor.Advance();
  int64_t hours = 0;
  int64_t minutes = 0;
  int64_t seconds = 0;
  int64_t first = 0;
  const int digits = ReadField(cursor, first);
  if (digits <= 0) return Status::kInvalidSyntax;
  if (digits <= 2) {
    hours = first;
    if (cursor.Consume(':')) {
      if (ReadField(cursor, minutes) != 2) return Status::kInvalidSyntax;
      if (cursor.Consume(':') && ReadField(cursor, seconds) != 2) return Status::kInvalidSyntax;
    }
  } else if (digits == 4) {
    hours = first / 100;
    minutes = first % 100;
  } else if (digits == 6) {
    hours = first / 10000;
    minutes = first / 100 % 100;
    seconds = first % 100;
  } else {
    return Status::kInvalidSyntax;
  }
  // PostgreSQL accepts displacements up to 15:59:59.
  if (hours > 15 || minutes >= 60 || seconds >= 60) return Status::kTimeZoneOutOfRange;
  const int32_t total = static_cast<int32_t>(hours * 3600 + minutes * 60 + seconds);
  parsed.has_zone = true;
  parsed.zone_seconds = negative ? -total : total;
  return Status::kOk;
}

// A word after the date or time: an era, a zone name, or AM/PM.
Status ApplyWord(std::string_view word, ParsedDateTime& parsed) {
  if (EqualsIgnoreCase(word, "bc") || EqualsIgnoreCase(word, "ad")) {
    if (!parsed.has_date) return Status::kInvalidSyntax;
    parsed.bc = EqualsIgnoreCase(word, "bc");
    return Status::kOk;
  }
  const bool am = EqualsIgnoreCase(word, "am");
  if ((am || EqualsIgnoreCase(word, "pm")) && parsed.has_time && !parsed.has_meridiem) {
    if (parsed.hour > 12) return Status::kFieldOutOfRange;
    parsed.has_meridiem = true;
    if (am && parsed.hour == 12) parsed.hour = 0;
    if (!am && parsed.hour != 12) parsed.hour += 12;
    return Status::kOk;
  }
  // Abbreviations first, as PostgreSQL looks them up before full zone names: "EST"
  // is always UTC-5, even though a zone file of that name exists too.
  if (const auto offset = FindTimeZoneAbbreviation(word)) {
    if (parsed.has_zone) return Status::kInvalidSyntax;
    parsed.has_zone = true;
    parsed.zone_seconds = *offset;
    return Status::kOk;
  }
  if (const TimeZone* zone = FindTimeZone(word); zone != nullptr && !parsed.has_zone) {
    parsed.has_zone = true;
    parsed.named_zone = zone;
    return Status::kOk;
  }
  return Status::kInvalidSyntax;
}

// A word, or a zone name that goes on with digits, '_', '/', '+' and '-' after its
// first letters ("America/Port-au-Prince", "Etc/GMT+5", "EST5EDT").
std::string_view ReadZoneOrWord(TextCursor& cursor) {
  const std::string_view rest = cursor.Rest();
  size_t length = cursor.ReadWord().size();
  bool has_slash = false;
  while (length < rest.size()) {
    const char c = rest[length];
    has_slash = has_slash || c == '/';
    const bool sign = (c == '+' || c == '-') && has_slash;
    if (!IsAlpha(c) && !IsDigit(c) && c != '_' && c != '/' && !sign) break;
    ++length;
    cursor.Advance();
  }
  return rest.substr(0, length);
}

Status ParseDateTimeText(std::string_view text, ParsedDateTime& parsed) {
  text = Trim(text);
  if (EqualsIgnoreCase(text, "epoch")) {
    parsed.special = ParsedDateTime::Special::kEpoch;
    return Status::kOk;
  }
  if (EqualsIgnoreCase(text, "infinity") || EqualsIgnoreCase(text, "+infinity")) {
    parsed.special = ParsedDateTime::Special::kInfinity;
    return Status::kOk;
  }
  if (EqualsIgnoreCase(text, "-infinity")) {
    parsed.special = ParsedDateTime::Special::kNegativeInfinity;
    return Status::kOk;
  }
  TextCursor cursor(text);
  if (!IsDigit(cursor.Peek())) return Status::kInvalidSyntax;
  // A leading number followed by ':' starts a time; otherwise a date.
  size_t digits_end = 0;
  while (digits_end < text.size() && IsDigit(text[digits_end])) ++digits_end;
  Status status = digits_end < text.size() && text[digits_end] == ':'
                      ? ParseTimePortion(cursor, parsed)
                      : ParseDatePortion(cursor, parsed);
  if (status != Status::kOk) return status;
  while (true) {
    const bool had_space = cursor.SkipSpaces();
    if (cursor.AtEnd()) break;
    const char next = cursor.Peek();
    if ((next == 'T' || next == 't') && IsDigit(cursor.Peek(1)) && parsed.has_date &&
        !parsed.has_time && !had_space) {
      cursor.Advance();
      status = ParseTimePortion(cursor, parsed);
    } else if (IsDigit(next) && had_space && !parsed.has_time) {
      status = ParseTimePortion(cursor, parsed);
    } else if ((next == '+' || next == '-') && parsed.has_time && !parsed.has_zone) {
      status = ParseZoneOffset(cursor, parsed);
    } else if (IsAlpha(next)) {
      status = ApplyWord(ReadZoneOrWord(cursor), parsed);
    } else {
      status = Status::kInvalidSyntax;
    }
    if (status != Status::kOk) return status;
  }
  return Status::kOk;
}

// Checks the date fields and converts them to days since 1970 (unchecked range).
Status ValidateDate(ParsedDateTime& parsed, int64_t& days) {
  int64_t year = parsed.year;
  if (parsed.bc) {
    if (year <= 0) return Status::kFieldOutOfRange;  // there is no year 0 BC
    year = 1 - year;
  } else if (parsed.two_digit_year) {
    year += year < 70 ? 2000 : 1900;
  } else if (year <= 0) {
    return Status::kFieldOutOfRange;
  }
  if (parsed.month < 1 || parsed.month > 12) return Status::kFieldOutOfRange;
  if (parsed.day < 1 || parsed.day > DaysInMonth(year, static_cast<int>(parsed.month))) {
    return Status::kFieldOutOfRange;
  }
  days = DaysFromCivil(year, static_cast<int>(parsed.month), static_cast<int>(parsed.day));
  return Status::kOk;
}

// Checks the clock fields (24:00:00 and a leap second 60 are allowed, as in
// PostgreSQL) and converts them to micros since midnight.
Status ValidateTime(const ParsedDateTime& parsed, int64_t& micros) {
  if (!parsed.has_time) {
    micros = 0;
    return Status::kOk;
  }
  if (parsed.hour > 24 || parsed.minute > 59 || parsed.second > 60 ||
      (parsed.hour == 24 && (parsed.minute > 0 || parsed.second > 0 || parsed.micros > 0))) {
    return Status::kFieldOutOfRange;
  }
  micros = parsed.hour * kMicrosPerHour + parsed.minute * kMicrosPerMinute +
           parsed.second * kMicrosPerSecond + parsed.micros;
  return Status::kOk;
}

// Shared by TIMESTAMP and TIMESTAMPTZ: the local timestamp the text spells.
Status ToLocalTimestamp(ParsedDateTime& parsed, int128_t& micros) {
  if (!parsed.has_date) return Status::kInvalidSyntax;
  int64_t days = 0;
  int64_t clock = 0;
  Status status = ValidateDate(parsed, days);
  if (status == Status::kOk) status = ValidateTime(parsed, clock);
  if (status != Status::kOk) return status;
  if (days < kMinDate || days > kMaxDate) return Status::kValueOutOfRange;
  micros = int128_t{days} * kMicrosPerDay + clock;
  return Status::kOk;
}

}  // namespace

DatetimeParseStatus ParseDate(std::string_view text, int32_t& days) {
  ParsedDateTime parsed;
  Status status = ParseDateTimeText(text, parsed);
  if (status != Status::kOk) return status;
  switch (parsed.special) {
    case ParsedDateTime::Special::kEpoch:
      days = 0;
      return Status::kOk;
    case ParsedDateTime::Special::kInfinity:
      days = kDateInfinity;
      return Status::kOk;
    case ParsedDateTime::Special::kNegativeInfinity:
      days = kDateNegativeInfinity;
      return Status::kOk;
    case ParsedDateTime::Special::kNone:
      break;
  }
  if (!parsed.has_date) return Status::kInvalidSyntax;
  int64_t result = 0;
  int64_t clock = 0;
  status = ValidateDate(parsed, result);
  if (status == Status::kOk) status = ValidateTime(parsed, clock);
  if (status != Status::kOk) return status;
  if (!IsValidDate(result)) return Status::kValueOutOfRange;
  days = static_cast<int32_t>(result);
  return Status::kOk;
}

DatetimeParseStatus ParseTime(std::string_view text, int64_t& micros) {
  ParsedDateTime parsed;
  if (EqualsIgnoreCase(Trim(text), "allballs")) {
    micros = 0;
    return Status::kOk;
  }
  Status status = ParseDateTimeText(text, parsed);
  if (status != Status::kOk) return status;
  if (parsed.special != ParsedDateTime::Special::kNone || !parsed.has_time) {
    return Status::kInvalidSyntax;
  }
  if (parsed.has_date) {
    int64_t days = 0;
    status = ValidateDate(parsed, days);
    if (status != Status::kOk) return status;
  }
  status = ValidateTime(parsed, micros);
  if (status == Status::kOk && micros > kMicrosPerDay) return Status::kFieldOutOfRange;
  return status;
}

DatetimeParseStatus ParseTimestamp(std::string_view text, int64_t& micros) {
  ParsedDateTime parsed;
  Status status = ParseDateTimeText(text, parsed);
  if (status != Status::kOk) return status;
  switch (parsed.special) {
    case ParsedDateTime::Special::kEpoch:
      micros = 0;
      return Status::kOk;
    case ParsedDateTime::Special::kInfinity:
      micros = kTimestampInfinity;
      return Status::kOk;
    case ParsedDateTime::Special::kNegativeInfinity:
      micros = kTimestampNegativeInfinity;
      return Status::kOk;
    case ParsedDateTime::Special::kNone:
      break;
  }
  int128_t local = 0;
  status = ToLocalTimestamp(parsed, local);
  if (status != Status::kOk) return status;
  if (local < kMinTimestamp || local >= kEndTimestamp) return Status::kValueOutOfRange;
  micros = static_cast<int64_t>(local);
  return Status::kOk;
}

DatetimeParseStatus ParseTimestampTz(std::string_view text, const TimeZone& session_zone,
                                     int64_t& utc_micros) {
  ParsedDateTime parsed;
  Status status = ParseDateTimeText(text, parsed);
  if (status != Status::kOk) return status;
  if (parsed.special != ParsedDateTime::Special::kNone) return ParseTimestamp(text, utc_micros);
  int128_t local = 0;
  status = ToLocalTimestamp(parsed, local);
  if (status != Status::kOk) return status;
  int32_t offset = parsed.zone_seconds;
  if (!parsed.has_zone || parsed.named_zone != nullptr) {
    const TimeZone& zone = parsed.named_zone != nullptr ? *parsed.named_zone : session_zone;
    // Zone rules are stated in whole seconds, rounded down; the date range keeps
    // them within int64.
    int128_t seconds = local / kMicrosPerSecond;
    if (local % kMicrosPerSecond < 0) --seconds;
    offset = zone.OffsetForLocal(static_cast<int64_t>(seconds));
  }
  const int128_t utc = local - int128_t{offset} * kMicrosPerSecond;
  if (utc < kMinTimestamp || utc >= kEndTimestamp) return Status::kValueOutOfRange;
  utc_micros = static_cast<int64_t>(utc);
  return Status::kOk;
}

void ThrowDatetimeParseError(DatetimeParseStatus status, TypeId type, std::string_view text) {
  const std::string quoted = "\"" + std::string(text) + "\"";
  switch (status) {
    case Status::kFieldOutOfRange:
      if (type == TypeId::kInterval) {
        throw Error(kIntervalFieldOverflow, "interval field value out of range: " + quoted);
      }
      throw Error(sqlstate::kDatetimeFieldOverflow,
                  "date/time field value out of range: " + quoted);
    case Status::kValueOutOfRange:
      if (type == TypeId::kInterval) {
        throw Error(sqlstate::kDatetimeFieldOverflow, "interval out of range");
      }
      throw Error(
          sqlstate::kDatetimeFieldOverflow,
          std::string(type == TypeId::kDate ? "date" : "timestamp") + " out of range: " + quoted);
    case Status::kTimeZoneOutOfRange:
      throw Error(kInvalidTimeZoneDisplacement, "time zone displacement out of range: " + quoted);
    case Status::kOk:
    case Status::kInvalidSyntax:
      break;
  }
  const char* name = "interval";
  switch (type) {
    case TypeId::kDate:
      name = "date";
      break;
    case TypeId::kTime:
      name = "time";
      break;
    case TypeId::kTimestamp:
      name = "timestamp";
      break;
    case TypeId::kTimestampTz:
      name = "timestamp with time zone";
      break;
    default:
      break;
  }
  throw Error(sqlstate::kInvalidDatetimeFormat,
              std::string("invalid input syntax for type ") + name + ": " + quoted);
}

}  // namespace basin
