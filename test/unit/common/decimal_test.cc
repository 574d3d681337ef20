#include "common/decimal.h"

#include <gtest/gtest.h>

#include <string>

#include "common/error.h"

namespace basin {
namespace {

// Parses into DECIMAL(precision, scale) and prints the result, or the failure.
std::string Parse(std::string_view text, uint8_t precision, uint8_t scale) {
  int128_t unscaled = 0;
  switch (ParseDecimal(text, precision, scale, unscaled)) {
    case DecimalParseStatus::kOk:
      return FormatDecimal(unscaled, scale);
    case DecimalParseStatus::kInvalidSyntax:
      return "syntax";
    case DecimalParseStatus::kOverflow:
      return "overflow";
    case DecimalParseStatus::kNotANumber:
      return "nan";
    case DecimalParseStatus::kInfinity:
      return "infinity";
  }
  return "?";
}

int128_t Max38() { return PowerOfTen(38) - 1; }

TEST(DecimalTest, ParsesAndRoundsHalfAwayFromZero) {
  EXPECT_EQ(Parse("12.345", 10, 2), "12.35");
  EXPECT_EQ(Parse("12.344", 10, 2), "12.34");
  EXPECT_EQ(Parse("-12.345", 10, 2), "-12.35");
  EXPECT_EQ(Parse("2.5", 10, 0), "3");
  EXPECT_EQ(Parse("-2.5", 10, 0), "-3");
  EXPECT_EQ(Parse("0.005", 10, 2), "0.01");
  EXPECT_EQ(Parse("-0.005", 10, 2), "-0.01");
  EXPECT_EQ(Parse("0.004", 10, 2), "0.00");
  EXPECT_EQ(Parse("-0.004", 10, 2), "0.00");  // no negative zero
  EXPECT_EQ(Parse("0.0000001", 10, 2), "0.00");
  EXPECT_EQ(Parse("12", 10, 2), "12.00");
  EXPECT_EQ(Parse("  +7.5  ", 10, 1), "7.5");
  EXPECT_EQ(Parse(".5", 10, 1), "0.5");
  EXPECT_EQ(Parse("5.", 10, 1), "5.0");
  EXPECT_EQ(Parse("000123.4500", 10, 4), "123.4500");
  EXPECT_EQ(Parse("0", 1, 0), "0");
  EXPECT_EQ(Parse("0.000", 5, 5), "0.00000");
}

TEST(DecimalTest, ParsesExponents) {
  EXPECT_EQ(Parse("1e5", 10, 0), "100000");
  EXPECT_EQ(Parse("1E5", 10, 2), "100000.00");
  EXPECT_EQ(Parse("1.5e-3", 10, 4), "0.0015");
  EXPECT_EQ(Parse("1.5e-3", 10, 2), "0.00");
  EXPECT_EQ(Parse("2.5e-2", 10, 2), "0.03");
  EXPECT_EQ(Parse("-1.23e+2", 10, 1), "-123.0");
  EXPECT_EQ(Parse("0e999", 5, 2), "0.00");
  EXPECT_EQ(Parse("1e-999", 5, 2), "0.00");
  EXPECT_EQ(Parse("1e38", 38, 0), "overflow");
  EXPECT_EQ(Parse("1e1001", 38, 0), "syntax");
  EXPECT_EQ(Parse("1e", 10, 0), "syntax");
  EXPECT_EQ(Parse("1e+", 10, 0), "syntax");
}

TEST(DecimalTest, ChecksPrecision) {
  EXPECT_EQ(Parse("999.99", 5, 2), "999.99");
  EXPECT_EQ(Parse("999.995", 5, 2), "overflow");  // rounds to 1000.00
  EXPECT_EQ(Parse("1000", 5, 2), "overflow");
  EXPECT_EQ(Parse("-1000", 5, 2), "overflow");
  EXPECT_EQ(Parse("0.12", 2, 2), "0.12");
  EXPECT_EQ(Parse("1.2", 2, 2), "overflow");
  EXPECT_EQ(Parse("99999999999999999999999999999999999999", 38, 0),
            "99999999999999999999999999999999999999");
  EXPECT_EQ(Parse("100000000000000000000000000000000000000", 38, 0), "overflow");
  EXPECT_EQ(Parse("123456789012345678901234567890", 0, 0), "123456789012345678901234567890");
}

TEST(DecimalTest, RejectsBadText) {
  for (const char* text :
       {"", " ", "abc", "1.2.3", "--1", "+-1", "1 2", "1,5", ".", "-", "0x10", "1e5x", "-nan"}) {
    EXPECT_EQ(Parse(text, 10, 2), "syntax") << text;
  }
  EXPECT_EQ(Parse("NaN", 10, 2), "nan");
  EXPECT_EQ(Parse("Infinity", 10, 2), "infinity");
  EXPECT_EQ(Parse("-inf", 10, 2), "infinity");
}

TEST(DecimalTest, Formats) {
  EXPECT_EQ(FormatDecimal(-50, 2), "-0.50");
  EXPECT_EQ(FormatDecimal(1200, 2), "12.00");
  EXPECT_EQ(FormatDecimal(1, 2), "0.01");
  EXPECT_EQ(FormatDecimal(-1, 5), "-0.00001");
  EXPECT_EQ(FormatDecimal(7, 0), "7");
  EXPECT_EQ(FormatDecimal(0, 3), "0.000");
  EXPECT_EQ(FormatDecimal(Max38(), 38), "0.99999999999999999999999999999999999999");
  EXPECT_EQ(FormatDecimal(-Max38(), 0), "-99999999999999999999999999999999999999");
  const int128_t min = static_cast<int128_t>(static_cast<unsigned __int128>(1) << 127);
  EXPECT_EQ(FormatDecimal(min, 0), "-170141183460469231731687303715884105728");
  std::string out = "x=";
  AppendDecimal(out, 314, 2);
  EXPECT_EQ(out, "x=3.14");
}

TEST(DecimalTest, Rescales) {
  int128_t result = 0;
  ASSERT_TRUE(RescaleDecimal(12345, 3, 1, result));
  EXPECT_EQ(result, 123);  // 12.345 -> 12.3
  ASSERT_TRUE(RescaleDecimal(12350, 3, 1, result));
  EXPECT_EQ(result, 124);  // 12.350 -> 12.4
  ASSERT_TRUE(RescaleDecimal(-12350, 3, 1, result));
  EXPECT_EQ(result, -124);
  ASSERT_TRUE(RescaleDecimal(5, 1, 0, result));
  EXPECT_EQ(result, 1);
  ASSERT_TRUE(RescaleDecimal(123, 1, 4, result));
  EXPECT_EQ(result, 123000);
  ASSERT_TRUE(RescaleDecimal(0, 0, 60, result));
  EXPECT_EQ(result, 0);
  EXPECT_FALSE(RescaleDecimal(Max38(), 0, 2, result));
  EXPECT_FALSE(RescaleDecimal(1, 0, 39, result));
  EXPECT_EQ(DivideByPowerOfTenRounded(Max38(), 38), 1);
  EXPECT_EQ(DivideByPowerOfTenRounded(Max38(), 39), 0);
  EXPECT_TRUE(DecimalFitsPrecision(99999, 5));
  EXPECT_FALSE(DecimalFitsPrecision(100000, 5));
  EXPECT_FALSE(DecimalFitsPrecision(-100000, 5));
}

TEST(DecimalTest, DividesRounded) {
  EXPECT_EQ(DivideRounded(7, 2), 4);
  EXPECT_EQ(DivideRounded(-7, 2), -4);
  EXPECT_EQ(DivideRounded(7, -2), -4);
  EXPECT_EQ(DivideRounded(5, 3), 2);
  EXPECT_EQ(DivideRounded(4, 3), 1);
  EXPECT_EQ(DivideRounded(Max38(), PowerOfTen(38)), 1);
}

TEST(DecimalTest, CheckedArithmetic) {
  const int128_t max = static_cast<int128_t>((static_cast<unsigned __int128>(1) << 127) - 1);
  const int128_t min = -max - 1;
  int128_t result = 0;
  EXPECT_TRUE(CheckedAdd(max - 1, 1, result));
  EXPECT_EQ(result, max);
  EXPECT_FALSE(CheckedAdd(max, 1, result));
  EXPECT_FALSE(CheckedSubtract(min, 1, result));
  EXPECT_TRUE(CheckedSubtract(0, max, result));
  EXPECT_EQ(result, -max);
  EXPECT_TRUE(CheckedMultiply(PowerOfTen(19), PowerOfTen(19), result));
  EXPECT_EQ(result, PowerOfTen(38));
  EXPECT_FALSE(CheckedMultiply(PowerOfTen(20), PowerOfTen(19), result));
  EXPECT_TRUE(CheckedMultiply(min, 1, result));
  EXPECT_EQ(result, min);
  EXPECT_FALSE(CheckedMultiply(min, -1, result));
  EXPECT_TRUE(CheckedMultiply(min / 2, 2, result));
  EXPECT_EQ(result, min);
  EXPECT_FALSE(CheckedMultiply(max / 2 + 1, 2, result));
  EXPECT_TRUE(CheckedMultiply(-3, -4, result));
  EXPECT_EQ(result, 12);
  EXPECT_TRUE(CheckedMultiply(0, min, result));
  EXPECT_EQ(result, 0);
}

TEST(DecimalTest, ThrowsFieldOverflow) {
  try {
    ThrowNumericFieldOverflow();
  } catch (const Error& error) {
    EXPECT_EQ(error.state().ToString(), "22003");
    EXPECT_EQ(error.message(), "numeric field overflow");
  }
}

}  // namespace
}  // namespace basin
