#include "common/decimal.h"

#include "common/error.h"

namespace basin {

namespace {

using uint128_t = unsigned __int128;

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

bool EqualsIgnoreCase(std::string_view text, std::string_view lower_word) {
  if (text.size() != lower_word.size()) return false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i] >= 'A' && text[i] <= 'Z' ? static_cast<char>(text[i] + 32) : text[i];
    if (c != lower_word[i]) return false;
  }
  return true;
}

uint128_t Magnitude(int128_t value) {
  return value < 0 ? uint128_t{0} - static_cast<uint128_t>(value) : static_cast<uint128_t>(value);
}

// PostgreSQL rejects exponents beyond its maximum numeric precision.
constexpr int kMaxExponent = 1000;

}  // namespace

DecimalParseStatus ParseDecimal(std::string_view text, uint8_t precision, uint8_t scale,
                                int128_t& unscaled) {
  using Status = DecimalParseStatus;
  if (precision == 0) precision = kMaxDecimalPrecision;
  while (!text.empty() && IsSpace(text.front())) text.remove_prefix(1);
  while (!text.empty() && IsSpace(text.back())) text.remove_suffix(1);
  size_t position = 0;
  const bool negative = !text.empty() && text[0] == '-';
  if (!text.empty() && (text[0] == '-' || text[0] == '+')) ++position;
  const std::string_view body = text.substr(position);
  if (EqualsIgnoreCase(body, "nan") || EqualsIgnoreCase(body, "infinity") ||
      EqualsIgnoreCase(body, "inf")) {
    if (!EqualsIgnoreCase(body, "nan")) return Status::kInfinity;
    return position > 0 ? Status::kInvalidSyntax : Status::kNotANumber;
  }
  // The significant digits (leading zeros dropped) and where the point falls among
  // them: value = 0.d1d2d3... * 10^point_position.
  bool seen_significant = false;
  int64_t point_position = 0;
  bool seen_point = false;
  size_t digit_count = 0;
  std::string significant;
  for (; position < text.size(); ++position) {
    const char c = text[position];
    if (c == '.') {
      if (seen_point) return Status::kInvalidSyntax;
      seen_point = true;
      continue;
    }
    if (c < '0' || c > '9') break;
    ++digit_count;
    if (!seen_significant && c == '0') {
      if (seen_point) --point_position;
      continue;
    }
    seen_significant = true;
    significant.push_back(c);
    if (!seen_point) ++point_position;
  }
  if (digit_count == 0) return Status::kInvalidSyntax;
  if (position < text.size() && (text[position] == 'e' || text[position] == 'E')) {
    ++position;
    bool exponent_negative = false;
    if (position < text.size() && (text[position] == '-' || text[position] == '+')) {
      exponent_negative = text[position] == '-';
      ++position;
    }
    int64_t exponent = 0;
    size_t exponent_digits = 0;
    for (; position < text.size() && text[position] >= '0' && text[position] <= '9'; ++position) {
      if (exponent <= kMaxExponent) exponent = exponent * 10 + (text[position] - '0');
      ++exponent_digits;
    }
    if (exponent_digits == 0 || exponent > kMaxExponent) return Status::kInvalidSyntax;
    point_position += exponent_negative ? -exponent : exponent;
  }
  if (position != text.size()) return Status::kInvalidSyntax;
  if (significant.empty()) {
    unscaled = 0;
    return Status::kOk;
  }
  // The unscaled result's integer digits are the first `integer_digits` significant
  // digits (padded with zeros); the next digit decides the rounding.
  const int64_t integer_digits = point_position + scale;
  if (integer_digits > precision) return Status::kOverflow;
  const int64_t count = static_cast<int64_t>(significant.size());
  int128_t value = 0;
  for (int64_t i = 0; i < integer_digits; ++i) {
    value = value * 10 + (i < count ? significant[i] - '0' : 0);
  }
  if (integer_digits >= 0 && integer_digits < count && significant[integer_digits] >= '5') {
    ++value;
  }
  if (!DecimalFitsPrecision(value, precision)) return Status::kOverflow;
  unscaled = negative ? -value : value;
  return Status::kOk;
}

void AppendDecimal(std::string& out, int128_t unscaled, uint8_t scale) {
  char digits[48];
  int length = 0;
  uint128_t magnitude = Magnitude(unscaled);
  do {
    digits[length++] = static_cast<char>('0' + static_cast<int>(magnitude % 10));
    magnitude /= 10;
  } while (magnitude != 0);
  while (length <= scale) digits[length++] = '0';  // at least one integer digit
  if (unscaled < 0) out.push_back('-');
  while (length > scale) out.push_back(digits[--length]);
  if (scale == 0) return;
  out.push_back('.');
  while (length > 0) out.push_back(digits[--length]);
}

std::string FormatDecimal(int128_t unscaled, uint8_t scale) {
  std::string out;
  AppendDecimal(out, unscaled, scale);
  return out;
}

bool DecimalFitsPrecision(int128_t unscaled, uint8_t precision) {
  if (precision == 0 || precision > kMaxDecimalPrecision) precision = kMaxDecimalPrecision;
  return Magnitude(unscaled) < static_cast<uint128_t>(PowerOfTen(precision));
}

int128_t DivideRounded(int128_t numerator, int128_t denominator) {
  int128_t quotient = numerator / denominator;
  const uint128_t remainder = Magnitude(numerator % denominator);
  // remainder >= denominator - remainder, i.e. 2 * remainder >= denominator, without
  // the doubling that could overflow.
  if (remainder != 0 && remainder >= Magnitude(denominator) - remainder) {
    quotient += ((numerator < 0) != (denominator < 0)) ? -1 : 1;
  }
  return quotient;
}

int128_t DivideByPowerOfTenRounded(int128_t value, int digits) {
  if (digits == 0) return value;
  if (digits > kMaxDecimalPrecision) return 0;  // |value| < 10^39 / 2
  return DivideRounded(value, PowerOfTen(digits));
}

bool RescaleDecimal(int128_t unscaled, int from_scale, int to_scale, int128_t& result) {
  if (to_scale >= from_scale) {
    if (unscaled == 0) {
      result = 0;
      return true;
    }
    if (to_scale - from_scale > kMaxDecimalPrecision) return false;
    return CheckedMultiply(unscaled, PowerOfTen(to_scale - from_scale), result);
  }
  result = DivideByPowerOfTenRounded(unscaled, from_scale - to_scale);
  return true;
}

bool CheckedAdd(int128_t left, int128_t right, int128_t& result) {
  return !__builtin_add_overflow(left, right, &result);
}

bool CheckedSubtract(int128_t left, int128_t right, int128_t& result) {
  return !__builtin_sub_overflow(left, right, &result);
}

// Done by hand: clang lowers __builtin_mul_overflow on __int128 to __muloti4, which
// libgcc does not provide.
bool CheckedMultiply(int128_t left, int128_t right, int128_t& result) {
  const uint128_t a = Magnitude(left);
  const uint128_t b = Magnitude(right);
  const bool negative = (left < 0) != (right < 0);
  const uint128_t limit = (uint128_t{1} << 127) - (negative ? 0 : 1);
  if (a != 0 && b > limit / a) return false;
  const uint128_t product = a * b;
  result =
      negative ? static_cast<int128_t>(uint128_t{0} - product) : static_cast<int128_t>(product);
  return true;
}

void ThrowNumericFieldOverflow() {
  throw Error(sqlstate::kNumericOutOfRange, "numeric field overflow");
}

}  // namespace basin
