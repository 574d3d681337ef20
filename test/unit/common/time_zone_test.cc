#include "common/time_zone.h"

#include <gtest/gtest.h>

#include <string>

#include "common/datetime.h"
#include "common/posix_time_zone.h"
#include "common/time_zone_registry.h"
#include "common/tzif.h"

namespace basin {
namespace {

int64_t Utc(const char* text) {
  int64_t micros = 0;
  EXPECT_EQ(ParseTimestampTz(text, TimeZone::Utc(), micros), DatetimeParseStatus::kOk) << text;
  return micros / kMicrosPerSecond;
}

int64_t Local(const char* text) {
  int64_t micros = 0;
  EXPECT_EQ(ParseTimestamp(text, micros), DatetimeParseStatus::kOk) << text;
  return micros / kMicrosPerSecond;
}

// Big-endian helpers for a hand-built TZif file.
void Put32(std::string& out, int64_t value) {
  for (int shift = 24; shift >= 0; shift -= 8) out.push_back(static_cast<char>((value >> shift) & 0xFF));
}
void Put64(std::string& out, int64_t value) {
  for (int shift = 56; shift >= 0; shift -= 8) out.push_back(static_cast<char>((value >> shift) & 0xFF));
}

// Version 2: one transition at t=1000 from "AAA" (+1h) to "BBB" (+2h, DST), footer.
std::string TinyTzif() {
  auto header = [](std::string& out) {
    out += "TZif2";
    out.append(15, '\0');
    Put32(out, 0);  // isutcnt
    Put32(out, 0);  // isstdcnt
    Put32(out, 0);  // leapcnt
    Put32(out, 1);  // timecnt
    Put32(out, 2);  // typecnt
    Put32(out, 8);  // charcnt
  };
  auto body = [](std::string& out, bool wide) {
    wide ? Put64(out, 1000) : Put32(out, 1000);
    out.push_back('\1');
    Put32(out, 3600);
    out.push_back('\0');
    out.push_back('\0');
    Put32(out, 7200);
    out.push_back('\1');
    out.push_back('\4');
    out += std::string("AAA\0BBB\0", 8);
  };
  std::string file;
  header(file);
  body(file, false);
  header(file);
  body(file, true);
  file += "\n<+02>-2\n";
  return file;
}

TEST(TzifTest, ParsesBothBlocksAndTheFooter) {
  const auto data = ParseTzif(TinyTzif());
  ASSERT_TRUE(data.has_value());
  ASSERT_EQ(data->transition_times.size(), 1u);
  EXPECT_EQ(data->transition_times[0], 1000);
  ASSERT_EQ(data->types.size(), 2u);
  EXPECT_EQ(data->types[1].abbreviation, "BBB");
  EXPECT_TRUE(data->types[1].is_dst);
  EXPECT_EQ(data->footer, "<+02>-2");
  const TimeZone zone("Tiny", *data, PosixTimeZone::Parse(data->footer));
  EXPECT_EQ(zone.OffsetAt(999), 3600);
  EXPECT_EQ(zone.OffsetAt(1000), 7200);
  EXPECT_EQ(zone.OffsetAt(int64_t{1} << 40), 7200);  // the footer, far past the table
}

TEST(TzifTest, RejectsTruncatedAndForeignFiles) {
  const std::string file = TinyTzif();
  for (size_t length = 0; length + 12 < file.size(); length += 7) {
    EXPECT_FALSE(ParseTzif(file.substr(0, length)).has_value()) << length;
  }
  EXPECT_FALSE(ParseTzif("# tzdata.zi, not a TZif file").has_value());
}

TEST(PosixTimeZoneTest, ParsesRules) {
  const auto us = PosixTimeZone::Parse("EST5EDT,M3.2.0,M11.1.0");
  ASSERT_TRUE(us.has_value());
  EXPECT_EQ(us->TypeAt(Utc("2024-03-10 06:59:59+00")).utc_offset, -5 * 3600);
  EXPECT_EQ(us->TypeAt(Utc("2024-03-10 07:00:00+00")).utc_offset, -4 * 3600);
  EXPECT_EQ(us->TypeAt(Utc("2024-11-03 05:59:59+00")).abbreviation, "EDT");
  EXPECT_EQ(us->TypeAt(Utc("2024-11-03 06:00:00+00")).abbreviation, "EST");
  const auto next = us->NextTransitionAfter(Utc("2024-06-01 00:00+00"));
  ASSERT_TRUE(next.has_value());
  EXPECT_EQ(next->utc_seconds, Utc("2024-11-03 06:00:00+00"));
  // Southern hemisphere: DST across the new year; half-hour shift (Lord Howe).
  const auto lord_howe = PosixTimeZone::Parse("<+1030>-10:30<+11>-11,M10.1.0,M4.1.0");
  ASSERT_TRUE(lord_howe.has_value());
  EXPECT_EQ(lord_howe->TypeAt(Utc("2024-01-15 00:00+00")).utc_offset, 11 * 3600);
  EXPECT_EQ(lord_howe->TypeAt(Utc("2024-07-15 00:00+00")).utc_offset, 10 * 3600 + 1800);
  // POSIX signs are west-positive; PostgreSQL allows an empty name.
  EXPECT_EQ(PosixTimeZone::Parse("UTC+3")->TypeAt(0).utc_offset, -3 * 3600);
  EXPECT_EQ(PosixTimeZone::Parse("+05:30")->TypeAt(0).utc_offset, -(5 * 3600 + 1800));
  EXPECT_FALSE(PosixTimeZone::Parse("Mars").has_value());
  EXPECT_FALSE(PosixTimeZone::Parse("EST5EDT,M13.1.0,M11.1.0").has_value());
}

TEST(TimeZoneRegistryTest, FindsZonesAndRejectsPaths) {
  const TimeZone* new_york = FindTimeZone("america/new_york");
  ASSERT_NE(new_york, nullptr);
  EXPECT_EQ(new_york->name(), "America/New_York");
  EXPECT_EQ(new_york, FindTimeZone("America/New_York"));  // loaded once
  EXPECT_EQ(FindTimeZone("../../etc/passwd"), nullptr);
  EXPECT_EQ(FindTimeZone("/etc/passwd"), nullptr);
  EXPECT_EQ(FindTimeZone("America/../../etc/passwd"), nullptr);
  EXPECT_EQ(FindTimeZone("Mars/Olympus"), nullptr);
  EXPECT_EQ(FindTimeZone("utc+3")->name(), "UTC+3");
  EXPECT_EQ(FixedOffsetTimeZone(-7 * 3600)->name(), "<-07>+07");
  EXPECT_EQ(FixedOffsetTimeZone(19800)->name(), "<+05:30>-05:30");
  EXPECT_EQ(FindTimeZoneAbbreviation("PDT"), -7 * 3600);
}

TEST(TimeZoneTest, ResolvesGapsAndOverlapsAsPostgres) {
  const TimeZone& new_york = *FindTimeZone("America/New_York");
  // 02:30 does not exist on 2024-03-10: read with the offset before the gap (EST).
  EXPECT_EQ(new_york.OffsetForLocal(Local("2024-03-10 02:30")), -5 * 3600);
  EXPECT_EQ(new_york.OffsetForLocal(Local("2024-03-10 03:00")), -4 * 3600);
  // 01:30 happens twice on 2024-11-03: the later, standard-time one wins.
  EXPECT_EQ(new_york.OffsetForLocal(Local("2024-11-03 01:30")), -5 * 3600);
  EXPECT_EQ(new_york.OffsetForLocal(Local("2024-11-03 00:59")), -4 * 3600);
  // Far future (footer) and before standard time (local mean time, -4:56:02).
  EXPECT_EQ(new_york.OffsetAt(Utc("2200-07-01 00:00+00")), -4 * 3600);
  EXPECT_EQ(new_york.OffsetAt(Utc("1800-01-01 00:00+00")), -(4 * 3600 + 56 * 60 + 2));
  const TimeZone& kolkata = *FindTimeZone("Asia/Kolkata");
  EXPECT_EQ(kolkata.fixed_offset(), std::nullopt);  // it was not always +05:30
  EXPECT_EQ(kolkata.OffsetAt(Utc("2024-01-01 00:00+00")), 5 * 3600 + 1800);
  EXPECT_TRUE(TimeZone::Utc().is_utc());
}

}  // namespace
}  // namespace basin
