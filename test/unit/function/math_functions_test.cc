#include <gtest/gtest.h>

#include <cmath>

#include "common/error.h"
#include "scalar_test_support.h"

namespace basin {
namespace {

using namespace testing_support;

std::string S(const std::string& name, const std::vector<Value>& args) {
  return Str(Call(name, args));
}
Value Dec(int128_t unscaled, uint8_t precision, uint8_t scale) {
  return Value::Decimal(unscaled, LogicalType::Decimal(precision, scale));
}

TEST(MathFunctionsTest, AbsAndSign) {
  EXPECT_EQ(S("abs", {Int(-5)}), "5");
  EXPECT_EQ(S("abs", {Dbl(-2.5)}), "2.5");
  EXPECT_EQ(S("abs", {Dec(-1250, 6, 2)}), "12.50");
  EXPECT_EQ(ErrorOf([] { Call("abs", {Int(INT32_MIN)}); }), "22003: integer out of range");
  EXPECT_EQ(ErrorOf([] { Call("abs", {Value::SmallInt(INT16_MIN)}); }),
            "22003: smallint out of range");
  EXPECT_EQ(S("sign", {Dbl(-3)}), "-1");
  EXPECT_EQ(S("sign", {Dec(0, 5, 2)}), "0");
  EXPECT_EQ(Call("sign", {Dec(-5, 5, 2)}).type(), LogicalType::Decimal(1, 0));
}

TEST(MathFunctionsTest, Rounding) {
  EXPECT_EQ(S("ceil", {Dbl(-42.8)}), "-42");
  EXPECT_EQ(S("floor", {Dbl(-42.8)}), "-43");
  EXPECT_EQ(S("round", {Dbl(2.5)}), "2");       // double rounds half to even
  EXPECT_EQ(S("round", {Dec(25, 2, 1)}), "3");  // numeric half away from zero
  EXPECT_EQ(S("round", {Dec(-25, 2, 1)}), "-3");
  EXPECT_EQ(S("ceil", {Dec(95, 2, 1)}), "10");
  EXPECT_EQ(Call("ceil", {Dec(95, 2, 1)}).type(), LogicalType::Decimal(2, 0));
  EXPECT_EQ(S("floor", {Dec(-95, 2, 1)}), "-10");
  EXPECT_EQ(S("trunc", {Dec(-95, 2, 1)}), "-9");
  EXPECT_EQ(S("round", {Dec(25678, 6, 4), Int(2)}), "2.5700");
  EXPECT_EQ(S("round", {Dec(123456, 8, 2), Int(-2)}), "1200.00");
  EXPECT_EQ(S("trunc", {Dec(25678, 6, 4), Int(2)}), "2.5600");
  EXPECT_EQ(S("trunc", {Dbl(-2.7)}), "-2");
}

TEST(MathFunctionsTest, PowersAndLogs) {
  EXPECT_EQ(S("sqrt", {Dbl(2)}), "1.4142135623730951");
  EXPECT_EQ(ErrorOf([] { Call("sqrt", {Dbl(-1)}); }),
            "2201F: cannot take square root of a negative number");
  EXPECT_EQ(S("cbrt", {Dbl(27)}), "3");
  EXPECT_EQ(S("power", {Dbl(2), Dbl(10)}), "1024");
  EXPECT_EQ(ErrorOf([] {
              Call("power", {Dbl(0), Dbl(-1)});
            }),
            "2201F: zero raised to a negative power is undefined");
  EXPECT_EQ(ErrorOf([] {
              Call("power", {Dbl(-8), Dbl(0.5)});
            }),
            "2201F: a negative number raised to a non-integer power yields a complex result");
  EXPECT_EQ(ErrorOf([] { Call("exp", {Dbl(1000)}); }), "22003: value out of range: overflow");
  EXPECT_EQ(S("ln", {Dbl(1)}), "0");
  EXPECT_EQ(S("log", {Dbl(100)}), "2");
  EXPECT_EQ(S("log", {Dbl(2), Dbl(8)}), "3");
  EXPECT_EQ(ErrorOf([] { Call("ln", {Dbl(0)}); }), "2201E: cannot take logarithm of zero");
  EXPECT_EQ(ErrorOf([] { Call("log10", {Dbl(-1)}); }),
            "2201E: cannot take logarithm of a negative number");
  EXPECT_EQ(S("pi", {}), "3.141592653589793");
  EXPECT_EQ(S("degrees", {Dbl(M_PI)}), "180");
  EXPECT_EQ(ErrorOf([] { Call("asin", {Dbl(2)}); }), "22003: input is out of range");
  EXPECT_EQ(S("atan2", {Dbl(1), Dbl(1)}), "0.7853981633974483");
}

TEST(MathFunctionsTest, IntegerMath) {
  EXPECT_EQ(S("mod", {Int(-7), Int(3)}), "-1");
  EXPECT_EQ(ErrorOf([] { Call("mod", {Int(1), Int(0)}); }), "22012: division by zero");
  EXPECT_EQ(S("mod", {Dec(755, 4, 2), Dec(2, 2, 0)}), "1.55");
  EXPECT_EQ(S("gcd", {Int(12), Int(-18)}), "6");
  EXPECT_EQ(S("lcm", {Int(4), Int(6)}), "12");
  EXPECT_EQ(ErrorOf([] { Call("gcd", {Int(INT32_MIN), Int(0)}); }), "22003: integer out of range");
  EXPECT_EQ(S("factorial", {Big(20)}), "2432902008176640000");
  EXPECT_EQ(S("width_bucket", {Dbl(5.35), Dbl(0.024), Dbl(10.06), Int(5)}), "3");
  EXPECT_EQ(S("width_bucket", {Dbl(-1), Dbl(0), Dbl(10), Int(5)}), "0");
  EXPECT_EQ(S("width_bucket", {Dbl(10), Dbl(0), Dbl(10), Int(5)}), "6");
}

TEST(MathFunctionsTest, Bitwise) {
  EXPECT_EQ(S("&", {Int(91), Int(15)}), "11");
  EXPECT_EQ(S("|", {Int(32), Int(3)}), "35");
  EXPECT_EQ(S("#", {Int(17), Int(5)}), "20");
  EXPECT_EQ(S("~", {Int(1)}), "-2");
  EXPECT_EQ(S("<<", {Int(1), Int(4)}), "16");
  EXPECT_EQ(S(">>", {Int(-8), Int(2)}), "-2");
  EXPECT_EQ(S("<<", {Big(1), Int(40)}), "1099511627776");
}

TEST(MathFunctionsTest, RandomIsVolatileAndInRange) {
  const auto& overloads = *FunctionRegistry::BuiltIn().FindScalar("random");
  EXPECT_EQ(overloads[0]->volatility, Volatility::kVolatile);
  Vector result(TypeId::kDouble, 100);
  overloads[0]->kernel({}, 100, nullptr, result);
  for (uint32_t row = 0; row < 100; ++row) {
    EXPECT_GE(result.data<double>()[row], 0.0);
    EXPECT_LT(result.data<double>()[row], 1.0);
  }
}

TEST(MathFunctionsTest, NullsAndFlatVectors) {
  const auto rows = CallColumns("sqrt", {{Dbl(4), Value::Null(TypeId::kDouble), Dbl(9)}}, 3);
  EXPECT_EQ(Str(rows[0]), "2");
  EXPECT_TRUE(rows[1].is_null());
  EXPECT_EQ(Str(rows[2]), "3");
  // A NULL row never raises its error.
  const auto errors = CallColumns("sqrt", {{Value::Null(TypeId::kDouble), Dbl(1)}}, 2);
  EXPECT_TRUE(errors[0].is_null());
}

}  // namespace
}  // namespace basin
