#include <gtest/gtest.h>

#include "common/datetime.h"
#include "common/error.h"
#include "scalar_test_support.h"

namespace basin {
namespace {

using namespace testing_support;

std::string S(const std::string& name, const std::vector<Value>& args) {
  return Str(Call(name, args));
}

Value D(const char* text) { return Text(text).CastTo(TypeId::kDate); }
Value Ts(const char* text) { return Text(text).CastTo(TypeId::kTimestamp); }
Value Tz(const char* text) { return Text(text).CastTo(TypeId::kTimestampTz); }
Value Iv(const char* text) { return Text(text).CastTo(TypeId::kInterval); }
Value T(const char* text) { return Text(text).CastTo(TypeId::kTime); }

TEST(DatetimeFunctionsTest, DatePart) {
  EXPECT_EQ(S("date_part", {Text("year"), D("2024-03-15")}), "2024");
  EXPECT_EQ(S("date_part", {Text("month"), Ts("2024-03-15 10:20:30.5")}), "3");
  EXPECT_EQ(S("date_part", {Text("second"), Ts("2024-03-15 10:20:30.5")}), "30.5");
  EXPECT_EQ(S("date_part", {Text("epoch"), Tz("1970-01-02 00:00:00+00")}), "86400");
  EXPECT_EQ(S("date_part", {Text("dow"), D("2024-03-17")}), "0");
  EXPECT_EQ(S("date_part", {Text("hour"), Iv("1 day 05:00:00")}), "5");
  EXPECT_EQ(S("date_part", {Text("minute"), T("10:20:30")}), "20");
  EXPECT_EQ(ErrorOf([] {
              Call("date_part", {Text("fortnight"), D("2024-01-01")});
            }),
            "22023: unit \"fortnight\" not recognized for type date");
  EXPECT_EQ(ErrorOf([] {
              Call("date_part", {Text("hour"), D("2024-01-01")});
            }).substr(0, 5),
            "0A000");
}

TEST(DatetimeFunctionsTest, DateTrunc) {
  EXPECT_EQ(S("date_trunc", {Text("month"), Ts("2024-03-15 10:20:30")}), "2024-03-01 00:00:00");
  EXPECT_EQ(S("date_trunc", {Text("hour"), Ts("2024-03-15 10:20:30")}), "2024-03-15 10:00:00");
  EXPECT_EQ(S("date_trunc", {Text("week"), Ts("2024-03-17 10:20:30")}), "2024-03-11 00:00:00");
  EXPECT_EQ(S("date_trunc", {Text("year"), D("2024-03-15")}), "2024-01-01 00:00:00+00");
  EXPECT_EQ(S("date_trunc", {Text("day"), Iv("3 days 04:05:06")}), "3 days");
}

TEST(DatetimeFunctionsTest, Arithmetic) {
  EXPECT_EQ(S("+", {D("2024-02-28"), Int(2)}), "2024-03-01");
  EXPECT_EQ(S("-", {D("2024-03-01"), Int(1)}), "2024-02-29");
  EXPECT_EQ(S("-", {D("2024-03-01"), D("2024-01-01")}), "60");
  EXPECT_EQ(S("+", {D("2024-01-31"), Iv("1 month")}), "2024-02-29 00:00:00");
  EXPECT_EQ(S("-", {D("1998-12-01"), Iv("90 days")}), "1998-09-02 00:00:00");
  EXPECT_EQ(S("+", {D("2024-01-01"), T("10:30:00")}), "2024-01-01 10:30:00");
  EXPECT_EQ(S("+", {Ts("2024-01-01 23:00:00"), Iv("2 hours")}), "2024-01-02 01:00:00");
  EXPECT_EQ(S("-", {Ts("2024-01-02 01:00:00"), Ts("2024-01-01 00:00:00")}), "1 day 01:00:00");
  EXPECT_EQ(S("+", {Iv("1 day"), Iv("2 hours")}), "1 day 02:00:00");
  EXPECT_EQ(S("-", {Iv("1 day")}), "-1 days");
  EXPECT_EQ(S("*", {Iv("1 month"), Dbl(1.5)}), "1 mon 15 days");
  EXPECT_EQ(S("*", {Dbl(2), Iv("1 day 01:00:00")}), "2 days 02:00:00");
  EXPECT_EQ(S("/", {Iv("1 day"), Dbl(4)}), "06:00:00");
  EXPECT_EQ(ErrorOf([] { Call("/", {Iv("1 day"), Dbl(0)}); }), "22012: division by zero");
  EXPECT_EQ(S("-", {T("10:00:00"), T("08:30:00")}), "01:30:00");
  EXPECT_EQ(S("+", {T("23:00:00"), Iv("2 hours")}), "01:00:00");
}

TEST(DatetimeFunctionsTest, MakeAndJustify) {
  EXPECT_EQ(S("make_date", {Int(2024), Int(2), Int(29)}), "2024-02-29");
  EXPECT_EQ(S("make_date", {Int(-44), Int(3), Int(15)}), "0044-03-15 BC");
  EXPECT_EQ(ErrorOf([] {
              Call("make_date", {Int(2023), Int(2), Int(29)});
            }),
            "22008: date field value out of range: 2023-02-29");
  EXPECT_EQ(S("make_time", {Int(8), Int(15), Dbl(23.5)}), "08:15:23.5");
  EXPECT_EQ(S("make_timestamp", {Int(2013), Int(7), Int(15), Int(8), Int(15), Dbl(23.5)}),
            "2013-07-15 08:15:23.5");
  EXPECT_EQ(S("make_interval", {Int(1), Int(2), Int(0), Int(3)}), "1 year 2 mons 3 days");
  EXPECT_EQ(S("make_interval", {Int(0), Int(0), Int(1), Int(0), Int(0), Int(0), Dbl(1.5)}),
            "7 days 00:00:01.5");
  EXPECT_EQ(S("make_interval", {}), "00:00:00");
  EXPECT_EQ(S("justify_days", {Iv("35 days")}), "1 mon 5 days");
  EXPECT_EQ(S("justify_hours", {Iv("27 hours")}), "1 day 03:00:00");
  EXPECT_EQ(S("justify_interval", {Iv("1 mon -1 hour")}), "29 days 23:00:00");
}

TEST(DatetimeFunctionsTest, Age) {
  EXPECT_EQ(S("age", {Ts("2001-04-10"), Ts("1957-06-13")}), "43 years 9 mons 27 days");
  EXPECT_EQ(S("age", {Ts("1957-06-13"), Ts("2001-04-10")}), "-43 years -9 mons -27 days");
  EXPECT_EQ(S("age", {Ts("2024-03-01 10:00"), Ts("2024-02-28 12:00")}), "1 day 22:00:00");
}

TEST(DatetimeFunctionsTest, ToChar) {
  const Value ts = Ts("2024-03-05 14:07:09.123456");
  EXPECT_EQ(S("to_char", {ts, Text("YYYY-MM-DD HH24:MI:SS")}), "2024-03-05 14:07:09");
  EXPECT_EQ(S("to_char", {ts, Text("HH12:MI AM, Day DD Month YYYY")}),
            "02:07 PM, Tuesday   05 March     2024");
  EXPECT_EQ(S("to_char", {ts, Text("FMDay, FMDDth FMMonth")}), "Tuesday, 5th March");
  EXPECT_EQ(S("to_char", {ts, Text("Dy Mon DDD D MS US Q IW")}), "Tue Mar 065 3 123 123456 1 10");
  EXPECT_EQ(S("to_char", {ts, Text("\"Year\" YYYY")}), "Year 2024");
  EXPECT_EQ(S("to_char", {Tz("2024-03-05 14:07:09+00"), Text("HH24 TZ")}), "14 UTC");
  EXPECT_EQ(S("to_char", {Iv("15 hours 2 minutes 12 seconds"), Text("HH24:MI:SS")}), "15:02:12");
}

TEST(DatetimeFunctionsTest, ToCharNumbers) {
  EXPECT_EQ(S("to_char", {Big(12), Text("999")}), "  12");
  EXPECT_EQ(S("to_char", {Big(-12), Text("999")}), " -12");
  EXPECT_EQ(S("to_char", {Big(12), Text("0000")}), " 0012");
  EXPECT_EQ(S("to_char", {Dbl(12.5), Text("999.99")}), "  12.50");
  EXPECT_EQ(S("to_char", {Dbl(12.5), Text("FM999.99")}), "12.5");
  EXPECT_EQ(S("to_char", {Big(1234567), Text("9,999,999")}), " 1,234,567");
  EXPECT_EQ(S("to_char", {Dbl(1234.5), Text("FM9,999.00")}), "1,234.50");
  EXPECT_EQ(S("to_char", {Dbl(1234.5), Text("FM9,999.99")}), "1,234.5");
  EXPECT_EQ(S("to_char", {Big(1234), Text("99")}), " ##");
  EXPECT_EQ(S("to_char", {Value::Decimal(-314159, LogicalType::Decimal(8, 5)), Text("9.99")}),
            "-3.14");
  EXPECT_EQ(S("to_char", {Big(0), Text("999")}), "   0");
}

TEST(DatetimeFunctionsTest, ToDateAndToTimestamp) {
  EXPECT_EQ(S("to_date", {Text("05 Dec 2000"), Text("DD Mon YYYY")}), "2000-12-05");
  EXPECT_EQ(S("to_date", {Text("2024-02-29"), Text("YYYY-MM-DD")}), "2024-02-29");
  EXPECT_EQ(S("to_date", {Text("20240229"), Text("YYYYMMDD")}), "2024-02-29");
  EXPECT_EQ(ErrorOf([] {
              Call("to_date", {Text("2023-02-29"), Text("YYYY-MM-DD")});
            }),
            "22008: date/time field value out of range: \"2023-02-29\"");
  EXPECT_EQ(S("to_timestamp", {Text("2024-03-05 02:07:09 PM"), Text("YYYY-MM-DD HH12:MI:SS AM")}),
            "2024-03-05 14:07:09+00");
  EXPECT_EQ(S("to_timestamp", {Text("05 Mar 2024 14:07:09.5"), Text("DD Mon YYYY HH24:MI:SS.MS")}),
            "2024-03-05 14:07:09.5+00");
  EXPECT_EQ(S("to_timestamp", {Dbl(1284352323.5)}), "2010-09-13 04:32:03.5+00");
  EXPECT_EQ(ErrorOf([] {
              Call("to_date", {Text("xx"), Text("MM")});
            }),
            "22007: invalid value \"xx\" for \"MM\"");
}

TEST(DatetimeFunctionsTest, FiniteAndLastDay) {
  EXPECT_EQ(S("isfinite", {D("infinity")}), "false");
  EXPECT_EQ(S("isfinite", {Ts("2024-01-01")}), "true");
  EXPECT_EQ(S("last_day", {D("2024-02-10")}), "2024-02-29");
}

}  // namespace
}  // namespace basin
