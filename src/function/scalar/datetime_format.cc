#include "function/scalar/datetime_format.h"

#include <array>
#include <cctype>

#include "common/datetime.h"

namespace basin {

const char* const kMonthNames[12] = {"January",   "February", "March",    "April",
                                     "May",       "June",     "July",     "August",
                                     "September", "October",  "November", "December"};
const char* const kDayNames[7] = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                  "Thursday", "Friday", "Saturday"};

namespace {

struct Keyword {
  const char* name;  // upper case; matched case-insensitively
  FormatField field;
  bool case_sensitive_name;  // MONTH/Month/month print in the pattern's case
};

// Longer keywords first where one is a prefix of another.
constexpr std::array<Keyword, 34> kKeywords = {{
    {"HH24", FormatField::kHour24, false},        {"HH12", FormatField::kHour12, false},
    {"HH", FormatField::kHour12, false},          {"MI", FormatField::kMinute, false},
    {"SSSSS", FormatField::kSecondsOfDay, false}, {"SSSS", FormatField::kSecondsOfDay, false},
    {"SS", FormatField::kSecond, false},          {"MS", FormatField::kMillisecond, false},
    {"US", FormatField::kMicrosecond, false},     {"A.M.", FormatField::kMeridiemDots, true},
    {"P.M.", FormatField::kMeridiemDots, true},   {"AM", FormatField::kMeridiem, true},
    {"PM", FormatField::kMeridiem, true},         {"IYYY", FormatField::kIsoYear, false},
    {"YYYY", FormatField::kYear4, false},         {"YYY", FormatField::kYear3, false},
    {"YY", FormatField::kYear2, false},           {"Y", FormatField::kYear1, false},
    {"MONTH", FormatField::kMonthName, true},     {"MON", FormatField::kMonthAbbrev, true},
    {"MM", FormatField::kMonth, false},           {"DAY", FormatField::kDayName, true},
    {"DY", FormatField::kDayAbbrev, true},        {"DDD", FormatField::kDayOfYear, false},
    {"DD", FormatField::kDayOfMonth, false},      {"D", FormatField::kDayOfWeek, false},
    {"ID", FormatField::kIsoDayOfWeek, false},    {"IW", FormatField::kIsoWeek, false},
    {"WW", FormatField::kWeekOfYear, false},      {"Q", FormatField::kQuarter, false},
    {"J", FormatField::kJulianDay, false},        {"CC", FormatField::kCentury, false},
    {"TZ", FormatField::kTimeZone, true},         {"OF", FormatField::kZoneOffset, false},
}};

bool StartsWithIgnoreCase(std::string_view text, std::string_view upper_word) {
  if (text.size() < upper_word.size()) return false;
  for (size_t i = 0; i < upper_word.size(); ++i) {
    if (std::toupper(static_cast<unsigned char>(text[i])) != upper_word[i]) return false;
  }
  return true;
}

LetterCase CaseOf(std::string_view word) {
  const bool first_upper = std::isupper(static_cast<unsigned char>(word[0]));
  const bool second_upper = word.size() > 1 && std::isupper(static_cast<unsigned char>(word[1]));
  if (!first_upper) return LetterCase::kLower;
  return word.size() == 1 || second_upper ? LetterCase::kUpper : LetterCase::kCapitalized;
}

void AppendLiteral(std::vector<FormatToken>& tokens, char c) {
  if (tokens.empty() || tokens.back().field != FormatField::kLiteral) tokens.emplace_back();
  tokens.back().literal.push_back(c);
}

void AppendNumber(std::string& out, int64_t value, int width, bool fill_mode) {
  std::string digits = std::to_string(value < 0 ? -value : value);
  if (value < 0) out.push_back('-');
  if (!fill_mode) {
    for (int i = static_cast<int>(digits.size()); i < width; ++i) out.push_back('0');
  }
  out += digits;
}

void AppendOrdinal(std::string& out, int64_t value, bool upper) {
  const int64_t last_two = value % 100;
  const int64_t last = value % 10;
  const char* suffix = "th";
  if (last_two < 11 || last_two > 13) {
    if (last == 1) suffix = "st";
    if (last == 2) suffix = "nd";
    if (last == 3) suffix = "rd";
  }
  for (const char* c = suffix; *c != '\0'; ++c) {
    out.push_back(upper ? static_cast<char>(std::toupper(*c)) : *c);
  }
}

void AppendName(std::string& out, std::string_view name, const FormatToken& token, size_t pad_to) {
  const size_t start = out.size();
  out += name;
  for (size_t i = start; i < out.size(); ++i) {
    const bool first = i == start;
    if (token.letter_case == LetterCase::kUpper ||
        (first && token.letter_case == LetterCase::kCapitalized)) {
      out[i] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[i])));
    } else if (!first || token.letter_case == LetterCase::kLower) {
      out[i] = static_cast<char>(std::tolower(static_cast<unsigned char>(out[i])));
    }
  }
  if (!token.fill_mode) {
    for (size_t i = name.size(); i < pad_to; ++i) out.push_back(' ');
  }
}

}  // namespace

std::vector<FormatToken> ParseDatetimeFormat(std::string_view format) {
  std::vector<FormatToken> tokens;
  size_t i = 0;
  while (i < format.size()) {
    const std::string_view rest = format.substr(i);
    if (rest[0] == '"') {  // "quoted literal", with \" inside
      for (++i; i < format.size() && format[i] != '"'; ++i) {
        if (format[i] == '\\' && i + 1 < format.size()) ++i;
        AppendLiteral(tokens, format[i]);
      }
      ++i;
      continue;
    }
    if (rest[0] == '\\' && rest.size() > 1) {
      AppendLiteral(tokens, rest[1]);
      i += 2;
      continue;
    }
    bool fill_mode = false;
    size_t prefix = 0;
    if (StartsWithIgnoreCase(rest, "FM")) {
      fill_mode = true;
      prefix = 2;
    }
    const Keyword* match = nullptr;
    for (const Keyword& keyword : kKeywords) {
      if (StartsWithIgnoreCase(rest.substr(prefix), keyword.name)) {
        match = &keyword;
        break;
      }
    }
    if (match == nullptr) {
      AppendLiteral(tokens, rest[0]);
      ++i;
      continue;
    }
    FormatToken token;
    token.field = match->field;
    token.fill_mode = fill_mode;
    const size_t length = std::string_view(match->name).size();
    if (match->case_sensitive_name) token.letter_case = CaseOf(rest.substr(prefix, length));
    i += prefix + length;
    if (StartsWithIgnoreCase(format.substr(i), "TH")) {
      token.ordinal = true;
      token.ordinal_upper = format[i] == 'T';
      i += 2;
    }
    tokens.push_back(std::move(token));
  }
  return tokens;
}

void AppendFormatted(std::string& out, const std::vector<FormatToken>& tokens,
                     const FormatFields& fields) {
  const int64_t hour12 = fields.hour % 12 == 0 ? 12 : fields.hour % 12;
  // BC years print as positive numbers, as PostgreSQL does (with a BC marker
  // that this subset does not support).
  const int64_t year = fields.year > 0 ? fields.year : 1 - fields.year;
  const int64_t day_of_year =
      fields.is_interval ? 0 : fields.days_since_epoch - DaysFromCivil(fields.year, 1, 1) + 1;
  const int day_of_week = fields.is_interval ? 0 : DayOfWeek(fields.days_since_epoch);
  for (const FormatToken& token : tokens) {
    int64_t number = 0;
    int width = 2;
    switch (token.field) {
      case FormatField::kLiteral:
        out += token.literal;
        continue;
      case FormatField::kHour24:
        number = fields.hour;
        break;
      case FormatField::kHour12:
        number = hour12;
        break;
      case FormatField::kMinute:
        number = fields.minute;
        break;
      case FormatField::kSecond:
        number = fields.second;
        break;
      case FormatField::kMillisecond:
        number = fields.micros / 1000;
        width = 3;
        break;
      case FormatField::kMicrosecond:
        number = fields.micros;
        width = 6;
        break;
      case FormatField::kSecondsOfDay:
        number = (fields.hour * 60 + fields.minute) * 60 + fields.second;
        width = 0;
        break;
      case FormatField::kMeridiem:
      case FormatField::kMeridiemDots: {
        const bool pm = fields.hour % 24 >= 12;
        std::string text =
            token.field == FormatField::kMeridiem ? (pm ? "PM" : "AM") : (pm ? "P.M." : "A.M.");
        if (token.letter_case == LetterCase::kLower) {
          for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        }
        out += text;
        continue;
      }
      case FormatField::kYear4:
        number = year;
        width = 4;
        break;
      case FormatField::kYear3:
        number = year % 1000;
        width = 3;
        break;
      case FormatField::kYear2:
        number = year % 100;
        break;
      case FormatField::kYear1:
        number = year % 10;
        width = 1;
        break;
      case FormatField::kIsoYear:
        number = fields.is_interval ? year : IsoYear(fields.days_since_epoch);
        width = 4;
        break;
      case FormatField::kMonth:
        number = fields.month;
        break;
      case FormatField::kMonthName:
      case FormatField::kMonthAbbrev: {
        if (fields.month < 1 || fields.month > 12) continue;  // intervals of whole years
        const std::string_view name = kMonthNames[fields.month - 1];
        const bool full = token.field == FormatField::kMonthName;
        AppendName(out, full ? name : name.substr(0, 3), token, full ? 9 : 3);
        continue;
      }
      case FormatField::kDayName:
      case FormatField::kDayAbbrev: {
        const std::string_view name = kDayNames[day_of_week];
        const bool full = token.field == FormatField::kDayName;
        AppendName(out, full ? name : name.substr(0, 3), token, full ? 9 : 3);
        continue;
      }
      case FormatField::kDayOfYear:
        number = day_of_year;
        width = 3;
        break;
      case FormatField::kDayOfMonth:
        number = fields.day;
        break;
      case FormatField::kDayOfWeek:
        number = day_of_week + 1;
        width = 1;
        break;
      case FormatField::kIsoDayOfWeek:
        number = day_of_week == 0 ? 7 : day_of_week;
        width = 1;
        break;
      case FormatField::kIsoWeek:
        number = IsoWeek(fields.days_since_epoch);
        break;
      case FormatField::kWeekOfYear:
        number = (day_of_year - 1) / 7 + 1;
        break;
      case FormatField::kQuarter:
        number = (fields.month - 1) / 3 + 1;
        width = 1;
        break;
      case FormatField::kJulianDay:
        number = fields.days_since_epoch + kUnixEpochJulianDay;
        width = 0;
        break;
      case FormatField::kCentury:
        number = fields.year > 0 ? (fields.year + 99) / 100 : -((99 - fields.year) / 100);
        break;
      case FormatField::kTimeZone:
        // Timestamps without zone print nothing.
        if (fields.has_time_zone) {
          for (char c : fields.zone_abbreviation) {
            const bool lower = token.letter_case == LetterCase::kLower;
            out.push_back(lower && c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
          }
        }
        continue;
      case FormatField::kZoneOffset:
        // Hours and minutes only: PostgreSQL drops an offset's seconds here.
        if (fields.has_time_zone) {
          const int32_t magnitude = fields.utc_offset < 0 ? -fields.utc_offset : fields.utc_offset;
          out.push_back(fields.utc_offset < 0 ? '-' : '+');
          AppendNumber(out, magnitude / 3600, 2, token.fill_mode);
          if (magnitude % 3600 != 0) {
            out.push_back(':');
            AppendNumber(out, magnitude % 3600 / 60, 2, false);
          }
        }
        continue;
    }
    AppendNumber(out, number, width, token.fill_mode);
    if (token.ordinal) AppendOrdinal(out, number < 0 ? -number : number, token.ordinal_upper);
  }
}

}  // namespace basin
