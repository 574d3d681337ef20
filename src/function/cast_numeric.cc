// Casts among BOOLEAN, SMALLINT, INTEGER, BIGINT, REAL, DOUBLE and DECIMAL(p,s),
// with PostgreSQL's rounding and range errors.
#include <charconv>
#include <cmath>
#include <limits>
#include <string>

#include "common/decimal.h"
#include "common/error.h"
#include "function/cast_internal.h"

namespace basin::cast_internal {

namespace {

template <class T>
const char* IntegerTypeName() {
  if constexpr (sizeof(T) == 2) {
    return "smallint";
  } else if constexpr (sizeof(T) == 4) {
    return "integer";
  } else {
    return "bigint";
  }
}

template <class Out>
bool IntegerFromInteger(int128_t value, Out& out) {
  if (value < std::numeric_limits<Out>::min() || value > std::numeric_limits<Out>::max()) {
    return false;
  }
  out = static_cast<Out>(value);
  return true;
}

// PostgreSQL rounds with rint(): to nearest, ties to even (2.5 -> 2). The range test
// is written so that NaN fails it, and compares with -min() = 2^(bits-1), which a
// double holds exactly (max() it may not).
template <class Out>
bool IntegerFromDouble(double value, Out& out) {
  constexpr double kLimit = -static_cast<double>(std::numeric_limits<Out>::min());
  value = std::nearbyint(value);
  if (!(value >= -kLimit && value < kLimit)) return false;
  out = static_cast<Out>(value);
  return true;
}

// Decimals round half away from zero (2.5 -> 3), as PostgreSQL's numeric does.
template <class Out>
bool IntegerFromDecimal(int128_t unscaled, int scale, Out& out) {
  return IntegerFromInteger(DivideByPowerOfTenRounded(unscaled, scale), out);
}

// Exact: decimal text to binary floating point is correctly rounded by from_chars,
// as PostgreSQL's numeric -> float goes through text and strtod.
template <class T>
T DecimalToFloat(int128_t unscaled, int scale) {
  const std::string text = FormatDecimal(unscaled, static_cast<uint8_t>(scale));
  T value = 0;
  std::from_chars(text.data(), text.data() + text.size(), value);
  return value;
}

// Calls one of three converters with the source value, by the source's type:
// `from_integer(int64_t, Out&)` for BOOLEAN and integers, `from_float(float or
// double, Out&)` for REAL and DOUBLE, `from_decimal(int128_t unscaled, Out&)`.
template <class Out, class FromInteger, class FromFloat, class FromDecimal, class Fail>
void CastFromNumeric(const Vector& source, Vector& result, uint32_t rows, CastMode mode,
                     FromInteger&& from_integer, FromFloat&& from_float, FromDecimal&& from_decimal,
                     Fail&& fail) {
  auto integer = [&](auto value, Out& out) {
    return from_integer(static_cast<int64_t>(value), out);
  };
  auto decimal = [&](auto value, Out& out) {
    return from_decimal(static_cast<int128_t>(value), out);
  };
  switch (source.type().id()) {
    case TypeId::kBoolean:
      return CastRows<bool, Out>(source, result, rows, mode, integer, fail);
    case TypeId::kSmallInt:
      return CastRows<int16_t, Out>(source, result, rows, mode, integer, fail);
    case TypeId::kInteger:
      return CastRows<int32_t, Out>(source, result, rows, mode, integer, fail);
    case TypeId::kBigInt:
      return CastRows<int64_t, Out>(source, result, rows, mode, integer, fail);
    case TypeId::kReal:
      return CastRows<float, Out>(source, result, rows, mode, from_float, fail);
    case TypeId::kDouble:
      return CastRows<double, Out>(source, result, rows, mode, from_float, fail);
    case TypeId::kDecimal:
      if (source.type().IsWideDecimal()) {
        return CastRows<int128_t, Out>(source, result, rows, mode, decimal, fail);
      }
      return CastRows<int64_t, Out>(source, result, rows, mode, decimal, fail);
    default:
      throw Error(sqlstate::kInternal, "CastNumeric: unexpected source type");
  }
}

template <class Out>
void CastToInteger(const Vector& source, Vector& result, uint32_t rows, CastMode mode) {
  const int scale = source.type().scale();
  CastFromNumeric<Out>(
      source, result, rows, mode,
      [](int64_t value, Out& out) { return IntegerFromInteger<Out>(value, out); },
      [](auto value, Out& out) { return IntegerFromDouble<Out>(value, out); },
      [scale](int128_t value, Out& out) { return IntegerFromDecimal<Out>(value, scale, out); },
      [](auto) { ThrowOutOfRange(IntegerTypeName<Out>()); });
}

void CastToDouble(const Vector& source, Vector& result, uint32_t rows, CastMode mode) {
  const int scale = source.type().scale();
  CastFromNumeric<double>(
      source, result, rows, mode,
      [](int64_t value, double& out) {
        out = static_cast<double>(value);
        return true;
      },
      [](auto value, double& out) {
        out = value;
        return true;
      },
      [scale](int128_t value, double& out) {
        out = DecimalToFloat<double>(value, scale);
        return true;
      },
      [](auto) {});
}

void CastToReal(const Vector& source, Vector& result, uint32_t rows, CastMode mode) {
  const int scale = source.type().scale();
  bool overflow = false;  // else underflow; set by the converter, read by `fail`
  CastFromNumeric<float>(
      source, result, rows, mode,
      [](int64_t value, float& out) {
        out = static_cast<float>(value);
        return true;
      },
      [&overflow](auto value, float& out) {
        const double wide = value;
        out = static_cast<float>(wide);
        overflow = std::isinf(out) && !std::isinf(wide);
        return !overflow && !(out == 0 && wide != 0);
      },
      [scale](int128_t value, float& out) {
        out = DecimalToFloat<float>(value, scale);
        return true;
      },
      [&overflow](auto) {
        throw Error(sqlstate::kNumericOutOfRange,
                    overflow ? "value out of range: overflow" : "value out of range: underflow");
      });
}

template <class Out>
void CastToDecimal(const Vector& source, Vector& result, uint32_t rows, CastMode mode) {
  const int from_scale = source.type().scale();
  const uint8_t precision = result.type().precision();
  const uint8_t scale = result.type().scale();
  bool not_a_number = false;
  auto store = [precision](int128_t value, Out& out) {
    if (!DecimalFitsPrecision(value, precision)) return false;
    out = static_cast<Out>(value);
    return true;
  };
  CastFromNumeric<Out>(
      source, result, rows, mode,
      [&](int64_t value, Out& out) {
        int128_t scaled = 0;
        return CheckedMultiply(value, PowerOfTen(scale), scaled) && store(scaled, out);
      },
      [&](auto value, Out& out) {
        not_a_number = std::isnan(value);
        if (!std::isfinite(value)) return false;
        // PostgreSQL converts through text with DBL_DIG (FLT_DIG for REAL) significant
        // digits, so 0.1::float8::numeric is exactly 0.1.
        constexpr int kDigits = sizeof(value) == sizeof(float) ? 6 : 15;
        char text[64];
        const auto end = std::to_chars(text, text + sizeof(text), static_cast<double>(value),
                                       std::chars_format::general, kDigits)
                             .ptr;
        int128_t unscaled = 0;
        return ParseDecimal(std::string_view(text, end - text), precision, scale, unscaled) ==
                   DecimalParseStatus::kOk &&
               store(unscaled, out);
      },
      [&](int128_t value, Out& out) {
        int128_t rescaled = 0;
        return RescaleDecimal(value, from_scale, scale, rescaled) && store(rescaled, out);
      },
      [&](auto) {
        if (not_a_number) {
          throw Error(sqlstate::kFeatureNotSupported,
                      "cannot convert NaN to " + result.type().ToString());
        }
        ThrowNumericFieldOverflow();
      });
}

}  // namespace

void CastNumeric(const Vector& source, Vector& result, uint32_t rows, CastMode mode) {
  switch (result.type().id()) {
    case TypeId::kBoolean:
      // Only INTEGER -> BOOLEAN exists (CastExists).
      return CastRowsInfallible<int32_t, bool>(source, result, rows,
                                               [](int32_t value) { return value != 0; });
    case TypeId::kSmallInt:
      return CastToInteger<int16_t>(source, result, rows, mode);
    case TypeId::kInteger:
      return CastToInteger<int32_t>(source, result, rows, mode);
    case TypeId::kBigInt:
      return CastToInteger<int64_t>(source, result, rows, mode);
    case TypeId::kReal:
      return CastToReal(source, result, rows, mode);
    case TypeId::kDouble:
      return CastToDouble(source, result, rows, mode);
    case TypeId::kDecimal:
      if (result.type().IsWideDecimal()) {
        return CastToDecimal<int128_t>(source, result, rows, mode);
      }
      return CastToDecimal<int64_t>(source, result, rows, mode);
    default:
      throw Error(sqlstate::kInternal, "CastNumeric: unexpected target type");
  }
}

}  // namespace basin::cast_internal
