// to_date(text, template) and to_timestamp(text, template) -> timestamptz: read a
// date/time with the template patterns of to_char (datetime_format.h). Like
// PostgreSQL, fields the template omits default to 0001-01-01 00:00:00, separators
// in the template match any one non-alphanumeric character, and the input may end
// early.
#include <cctype>
#include <optional>

#include "common/datetime.h"
#include "common/error.h"
#include "function/function_registry.h"
#include "function/scalar/datetime_format.h"
#include "function/scalar/row_executor.h"

namespace basin {

namespace {

constexpr TypeId kText = TypeId::kVarchar;

const char* PatternName(FormatField field) {
  switch (field) {
    case FormatField::kHour24:
      return "HH24";
    case FormatField::kHour12:
      return "HH12";
    case FormatField::kMinute:
      return "MI";
    case FormatField::kSecond:
      return "SS";
    case FormatField::kMillisecond:
      return "MS";
    case FormatField::kMicrosecond:
      return "US";
    case FormatField::kYear4:
      return "YYYY";
    case FormatField::kYear2:
      return "YY";
    case FormatField::kMonth:
      return "MM";
    case FormatField::kDayOfMonth:
      return "DD";
    case FormatField::kDayOfYear:
      return "DDD";
    case FormatField::kMonthName:
      return "MONTH";
    case FormatField::kMonthAbbrev:
      return "MON";
    default:
      return "?";
  }
}

[[noreturn]] void InvalidValue(std::string_view value, FormatField field) {
  throw Error(sqlstate::kInvalidDatetimeFormat, "invalid value \"" +
                                                    std::string(value.substr(0, 10)) + "\" for \"" +
                                                    PatternName(field) + "\"");
}

bool IsAlnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

struct ParsedFields {
  int64_t year = 1;
  int64_t month = 1;
  int64_t day = 1;
  int64_t hour = 0;
  int64_t minute = 0;
  int64_t second = 0;
  int64_t micros = 0;
  std::optional<bool> pm;
  std::optional<int64_t> day_of_year;
  std::optional<int64_t> julian_day;
  bool bc = false;
};

class TemplateReader {
 public:
  explicit TemplateReader(std::string_view text) : text_(text) {}

  ParsedFields Read(const std::vector<FormatToken>& tokens) {
    ParsedFields fields;
    for (size_t i = 0; i < tokens.size() && position_ < text_.size(); ++i) {
      const FormatToken& token = tokens[i];
      const bool bounded = i + 1 < tokens.size() && tokens[i + 1].field != FormatField::kLiteral;
      ReadToken(token, bounded, fields);
    }
    return fields;
  }

 private:
  void SkipSpaces() {
    while (position_ < text_.size() && std::isspace(static_cast<unsigned char>(text_[position_])))
      ++position_;
  }

  // Reads up to `width` digits (any number when not `bounded`), with a sign.
  int64_t ReadNumber(FormatField field, int width, bool bounded) {
    SkipSpaces();
    const size_t start = position_;
    bool negative = false;
    if (position_ < text_.size() && (text_[position_] == '-' || text_[position_] == '+')) {
      negative = text_[position_] == '-';
      ++position_;
    }
    int64_t value = 0;
    int digits = 0;
    while (position_ < text_.size() && std::isdigit(static_cast<unsigned char>(text_[position_])) &&
           (!bounded || digits < width) && digits < 18) {
      value = value * 10 + (text_[position_] - '0');
      ++digits;
      ++position_;
    }
    if (digits == 0) InvalidValue(text_.substr(start), field);
    digits_read_ = digits;
    return negative ? -value : value;
  }

  // Matches one of `names` (or its first three letters when `abbreviated`) and
  // returns its index.
  int ReadName(const char* const* names, int count, bool abbreviated, FormatField field) {
    SkipSpaces();
    for (int i = 0; i < count; ++i) {
      const std::string_view name = names[i];
      const size_t length = abbreviated ? 3 : name.size();
      if (text_.size() - position_ < length) continue;
      bool same = true;
      for (size_t k = 0; k < length && same; ++k) {
        same = std::tolower(static_cast<unsigned char>(text_[position_ + k])) ==
               std::tolower(static_cast<unsigned char>(name[k]));
      }
      if (same) {
        position_ += length;
        return i;
      }
    }
    InvalidValue(text_.substr(position_), field);
  }

  void ReadToken(const FormatToken& token, bool bounded, ParsedFields& fields) {
    switch (token.field) {
      case FormatField::kLiteral:
        for (char c : token.literal) {
          if (position_ >= text_.size()) return;
          if (std::isspace(static_cast<unsigned char>(c))) {
            SkipSpaces();
          } else if (text_[position_] == c || !IsAlnum(text_[position_])) {
            ++position_;
          }
        }
        return;
      case FormatField::kHour24:
        fields.hour = ReadNumber(token.field, 2, bounded);
        return;
      case FormatField::kHour12:
        fields.hour = ReadNumber(token.field, 2, bounded);
        if (fields.hour < 1 || fields.hour > 12) {
          throw Error(sqlstate::kInvalidDatetimeFormat, "hour \"" + std::to_string(fields.hour) +
                                                            "\" is invalid for the 12-hour clock");
        }
        if (!fields.pm) fields.pm = false;
        return;
      case FormatField::kMinute:
        fields.minute = ReadNumber(token.field, 2, bounded);
        return;
      case FormatField::kSecond:
        fields.second = ReadNumber(token.field, 2, bounded);
        return;
      case FormatField::kMillisecond: {
        const int64_t value = ReadNumber(token.field, 3, bounded);
        int64_t scale = 1000;
        for (int i = digits_read_; i < 3; ++i) scale *= 10;  // ".5" means 500 ms
        fields.micros = value * scale;
        return;
      }
      case FormatField::kMicrosecond: {
        int64_t value = ReadNumber(token.field, 6, bounded);
        for (int i = digits_read_; i < 6; ++i) value *= 10;
        fields.micros = value;
        return;
      }
      case FormatField::kSecondsOfDay: {
        const int64_t seconds = ReadNumber(token.field, 5, bounded);
        fields.hour = seconds / 3600;
        fields.minute = seconds / 60 % 60;
        fields.second = seconds % 60;
        return;
      }
      case FormatField::kMeridiem:
      case FormatField::kMeridiemDots: {
        static const char* const kMarkers[] = {"AM", "PM", "A.M.", "P.M."};
        SkipSpaces();
        const bool dots = token.field == FormatField::kMeridiemDots;
        const int index = ReadName(kMarkers + (dots ? 2 : 0), 2, false, token.field);
        fields.pm = index == 1;
        return;
      }
      case FormatField::kYear4:
      case FormatField::kIsoYear:
        fields.year = ReadNumber(FormatField::kYear4, 4, bounded);
        return;
      case FormatField::kYear3:
      case FormatField::kYear2:
      case FormatField::kYear1: {
        const int width =
            token.field == FormatField::kYear3 ? 3 : (token.field == FormatField::kYear2 ? 2 : 1);
        int64_t year = ReadNumber(FormatField::kYear2, width, bounded);
        // Two-digit years: 70..99 are 19xx, the rest 20xx, as PostgreSQL adjusts them.
        if (digits_read_ <= 2 && width == 2) year += year < 70 ? 2000 : 1900;
        if (digits_read_ <= width && width != 2)
          year += width == 3 ? (year < 100 ? 2000 : 1000) : 2000;
        fields.year = year;
        return;
      }
      case FormatField::kMonth:
        fields.month = ReadNumber(token.field, 2, bounded);
        return;
      case FormatField::kMonthName:
      case FormatField::kMonthAbbrev:
        fields.month =
            ReadName(kMonthNames, 12, token.field == FormatField::kMonthAbbrev, token.field) + 1;
        return;
      case FormatField::kDayName:
      case FormatField::kDayAbbrev:
        ReadName(kDayNames, 7, token.field == FormatField::kDayAbbrev, token.field);
        return;
      case FormatField::kDayOfMonth:
        fields.day = ReadNumber(token.field, 2, bounded);
        return;
      case FormatField::kDayOfYear:
        fields.day_of_year = ReadNumber(token.field, 3, bounded);
        return;
      case FormatField::kJulianDay:
        fields.julian_day = ReadNumber(token.field, 7, bounded);
        return;
      case FormatField::kTimeZone:
        SkipSpaces();
        while (position_ < text_.size() &&
               std::isalpha(static_cast<unsigned char>(text_[position_])))
          ++position_;
        return;
      default:
        // D, ID, IW, WW, Q, CC, OF: read and ignored, as PostgreSQL mostly does.
        ReadNumber(token.field, 2, bounded);
        return;
    }
  }

  std::string_view text_;
  size_t position_ = 0;
  int digits_read_ = 0;
};

[[noreturn]] void OutOfRange(std::string_view text) {
  throw Error(sqlstate::kDatetimeFieldOverflow,
              "date/time field value out of range: \"" + std::string(text) + "\"");
}

// Days since the epoch and micros of the day.
std::pair<int64_t, int64_t> Resolve(const ParsedFields& parsed, std::string_view text) {
  int64_t days;
  if (parsed.julian_day) {
    days = *parsed.julian_day - kUnixEpochJulianDay;
  } else {
    const int64_t year = parsed.year <= 0 ? parsed.year + 1 : parsed.year;  // year 0 reads as 1 BC
    if (parsed.day_of_year) {
      if (*parsed.day_of_year < 1 || *parsed.day_of_year > (IsLeapYear(year) ? 366 : 365))
        OutOfRange(text);
      days = DaysFromCivil(year, 1, 1) + *parsed.day_of_year - 1;
    } else {
      if (parsed.month < 1 || parsed.month > 12 || parsed.day < 1 ||
          parsed.day > DaysInMonth(year, static_cast<int>(parsed.month))) {
        OutOfRange(text);
      }
      days = DaysFromCivil(year, static_cast<int>(parsed.month), static_cast<int>(parsed.day));
    }
  }
  int64_t hour = parsed.hour;
  if (parsed.pm) hour = hour % 12 + (*parsed.pm ? 12 : 0);
  if (hour < 0 || hour > 24 || parsed.minute < 0 || parsed.minute > 59 || parsed.second < 0 ||
      parsed.second > 60) {
    OutOfRange(text);
  }
  const int64_t micros =
      ((hour * 60 + parsed.minute) * 60 + parsed.second) * kMicrosPerSecond + parsed.micros;
  return {days, micros};
}

void AddParser(FunctionRegistry& registry, bool to_date) {
  registry.AddScalar(MakeScalar(
      to_date ? "to_date" : "to_timestamp", {kText, kText},
      to_date ? TypeId::kDate : TypeId::kTimestampTz,
      [to_date](const KernelArgs& args, uint32_t count, const FunctionData*, Vector& result) {
        std::string format;
        std::vector<FormatToken> tokens;
        bool parsed_once = false;
        ExecuteRows(args, count, result, [&](uint32_t row) {
          const std::string_view text = ArgText(*args[0], row);
          const std::string_view template_text = ArgText(*args[1], row);
          if (!parsed_once || template_text != format) {
            tokens = ParseDatetimeFormat(template_text);
            format.assign(template_text);
            parsed_once = true;
          }
          const auto [days, micros] = Resolve(TemplateReader(text).Read(tokens), text);
          if (to_date) {
            if (!IsValidDate(days)) {
              throw Error(sqlstate::kDatetimeFieldOverflow,
                          "date out of range: \"" + std::string(text) + "\"");
            }
            result.data<int32_t>()[row] = static_cast<int32_t>(days);
            return;
          }
          const int64_t timestamp = days * kMicrosPerDay + micros;
          if (!IsValidTimestamp(timestamp)) {
            throw Error(sqlstate::kDatetimeFieldOverflow, "timestamp out of range");
          }
          // The text is local time in the session zone, which is UTC for now.
          result.data<int64_t>()[row] = timestamp;
        });
      }));
}

}  // namespace

void RegisterToTimestampFunctions(FunctionRegistry& registry) {
  AddParser(registry, true);
  AddParser(registry, false);
}

}  // namespace basin
