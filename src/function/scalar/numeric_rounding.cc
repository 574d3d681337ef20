// abs, sign, ceil/ceiling, floor, round and trunc for integers, floating point and
// decimals. PostgreSQL keeps numeric results numeric: ceil, floor, round(x) and
// trunc(x) of a decimal give scale 0, and round/trunc(x, n) keep a decimal. Floating
// round() rounds half to even (rint), numeric round() half away from zero.
#include <algorithm>
#include <cmath>

#include "common/decimal.h"
#include "common/error.h"
#include "function/decimal_access.h"
#include "function/function_registry.h"
#include "function/scalar/row_executor.h"

namespace basin {

namespace {

template <class T>
const char* IntegerRangeMessage() {
  if constexpr (sizeof(T) == 2) return "smallint out of range";
  if constexpr (sizeof(T) == 4) return "integer out of range";
  return "bigint out of range";
}

template <class T>
void AddIntegerAbs(FunctionRegistry& registry, const char* name, TypeId type) {
  registry.AddScalar(
      MakeScalar(name, {type}, type,
                 [](const KernelArgs& args, uint32_t count, const FunctionData*, Vector& result) {
                   UnaryExecute<T, T>(*args[0], result, count, [](T value, uint32_t) -> T {
                     if (value >= 0) return value;
                     T negated;
                     if (__builtin_sub_overflow(T{0}, value, &negated)) {
                       throw Error(sqlstate::kNumericOutOfRange, IntegerRangeMessage<T>());
                     }
                     return negated;
                   });
                 }));
}

template <class T, class Op>
void AddFloating(FunctionRegistry& registry, const char* name, TypeId type, Op op) {
  registry.AddScalar(MakeScalar(
      name, {type}, type,
      [op](const KernelArgs& args, uint32_t count, const FunctionData*, Vector& result) {
        UnaryExecute<T, T>(*args[0], result, count, [&](T value, uint32_t) { return op(value); });
      }));
}

// Row loop over a decimal argument (int64 or int128 storage) into a decimal result.
template <class Op>
void DecimalRows(const KernelArgs& args, uint32_t count, Vector& result, Op&& op) {
  ExecuteRows(args, count, result, [&](uint32_t row) {
    WriteDecimal(result, row, op(ReadDecimal(*args[0], row), row));
  });
}

// A decimal function whose result type follows from the argument type.
template <class ResultType, class Op>
void AddDecimal(FunctionRegistry& registry, const char* name, std::vector<LogicalType> arguments,
                ResultType result_type, Op op) {
  ScalarFunction function = MakeScalar(
      name, std::move(arguments), LogicalType::Decimal(0, 0),
      [op](const KernelArgs& args, uint32_t count, const FunctionData*, Vector& result) {
        const int scale = args[0]->type().scale();
        DecimalRows(args, count, result,
                    [&](int128_t value, uint32_t row) { return op(value, scale, args, row); });
      });
  function.bind = [result_type](std::vector<LogicalType>& types, LogicalType& return_type) {
    return_type = result_type(types[0]);
    return std::unique_ptr<FunctionData>();
  };
  registry.AddScalar(std::move(function));
}

// Integer part of a decimal: one more digit than the input's integer digits, since
// rounding up can carry (ceil(9.5) = 10).
LogicalType IntegralDecimal(const LogicalType& type) {
  const int digits = std::clamp(type.precision() - type.scale() + 1, 1, int{kMaxDecimalPrecision});
  return LogicalType::Decimal(static_cast<uint8_t>(digits), 0);
}

// Same scale, one more digit for the carry of rounding.
LogicalType WidenedDecimal(const LogicalType& type) {
  const int digits = std::min(type.precision() + 1, int{kMaxDecimalPrecision});
  return LogicalType::Decimal(static_cast<uint8_t>(digits), type.scale());
}

enum class Rounding { kCeil, kFloor, kRound, kTrunc };

// value / 10^digits with the given rounding. REQUIRES: 0 <= digits <= 38.
int128_t DivideByPowerOfTen(int128_t value, int digits, Rounding rounding) {
  if (digits == 0) return value;
  if (rounding == Rounding::kRound) return DivideByPowerOfTenRounded(value, digits);
  const int128_t divisor = PowerOfTen(digits);
  int128_t quotient = value / divisor;  // truncates toward zero
  const int128_t remainder = value % divisor;
  if (rounding == Rounding::kCeil && remainder > 0) ++quotient;
  if (rounding == Rounding::kFloor && remainder < 0) --quotient;
  return quotient;
}

// Rounds an unscaled value at `places` fractional digits (negative: tens, hundreds
// ...) and keeps its scale.
int128_t RoundAtPlaces(int128_t value, int scale, int64_t places, Rounding rounding,
                       uint8_t precision) {
  const int64_t digits = scale - places;
  if (digits <= 0) return value;
  if (digits > kMaxDecimalPrecision) return 0;
  const int128_t rounded = DivideByPowerOfTen(value, static_cast<int>(digits), rounding);
  int128_t result;
  if (!CheckedMultiply(rounded, PowerOfTen(static_cast<int>(digits)), result) ||
      !DecimalFitsPrecision(result, precision)) {
    ThrowNumericFieldOverflow();
  }
  return result;
}

void AddRounding(FunctionRegistry& registry, const char* name, Rounding rounding,
                 double (*floating)(double)) {
  AddFloating<double>(registry, name, TypeId::kDouble, floating);
  AddDecimal(registry, name, {LogicalType::Decimal(0, 0)}, IntegralDecimal,
             [rounding](int128_t value, int scale, const KernelArgs&, uint32_t) {
               return DivideByPowerOfTen(value, scale, rounding);
             });
  if (rounding != Rounding::kRound && rounding != Rounding::kTrunc) return;
  // round(numeric, places) and trunc(numeric, places). PostgreSQL's result has scale
  // max(places, 0), but `places` is a value and a bind callback sees only types, so
  // the result keeps the input's scale (round(2.567, 2) is 2.570 here, 2.57 there).
  AddDecimal(registry, name, {LogicalType::Decimal(0, 0), TypeId::kInteger}, WidenedDecimal,
             [rounding](int128_t value, int scale, const KernelArgs& args, uint32_t row) {
               const uint8_t precision = WidenedDecimal(args[0]->type()).precision();
               return RoundAtPlaces(value, scale, ArgValue<int32_t>(*args[1], row), rounding,
                                    precision);
             });
}

double Sign(double value) { return value > 0 ? 1.0 : (value < 0 ? -1.0 : 0.0); }

}  // namespace

void RegisterNumericRoundingFunctions(FunctionRegistry& registry) {
  for (const char* name : {"abs", "@"}) {
    AddIntegerAbs<int16_t>(registry, name, TypeId::kSmallInt);
    AddIntegerAbs<int32_t>(registry, name, TypeId::kInteger);
    AddIntegerAbs<int64_t>(registry, name, TypeId::kBigInt);
    AddFloating<float>(registry, name, TypeId::kReal, [](float value) { return std::fabs(value); });
    AddFloating<double>(registry, name, TypeId::kDouble,
                        [](double value) { return std::fabs(value); });
    AddDecimal(
        registry, name, {LogicalType::Decimal(0, 0)}, [](const LogicalType& type) { return type; },
        [](int128_t value, int, const KernelArgs&, uint32_t) {
          return value < 0 ? -value : value;
        });
  }
  // Floating overloads come first: for integer arguments they tie with the decimal
  // ones, and PostgreSQL picks double precision (ceil(5) is a float8 there).
  AddFloating<double>(registry, "sign", TypeId::kDouble, Sign);
  AddDecimal(
      registry, "sign", {LogicalType::Decimal(0, 0)},
      [](const LogicalType&) { return LogicalType::Decimal(1, 0); },
      [](int128_t value, int, const KernelArgs&, uint32_t) {
        return int128_t{value > 0 ? 1 : (value < 0 ? -1 : 0)};
      });
  AddRounding(registry, "ceil", Rounding::kCeil, [](double value) { return std::ceil(value); });
  AddRounding(registry, "ceiling", Rounding::kCeil, [](double value) { return std::ceil(value); });
  AddRounding(registry, "floor", Rounding::kFloor, [](double value) { return std::floor(value); });
  AddRounding(registry, "round", Rounding::kRound, [](double value) { return std::rint(value); });
  AddRounding(registry, "trunc", Rounding::kTrunc, [](double value) { return std::trunc(value); });
}

}  // namespace basin
