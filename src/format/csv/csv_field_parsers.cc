#include "format/csv/csv_field_parsers.h"

#include <charconv>
#include <cstring>
#include <limits>
#include <system_error>

#include "common/datetime.h"

namespace basin {

namespace {

inline bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Reads exactly `count` digits at text[0..count).
inline bool ReadDigits(const char* text, int count, int32_t& out) {
  int32_t value = 0;
  for (int i = 0; i < count; ++i) {
    if (!IsDigit(text[i])) return false;
    value = value * 10 + (text[i] - '0');
  }
  out = value;
  return true;
}

template <class T>
bool ParseFloating(const char* text, size_t length, T& out) {
  if (length == 0) return false;
  const char* begin = text;
  const char* end = text + length;
  if (*begin == '+') ++begin;
  if (begin == end) return false;
  // Only numbers start with these; this keeps "inf", "nan(...)" and hex out.
  const char first = *begin == '-' && begin + 1 < end ? begin[1] : *begin;
  if (!IsDigit(first) && first != '.') return false;
  const std::from_chars_result result = std::from_chars(begin, end, out);
  return result.ec == std::errc() && result.ptr == end;
}

bool ParseIsoDateParts(const char* text, int32_t& days) {
  int32_t year = 0, month = 0, day = 0;
  if (!ReadDigits(text, 4, year) || text[4] != '-' || !ReadDigits(text + 5, 2, month) ||
      text[7] != '-' || !ReadDigits(text + 8, 2, day)) {
    return false;
  }
  if (month < 1 || month > 12 || day < 1 || day > DaysInMonth(year, month)) return false;
  days = static_cast<int32_t>(DaysFromCivil(year, month, day));
  return true;
}

}  // namespace

bool ParseCsvInt64(const char* text, size_t length, int64_t& out) {
  if (length == 0 || length > 20) return false;
  size_t i = 0;
  const bool negative = text[0] == '-';
  if (text[0] == '-' || text[0] == '+') ++i;
  if (i == length) return false;
  uint64_t magnitude = 0;
  for (; i < length; ++i) {
    const uint8_t digit = static_cast<uint8_t>(text[i] - '0');
    if (digit > 9) return false;
    // 19 digits always fit a uint64; only the 20th can overflow it.
    if (magnitude > (UINT64_MAX - digit) / 10) return false;
    magnitude = magnitude * 10 + digit;
  }
  const uint64_t limit = uint64_t{std::numeric_limits<int64_t>::max()} + (negative ? 1 : 0);
  if (magnitude > limit) return false;
  out = negative ? static_cast<int64_t>(0 - magnitude) : static_cast<int64_t>(magnitude);
  return true;
}

bool ParseCsvDouble(const char* text, size_t length, double& out) {
  return ParseFloating(text, length, out);
}

bool ParseCsvFloat(const char* text, size_t length, float& out) {
  return ParseFloating(text, length, out);
}

bool ParseCsvDecimal(const char* text, size_t length, uint8_t precision, uint8_t scale,
                     int128_t& out) {
  if (length == 0) return false;
  if (precision == 0) precision = kMaxDecimalPrecision;
  size_t i = 0;
  const bool negative = text[0] == '-';
  if (text[0] == '-' || text[0] == '+') ++i;
  int128_t value = 0;
  int integer_digits = 0;
  int fraction_digits = 0;
  bool any_digit = false;
  for (; i < length && IsDigit(text[i]); ++i) {
    value = value * 10 + (text[i] - '0');
    any_digit = true;
    // Leading zeros do not count against the precision.
    if (value != 0) ++integer_digits;
    if (integer_digits > precision - scale) return false;
  }
  if (i < length && text[i] == '.') {
    for (++i; i < length && IsDigit(text[i]); ++i) {
      if (++fraction_digits > scale) return false;
      value = value * 10 + (text[i] - '0');
      any_digit = true;
    }
  }
  if (i != length || !any_digit) return false;
  value *= PowerOfTen(scale - fraction_digits);
  out = negative ? -value : value;
  return true;
}

bool ParseCsvIsoDate(const char* text, size_t length, int32_t& days) {
  return length == 10 && ParseIsoDateParts(text, days);
}

bool ParseCsvIsoTimestamp(const char* text, size_t length, int64_t& micros) {
  if (length < 19 || (text[10] != ' ' && text[10] != 'T')) return false;
  int32_t days = 0, hour = 0, minute = 0, second = 0;
  if (!ParseIsoDateParts(text, days) || !ReadDigits(text + 11, 2, hour) || text[13] != ':' ||
      !ReadDigits(text + 14, 2, minute) || text[16] != ':' || !ReadDigits(text + 17, 2, second)) {
    return false;
  }
  if (hour > 23 || minute > 59 || second > 59) return false;
  int32_t fraction = 0;
  if (length > 19) {
    const int digits = static_cast<int>(length) - 20;
    if (text[19] != '.' || digits < 1 || digits > 6 || !ReadDigits(text + 20, digits, fraction)) {
      return false;
    }
    for (int i = digits; i < 6; ++i) fraction *= 10;
  }
  const int64_t result = int64_t{days} * kMicrosPerDay + hour * kMicrosPerHour +
                         minute * kMicrosPerMinute + second * kMicrosPerSecond + fraction;
  if (!IsValidTimestamp(result)) return false;
  micros = result;
  return true;
}

bool ParseCsvBoolean(const char* text, size_t length, bool& out) {
  auto equals = [&](const char* word) {
    if (std::strlen(word) != length) return false;
    for (size_t i = 0; i < length; ++i) {
      const char c = text[i] >= 'A' && text[i] <= 'Z' ? static_cast<char>(text[i] + 32) : text[i];
      if (c != word[i]) return false;
    }
    return true;
  };
  if (equals("true") || equals("t")) {
    out = true;
    return true;
  }
  if (equals("false") || equals("f")) {
    out = false;
    return true;
  }
  return false;
}

size_t FindInvalidUtf8(const char* text, size_t length) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(text);
  size_t i = 0;
  while (i < length) {
    // ASCII fast path, eight bytes at a time.
    if (i + 8 <= length) {
      uint64_t word;
      std::memcpy(&word, bytes + i, 8);
      if ((word & 0x8080808080808080ull) == 0) {
        i += 8;
        continue;
      }
    }
    const uint8_t lead = bytes[i];
    if (lead < 0x80) {
      ++i;
      continue;
    }
    size_t extra;
    uint32_t minimum;
    if ((lead & 0xE0) == 0xC0) {
      extra = 1;
      minimum = 0x80;
    } else if ((lead & 0xF0) == 0xE0) {
      extra = 2;
      minimum = 0x800;
    } else if ((lead & 0xF8) == 0xF0) {
      extra = 3;
      minimum = 0x10000;
    } else {
      return i;
    }
    if (i + extra >= length) return i;  // truncated sequence
    uint32_t code = lead & (0x3F >> extra);
    for (size_t k = 1; k <= extra; ++k) {
      if ((bytes[i + k] & 0xC0) != 0x80) return i;
      code = (code << 6) | (bytes[i + k] & 0x3F);
    }
    // Overlong forms, UTF-16 surrogates and code points past U+10FFFF are invalid.
    if (code < minimum || (code >= 0xD800 && code <= 0xDFFF) || code > 0x10FFFF) return i;
    i += extra + 1;
  }
  return length;
}

}  // namespace basin
