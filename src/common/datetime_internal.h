// src/common/datetime_internal.h
// Helpers shared by the datetime_*.cc files; not for use elsewhere.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "common/error.h"

namespace basin::datetime_internal {

// SQLSTATEs PostgreSQL uses for a few datetime errors that error.h does not list:
// kept here because nothing outside the datetime code raises them.
inline constexpr SqlState kIntervalFieldOverflow{{'2', '2', '0', '1', '5'}};
inline constexpr SqlState kInvalidTimeZoneDisplacement{{'2', '2', '0', '0', '9'}};

// Division rounding toward negative infinity: the calendar needs it for instants
// before 1970, where C++'s truncation would land on the following day.
inline int64_t FloorDiv(int64_t value, int64_t divisor) {
  const int64_t quotient = value / divisor;
  return (value % divisor != 0 && ((value < 0) != (divisor < 0))) ? quotient - 1 : quotient;
}
// Computed from the remainder, so that it cannot overflow even next to INT64_MIN.
inline int64_t FloorMod(int64_t value, int64_t divisor) {
  const int64_t remainder = value % divisor;
  return (remainder != 0 && ((remainder < 0) != (divisor < 0))) ? remainder + divisor : remainder;
}

[[noreturn]] inline void ThrowOutOfRange(const char* what) {
  throw Error(sqlstate::kDatetimeFieldOverflow, std::string(what) + " out of range");
}

// Appends `value` in decimal, zero-padded to at least `width` digits.
inline void AppendPadded(std::string& out, int64_t value, int width) {
  char digits[24];
  int length = 0;
  uint64_t magnitude = value < 0 ? 0 - static_cast<uint64_t>(value) : static_cast<uint64_t>(value);
  do {
    digits[length++] = static_cast<char>('0' + magnitude % 10);
    magnitude /= 10;
  } while (magnitude != 0);
  if (value < 0) out.push_back('-');
  for (int i = length; i < width; ++i) out.push_back('0');
  while (length > 0) out.push_back(digits[--length]);
}

}  // namespace basin::datetime_internal
