#include "common/datetime.h"

#include <gtest/gtest.h>

#include <string>

#include "common/error.h"
#include "common/time_zone.h"
#include "common/time_zone_registry.h"

namespace basin {
namespace {

// A zone at a fixed offset east of UTC, for tests that need no rules.
const TimeZone& Zone(int32_t utc_offset) { return *FixedOffsetTimeZone(utc_offset); }

int32_t Date(std::string_view text) {
  int32_t days = 0;
  EXPECT_EQ(ParseDate(text, days), DatetimeParseStatus::kOk) << text;
  return days;
}

int64_t Timestamp(std::string_view text) {
  int64_t micros = 0;
  EXPECT_EQ(ParseTimestamp(text, micros), DatetimeParseStatus::kOk) << text;
  return micros;
}

Interval ParseIntervalOk(std::string_view text) {
  Interval interval;
  EXPECT_EQ(ParseInterval(text, interval), DatetimeParseStatus::kOk) << text;
  return interval;
}

std::string RoundTripDate(std::string_view text) { return FormatDate(Date(text)); }
std::string RoundTripTimestamp(std::string_view text) { return FormatTimestamp(Timestamp(text)); }
std::string RoundTripInterval(std::string_view text) {
  return FormatInterval(ParseIntervalOk(text));
}
std::string RoundTripTime(std::string_view text) {
  int64_t micros = 0;
  EXPECT_EQ(ParseTime(text, micros), DatetimeParseStatus::kOk) << text;
  return FormatTime(micros);
}

TEST(CalendarTest, DaysRoundTripOverWholeDateRange) {
  // Every day near the epoch, then a sparse walk over the whole range.
  for (int64_t days = -800'000; days <= 800'000; ++days) {
    const CivilDate date = CivilFromDays(days);
    ASSERT_EQ(DaysFromCivil(date.year, date.month, date.day), days);
    ASSERT_GE(date.day, 1);
    ASSERT_LE(date.day, DaysInMonth(date.year, date.month));
  }
  for (int64_t days = kMinDate; days <= kMaxDate; days += 9973) {
    const CivilDate date = CivilFromDays(days);
    ASSERT_EQ(DaysFromCivil(date.year, date.month, date.day), days) << days;
  }
  // Consecutive days advance the calendar by exactly one day.
  CivilDate previous = CivilFromDays(-1000);
  for (int64_t days = -999; days < 1000; ++days) {
    const CivilDate date = CivilFromDays(days);
    if (date.day != 1) {
      ASSERT_EQ(date.day, previous.day + 1);
    } else {
      ASSERT_EQ(previous.day, DaysInMonth(previous.year, previous.month));
    }
    previous = date;
  }
}

TEST(CalendarTest, KnownDates) {
  EXPECT_EQ(DaysFromCivil(1970, 1, 1), 0);
  EXPECT_EQ(DaysFromCivil(2000, 3, 1), 11017);
  EXPECT_EQ(DaysFromCivil(-4713, 11, 24), kMinDate);  // Julian day 0
  EXPECT_EQ(DaysFromCivil(5874897, 12, 31), kMaxDate);
  EXPECT_EQ(DaysFromCivil(294247, 1, 1), kEndTimestampDate);
  EXPECT_EQ(DayOfWeek(0), 4);                   // Thursday
  EXPECT_EQ(DayOfWeek(Date("2024-01-07")), 0);  // Sunday
}

TEST(CalendarTest, LeapYears) {
  EXPECT_TRUE(IsLeapYear(2024));
  EXPECT_TRUE(IsLeapYear(2000));
  EXPECT_FALSE(IsLeapYear(1900));
  EXPECT_FALSE(IsLeapYear(2023));
  EXPECT_TRUE(IsLeapYear(0));   // 1 BC
  EXPECT_TRUE(IsLeapYear(-4));  // 5 BC
  EXPECT_EQ(DaysInMonth(2024, 2), 29);
  EXPECT_EQ(DaysInMonth(2100, 2), 28);
  EXPECT_EQ(RoundTripDate("2024-02-29"), "2024-02-29");
  int32_t days = 0;
  EXPECT_EQ(ParseDate("2023-02-29", days), DatetimeParseStatus::kFieldOutOfRange);
  EXPECT_EQ(ParseDate("1900-02-29", days), DatetimeParseStatus::kFieldOutOfRange);
}

TEST(CalendarTest, IsoWeeks) {
  EXPECT_EQ(IsoWeek(Date("2024-01-01")), 1);   // a Monday
  EXPECT_EQ(IsoWeek(Date("2023-01-01")), 52);  // Sunday, belongs to 2022
  EXPECT_EQ(IsoYear(Date("2023-01-01")), 2022);
  EXPECT_EQ(IsoWeek(Date("2020-12-31")), 53);
  EXPECT_EQ(IsoWeek(Date("2024-12-30")), 1);
  EXPECT_EQ(IsoYear(Date("2024-12-30")), 2025);
}

TEST(DateTextTest, ParsesAndFormats) {
  EXPECT_EQ(RoundTripDate("2024-01-05"), "2024-01-05");
  EXPECT_EQ(RoundTripDate("  2024-1-5 "), "2024-01-05");
  EXPECT_EQ(RoundTripDate("20240105"), "2024-01-05");
  EXPECT_EQ(RoundTripDate("2024/01/05"), "2024-01-05");
  EXPECT_EQ(RoundTripDate("01/05/2024"), "2024-01-05");  // MDY
  EXPECT_EQ(RoundTripDate("1/5/24"), "2024-01-05");      // two-digit year
  EXPECT_EQ(RoundTripDate("1/5/99"), "1999-01-05");
  EXPECT_EQ(RoundTripDate("0044-03-15 BC"), "0044-03-15 BC");
  EXPECT_EQ(RoundTripDate("0001-01-01 BC"), "0001-01-01 BC");
  EXPECT_EQ(RoundTripDate("0001-01-01"), "0001-01-01");
  EXPECT_EQ(RoundTripDate("2024-01-05 AD"), "2024-01-05");
  EXPECT_EQ(RoundTripDate("2024-01-05 04:05:06"), "2024-01-05");
  EXPECT_EQ(RoundTripDate("2024-01-05T04:05:06Z"), "2024-01-05");
  EXPECT_EQ(RoundTripDate("12345-06-07"), "12345-06-07");
  EXPECT_EQ(RoundTripDate("epoch"), "1970-01-01");
  EXPECT_EQ(RoundTripDate("Infinity"), "infinity");
  EXPECT_EQ(RoundTripDate("-infinity"), "-infinity");
  EXPECT_EQ(Date("infinity"), kDateInfinity);
  EXPECT_EQ(Date("-infinity"), kDateNegativeInfinity);
  EXPECT_EQ(Date("0001-12-31 BC"), DaysFromCivil(0, 12, 31));
  EXPECT_EQ(RoundTripDate("4714-11-24 BC"), "4714-11-24 BC");
  EXPECT_EQ(RoundTripDate("5874897-12-31"), "5874897-12-31");
}

TEST(DateTextTest, RejectsBadInput) {
  int32_t days = 0;
  EXPECT_EQ(ParseDate("", days), DatetimeParseStatus::kInvalidSyntax);
  EXPECT_EQ(ParseDate("xyz", days), DatetimeParseStatus::kInvalidSyntax);
  EXPECT_EQ(ParseDate("2024-01", days), DatetimeParseStatus::kInvalidSyntax);
  EXPECT_EQ(ParseDate("2024-01-05 junk", days), DatetimeParseStatus::kInvalidSyntax);
  EXPECT_EQ(ParseDate("2024-01/05", days), DatetimeParseStatus::kInvalidSyntax);
  EXPECT_EQ(ParseDate("04:05:06", days), DatetimeParseStatus::kInvalidSyntax);
  EXPECT_EQ(ParseDate("2024-13-01", days), DatetimeParseStatus::kFieldOutOfRange);
  EXPECT_EQ(ParseDate("2024-00-10", days), DatetimeParseStatus::kFieldOutOfRange);
  EXPECT_EQ(ParseDate("2024-04-31", days), DatetimeParseStatus::kFieldOutOfRange);
  EXPECT_EQ(ParseDate("0000-01-01", days), DatetimeParseStatus::kFieldOutOfRange);
  EXPECT_EQ(ParseDate("0000-01-01 BC", days), DatetimeParseStatus::kFieldOutOfRange);
  EXPECT_EQ(ParseDate("2024-01-05 25:00", days), DatetimeParseStatus::kFieldOutOfRange);
  EXPECT_EQ(ParseDate("4714-11-23 BC", days), DatetimeParseStatus::kValueOutOfRange);
  EXPECT_EQ(ParseDate("5874898-01-01", days), DatetimeParseStatus::kValueOutOfRange);
  EXPECT_EQ(ParseDate("1234567890-01-01", days), DatetimeParseStatus::kFieldOutOfRange);
}

TEST(TimeTextTest, ParsesAndFormats) {
  EXPECT_EQ(RoundTripTime("04:05:06"), "04:05:06");
  EXPECT_EQ(RoundTripTime("4:05"), "04:05:00");
  EXPECT_EQ(RoundTripTime("04:05:06.5"), "04:05:06.5");
  EXPECT_EQ(RoundTripTime("04:05:06.120"), "04:05:06.12");
  EXPECT_EQ(RoundTripTime("04:05:06.000001"), "04:05:06.000001");
  EXPECT_EQ(RoundTripTime("04:05:06.1234565"), "04:05:06.123457");  // rounded
  EXPECT_EQ(RoundTripTime("23:59:59.9999999"), "24:00:00");
  EXPECT_EQ(RoundTripTime("24:00:00"), "24:00:00");
  EXPECT_EQ(RoundTripTime("23:59:60"), "24:00:00");
  EXPECT_EQ(RoundTripTime("12:30 AM"), "00:30:00");
  EXPECT_EQ(RoundTripTime("1:30 pm"), "13:30:00");
  EXPECT_EQ(RoundTripTime("04:05:06+02"), "04:05:06");  // zone ignored
  EXPECT_EQ(RoundTripTime("2024-01-05 04:05:06"), "04:05:06");
  EXPECT_EQ(RoundTripTime("allballs"), "00:00:00");
  int64_t micros = 0;
  EXPECT_EQ(ParseTime("xyz", micros), DatetimeParseStatus::kInvalidSyntax);
  EXPECT_EQ(ParseTime("2024-01-05", micros), DatetimeParseStatus::kInvalidSyntax);
  EXPECT_EQ(ParseTime("04:", micros), DatetimeParseStatus::kInvalidSyntax);
  EXPECT_EQ(ParseTime("25:00", micros), DatetimeParseStatus::kFieldOutOfRange);
  EXPECT_EQ(ParseTime("24:00:01", micros), DatetimeParseStatus::kFieldOutOfRange);
  EXPECT_EQ(ParseTime("12:60", micros), DatetimeParseStatus::kFieldOutOfRange);
  EXPECT_EQ(ParseTime("13:00 pm", micros), DatetimeParseStatus::kFieldOutOfRange);
}

TEST(TimestampTextTest, ParsesAndFormats) {
  EXPECT_EQ(RoundTripTimestamp("2024-01-05 04:05:06.123"), "2024-01-05 04:05:06.123");
  EXPECT_EQ(RoundTripTimestamp("2024-01-05T04:05:06"), "2024-01-05 04:05:06");
  EXPECT_EQ(RoundTripTimestamp("2024-01-05 04:05"), "2024-01-05 04:05:00");
  EXPECT_EQ(RoundTripTimestamp("2024-01-05"), "2024-01-05 00:00:00");
  EXPECT_EQ(RoundTripTimestamp("2024-01-05 04:05:06+05:30"), "2024-01-05 04:05:06");
  EXPECT_EQ(RoundTripTimestamp("2024-01-05 24:00:00"), "2024-01-06 00:00:00");
  EXPECT_EQ(RoundTripTimestamp("1969-12-31 23:59:59.999999"), "1969-12-31 23:59:59.999999");
  EXPECT_EQ(RoundTripTimestamp("0044-03-15 12:00:00 BC"), "0044-03-15 12:00:00 BC");
  EXPECT_EQ(RoundTripTimestamp("4714-11-24 00:00:00 BC"), "4714-11-24 00:00:00 BC");
  EXPECT_EQ(RoundTripTimestamp("294246-12-31 23:59:59.999999"), "294246-12-31 23:59:59.999999");
  EXPECT_EQ(RoundTripTimestamp("infinity"), "infinity");
  EXPECT_EQ(RoundTripTimestamp("-infinity"), "-infinity");
  EXPECT_EQ(Timestamp("epoch"), 0);
  EXPECT_EQ(Timestamp("1970-01-01 00:00:01"), kMicrosPerSecond);
  EXPECT_EQ(Timestamp("1969-12-31 23:59:59"), -kMicrosPerSecond);
  int64_t micros = 0;
  EXPECT_EQ(ParseTimestamp("04:05:06", micros), DatetimeParseStatus::kInvalidSyntax);
  EXPECT_EQ(ParseTimestamp("2024-01-05 04:05:06 +", micros), DatetimeParseStatus::kInvalidSyntax);
  EXPECT_EQ(ParseTimestamp("2024-01-05X04:05", micros), DatetimeParseStatus::kInvalidSyntax);
  EXPECT_EQ(ParseTimestamp("2024-01-05 04:05:06+16", micros),
            DatetimeParseStatus::kTimeZoneOutOfRange);
  EXPECT_EQ(ParseTimestamp("294247-01-01", micros), DatetimeParseStatus::kValueOutOfRange);
  EXPECT_EQ(ParseTimestamp("4714-11-23 23:59:59 BC", micros),
            DatetimeParseStatus::kValueOutOfRange);
}

TEST(TimestampTzTextTest, ConvertsZonesToUtc) {
  int64_t utc = 0;
  ASSERT_EQ(ParseTimestampTz("2024-01-05 04:05:06+05:30", Zone(0), utc), DatetimeParseStatus::kOk);
  EXPECT_EQ(FormatTimestampTz(utc, Zone(0)), "2024-01-04 22:35:06+00");
  EXPECT_EQ(FormatTimestampTz(utc, Zone(19800)), "2024-01-05 04:05:06+05:30");
  EXPECT_EQ(FormatTimestampTz(utc, Zone(-(3 * 3600 + 30 * 60 + 15))), "2024-01-04 19:04:51-03:30:15");
  ASSERT_EQ(ParseTimestampTz("2024-01-05 04:05:06-0800", Zone(0), utc), DatetimeParseStatus::kOk);
  EXPECT_EQ(FormatTimestampTz(utc, Zone(0)), "2024-01-05 12:05:06+00");
  ASSERT_EQ(ParseTimestampTz("2024-01-05T04:05:06Z", Zone(3600), utc), DatetimeParseStatus::kOk);
  EXPECT_EQ(FormatTimestampTz(utc, Zone(0)), "2024-01-05 04:05:06+00");
  // Without a zone in the text, the session's applies.
  ASSERT_EQ(ParseTimestampTz("2024-01-05 04:05:06", Zone(3600), utc), DatetimeParseStatus::kOk);
  EXPECT_EQ(FormatTimestampTz(utc, Zone(0)), "2024-01-05 03:05:06+00");
  ASSERT_EQ(ParseTimestampTz("2024-01-05 04:05:06 UTC", Zone(3600), utc), DatetimeParseStatus::kOk);
  EXPECT_EQ(FormatTimestampTz(utc, Zone(0)), "2024-01-05 04:05:06+00");
  ASSERT_EQ(ParseTimestampTz("0044-03-15 12:00:00 BC", Zone(0), utc), DatetimeParseStatus::kOk);
  EXPECT_EQ(FormatTimestampTz(utc, Zone(0)), "0044-03-15 12:00:00+00 BC");
}

TEST(IntervalTextTest, ParsesPostgresSyntax) {
  EXPECT_EQ(RoundTripInterval("1 day"), "1 day");
  EXPECT_EQ(RoundTripInterval("2 days"), "2 days");
  EXPECT_EQ(RoundTripInterval("2 hours 30 minutes"), "02:30:00");
  EXPECT_EQ(RoundTripInterval("1 year 2 mons 3 days 04:05:06.5"),
            "1 year 2 mons 3 days 04:05:06.5");
  EXPECT_EQ(RoundTripInterval("-1 day"), "-1 days");
  EXPECT_EQ(RoundTripInterval("1-2"), "1 year 2 mons");
  EXPECT_EQ(RoundTripInterval("-1-2"), "-1 years -2 mons");
  EXPECT_EQ(RoundTripInterval("@ 1 day ago"), "-1 days");
  EXPECT_EQ(RoundTripInterval("1 day 2 hours ago"), "-1 days -02:00:00");
  EXPECT_EQ(RoundTripInterval("1 day -02:00:00"), "1 day -02:00:00");
  EXPECT_EQ(RoundTripInterval("-1 days 2 hours"), "-1 days +02:00:00");
  EXPECT_EQ(RoundTripInterval("1 year -2 mons"), "10 mons");
  EXPECT_EQ(RoundTripInterval("-1 year 2 mons"), "-10 mons");  // the months combine
  EXPECT_EQ(RoundTripInterval("0"), "00:00:00");
  EXPECT_EQ(RoundTripInterval("5"), "00:00:05");
  EXPECT_EQ(RoundTripInterval("1 2:03:04"), "1 day 02:03:04");
  EXPECT_EQ(RoundTripInterval("100:00:00"), "100:00:00");
  EXPECT_EQ(RoundTripInterval("-04:05"), "-04:05:00");
  EXPECT_EQ(RoundTripInterval("1:30.5"), "00:01:30.5");
  EXPECT_EQ(RoundTripInterval("3 mons"), "3 mons");
  EXPECT_EQ(RoundTripInterval("1 mon"), "1 mon");
  EXPECT_EQ(RoundTripInterval("13 months"), "1 year 1 mon");
  EXPECT_EQ(RoundTripInterval("2 weeks"), "14 days");
  EXPECT_EQ(RoundTripInterval("1 week 1 day"), "8 days");
  EXPECT_EQ(RoundTripInterval("90 min"), "01:30:00");
  EXPECT_EQ(RoundTripInterval("1 hr 1 sec"), "01:00:01");
  EXPECT_EQ(RoundTripInterval("1 yr 1 mon"), "1 year 1 mon");
  EXPECT_EQ(RoundTripInterval("10 ms"), "00:00:00.01");
  EXPECT_EQ(RoundTripInterval("7 microseconds"), "00:00:00.000007");
  EXPECT_EQ(RoundTripInterval("1 decade"), "10 years");
  EXPECT_EQ(RoundTripInterval("2 centuries"), "200 years");
  EXPECT_EQ(RoundTripInterval("1 millennium"), "1000 years");
  EXPECT_EQ(RoundTripInterval("1day"), "1 day");
  EXPECT_EQ(RoundTripInterval("  1 DAY  "), "1 day");
  EXPECT_EQ(RoundTripInterval("+1 day"), "1 day");
}

TEST(IntervalTextTest, SpillsFractions) {
  EXPECT_EQ(RoundTripInterval("1.5 years"), "1 year 6 mons");
  EXPECT_EQ(RoundTripInterval("1.5 months"), "1 mon 15 days");
  EXPECT_EQ(RoundTripInterval("1.5 weeks"), "10 days 12:00:00");
  EXPECT_EQ(RoundTripInterval("1.5 days"), "1 day 12:00:00");
  EXPECT_EQ(RoundTripInterval("-1.5 days"), "-1 days -12:00:00");
  EXPECT_EQ(RoundTripInterval("1.5 hours"), "01:30:00");
  EXPECT_EQ(RoundTripInterval("0.5 seconds"), "00:00:00.5");
  EXPECT_EQ(RoundTripInterval(".25 minutes"), "00:00:15");
}

TEST(IntervalTextTest, ParsesIso8601) {
  EXPECT_EQ(RoundTripInterval("P1Y2M3DT4H5M6S"), "1 year 2 mons 3 days 04:05:06");
  EXPECT_EQ(RoundTripInterval("P1W"), "7 days");
  EXPECT_EQ(RoundTripInterval("PT1.5S"), "00:00:01.5");
  EXPECT_EQ(RoundTripInterval("PT36H"), "36:00:00");
  EXPECT_EQ(RoundTripInterval("P-1D"), "-1 days");
  EXPECT_EQ(RoundTripInterval("P0.5M"), "15 days");
  Interval interval;
  EXPECT_EQ(ParseInterval("P", interval), DatetimeParseStatus::kInvalidSyntax);
  EXPECT_EQ(ParseInterval("P1H", interval), DatetimeParseStatus::kInvalidSyntax);
  EXPECT_EQ(ParseInterval("PT1Y", interval), DatetimeParseStatus::kInvalidSyntax);
  EXPECT_EQ(ParseInterval("P1", interval), DatetimeParseStatus::kInvalidSyntax);
}

TEST(IntervalTextTest, RejectsBadInput) {
  Interval interval;
  for (const char* text : {"", "junk", "1 day 1 day", "1 fortnight", "day", "1 hour 01:00", "ago",
                           "1 day ago 2 hours", "1 2", "1 dow", "1..5 days"}) {
    EXPECT_EQ(ParseInterval(text, interval), DatetimeParseStatus::kInvalidSyntax) << text;
  }
  EXPECT_EQ(ParseInterval("1-12", interval), DatetimeParseStatus::kFieldOutOfRange);
  EXPECT_EQ(ParseInterval("01:60:00", interval), DatetimeParseStatus::kFieldOutOfRange);
  EXPECT_EQ(ParseInterval("3000000000 days", interval), DatetimeParseStatus::kFieldOutOfRange);
  EXPECT_EQ(ParseInterval("200000000 years", interval), DatetimeParseStatus::kFieldOutOfRange);
  EXPECT_EQ(ParseInterval("1234567890123456789012 days", interval),
            DatetimeParseStatus::kFieldOutOfRange);
}

TEST(IntervalTextTest, FormatsLikePostgres) {
  EXPECT_EQ(FormatInterval({}), "00:00:00");
  EXPECT_EQ(FormatInterval({0, 1, -2 * kMicrosPerHour}), "1 day -02:00:00");
  EXPECT_EQ(FormatInterval({-14, 0, 0}), "-1 years -2 mons");
  EXPECT_EQ(FormatInterval({0, -3, kMicrosPerSecond}), "-3 days +00:00:01");
  EXPECT_EQ(FormatInterval({1, 0, -1}), "1 mon -00:00:00.000001");
  EXPECT_EQ(FormatInterval({0, 0, 25 * kMicrosPerHour}), "25:00:00");
}

TEST(ParseErrorTest, MessagesAndStates) {
  auto expect_error = [](DatetimeParseStatus status, TypeId type, const char* text,
                         const char* state, const std::string& message) {
    try {
      ThrowDatetimeParseError(status, type, text);
      FAIL() << "no error";
    } catch (const Error& error) {
      EXPECT_EQ(error.state().ToString(), state);
      EXPECT_EQ(error.message(), message);
    }
  };
  expect_error(DatetimeParseStatus::kInvalidSyntax, TypeId::kDate, "xyz", "22007",
               "invalid input syntax for type date: \"xyz\"");
  expect_error(DatetimeParseStatus::kInvalidSyntax, TypeId::kTimestampTz, "x", "22007",
               "invalid input syntax for type timestamp with time zone: \"x\"");
  expect_error(DatetimeParseStatus::kFieldOutOfRange, TypeId::kDate, "2024-02-30", "22008",
               "date/time field value out of range: \"2024-02-30\"");
  expect_error(DatetimeParseStatus::kFieldOutOfRange, TypeId::kInterval, "1-12", "22015",
               "interval field value out of range: \"1-12\"");
  expect_error(DatetimeParseStatus::kValueOutOfRange, TypeId::kDate, "5874898-01-01", "22008",
               "date out of range: \"5874898-01-01\"");
  expect_error(DatetimeParseStatus::kValueOutOfRange, TypeId::kTimestamp, "294247-01-01", "22008",
               "timestamp out of range: \"294247-01-01\"");
  expect_error(DatetimeParseStatus::kTimeZoneOutOfRange, TypeId::kTimestampTz,
               "2024-01-01 00:00+16", "22009",
               "time zone displacement out of range: \"2024-01-01 00:00+16\"");
}

TEST(DatetimeArithmeticTest, AddsIntervalsToTimestamps) {
  auto add = [](const char* timestamp, const char* interval) {
    return FormatTimestamp(AddIntervalToTimestamp(Timestamp(timestamp), ParseIntervalOk(interval)));
  };
  EXPECT_EQ(add("2024-01-31", "1 month"), "2024-02-29 00:00:00");
  EXPECT_EQ(add("2023-01-31", "1 month"), "2023-02-28 00:00:00");
  EXPECT_EQ(add("2024-03-31", "-1 month"), "2024-02-29 00:00:00");
  EXPECT_EQ(add("2024-01-31 10:00", "1 month 1 day"), "2024-03-01 10:00:00");
  EXPECT_EQ(add("2024-02-29", "1 year"), "2025-02-28 00:00:00");
  EXPECT_EQ(add("2024-12-15", "1 mon"), "2025-01-15 00:00:00");
  EXPECT_EQ(add("2024-01-15", "-13 mons"), "2022-12-15 00:00:00");
  EXPECT_EQ(add("2024-01-05 23:00", "2 hours"), "2024-01-06 01:00:00");
  EXPECT_EQ(add("0001-01-01", "-1 day"), "0001-12-31 00:00:00 BC");
  EXPECT_EQ(add("infinity", "1 day"), "infinity");
  EXPECT_EQ(FormatTimestamp(
                SubtractIntervalFromTimestamp(Timestamp("2024-03-31"), ParseIntervalOk("1 mon"))),
            "2024-02-29 00:00:00");
  try {
    AddIntervalToTimestamp(Timestamp("294246-12-31"), ParseIntervalOk("1 day"));
    FAIL();
  } catch (const Error& error) {
    EXPECT_EQ(error.state().ToString(), "22008");
    EXPECT_EQ(error.message(), "timestamp out of range");
  }
}

TEST(DatetimeArithmeticTest, SubtractsTimestampsAndDates) {
  auto difference = [](const char* left, const char* right) {
    return FormatInterval(SubtractTimestamps(Timestamp(left), Timestamp(right)));
  };
  EXPECT_EQ(difference("2024-01-05 12:00", "2024-01-01"), "4 days 12:00:00");
  EXPECT_EQ(difference("2024-01-01", "2024-01-05 12:00"), "-4 days -12:00:00");
  EXPECT_EQ(difference("2024-03-01", "2024-02-01"), "29 days");
  EXPECT_EQ(difference("2024-01-01 01:00", "2024-01-01"), "01:00:00");
  EXPECT_EQ(SubtractDates(Date("2024-03-01"), Date("2024-02-01")), 29);
  EXPECT_EQ(SubtractDates(Date("2024-01-01"), Date("2024-12-31")), -365);
  EXPECT_EQ(FormatDate(AddDaysToDate(Date("2024-02-28"), 1)), "2024-02-29");
  EXPECT_EQ(AddDaysToDate(kDateInfinity, 5), kDateInfinity);
  EXPECT_THROW(AddDaysToDate(kMaxDate, 1), Error);
  EXPECT_THROW(SubtractDates(kDateInfinity, 0), Error);
  EXPECT_THROW(SubtractTimestamps(kTimestampInfinity, 0), Error);
  EXPECT_EQ(FormatTime(AddIntervalToTime(23 * kMicrosPerHour, ParseIntervalOk("2 hours"))),
            "01:00:00");
  EXPECT_EQ(FormatTime(AddIntervalToTime(kMicrosPerHour, ParseIntervalOk("-2 hours"))), "23:00:00");
}

TEST(DatetimeArithmeticTest, Conversions) {
  EXPECT_EQ(DateToTimestamp(Date("2024-01-05")), Timestamp("2024-01-05"));
  EXPECT_EQ(DateToTimestamp(kDateInfinity), kTimestampInfinity);
  EXPECT_THROW(DateToTimestamp(kMaxDate), Error);
  EXPECT_EQ(TimestampToDate(Timestamp("1969-12-31 23:00")), Date("1969-12-31"));
  EXPECT_EQ(TimestampToDate(kTimestampNegativeInfinity), kDateNegativeInfinity);
  EXPECT_EQ(FormatTime(TimestampToTime(Timestamp("1969-12-31 23:00"))), "23:00:00");
  EXPECT_EQ(TimestampTzToLocal(0, Zone(3600)), kMicrosPerHour);
  EXPECT_EQ(LocalToTimestampTz(kMicrosPerHour, Zone(3600)), 0);
  const DateTimeFields fields = SplitTimestamp(Timestamp("0044-03-15 12:34:56.789 BC"));
  EXPECT_EQ(fields.year, -43);
  EXPECT_EQ(fields.month, 3);
  EXPECT_EQ(fields.minute, 34);
  EXPECT_EQ(fields.micros, 789000);
  EXPECT_EQ(JoinTimestamp(fields), Timestamp("0044-03-15 12:34:56.789 BC"));
}

TEST(IntervalMathTest, ComparesNormalized) {
  EXPECT_EQ(CompareIntervals(ParseIntervalOk("1 mon"), ParseIntervalOk("30 days")), 0);
  EXPECT_EQ(CompareIntervals(ParseIntervalOk("1 day"), ParseIntervalOk("24 hours")), 0);
  EXPECT_EQ(CompareIntervals(ParseIntervalOk("1 year"), ParseIntervalOk("360 days")), 0);
  EXPECT_LT(CompareIntervals(ParseIntervalOk("1 mon"), ParseIntervalOk("31 days")), 0);
  EXPECT_GT(CompareIntervals(ParseIntervalOk("1 day 00:00:01"), ParseIntervalOk("24 hours")), 0);
  EXPECT_LT(CompareIntervals(ParseIntervalOk("-1 day"), ParseIntervalOk("00:00:00")), 0);
  EXPECT_EQ(IntervalSortKey({1, 0, 0}), IntervalSortKey({0, 30, 0}));
  // Large values compare without overflow.
  EXPECT_GT(CompareIntervals({INT32_MAX, INT32_MAX, INT64_MAX}, {INT32_MAX, INT32_MAX, 0}), 0);
}

TEST(IntervalMathTest, AddsNegatesAndJustifies) {
  EXPECT_EQ(AddIntervals({1, 2, 3}, {4, 5, 6}), (Interval{5, 7, 9}));
  EXPECT_EQ(SubtractIntervals({1, 2, 3}, {4, 5, 6}), (Interval{-3, -3, -3}));
  EXPECT_EQ(NegateInterval({1, -2, 3}), (Interval{-1, 2, -3}));
  EXPECT_THROW(NegateInterval({INT32_MIN, 0, 0}), Error);
  EXPECT_THROW(AddIntervals({INT32_MAX, 0, 0}, {1, 0, 0}), Error);
  EXPECT_EQ(FormatInterval(JustifyHours(ParseIntervalOk("27 hours"))), "1 day 03:00:00");
  EXPECT_EQ(FormatInterval(JustifyHours(ParseIntervalOk("1 day -1 hour"))), "23:00:00");
  EXPECT_EQ(FormatInterval(JustifyDays(ParseIntervalOk("35 days"))), "1 mon 5 days");
  EXPECT_EQ(FormatInterval(JustifyDays(ParseIntervalOk("1 mon -1 day"))), "29 days");
  EXPECT_EQ(FormatInterval(JustifyInterval(ParseIntervalOk("1 mon -1 hour"))), "29 days 23:00:00");
  EXPECT_EQ(FormatInterval(JustifyInterval(ParseIntervalOk("-1 mon 31 days 25 hours"))),
            "2 days 01:00:00");
}

}  // namespace
}  // namespace basin
