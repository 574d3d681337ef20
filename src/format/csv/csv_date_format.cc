#include "format/csv/csv_date_format.h"

#include "common/datetime.h"
#include "common/error.h"

namespace basin {

namespace {

// Reads between `min_digits` and `max_digits` digits.
bool ReadNumber(std::string_view text, size_t& pos, int min_digits, int max_digits, int32_t& out) {
  int digits = 0;
  int32_t value = 0;
  while (digits < max_digits && pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
    value = value * 10 + (text[pos] - '0');
    ++pos;
    ++digits;
  }
  if (digits < min_digits) return false;
  out = value;
  return true;
}

}  // namespace

CsvDateFormat::CsvDateFormat(std::string_view pattern) : pattern_(pattern) {
  for (size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] != '%') continue;
    const char spec = i + 1 < pattern.size() ? pattern[i + 1] : '\0';
    if (std::string_view("YymdHMSf%").find(spec) == std::string_view::npos || spec == '\0') {
      throw Error(sqlstate::kInvalidParameterValue, "unsupported date format \"" +
                                                        std::string(pattern) +
                                                        "\": use %Y %y %m %d %H %M %S %f %%");
    }
    ++i;
  }
}

bool CsvDateFormat::Match(std::string_view text, Parsed& parsed) const {
  size_t pos = 0;
  for (size_t i = 0; i < pattern_.size(); ++i) {
    const char c = pattern_[i];
    if (c != '%') {
      if (pos >= text.size() || text[pos] != c) return false;
      ++pos;
      continue;
    }
    const char spec = pattern_[++i];
    bool ok = true;
    switch (spec) {
      case 'Y':
        ok = ReadNumber(text, pos, 4, 4, parsed.year);
        break;
      case 'y':
        ok = ReadNumber(text, pos, 2, 2, parsed.year);
        parsed.year += parsed.year < 70 ? 2000 : 1900;
        break;
      case 'm':
        ok = ReadNumber(text, pos, 1, 2, parsed.month);
        break;
      case 'd':
        ok = ReadNumber(text, pos, 1, 2, parsed.day);
        break;
      case 'H':
        ok = ReadNumber(text, pos, 1, 2, parsed.hour);
        break;
      case 'M':
        ok = ReadNumber(text, pos, 1, 2, parsed.minute);
        break;
      case 'S':
        ok = ReadNumber(text, pos, 1, 2, parsed.second);
        break;
      case 'f': {
        const size_t start = pos;
        ok = ReadNumber(text, pos, 1, 6, parsed.micros);
        for (size_t digits = pos - start; ok && digits < 6; ++digits) parsed.micros *= 10;
        break;
      }
      default:  // '%%'
        ok = pos < text.size() && text[pos++] == '%';
    }
    if (!ok) return false;
  }
  return pos == text.size() && parsed.month >= 1 && parsed.month <= 12 && parsed.day >= 1 &&
         parsed.day <= DaysInMonth(parsed.year, parsed.month) && parsed.hour <= 23 &&
         parsed.minute <= 59 && parsed.second <= 59;
}

bool CsvDateFormat::ParseDate(std::string_view text, int32_t& days) const {
  Parsed parsed;
  if (!Match(text, parsed)) return false;
  days = static_cast<int32_t>(DaysFromCivil(parsed.year, parsed.month, parsed.day));
  return true;
}

bool CsvDateFormat::ParseTimestamp(std::string_view text, int64_t& micros) const {
  Parsed parsed;
  if (!Match(text, parsed)) return false;
  const int64_t days = DaysFromCivil(parsed.year, parsed.month, parsed.day);
  const int64_t result = days * kMicrosPerDay + parsed.hour * kMicrosPerHour +
                         parsed.minute * kMicrosPerMinute + parsed.second * kMicrosPerSecond +
                         parsed.micros;
  if (!IsValidTimestamp(result)) return false;
  micros = result;
  return true;
}

}  // namespace basin
