// src/format/csv/csv_field_parsers.h
#pragma once

#include <cstddef>
#include <cstdint>

#include "common/types.h"

// Fast parsers for the types that dominate CSV files. Each accepts only the plain
// spelling (no surrounding spaces, no "infinity", no exotic forms) and returns false
// for anything else; callers then fall back to the engine's cast, which accepts every
// PostgreSQL spelling and produces PostgreSQL's error. So a fast parser may be
// stricter than PostgreSQL, never more lenient.
namespace basin {

// [+-]digits, within int64.
bool ParseCsvInt64(const char* text, size_t length, int64_t& out);
// Decimal or scientific notation ("1.5", "-2e-3", ".5"); no "inf"/"nan".
bool ParseCsvDouble(const char* text, size_t length, double& out);
bool ParseCsvFloat(const char* text, size_t length, float& out);
// [+-]digits[.digits] with at most `scale` fractional digits and at most
// precision - scale integer digits: no rounding needed. Result is value * 10^scale.
bool ParseCsvDecimal(const char* text, size_t length, uint8_t precision, uint8_t scale,
                     int128_t& out);
// YYYY-MM-DD, a valid calendar date.
bool ParseCsvIsoDate(const char* text, size_t length, int32_t& days);
// YYYY-MM-DD[ T]HH:MM:SS[.f{1,6}].
bool ParseCsvIsoTimestamp(const char* text, size_t length, int64_t& micros);
// true/false/t/f in any case.
bool ParseCsvBoolean(const char* text, size_t length, bool& out);

// Offset of the first byte that is not part of valid UTF-8, or `length` if all are.
size_t FindInvalidUtf8(const char* text, size_t length);

}  // namespace basin
