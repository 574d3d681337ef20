// Floating-point math (sqrt, cbrt, exp, ln, log, log10, power, trigonometry, pi,
// degrees, radians, random, width_bucket) and integer math (mod, gcd, lcm,
// factorial), with PostgreSQL's domain errors. Numeric arguments of the floating
// functions are converted to double precision (PostgreSQL computes them in numeric).
#include <cmath>
#include <numbers>
#include <random>

#include "common/decimal.h"
#include "common/error.h"
#include "function/decimal_access.h"
#include "function/function_registry.h"
#include "function/scalar/function_errors.h"
#include "function/scalar/row_executor.h"

namespace basin {

namespace {

constexpr TypeId kDouble = TypeId::kDouble;

// Rejects an infinite or zero result that finite, non-zero inputs produced.
double CheckResult(double result, bool inputs_infinite, bool may_be_zero) {
  if (std::isinf(result) && !inputs_infinite) {
    throw Error(sqlstate::kNumericOutOfRange, "value out of range: overflow");
  }
  if (result == 0 && !may_be_zero) {
    throw Error(sqlstate::kNumericOutOfRange, "value out of range: underflow");
  }
  return result;
}

template <class Op>
void AddUnaryDouble(FunctionRegistry& registry, const char* name, Op op) {
  registry.AddScalar(
      MakeScalar(name, {kDouble}, kDouble,
                 [op](const KernelArgs& args, uint32_t count, const FunctionData*, Vector& result) {
                   UnaryExecute<double, double>(*args[0], result, count,
                                                [&](double x, uint32_t) { return op(x); });
                 }));
}

template <class Op>
void AddBinaryDouble(FunctionRegistry& registry, const char* name, Op op) {
  registry.AddScalar(
      MakeScalar(name, {kDouble, kDouble}, kDouble,
                 [op](const KernelArgs& args, uint32_t count, const FunctionData*, Vector& result) {
                   BinaryExecute<double, double, double>(
                       *args[0], *args[1], result, count,
                       [&](double x, double y, uint32_t) { return op(x, y); });
                 }));
}

double Sqrt(double x) {
  if (x < 0) {
    throw Error(function_errors::kInvalidArgumentForPower,
                "cannot take square root of a negative number");
  }
  return std::sqrt(x);
}

// glibc's cbrt is not correctly rounded (cbrt(27) = 3.0000000000000004); one Newton
// step fixes exact cubes, as PostgreSQL's dcbrt does.
double Cbrt(double x) {
  double result = std::cbrt(x);
  if (std::isfinite(result) && result != 0.0) result += (x / (result * result) - result) / 3.0;
  return result;
}

double Exp(double x) {
  const double result = std::exp(x);
  return CheckResult(result, std::isinf(x), std::isinf(x) && x < 0);
}

double CheckedLog(double x, double (*log)(double)) {
  if (x == 0)
    throw Error(function_errors::kInvalidArgumentForLogarithm, "cannot take logarithm of zero");
  if (x < 0) {
    throw Error(function_errors::kInvalidArgumentForLogarithm,
                "cannot take logarithm of a negative number");
  }
  return log(x);
}

double LogBase(double base, double x) {
  const double numerator = CheckedLog(x, std::log);
  const double denominator = CheckedLog(base, std::log);
  if (denominator == 0) throw Error(sqlstate::kDivisionByZero, "division by zero");
  return numerator / denominator;
}

double Power(double x, double y) {
  if (x == 0 && y < 0) {
    throw Error(function_errors::kInvalidArgumentForPower,
                "zero raised to a negative power is undefined");
  }
  if (x < 0 && std::floor(y) != y && std::isfinite(y)) {
    throw Error(function_errors::kInvalidArgumentForPower,
                "a negative number raised to a non-integer power yields a complex result");
  }
  const double result = std::pow(x, y);
  const bool infinite_inputs = std::isinf(x) || std::isinf(y);
  return CheckResult(result, infinite_inputs, x == 0 || infinite_inputs);
}

// asin, acos and friends: PostgreSQL reports arguments outside the domain instead
// of returning NaN.
double CheckDomain(double x, double result) {
  if (std::isnan(result) && !std::isnan(x)) {
    throw Error(sqlstate::kNumericOutOfRange, "input is out of range");
  }
  return result;
}

// One generator per thread: random() is volatile and must not share state across
// the threads that run a query.
double Random() {
  thread_local std::mt19937_64 generator{std::random_device{}()};
  return std::uniform_real_distribution<double>(0.0, 1.0)(generator);
}

void AddRandom(FunctionRegistry& registry) {
  ScalarFunction function =
      MakeScalar("random", {}, kDouble,
                 [](const KernelArgs&, uint32_t count, const FunctionData*, Vector& result) {
                   double* out = result.data<double>();
                   for (uint32_t row = 0; row < count; ++row) out[row] = Random();
                 });
  function.volatility = Volatility::kVolatile;
  registry.AddScalar(std::move(function));
}

void AddPi(FunctionRegistry& registry) {
  registry.AddScalar(
      MakeScalar("pi", {}, kDouble,
                 [](const KernelArgs&, uint32_t count, const FunctionData*, Vector& result) {
                   double* out = result.data<double>();
                   for (uint32_t row = 0; row < count; ++row) out[row] = std::numbers::pi;
                 }));
}

template <class T>
const char* IntegerRangeMessage() {
  if constexpr (sizeof(T) == 2) return "smallint out of range";
  if constexpr (sizeof(T) == 4) return "integer out of range";
  return "bigint out of range";
}

template <class T, class Op>
void AddBinaryInteger(FunctionRegistry& registry, const char* name, TypeId type, Op op) {
  registry.AddScalar(
      MakeScalar(name, {type, type}, type,
                 [op](const KernelArgs& args, uint32_t count, const FunctionData*, Vector& result) {
                   BinaryExecute<T, T, T>(*args[0], *args[1], result, count,
                                          [&](T a, T b, uint32_t) { return op(a, b); });
                 }));
}

template <class T>
T Mod(T a, T b) {
  if (b == 0) throw Error(sqlstate::kDivisionByZero, "division by zero");
  if (b == -1) return 0;  // MIN % -1 traps in C++
  return static_cast<T>(a % b);
}

// Euclid on magnitudes; |MIN| does not fit, so the result is checked at the end.
template <class T>
T Gcd(T a, T b) {
  using Unsigned = std::make_unsigned_t<T>;
  auto magnitude = [](T value) {
    return value < 0 ? static_cast<Unsigned>(0 - static_cast<Unsigned>(value))
                     : static_cast<Unsigned>(value);
  };
  Unsigned x = magnitude(a);
  Unsigned y = magnitude(b);
  while (y != 0) {
    const Unsigned rest = static_cast<Unsigned>(x % y);
    x = y;
    y = rest;
  }
  if (x > static_cast<Unsigned>(std::numeric_limits<T>::max())) {
    throw Error(sqlstate::kNumericOutOfRange, IntegerRangeMessage<T>());
  }
  return static_cast<T>(x);
}

template <class T>
T Lcm(T a, T b) {
  if (a == 0 || b == 0) return 0;
  T result;
  if (__builtin_mul_overflow(static_cast<T>(a / Gcd(a, b)), b, &result) ||
      result == std::numeric_limits<T>::min()) {
    throw Error(sqlstate::kNumericOutOfRange, IntegerRangeMessage<T>());
  }
  return result < 0 ? static_cast<T>(-result) : result;
}

template <class T>
void AddIntegerMath(FunctionRegistry& registry, TypeId type) {
  AddBinaryInteger<T>(registry, "mod", type, Mod<T>);
  AddBinaryInteger<T>(registry, "gcd", type, Gcd<T>);
  AddBinaryInteger<T>(registry, "lcm", type, Lcm<T>);
}

// mod(numeric, numeric): the remainder at the larger of the two scales.
void AddDecimalMod(FunctionRegistry& registry) {
  ScalarFunction function = MakeScalar(
      "mod", {LogicalType::Decimal(0, 0), LogicalType::Decimal(0, 0)}, LogicalType::Decimal(0, 0),
      [](const KernelArgs& args, uint32_t count, const FunctionData*, Vector& result) {
        const int scale = result.type().scale();
        ExecuteRows(args, count, result, [&](uint32_t row) {
          int128_t a;
          int128_t b;
          if (!RescaleDecimal(ReadDecimal(*args[0], row), args[0]->type().scale(), scale, a) ||
              !RescaleDecimal(ReadDecimal(*args[1], row), args[1]->type().scale(), scale, b)) {
            ThrowNumericFieldOverflow();
          }
          if (b == 0) throw Error(sqlstate::kDivisionByZero, "division by zero");
          WriteDecimal(result, row, a % b);
        });
      });
  function.bind = [](std::vector<LogicalType>& types, LogicalType& return_type) {
    const int scale = std::max(types[0].scale(), types[1].scale());
    const int integer_digits =
        std::max(types[0].precision() - types[0].scale(), types[1].precision() - types[1].scale());
    return_type = LogicalType::Decimal(
        static_cast<uint8_t>(std::min(integer_digits + scale, int{kMaxDecimalPrecision})),
        static_cast<uint8_t>(scale));
    return std::unique_ptr<FunctionData>();
  };
  registry.AddScalar(std::move(function));
}

// factorial(bigint) -> numeric. 33! is the largest that fits 38 digits.
void AddFactorial(FunctionRegistry& registry) {
  registry.AddScalar(
      MakeScalar("factorial", {TypeId::kBigInt}, LogicalType::Decimal(38, 0),
                 [](const KernelArgs& args, uint32_t count, const FunctionData*, Vector& result) {
                   ExecuteRows(args, count, result, [&](uint32_t row) {
                     const int64_t n = ArgValue<int64_t>(*args[0], row);
                     if (n < 0) {
                       throw Error(sqlstate::kInvalidParameterValue,
                                   "factorial of a negative number is undefined");
                     }
                     if (n > 33)
                       throw Error(sqlstate::kNumericOutOfRange, "value overflows numeric format");
                     int128_t value = 1;
                     for (int64_t i = 2; i <= n; ++i) value *= i;
                     WriteDecimal(result, row, value);
                   });
                 }));
}

// width_bucket(operand, low, high, count): the 1-based equi-width bucket, 0 below
// the range and count + 1 above it.
int32_t WidthBucket(double operand, double low, double high, int32_t buckets) {
  if (buckets <= 0) {
    throw Error(function_errors::kInvalidArgumentForWidthBucket, "count must be greater than zero");
  }
  if (std::isnan(operand) || std::isnan(low) || std::isnan(high)) {
    throw Error(function_errors::kInvalidArgumentForWidthBucket,
                "operand, lower bound, and upper bound cannot be NaN");
  }
  if (std::isinf(low) || std::isinf(high)) {
    throw Error(function_errors::kInvalidArgumentForWidthBucket,
                "lower and upper bounds must be finite");
  }
  if (low == high) {
    throw Error(function_errors::kInvalidArgumentForWidthBucket,
                "lower bound cannot equal upper bound");
  }
  auto above = [&]() {
    if (buckets == std::numeric_limits<int32_t>::max()) {
      throw Error(sqlstate::kNumericOutOfRange, "integer out of range");
    }
    return buckets + 1;
  };
  if (low < high) {
    if (operand < low) return 0;
    if (operand >= high) return above();
    return static_cast<int32_t>(buckets * ((operand - low) / (high - low))) + 1;
  }
  if (operand > low) return 0;
  if (operand <= high) return above();
  return static_cast<int32_t>(buckets * ((low - operand) / (low - high))) + 1;
}

void AddWidthBucket(FunctionRegistry& registry) {
  registry.AddScalar(MakeScalar(
      "width_bucket", {kDouble, kDouble, kDouble, TypeId::kInteger}, TypeId::kInteger,
      [](const KernelArgs& args, uint32_t count, const FunctionData*, Vector& result) {
        int32_t* out = result.data<int32_t>();
        ExecuteRows(args, count, result, [&](uint32_t row) {
          out[row] = WidthBucket(ArgValue<double>(*args[0], row), ArgValue<double>(*args[1], row),
                                 ArgValue<double>(*args[2], row), ArgValue<int32_t>(*args[3], row));
        });
      }));
}

}  // namespace

void RegisterMathFunctions(FunctionRegistry& registry) {
  for (const char* name : {"sqrt", "|/"}) AddUnaryDouble(registry, name, Sqrt);
  for (const char* name : {"cbrt", "||/"}) AddUnaryDouble(registry, name, Cbrt);
  AddUnaryDouble(registry, "exp", Exp);
  AddUnaryDouble(registry, "ln", [](double x) { return CheckedLog(x, std::log); });
  AddUnaryDouble(registry, "log", [](double x) { return CheckedLog(x, std::log10); });
  AddUnaryDouble(registry, "log10", [](double x) { return CheckedLog(x, std::log10); });
  AddBinaryDouble(registry, "log", LogBase);
  for (const char* name : {"power", "pow", "^"}) AddBinaryDouble(registry, name, Power);
  AddUnaryDouble(registry, "degrees", [](double x) { return x * (180.0 / std::numbers::pi); });
  AddUnaryDouble(registry, "radians", [](double x) { return x * (std::numbers::pi / 180.0); });
  AddUnaryDouble(registry, "sin", [](double x) { return CheckDomain(x, std::sin(x)); });
  AddUnaryDouble(registry, "cos", [](double x) { return CheckDomain(x, std::cos(x)); });
  AddUnaryDouble(registry, "tan", [](double x) { return CheckDomain(x, std::tan(x)); });
  AddUnaryDouble(registry, "cot", [](double x) { return CheckDomain(x, 1.0 / std::tan(x)); });
  AddUnaryDouble(registry, "asin", [](double x) { return CheckDomain(x, std::asin(x)); });
  AddUnaryDouble(registry, "acos", [](double x) { return CheckDomain(x, std::acos(x)); });
  AddUnaryDouble(registry, "atan", [](double x) { return std::atan(x); });
  AddBinaryDouble(registry, "atan2", [](double y, double x) { return std::atan2(y, x); });
  AddPi(registry);
  AddRandom(registry);
  AddIntegerMath<int16_t>(registry, TypeId::kSmallInt);
  AddIntegerMath<int32_t>(registry, TypeId::kInteger);
  AddIntegerMath<int64_t>(registry, TypeId::kBigInt);
  AddDecimalMod(registry);
  AddFactorial(registry);
  AddWidthBucket(registry);
}

}  // namespace basin
