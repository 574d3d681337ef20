// src/common/decimal.h
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "common/types.h"

// Fixed-point DECIMAL(p,s) helpers: values are carried "unscaled", as value * 10^s in
// an int128 (int64 in vectors when p <= 18). Rounding is half away from zero, as
// PostgreSQL's numeric rounds.
namespace basin {

enum class DecimalParseStatus : uint8_t {
  kOk,
  kInvalidSyntax,  // 22P02 invalid input syntax for type numeric: "..."
  kOverflow,       // 22003 numeric field overflow
  kNotANumber,     // "NaN": valid numeric text, but no DECIMAL can hold it
  kInfinity,       // "Infinity", "-inf": PostgreSQL reports numeric field overflow
};

// Parses `text` (surrounding whitespace, a sign, digits with an optional point, an
// optional exponent: "1e5", "-.5", "2.5E-3") into value * 10^scale, rounded at
// `scale`. kOverflow when the rounded value needs more than `precision` digits.
// A precision of 0 means the maximum, 38.
DecimalParseStatus ParseDecimal(std::string_view text, uint8_t precision, uint8_t scale,
                                int128_t& unscaled);

// Exactly `scale` fractional digits: "-0.50", "12.00", "0.01", "7".
std::string FormatDecimal(int128_t unscaled, uint8_t scale);
void AppendDecimal(std::string& out, int128_t unscaled, uint8_t scale);

// Whether the unscaled value has at most `precision` digits (0 means 38).
bool DecimalFitsPrecision(int128_t unscaled, uint8_t precision);
// value / 10^digits, rounded half away from zero. REQUIRES: digits >= 0.
int128_t DivideByPowerOfTenRounded(int128_t value, int digits);
// numerator / denominator, rounded half away from zero. REQUIRES: denominator != 0.
int128_t DivideRounded(int128_t numerator, int128_t denominator);
// Changes the scale, rounding when it shrinks. Returns false if the result does not
// fit an int128 (the caller then reports "numeric field overflow").
bool RescaleDecimal(int128_t unscaled, int from_scale, int to_scale, int128_t& result);

// Overflow-checked int128 arithmetic: return false (and leave `result` unspecified)
// when the exact result does not fit.
bool CheckedAdd(int128_t left, int128_t right, int128_t& result);
bool CheckedSubtract(int128_t left, int128_t right, int128_t& result);
bool CheckedMultiply(int128_t left, int128_t right, int128_t& result);

// Throws 22003 "numeric field overflow".
[[noreturn]] void ThrowNumericFieldOverflow();

}  // namespace basin
