#include <gtest/gtest.h>

#include <string>

#include "common/datetime.h"
#include "common/decimal.h"
#include "common/error.h"
#include "common/time_zone.h"
#include "common/time_zone_registry.h"

namespace basin {
namespace {

// A zone at a fixed offset east of UTC, for tests that need no rules.
const TimeZone& Zone(int32_t utc_offset) { return *FixedOffsetTimeZone(utc_offset); }

int64_t Timestamp(std::string_view text) {
  int64_t micros = 0;
  EXPECT_EQ(ParseTimestamp(text, micros), DatetimeParseStatus::kOk) << text;
  return micros;
}

int32_t Date(std::string_view text) {
  int32_t days = 0;
  EXPECT_EQ(ParseDate(text, days), DatetimeParseStatus::kOk) << text;
  return days;
}

Interval IntervalOf(std::string_view text) {
  Interval interval;
  EXPECT_EQ(ParseInterval(text, interval), DatetimeParseStatus::kOk) << text;
  return interval;
}

DatePart Part(std::string_view name) {
  const std::optional<DatePart> part = ParseDatePart(name);
  EXPECT_TRUE(part.has_value()) << name;
  return part.value_or(DatePart::kMicroseconds);
}

// extract(part from timestamp 'text') as PostgreSQL prints the numeric.
std::string FromTimestamp(const char* part, const char* text) {
  const std::optional<DatePartValue> value = ExtractFromTimestamp(Part(part), Timestamp(text));
  return value ? FormatDecimal(value->unscaled, value->scale) : "NULL";
}

std::string FromDate(const char* part, const char* text) {
  const std::optional<DatePartValue> value = ExtractFromDate(Part(part), Date(text));
  return value ? FormatDecimal(value->unscaled, value->scale) : "NULL";
}

std::string FromInterval(const char* part, const char* text) {
  const DatePartValue value = ExtractFromInterval(Part(part), IntervalOf(text));
  return FormatDecimal(value.unscaled, value.scale);
}

std::string Trunc(const char* part, const char* text) {
  return FormatTimestamp(TruncTimestamp(Part(part), Timestamp(text)));
}

void ExpectUnsupported(auto&& call, const std::string& message) {
  try {
    call();
    FAIL() << "no error for " << message;
  } catch (const Error& error) {
    EXPECT_EQ(error.state().ToString(), "0A000");
    EXPECT_EQ(error.message(), message);
  }
}

TEST(DatePartTest, ParsesNamesAndAliases) {
  EXPECT_EQ(Part("YEAR"), DatePart::kYear);
  EXPECT_EQ(Part("years"), DatePart::kYear);
  EXPECT_EQ(Part("y"), DatePart::kYear);
  EXPECT_EQ(Part("mon"), DatePart::kMonth);
  EXPECT_EQ(Part("m"), DatePart::kMinute);
  EXPECT_EQ(Part("msec"), DatePart::kMilliseconds);
  EXPECT_EQ(Part("us"), DatePart::kMicroseconds);
  EXPECT_EQ(Part("centuries"), DatePart::kCentury);
  EXPECT_EQ(Part("isodow"), DatePart::kIsoDayOfWeek);
  EXPECT_EQ(Part("timezone_hour"), DatePart::kTimezoneHour);
  EXPECT_FALSE(ParseDatePart("fortnight").has_value());
  EXPECT_EQ(DatePartName(DatePart::kHour), "hour");
  EXPECT_EQ(DatePartName(DatePart::kMicroseconds), "microseconds");
}

TEST(ExtractTest, FromTimestamp) {
  const char* ts = "2024-01-05 04:05:06.5";
  EXPECT_EQ(FromTimestamp("year", ts), "2024");
  EXPECT_EQ(FromTimestamp("quarter", ts), "1");
  EXPECT_EQ(FromTimestamp("month", ts), "1");
  EXPECT_EQ(FromTimestamp("week", ts), "1");
  EXPECT_EQ(FromTimestamp("day", ts), "5");
  EXPECT_EQ(FromTimestamp("dow", ts), "5");  // Friday
  EXPECT_EQ(FromTimestamp("isodow", "2024-01-07"), "7");
  EXPECT_EQ(FromTimestamp("dow", "2024-01-07"), "0");
  EXPECT_EQ(FromTimestamp("doy", "2024-12-31"), "366");
  EXPECT_EQ(FromTimestamp("hour", ts), "4");
  EXPECT_EQ(FromTimestamp("minute", ts), "5");
  EXPECT_EQ(FromTimestamp("second", ts), "6.500000");
  EXPECT_EQ(FromTimestamp("milliseconds", ts), "6500.000");
  EXPECT_EQ(FromTimestamp("microseconds", ts), "6500000");
  EXPECT_EQ(FromTimestamp("epoch", ts), "1704427506.500000");
  EXPECT_EQ(FromTimestamp("epoch", "1969-12-31 23:59:59"), "-1.000000");
  EXPECT_EQ(FromTimestamp("decade", ts), "202");
  EXPECT_EQ(FromTimestamp("century", ts), "21");
  EXPECT_EQ(FromTimestamp("century", "2000-12-31"), "20");
  EXPECT_EQ(FromTimestamp("millennium", ts), "3");
  EXPECT_EQ(FromTimestamp("millennium", "2000-01-01"), "2");
  EXPECT_EQ(FromTimestamp("isoyear", "2023-01-01"), "2022");
  EXPECT_EQ(FromTimestamp("julian", "2024-01-05"), "2460315");
  EXPECT_EQ(FromTimestamp("julian", "2024-01-05 12:00"), "2460315.50000000000000000000");
  const std::optional<DatePartValue> seconds =
      ExtractFromTimestamp(DatePart::kSecond, Timestamp(ts));
  ASSERT_TRUE(seconds.has_value());
  EXPECT_DOUBLE_EQ(seconds->ToDouble(), 6.5);
  EXPECT_FALSE(ExtractFromTimestamp(DatePart::kYear, kTimestampInfinity).has_value());
  ExpectUnsupported([] { ExtractFromTimestamp(DatePart::kTimezone, 0); },
                    "unit \"timezone\" not supported for type timestamp without time zone");
}

TEST(ExtractTest, BeforeChrist) {
  // There is no year 0: 1 BC is year -1 to extract().
  EXPECT_EQ(FromTimestamp("year", "0001-06-01 BC"), "-1");
  EXPECT_EQ(FromTimestamp("year", "0044-03-15 BC"), "-44");
  EXPECT_EQ(FromTimestamp("century", "0001-06-01 BC"), "-1");
  EXPECT_EQ(FromTimestamp("century", "0100-06-01 BC"), "-1");
  EXPECT_EQ(FromTimestamp("century", "0101-06-01 BC"), "-2");
  EXPECT_EQ(FromTimestamp("decade", "0001-06-01 BC"), "0");
  EXPECT_EQ(FromTimestamp("decade", "0011-06-01 BC"), "-1");
  EXPECT_EQ(FromTimestamp("millennium", "0001-06-01 BC"), "-1");
}

TEST(ExtractTest, FromDate) {
  EXPECT_EQ(FromDate("year", "2024-01-05"), "2024");
  EXPECT_EQ(FromDate("doy", "2024-03-01"), "61");
  EXPECT_EQ(FromDate("epoch", "2024-01-05"), "1704412800");
  EXPECT_EQ(FromDate("julian", "2024-01-05"), "2460315");
  EXPECT_EQ(FromDate("week", "2024-12-30"), "1");
  EXPECT_FALSE(ExtractFromDate(DatePart::kYear, kDateInfinity).has_value());
  ExpectUnsupported([] { ExtractFromDate(DatePart::kHour, 0); },
                    "unit \"hour\" not supported for type date");
  ExpectUnsupported([] { ExtractFromDate(DatePart::kHour, kDateInfinity); },
                    "unit \"hour\" not supported for type date");
}

TEST(ExtractTest, FromTime) {
  const int64_t time = 4 * kMicrosPerHour + 5 * kMicrosPerMinute + 6'500'000;
  EXPECT_EQ(ExtractFromTime(DatePart::kHour, time).unscaled, 4);
  EXPECT_EQ(ExtractFromTime(DatePart::kMinute, time).unscaled, 5);
  const DatePartValue second = ExtractFromTime(DatePart::kSecond, time);
  EXPECT_EQ(FormatDecimal(second.unscaled, second.scale), "6.500000");
  const DatePartValue epoch = ExtractFromTime(DatePart::kEpoch, time);
  EXPECT_EQ(FormatDecimal(epoch.unscaled, epoch.scale), "14706.500000");
  ExpectUnsupported([] { ExtractFromTime(DatePart::kDay, 0); },
                    "unit \"day\" not supported for type time without time zone");
}

TEST(ExtractTest, FromTimestampTz) {
  int64_t utc = 0;
  ASSERT_EQ(ParseTimestampTz("2024-01-05 23:30:00+00", Zone(0), utc), DatetimeParseStatus::kOk);
  EXPECT_EQ(ExtractFromTimestampTz(DatePart::kDay, utc, Zone(3600))->unscaled, 6);  // local 00:30
  EXPECT_EQ(ExtractFromTimestampTz(DatePart::kHour, utc, Zone(3600))->unscaled, 0);
  EXPECT_EQ(ExtractFromTimestampTz(DatePart::kTimezone, utc, Zone(19800))->unscaled, 19800);
  EXPECT_EQ(ExtractFromTimestampTz(DatePart::kTimezoneHour, utc, Zone(-19800))->unscaled, -5);
  EXPECT_EQ(ExtractFromTimestampTz(DatePart::kTimezoneMinute, utc, Zone(-19800))->unscaled, -30);
  EXPECT_EQ(ExtractFromTimestampTz(DatePart::kEpoch, utc, Zone(3600))->unscaled, utc);
}

TEST(ExtractTest, FromInterval) {
  const char* interval = "1 year 14 mons 3 days 04:05:06.5";
  EXPECT_EQ(FromInterval("year", interval), "2");
  EXPECT_EQ(FromInterval("month", interval), "2");
  EXPECT_EQ(FromInterval("quarter", interval), "1");
  EXPECT_EQ(FromInterval("day", interval), "3");
  EXPECT_EQ(FromInterval("hour", interval), "4");
  EXPECT_EQ(FromInterval("minute", interval), "5");
  EXPECT_EQ(FromInterval("second", interval), "6.500000");
  EXPECT_EQ(FromInterval("milliseconds", interval), "6500.000");
  EXPECT_EQ(FromInterval("hour", "-25:00:00"), "-25");
  EXPECT_EQ(FromInterval("minute", "-01:30:00"), "-30");
  EXPECT_EQ(FromInterval("century", "250 years"), "2");
  EXPECT_EQ(FromInterval("epoch", "1 year"), "31557600.000000");
  EXPECT_EQ(FromInterval("epoch", "1 mon 1 day 00:00:01"), "2678401.000000");
  EXPECT_EQ(FromInterval("epoch", "-1 day"), "-86400.000000");
  ExpectUnsupported([] { ExtractFromInterval(DatePart::kDayOfWeek, {}); },
                    "unit \"dow\" not supported for type interval");
}

TEST(TruncTest, Timestamps) {
  const char* ts = "2024-05-17 13:45:56.789123";
  EXPECT_EQ(Trunc("microseconds", ts), "2024-05-17 13:45:56.789123");
  EXPECT_EQ(Trunc("milliseconds", ts), "2024-05-17 13:45:56.789");
  EXPECT_EQ(Trunc("second", ts), "2024-05-17 13:45:56");
  EXPECT_EQ(Trunc("minute", ts), "2024-05-17 13:45:00");
  EXPECT_EQ(Trunc("hour", ts), "2024-05-17 13:00:00");
  EXPECT_EQ(Trunc("day", ts), "2024-05-17 00:00:00");
  EXPECT_EQ(Trunc("week", ts), "2024-05-13 00:00:00");                  // Monday
  EXPECT_EQ(Trunc("week", "2024-05-19 10:00"), "2024-05-13 00:00:00");  // Sunday
  EXPECT_EQ(Trunc("week", "2024-05-13"), "2024-05-13 00:00:00");
  EXPECT_EQ(Trunc("month", ts), "2024-05-01 00:00:00");
  EXPECT_EQ(Trunc("quarter", ts), "2024-04-01 00:00:00");
  EXPECT_EQ(Trunc("year", ts), "2024-01-01 00:00:00");
  EXPECT_EQ(Trunc("decade", ts), "2020-01-01 00:00:00");
  EXPECT_EQ(Trunc("century", ts), "2001-01-01 00:00:00");
  EXPECT_EQ(Trunc("century", "2000-12-31"), "1901-01-01 00:00:00");
  EXPECT_EQ(Trunc("millennium", ts), "2001-01-01 00:00:00");
  EXPECT_EQ(Trunc("millennium", "2000-06-01"), "1001-01-01 00:00:00");
  EXPECT_EQ(Trunc("hour", "1969-12-31 23:59:59.5"), "1969-12-31 23:00:00");
  EXPECT_EQ(Trunc("second", "1969-12-31 23:59:59.5"), "1969-12-31 23:59:59");
  EXPECT_EQ(Trunc("century", "0044-03-15 BC"), "0100-01-01 00:00:00 BC");
  EXPECT_EQ(Trunc("year", "0044-03-15 BC"), "0044-01-01 00:00:00 BC");
  EXPECT_EQ(TruncTimestamp(DatePart::kDay, kTimestampInfinity), kTimestampInfinity);
  ExpectUnsupported([] { TruncTimestamp(DatePart::kDayOfWeek, 0); },
                    "unit \"dow\" not supported for type timestamp without time zone");
}

TEST(TruncTest, TimestampTzInLocalTime) {
  int64_t utc = 0;
  ASSERT_EQ(ParseTimestampTz("2024-01-05 23:30:00+00", Zone(0), utc), DatetimeParseStatus::kOk);
  // In UTC+1 it is already January 6th.
  EXPECT_EQ(FormatTimestampTz(TruncTimestampTz(DatePart::kDay, utc, Zone(3600)), Zone(3600)),
            "2024-01-06 00:00:00+01");
  EXPECT_EQ(FormatTimestampTz(TruncTimestampTz(DatePart::kDay, utc, Zone(0)), Zone(0)),
            "2024-01-05 00:00:00+00");
}

TEST(TruncTest, Intervals) {
  auto trunc = [](DatePart part, const char* text) {
    return FormatInterval(TruncInterval(part, IntervalOf(text)));
  };
  const char* interval = "1234 years 5 mons 6 days 07:08:09.123456";
  EXPECT_EQ(trunc(DatePart::kMillennium, interval), "1000 years");
  EXPECT_EQ(trunc(DatePart::kCentury, interval), "1200 years");
  EXPECT_EQ(trunc(DatePart::kDecade, interval), "1230 years");
  EXPECT_EQ(trunc(DatePart::kYear, interval), "1234 years");
  EXPECT_EQ(trunc(DatePart::kQuarter, interval), "1234 years 3 mons");
  EXPECT_EQ(trunc(DatePart::kMonth, interval), "1234 years 5 mons");
  EXPECT_EQ(trunc(DatePart::kDay, interval), "1234 years 5 mons 6 days");
  EXPECT_EQ(trunc(DatePart::kHour, interval), "1234 years 5 mons 6 days 07:00:00");
  EXPECT_EQ(trunc(DatePart::kMinute, interval), "1234 years 5 mons 6 days 07:08:00");
  EXPECT_EQ(trunc(DatePart::kSecond, interval), "1234 years 5 mons 6 days 07:08:09");
  EXPECT_EQ(trunc(DatePart::kMilliseconds, interval), "1234 years 5 mons 6 days 07:08:09.123");
  EXPECT_EQ(trunc(DatePart::kHour, "-01:30:00"), "-01:00:00");
  ExpectUnsupported([] { TruncInterval(DatePart::kWeek, {}); },
                    "unit \"week\" not supported for type interval");
}

}  // namespace
}  // namespace basin
