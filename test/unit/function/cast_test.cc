#include "function/cast.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "common/datetime.h"
#include "common/error.h"
#include "common/time_zone.h"
#include "common/value.h"
#include "common/vector.h"

namespace basin {
namespace {

const LogicalType kNumeric10_2 = LogicalType::Decimal(10, 2);
const LogicalType kNumeric5_1 = LogicalType::Decimal(5, 1);
const LogicalType kNumeric30_4 = LogicalType::Decimal(30, 4);  // stored in int128

// CAST(text AS type), printed back as text.
std::string TextVia(const std::string& text, const LogicalType& type) {
  return Value::Varchar(text).CastTo(type).ToString();
}

std::string Cast(const Value& value, const LogicalType& type) {
  return value.CastTo(type).ToString();
}

Value TryCast(const Value& value, const LogicalType& type) {
  Vector source(value.type(), 1);
  source.SetValue(0, value);
  Vector result(type, 1);
  CastVector(source, result, 1, CastMode::kTry, TimeZone::Utc());
  return result.GetValue(0);
}

void ExpectError(const Value& value, const LogicalType& type, const char* state,
                 const std::string& message) {
  try {
    const Value result = value.CastTo(type);
    ADD_FAILURE() << "expected an error, got " << result.ToString() << " for " << value.ToString()
                  << " -> " << type.ToString();
  } catch (const Error& error) {
    EXPECT_EQ(error.state().ToString(), state) << message;
    EXPECT_EQ(error.message(), message);
  }
  EXPECT_TRUE(TryCast(value, type).is_null()) << message;
}

void ExpectTextError(const std::string& text, const LogicalType& type, const char* state,
                     const std::string& message) {
  ExpectError(Value::Varchar(text), type, state, message);
}

TEST(CastToTextTest, Integers) {
  EXPECT_EQ(Cast(Value::SmallInt(-32768), TypeId::kVarchar), "-32768");
  EXPECT_EQ(Cast(Value::Integer(42), TypeId::kVarchar), "42");
  EXPECT_EQ(Cast(Value::BigInt(std::numeric_limits<int64_t>::min()), TypeId::kVarchar),
            "-9223372036854775808");
  EXPECT_EQ(Cast(Value::Boolean(true), TypeId::kVarchar), "true");
  EXPECT_EQ(Cast(Value::Boolean(false), TypeId::kVarchar), "false");
}

TEST(CastToTextTest, DoublesLikePostgres) {
  auto text = [](double value) { return Cast(Value::Double(value), TypeId::kVarchar); };
  EXPECT_EQ(text(0.1), "0.1");
  EXPECT_EQ(text(1 / 3.0), "0.3333333333333333");
  EXPECT_EQ(text(2 / 3.0), "0.6666666666666666");
  EXPECT_EQ(text(1e20), "1e+20");
  EXPECT_EQ(text(1e-5), "1e-05");
  EXPECT_EQ(text(1.5e-7), "1.5e-07");
  EXPECT_EQ(text(0.0001), "0.0001");
  EXPECT_EQ(text(0.00012345), "0.00012345");
  EXPECT_EQ(text(123456789012345678.0), "1.2345678901234568e+17");
  EXPECT_EQ(text(123456789012345.0), "123456789012345");
  EXPECT_EQ(text(1e15), "1e+15");
  EXPECT_EQ(text(999999999999999.0), "999999999999999");
  EXPECT_EQ(text(100), "100");
  EXPECT_EQ(text(1.5), "1.5");
  EXPECT_EQ(text(-2.25), "-2.25");
  EXPECT_EQ(text(123.456), "123.456");
  EXPECT_EQ(text(0.0), "0");
  EXPECT_EQ(text(-0.0), "-0");
  EXPECT_EQ(text(1e100), "1e+100");
  EXPECT_EQ(text(1.7976931348623157e308), "1.7976931348623157e+308");
  EXPECT_EQ(text(5e-324), "5e-324");
  EXPECT_EQ(text(std::numeric_limits<double>::infinity()), "Infinity");
  EXPECT_EQ(text(-std::numeric_limits<double>::infinity()), "-Infinity");
  EXPECT_EQ(text(std::nan("")), "NaN");
}

TEST(CastToTextTest, RealsLikePostgres) {
  auto text = [](float value) { return Cast(Value::Real(value), TypeId::kVarchar); };
  EXPECT_EQ(text(0.1f), "0.1");
  EXPECT_EQ(text(1.0f / 3), "0.33333334");
  EXPECT_EQ(text(123456.0f), "123456");
  EXPECT_EQ(text(1234567.0f), "1.234567e+06");
  EXPECT_EQ(text(1e-5f), "1e-05");
  EXPECT_EQ(text(-0.0f), "-0");
  EXPECT_EQ(text(std::numeric_limits<float>::infinity()), "Infinity");
}

TEST(CastToTextTest, DecimalsAndTemporals) {
  EXPECT_EQ(Cast(Value::Decimal(-50, kNumeric10_2), TypeId::kVarchar), "-0.50");
  EXPECT_EQ(Cast(Value::Decimal(1200, kNumeric10_2), TypeId::kVarchar), "12.00");
  EXPECT_EQ(Cast(Value::Decimal(1, kNumeric10_2), TypeId::kVarchar), "0.01");
  EXPECT_EQ(Cast(Value::Decimal(int128_t{123456789} * 1000000000 * 1000000000, kNumeric30_4),
                 TypeId::kVarchar),
            "12345678900000000000000.0000");
  EXPECT_EQ(Cast(Value::Date(19727), TypeId::kVarchar), "2024-01-05");
  EXPECT_EQ(Cast(Value::Time(14706500000), TypeId::kVarchar), "04:05:06.5");
  EXPECT_EQ(Cast(Value::Timestamp(1704427506123000), TypeId::kVarchar), "2024-01-05 04:05:06.123");
  EXPECT_EQ(Cast(Value::TimestampTz(1704427506000000), TypeId::kVarchar), "2024-01-05 04:05:06+00");
  EXPECT_EQ(Cast(Value::FromInterval({14, 3, 14706000000}), TypeId::kVarchar),
            "1 year 2 mons 3 days 04:05:06");
  EXPECT_EQ(Cast(Value::FromInterval({0, -1, 0}), TypeId::kVarchar), "-1 days");
}

TEST(CastFromTextTest, Integers) {
  EXPECT_EQ(TextVia("42", TypeId::kInteger), "42");
  EXPECT_EQ(TextVia("  -17 \n", TypeId::kInteger), "-17");
  EXPECT_EQ(TextVia("+7", TypeId::kSmallInt), "7");
  EXPECT_EQ(TextVia("-2147483648", TypeId::kInteger), "-2147483648");
  EXPECT_EQ(TextVia("-32768", TypeId::kSmallInt), "-32768");
  EXPECT_EQ(TextVia("9223372036854775807", TypeId::kBigInt), "9223372036854775807");
  EXPECT_EQ(TextVia("-9223372036854775808", TypeId::kBigInt), "-9223372036854775808");
  ExpectTextError("1.5", TypeId::kInteger, "22P02",
                  "invalid input syntax for type integer: \"1.5\"");
  ExpectTextError("", TypeId::kInteger, "22P02", "invalid input syntax for type integer: \"\"");
  ExpectTextError(" ", TypeId::kBigInt, "22P02", "invalid input syntax for type bigint: \" \"");
  ExpectTextError("-", TypeId::kInteger, "22P02", "invalid input syntax for type integer: \"-\"");
  ExpectTextError("1 2", TypeId::kInteger, "22P02",
                  "invalid input syntax for type integer: \"1 2\"");
  ExpectTextError("1e3", TypeId::kInteger, "22P02",
                  "invalid input syntax for type integer: \"1e3\"");
  ExpectTextError("abc", TypeId::kSmallInt, "22P02",
                  "invalid input syntax for type smallint: \"abc\"");
  ExpectTextError("99999999999", TypeId::kInteger, "22003",
                  "value \"99999999999\" is out of range for type integer");
  ExpectTextError("2147483648", TypeId::kInteger, "22003",
                  "value \"2147483648\" is out of range for type integer");
  ExpectTextError("32768", TypeId::kSmallInt, "22003",
                  "value \"32768\" is out of range for type smallint");
  ExpectTextError("9223372036854775808", TypeId::kBigInt, "22003",
                  "value \"9223372036854775808\" is out of range for type bigint");
  ExpectTextError("-99999999999999999999999", TypeId::kBigInt, "22003",
                  "value \"-99999999999999999999999\" is out of range for type bigint");
}

TEST(CastFromTextTest, Booleans) {
  for (const char* text : {"t", "true", "TRUE", "True", "tr", "y", "yes", "on", "1", " on "}) {
    EXPECT_EQ(TextVia(text, TypeId::kBoolean), "true") << text;
  }
  for (const char* text : {"f", "false", "FALSE", "fa", "n", "no", "off", "of", "0"}) {
    EXPECT_EQ(TextVia(text, TypeId::kBoolean), "false") << text;
  }
  for (const char* text : {"o", "maybe", "", "truee", "2", "yes!", "10"}) {
    ExpectTextError(text, TypeId::kBoolean, "22P02",
                    std::string("invalid input syntax for type boolean: \"") + text + "\"");
  }
}

TEST(CastFromTextTest, Floats) {
  EXPECT_EQ(TextVia("1e5", TypeId::kDouble), "100000");
  EXPECT_EQ(TextVia(" 1.5 ", TypeId::kDouble), "1.5");
  EXPECT_EQ(TextVia("+.5", TypeId::kDouble), "0.5");
  EXPECT_EQ(TextVia("-0", TypeId::kDouble), "-0");
  EXPECT_EQ(TextVia("inf", TypeId::kDouble), "Infinity");
  EXPECT_EQ(TextVia("+Infinity", TypeId::kDouble), "Infinity");
  EXPECT_EQ(TextVia("-infinity", TypeId::kDouble), "-Infinity");
  EXPECT_EQ(TextVia("NaN", TypeId::kDouble), "NaN");
  EXPECT_EQ(TextVia("nan", TypeId::kReal), "NaN");
  EXPECT_EQ(TextVia("4e-320", TypeId::kDouble), "4e-320");  // denormal: accepted
  EXPECT_EQ(TextVia("0.1", TypeId::kReal), "0.1");
  ExpectTextError("abc", TypeId::kDouble, "22P02",
                  "invalid input syntax for type double precision: \"abc\"");
  ExpectTextError("", TypeId::kDouble, "22P02",
                  "invalid input syntax for type double precision: \"\"");
  ExpectTextError("1.5x", TypeId::kReal, "22P02", "invalid input syntax for type real: \"1.5x\"");
  ExpectTextError("+-1", TypeId::kDouble, "22P02",
                  "invalid input syntax for type double precision: \"+-1\"");
  ExpectTextError("1e400", TypeId::kDouble, "22003",
                  "\"1e400\" is out of range for type double precision");
  ExpectTextError("1e-400", TypeId::kDouble, "22003",
                  "\"1e-400\" is out of range for type double precision");
  ExpectTextError("1e40", TypeId::kReal, "22003", "\"1e40\" is out of range for type real");
}

TEST(CastFromTextTest, Decimals) {
  EXPECT_EQ(TextVia("12.345", kNumeric10_2), "12.35");
  EXPECT_EQ(TextVia("-12.345", kNumeric10_2), "-12.35");
  EXPECT_EQ(TextVia(" 1e5 ", kNumeric10_2), "100000.00");
  EXPECT_EQ(TextVia("0.005", kNumeric10_2), "0.01");
  EXPECT_EQ(TextVia("12345678901234567890.12345", kNumeric30_4), "12345678901234567890.1235");
  ExpectTextError("abc", kNumeric10_2, "22P02", "invalid input syntax for type numeric: \"abc\"");
  ExpectTextError("100000000", kNumeric10_2, "22003", "numeric field overflow");
  ExpectTextError("99999999.995", kNumeric10_2, "22003", "numeric field overflow");
  ExpectTextError("Infinity", kNumeric10_2, "22003", "numeric field overflow");
  ExpectTextError("NaN", kNumeric10_2, "0A000", "cannot convert NaN to numeric(10,2)");
}

TEST(CastFromTextTest, Temporals) {
  EXPECT_EQ(TextVia(" 2024-01-05 ", TypeId::kDate), "2024-01-05");
  EXPECT_EQ(TextVia("0044-03-15 BC", TypeId::kDate), "0044-03-15 BC");
  EXPECT_EQ(TextVia("04:05:06.5", TypeId::kTime), "04:05:06.5");
  EXPECT_EQ(TextVia("2024-01-05T04:05:06.123+02", TypeId::kTimestamp), "2024-01-05 04:05:06.123");
  EXPECT_EQ(TextVia("2024-01-05T04:05:06.123+02", TypeId::kTimestampTz),
            "2024-01-05 02:05:06.123+00");
  EXPECT_EQ(TextVia("1 year 2 mons 3 days 04:05:06.5", TypeId::kInterval),
            "1 year 2 mons 3 days 04:05:06.5");
  ExpectTextError("xyz", TypeId::kDate, "22007", "invalid input syntax for type date: \"xyz\"");
  ExpectTextError("2024-02-30", TypeId::kDate, "22008",
                  "date/time field value out of range: \"2024-02-30\"");
  ExpectTextError("5874898-01-01", TypeId::kDate, "22008", "date out of range: \"5874898-01-01\"");
  ExpectTextError("25:00", TypeId::kTime, "22008", "date/time field value out of range: \"25:00\"");
  ExpectTextError("noon", TypeId::kTime, "22007", "invalid input syntax for type time: \"noon\"");
  ExpectTextError("2024-01-05 x", TypeId::kTimestamp, "22007",
                  "invalid input syntax for type timestamp: \"2024-01-05 x\"");
  ExpectTextError("294247-01-01", TypeId::kTimestamp, "22008",
                  "timestamp out of range: \"294247-01-01\"");
  ExpectTextError("2024-01-05 00:00+16", TypeId::kTimestampTz, "22009",
                  "time zone displacement out of range: \"2024-01-05 00:00+16\"");
  ExpectTextError("1 fortnight", TypeId::kInterval, "22007",
                  "invalid input syntax for type interval: \"1 fortnight\"");
  ExpectTextError("1-12", TypeId::kInterval, "22015",
                  "interval field value out of range: \"1-12\"");
}

TEST(CastNumericTest, IntegerNarrowing) {
  EXPECT_EQ(Cast(Value::BigInt(2147483647), TypeId::kInteger), "2147483647");
  EXPECT_EQ(Cast(Value::Integer(-32768), TypeId::kSmallInt), "-32768");
  EXPECT_EQ(Cast(Value::SmallInt(-5), TypeId::kBigInt), "-5");
  ExpectError(Value::BigInt(2147483648), TypeId::kInteger, "22003", "integer out of range");
  ExpectError(Value::Integer(32768), TypeId::kSmallInt, "22003", "smallint out of range");
  ExpectError(Value::BigInt(-32769), TypeId::kSmallInt, "22003", "smallint out of range");
}

TEST(CastNumericTest, FloatToIntegerRoundsHalfToEven) {
  EXPECT_EQ(Cast(Value::Double(2.5), TypeId::kInteger), "2");
  EXPECT_EQ(Cast(Value::Double(3.5), TypeId::kInteger), "4");
  EXPECT_EQ(Cast(Value::Double(-2.5), TypeId::kInteger), "-2");
  EXPECT_EQ(Cast(Value::Double(2.6), TypeId::kSmallInt), "3");
  EXPECT_EQ(Cast(Value::Real(1.5f), TypeId::kBigInt), "2");
  EXPECT_EQ(Cast(Value::Double(-2147483648.4), TypeId::kInteger), "-2147483648");
  EXPECT_EQ(Cast(Value::Double(-9223372036854775808.0), TypeId::kBigInt), "-9223372036854775808");
  ExpectError(Value::Double(2147483647.5), TypeId::kInteger, "22003", "integer out of range");
  ExpectError(Value::Double(9223372036854775808.0), TypeId::kBigInt, "22003",
              "bigint out of range");
  ExpectError(Value::Double(std::nan("")), TypeId::kInteger, "22003", "integer out of range");
  ExpectError(Value::Double(HUGE_VAL), TypeId::kSmallInt, "22003", "smallint out of range");
  ExpectError(Value::Real(40000.0f), TypeId::kSmallInt, "22003", "smallint out of range");
}

TEST(CastNumericTest, DecimalToIntegerRoundsHalfAwayFromZero) {
  EXPECT_EQ(Cast(Value::Decimal(25, kNumeric5_1), TypeId::kInteger), "3");    // 2.5
  EXPECT_EQ(Cast(Value::Decimal(-25, kNumeric5_1), TypeId::kInteger), "-3");  // -2.5
  EXPECT_EQ(Cast(Value::Decimal(24, kNumeric5_1), TypeId::kSmallInt), "2");
  // 2.5::numeric::int = 3 while 2.5::float8::int = 2.
  EXPECT_EQ(Cast(Value::Varchar("2.5").CastTo(kNumeric5_1), TypeId::kInteger), "3");
  EXPECT_EQ(Cast(Value::Varchar("2.5").CastTo(TypeId::kDouble), TypeId::kInteger), "2");
  ExpectError(Value::Decimal(int128_t{40000} * 10000, kNumeric30_4), TypeId::kSmallInt, "22003",
              "smallint out of range");
  ExpectError(Value::Decimal(PowerOfTen(29), kNumeric30_4), TypeId::kBigInt, "22003",
              "bigint out of range");
}

TEST(CastNumericTest, ToDecimal) {
  EXPECT_EQ(Cast(Value::Integer(42), kNumeric10_2), "42.00");
  EXPECT_EQ(Cast(Value::BigInt(-7), kNumeric30_4), "-7.0000");
  EXPECT_EQ(Cast(Value::Double(0.1), kNumeric10_2), "0.10");
  EXPECT_EQ(Cast(Value::Double(2.675), kNumeric10_2), "2.68");  // via 15 significant digits
  EXPECT_EQ(Cast(Value::Double(-0.005), kNumeric10_2), "-0.01");
  EXPECT_EQ(Cast(Value::Double(1e20), kNumeric30_4), "100000000000000000000.0000");
  EXPECT_EQ(Cast(Value::Real(0.1f), kNumeric10_2), "0.10");
  EXPECT_EQ(Cast(Value::Decimal(12345, kNumeric30_4), kNumeric5_1), "1.2");  // 1.2345
  EXPECT_EQ(Cast(Value::Decimal(15000, kNumeric30_4), kNumeric5_1), "1.5");
  EXPECT_EQ(Cast(Value::Decimal(-1250, kNumeric10_2), kNumeric5_1), "-12.5");
  EXPECT_EQ(Cast(Value::Decimal(-1255, kNumeric10_2), kNumeric5_1), "-12.6");
  EXPECT_EQ(Cast(Value::Decimal(12, kNumeric5_1), kNumeric30_4), "1.2000");
  ExpectError(Value::Integer(100000000), kNumeric10_2, "22003", "numeric field overflow");
  ExpectError(Value::Integer(10000), kNumeric5_1, "22003", "numeric field overflow");
  ExpectError(Value::Decimal(999999, kNumeric10_2), kNumeric5_1, "22003", "numeric field overflow");
  ExpectError(Value::Decimal(999995, kNumeric10_2), kNumeric5_1, "22003", "numeric field overflow");
  ExpectError(Value::Double(1e10), kNumeric10_2, "22003", "numeric field overflow");
  ExpectError(Value::Double(HUGE_VAL), kNumeric10_2, "22003", "numeric field overflow");
  ExpectError(Value::Double(std::nan("")), kNumeric10_2, "0A000",
              "cannot convert NaN to numeric(10,2)");
  ExpectError(Value::BigInt(std::numeric_limits<int64_t>::max()), LogicalType::Decimal(38, 30),
              "22003", "numeric field overflow");
}

TEST(CastNumericTest, ToFloat) {
  EXPECT_EQ(Cast(Value::Decimal(-50, kNumeric10_2), TypeId::kDouble), "-0.5");
  EXPECT_EQ(Cast(Value::Decimal(1, kNumeric10_2), TypeId::kDouble), "0.01");
  EXPECT_EQ(Cast(Value::Decimal(12345678901234567, kNumeric30_4), TypeId::kDouble),
            "1234567890123.4568");  // the nearest double
  EXPECT_EQ(Cast(Value::Decimal(1, kNumeric10_2), TypeId::kReal), "0.01");
  EXPECT_EQ(Cast(Value::BigInt(9007199254740993), TypeId::kDouble), "9.007199254740992e+15");
  EXPECT_EQ(Cast(Value::Integer(16777217), TypeId::kReal), "1.6777216e+07");
  EXPECT_EQ(Cast(Value::Real(0.1f), TypeId::kDouble), "0.10000000149011612");
  EXPECT_EQ(Cast(Value::Double(0.1), TypeId::kReal), "0.1");
  EXPECT_EQ(Cast(Value::Double(HUGE_VAL), TypeId::kReal), "Infinity");
  ExpectError(Value::Double(1e300), TypeId::kReal, "22003", "value out of range: overflow");
  ExpectError(Value::Double(1e-300), TypeId::kReal, "22003", "value out of range: underflow");
}

TEST(CastNumericTest, Booleans) {
  EXPECT_EQ(Cast(Value::Integer(0), TypeId::kBoolean), "false");
  EXPECT_EQ(Cast(Value::Integer(-3), TypeId::kBoolean), "true");
  EXPECT_EQ(Cast(Value::Boolean(true), TypeId::kInteger), "1");
  EXPECT_EQ(Cast(Value::Boolean(false), TypeId::kInteger), "0");
}

TEST(CastTemporalTest, Conversions) {
  const Value date = Value::Varchar("2024-01-05").CastTo(TypeId::kDate);
  const Value timestamp = Value::Varchar("2024-01-05 04:05:06.5").CastTo(TypeId::kTimestamp);
  EXPECT_EQ(Cast(date, TypeId::kTimestamp), "2024-01-05 00:00:00");
  EXPECT_EQ(Cast(date, TypeId::kTimestampTz), "2024-01-05 00:00:00+00");
  EXPECT_EQ(Cast(timestamp, TypeId::kDate), "2024-01-05");
  EXPECT_EQ(Cast(timestamp, TypeId::kTime), "04:05:06.5");
  EXPECT_EQ(Cast(timestamp, TypeId::kTimestampTz), "2024-01-05 04:05:06.5+00");
  EXPECT_EQ(Cast(timestamp.CastTo(TypeId::kTimestampTz), TypeId::kTimestamp),
            "2024-01-05 04:05:06.5");
  EXPECT_EQ(Cast(timestamp.CastTo(TypeId::kTimestampTz), TypeId::kDate), "2024-01-05");
  EXPECT_EQ(Cast(timestamp.CastTo(TypeId::kTimestampTz), TypeId::kTime), "04:05:06.5");
  EXPECT_EQ(Cast(Value::Timestamp(-1), TypeId::kDate), "1969-12-31");
  EXPECT_EQ(Cast(Value::Timestamp(-1), TypeId::kTime), "23:59:59.999999");
  EXPECT_EQ(Cast(Value::Date(kDateInfinity), TypeId::kTimestamp), "infinity");
  EXPECT_EQ(Cast(Value::Timestamp(kTimestampNegativeInfinity), TypeId::kDate), "-infinity");
  // PostgreSQL gives NULL, not an error, for the time of an infinite timestamp.
  EXPECT_TRUE(Value::Timestamp(kTimestampInfinity).CastTo(TypeId::kTime).is_null());
  EXPECT_EQ(Cast(Value::Time(kMicrosPerHour), TypeId::kInterval), "01:00:00");
  EXPECT_EQ(Cast(Value::FromInterval({1, 2, 27 * kMicrosPerHour}), TypeId::kTime), "03:00:00");
  EXPECT_EQ(Cast(Value::FromInterval({0, 0, -kMicrosPerHour}), TypeId::kTime), "23:00:00");
  ExpectError(Value::Date(kMaxDate), TypeId::kTimestamp, "22008",
              "date out of range for timestamp");
}

TEST(CastExistsTest, FollowsPostgres) {
  const std::vector<LogicalType> all = {
      TypeId::kBoolean,   TypeId::kSmallInt,    TypeId::kInteger, TypeId::kBigInt, TypeId::kReal,
      TypeId::kDouble,    kNumeric10_2,         TypeId::kVarchar, TypeId::kDate,   TypeId::kTime,
      TypeId::kTimestamp, TypeId::kTimestampTz, TypeId::kInterval};
  for (const LogicalType& type : all) {
    EXPECT_TRUE(CastExists(type, type));
    EXPECT_TRUE(CastExists(TypeId::kNull, type));
    EXPECT_TRUE(CastExists(type, TypeId::kVarchar));
    EXPECT_TRUE(CastExists(TypeId::kVarchar, type));
    EXPECT_FALSE(CastExists(type, TypeId::kNull));
  }
  EXPECT_TRUE(CastExists(TypeId::kInteger, kNumeric10_2));
  EXPECT_TRUE(CastExists(kNumeric10_2, kNumeric5_1));
  EXPECT_TRUE(CastExists(TypeId::kBoolean, TypeId::kInteger));
  EXPECT_FALSE(CastExists(TypeId::kBoolean, TypeId::kBigInt));
  EXPECT_FALSE(CastExists(TypeId::kSmallInt, TypeId::kBoolean));
  EXPECT_FALSE(CastExists(TypeId::kBoolean, TypeId::kDouble));
  EXPECT_FALSE(CastExists(TypeId::kInteger, TypeId::kDate));
  EXPECT_FALSE(CastExists(TypeId::kDate, TypeId::kTime));
  EXPECT_FALSE(CastExists(TypeId::kTime, TypeId::kTimestamp));
  EXPECT_TRUE(CastExists(TypeId::kTimestampTz, TypeId::kTime));
  EXPECT_TRUE(CastExists(TypeId::kInterval, TypeId::kTime));
  EXPECT_FALSE(CastExists(TypeId::kInterval, TypeId::kBigInt));
  Vector source(TypeId::kDate, 1);
  Vector result(TypeId::kInteger, 1);
  try {
    CastVector(source, result, 1, CastMode::kStrict, TimeZone::Utc());
    FAIL();
  } catch (const Error& error) {
    EXPECT_EQ(error.message(), "cannot cast type date to integer");
  }
}

TEST(CastVectorTest, TryModeNullsOnlyTheBadRows) {
  Vector source(TypeId::kVarchar, 5);
  source.SetValue(0, Value::Varchar("12"));
  source.SetValue(1, Value::Varchar("twelve"));
  source.SetNull(2);
  source.SetValue(3, Value::Varchar("99999999999"));
  source.SetValue(4, Value::Varchar(" -3 "));
  Vector result(TypeId::kInteger, 5);
  CastVector(source, result, 5, CastMode::kTry, TimeZone::Utc());
  EXPECT_EQ(result.GetValue(0), Value::Integer(12));
  EXPECT_TRUE(result.GetValue(1).is_null());
  EXPECT_TRUE(result.GetValue(2).is_null());
  EXPECT_TRUE(result.GetValue(3).is_null());
  EXPECT_EQ(result.GetValue(4), Value::Integer(-3));
  EXPECT_THROW(CastVector(source, result, 5, CastMode::kStrict, TimeZone::Utc()), Error);
}

TEST(CastVectorTest, NullRowsAreNotConverted) {
  // A NULL row's bytes are never parsed or range checked.
  Vector source(TypeId::kBigInt, 3);
  source.SetValue(0, Value::BigInt(1));
  source.SetValue(1, Value::BigInt(std::numeric_limits<int64_t>::max()));
  source.SetNull(1);
  source.SetValue(2, Value::BigInt(3));
  Vector result(TypeId::kSmallInt, 3);
  CastVector(source, result, 3, CastMode::kStrict, TimeZone::Utc());
  EXPECT_EQ(result.GetValue(0), Value::SmallInt(1));
  EXPECT_TRUE(result.GetValue(1).is_null());
  EXPECT_EQ(result.GetValue(2), Value::SmallInt(3));
}

TEST(CastVectorTest, ConstantInConstantOut) {
  Vector source(TypeId::kDouble, 4);
  source.SetValue(0, Value::Double(1.5));
  source.SetConstant(true);
  Vector result(TypeId::kVarchar, 4);
  CastVector(source, result, 4, CastMode::kStrict, TimeZone::Utc());
  EXPECT_TRUE(result.is_constant());
  EXPECT_EQ(result.GetValue(3), Value::Varchar("1.5"));

  Vector null_constant(TypeId::kVarchar, 4);
  null_constant.SetNull(0);
  null_constant.SetConstant(true);
  Vector dates(TypeId::kDate, 4);
  CastVector(null_constant, dates, 4, CastMode::kStrict, TimeZone::Utc());
  EXPECT_TRUE(dates.is_constant());
  EXPECT_TRUE(dates.GetValue(2).is_null());

  // A flat source gives a flat result, even after a constant one.
  Vector flat(TypeId::kDouble, 2);
  flat.SetValue(0, Value::Double(1));
  flat.SetValue(1, Value::Double(2));
  CastVector(flat, result, 2, CastMode::kStrict, TimeZone::Utc());
  EXPECT_FALSE(result.is_constant());
  EXPECT_EQ(result.GetValue(1), Value::Varchar("2"));
}

TEST(CastVectorTest, NullTypeGivesNulls) {
  Vector source(TypeId::kNull, 3);
  Vector result(TypeId::kTimestamp, 3);
  CastVector(source, result, 3, CastMode::kStrict, TimeZone::Utc());
  for (uint32_t row = 0; row < 3; ++row) EXPECT_TRUE(result.GetValue(row).is_null());
  EXPECT_TRUE(Value::Null().CastTo(kNumeric10_2).is_null());
}

TEST(CastVectorTest, LongStringsLiveInTheResultHeap) {
  Vector source(TypeId::kInterval, 2);
  source.SetValue(0, Value::FromInterval({-14, -3, -14706000001}));
  source.SetValue(1, Value::FromInterval({}));
  Vector result(TypeId::kVarchar, 2);
  CastVector(source, result, 2, CastMode::kStrict, TimeZone::Utc());
  source = Vector();  // the result must not depend on the source
  EXPECT_EQ(result.GetValue(0), Value::Varchar("-1 years -2 mons -3 days -04:05:06.000001"));
  EXPECT_EQ(result.GetValue(1), Value::Varchar("00:00:00"));
  // Identity casts share the source's strings and keep its heap alive.
  Vector text(TypeId::kVarchar, 1);
  text.SetValue(0, Value::Varchar("a string longer than twelve bytes"));
  Vector copy(TypeId::kVarchar, 1);
  CastVector(text, copy, 1, CastMode::kStrict, TimeZone::Utc());
  text = Vector();
  EXPECT_EQ(copy.GetValue(0), Value::Varchar("a string longer than twelve bytes"));
}

}  // namespace
}  // namespace basin
