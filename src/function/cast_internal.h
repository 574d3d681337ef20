// src/function/cast_internal.h
// Shared by the cast_*.cc files; not for use elsewhere.
#pragma once

#include <cstdint>
#include <string>

#include "common/error.h"
#include "common/vector.h"
#include "function/cast.h"

namespace basin::cast_internal {

// Converts rows [0, rows) of `source` into `result`. `convert(const In&, Out&)`
// returns false when a value does not convert: in kTry mode that row becomes NULL,
// in kStrict mode `fail(const In&)` throws the error. NULL rows stay NULL. Failure
// is a return value, not an exception, so that TRY_CAST over bad data stays cheap.
template <class In, class Out, class Convert, class Fail>
void CastRows(const Vector& source, Vector& result, uint32_t rows, CastMode mode, Convert&& convert,
              Fail&& fail) {
  const In* in = source.data<In>();
  Out* out = result.data<Out>();
  const Validity& validity = source.validity();
  const bool all_valid = validity.AllValid();
  for (uint32_t row = 0; row < rows; ++row) {
    if (!all_valid && !validity.IsValid(row)) {
      result.SetNull(row);
      continue;
    }
    if (convert(in[row], out[row])) continue;
    if (mode == CastMode::kTry) {
      result.SetNull(row);
      continue;
    }
    fail(in[row]);
  }
}

// For conversions that cannot fail.
template <class In, class Out, class Convert>
void CastRowsInfallible(const Vector& source, Vector& result, uint32_t rows, Convert&& convert) {
  CastRows<In, Out>(
      source, result, rows, CastMode::kStrict,
      [&convert](const In& value, Out& out) {
        out = convert(value);
        return true;
      },
      [](const In&) {});
}

[[noreturn]] inline void ThrowOutOfRange(const char* type_name) {
  throw Error(sqlstate::kNumericOutOfRange, std::string(type_name) + " out of range");
}

// Casts between BOOLEAN, integers, REAL, DOUBLE and DECIMAL (cast_numeric.cc).
void CastNumeric(const Vector& source, Vector& result, uint32_t rows, CastMode mode);
// Anything to VARCHAR, and VARCHAR to anything (cast_text.cc).
void CastToText(const Vector& source, Vector& result, uint32_t rows, const TimeZone& zone);
void CastFromText(const Vector& source, Vector& result, uint32_t rows, CastMode mode,
                  const TimeZone& zone);

// LIST, STRUCT and MAP to text, text to LIST and STRUCT, and element-wise between
// nested types (cast_nested.cc).
void CastNestedToText(const Vector& source, Vector& result, uint32_t rows, const TimeZone& zone);
void CastTextToNested(const Vector& source, Vector& result, uint32_t rows, CastMode mode,
                      const TimeZone& zone);
void CastNestedToNested(const Vector& source, Vector& result, uint32_t rows, CastMode mode,
                        const TimeZone& zone);

// PostgreSQL's float output (extra_float_digits = 1): the shortest text that reads
// back as the same value, in exponent form outside 1e-4 <= |x| < 1e15 (1e6 for REAL):
// "0.1", "1e+20", "1.5e-07", "-0", "Infinity", "NaN".
void AppendDouble(std::string& out, double value);
void AppendReal(std::string& out, float value);

}  // namespace basin::cast_internal
